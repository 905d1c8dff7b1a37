/* Drawing: a view becomes a drawing (drawing.c), styled, with every text
 * escaped; the files draw_parts.h names share the work. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw_parts.h"

/* Entity names break into lines of about this many characters. */
#define LINE_WIDTH 22

/* The node of entity e; made when make is 1. */
sg_dobj *dw_node_of(sg_drawing *ag, const sg_graph *g, uint32_t e,
		    int make, struct scratch *sc)
{
	const char *name;

	if (!make || sc->drawn[e].node)
		return sc->drawn[e].node;
	name = dw_node_name(&sc->name, g, e);
	if (!name)
		return NULL;
	return sc->drawn[e].node = sg_drawing_node(sg_drawing_root(ag), name,
						   e);
}

/* Sets the tooltip and the class of obj. */
static int set_extras(sg_dobj *obj, const char *text, const sg_attrs *attrs,
		      const char *type, struct scratch *sc)
{
	const char *class = NULL;

	if (dw_tooltip(&sc->tip, text, attrs) ||
	    (type && !(class = dw_css_class(&sc->class, type))))
		return -1;
	return (sc->tip.len &&
		dw_set_text(obj, "tooltip", sg_buf_str(&sc->tip), &sc->text)) ||
	       (class && set(obj, "class", class));
}

/* Draws entity e as a node, or as the box it is (draw_boxes), and puts it
 * into the box it is inside. */
static int draw_entity(sg_drawing *ag, const sg_view *v, uint32_t e,
		       struct scratch *sc)
{
	const sg_entity *ent = &v->graph->entities[e];
	sg_dobj *n = dw_node_of(ag, v->graph, e, 1, sc);
	sg_dobj *box = sc->boxes ? sc->boxes[e] : NULL;
	sg_dobj *in = sc->holder ? sc->holder[e] : NULL;
	sg_dobj *obj = box ? box : n;

	const sg_type *t = ent->type_index != SG_NONE ?
		&v->graph->types[ent->type_index] : NULL;
	const char *label = dw_wrap(&sc->words, ent->name ? ent->name : ent->id,
				 dw_packing(sc->fit) ?
					 dw_packing(sc->fit)->entity :
					 LINE_WIDTH);

	if (!n || !label || dw_set_text(obj, "label", label, &sc->text) ||
	    dw_set_style(obj, sc->theme, t,
			 t ? (size_t)(t - v->graph->types) : 0, 1))
		return -1;
	if (set_extras(obj, ent->description, &ent->attrs, ent->type, sc) ||
	    (v->diff && dw_draw_status(obj, 1, v, e, sc)))
		return -1;
	if (ent->url && set(obj, "URL", dw_safe_url(&sc->tip, ent->url)))
		return -1;
	sg_buf_reset(&sc->tip);
	if (sg_buf_adds(&sc->tip, "e.") ||
	    dw_add_kept_piece(&sc->tip, &sc->pieces, &sc->drawn[e].piece,
			      &ent->id, e) ||
	    set(obj, "id", sc->tip.buf))
		return -1;
	/* The centre of the drawing stands out in any style: a thick border. */
	if (v->focus[e] && set(obj, "penwidth", "2.8"))
		return -1;
	/* a box's node is the point its relations end at */
	if (box && (set(box, "style", "rounded") ||
		    (sc->fit && set(box, "margin", PAGE_BOX_MARGIN)) ||
		    set(box, "fontsize", "12") || set(n, "shape", "point") ||
		    set(n, "style", "invis") || set(n, "width", "0.01") ||
		    set(n, "height", "0.01")))
		return -1;
	if (box || in)
		sg_drawing_put(box ? box : in, n);
	return 0;
}

/* Whether entity a is b or inside it, in the view. */
static int inside(const sg_view *v, uint32_t a, uint32_t b)
{
	return v->enter[b] <= v->enter[a] && v->leave[a] <= v->leave[b];
}

/*
 * Boxes in boxes drawn at most this deep; deeper, a parent is drawn as an
 * entity beside its children. cgraph makes a node a member of every box
 * around it: boxes in boxes without end would cost the square of the
 * entities.
 */
#define BOX_DEPTH 16

/*
 * Compound entities: an entity that others in the view are inside is
 * drawn as a box (a cluster) around them, inside its own parent's, with
 * its name on top. Its node is an invisible point in the box, where its
 * relations end: dot cuts them at the border (lhead, ltail), other
 * engines draw them to the point. Each entity's line of parents is walked
 * once, outermost first.
 */
