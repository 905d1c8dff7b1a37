/* Drawing: a view becomes a drawing (drawing.c), styled, with every text
 * escaped. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"

/*
 * Graphviz's DOT parser takes no string longer than 16384 bytes, and the
 * drawing is made from the DOT text (see render.c): longer texts are cut,
 * leaving room for the quotes DOT escapes.
 */
#define TEXT_MAX 16000

/* An SVG id or class takes at most this many bytes of an entity's or
 * type's id. */
#define ID_PIECE_BYTES 100

/*
 * Adds the character at *s to b as a drawing shows it, moving *s past it:
 * a control character as a space (it would draw as nothing or as a box);
 * a malformed byte, and what XML 1.0 forbids or Unicode keeps out of text
 * (the noncharacters U+FDD0..U+FDEF, U+FFFE, U+FFFF and their like in
 * every plane), as U+FFFD, the replacement character: one of them would
 * make the SVG no XML at all, and browsers refuse the whole picture.
 */
static int is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

/* Whether add_char adds c as it is. */
static int plain(uint32_t c)
{
	return !is_control(c) && c != SG_NOT_CHAR &&
	       !(c >= 0xFDD0 && c <= 0xFDEF) && (c & 0xFFFE) != 0xFFFE;
}

static int add_char(sg_buf *b, const char **s)
{
	const char *start = *s;
	uint32_t c = sg_utf8_next(s);

	if (plain(c))
		return sg_buf_add(b, start, (size_t)(*s - start));
	return is_control(c) ? sg_buf_add(b, " ", 1) :
			       sg_buf_adds(b, "\xEF\xBF\xBD");
}

/* text as add_char adds it, into b; past TEXT_MAX bytes, cut (a style
 * value: a theme's palette, a theme's or -N's attribute), so that no value
 * breaks the DOT. */
static const char *clean(sg_buf *b, const char *text)
{
	sg_buf_reset(b);
	while (*text && b->len < TEXT_MAX)
		if (add_char(b, &text))
			return NULL;
	return sg_buf_add(b, "", 0) ? NULL : sg_buf_str(b);
}

/*
 * Escapes text for a Graphviz escString: Graphviz expands \N, \G, \E, \L
 * and friends even in values set through the API, and reads "\\" as one
 * backslash. Labels pass through that once; tooltips twice (Graphviz 2.43
 * substitutes them when it reads them and again when it writes the SVG
 * link), so a backslash in a tooltip is written as four. Graphviz also
 * reads character references ("&amp;", "&#65;") in labels and tooltips,
 * and text is data: '&' is written as "&amp;", so that "Tom &amp; Jerry"
 * is drawn as it is written. A line break becomes \n, Graphviz's centred
 * line break; other characters as add_char adds them. Past TEXT_MAX bytes
 * (a quote counts two) the text is cut at a character and ends in "…".
 */
static const char *esc(sg_buf *b, const char *s, int passes)
{
	size_t quotes = 0;

	sg_buf_reset(b);
	while (*s) {
		const char *as = NULL; /* what *s is written as, n bytes */
		const char *run = s;
		size_t n = 0;

		if (b->len + quotes >= TEXT_MAX)
			return sg_buf_adds(b, "…") ? NULL : sg_buf_str(b);
		/* printable ASCII but '\\', '&' and '"': a run at once */
		while ((size_t)(s - run) < TEXT_MAX - b->len - quotes &&
		       *s >= ' ' && *s < 0x7F && *s != '\\' && *s != '&' &&
		       *s != '"')
			s++;
		if (s != run) {
			if (sg_buf_add(b, run, (size_t)(s - run)))
				return NULL;
			continue;
		}
		quotes += *s == '"';
		switch (*s) {
		case '\\':
			as = "\\\\\\\\";
			n = passes == 2 ? 4 : 2;
			break;
		case '\n':
			as = "\\n";
			n = 2;
			break;
		case '\r':
			as = "";
			break;
		case '&':
			as = "&amp;";
			n = 5;
			break;
		}
		if (as ? sg_buf_add(b, as, n) : add_char(b, &s))
			return NULL;
		s += as != NULL;
	}
	return sg_buf_add(b, "", 0) ? NULL : sg_buf_str(b);
}

/* Sets attribute name of obj; value is copied. */
static int set(sg_dobj *obj, const char *name, const char *value)
{
	return sg_drawing_set(obj, name, value, 0);
}

/* obj's attribute name; NULL when no object of its kind has it. */
static const char *get(const sg_dobj *obj, const char *name)
{
	return sg_drawing_get(obj, name);
}

