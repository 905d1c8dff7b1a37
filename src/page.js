/* scograph's page of a drawing (src/html.c): pan and zoom, search, and a
 * panel of the chosen entity with its relations to follow. Everything it
 * shows of the graph comes from the JSON in #graph and goes into the page
 * as text (textContent), never as markup; links are http, https or mailto
 * only. The state is in the URL's fragment: #entity=ID. */
'use strict';
(function () {
	const data = JSON.parse(document.getElementById('graph').textContent);
	const graph = data.graph;
	const entities = graph.entities || [];
	const relations = graph.relations || [];
	const sources = new Map(((graph.graph || {}).sources || [])
		.map((s) => [s.id, s]));
	const view = document.getElementById('view');
	const svg = view.querySelector('svg');
	const panel = document.getElementById('panel');
	const search = document.getElementById('search');
	const results = document.getElementById('results');
	const index = new Map(entities.map((e, i) => [e.id, i]));
	const name = (e) => e.name || e.id;

	/* ---- the drawing's elements of each entity and relation ---- */
	const byElement = (id) => id && document.getElementById(id);
	const nodes = entities.map((e, i) => byElement(data.svg.entities[i]));
	/* a relation's line, and where its words are a node of their own
	 * (neato and the like), the line's second half and the words */
	const lines = relations.map((r, i) => ['', '.words', '.head']
		.map((end) => byElement(data.svg.relations[i] + end))
		.filter(Boolean));
	const touching = entities.map(() => []);
	relations.forEach((r, i) => {
		for (const end of [r.from, r.to])
			if (index.has(end) && !touching[index.get(end)].includes(i))
				touching[index.get(end)].push(i);
	});

	/* ---- pan and zoom: the SVG's viewBox ---- */
	const whole = svg.viewBox.baseVal;
	const home = { x: whole.x, y: whole.y, w: whole.width, h: whole.height };
	let box = { ...home };
	svg.removeAttribute('width');
	svg.removeAttribute('height');
	const show = () => svg.setAttribute('viewBox',
		`${box.x} ${box.y} ${box.w} ${box.h}`);
	/* client coordinates in the SVG's own */
	const at = (cx, cy) => {
		const p = new DOMPoint(cx, cy).matrixTransform(
			svg.getScreenCTM().inverse());
		return { x: p.x, y: p.y };
	};
	const zoom = (f, c) => {
		const w = Math.min(Math.max(box.w * f, home.w / 50), home.w * 5);
		f = w / box.w;
		box = { x: c.x - (c.x - box.x) * f, y: c.y - (c.y - box.y) * f,
			w: box.w * f, h: box.h * f };
		show();
	};
	const middle = () => {
		const r = view.getBoundingClientRect();
		return at(r.left + r.width / 2, r.top + r.height / 2);
	};
	const fit = () => { box = { ...home }; show(); };
	/* a step of the arrow keys: an eighth of what is in view */
	const pan = (dx, dy) => {
		box.x += dx * box.w / 8;
		box.y += dy * box.h / 8;
		show();
	};
	const centre = (el) => {
		const r = el.getBoundingClientRect();
		const c = at(r.left + r.width / 2, r.top + r.height / 2);
		const m = middle();
		box.x += c.x - m.x;
		box.y += c.y - m.y;
		show();
	};
	view.addEventListener('wheel', (ev) => {
		ev.preventDefault();
		zoom(Math.exp(ev.deltaY * 0.0015), at(ev.clientX, ev.clientY));
	}, { passive: false });
	const pointers = new Map();
	let moved = false;
	view.addEventListener('pointerdown', (ev) => {
		pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
		moved = false;
	});
	view.addEventListener('pointermove', (ev) => {
		const was = pointers.get(ev.pointerId);
		if (!was)
			return;
		const now = { x: ev.clientX, y: ev.clientY };
		if (pointers.size === 1) {
			if (!moved && Math.hypot(now.x - was.x, now.y - was.y) < 4)
				return;
			if (!moved)
				view.setPointerCapture(ev.pointerId);
			moved = true;
			view.classList.add('dragging');
			const a = at(was.x, was.y), b = at(now.x, now.y);
			box.x -= b.x - a.x;
			box.y -= b.y - a.y;
			show();
		} else if (pointers.size === 2) { /* a pinch */
			const other = [...pointers].find(([id]) => id !== ev.pointerId)[1];
			const before = Math.hypot(was.x - other.x, was.y - other.y);
			const after = Math.hypot(now.x - other.x, now.y - other.y);
			moved = true;
			if (before > 0 && after > 0)
				zoom(before / after, at((now.x + other.x) / 2,
							(now.y + other.y) / 2));
		}
		pointers.set(ev.pointerId, now);
	});
	const release = (ev) => {
		pointers.delete(ev.pointerId);
		view.classList.remove('dragging');
	};
	view.addEventListener('pointerup', release);
	view.addEventListener('pointercancel', release);
	document.getElementById('zoom-in').addEventListener('click',
		() => zoom(1 / 1.25, middle()));
	document.getElementById('zoom-out').addEventListener('click',
		() => zoom(1.25, middle()));
	document.getElementById('fit').addEventListener('click', fit);

	/* ---- the chosen entity: marked, its relations lit, the rest dim ---- */
	let chosen = -1;
	const add = (tag, text, cls) => {
		const el = document.createElement(tag);
		if (text !== undefined)
			el.textContent = text;
		if (cls)
			el.className = cls;
		return el;
	};
	const safeLink = (url) => {
		try {
			const u = new URL(url);
			if (!['http:', 'https:', 'mailto:'].includes(u.protocol))
				return null;
		} catch (e) {
			return null;
		}
		const a = add('a', url);
		a.href = url;
		a.rel = 'noopener noreferrer';
		a.target = '_blank';
		return a;
	};
	const asText = (v) => typeof v === 'string' ? v : JSON.stringify(v);
	const citation = (id) => {
		const s = sources.get(id);
		if (!s)
			return id;
		return [s.title, s.author, s.date].filter(Boolean).join(', ') || id;
	};
	const fields = new Set(['id', 'name', 'type', 'aliases', 'description',
		'url', 'parent']);
	const relationItem = (i, from) => {
		const r = relations[i];
		const out = r.from === from;
		const other = index.get(out ? r.to : r.from);
		const li = add('li');
		const words = r.label || r.type.replace(/[_-]/g, ' ');
		li.append(add('span', out ? `${words} → ` : `← ${words} `));
		const go = add('button', other !== undefined ?
			name(entities[other]) : (out ? r.to : r.from), 'follow');
		go.type = 'button';
		if (other !== undefined)
			go.addEventListener('click', () => choose(other, true));
		else
			go.disabled = true;
		li.append(go);
		if (r.evidence)
			li.append(add('div', r.evidence, 'evidence'));
		if (r.source)
			li.append(add('div', `source: ${citation(r.source)}`,
				'evidence'));
		return li;
	};
	/* the panel emptied, with its close button and title */
	const start = (title) => {
		panel.replaceChildren();
		const close = add('button', '×', 'close');
		close.type = 'button';
		close.setAttribute('aria-label', 'close');
		close.addEventListener('click', () => choose(-1, true));
		panel.append(close, add('h2', title));
	};
	const fill = (i) => {
		const e = entities[i];
		start(name(e));
		if (e.type)
			panel.append(add('div', e.type, 'type'));
		if (e.aliases && e.aliases.length)
			panel.append(add('p', `also: ${e.aliases.join(', ')}`));
		if (e.description)
			panel.append(add('p', e.description));
		const link = e.url && safeLink(e.url);
		if (link) {
			const p = add('p');
			p.append(link);
			panel.append(p);
		}
		const attrs = Object.keys(e).filter((k) => !fields.has(k));
		if (attrs.length) {
			const dl = add('dl');
			for (const k of attrs)
				dl.append(add('dt', k), add('dd', asText(e[k])));
			panel.append(add('h3', 'attributes'), dl);
		}
		const ul = add('ul');
		for (const r of touching[i])
			ul.append(relationItem(r, e.id));
		panel.append(add('h3', `relations (${touching[i].length})`), ul);
		panel.hidden = false;
	};
	const mark = (on) => {
		svg.querySelectorAll('.on, .chosen')
			.forEach((el) => el.classList.remove('on', 'chosen'));
		svg.classList.toggle('dim', on >= 0);
		if (on < 0)
			return;
		if (nodes[on])
			nodes[on].classList.add('on', 'chosen');
		for (const r of touching[on]) {
			lines[r].forEach((el) => el.classList.add('on'));
			for (const end of [relations[r].from, relations[r].to])
				if (nodes[index.get(end)])
					nodes[index.get(end)].classList.add('on');
		}
	};
	function choose(i, remember) {
		chosen = i;
		mark(i);
		if (i < 0) {
			panel.hidden = true;
		} else {
			fill(i);
			if (nodes[i])
				centre(nodes[i]);
		}
		if (remember)
			history.replaceState(null, '', i < 0 ? location.pathname :
				`#entity=${encodeURIComponent(entities[i].id)}`);
	}

	/* ---- a summary opened in place: the drawing of what it holds,
	 * made with the page (a template unfold-N), over the whole one ---- */
	const unfolded = add('div');
	unfolded.id = 'unfolded';
	unfolded.hidden = true;
	/* the whole drawing under it stays where it was */
	for (const type of ['pointerdown', 'wheel'])
		unfolded.addEventListener(type, (ev) => ev.stopPropagation());
	view.append(unfolded);
	const closeFold = () => {
		unfolded.hidden = true;
		unfolded.replaceChildren();
	};
	const openFold = (n) => {
		const t = document.getElementById(`unfold-${n}`);
		if (!t)
			return false;
		const back = add('button', '\u2190 the whole drawing', 'back');
		back.type = 'button';
		back.addEventListener('click', closeFold);
		unfolded.replaceChildren(back, t.content.cloneNode(true));
		unfolded.hidden = false;
		back.focus();
		return true;
	};

	/* ---- a summary (f.N, "fold:N" in the data): what it holds, and
	 * the command that draws them ---- */
	const folded = (s) => {
		mark(-1);
		chosen = -1;
		start(s.label);
		panel.append(add('div', 'folded', 'type'));
		if (!openFold(s.id.replace(/^fold:/, '')))
			panel.append(add('p', 'too many to draw in this page: ' +
				'the command below draws them'));
		const around = s.entity && index.has(s.entity) ?
			name(entities[index.get(s.entity)]) : null;
		if (around)
			panel.append(add('p', `beside ${around}, joined by ${s.relations} ` +
				`relation${s.relations === 1 ? '' : 's'}`));
		const words = ['scograph', 'GRAPH', '--focus', s.entity || '?'];
		if (s.type)
			words.push('--type', s.type);
		if (s.relation)
			words.push('--relation', s.relation);
		if (s.direction && s.direction !== 'both')
			words.push('--direction', s.direction);
		panel.append(add('h3', 'to draw them'),
			add('code', words.map((w) => /^[\w.:-]+$/.test(w) ? w :
				`'${w.replace(/'/g, "'\\''")}'`).join(' ')));
		const ul = add('ul');
		for (const id of s.entities.slice(0, 200))
			ul.append(add('li', id));
		panel.append(add('h3', s.entities.length > 200 ?
			`the first 200 of ${s.entities.length}` :
			`the ${s.entities.length} ids`), ul);
		panel.hidden = false;
	};

	/* ---- what the drawing's boxes do: a click, or Tab to one and
	 * Enter or Space ---- */
	const active = (el, label, go) => {
		el.setAttribute('tabindex', '0');
		el.setAttribute('role', 'button');
		el.setAttribute('aria-label', label);
		/* the box is the one stop: its link is in the panel */
		el.querySelectorAll('a').forEach((a) => a.setAttribute('tabindex', '-1'));
		el.addEventListener('click', (ev) => {
			ev.preventDefault();
			if (!moved)
				go();
		});
		el.addEventListener('keydown', (ev) => {
			if (ev.key === 'Enter' || ev.key === ' ') {
				ev.preventDefault();
				go();
			}
		});
	};
	for (const s of graph.summaries || []) {
		const el = byElement(s.id.replace(/^fold:/, 'f.'));
		if (el)
			active(el, `${s.label}, folded`, () => folded(s));
	}
	nodes.forEach((el, i) => el && active(el, entities[i].type ?
		`${name(entities[i])} (${entities[i].type})` : name(entities[i]),
	() => choose(i, true)));

	/* ---- search: part of a name, an alias, an id or a type ---- */
	const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
	const haystack = entities.map((e) => [name(e), e.id, e.type || '',
		...(e.aliases || [])].map(fold));
	let found = [], current = -1;
	const find = (q) => {
		q = fold(q.trim());
		if (!q)
			return [];
		const hits = [];
		haystack.forEach((words, i) => {
			let rank = 9;
			for (const [k, w] of words.entries()) {
				const at = w.indexOf(q);
				if (at >= 0)
					rank = Math.min(rank, (w === q ? 0 : at === 0 ? 1 : 2) +
						(k === 0 ? 0 : 3));
			}
			if (rank < 9)
				hits.push([rank, i]);
		});
		hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
		return hits.slice(0, 20).map((h) => h[1]);
	};
	const list = () => {
		results.replaceChildren(...found.map((i, k) => {
			const li = add('li', name(entities[i]));
			li.id = `result-${k}`;
			li.setAttribute('role', 'option');
			li.setAttribute('aria-selected', String(k === current));
			if (entities[i].type)
				li.append(' ', add('span', entities[i].type, 'type'));
			li.addEventListener('mousedown', (ev) => {
				ev.preventDefault();
				pick(k);
			});
			return li;
		}));
		search.setAttribute('aria-activedescendant',
			current >= 0 ? `result-${current}` : '');
	};
	const pick = (k) => {
		if (k < 0 || k >= found.length)
			return;
		const i = found[k];
		found = [];
		current = -1;
		list();
		choose(i, true);
		if (nodes[i])
			nodes[i].focus({ preventScroll: true });
	};
	search.addEventListener('input', () => {
		found = find(search.value);
		current = found.length ? 0 : -1;
		list();
	});
	search.addEventListener('keydown', (ev) => {
		if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
			ev.preventDefault();
			if (found.length)
				current = (current + (ev.key === 'ArrowDown' ? 1 : -1) +
					found.length) % found.length;
			list();
		} else if (ev.key === 'Enter') {
			ev.preventDefault();
			pick(current < 0 ? 0 : current);
		} else if (ev.key === 'Escape') {
			search.value = '';
			found = [];
			list();
			search.blur();
		}
	});

	/* ---- the legend's types, each shown or hidden: an entity hidden
	 * takes its relations with it ---- */
	const hidden = new Set();
	const apply = () => {
		const off = entities.map((e) => hidden.has(`e:${e.type || ''}`));
		nodes.forEach((el, i) => el && el.classList.toggle('off', off[i]));
		relations.forEach((r, i) => lines[i].forEach((el) =>
			el.classList.toggle('off', hidden.has(`r:${r.type}`) ||
				off[index.get(r.from)] || off[index.get(r.to)])));
	};
	const toggles = document.getElementById('type-list');
	const counted = (items, key) => {
		const n = new Map();
		items.forEach((x) => n.set(key(x), (n.get(key(x)) || 0) + 1));
		return n;
	};
	for (const [kind, items, section, key] of [
		['e', entities, graph.types || {}, (e) => e.type || ''],
		['r', relations, graph.relation_types || {}, (r) => r.type],
	]) {
		for (const [type, n] of counted(items, key)) {
			const label = add('label');
			const box = add('input');
			box.type = 'checkbox';
			box.checked = true;
			box.dataset.type = `${kind}:${type}`;
			box.addEventListener('change', () => {
				hidden[box.checked ? 'delete' : 'add'](box.dataset.type);
				apply();
			});
			const words = (section[type] || {}).label ||
				(type ? type.replace(/[_-]/g, ' ') : 'no type');
			label.append(box, ` ${kind === 'r' ? '→ ' : ''}${words} `,
				add('span', `(${n})`, 'type'));
			toggles.append(label);
		}
	}

	/* ---- a diff's changes, beside the drawing: each line goes to its
	 * item; "changes only" hides what stayed the same ---- */
	if (data.diff) {
		const nav = document.getElementById('changes');
		const sign = { added: '+', removed: '−', changed: '~' };
		const value = (v) => v === null ? '(none)' : JSON.stringify(v);
		const what = (c) => c.changes ? c.changes.map((x) =>
			`${x.field || x.attribute}: ${value(x.old)} → ${value(x.new)}`) : [];
		const ul = add('ul');
		const item = (c, text, go) => {
			const li = add('li');
			const b = add('button', `${sign[c.status]} ${text}`, 'follow');
			b.type = 'button';
			b.addEventListener('click', go);
			li.append(b);
			for (const line of what(c))
				li.append(add('div', line, 'evidence'));
			ul.append(li);
		};
		for (const c of data.diff.entities || [])
			item(c, `${c.name || c.id} (${c.type || 'entity'})`, () => {
				if (index.has(c.id))
					choose(index.get(c.id), true);
			});
		for (const c of data.diff.relations || []) {
			const i = relations.findIndex((r) => r.from === c.from &&
				r.to === c.to && r.type === c.type && r.id === c.id);
			const end = (id) => index.has(id) ? name(entities[index.get(id)]) : id;
			item(c, `${end(c.from)} ${c.type.replace(/[_-]/g, ' ')} ${end(c.to)}`,
				() => {
					choose(-1, true);
					if (i < 0)
						return;
					svg.classList.add('dim');
					lines[i].forEach((el) => el.classList.add('on'));
					for (const id of [c.from, c.to])
						if (nodes[index.get(id)])
							nodes[index.get(id)].classList.add('on');
					if (lines[i][0])
						centre(lines[i][0]);
				});
		}
		const only = add('label');
		const box = add('input');
		box.type = 'checkbox';
		box.id = 'changes-only';
		box.addEventListener('change', () =>
			svg.classList.toggle('changes-only', box.checked));
		only.append(box, ' changes only');
		nav.append(add('h2', `Changes (${ul.children.length})`), only, ul);
		nav.hidden = false;
	}

	/* ---- the keyboard, outside the search box ---- */
	document.addEventListener('keydown', (ev) => {
		if (ev.target === search || ev.ctrlKey || ev.metaKey || ev.altKey)
			return;
		const keys = {
			'/': () => search.focus(),
			'+': () => zoom(1 / 1.25, middle()),
			'=': () => zoom(1 / 1.25, middle()),
			'-': () => zoom(1.25, middle()),
			'0': fit,
			ArrowLeft: () => pan(-1, 0),
			ArrowRight: () => pan(1, 0),
			ArrowUp: () => pan(0, -1),
			ArrowDown: () => pan(0, 1),
			Escape: () => unfolded.hidden ? choose(-1, true) :
				closeFold(),
		};
		if (keys[ev.key]) {
			ev.preventDefault();
			keys[ev.key]();
		}
	});

	/* ---- the state in the fragment: #entity=ID ---- */
	const restore = () => {
		const m = /(?:^#|&)entity=([^&]*)/.exec(location.hash);
		let id = null;
		try {
			id = m && decodeURIComponent(m[1]);
		} catch (e) {
			id = null;
		}
		const i = id !== null && index.has(id) ? index.get(id) : -1;
		if (i !== chosen)
			choose(i, false);
	};
	window.addEventListener('hashchange', restore);
	show();
	restore();
	document.documentElement.dataset.ready = 'true';
})();
