// The page scograph writes (-T html), used as a reader would, in Debian's
// chromium driven by puppeteer-core: search, a click, a relation followed,
// the fragment, the keyboard, zoom; the hostile graph's texts shown as
// text and no script of its run; no request and no console error on any
// page. Prints "ok ..." or "FAIL ..." a check, and a screenshot of each
// step into DIR.
// usage: node tests/browser/page.mjs SCOGRAPH DIR
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const [scograph, dir] = process.argv.slice(2);
let failed = 0;
const check = (what, ok, detail = '') => {
	console.log(`${ok ? 'ok' : 'FAIL'} ${what}${ok || !detail ? '' : `: ${detail}`}`);
	failed += ok ? 0 : 1;
};
const draw = (name, ...args) => {
	const file = path.join(dir, `${name}.html`);
	execFileSync(scograph, [...args, '-o', file], { stdio: ['ignore', 'ignore', 'pipe'] });
	return file;
};

const browser = await puppeteer.launch({
	executablePath: '/usr/bin/chromium',
	headless: true,
	userDataDir: path.join(dir, 'profile'),
	args: ['--no-sandbox', '--disable-gpu', '--hide-scrollbars'],
});

// open FILE: a page of it, every request and console error kept
async function open(file, fragment = '') {
	const page = await browser.newPage();
	await page.setViewport({ width: 1000, height: 700 });
	page.requests = [];
	page.problems = [];
	page.on('request', (r) => {
		if (r.url().split('#')[0] !== `file://${file}`)
			page.requests.push(r.url());
	});
	page.on('console', (m) => {
		if (m.type() === 'error')
			page.problems.push(m.text());
	});
	page.on('pageerror', (e) => page.problems.push(String(e)));
	await page.goto(`file://${file}${fragment}`);
	await page.waitForSelector('html[data-ready]', { timeout: 10000 });
	return page;
}
const shot = (page, name) => page.screenshot({ path: path.join(dir, `${name}.png`) });
const panelTitle = (page) => page.$eval('#panel', (p) => p.hidden ? null :
	p.querySelector('h2').textContent);
const clean = (page, what) => {
	check(`${what}: no request`, page.requests.length === 0, page.requests.join(' '));
	check(`${what}: no console error`, page.problems.length === 0, page.problems.join(' | '));
};

// ---- the harness: a page that makes a request and logs an error fails
// the checks every page must pass
let page = await open(path.resolve('tests/browser/bad.html'));
check('the harness sees a request', page.requests.length > 0);
check('the harness sees a console error', page.problems.length > 0);
await page.close();

// ---- the SCO graph around Kazakhstan
const sco = draw('sco', '--focus', 'Kazakhstan');
const data = JSON.parse(execFileSync(scograph, ['--focus', 'Kazakhstan', '-T', 'json']));
page = await open(sco);
await shot(page, 'page-1-open');
check('the drawing is in the page', await page.$('#view svg g#e\\.kazakhstan') !== null);

await page.keyboard.press('/');
check('/ focuses the search box', await page.evaluate(() => document.activeElement.id) === 'search');
await page.keyboard.type('invest');
const found = await page.$$eval('#results li', (li) => li.map((l) => l.firstChild.textContent));
check('search finds by part of a name', found[0] === 'SCO Investment Fund', found.join(', '));
await shot(page, 'page-2-search');
await page.keyboard.press('Enter');
check('Enter opens its panel', await panelTitle(page) === 'SCO Investment Fund');
check('the fragment names it', await page.evaluate(() => location.hash) === '#entity=sco-investment-fund');
check('it is marked in the drawing', await page.$eval('g#e\\.sco-investment-fund', (g) => g.classList.contains('chosen')));
check('the rest is dimmed', await page.$eval('#view svg', (s) => s.classList.contains('dim')));
await shot(page, 'page-3-found');