static int set_text(sg_dobj *obj, const char *name, const char *text,
		    sg_buf *b)
{
	const char *s = esc(b, text, strcmp(name, "tooltip") ? 1 : 2);

	return s ? set(obj, name, s) : -1;
}

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
		const char *v = clean(&value, a->kv[i + 1]);

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
static const char *type_label(const sg_theme *theme, const sg_type *t,
			      int entity)
{
	const sg_type *tt = themed(theme, t, entity);

	return tt && tt->label ? tt->label : t ? t->label : NULL;
}

/* Sets type t's style on obj, and over it the theme's; an entity type
 * without colours from either (index: its place in the table) gets the
 * palette's, the theme's if it has one. */
static int set_style(sg_dobj *obj, const sg_theme *theme, const sg_type *t,
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

/*
 * Breaks text into lines of about width characters at spaces, so that a
 * long name makes a box of a readable shape; its own line breaks stay.
 */
static const char *wrap(sg_buf *b, const char *text, size_t width)
{
	size_t line = 0;
	int r = 0;

	sg_buf_reset(b);
	while (*text && !r) {
		size_t word = strcspn(text, " \n"), chars = 0;

		for (size_t i = 0; i < word; i++)
			chars += ((unsigned char)text[i] & 0xC0) != 0x80;
		if (line && line + 1 + chars > width) {
			r = sg_buf_add(b, "\n", 1);
			line = 0;
		} else if (line) {
			r = sg_buf_add(b, " ", 1);
			line++;
		}
		r = r || sg_buf_add(b, text, word);
		line += chars;
		text += word;
		if (*text == '\n') {
			r = r || sg_buf_add(b, "\n", 1);
			line = 0;
		}
		text += strspn(text, " \n") ? 1 : 0;
	}
	return r ? NULL : sg_buf_str(b);
}

/* A relation's words: its own label, else its type's (label), else the
 * type's id with '_' and '-' read as spaces ("aligns_with" -> "aligns
 * with"). */
static const char *relation_words(const sg_relation *r, const char *label,
				  sg_buf *b)
{
	if (r->label)
		return r->label;
	if (label)
		return label;
	sg_buf_reset(b);
	for (const char *p = r->type; *p; p++)
		if (sg_buf_add(b, *p == '_' || *p == '-' ? " " : p, 1))
			return NULL;
	return sg_buf_str(b);
}

#define STR_(x) #x
#define STR(x) STR_(x)
/* The sizes of the title's and the caption's text. */
#define TITLE_PT 16
#define CAPTION_PT 12

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
		const char *v = clean(&value, kv[i + 1]);

		r = !v || sg_drawing_declare(d, kind, kv[i], v);
	}
	sg_buf_release(&value);
	return r ? -1 : 0;
}

/* The tooltip of an entity or relation into b: its text (description,
 * evidence) and its attributes, one "key: value" a line; empty when there
 * is none. */
static int tooltip(sg_buf *b, const char *text, const sg_attrs *a)
{
	int r = 0;

	sg_buf_reset(b);
	if (text)
		r = sg_buf_adds(b, text);
	for (size_t i = 0; i < a->n && !r; i += 2)
		r = sg_buf_addf(b, "%s%s: ", b->len ? "\n" : "", a->kv[i]) ||
		    sg_json_display(b, a->kv[i + 1]);
	return r;
}

/* Graphviz writes a class into SVG as is: a type becomes one CSS class (of
 * its first ID_PIECE_BYTES bytes). */
static const char *css_class(sg_buf *b, const char *type)
{
	sg_buf_reset(b);
	for (const char *p = type; *p && p - type < ID_PIECE_BYTES; p++) {
		int ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			 (*p >= '0' && *p <= '9') || *p == '-' || *p == '_';

		if (sg_buf_add(b, ok ? p : "-", 1))
			return NULL;
	}
	return sg_buf_str(b);
}

/*
 * A url made safe for Graphviz 2.43, which writes URL into SVG as it is: a
 * '"' would end the attribute and let the input add its own (onmouseover),
 * a '&' or '<' would break the XML. What XML or the attribute would read is
 * percent-encoded, and '&' written as the entity the XML reader turns back
 * into '&' (percent-encoding it would change a query's meaning); so is a
 * backslash, which Graphviz would read as an escape.
 */
static const char *safe_url(sg_buf *b, const char *url)
{
	static const char keep[] = "-._~:/?#[]@!$()*+,;=%";
	int r = 0;

	sg_buf_reset(b);
	for (const unsigned char *p = (const unsigned char *)url; *p && !r;
	     p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(keep, *p))
			r = sg_buf_add(b, (const char *)p, 1);
		else if (*p == '&')
			r = sg_buf_adds(b, "&amp;");
		else
			r = sg_buf_addf(b, "%%%02X", *p);
	}
	return r ? NULL : sg_buf_str(b);
}

/*
 * Adds s, the id of entity or type index, to b as a piece of an SVG
 * element id: letters, digits and '-' as they are, any other byte as "_XX"
 * (so '.' can join pieces, and no two strings make the same piece). Ids
 * made of entity ids let a diff of two renders show what changed, where
 * Graphviz would number the elements. Past ID_PIECE_BYTES, "__" and the
 * index end the piece instead (no other piece has "__").
 */
