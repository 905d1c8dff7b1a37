/* Drawing: the legend, the title and the caption. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw_parts.h"

/* The graph's label: on a page, broken into lines as wide as the page at
 * the text's size (DejaVu Sans' letters average 0.6 of it), so that a long
 * title does not make a small drawing wide. */
int dw_set_title(sg_dobj *ag, const char *text, int pt,
		 struct scratch *sc)
{
	if (sc->fit && !(text = dw_wrap(&sc->wrapped, text,
				     (size_t)(sc->fit->width / (pt * 0.6)))))
		return -1;
	return dw_set_text(ag, "label", text, &sc->text);
}

/*
 * The legend: a box of the entity types the drawing shows, each as a cell
 * of its entities' colours and line style, and of its relation types, each
 * as a short line of its relations' colour and style, with their words.
 * HTML-like tables draw it in a few nodes of one rank: as a node each
 * entry, it spread over the ranks of the drawing and took their spacing,
 * several times its size. Its nodes are named "legend:..." with a
 * character no input reaches a node name with (a tab), so they meet no
 * entity.
 */

/* Entries a table holds: the label of a node must stay under the DOT
 * parser's limit (TEXT_MAX), and an entry takes at most about 600 bytes. */
#define LEGEND_ROWS 24

/* The legend's text: as large as the relations' words, no smaller (a
 * key that cannot be read explains nothing: at 9 pt beside their 10, the
 * report figure's legend came to 5.8 pt on A4), at least this many points
 * and at most LEGEND_MAX_PT. */
#define LEGEND_PT 9
#define LEGEND_MAX_PT 72

/* obj's attribute name as the drawing shows it, turned by recolour (when
 * not NULL); into buf when turned. */
static const char *look(const sg_dobj *obj, const char *name,
			recolour_fn *recolour, char *buf)
{
	const char *value = get(obj, name);

	value = value ? value : "";
	return recolour ? recolour(value, buf) : value;
}

/* A line width, in whole points, for a table border. */
static int border_width(const sg_dobj *obj)
{
	const char *style = get(obj, "style"), *pen = get(obj, "penwidth");
	double w = pen && *pen ? atof(pen) : 1;

	if (style && strstr(style, "bold") && w < 2)
		w = 2;
	/* -N penwidth=1e300 or nan reaches here unchecked: (int) of either
	 * is undefined */
	return !(w >= 1.5) ? 1 : w > 100 ? 100 : (int)(w + 0.5);
}

/* The table STYLE of obj's Graphviz style: what a table can draw of it. */
static const char *border_style(const sg_dobj *obj, int rounded)
{
	const char *style = get(obj, "style");
	int dashed = style && strstr(style, "dashed") != NULL;
	int dotted = style && strstr(style, "dotted") != NULL;

	rounded = rounded && style && strstr(style, "rounded");
	return dashed ? rounded ? " STYLE=\"rounded,dashed\"" :
				  " STYLE=\"dashed\"" :
	       dotted ? rounded ? " STYLE=\"rounded,dotted\"" :
				  " STYLE=\"dotted\"" :
	       rounded ? " STYLE=\"rounded\"" : "";
}

/* An entity type's entry: its label in a cell filled and bordered as its
 * entities are (n: a node styled as theirs), as wide as a relation type's
 * three cells when span, broken into lines of width characters (0: not). */
static int type_row(sg_buf *b, const sg_dobj *n, const char *label, int span,
		    size_t width, recolour_fn *recolour)
{
	const char *style = get(n, "style");
	char buf[3][SG_COLOUR_SIZE];
	int r;

	r = sg_buf_adds(b, span ? "<TD COLSPAN=\"3\"" : "<TD");
	if (style && strstr(style, "filled"))
		r = r || sg_buf_adds(b, " BGCOLOR=\"") ||
		    dw_add_html_text(b, look(n, "fillcolor", recolour, buf[0]),
				  40) ||
		    sg_buf_adds(b, "\"");
	return r ||
	       sg_buf_addf(b, " BORDER=\"%d\"%s COLOR=\"", border_width(n),
			   border_style(n, 1)) ||
	       dw_add_html_text(b, look(n, "color", recolour, buf[1]), 40) ||
	       sg_buf_adds(b, "\"><FONT COLOR=\"") ||
	       dw_add_html_text(b, look(n, "fontcolor", recolour, buf[2]),
				40) ||
	       sg_buf_adds(b, "\">") ||
	       dw_add_html_lines(b, label, 200, width) ||
	       sg_buf_adds(b, "</FONT></TD>");
}

