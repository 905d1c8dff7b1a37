/* Drawing: the defaults, the page's packing, and the themes. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw_parts.h"

/*
 * Colours for the entity types the input gives none: light fills with a
 * darker border of the same hue (after Okabe and Ito's palette, told apart
 * by most colour-blind readers), dark text on all. A type keeps the colour
 * of its place in the type table, so it is the same in every drawing of
 * the same input.
 */
static const char *const palette[] = { /* fill, border, fill, ... */
	"#d6e9f8", "#0072b2", "#fde2c4", "#d55e00",
	"#cdeee2", "#009e73", "#f7d9ea", "#cc79a7",
	"#fff3b8", "#b59a00", "#dcecf9", "#56b4e9",
	"#fbe6c8", "#e69f00", "#e3e3e3", "#555555",
};

static int has_key(const sg_attrs *a, const char *key)
{
	for (size_t i = 0; i < a->n; i += 2)
		if (!strcmp(a->kv[i], key))
			return 1;
	return 0;
}

/* Sets a style's attributes on obj, their values as add_char adds them. */
static int set_attrs(sg_dobj *obj, const sg_attrs *a)
{
	sg_buf value = SG_BUF_INIT;
	int r = 0;

	for (size_t i = 0; i < a->n && !r; i += 2) {
		const char *v = dw_clean(&value, a->kv[i + 1]);

		r = !v || set(obj, a->kv[i], v);
	}
	sg_buf_release(&value);
	return r ? -1 : 0;
}

/* The theme's style of type t, if it has one. */
static const sg_type *themed(const sg_theme *theme, const sg_type *t,
			     int entity)
{
	return theme && t ? sg_graph_type(theme->styles, !entity, t->id) : NULL;
}

/* What a legend calls type t: the theme's label, else the graph's. */
const char *dw_type_label(const sg_theme *theme, const sg_type *t,
			  int entity)
{
	const sg_type *tt = themed(theme, t, entity);

	return tt && tt->label ? tt->label : t ? t->label : NULL;
}

/* Sets type t's style on obj, and over it the theme's; an entity type
 * without colours from either (index: its place in the table) gets the
 * palette's, the theme's if it has one. */
int dw_set_style(sg_dobj *obj, const sg_theme *theme, const sg_type *t,
		 size_t index, int entity)
{
	const sg_type *tt = themed(theme, t, entity);
	int own = theme && theme->palette.n;
	const char *const *colours = own ? theme->palette.kv : palette;
	size_t pairs = own ? theme->palette.n / 2 : SG_ARRAY_SIZE(palette) / 2;

	if (!t)
		return 0;
	if (set_attrs(obj, &t->style) || (tt && set_attrs(obj, &tt->style)))
		return -1;
	if (!entity || has_key(&t->style, "fillcolor") ||
	    has_key(&t->style, "color") ||
	    (tt && (has_key(&tt->style, "fillcolor") ||
		    has_key(&tt->style, "color"))))
		return 0;
	index = index % pairs * 2;
	/* a theme's palette, made safe as any style */
	const char *kv[] = { "fillcolor", colours[index], "color",
			     colours[index + 1] };
	const sg_attrs pair = { kv, 4, 4 };

	return set_attrs(obj, &pair);
}

/* name, value, name, value, ... */
static const char *const graph_defaults[] = {
	"fontname", "DejaVu Sans", "fontsize", STR(TITLE_PT), "labelloc", "t",
	"pad", "0.3", "nodesep", "0.3", "ranksep", "0.6",
	"bgcolor", "white", "outputorder", "edgesfirst",
};
static const char *const sfdp_defaults[] = {
	"overlap", "prism", "overlap_scaling", "-4", "sep", "+12",
	"splines", "line",
};
/* neato, fdp, twopi and circo place nodes with no thought for their boxes
 * or their edges' words: 45 to 82 pairs of texts overlapped on the SCO
 * drawing. Boxes moved apart the least that separates them (vpsc; prism
 * spread the drawing fourfold, its text to 2.6 pt on A4), with room for
 * the words between them and lines routed round the boxes: 0 to 6 pairs
 * left, words on boxes and words (see split_words). */
static const char *const spread_defaults[] = {
	"overlap", "vpsc", "sep", "+12", "esep", "+6", "splines", "true",
};

int sg_spreads(const char *engine)
{
	static const char *const engines[] = { "neato", "fdp", "twopi",
					       "circo" };

	for (size_t i = 0; i < SG_ARRAY_SIZE(engines); i++)
		if (!strcmp(engine, engines[i]))
			return 1;
	return 0;
}
static const char *const node_defaults[] = {
	"shape", "box", "style", "filled,rounded",
	"fillcolor", "#f2f2f2", "color", "#5f5f5f",
	"fontcolor", "#1a1a1a", "fontname", "DejaVu Sans",
	"fontsize", "11", "margin", "0.15,0.07", "penwidth", "1.2",
};
static const char *const edge_defaults[] = {
	"color", "#6b6b6b", "fontcolor", "#333333",
	"fontname", "DejaVu Sans", "fontsize", "9", "arrowsize", "0.7",
};