static int draw_boxes(sg_drawing *ag, const sg_view *v, struct scratch *sc)
{
	const sg_graph *g = v->graph;
	size_t n = g->nentities + 1;
	unsigned char *is_box = calloc(n, 1), *done = calloc(n, 1);
	uint32_t *line = malloc(n * sizeof(*line));
	uint32_t *depth = malloc(n * sizeof(*depth)); /* boxes around */
	int r = !is_box || !done || !line || !depth, any = 0;

	for (size_t k = 0; k < v->nshown && !r; k++)
		if (v->up[v->shown[k]] != SG_NONE)
			any = is_box[v->up[v->shown[k]]] = 1;
	if (any && !r)
		r = !(sc->boxes = calloc(n, sizeof(*sc->boxes))) ||
		    !(sc->holder = calloc(n, sizeof(*sc->holder))) ||
		    set(sg_drawing_root(ag), "compound", "true");
	for (size_t k = 0; k < v->nshown && any && !r; k++) {
		uint32_t e = v->shown[k];
		size_t m = 0;

		for (; e != SG_NONE && !done[e]; e = v->up[e])
			line[m++] = e;
		while (m-- && !r) {
			char name[sizeof("cluster_box_") + 10];
			uint32_t up = v->up[e = line[m]];

			done[e] = 1;
			depth[e] =
				up == SG_NONE ? 0 : depth[up] + !!sc->boxes[up];
			sc->holder[e] = up == SG_NONE ? NULL :
					sc->boxes[up] ? sc->boxes[up] :
							sc->holder[up];
			if (!is_box[e] || depth[e] >= BOX_DEPTH)
				continue;
			snprintf(name, sizeof(name), "cluster_box_%" PRIu32, e);
			r = !(sc->boxes[e] = sg_drawing_subgraph(
				      sc->holder[e] ? sc->holder[e] :
						      sg_drawing_root(ag),
				      name));
		}
	}
	free(is_box);
	free(done);
	free(line);
	free(depth);
	return r;
}

/* A relation's evidence and the source that says it: "EVIDENCE\nsource:
 * TITLE, AUTHOR, DATE"; NULL when it has neither. */
static const char *cite(sg_buf *b, const sg_graph *g, const sg_relation *r)
{
	const sg_source *s = r->source_index != SG_NONE ?
		&g->sources[r->source_index] : NULL;
	const char *parts[] = { s ? s->title : NULL, s ? s->author : NULL,
				s ? s->date : NULL };
	int n = 0, fail;

	sg_buf_reset(b);
	fail = r->evidence && sg_buf_adds(b, r->evidence);
	if (s)
		fail = fail || sg_buf_addf(b, "%ssource: ", b->len ? "\n" : "");
	for (size_t i = 0; s && i < SG_ARRAY_SIZE(parts) && !fail; i++)
		if (parts[i])
			fail = sg_buf_addf(b, "%s%s", n++ ? ", " : "",
					   parts[i]);
	if (s && !n)
		fail = fail || sg_buf_adds(b, s->id);
	return fail || !b->len ? NULL : sg_buf_str(b);
}

/* How far ahead of the relation it draws sg_draw asks for what its ends'
 * ids' pieces are, and half as far the pieces. */
#define AHEAD 8

/* The ends of relations lie anywhere in memory: asked for early, while
 * relation i is drawn, they are there when their relation's turn comes. */
static void ask_ahead(const sg_view *v, size_t i, const struct scratch *sc)
{
#if defined(__GNUC__)
	const sg_graph *g = v->graph;

	if (i + AHEAD < g->nrelations) {
		__builtin_prefetch(&sc->drawn[g->relations[i + AHEAD].from]);
		__builtin_prefetch(&sc->drawn[g->relations[i + AHEAD].to]);
	}
	if (i + AHEAD / 2 < g->nrelations) {
		const sg_relation *r = &g->relations[i + AHEAD / 2];
		size_t from = sc->drawn[r->from].piece;
		size_t to = sc->drawn[r->to].piece;

		if (from)
			__builtin_prefetch(sc->pieces.buf + from - 1);
		if (to)
			__builtin_prefetch(sc->pieces.buf + to - 1);
	}
#else
	(void)v;
	(void)i;
	(void)sc;
#endif
}

static int draw_relation(sg_drawing *ag, const sg_view *v, size_t i,
			 struct scratch *sc)
{
	const sg_graph *g = v->graph;
	const sg_relation *r = &g->relations[i];
	const sg_type *t = &g->relation_types[r->type_index];
	sg_dobj *from = dw_node_of(ag, g, r->from, 0, sc);
	sg_dobj *to = dw_node_of(ag, g, r->to, 0, sc);
	sg_dobj *edge = from && to ? sg_drawing_edge(sg_drawing_root(ag), from,
						     to) : NULL;
	const char *words = dw_relation_words(r, dw_type_label(sc->theme, t, 0),
					      &sc->words);
	sg_dobj *head = sc->boxes ? sc->boxes[r->to] : NULL;
	sg_dobj *tail = sc->boxes ? sc->boxes[r->from] : NULL;

