/* Drawing: the summaries of a folded view. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw_parts.h"

/* The tooltip of summary i: what it holds, and its first entities' names,
 * into sc->tip. */
static int summary_tip(const sg_view *v, size_t i, const char *words,
		       struct scratch *sc)
{
	const struct sg_fold *s = &v->folds[i];
	const sg_entity *at = s->anchor != SG_NONE ?
		&v->graph->entities[s->anchor] : NULL;
	sg_entity_info e;
	size_t j;
	int r;

	sg_buf_reset(&sc->tip);
	r = sg_buf_adds(&sc->tip, v->labels.buf + s->label);
	if (at)
		r = r || sg_buf_addf(&sc->tip, s->further ? ", related to %s "
					       "through the other summaries" :
					       ", related to %s",
				     at->name ? at->name : at->id);
	if (at && !s->further)
		r = r ||
		    sg_buf_addf(&sc->tip, " (%s%s%" PRIu32 " relation%s)",
				words ? words : "", words ? ", " : "",
				s->relations, s->relations == 1 ? "" : "s");
	r = r || sg_buf_adds(&sc->tip, ":");
	for (j = 0; j < SG_SUMMARY_NAMES && !r && !sg_view_folded(v, i, j, &e);
	     j++)
		r = sg_buf_addf(&sc->tip, "\n%s", e.name);
	/* (those a store did not send have no names) */
	if (s->count + s->more > j)
		r = r || sg_buf_addf(&sc->tip, "\n… and %" PRIu32 " more",
				     s->count + s->more - (uint32_t)j);
	return r;
}

/* A summary names each entity in at most this many bytes. */
#define NAME_BYTES 40

/* How many columns a summary's grid of n names takes: a drawing that
 * flows down has room across its ranks, one that flows across has room
 * down them (a rank is a column there). */
static uint32_t columns(uint32_t n, int across)
{
	uint32_t cols = 1;

	while (cols * cols * (across ? 2 : 6) < n)
		cols++;
	return cols;
}

/*
 * The label of summary i, which names entities (s->named): its words
 * over its entities' names in a grid of a few columns, read row by row
 * in the order -T json lists them, and "+K more" for those it does not
 * name. One box of names, no line each: the 28 neighbours Valjean's
 * summary folds are named on an A4 page.
 */
static int names_label(sg_dobj *n, const sg_view *v, size_t i,
		       struct scratch *sc)
{
	const struct sg_fold *s = &v->folds[i];
	uint32_t cells = s->named + (s->named < s->count + s->more);
	uint32_t cols = columns(cells, sc->across);
	sg_buf *b = &sc->status;
	sg_entity_info e;
	int r;

	sg_buf_reset(b);
	r = sg_buf_addf(b, "<TABLE BORDER=\"0\" CELLSPACING=\"0\" "
			   "CELLPADDING=\"2\"><TR><TD COLSPAN=\"%" PRIu32
			   "\">", cols) ||
	    dw_add_html_text(b, v->labels.buf + s->label, NAME_BYTES) ||
	    sg_buf_adds(b, "</TD></TR>");
	for (uint32_t j = 0; j < cells && !r; j++) {
		r = (j % cols == 0 && sg_buf_adds(b, "<TR>")) ||
		    sg_buf_adds(b, "<TD ALIGN=\"LEFT\">");
		if (j < s->named)
			r = r || sg_view_folded(v, i, j, &e) ||
			    dw_add_html_text(b, e.name, NAME_BYTES);
		else
			r = r || sg_buf_addf(b, "<I>+%" PRIu32 " more</I>",
					     s->count + s->more - s->named);
		r = r || sg_buf_adds(b, "</TD>") ||
		    ((j % cols == cols - 1 || j + 1 == cells) &&
		     sg_buf_adds(b, "</TR>"));
	}
	return r || sg_buf_adds(b, "</TABLE>") ||
	       sg_drawing_set(n, "label", b->buf, 1);
}

/*
 * The summaries of a folded view (see fold in select.c), each beside the
 * entity it hangs off: a box with a dashed border in its entities' type's
 * colours, on a line of its relations' type that says how many relations
 * it stands for, naming the entities it holds (names_label); entities
 * further out as a grey "+N more" on a dashed line. The tooltip names
 * their first entities.
 */