static int is_id_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-';
}

static int add_id_piece(sg_buf *b, const char *s, uint32_t index)
{
	const char *p = s, *end = s + strnlen(s, ID_PIECE_BYTES);
	int r = 0;

	while (p < end && !r) {
		const char *run = p;

		while (p < end && is_id_byte((unsigned char)*p))
			p++;
		r = sg_buf_add(b, run, (size_t)(p - run)) ||
		    (p < end && sg_buf_addf(b, "_%02X", (unsigned char)*p++));
	}
	return r || (*end && sg_buf_addf(b, "__%" PRIu32, index));
}

/*
 * Adds the piece of *s, the id of entity or relation type index, to b:
 * made once into pieces, each ending in '\0', where *at (plus 1; 0 until
 * made) says it starts, and copied from there. A relation's id has the
 * pieces of its ends and its type, and the ends' ids lie far apart in
 * memory: *s is read only the first time.
 */
static int add_kept_piece(sg_buf *b, sg_buf *pieces, size_t *at,
			  const char *const *s, uint32_t index)
{
	if (!*at) {
		*at = pieces->len + 1;
		if (add_id_piece(pieces, *s, index) ||
		    sg_buf_add(pieces, "", 1))
			return -1;
	}
	return sg_buf_adds(b, pieces->buf + *at - 1);
}

int sg_svg_entity_id(sg_buf *b, const sg_graph *g, uint32_t e)
{
	return sg_buf_adds(b, "e.") || add_id_piece(b, g->entities[e].id, e);
}

int sg_svg_relation_id(sg_buf *b, const sg_graph *g, size_t i)
{
	const sg_relation *r = &g->relations[i];

	return sg_buf_adds(b, "r.") ||
	       add_id_piece(b, g->entities[r->from].id, r->from) ||
	       sg_buf_adds(b, ".") ||
	       add_id_piece(b, r->type, r->type_index) ||
	       sg_buf_adds(b, ".") ||
	       add_id_piece(b, g->entities[r->to].id, r->to) ||
	       (r->id && (sg_buf_adds(b, ".") ||
			  add_id_piece(b, r->id, (uint32_t)i)));
}

/* Ids longer than this do not name their node as they are. */
#define NAME_BYTES 1000
/* A node named otherwise shows this many characters of its id. */
#define NAME_CHARS 40

/*
 * The name of entity e's node in the DOT: its id, which the reader of an
 * SVG sees (Graphviz writes it as the node's <title>, which a browser shows
 * on hover), unless the id is long (Graphviz's DOT parser takes no string
 * past 16384 bytes) or holds a character add_char changes; then its first
 * characters, as add_char adds them, "…", a tab and e. No id that names its
 * node has a tab, and the legend's and the stubs' names have theirs after
 * a colon: no two nodes share a name.
 */
static const char *node_name(sg_buf *b, const sg_graph *g, uint32_t e)
{
	const char *id = g->entities[e].id, *p = id;
	int as_is = 1, r = 0;

	while (*p && as_is)
		as_is = plain(sg_utf8_next(&p)) && p - id <= NAME_BYTES;
	if (as_is)
		return id;
	sg_buf_reset(b);
	p = id;
	for (int chars = 0; *p && chars < NAME_CHARS && !r; chars++)
		r = add_char(b, &p);
	return r || sg_buf_addf(b, "…\t%" PRIu32, e) ? NULL : sg_buf_str(b);
}

int64_t sg_node_entity(const sg_graph *g, Agnode_t *n)
{
	const char *name = agnameof(n), *tab = strchr(name, '\t');

	if (!tab)
		return sg_map_get(&g->by_id, name);
	if (tab - name >= 3 && !memcmp(tab - 3, "…", 3))
		return strtoll(tab + 1, NULL, 10);
	return -1;
}

int sg_node_words(Agnode_t *n)
{
	return !strncmp(agnameof(n), "words:\t", 7);
}

/* Entity names break into lines of about this many characters. */
#define LINE_WIDTH 22

/*
 * A drawing on a page, packed ever more tightly by level: where entity
 * names and relations' words break (in characters), and the space between
 * entities side by side and between ranks (inches). Words in narrow
 * lines make narrow columns of a drawing that flows left to right, and
 * narrow boxes in one that flows down.
 */