/* Sets the defaults of kind's attributes: n strings, name then value (as
 * add_char adds it: a theme's reach the SVG). */
static int declare(sg_drawing *d, int kind, const char *const *kv,
	       size_t n)
{
	sg_buf value = SG_BUF_INIT;
	int r = 0;

	for (size_t i = 0; i + 1 < n && !r; i += 2) {
		const char *v = dw_clean(&value, kv[i + 1]);

		r = !v || sg_drawing_declare(d, kind, kv[i], v);
	}
	sg_buf_release(&value);
	return r ? -1 : 0;
}

static const struct packing packings[SG_FIT_LEVELS] = {
	{ 16, 14, "0.15", "0.3", "0.08,0.04" },
	{ 12, 10, "0.1", "0.2", "0.06,0.03" },
	{ 10, 8, "0.06", "0.15", "0.04,0.02" },
};

/* On a page, the space around the drawing and inside boxes: the page's
 * own margins are around it already. Graphviz gives a PDF a margin of half
 * an inch, which made it larger than its size; the graph's margin is its
 * boxes' too, so each box sets its own. */
static const char *const page_graph[] = { "pad", "0.05", "margin", "0" };
/* Relations' words a little larger than on a screen: shrunk with the
 * drawing, they reach a page's least size (6 pt) when entities' reach
 * theirs (7 pt of 11). */
static const char *const page_edge[] = { "fontsize", "10" };

/* The packing of a drawing on a page, as sg_fit says; NULL when none. */
const struct packing *dw_packing(const sg_fit *fit)
{
	return fit && fit->packed ? &packings[fit->level] : NULL;
}

static const char *const colour_attrs[] = { "color", "fillcolor",
					    "fontcolor", "bgcolor" };

/* value, when it is "#rrggbb", as the grey of the same lightness (Rec. 709
 * luma), into buf; else value itself. */
static const char *grey(const char *value, char *buf)
{
	unsigned rgb[3], y;

	if (strlen(value) != 7 || value[0] != '#' ||
	    sscanf(value + 1, "%2x%2x%2x", &rgb[0], &rgb[1], &rgb[2]) != 3)
		return value;
	y = (2126 * rgb[0] + 7152 * rgb[1] + 722 * rgb[2] + 5000) / 10000;
	if (y > 255)
		y = 255;
	snprintf(buf, SG_COLOUR_SIZE, "#%02x%02x%02x", y, y, y);
	return buf;
}

/* value as the "dark" theme draws it; else value itself. */
static const char *dark(const char *value, char *buf)
{
	const char *d = sg_colour_dark(value, buf);

	return d ? d : value;
}

static const char *grey_dark(const char *value, char *buf)
{
	char g[SG_COLOUR_SIZE];

	return dark(grey(value, g), buf);
}

/* How theme turns the finished drawing's colours; NULL: it does not. */
recolour_fn *dw_recolouring(const sg_theme *theme)
{
	int dk = theme && theme->dark == SG_DARK_YES;

	if (!theme || (!theme->greyscale && !dk))
		return NULL;
	return !dk ? grey : theme->greyscale ? grey_dark : dark;
}

/* Turns every colour of obj's kind that obj has. A subgraph takes each as
 * its own, as cgraph's agxset makes it; a node or an edge turns those set
 * on it and follows its kind's default for the rest (recolour_graph turns
 * the defaults). */
static int recolour_object(sg_drawing *ag, sg_dobj *obj, int kind,
		       recolour_fn *recolour)
{
	char buf[SG_COLOUR_SIZE];

	(void)ag;
	for (size_t i = 0; i < SG_ARRAY_SIZE(colour_attrs); i++) {
		const char *value = kind == SG_DGRAPH ?
			get(obj, colour_attrs[i]) :
			sg_drawing_own(obj, colour_attrs[i]);

		if (value && set(obj, colour_attrs[i], recolour(value, buf)))
			return -1;
	}
	return 0;
}

/* The "print" and "dark" themes: the finished drawing, every colour turned
 * (grey: types stay apart by lightness, shape and line style). */
static int recolour_graph(sg_drawing *ag, recolour_fn *recolour)
{
	char buf[SG_COLOUR_SIZE];
	sg_dobj *root = sg_drawing_root(ag);
	int r = 0;

	for (int kind = SG_DGRAPH; kind <= SG_DEDGE && !r; kind++)
		for (size_t i = 0; i < SG_ARRAY_SIZE(colour_attrs) && !r; i++) {
			const char *def = sg_drawing_default(ag, kind,
							     colour_attrs[i]);

			if (def)
				r = sg_drawing_declare(ag, kind,
						       colour_attrs[i],
						       recolour(def, buf));
		}
	for (int kind = SG_DNODE; kind <= SG_DEDGE; kind++)
		for (size_t i = 0; i < sg_drawing_count(ag, kind) && !r; i++)
			r = recolour_object(ag, sg_drawing_nth(ag, kind, i),
					    kind, recolour);
	/* the subgraphs of the root */
	for (size_t i = 1; i < sg_drawing_count(ag, SG_DGRAPH) && !r; i++) {
		sg_dobj *sub = sg_drawing_nth(ag, SG_DGRAPH, i);

		if (sg_drawing_parent(sub) == root)
			r = recolour_object(ag, sub, SG_DGRAPH, recolour);
	}
	return r;
}