	/* a relation to a box ends at its border, unless it comes from
	 * inside */
	if (edge && ((head && !inside(v, r->from, r->to) &&
		      set(edge, "lhead", sg_drawing_name(head))) ||
		     (tail && !inside(v, r->to, r->from) &&
		      set(edge, "ltail", sg_drawing_name(tail)))))
		return -1;

	sg_buf_reset(&sc->class);
	if (!edge || sg_buf_adds(&sc->class, "r.") ||
	    dw_add_kept_piece(&sc->class, &sc->pieces,
			      &sc->drawn[r->from].piece,
			      &g->entities[r->from].id, r->from) ||
	    sg_buf_adds(&sc->class, ".") ||
	    dw_add_kept_piece(&sc->class, &sc->pieces,
			      &sc->type_piece[r->type_index], &r->type,
			      r->type_index) ||
	    sg_buf_adds(&sc->class, ".") ||
	    dw_add_kept_piece(&sc->class, &sc->pieces, &sc->drawn[r->to].piece,
			      &g->entities[r->to].id, r->to) ||
	    (r->id && (sg_buf_adds(&sc->class, ".") ||
		       dw_add_id_piece(&sc->class, r->id, (uint32_t)i))) ||
	    set(edge, "id", sc->class.buf))
		return -1;
	/* untyped relations say nothing: on a graph of them all, the same
	 * words on every line would bury the drawing */
	if (!r->label && !dw_type_label(sc->theme, t, 0) &&
	    !strcmp(r->type, SG_UNTYPED))
		words = "";
	if (words && *words && dw_packing(sc->fit))
		words = dw_wrap(&sc->wrapped, words,
			     dw_packing(sc->fit)->relation);
	if (!words || (*words && dw_set_text(edge, "label", words, &sc->text)) ||
	    (r->undirected && set(edge, "dir", "none")) ||
	    dw_set_style(edge, sc->theme, t, 0, 0) ||
	    set_extras(edge, cite(&sc->words, g, r), &r->attrs, r->type, sc))
		return -1;
	return v->diff && dw_draw_status(edge, 0, v, (uint32_t)i, sc) ? -1 : 0;
}

/* The value entity e is grouped by: its type's label (or id), or the
 * attribute key's text; NULL for none. */
static const char *group_of(const sg_graph *g, const sg_entity *e,
			    const char *key, sg_buf *b)
{
	if (!strcmp(key, "type")) {
		const sg_type *t = e->type_index != SG_NONE ?
			&g->types[e->type_index] : NULL;

		return t ? (t->label ? t->label : t->id) : NULL;
	}
	for (size_t i = 0; i < e->attrs.n; i += 2)
		if (!strcmp(e->attrs.kv[i], key)) {
			sg_buf_reset(b);
			return sg_json_display(b, e->attrs.kv[i + 1]) ?
				       NULL : sg_buf_str(b);
		}
	return NULL;
}

/*
 * Puts the drawn entities into Graphviz clusters, one per value of key, in
 * the order the values first appear; the clusters are named by that order,
 * so the same input makes the same DOT.
 */
static int draw_clusters(sg_drawing *ag, const sg_view *v, const char *key,
			 struct scratch *sc)
{
	const sg_graph *g = v->graph;
	sg_map seen = { 0 };
	sg_arena *names = NULL;
	size_t nclusters = 0;
	int r = 0;

	for (size_t k = 0; k < v->nshown && !r; k++) {
		const sg_entity *e = &g->entities[v->shown[k]];
		const char *value = group_of(g, e, key, &sc->tip);
		int64_t index;
		char name[sizeof("cluster_") + 20]; /* and an int64_t */
		sg_dobj *box;

		/* what is in a box, and a box, stay as they are */
		if (!value || v->up[v->shown[k]] != SG_NONE ||
		    (sc->boxes && sc->boxes[v->shown[k]]))
			continue;
		index = sg_map_get(&seen, value);
		if (index < 0) {
			const char *copy = sg_arena_strdup(&names, value);

			index = (int64_t)nclusters++;
			r = !copy || sg_map_add(&seen, copy, (uint32_t)index);
		}
		snprintf(name, sizeof(name), "cluster_%" PRId64, index);
		box = r ? NULL : sg_drawing_subgraph(sg_drawing_root(ag), name);
		r = r || !box || dw_set_text(box, "label", value, &sc->text) ||
		    (sc->fit && set(box, "margin", PAGE_BOX_MARGIN)) ||
		    set(box, "style", "rounded,dashed") ||
		    set(box, "color", "#9a9a9a") ||
		    set(box, "fontsize", "12") || set(box, "labelloc", "t");
		if (!r)
			sg_drawing_put(box,
				       dw_node_of(ag, g, v->shown[k], 0, sc));
	}
	sg_map_release(&seen);
	sg_arena_free(names);
	return r;
}

