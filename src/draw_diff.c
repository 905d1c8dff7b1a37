/* Drawing: what the drawing of a diff adds (statuses, markers and the
 * table of changes). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw_parts.h"

/* How a diff draws each status: border or line, fill, text, pen width. */
static const struct status_look {
	const char *name, *line, *fill, *text, *pen, *words;
} status_looks[SG_NSTATUS] = {
	[SG_SAME] = { "same", "#b3b3b3", "#f5f5f5", "#8a8a8a", "1",
		      "unchanged" },
	[SG_ADDED] = { "added", "#1a7f37", "#dcf5e0", "#0b4d1f", "2.4",
		       "added" },
	[SG_REMOVED] = { "removed", "#cf222e", "#ffe3e0", "#82071e", "2.4",
			 "removed" },
	[SG_CHANGED] = { "changed", "#bf7300", "#fff0c2", "#5c3800", "2.4",
			 "changed ([n]: before → after, below)" },
};

const char *dw_status_words(sg_status s)
{
	return status_looks[s].words;
}

/* Draws obj, a node (node 1) or an edge, as status s: its colours, a
 * removed one dashed, and s among its classes. */
int dw_set_status(sg_dobj *obj, int node, sg_status s,
		  struct scratch *sc)
{
	const struct status_look *l = &status_looks[s];
	const char *class = get(obj, "class");
	const char *style = node ? s == SG_REMOVED ? "filled,rounded,dashed" :
						     "filled,rounded" :
				   s == SG_REMOVED ? "dashed" : "solid";

	sg_buf_reset(&sc->status);
	return sg_buf_addf(&sc->status, "%s%s%s", class ? class : "",
			   class && *class ? " " : "", l->name) ||
	       set(obj, "class", sc->status.buf) ||
	       set(obj, "color", l->line) || set(obj, "fontcolor", l->text) ||
	       set(obj, "penwidth", l->pen) || set(obj, "style", style) ||
	       (node && set(obj, "fillcolor", l->fill));
}

/*
 * A tooltip is not seen in a PNG or a PDF, nor in an SVG shown as an image
 * (as a pull request shows one): a diff's drawing numbers each changed
 * entity and relation with a marker before its text ("[3] Nurly Zhol"),
 * and lists their changes under the drawing, one a line ("[3] name:
 * "Nurly" → "Nurly Zhol""), in the order they are drawn. It is one
 * drawing for every format, laid out once: the SVG has them too, and
 * keeps its tooltips. The table lists at most TABLE_LINES changes (it is
 * text under the drawing, which shares the page with it); the items of the
 * rest have no marker, and its last line counts them.
 */
#define TABLE_LINES 20
/* The table's lines take at most this many bytes of the graph's label
 * (TEXT_MAX bytes with its title or caption). */
#define TABLE_BYTES 8000
/* Without a page, the table's lines are about this many characters. */
#define TABLE_WIDTH 100
/* A field's name in the table: at most this many characters. */
#define FIELD_CHARS 24
/* A value in the table: at least this many characters before it is cut. */
#define VALUE_CHARS 12

/* Adds s to b, at most max characters: a longer one cut, ending in "…",
 * and in its closing quote when it is a JSON string. */
static int add_short(sg_buf *b, const char *s, size_t max)
{
	size_t chars = 0, len = strlen(s);
	int quoted = len >= 2 && s[0] == '"' && s[len - 1] == '"';
	const char *p = s;

	for (const char *q = s; *q; q++)
		chars += ((unsigned char)*q & 0xC0) != 0x80;
	if (chars <= max)
		return sg_buf_adds(b, s);
	/* the first max - 1 characters (max - 2 and the quote) */
	for (size_t n = 0; *p && n + 1 + (size_t)quoted < max; n++)
		do
			p++;
		while (((unsigned char)*p & 0xC0) == 0x80);
	return sg_buf_add(b, s, (size_t)(p - s)) ||
	       sg_buf_adds(b, quoted ? "…\"" : "…");
}

/* Numbers obj, a changed entity or relation with n changes c, with a
 * marker before its text, and lists its changes in sc->table; unless the
 * table is full. */
static int mark_changes(sg_dobj *obj, const sg_change *c, size_t n,
			struct scratch *sc)
{
	/* the table's text is the caption's size, its lines as wide as the
	 * page (DejaVu Sans' letters average 0.6 of it) */
	size_t width = sc->fit ? (size_t)(sc->fit->width / (CAPTION_PT * 0.6)) :
				 TABLE_WIDTH;
	const char *label = get(obj, "label");
	unsigned mark;
	int r;