/* A relation type's entry: a short line drawn as its relations are (e: an
 * edge styled as theirs), its arrowhead, its words, broken into lines of
 * width characters (0: not). */
static int relation_row(sg_buf *b, const sg_dobj *e, const char *words,
			size_t width, recolour_fn *recolour)
{
	const char *head = get(e, "arrowhead"), *dir = get(e, "dir");
	const char *arrow = dir && !strcmp(dir, "none") ? "" :
			    !head || !*head ? "▸" :
			    !strcmp(head, "none") ? "" :
			    head[0] == 'o' || !strcmp(head, "empty") ? "▹" :
								       "▸";
	const char *colour;
	char buf[2][SG_COLOUR_SIZE];

	colour = look(e, "color", recolour, buf[0]);
	return sg_buf_addf(b, "<TD SIDES=\"B\" BORDER=\"%d\"%s COLOR=\"",
			   border_width(e), border_style(e, 0)) ||
	       dw_add_html_text(b, colour, 40) ||
	       sg_buf_adds(b, "\" WIDTH=\"28\" HEIGHT=\"8\" FIXEDSIZE=\"TRUE\">"
			      "</TD><TD><FONT COLOR=\"") ||
	       dw_add_html_text(b, colour, 40) ||
	       sg_buf_addf(b,
			   "\">%s</FONT></TD><TD ALIGN=\"LEFT\"><FONT "
			   "COLOR=\"",
			   arrow) ||
	       dw_add_html_text(b, look(e, "fontcolor", recolour, buf[1]),
				40) ||
	       sg_buf_adds(b, "\">") ||
	       dw_add_html_lines(b, words, 200, width) ||
	       sg_buf_adds(b, "</FONT></TD>");
}

/* The legend's nodes, one under the other: kept in the order they are
 * added by invisible edges between them (dot orders a rank by its flat
 * edges; drawn left to right, rank order runs from the bottom, hence the
 * edges point from each node back to the one before). Across the flow of
 * the drawing: its entries one under the other in a drawing that flows
 * left to right, where the legend is a column beside the first, and side
 * by side, ACROSS to a line (one line for the entity types, one for the
 * relation types), in one that flows down, where it is a row above it. */
struct column {
	sg_dobj *g;
	sg_dobj *last;
	unsigned count;
	int across;
	unsigned rows, in_line; /* entries in the table, in its line */
	int kind;               /* of the last entry: 1 entity, 0 relation */
	char pt[32];            /* the size of its text */
	int tight;              /* on a page: less room around the text */
};

#define ACROSS 6

/* Ends the line of entries open in b, across. */
static int end_line(struct column *c, sg_buf *b)
{
	int r = c->in_line && sg_buf_adds(b, "</TR></TABLE></TD></TR>");

	c->in_line = 0;
	return r;
}

/* Adds a node of the rows in b, a table's, to the column. */
static int column_add(struct column *c, sg_buf *b)
{
	char name[sizeof("legend:\t") + 10]; /* and an unsigned */
	sg_dobj *n, *e;
	int r;

	snprintf(name, sizeof(name), "legend:\t%u", c->count++);
	n = sg_drawing_node(c->g, name, -1);
	e = n && c->last ? sg_drawing_edge(c->g, n, c->last) : NULL;
	r = !n || end_line(c, b) || sg_buf_adds(b, "</TABLE>");
	c->rows = 0;
	r = r || (c->last && (!e || set(e, "style", "invis"))) ||
	    set(n, "shape", "plaintext") || set(n, "style", "") ||
	    set(n, "margin", "0") || set(n, "fontsize", c->pt) ||
	    sg_drawing_set(n, "label", b->buf, 1) ||
	    set(n, "tooltip", " ");
	c->last = n;
	sg_buf_reset(b);
	return r;
}

/* Opens an entry of kind (1: an entity type's) in b: in a new table
 * when the one open is full, which is added to the column first; across,
 * in a new line when the kind changes or the line is full. */
