/* Drawing: the input's text made safe for Graphviz and SVG, and the
 * names and ids of the drawing's objects. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw_parts.h"

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
const char *dw_clean(sg_buf *b, const char *text)
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
const char *dw_esc(sg_buf *b, const char *s, int passes)
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

int dw_set_text(sg_dobj *obj, const char *name, const char *text,
		sg_buf *b)
{
	const char *s = dw_esc(b, text, strcmp(name, "tooltip") ? 1 : 2);

	return s ? set(obj, name, s) : -1;
}

/*
 * Breaks text into lines of about width characters at spaces, so that a
 * long name makes a box of a readable shape; its own line breaks stay.
 */
const char *dw_wrap(sg_buf *b, const char *text, size_t width)
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
const char *dw_relation_words(const sg_relation *r, const char *label,
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

/* The tooltip of an entity or relation into b: its text (description,
 * evidence) and its attributes, one "key: value" a line; empty when there
 * is none. */
int dw_tooltip(sg_buf *b, const char *text, const sg_attrs *a)
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
const char *dw_css_class(sg_buf *b, const char *type)
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
const char *dw_safe_url(sg_buf *b, const char *url)
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

int dw_add_id_piece(sg_buf *b, const char *s, uint32_t index)
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
int dw_add_kept_piece(sg_buf *b, sg_buf *pieces, size_t *at,
		      const char *const *s, uint32_t index)
{
	if (!*at) {
		*at = pieces->len + 1;
		if (dw_add_id_piece(pieces, *s, index) ||
		    sg_buf_add(pieces, "", 1))
			return -1;
	}
	return sg_buf_adds(b, pieces->buf + *at - 1);
}

int sg_svg_entity_id(sg_buf *b, const sg_graph *g, uint32_t e)
{
	return sg_buf_adds(b, "e.") || dw_add_id_piece(b, g->entities[e].id, e);
}

int sg_svg_relation_id(sg_buf *b, const sg_graph *g, size_t i)
{
	const sg_relation *r = &g->relations[i];

	return sg_buf_adds(b, "r.") ||
	       dw_add_id_piece(b, g->entities[r->from].id, r->from) ||
	       sg_buf_adds(b, ".") ||
	       dw_add_id_piece(b, r->type, r->type_index) ||
	       sg_buf_adds(b, ".") ||
	       dw_add_id_piece(b, g->entities[r->to].id, r->to) ||
	       (r->id && (sg_buf_adds(b, ".") ||
			  dw_add_id_piece(b, r->id, (uint32_t)i)));
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
const char *dw_node_name(sg_buf *b, const sg_graph *g, uint32_t e)
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

/* Adds text to b for an HTML-like label: markup characters as entities,
 * others as add_char adds them, cut (ending in "…") past max bytes. */
int dw_add_html_text(sg_buf *b, const char *text, size_t max)
{
	size_t start = b->len;
	int r = 0;

	while (*text && !r) {
		const char *as = *text == '&' ? "&amp;" :
				 *text == '<' ? "&lt;" :
				 *text == '>' ? "&gt;" :
				 *text == '"' ? "&quot;" : NULL;

		if (b->len - start >= max)
			return sg_buf_adds(b, "…");
		r = as ? sg_buf_adds(b, as) : add_char(b, &text);
		text += as != NULL;
	}
	return r;
}

/* Adds text to b as add_html_text does, broken into lines of about width
 * characters (0: one line). */
int dw_add_html_lines(sg_buf *b, const char *text, size_t max,
		      size_t width)
{
	sg_buf lines = SG_BUF_INIT;
	char *line, *end = NULL;
	int r;

	if (!width)
		return dw_add_html_text(b, text, max);
	r = !dw_wrap(&lines, text, width);
	for (line = lines.buf; !r && line; line = end ? end + 1 : NULL) {
		if ((end = strchr(line, '\n')))
			*end = '\0';
		r = dw_add_html_text(b, line, max) ||
		    (end && sg_buf_adds(b, "<BR/>"));
	}
	sg_buf_release(&lines);
	return r;
}