static const struct packing {
	size_t entity, relation;
	const char *nodesep, *ranksep, *margin; /* margin: in the boxes */
} packings[SG_FIT_LEVELS] = {
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
#define PAGE_BOX_MARGIN "4"

/* The packing of a drawing on a page, as sg_fit says; NULL when none. */
static const struct packing *packing_of(const sg_fit *fit)
{
	return fit && fit->packed ? &packings[fit->level] : NULL;
}

/* What drawing an object takes besides the view: the theme, the page,
 * and buffers reused from object to object. */
struct scratch {
	const sg_theme *theme;
	const sg_fit *fit; /* NULL: no page */
	sg_buf text, tip, class, words, name, status, wrapped;
	/* per entity, the box it is drawn as, and the box it is drawn in
	 * (see draw_boxes); NULL when the view has none */
	sg_dobj **boxes, **holder;
	/* per entity, its node once made and its id's piece (see
	 * add_kept_piece); per relation type, its id's piece */
	struct drawn {
		sg_dobj *node;
		size_t piece;
	} *drawn;
	size_t *type_piece;
	sg_buf pieces;
	/* a diff's changes: the markers given so far, the table's lines
	 * (escaped, each ending in \l) and the changes left out of it */
	unsigned marks;
	size_t listed, unlisted;
	sg_buf table;
};

/* The node of entity e; made when make is 1. */
static sg_dobj *node_of(sg_drawing *ag, const sg_graph *g, uint32_t e,
			int make, struct scratch *sc)
{
	const char *name;

	if (!make || sc->drawn[e].node)
		return sc->drawn[e].node;
	name = node_name(&sc->name, g, e);
	return name ? sc->drawn[e].node = sg_drawing_node(sg_drawing_root(ag), name,
						     e) :
		      NULL;
}

/* Sets the tooltip and the class of obj. */
static int set_extras(sg_dobj *obj, const char *text, const sg_attrs *attrs,
		      const char *type, struct scratch *sc)
{
	const char *class = NULL;

	if (tooltip(&sc->tip, text, attrs) ||
	    (type && !(class = css_class(&sc->class, type))))
		return -1;
	return (sc->tip.len &&
		set_text(obj, "tooltip", sg_buf_str(&sc->tip), &sc->text)) ||
	       (class && set(obj, "class", class));
}

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

/* Draws obj, a node (node 1) or an edge, as status s: its colours, a
 * removed one dashed, and s among its classes. */
static int set_status(sg_dobj *obj, int node, sg_status s,
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
	       set(obj, "class", sc->status.buf) || set(obj, "color", l->line) ||
	       set(obj, "fontcolor", l->text) || set(obj, "penwidth", l->pen) ||
	       set(obj, "style", style) ||
	       (node && set(obj, "fillcolor", l->fill));
}

/* The graph's label: on a page, broken into lines as wide as the page at
 * the text's size (DejaVu Sans' letters average 0.6 of it), so that a long
 * title does not make a small drawing wide. */
static int set_title(sg_dobj *ag, const char *text, int pt,
		     struct scratch *sc)
{
	if (sc->fit && !(text = wrap(&sc->wrapped, text,
				     (size_t)(sc->fit->width / (pt * 0.6)))))
		return -1;
	return set_text(ag, "label", text, &sc->text);
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
		    !esc(&sc->text, sc->words.buf, 1);
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
static int draw_status(sg_dobj *obj, int node, const sg_graph *g, uint32_t i,
		       struct scratch *sc)
{
	const char *changes;
	sg_status s = node ? sg_diff_entity(g->diff, i, &changes) :
			     sg_diff_relation(g->diff, i, &changes);
	size_t n;
	const sg_change *c = node ? sg_diff_entity_changes(g->diff, i, &n) :
				    sg_diff_relation_changes(g->diff, i, &n);

	if (set_status(obj, node, s, sc))
		return -1;
	if (!changes)
		return 0;
	sg_buf_reset(&sc->status);
	return sg_buf_adds(&sc->status, changes) ||
	       (sc->tip.len && (sg_buf_adds(&sc->status, "\n\n") ||
				sg_buf_adds(&sc->status, sc->tip.buf))) ||
	       set_text(obj, "tooltip", sc->status.buf, &sc->text) ||
	       mark_changes(obj, c, n, sc);
}

/* The table of a diff's changes (mark_changes) under the drawing, after
 * its caption or its title (title: not NULL, then broken into lines anew
 * for the caption's size), in the caption's size: one label, which every
 * engine leaves room for outside the drawing. */
static int draw_table(sg_dobj *root, const char *title, struct scratch *sc)
{
	sg_buf *b = &sc->status;
	int r;

	if (!sc->listed)
		return 0;
	if (title && *title && set_title(root, title, CAPTION_PT, sc))
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
		    !esc(&sc->text, sc->words.buf, 1) ||
		    sg_buf_adds(b, sc->text.buf) || sg_buf_adds(b, "\\l");
	}
	return r || set(root, "label", b->buf) || set(root, "labelloc", "b") ||
	       set(root, "fontsize", STR(CAPTION_PT));
}

/* Draws entity e as a node, or as the box it is (draw_boxes), and puts it
 * into the box it is inside. */
static int draw_entity(sg_drawing *ag, const sg_view *v, uint32_t e,
		       struct scratch *sc)
{
	const sg_entity *ent = &v->graph->entities[e];
	sg_dobj *n = node_of(ag, v->graph, e, 1, sc);
	sg_dobj *box = sc->boxes ? sc->boxes[e] : NULL;
	sg_dobj *in = sc->holder ? sc->holder[e] : NULL;
	sg_dobj *obj = box ? box : n;

	const sg_type *t = ent->type_index != SG_NONE ?
		&v->graph->types[ent->type_index] : NULL;
	const char *label = wrap(&sc->words, ent->name ? ent->name : ent->id,
				 packing_of(sc->fit) ?
					 packing_of(sc->fit)->entity :
					 LINE_WIDTH);

	if (!n || !label || set_text(obj, "label", label, &sc->text) ||
	    set_style(obj, sc->theme, t, t ? (size_t)(t - v->graph->types) : 0,
		      1))
		return -1;
	if (set_extras(obj, ent->description, &ent->attrs, ent->type, sc) ||
	    (v->graph->diff && draw_status(obj, 1, v->graph, e, sc)))
		return -1;
	if (ent->url && set(obj, "URL", safe_url(&sc->tip, ent->url)))
		return -1;
	sg_buf_reset(&sc->tip);
	if (sg_buf_adds(&sc->tip, "e.") ||
	    add_kept_piece(&sc->tip, &sc->pieces, &sc->drawn[e].piece, &ent->id,
			   e) ||
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
			depth[e] = up == SG_NONE ? 0 : depth[up] + !!sc->boxes[up];
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
			fail = sg_buf_addf(b, "%s%s", n++ ? ", " : "", parts[i]);
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
	sg_dobj *from = node_of(ag, g, r->from, 0, sc);
	sg_dobj *to = node_of(ag, g, r->to, 0, sc);
	sg_dobj *edge = from && to ? sg_drawing_edge(sg_drawing_root(ag), from,
						     to) : NULL;
	const char *words =
		relation_words(r, type_label(sc->theme, t, 0), &sc->words);
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
	    add_kept_piece(&sc->class, &sc->pieces, &sc->drawn[r->from].piece,
			   &g->entities[r->from].id, r->from) ||
	    sg_buf_adds(&sc->class, ".") ||
	    add_kept_piece(&sc->class, &sc->pieces,
			   &sc->type_piece[r->type_index], &r->type,
			   r->type_index) ||
	    sg_buf_adds(&sc->class, ".") ||
	    add_kept_piece(&sc->class, &sc->pieces, &sc->drawn[r->to].piece,
			   &g->entities[r->to].id, r->to) ||
	    (r->id && (sg_buf_adds(&sc->class, ".") ||
		       add_id_piece(&sc->class, r->id, (uint32_t)i))) ||
	    set(edge, "id", sc->class.buf))
		return -1;
	/* untyped relations say nothing: on a graph of them all, the same
	 * words on every line would bury the drawing */
	if (!r->label && !type_label(sc->theme, t, 0) &&
	    !strcmp(r->type, SG_UNTYPED))
		words = "";
	if (words && *words && packing_of(sc->fit))
		words = wrap(&sc->wrapped, words,
			     packing_of(sc->fit)->relation);
	return !words || (*words && set_text(edge, "label", words, &sc->text)) ||
	       (r->undirected && set(edge, "dir", "none")) ||
	       set_style(edge, sc->theme, t, 0, 0) ||
	       set_extras(edge, cite(&sc->words, g, r), &r->attrs, r->type,
			  sc) ||
	       (g->diff && draw_status(edge, 0, g, (uint32_t)i, sc)) ? -1 : 0;
}

static const char *const colour_attrs[] = { "color", "fillcolor",
					    "fontcolor", "bgcolor" };

/* A theme's last step, every colour of the drawing turned: value as it
 * comes out, into buf (SG_COLOUR_SIZE bytes) when changed. */
typedef const char *recolour_fn(const char *value, char *buf);

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
static recolour_fn *recolouring(const sg_theme *theme)
{
	int dk = theme && theme->dark == SG_DARK_YES;

	if (!theme || (!theme->greyscale && !dk))
		return NULL;
	return !dk ? grey : theme->greyscale ? grey_dark : dark;
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

/* Adds text to b for an HTML-like label: markup characters as entities,
 * others as add_char adds them, cut (ending in "…") past max bytes. */
static int add_html_text(sg_buf *b, const char *text, size_t max)
{
	size_t start = b->len;
	int r = 0;

	while (*text && !r) {
		const char *as = *text == '&' ? "&amp;" : *text == '<' ? "&lt;" :
				 *text == '>' ? "&gt;" :
				 *text == '"' ? "&quot;" : NULL;

		if (b->len - start >= max)
			return sg_buf_adds(b, "…");
		r = as ? sg_buf_adds(b, as) : add_char(b, &text);
		text += as != NULL;
	}
	return r;
}

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

/* Adds text to b as add_html_text does, broken into lines of about width
 * characters (0: one line). */
static int add_html_lines(sg_buf *b, const char *text, size_t max,
			  size_t width)
{
	sg_buf lines = SG_BUF_INIT;
	char *line, *end = NULL;
	int r;

	if (!width)
		return add_html_text(b, text, max);
	r = !wrap(&lines, text, width);
	for (line = lines.buf; !r && line; line = end ? end + 1 : NULL) {
		if ((end = strchr(line, '\n')))
			*end = '\0';
		r = add_html_text(b, line, max) ||
		    (end && sg_buf_adds(b, "<BR/>"));
	}
	sg_buf_release(&lines);
	return r;
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
		    add_html_text(b, look(n, "fillcolor", recolour, buf[0]),
				  40) ||
		    sg_buf_adds(b, "\"");
	return r || sg_buf_addf(b, " BORDER=\"%d\"%s COLOR=\"",
				border_width(n), border_style(n, 1)) ||
	       add_html_text(b, look(n, "color", recolour, buf[1]), 40) ||
	       sg_buf_adds(b, "\"><FONT COLOR=\"") ||
	       add_html_text(b, look(n, "fontcolor", recolour, buf[2]), 40) ||
	       sg_buf_adds(b, "\">") || add_html_lines(b, label, 200, width) ||
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
	       add_html_text(b, colour, 40) ||
	       sg_buf_adds(b, "\" WIDTH=\"28\" HEIGHT=\"8\" FIXEDSIZE=\"TRUE\">"
			      "</TD><TD><FONT COLOR=\"") ||
	       add_html_text(b, colour, 40) ||
	       sg_buf_addf(b, "\">%s</FONT></TD><TD ALIGN=\"LEFT\"><FONT "
			      "COLOR=\"", arrow) ||
	       add_html_text(b, look(e, "fontcolor", recolour, buf[1]), 40) ||
	       sg_buf_adds(b, "\">") || add_html_lines(b, words, 200, width) ||
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

/* The legend of v, for a drawing that flows rankdir. */
static int draw_legend(sg_drawing *ag, const sg_view *v, const char *rankdir,
		       struct scratch *sc)
{
	const sg_graph *g = v->graph;
	size_t ntypes = g->ntypes + g->nrelation_types;
	unsigned char *used = calloc(ntypes + 1, 1);
	sg_dobj *box = sg_drawing_subgraph(sg_drawing_root(ag), "cluster_legend");
	struct column col = {
		.g = box ? sg_drawing_subgraph(box, "legend column") : NULL,
		.across = !strcmp(rankdir, "TB") || !strcmp(rankdir, "BT"),
		.tight = sc->fit != NULL,
	};
	recolour_fn *recolour = recolouring(sc->theme);
	const struct packing *p = packing_of(sc->fit);
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
	for (int k = 1; g->diff && k <= SG_NSTATUS && !r; k++) {
		sg_status s = (sg_status)(k % SG_NSTATUS);
		sg_dobj *n = sg_drawing_sample(ag, SG_DNODE);

		r = !n || set_status(n, 1, s, sc) ||
		    next_row(&col, &table, 1) ||
		    type_row(&table, n, status_looks[s].words, !col.across,
			     lines.entity, recolour) ||
		    end_row(&col, &table);
	}
	for (size_t k = 0; k < v->nshown && !r && !g->diff; k++) {
		uint32_t type = g->entities[v->shown[k]].type_index;

		if (type != SG_NONE)
			used[type] = 1;
	}
	/* a relation type's key has an arrowhead (DIRECTED) when one of its
	 * lines does: relations without direction ("borders", as the file
	 * says) have none, whatever their type says */
	for (size_t i = 0; i < g->nrelations && !r && !g->diff; i++)
		if (v->relation_on[i])
			used[g->ntypes + g->relations[i].type_index] |=
				USED | (g->relations[i].undirected ? 0 :
								     DIRECTED);
	/* a summary shows its entities' type and its relations' */
	for (size_t i = 0; i < v->nfolds && !g->diff; i++) {
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
		const char *label = type_label(sc->theme, type, 1);
		sg_dobj *n;

		if (!used[t])
			continue;
		n = sg_drawing_sample(ag, SG_DNODE);
		r = !n || set_style(n, sc->theme, type, t, 1) ||
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
		words = relation_words(&sample, type_label(sc->theme, type, 0),
				       &sc->words);
		r = !e || !words || set_style(e, sc->theme, type, 0, 0) ||
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
			return sg_json_display(b, e->attrs.kv[i + 1]) ? NULL :
									 sg_buf_str(b);
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
		r = r || !box || set_text(box, "label", value, &sc->text) ||
		    (sc->fit && set(box, "margin", PAGE_BOX_MARGIN)) ||
		    set(box, "style", "rounded,dashed") ||
		    set(box, "color", "#9a9a9a") || set(box, "fontsize", "12") ||
		    set(box, "labelloc", "t");
		if (!r)
			sg_drawing_put(box, node_of(ag, g, v->shown[k], 0, sc));
	}
	sg_map_release(&seen);
	sg_arena_free(names);
	return r;
}

/* The caption: the title, then one line a source the drawn relations cite
 * (title, author, date), under the drawing. */
static int draw_caption(sg_dobj *ag, const sg_view *v, const char *title,
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
		if (v->relation_on[i] && g->relations[i].source_index != SG_NONE)
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
	return r || (b->len && (set_title(ag, sg_buf_str(b), CAPTION_PT, sc) ||
				set(ag, "labelloc", "b") ||
				set(ag, "fontsize", STR(CAPTION_PT))));
}

/* A summary's tooltip names this many of its entities. */
#define SUMMARY_NAMES 20

/* The tooltip of summary i: what it holds, and its first entities' names,
 * into sc->tip. */
static int summary_tip(const sg_view *v, size_t i, const char *words,
		       struct scratch *sc)
{
	const struct sg_fold *s = &v->folds[i];
	const sg_entity *at = s->anchor != SG_NONE ?
		&v->graph->entities[s->anchor] : NULL;
	sg_entity_info e;
	int r;

	sg_buf_reset(&sc->tip);
	r = sg_buf_adds(&sc->tip, v->labels.buf + s->label);
	if (at)
		r = r || sg_buf_addf(&sc->tip, s->further ? ", related to %s "
					       "through the other summaries" :
					       ", related to %s",
				     at->name ? at->name : at->id);
	if (at && !s->further)
		r = r || sg_buf_addf(&sc->tip, " (%s%s%" PRIu32 " relation%s)",
				     words ? words : "", words ? ", " : "",
				     s->relations, s->relations == 1 ? "" : "s");
	r = r || sg_buf_adds(&sc->tip, ":");
	for (size_t j = 0; j < SUMMARY_NAMES && !r &&
			   !sg_view_folded(v, i, j, &e); j++)
		r = sg_buf_addf(&sc->tip, "\n%s", e.name);
	if (s->count > SUMMARY_NAMES)
		r = r || sg_buf_addf(&sc->tip, "\n… and %" PRIu32 " more",
				     s->count - SUMMARY_NAMES);
	return r;
}

/*
 * The summaries of a folded view (see fold in select.c), each beside the
 * entity it hangs off: a box with a dashed border in its entities' type's
 * colours, on a line of its relations' type that says how many relations
 * it stands for; entities further out as a grey "+N more" on a dashed
 * line. The tooltip names their first entities.
 */
static int draw_summaries(sg_drawing *ag, const sg_view *v, struct scratch *sc)
{
	const sg_graph *g = v->graph;
	int r = 0;

	for (size_t i = 0; i < v->nfolds && !r; i++) {
		const struct sg_fold *s = &v->folds[i];
		const sg_type *t = s->type != SG_NONE ? &g->types[s->type] : NULL;
		const sg_type *rt = s->relation != SG_NONE ?
			&g->relation_types[s->relation] : NULL;
		const sg_relation sample = { .type = rt ? rt->id : "" };
		/* untyped relations say nothing, as draw_relation's */
		int says = rt && (type_label(sc->theme, rt, 0) ||
				  strcmp(rt->id, SG_UNTYPED));
		const char *words = says ? relation_words(&sample,
			type_label(sc->theme, rt, 0), &sc->words) : NULL;
		sg_dobj *at = s->anchor != SG_NONE ?
			node_of(ag, g, s->anchor, 0, sc) : NULL;
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
		    set_text(n, "label", v->labels.buf + s->label, &sc->text) ||
		    set_text(n, "tooltip", sg_buf_str(&sc->tip), &sc->text) ||
		    set(n, "id", id) ||
		    (box && set(edge, s->dir == SG_IN ? "lhead" : "ltail",
				sg_drawing_name(box)));
		sg_buf_reset(&sc->class);
		r = r || sg_buf_adds(&sc->class, "summary") ||
		    (t && (sg_buf_adds(&sc->class, " ") ||
			   !css_class(&sc->name, t->id) ||
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
		r = (t && set_style(n, sc->theme, t, (size_t)(t - g->types), 1)) ||
		    set(n, "style", "filled,rounded,dashed");
		if (!edge || r)
			continue;
		snprintf(id, sizeof(id), "f.%zu.edge", i + 1);
		sg_buf_reset(&sc->status);
		r = set(edge, "id", id) ||
		    (rt && set_style(edge, sc->theme, rt, 0, 0)) ||
		    (s->dir == SG_BOTH && set(edge, "dir", "none")) ||
		    (words ? sg_buf_addf(&sc->status, "%s (%" PRIu32 ")", words,
				      s->relations) :
			  sg_buf_addf(&sc->status, "%" PRIu32 " relation%s",
				      s->relations,
				      s->relations == 1 ? "" : "s")) ||
		    set_text(edge, "label", sc->status.buf, &sc->text) ||
		    set_text(edge, "tooltip", sg_buf_str(&sc->tip), &sc->text);
	}
	return r;
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
static int overrides(sg_drawing *ag, int kind, const char *const *attrs,
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
	return !strcmp(name, "ltail") ? 0 :
				       sg_drawing_set(sp->rest, name, value, html);
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
		r = !(sp.words = sg_drawing_node(sg_drawing_root(ag), name, -1)) ||
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

/* Reading DOT from memory, one line a call, as cgraph's own reader does. */
struct text {
	const char *p, *end;
};

static int read_line(void *chan, char *buf, int size)
{
	struct text *t = chan;
	const char *eol = memchr(t->p, '\n', (size_t)(t->end - t->p));
	size_t n = (size_t)((eol ? eol + 1 : t->end) - t->p);

	if (size < 1)
		return 0;
	if (n > (size_t)size - 1)
		n = (size_t)size - 1;
	memcpy(buf, t->p, n);
	buf[n] = '\0';
	t->p += n;
	return (int)n;
}

Agraph_t *sg_read_dot(const char *dot, size_t len)
{
	static Agiodisc_t io;
	static Agdisc_t disc;
	struct text t = { dot, dot + len };

	io = AgIoDisc;
	io.afread = read_line;
	disc = (Agdisc_t){ &AgMemDisc, stable_ids(), &io };
	return agread(&t, &disc);
}

sg_drawing *sg_draw(const sg_view *v, const sg_render_opts *o,
		    const char *engine, const sg_fit *fit, sg_error *err)
{
	const sg_graph *g = v->graph;
	const char *title = o->title ? o->title : g->title;
	const sg_theme *theme = o->theme;
	recolour_fn *recolour = recolouring(theme);
	const char *rankdir = o->rankdir ? o->rankdir :
			      fit && fit->rankdir ? fit->rankdir : "LR";
	struct scratch sc = { theme, fit, SG_BUF_INIT, SG_BUF_INIT,
			      SG_BUF_INIT, SG_BUF_INIT, SG_BUF_INIT,
			      SG_BUF_INIT, SG_BUF_INIT, NULL, NULL,
			      calloc(g->nentities + 1, sizeof(*sc.drawn)),
			      calloc(g->nrelation_types + 1,
				     sizeof(*sc.type_piece)),
			      SG_BUF_INIT, 0, 0, 0, SG_BUF_INIT };
	sg_drawing *ag = sg_drawing_new(ROOT_NAME);
	sg_dobj *root = ag ? sg_drawing_root(ag) : NULL;
	int r = !ag || !sc.drawn || !sc.type_piece;

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
		const struct packing *p = packing_of(fit);
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
	if (o->caption)
		r = r || draw_caption(root, v, title, &sc);
	else if (title && *title)
		r = r || set_title(root, title, TITLE_PT, &sc);
	r = r || overrides(ag, SG_DGRAPH, o->graph_attrs, o->ngraph_attrs) ||
	    overrides(ag, SG_DNODE, o->node_attrs, o->nnode_attrs) ||
	    overrides(ag, SG_DEDGE, o->edge_attrs, o->nedge_attrs);
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
		r = draw_table(root, o->caption ? NULL : title, &sc) ||
		    (sc.listed && overrides(ag, SG_DGRAPH, o->graph_attrs,
					    o->ngraph_attrs)) ||
		    draw_summaries(ag, v, &sc);
	if (o->cluster && !r)
		r = draw_clusters(ag, v, o->cluster, &sc);
	if (o->legend && !r)
		r = draw_legend(ag, v, rankdir, &sc);
	if (sg_spreads(engine) && (!fit || fit->words_apart) && !r)
		r = split_words(ag, &sc);
	/* the title's and the groups' text is black unless told: a dark
	 * drawing turns that black too */
	if (theme && theme->dark == SG_DARK_YES && !r &&
	    !sg_drawing_default(ag, SG_DGRAPH, "fontcolor"))
		r = sg_drawing_declare(ag, SG_DGRAPH, "fontcolor", "black");
	if (recolour && !r)
		r = recolour_graph(ag, recolour);
	/* boxes in boxes, which recolour_graph does not reach */
	for (size_t e = 0; sc.boxes && recolour && !r && e < g->nentities; e++)
		r = sc.boxes[e] &&
		    recolour_object(ag, sc.boxes[e], SG_DGRAPH, recolour);
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