static int next_row(struct column *c, sg_buf *b, int kind)
{
	/* on a page, text tight in its cells: the legend's text as large as
	 * the relations' made the report figure's legend column, and so the
	 * figure, too tall for A4's 7 pt entity text */
	const char *table = c->tight ? "<TABLE BORDER=\"0\" CELLSPACING=\"2\" "
				       "CELLPADDING=\"1\">" :
				       "<TABLE BORDER=\"0\" CELLSPACING=\"2\" "
				       "CELLPADDING=\"2\">";

	if (c->rows == LEGEND_ROWS && column_add(c, b))
		return -1;
	if (!c->rows && sg_buf_adds(b, table))
		return -1;
	if (c->across && (!c->in_line || c->in_line == ACROSS ||
			  c->kind != kind) &&
	    (end_line(c, b) || sg_buf_adds(b, "<TR><TD>") ||
	     sg_buf_adds(b, table) || sg_buf_adds(b, "<TR>")))
		return -1;
	c->rows++;
	c->in_line += c->across;
	c->kind = kind;
	return !c->across && sg_buf_adds(b, "<TR>");
}

/* Closes the entry next_row opened. */
static int end_row(struct column *c, sg_buf *b)
{
	return !c->across && sg_buf_adds(b, "</TR>");
}

/* The legend's text size: the relations' words' as the drawing declares
 * them by now (its page's, its theme's, -E's), within LEGEND_PT and
 * LEGEND_MAX_PT. */
static double legend_pt(const sg_drawing *ag)
{
	const char *words = sg_drawing_default(ag, SG_DEDGE, "fontsize");
	double v = words ? atof(words) : 0;

	/* (-E fontsize=nan is no size) */
	return !(v >= LEGEND_PT) ? LEGEND_PT :
	       v > LEGEND_MAX_PT ? LEGEND_MAX_PT : v;
}

/* What draw_legend marks of a type: shown, and shown with a direction. */
enum { USED = 1, DIRECTED = 2 };