/* The root graph's name, in sg_draw and in its DOT. */
#define ROOT_NAME "scograph"

/*
 * cgraph numbers a named subgraph by the address of its interned name and
 * keeps subgraphs in the order of those numbers, so clusters came out in
 * an order that changed from run to run. Refusing to map subgraph names
 * makes cgraph number them in the order they are read, the order the
 * drawing made them in, keeping the names aside in its own table. (Not
 * the root's: cgraph 2.43 never frees the root's entry in that table.)
 */
static long map_id(void *state, int objtype, char *str, IDTYPE *id,
		   int createflag)
{
	if (objtype == AGRAPH && str && strcmp(str, ROOT_NAME))
		return 0;
	return AgIdDisc.map(state, objtype, str, id, createflag);
}

/* A line split at its words (split_words): the node of its words, and
 * the line's second half. */
struct split {
	sg_dobj *words, *rest;
	sg_buf *id;
};

/* Puts attribute name of a line on its split: its words on their node,
 * the rest on the second half, ids made unique. */
static int split_attr(const char *name, const char *value, int html,
		      void *ctx)
{
	struct split *sp = ctx;

	if (!strcmp(name, "label"))
		return sg_drawing_set(sp->words, name, value, html);
	if (!strcmp(name, "tooltip") || !strcmp(name, "class") ||
	    !strcmp(name, "URL"))
		if (sg_drawing_set(sp->words, name, value, html))
			return -1;
	if (!strcmp(name, "id")) {
		sg_buf_reset(sp->id);
		if (sg_buf_addf(sp->id, "%s.words", value) ||
		    set(sp->words, "id", sp->id->buf))
			return -1;
		sg_buf_reset(sp->id);
		return sg_buf_addf(sp->id, "%s.head", value) ||
		       set(sp->rest, "id", sp->id->buf);
	}
	if (!strcmp(name, "ltail"))
		return 0;
	return sg_drawing_set(sp->rest, name, value, html);
}

/*
 * neato, fdp, twopi and circo move boxes apart (spread_defaults), but set
 * a line's words where the line happens to pass, over boxes and other
 * words: 5 and 6 pairs of texts on the Kazakhstan drawing, 10 with
 * neato on A4. Each line with words becomes two, through a node of its
 * words (borderless, on the background, in the line's font and colour),
 * which the boxes' overlap removal keeps clear: none left on the SCO
 * drawings. The node is named "words:\tN" (see sg_node_words).
 */
static int split_words(sg_drawing *ag, struct scratch *sc)
{
	size_t n = sg_drawing_count(ag, SG_DEDGE);
	const char *bg = sg_drawing_default(ag, SG_DGRAPH, "bgcolor");
	static const char *const look[] = { "fontname", "fontsize",
					    "fontcolor" };
	char name[sizeof("words:\t") + 20];
	int r = sg_drawing_reserve(ag, SG_DEDGE, n);

	for (size_t i = 0; i < n && !r; i++) {
		sg_dobj *line = sg_drawing_nth(ag, SG_DEDGE, i);
		const char *words = sg_drawing_own(line, "label");
		struct split sp = { NULL, NULL, &sc->status };

		if (!words || !*words)
			continue;
		snprintf(name, sizeof(name), "words:\t%zu", i);
		r = !(sp.words =
			      sg_drawing_node(sg_drawing_root(ag), name, -1)) ||
		    !(sp.rest = sg_drawing_edge(sg_drawing_root(ag), sp.words,
						sg_drawing_end(line, 1)));
		for (size_t k = 0; k < SG_ARRAY_SIZE(look) && !r; k++)
			r = set(sp.words, look[k], get(line, look[k]));
		r = r || set(sp.words, "shape", "plain") ||
		    set(sp.words, "style", "filled") ||
		    set(sp.words, "fillcolor", bg ? bg : "white") ||
		    sg_drawing_each_attr(line, split_attr, &sp) ||
		    set(line, "label", "") ||
		    (sg_drawing_own(line, "lhead") && set(line, "lhead", "")) ||
		    set(line, "arrowhead", "none");
		sg_drawing_set_end(line, 1, sp.words);
	}
	return r;
}