/* The user's -G, -N or -E attributes, "name=value" each (checked by
 * sg_render). */
int dw_overrides(sg_drawing *ag, int kind, const char *const *attrs,
		 size_t n)
{
	sg_buf name = SG_BUF_INIT;
	int r = 0;

	for (size_t i = 0; i < n && !r; i++) {
		const char *eq = strchr(attrs[i], '=');

		sg_buf_reset(&name);
		r = sg_buf_add(&name, attrs[i], (size_t)(eq - attrs[i])) ||
		    sg_drawing_declare(ag, kind, name.buf, eq + 1);
	}
	sg_buf_release(&name);
	return r;
}


/* Sets the drawing's defaults: Graphviz's, scograph's, engine's, the
 * page's (fit; NULL: none), the theme's, the layout and the flow. */
int dw_defaults(sg_drawing *ag, const char *engine, const sg_fit *fit,
		const sg_theme *theme, const char *rankdir)
{
	int r = 0;

	/* what Graphviz declares for every graph (gvContext) */
	r = r || sg_drawing_declare(ag, SG_DNODE, "label", "\\N");
	r = r || declare(ag, SG_DGRAPH, graph_defaults,
			 SG_ARRAY_SIZE(graph_defaults));
	if (!strcmp(engine, "sfdp"))
		r = r || declare(ag, SG_DGRAPH, sfdp_defaults,
				 SG_ARRAY_SIZE(sfdp_defaults));
	else if (sg_spreads(engine))
		r = r || declare(ag, SG_DGRAPH, spread_defaults,
				 SG_ARRAY_SIZE(spread_defaults));
	r = r || declare(ag, SG_DNODE, node_defaults,
			 SG_ARRAY_SIZE(node_defaults));
	r = r || declare(ag, SG_DEDGE, edge_defaults,
			 SG_ARRAY_SIZE(edge_defaults));
	if (fit && !r) {
		const struct packing *p = dw_packing(fit);
		char size[64], ranksep[32];
		/* Graphviz shrinks a drawing larger than size (inches) to
		 * it: the SVG's and PDF's size is then the printed one */
		const char *kv[] = { "size", size };

		snprintf(size, sizeof(size), "%.4f,%.4f", fit->width / 72,
			 fit->height / 72);
		r = declare(ag, SG_DGRAPH, page_graph,
			    SG_ARRAY_SIZE(page_graph)) ||
		    declare(ag, SG_DGRAPH, kv, SG_ARRAY_SIZE(kv));
		snprintf(ranksep, sizeof(ranksep), "%.2f", fit->ranksep);
		if (p && !r) {
			const char *graph[] = { "nodesep", p->nodesep,
						"ranksep", fit->ranksep > 0 ?
						ranksep : p->ranksep };
			const char *node[] = { "margin", p->margin };

			r = declare(ag, SG_DGRAPH, graph,
				    SG_ARRAY_SIZE(graph)) ||
			    declare(ag, SG_DNODE, node, SG_ARRAY_SIZE(node)) ||
			    declare(ag, SG_DEDGE, page_edge,
				    SG_ARRAY_SIZE(page_edge));
		}
	}
	if (theme)
		r = r ||
		    declare(ag, SG_DGRAPH, theme->graph.kv, theme->graph.n) ||
		    declare(ag, SG_DNODE, theme->node.kv, theme->node.n) ||
		    declare(ag, SG_DEDGE, theme->edge.kv, theme->edge.n);
	r = r || sg_drawing_declare(ag, SG_DGRAPH, "layout", engine);
	r = r || sg_drawing_declare(ag, SG_DGRAPH, "rankdir", rankdir);
	return r;
}

/* The theme's last steps on the finished drawing: its colours turned,
 * those of boxes[0..n) too (boxes in boxes, NULL: none). */
int dw_finish_theme(sg_drawing *ag, const sg_theme *theme,
		    sg_dobj *const *boxes, size_t n)
{
	recolour_fn *recolour = dw_recolouring(theme);
	int r = 0;

	/* the title's and the groups' text is black unless told: a dark
	 * drawing turns that black too */
	if (theme && theme->dark == SG_DARK_YES && !r &&
	    !sg_drawing_default(ag, SG_DGRAPH, "fontcolor"))
		r = sg_drawing_declare(ag, SG_DGRAPH, "fontcolor", "black");
	if (recolour && !r)
		r = recolour_graph(ag, recolour);
	/* boxes in boxes, which recolour_graph does not reach */
	for (size_t e = 0; boxes && recolour && !r && e < n; e++)
		r = boxes[e] &&
		    recolour_object(ag, boxes[e], SG_DGRAPH, recolour);
	return r;
}