/* The legend of v. */
int dw_draw_legend(sg_drawing *ag, const sg_view *v, struct scratch *sc)
{
	const sg_graph *g = v->graph;
	size_t ntypes = g->ntypes + g->nrelation_types;
	unsigned char *used = calloc(ntypes + 1, 1);
	sg_dobj *box =
		sg_drawing_subgraph(sg_drawing_root(ag), "cluster_legend");
	struct column col = {
		.g = box ? sg_drawing_subgraph(box, "legend column") : NULL,
		.across = sc->across,
		.tight = sc->fit != NULL,
	};
	recolour_fn *recolour = dw_recolouring(sc->theme);
	const struct packing *p = dw_packing(sc->fit);
	/* on a page, a column's words break as the drawing's: beside a
	 * drawing that flows left to right, its width is the drawing's */
	struct packing lines = { 0 };
	sg_buf table = SG_BUF_INIT;
	int r = !used || !col.g;

	if (p && !col.across)
		lines.relation = p->relation;
	char title[32];
	double pt = legend_pt(ag);

	snprintf(col.pt, sizeof(col.pt), "%g", pt);
	/* its title a little larger than its entries */
	snprintf(title, sizeof(title), "%g", pt + 2);

	/* labelloc: a caption moves the graph's label down, not the boxes' */
	r = r || set(box, "label", "Legend") || set(box, "style", "rounded") ||
	    (sc->fit && set(box, "margin", PAGE_BOX_MARGIN)) ||
	    set(box, "labelloc", "t") ||
	    set(box, "color", "#9a9a9a") || set(box, "fontsize", title) ||
	    set(col.g, "rank", "same");
	/* a diff's colours are its statuses': they are what it explains */
	for (int k = 1; v->diff && k <= SG_NSTATUS && !r; k++) {
		sg_status s = (sg_status)(k % SG_NSTATUS);
		sg_dobj *n = sg_drawing_sample(ag, SG_DNODE);

		r = !n || dw_set_status(n, 1, s, sc) ||
		    next_row(&col, &table, 1) ||
		    type_row(&table, n, dw_status_words(s), !col.across,
			     lines.entity, recolour) ||
		    end_row(&col, &table);
	}
	for (size_t k = 0; k < v->nshown && !r && !v->diff; k++) {
		uint32_t type = g->entities[v->shown[k]].type_index;

		if (type != SG_NONE)
			used[type] = 1;
	}
	/* a relation type's key has an arrowhead (DIRECTED) when one of its
	 * lines does: relations without direction ("borders", as the file
	 * says) have none, whatever their type says */
	for (size_t i = 0; i < g->nrelations && !r && !v->diff; i++)
		if (v->relation_on[i])
			used[g->ntypes + g->relations[i].type_index] |=
				USED | (g->relations[i].undirected ? 0 :
								     DIRECTED);
	/* a summary shows its entities' type and its relations' */
	for (size_t i = 0; i < v->nfolds && !v->diff; i++) {
		if (v->folds[i].type != SG_NONE)
			used[v->folds[i].type] = USED;
		if (v->folds[i].relation != SG_NONE)
			used[g->ntypes + v->folds[i].relation] |=
				USED | DIRECTED;
	}
	/* each type's look, read off a scratch node or edge styled as its
	 * entities or relations are */
	for (size_t t = 0; t < g->ntypes && !r; t++) {
		const sg_type *type = &g->types[t];
		const char *label = dw_type_label(sc->theme, type, 1);
		sg_dobj *n;

		if (!used[t])
			continue;
		n = sg_drawing_sample(ag, SG_DNODE);
		r = !n || dw_set_style(n, sc->theme, type, t, 1) ||
		    next_row(&col, &table, 1) ||
		    type_row(&table, n, label ? label : type->id, !col.across,
			     lines.entity, recolour) ||
		    end_row(&col, &table);
	}
	for (size_t t = 0; t < g->nrelation_types && !r; t++) {
		const sg_type *type = &g->relation_types[t];
		const sg_relation sample = { .type = type->id };
		sg_dobj *e;
		const char *words;

		if (!used[g->ntypes + t])
			continue;
		e = sg_drawing_sample(ag, SG_DEDGE);
		words = dw_relation_words(
			&sample, dw_type_label(sc->theme, type, 0), &sc->words);
		r = !e || !words || dw_set_style(e, sc->theme, type, 0, 0) ||
		    ((type->symmetric || !(used[g->ntypes + t] & DIRECTED)) &&
		     set(e, "dir", "none")) ||
		    next_row(&col, &table, 0) ||
		    relation_row(&table, e, words, lines.relation, recolour) ||
		    end_row(&col, &table);
	}
	if (col.rows && !r)
		r = column_add(&col, &table);
	sg_buf_release(&table);
	free(used);
	return r;
}

/* The caption: the title, then one line a source the drawn relations cite
 * (title, author, date), under the drawing. */
int dw_draw_caption(sg_dobj *ag, const sg_view *v, const char *title,
		    struct scratch *sc)
{
	const sg_graph *g = v->graph;
	unsigned char *cited = calloc(g->nsources + 1, 1);
	sg_buf *b = &sc->words;
	int r = !cited;

	sg_buf_reset(b);
	if (title && *title)
		r = r || sg_buf_adds(b, title);
	for (size_t i = 0; i < g->nrelations && !r; i++)
		if (v->relation_on[i] &&
		    g->relations[i].source_index != SG_NONE)
			cited[g->relations[i].source_index] = 1;
	for (size_t i = 0; i < g->nsources && !r; i++) {
		const sg_source *s = &g->sources[i];
		const char *parts[] = { s->title, s->author, s->date, s->url };
		int n = 0;

		if (!cited[i])
			continue;
		r = sg_buf_adds(b, b->len ? "\nSource: " : "Source: ");
		for (size_t k = 0; k < SG_ARRAY_SIZE(parts) && !r; k++)
			if (parts[k])
				r = sg_buf_addf(b, "%s%s", n++ ? ", " : "",
						parts[k]);
		if (!n && !r)
			r = sg_buf_adds(b, s->id);
	}
	free(cited);
	return r ||
	       (b->len && (dw_set_title(ag, sg_buf_str(b), CAPTION_PT, sc) ||
			   set(ag, "labelloc", "b") ||
			   set(ag, "fontsize", STR(CAPTION_PT))));
}