await page.keyboard.press('Escape');
check('Escape closes the panel', await panelTitle(page) === null);
await page.click('#search');
await page.keyboard.press('Escape');
check('Escape in the search box empties it', await page.$eval('#search', (s) => s.value) === '');
await page.type('#search', 'REPUBLIC');
const byAlias = await page.$$eval('#results li', (li) => li.map((l) => l.firstChild.textContent));
check('search finds by an alias, in any case', byAlias[0] === 'Kazakhstan', byAlias.join(', '));
await page.keyboard.press('Escape');
await page.type('#search', 'nurly zhól');
const accented = await page.$$eval('#results li', (li) => li.map((l) => l.firstChild.textContent));
check('search ignores accents', accented[0] === 'Nurly Zhol', accented.join(', '));
await page.keyboard.press('Escape');
await page.type('#search', 'proposal');
check('search finds by type', (await page.$$('#results li')).length >= 3);
await page.keyboard.press('Escape');

await page.click('g#e\\.kazakhstan');
check('a click rings no box in black (the link it focuses has no outline)',
	await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle) === 'none');
check('a click opens the entity', await panelTitle(page) === 'Kazakhstan');
const touching = data.relations.filter((r) => r.from === 'kazakhstan' || r.to === 'kazakhstan').length;
const listed = await page.$$eval('#panel li', (li) => li.length);
check('its panel lists its relations', listed === touching, `${listed} of ${touching}`);
check('its relations are lit', await page.$$eval('#view g.edge.on', (e) => e.length) >= touching);
const evidence = await page.$$eval('#panel .evidence', (e) => e.map((x) => x.textContent));
check('with their evidence and source', evidence.some((t) => t.startsWith('source: Kazakhstan’s Crucial Role in SCO')));
await shot(page, 'page-4-entity');
const follow = await page.$$('#panel button.follow');
const next = await follow[0].evaluate((b) => b.textContent);
await follow[0].click();
check('a relation followed opens its other end', await panelTitle(page) === next, next);
await shot(page, 'page-5-followed');

// the keyboard: Tab reaches the entities, Enter opens one, + zooms
await page.keyboard.press('Escape');
await page.$eval('#types summary', (b) => b.focus());
await page.keyboard.press('Tab');
const focused = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
check('Tab moves to an entity, labelled', focused !== null && focused.length > 0, String(focused));
await page.keyboard.press('Enter');
check('Enter on it opens it', (await panelTitle(page)) !== null);
const width = () => page.$eval('#view svg', (s) => s.viewBox.baseVal.width);
const before = await width();
await page.keyboard.press('Escape');
await page.$eval('#types summary', (b) => b.blur());
await page.keyboard.press('+');
check('+ zooms in', await width() < before);
const left = () => page.$eval('#view svg', (s) => s.viewBox.baseVal.x);
const x0 = await left();
await page.keyboard.press('ArrowRight');
check('an arrow key pans', await left() > x0);
await page.keyboard.press('ArrowLeft');
check('and back', Math.abs(await left() - x0) < 0.01);
await page.keyboard.press('0');
check('0 fits the drawing again', Math.abs(await width() - before) < 0.01);
await page.mouse.move(500, 400);
await page.mouse.wheel({ deltaY: -300 });
check('the wheel zooms', await width() < before);
// the legend's types: hiding one hides its entities and their relations
await page.click('#types summary');
check('Types opens the list of types', await page.$eval('#types', (d) => d.open));
await page.click('input[data-type="e:proposal"]');
const visible = (sel) => page.$eval(sel, (el) => getComputedStyle(el).display !== 'none');
check('a type hidden hides its entities', !(await visible('g#e\\.sco-investment-fund')));
check('and their relations', !(await visible('g#r\\.kazakhstan\\.proposes\\.sco-investment-fund')));
check('and no other', await visible('g#e\\.nurly-zhol'));
await shot(page, 'page-types');
await page.click('input[data-type="r:pursues"]');
check('a relation type hidden hides its relations', !(await visible('g#r\\.kazakhstan\\.pursues\\.nurly-zhol')));
check('not their entities', await visible('g#e\\.nurly-zhol'));
await page.click('input[data-type="e:proposal"]');
await page.click('input[data-type="r:pursues"]');
check('shown again', await visible('g#e\\.sco-investment-fund') &&
	await visible('g#r\\.kazakhstan\\.pursues\\.nurly-zhol'));
clean(page, 'SCO page');
await page.close();

// the fragment restores the state
page = await open(sco, '#entity=nurly-zhol');
check('#entity=nurly-zhol opens Nurly Zhol', await panelTitle(page) === 'Nurly Zhol');
await shot(page, 'page-6-fragment');
clean(page, 'the page opened at an entity');
await page.close();