static Agiddisc_t ids;

static Agiddisc_t *stable_ids(void)
{
	if (!ids.map) {
		ids = AgIdDisc;
		ids.map = map_id;
	}
	return &ids;
}

Agraph_t *sg_read_dot(const char *dot, size_t len)
{
	static Agiodisc_t io;
	static Agdisc_t disc;
	sg_lines t = { dot, dot + len, 0, 0, NULL };

	io = AgIoDisc;
	io.afread = sg_read_lines;
	disc = (Agdisc_t){ &AgMemDisc, stable_ids(), &io };
	return agread(&t, &disc);
}

sg_drawing *sg_draw(const sg_view *v, const sg_render_opts *o,
		    const char *engine, const sg_fit *fit, sg_error *err)
{
	const sg_graph *g = v->graph;
	const char *title = o->title ? o->title : g->title;
	const sg_theme *theme = o->theme;
	const char *rankdir = o->rankdir ? o->rankdir :
			      fit && fit->rankdir ? fit->rankdir : "LR";
	struct scratch sc = { theme, fit,
			      !strcmp(rankdir, "TB") || !strcmp(rankdir, "BT"),
			      SG_BUF_INIT, SG_BUF_INIT,
			      SG_BUF_INIT, SG_BUF_INIT, SG_BUF_INIT,
			      SG_BUF_INIT, SG_BUF_INIT, NULL, NULL,
			      calloc(g->nentities + 1, sizeof(*sc.drawn)),
			      calloc(g->nrelation_types + 1,
				     sizeof(*sc.type_piece)),
			      SG_BUF_INIT, 0, 0, 0, SG_BUF_INIT };
	sg_drawing *ag = sg_drawing_new(ROOT_NAME);
	sg_dobj *root = ag ? sg_drawing_root(ag) : NULL;
	int r = !ag || !sc.drawn || !sc.type_piece;

	r = r || dw_defaults(ag, engine, fit, theme, rankdir);
	if (o->caption)
		r = r || dw_draw_caption(root, v, title, &sc);
	else if (title && *title)
		r = r || dw_set_title(root, title, TITLE_PT, &sc);
	r = r || dw_overrides(ag, SG_DGRAPH, o->graph_attrs, o->ngraph_attrs) ||
	    dw_overrides(ag, SG_DNODE, o->node_attrs, o->nnode_attrs) ||
	    dw_overrides(ag, SG_DEDGE, o->edge_attrs, o->nedge_attrs);
	r = r || draw_boxes(ag, v, &sc) ||
	    sg_drawing_reserve(ag, SG_DNODE, v->nshown) ||
	    sg_drawing_reserve(ag, SG_DEDGE, v->nshown_relations);
	for (size_t k = 0; k < v->nshown && !r; k++)
		r = draw_entity(ag, v, v->shown[k], &sc);
	for (size_t i = 0; i < g->nrelations && !r; i++) {
		ask_ahead(v, i, &sc);
		if (v->relation_on[i])
			r = draw_relation(ag, v, i, &sc);
	}
	/* the table is in the graph's label, its size and place: -G's still
	 * win */
	if (!r)
		r = dw_draw_table(root, o->caption ? NULL : title, &sc) ||
		    (sc.listed && dw_overrides(ag, SG_DGRAPH, o->graph_attrs,
					    o->ngraph_attrs)) ||
		    dw_draw_summaries(ag, v, &sc);
	if (o->cluster && !r)
		r = draw_clusters(ag, v, o->cluster, &sc);
	if (o->legend && !r)
		r = dw_draw_legend(ag, v, &sc);
	if (sg_spreads(engine) && (!fit || fit->words_apart) && !r)
		r = split_words(ag, &sc);
	r = r || dw_finish_theme(ag, theme, sc.boxes, g->nentities);
	sg_buf_release(&sc.text);
	sg_buf_release(&sc.tip);
	sg_buf_release(&sc.class);
	sg_buf_release(&sc.words);
	sg_buf_release(&sc.name);
	sg_buf_release(&sc.status);
	sg_buf_release(&sc.wrapped);
	free(sc.boxes);
	free(sc.holder);
	free(sc.drawn);
	free(sc.type_piece);
	sg_buf_release(&sc.pieces);
	sg_buf_release(&sc.table);
	if (r) {
		sg_drawing_free(ag);
		sg_fail(err, SG_ENOMEM, NULL, 0, 0,
			"out of memory while drawing");
		return NULL;
	}
	return ag;
}

