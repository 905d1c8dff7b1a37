/*
 * TGF, the Trivial Graph Format (yEd's export; JUNG and GraphStream write
 * it too): a node a line, "ID LABEL", then a line "#", then an edge a
 * line, "FROM TO LABEL"; fields are parted by blanks, and a label is the
 * rest of its line, blanks and all, or nothing. No library reads it (nor
 * any tool Debian has: yEd is what turns it into GraphML), and its
 * grammar is those two lines. A node's label is its name; an edge's, the
 * words yEd draws on it, is the relation's type.
 */
#include <string.h>

#include "read.h"

static int blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The line from p, without its end (LF or CR LF). */
static const char *line_end(const char *p, const char *end)
{
	const char *e = memchr(p, '\n', (size_t)(end - p));

	e = e ? e : end;
	return e > p && e[-1] == '\r' ? e - 1 : e;
}

/* Whether [p, e) is the line between the nodes and the edges. */
static int is_hash(const char *p, const char *e)
{
	while (e > p && blank(e[-1]))
		e--;
	return e - p == 1 && *p == '#';
}

/* Whether [p, e) holds nothing but blanks. */
static int is_blank(const char *p, const char *e)
{
	while (p < e && blank(*p))
		p++;
	return p == e;
}

/*
 * A text whose first line is a node's and which has a line "#" with only
 * nodes' lines before it: only TGF has that line (an edge list's comments
 * begin with '#', followed by words).
 */
static enum rd_sure sniff_tgf(const char *head, size_t len)
{
	const char *p = head, *end = head + len;

	for (int lines = 0; p < end; lines++) {
		const char *e = line_end(p, end);

		if (is_hash(p, e))
			return lines ? RD_SURE : RD_NOT;
		/* (a node's id is one word: JSON, XML or a comment is not) */
		if (!is_blank(p, e) && strchr("{[<#%/\"", *p))
			return RD_NOT;
		p = e < end && *e == '\r' ? e + 2 : e + 1;
	}
	return RD_NOT;
}

/* The fields of a line: its first two words, and the rest, trimmed. */
struct tgf_line {
	const char *at[3], *end[3];
	size_t n; /* how many it has (the rest counts when not empty) */
};

static struct tgf_line fields(const char *p, const char *e, size_t words)
{
	struct tgf_line l = { .n = 0 };

	while (l.n <= words) {
		while (p < e && blank(*p))
			p++;
		if (p == e)
			break;
		l.at[l.n] = p;
		if (l.n < words) {
			while (p < e && !blank(*p))
				p++;
		} else {
			/* (the rest, whose first byte is no blank) */
			for (p = e; blank(p[-1]); p--)
				;
		}
		l.end[l.n++] = p;
	}
	return l;
}

/* Where byte q of line p (number line) stands: its column in characters. */
static struct pos place(int line, const char *p, const char *q)
{
	struct pos at = { line, 1 };

	for (; p < q; p++)
		at.column += ((unsigned char)*p & 0xC0) != 0x80;
	return at;
}

/* Field k of l as a string, into b ("" where l has none); NULL when out
 * of memory. */
static const char *text(sg_buf *b, const struct tgf_line *l, size_t k)
{
	if (k >= l->n)
		return "";
	sg_buf_reset(b);
	return sg_buf_add(b, l->at[k], (size_t)(l->end[k] - l->at[k])) ?
		       NULL :
		       sg_buf_str(b);
}

static int tgf_node(struct reader *rd, const struct tgf_line *l, sg_buf b[3],
		    struct pos at)
{
	sg_entity e = { .loc = rd_at(rd, at) };

	if (!(e.id = text(&b[0], l, 0)) || !(e.name = text(&b[2], l, 1)))
		return rd_nomem(rd);
	if (!*e.name)
		e.name = NULL;
	return sg_graph_add_entity(rd->g, &e, rd->err);
}

static int tgf_edge(struct reader *rd, const struct tgf_line *l, sg_buf b[3],
		    int line, const char *p)
{
	sg_relation r = { .loc = rd_at(rd, place(line, p, l->at[0])) };
	sg_places ends = { sg_pos_of(r.loc),
			   sg_pos_of(rd_at(rd, place(line, p, l->at[1]))),
			   sg_pos_of(r.loc) };

	if (!(r.from_ref = text(&b[0], l, 0)) ||
	    !(r.to_ref = text(&b[1], l, 1)) || !(r.type = text(&b[2], l, 2)))
		return rd_nomem(rd);
	if (!*r.type)
		r.type = SG_UNTYPED;
	return sg_graph_add_relation_at(rd->g, &r, &ends, rd->err);
}

static int read_tgf(struct reader *rd, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	sg_buf b[3] = { SG_BUF_INIT, SG_BUF_INIT, SG_BUF_INIT };
	int edges = 0, r = rd_not_text(rd, data, len, "TGF");

	for (int line = 1; !r && p < end; line++) {
		const char *e = line_end(p, end);
		struct tgf_line l = fields(p, e, edges ? 2 : 1);

		if (is_hash(p, e) && !edges)
			edges = 1;
		else if (is_hash(p, e))
			r = rd_fail_at(rd, SG_ESYNTAX, place(line, p, p),
				       "a second line '#': TGF has one, "
				       "between its nodes and its edges");
		else if (edges && l.n == 1)
			r = rd_fail_at(rd, SG_ESYNTAX,
				       place(line, p, l.end[0]), "an edge "
				       "with one end: TGF's edge is 'FROM TO "
				       "LABEL'");
		else if (l.n)
			r = edges ? tgf_edge(rd, &l, b, line, p) :
				    tgf_node(rd, &l, b,
					     place(line, p, l.at[0]));
		/* a line in error is noted and passed */
		if (r)
			r = rd->error.code == SG_ENOMEM || rd_note(rd) ? -1 : 0;
		p = e < end && *e == '\r' ? e + 2 : e + 1;
		sg_tell(&rd->tell, (size_t)((p < end ? p : end) - data));
	}
	for (size_t i = 0; i < SG_ARRAY_SIZE(b); i++)
		sg_buf_release(&b[i]);
	return r;
}

const struct rd_format rd_tgf = {
	.name = "tgf",
	.about = "TGF, the Trivial Graph Format (yEd's)",
	.sniff = sniff_tgf,
	.read_text = read_tgf,
};