// ---- other drawings open cleanly: theme auto's own style (allowed by
// its hash), a diff, neato's words as nodes
for (const [name, args] of [
	['auto', ['--focus', 'Kazakhstan', '--theme', 'auto', '--legend']],
	['diff', ['--diff', 'examples/sco-before.json', '--legend']],
	['neato', ['--focus', 'Kazakhstan', '-K', 'neato']],
]) {
	page = await open(draw(name, ...args));
	const styles = await page.$$eval('style', (s) => s.length);
	check(`${name}: its styles are in the page`, styles >= 1);
	await shot(page, `page-${name}`);
	clean(page, `${name} page`);
	await page.close();
}

// ---- a summary: what it holds, and the command that draws it
page = await open(draw('folded', '--focus', 'Kazakhstan', '--max-nodes', '5'));
await page.click('g#f\\.1');
check('a summary opens its panel', await panelTitle(page) === '11 entities');
check('with the ids it holds', await page.$$eval('#panel li', (li) => li.length) === 11);
check('and the command that draws them', (await page.$eval('#panel code', (c) => c.textContent))
	.startsWith('scograph GRAPH --focus kazakhstan'));
// opened in place: its own drawing, over the whole one, with the entity
// it is beside and the 11 it folded; Escape, or the button, goes back
const inPlace = () => page.$$eval('#unfolded:not([hidden]) svg g.node', (g) => g.length);
check('and opens in place: its own drawing of the 12', await inPlace() === 12);
check('which names what it holds', await page.$$eval('#unfolded svg g.node title',
	(t) => t.map((x) => x.textContent)).then((names) => names.includes('kazakhstan')));
await shot(page, 'page-summary');
await page.keyboard.press('Escape');
check('Escape goes back to the whole drawing', await page.$eval('#unfolded', (d) => d.hidden));
await page.click('g#f\\.1');
await page.click('#unfolded button.back');
check('so does its button', await page.$eval('#unfolded', (d) => d.hidden));
clean(page, 'folded page');
await page.close();

// ---- a diff: its changes beside the drawing, each going to its item
const changes = JSON.parse(execFileSync(scograph, ['--diff', 'examples/sco-before.json', '-T', 'json']));
page = await open(path.join(dir, 'diff.html'));
const listedChanges = await page.$$eval('#changes li', (li) => li.length);
const all = changes.entities.length + changes.relations.length;
check('a diff lists its changes', listedChanges === all, `${listedChanges} of ${all}`);
await page.click('#changes li button');
check('a change opens its item', await panelTitle(page) === changes.entities[0].name);
const sameShown = () => page.$$eval('#view g.same', (g) => g.filter((x) =>
	getComputedStyle(x).display !== 'none').length);
const beforeOnly = await sameShown();
await page.click('#changes-only');
check('"changes only" hides what stayed the same', beforeOnly > 0 && await sameShown() === 0);
await shot(page, 'page-diff-changes');
clean(page, 'diff page');
await page.close();

// ---- the hostile graph: every text tries to run script
const hostile = draw('hostile', 'tests/browser/hostile.json', '--legend', '--caption');
const texts = JSON.parse(readFileSync('tests/browser/hostile.json', 'utf8'));
page = await open(hostile);
check('no script of the input ran', await page.evaluate(() =>
	!document.documentElement.hasAttribute('data-pwned') &&
	document.querySelectorAll('[data-pwned]').length === 0));
check('only the page\'s own script', await page.$$eval('script', (s) =>
	s.filter((x) => x.type !== 'application/json').length) === 1);
const first = texts.entities[0];
await page.type('#search', 'script');
await page.keyboard.press('Enter');
const shown = await panelTitle(page);
check('a name shows as text', shown !== null && shown.includes('<script>'), String(shown));
await shot(page, 'page-7-hostile');
check('no script of the input ran after opening it', await page.evaluate(() =>
	!document.documentElement.hasAttribute('data-pwned')));
check('the first entity is in the data as it was written', await page.evaluate(
	(id) => JSON.parse(document.getElementById('graph').textContent).graph
		.entities.some((e) => e.id === id), first.id));
clean(page, 'hostile page');
await page.close();

await browser.close();
process.exit(failed ? 1 : 0);