int dw_draw_summaries(sg_drawing *ag, const sg_view *v, struct scratch *sc)
{
	const sg_graph *g = v->graph;
	int r = 0;

	for (size_t i = 0; i < v->nfolds && !r; i++) {
		const struct sg_fold *s = &v->folds[i];
		const sg_type *t =
			s->type != SG_NONE ? &g->types[s->type] : NULL;
		const sg_type *rt = s->relation != SG_NONE ?
			&g->relation_types[s->relation] : NULL;
		const sg_relation sample = { .type = rt ? rt->id : "" };
		/* untyped relations say nothing, as draw_relation's */
		int says = rt && (dw_type_label(sc->theme, rt, 0) ||
				  strcmp(rt->id, SG_UNTYPED));
		const char *words = says ? dw_relation_words(&sample,
			dw_type_label(sc->theme, rt, 0), &sc->words) : NULL;
		sg_dobj *at = s->anchor != SG_NONE ?
			dw_node_of(ag, g, s->anchor, 0, sc) : NULL;
		sg_dobj *box = at && sc->boxes ? sc->boxes[s->anchor] : NULL;
		sg_dobj *in = at && sc->holder ? sc->holder[s->anchor] : NULL;
		char name[sizeof("fold:\t") + 20], id[sizeof("f..edge") + 20];
		sg_dobj *n, *edge = NULL;

		snprintf(name, sizeof(name), "fold:\t%zu", i + 1);
		n = sg_drawing_node(sg_drawing_root(ag), name, -1);
		if (n && at)
			edge = s->dir == SG_IN ?
				sg_drawing_edge(sg_drawing_root(ag), n, at) :
				sg_drawing_edge(sg_drawing_root(ag), at, n);
		if (n && in)
			sg_drawing_put(in, n);
		snprintf(id, sizeof(id), "f.%zu", i + 1);
		r = !n || (at && !edge) || (says && !words) ||
		    summary_tip(v, i, words, sc) ||
		    dw_set_text(n, "label", v->labels.buf + s->label,
				&sc->text) ||
		    dw_set_text(n, "tooltip", sg_buf_str(&sc->tip),
				&sc->text) ||
		    set(n, "id", id) ||
		    (box && set(edge, s->dir == SG_IN ? "lhead" : "ltail",
				sg_drawing_name(box)));
		sg_buf_reset(&sc->class);
		r = r || sg_buf_adds(&sc->class, "summary") ||
		    (t && (sg_buf_adds(&sc->class, " ") ||
			   !dw_css_class(&sc->name, t->id) ||
			   sg_buf_adds(&sc->class, sc->name.buf))) ||
		    set(n, "class", sc->class.buf);
		/* further out: as much a box as the others (overlap removal
		 * and the page's text size count it), but empty and grey */
		if (r || s->further) {
			r = r || set(n, "style", "rounded,dashed") ||
			    set(n, "color", "#9a9a9a") ||
			    set(n, "fontcolor", "#6b6b6b") ||
			    (edge && (set(edge, "style", "dashed") ||
				      set(edge, "arrowhead", "none") ||
				      set(edge, "color", "#9a9a9a")));
			continue;
		}
		r = (t && dw_set_style(n, sc->theme, t, (size_t)(t - g->types),
				       1)) ||
		    set(n, "style", "filled,rounded,dashed") ||
		    (s->named && !(sc->fit && sc->fit->unnamed) &&
		     names_label(n, v, i, sc));
		if (!edge || r)
			continue;
		snprintf(id, sizeof(id), "f.%zu.edge", i + 1);
		sg_buf_reset(&sc->status);
		r = set(edge, "id", id) ||
		    (rt && dw_set_style(edge, sc->theme, rt, 0, 0)) ||
		    (s->dir == SG_BOTH && set(edge, "dir", "none")) ||
		    (words ? sg_buf_addf(&sc->status, "%s (%" PRIu32 ")", words,
					 s->relations) :
			     sg_buf_addf(&sc->status, "%" PRIu32 " relation%s",
					 s->relations,
					 s->relations == 1 ? "" : "s")) ||
		    dw_set_text(edge, "label", sc->status.buf, &sc->text) ||
		    dw_set_text(edge, "tooltip", sg_buf_str(&sc->tip),
				&sc->text);
	}
	return r;
}