	if (!n || sc->listed >= TABLE_LINES) {
		sc->unlisted += n;
		return 0;
	}
	mark = ++sc->marks;
	sg_buf_reset(&sc->status);
	/* (a label set is escaped already, and the marker needs no escape) */
	r = sg_buf_addf(&sc->status, "[%u]%s%s", mark,
			label && *label ? " " : "", label ? label : "") ||
	    set(obj, "label", sc->status.buf);
	for (size_t k = 0; k < n && !r; k++) {
		size_t used, value;

		if (sc->listed == TABLE_LINES) {
			sc->unlisted += n - k;
			break;
		}
		sg_buf_reset(&sc->words);
		r = sg_buf_addf(&sc->words, "[%u] ", mark) ||
		    add_short(&sc->words, c[k].field, FIELD_CHARS) ||
		    sg_buf_adds(&sc->words, ": ");
		used = sc->words.len + 3; /* and " → " */
		value = used + 2 * VALUE_CHARS < width ? (width - used) / 2 :
							  VALUE_CHARS;
		r = r ||
		    add_short(&sc->words, c[k].before ? c[k].before : "(none)",
			      value) ||
		    sg_buf_adds(&sc->words, " → ") ||
		    add_short(&sc->words, c[k].after ? c[k].after : "(none)",
			      value) ||
		    !dw_esc(&sc->text, sc->words.buf, 1);
		if (r || sc->table.len + sc->text.len + 2 > TABLE_BYTES) {
			sc->unlisted += n - k;
			break;
		}
		r = sg_buf_adds(&sc->table, sc->text.buf) ||
		    sg_buf_adds(&sc->table, "\\l");
		sc->listed++;
	}
	return r;
}

/* In a drawing of a diff, obj (entity or relation i) drawn as its status,
 * its changes first in its tooltip (sc->tip holds the rest), and marked. */
int dw_draw_status(sg_dobj *obj, int node, const sg_view *v, uint32_t i,
		   struct scratch *sc)
{
	const char *changes;
	sg_status s = node ? sg_diff_entity(v->diff, i, &changes) :
			     sg_diff_relation(v->diff, i, &changes);
	size_t n;
	const sg_change *c = node ? sg_diff_entity_changes(v->diff, i, &n) :
				    sg_diff_relation_changes(v->diff, i, &n);

	if (dw_set_status(obj, node, s, sc))
		return -1;
	if (!changes)
		return 0;
	sg_buf_reset(&sc->status);
	return sg_buf_adds(&sc->status, changes) ||
	       (sc->tip.len && (sg_buf_adds(&sc->status, "\n\n") ||
				sg_buf_adds(&sc->status, sc->tip.buf))) ||
	       dw_set_text(obj, "tooltip", sc->status.buf, &sc->text) ||
	       mark_changes(obj, c, n, sc);
}

/* The table of a diff's changes (mark_changes) under the drawing, after
 * its caption or its title (title: not NULL, then broken into lines anew
 * for the caption's size), in the caption's size: one label, which every
 * engine leaves room for outside the drawing. */
int dw_draw_table(sg_dobj *root, const char *title, struct scratch *sc)
{
	sg_buf *b = &sc->status;
	int r;

	if (!sc->listed)
		return 0;
	if (title && *title && dw_set_title(root, title, CAPTION_PT, sc))
		return -1;
	title = get(root, "label");
	sg_buf_reset(b);
	/* a title as long as the DOT parser takes gives way to the table */
	r = (title && *title &&
	     strlen(title) + TABLE_BYTES + 200 < TEXT_MAX &&
	     (sg_buf_adds(b, title) || sg_buf_adds(b, "\\n"))) ||
	    sg_buf_adds(b, sc->table.buf);
	if (sc->unlisted && !r) {
		sg_buf_reset(&sc->words);
		r = sg_buf_addf(&sc->words, "… and %zu more change%s (--list "
				"shows them all)", sc->unlisted,
				sc->unlisted == 1 ? "" : "s") ||
		    !dw_esc(&sc->text, sc->words.buf, 1) ||
		    sg_buf_adds(b, sc->text.buf) || sg_buf_adds(b, "\\l");
	}
	return r || set(root, "label", b->buf) || set(root, "labelloc", "b") ||
	       set(root, "fontsize", STR(CAPTION_PT));
}

