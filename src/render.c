/* Rendering: the drawing laid out once, for a page, every output produced
 * before any is written (output.c writes them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gvc.h>

#include "draw.h"
#include "output.h"

/* Formats scograph writes itself: the drawing before layout. */
static const char *const dot_formats[] = { "dot", "gv", "canon" };
/* Graphviz devices that open windows instead of writing files. */
static const char *const window_formats[] = { "gtk", "x11", "xlib" };
static const char *const binary_formats[] = {
	"bmp", "gd", "gd2", "gif", "ico", "jpe", "jpeg", "jpg", "pdf",
	"png", "svgz", "tif", "tiff", "vmlz", "wbmp", "webp",
};

static int in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(s, list[i]))
			return 1;
	return 0;
}

int sg_format_is_binary(const char *format)
{
	return in_list(format, binary_formats, SG_ARRAY_SIZE(binary_formats));
}

const char *sg_output_format(const sg_output *out)
{
	const char *dot, *slash;

	if (out->format)
		return out->format;
	if (!strcmp(out->path, "-"))
		return "dot";
	dot = strrchr(out->path, '.');
	slash = strrchr(out->path, '/');
	if (!dot || (slash && dot < slash) || !dot[1])
		return NULL;
	return dot + 1;
}

/* ---- Graphviz's own messages ---- */

/* Graphviz reports through agerr, which prints to stderr unless given a
 * function; the library never prints, so its last message is kept here. */
static sg_buf gv_message = SG_BUF_INIT;

static int keep_message(char *text)
{
	if (!strncmp(text, "Warning", 7))
		return 0;
	sg_buf_reset(&gv_message);
	sg_buf_adds(&gv_message, text);
	/* a message ends with a newline; the error line adds its own */
	while (gv_message.len && gv_message.buf[gv_message.len - 1] == '\n')
		gv_message.buf[--gv_message.len] = '\0';
	return 0;
}

static int graphviz_failed(sg_error *err, const char *what)
{
	return sg_fail(err, SG_ERENDER, NULL, 0, 0, "graphviz failed to %s%s%s",
		       what, gv_message.len ? ": " : "",
		       sg_buf_str(&gv_message));
}

/* ---- checking the request before any work ---- */

static int plugin_known(GVC_t *gvc, const char *kind, const char *name,
			sg_buf *names)
{
	int n = 0, found = 0;
	char **list = gvPluginList(gvc, kind, &n, NULL);

	for (int i = 0; i < n; i++) {
		char *colon = strchr(list[i], ':');

		if (colon)
			*colon = '\0';
		if (!in_list(list[i], window_formats,
			     SG_ARRAY_SIZE(window_formats))) {
			found |= !strcmp(list[i], name);
			sg_buf_addf(names, "%s%s", names->len ? ", " : "",
				    list[i]);
		}
		free(list[i]);
	}
	free(list);
	return found;
}

static int check_plugin(GVC_t *gvc, const char *kind, const char *name,
			const char *what, sg_error *err)
{
	sg_buf names = SG_BUF_INIT;
	int found = plugin_known(gvc, kind, name, &names);

	if (!found)
		sg_fail(err, SG_EUSAGE, NULL, 0, 0,
			"unknown %s '%s' (this Graphviz has: %s)", what, name,
			sg_buf_str(&names));
	sg_buf_release(&names);
	return found ? 0 : -1;
}

static int check_attrs(const char *const *attrs, size_t n, const char *opt,
		       sg_error *err)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(attrs[i], '=') || attrs[i][0] == '=')
			return sg_fail(err, SG_EUSAGE, NULL, 0, 0,
				       "%s%s: expected name=value", opt,
				       attrs[i]);
	return 0;
}

/*
 * cairo stamps the time of rendering into a PDF (and this Graphviz ignores
 * SOURCE_DATE_EPOCH): the stamp becomes that variable's time (a UTC
 * instant, seconds since 1970), else a fixed one, so that the same input
 * gives the same PDF. The date keeps its length (rendered in UTC, it ends
 * in "Z"), and so every offset the PDF's index holds.
 */
static void fix_pdf_date(char *pdf, size_t len)
{
	static const char key[] = "/CreationDate (D:";
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	size_t n = sizeof(key) - 1, i = 0;
	char *at = NULL, stamp[16];
	time_t t = epoch ? (time_t)strtoll(epoch, NULL, 10) : 946684800;
	struct tm tm;

	for (; !at && i + n + 14 <= len; i++)
		if (!memcmp(pdf + i, key, n))
			at = pdf + i;
	if (!at ||
	    !gmtime_r(&t, &tm) ||
	    strftime(stamp, sizeof(stamp), "%Y%m%d%H%M%S", &tm) != 14)
		return;
	memcpy(at + sizeof(key) - 1, stamp, 14);
}

/*
 * cairo writes the date with the local time's offset ("+14'00", or "Z" in
 * UTC), which changes the PDF's length and so every offset after it: the
 * time zone is UTC while Graphviz renders, and the caller's after. The
 * caller's TZ, in *saved (NULL: it had none); -1 when out of memory.
 */
static int utc_begin(char **saved)
{
	const char *tz = getenv("TZ");

	*saved = tz ? strdup(tz) : NULL;
	if (tz && !*saved)
		return -1;
	setenv("TZ", "UTC0", 1);
	tzset();
	return 0;
}

static void utc_end(char *saved)
{
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}

/* ---- what an output is ---- */

static int is_dot(const char *format)
{
	return in_list(format, dot_formats, SG_ARRAY_SIZE(dot_formats));
}

/* scograph's own JSON; Graphviz's stays as json0, dot_json, xdot_json. */
static int is_json(const char *format)
{
	return !strcmp(format, "json");
}

/* A page of the drawing (html.c): a picture, drawn as SVG. */
static int is_html(const char *format)
{
	return !strcmp(format, "html");
}

/* Formats scograph writes itself, not Graphviz. */
static int is_ours(const char *format)
{
	return is_dot(format) || is_json(format);
}

/* Who frees an output's bytes. */
enum owner {
	DOT_TEXT, /* the drawing's DOT text, which every DOT output shares */
	OURS,
	GRAPHVIZ, /* given back to Graphviz */
};

/* One output's format and, once produced, its bytes. */
struct product {
	const char *format;
	char *data;
	size_t len;
	enum owner owner;
};

static void release_product(struct product *p)
{
	if (p->owner == OURS)
		free(p->data);
	else if (p->owner == GRAPHVIZ)
		gvFreeRenderData(p->data);
}

/* Where DOT text goes as it is written (stream_dot): the files of a
 * job's DOT outputs. */
struct stream {
	const struct product *out;
	sg_dest *dests;
	size_t n;
	sg_error *err;
	int failed; /* a write failed (err says why), not memory */
};

static int pass_dot(const char *text, size_t len, void *ctx)
{
	struct stream *s = ctx;

	for (size_t i = 0; i < s->n && !s->failed; i++)
		s->failed = is_dot(s->out[i].format) &&
			    sg_dest_write(&s->dests[i], text, len, s->err);
	return s->failed;
}

/* v drawn for engine (and for a page, unless fit is NULL) as DOT text,
 * into dot, or with to through dot into to's files; written by
 * scograph's own writer, no cgraph graph made (see drawing.c). */
static int draw_dot(const sg_view *v, const sg_render_opts *opts,
		    const char *engine, const sg_fit *fit, sg_buf *dot,
		    struct stream *to, sg_error *err)
{
	sg_drawing *d = sg_draw(v, opts, engine, fit, err);
	int r = d ? 0 : -1;

	if (d && opts->keep && sg_keep_layout(d, v->graph, opts->keep, engine))
		r = sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	else if (d && sg_drawing_dot_pass(d, dot, to ? pass_dot : NULL, to))
		r = to && to->failed ? -1 :
			sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	sg_drawing_free(d);
	return r;
}

/* The DOT text of v drawn for engine (and for a page, unless fit is
 * NULL), in *text (malloc'd) and *len. */
static int write_dot(const sg_view *v, const sg_render_opts *opts,
		     const char *engine, const sg_fit *fit, char **text,
		     size_t *len, sg_error *err)
{
	sg_buf dot = SG_BUF_INIT;

	if (draw_dot(v, opts, engine, fit, &dot, NULL, err)) {
		sg_buf_release(&dot);
		return -1;
	}
	*text = dot.buf;
	*len = dot.len;
	return 0;
}

/* The view as native JSON in p; a diff's JSON is its change set. */
static int write_json(const sg_view *v, int unnamed, struct product *p,
		      sg_error *err)
{
	sg_buf json = SG_BUF_INIT;
	int r = v->diff ? sg_diff_json(v->diff, &json) :
				 sg_write_json(v, unnamed, &json);

	p->data = json.buf;
	p->len = json.len;
	p->owner = OURS;
	return r ? sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") : 0;
}

/*
 * One Graphviz context serves the whole process: Graphviz 2.43's pango
 * plugin keeps a pointer to the last font name, which gvFreeContext frees,
 * so a second context would read freed memory (valgrind shows it). The
 * context stays reachable until exit.
 */
static GVC_t *context(void)
{
	static GVC_t *gvc;

	if (!gvc)
		gvc = gvContext();
	return gvc;
}

/* Gives p's SVG the style that turns it dark where its reader prefers
 * dark (a theme's "dark": "auto"). */
static int follow_scheme(struct product *p, sg_error *err)
{
	sg_buf svg = SG_BUF_INIT;

	if (sg_svg_follow_scheme(&svg, p->data, p->len)) {
		sg_buf_release(&svg);
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	}
	gvFreeRenderData(p->data);
	p->data = svg.buf;
	p->len = svg.len;
	p->owner = OURS;
	return 0;
}
/* ---- text no installed font has ---- */

/* Formats drawn with the installed fonts (by cairo or gd), where a
 * character no font has comes out as a box; SVG leaves text to the fonts
 * of its viewer. */
static int draws_text(const char *format)
{
	return sg_format_is_binary(format) && strcmp(format, "svgz") &&
	       strcmp(format, "vmlz");
}

/* ---- laying out ---- */

/*
 * Each layout is made as `dot` makes its: DOT text read into a graph of
 * its own, laid out once, rendered, its layout freed, the graph closed.
 * Graphviz is written and tested for that order, and dot never lays a
 * graph out twice; a graph laid out, freed and laid out again would keep
 * what its first layout wrote into it (its bb, for one).
 */

/*
 * Frees ag's layout. Graphviz 2.43's dot frees each rank of the root
 * graph by its allocated list (av), which is the rank's list of nodes (v)
 * itself; but where it puts the words of a relation between two entities
 * of one rank that are not side by side (a labelled "flat" edge), it grows
 * the rank above with realloc and moves only v (flat.c's make_vn_slot).
 * gvFreeLayout then frees the old list a second time, and never the new
 * one: valgrind and ASan report it on every such drawing, and where
 * realloc had to move the list (a few such relations on one rank), glibc
 * aborts or the heap is corrupted (issue 18; tests/layouts/). Later
 * Graphviz keeps av with v; so does this, before the layout is freed.
 * Only dot ranks a graph, and only the root's lists are its own (a
 * cluster's v points into the root's).
 */
static void free_layout(GVC_t *gvc, Agraph_t *ag)
{
	if (GD_rank(ag))
		for (int r = GD_minrank(ag); r <= GD_maxrank(ag); r++)
			GD_rank(ag)[r].av = GD_rank(ag)[r].v;
	gvFreeLayout(gvc, ag);
}

/* Forgets *ag, laid out: its layout, then the graph. */
static void close_layout(GVC_t *gvc, Agraph_t **ag)
{
	if (*ag) {
		free_layout(gvc, *ag);
		agclose(*ag);
	}
	*ag = NULL;
}

/* What of a layout is made: all of it, or only where the boxes go. */
enum laying { LAY_ALL, LAY_BOXES };

/* The DOT text dot, len bytes, read into a graph of its own, *ag, and
 * laid out by engine. */
static int read_and_lay_out(GVC_t *gvc, const char *dot, size_t len,
			    const char *engine, enum laying what,
			    Agraph_t **ag, sg_error *err)
{
	if (!(*ag = sg_read_dot(dot, len)))
		return graphviz_failed(err, "read its own DOT");
	/* dot places its boxes before it routes the lines, which then
	 * take as long again */
	if (what == LAY_BOXES && agsafeset(*ag, "splines", "none", "")) {
		agclose(*ag);
		*ag = NULL;
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	}
	if (!gvLayout(gvc, *ag, engine))
		return 0;
	agclose(*ag);
	*ag = NULL;
	return graphviz_failed(err, "lay out the graph");
}

/*
 * *ag, laid out by nop2 from DOT text *dot (*len bytes), with its
 * relations' words moved off what they covered (sg_keep_settle): written
 * as Graphviz's DOT of that layout (every position, line and word's
 * place in it, which nop2 keeps), and laid out from it again, so that
 * the DOT text is the drawing (`dot -Tsvg` of it draws the same).
 */
static int place_words(GVC_t *gvc, Agraph_t **ag, char **dot, size_t *len,
		       sg_error *err)
{
	char *laid = NULL;
	unsigned int n = 0;
	sg_buf text = SG_BUF_INIT;

	if (sg_keep_settle(*ag))
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	if (gvRenderData(gvc, *ag, "dot", &laid, &n))
		return graphviz_failed(err, "write its layout");
	if (sg_buf_add(&text, laid, n)) {
		gvFreeRenderData(laid);
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	}
	gvFreeRenderData(laid);
	close_layout(gvc, ag);
	free(*dot);
	*dot = text.buf;
	*len = text.len;
	return read_and_lay_out(gvc, *dot, *len, "nop2", LAY_ALL, ag, err);
}

/*
 * *ag, dot's layout of v with a kept layout's ranks and orders tied
 * (sg_keep_layout), drawn again with each entity where the kept layout
 * has it and the rest placed among them (sg_keep_places), its relations
 * routed anew by nop2 (neato -n2); *dot and *len become that drawing's.
 * dot places boxes along a rank itself, and 2.43's cannot pin them: with
 * ranks alone, 40% of the 60-entity graph's boxes moved per edit
 * (layoutmove.py).
 */
static int lay_out_kept(const sg_view *v, const sg_render_opts *opts,
			const sg_fit *fit, GVC_t *gvc, Agraph_t **ag,
			char **dot, size_t *len, sg_error *err)
{
	sg_render_opts untied = *opts;
	sg_buf text = SG_BUF_INIT;
	sg_drawing *d;
	int r;

	untied.keep = NULL;
	if (!(d = sg_draw(v, &untied, "dot", fit, err)))
		return -1;
	r = sg_keep_places(d, v->graph, opts->keep, *ag) ||
		    sg_drawing_dot(d, &text) ?
		    sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") :
		    0;
	sg_drawing_free(d);
	close_layout(gvc, ag);
	free(*dot);
	*dot = text.buf;
	*len = text.len;
	return r || read_and_lay_out(gvc, *dot, *len, "nop2", LAY_ALL, ag, err) ||
		       place_words(gvc, ag, dot, len, err) ?
		       -1 :
		       0;
}

/* Whether engine keeps the positions it is given pinned (Graphviz 2.43's
 * sfdp, twopi and circo do not). */
static int pins(const char *engine)
{
	return !strcmp(engine, "neato") || !strcmp(engine, "fdp");
}

/*
 * *ag, laid out by engine (neato, fdp) with a kept layout's entities
 * pinned (sg_keep_layout), drawn again with every box pinned where it
 * was but where lines tangle (sg_keep_untangle), and laid out again;
 * *dot and *len become that drawing's. Pinned, a kept drawing of 200
 * entities kept its old one's 129 crossings, 1.45 times a fresh layout's
 * (layoutmove.py).
 */
static int lay_out_untangled(const sg_view *v, const sg_render_opts *opts,
			     const char *engine, const sg_fit *fit,
			     GVC_t *gvc, Agraph_t **ag, char **dot,
			     size_t *len, sg_error *err)
{
	sg_buf text = SG_BUF_INIT;
	sg_drawing *d;
	int r;

	if (!(d = sg_draw(v, opts, engine, fit, err)))
		return -1;
	r = sg_keep_layout(d, v->graph, opts->keep, engine) ||
		    sg_keep_untangle(d, v->graph, opts->keep, *ag) ||
		    sg_drawing_dot(d, &text) ?
		    sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") :
		    0;
	sg_drawing_free(d);
	close_layout(gvc, ag);
	free(*dot);
	*dot = text.buf;
	*len = text.len;
	return r || read_and_lay_out(gvc, *dot, *len, engine, LAY_ALL, ag,
				     err) ?
		       -1 :
		       0;
}

/* The DOT text of v drawn for engine (and for a page, unless fit is
 * NULL) in *dot, *len, and laid out in *ag. */
static int lay_out(const sg_view *v, const sg_render_opts *opts,
		   const char *engine, const sg_fit *fit, GVC_t *gvc,
		   Agraph_t **ag, char **dot, size_t *len, sg_error *err)
{
	int tied = opts->keep && !strcmp(engine, "dot"),
	    pinned = opts->keep && pins(engine);

	/* a kept layout takes only the places of the boxes from its first
	 * (sg_keep_places, sg_keep_untangle route the lines) */
	if (write_dot(v, opts, engine, fit, dot, len, err) ||
	    read_and_lay_out(gvc, *dot, *len, engine,
			     tied || pinned ? LAY_BOXES : LAY_ALL, ag, err))
		return -1;
	if (tied)
		return lay_out_kept(v, opts, fit, gvc, ag, dot, len, err);
	return pinned ? lay_out_untangled(v, opts, engine, fit, gvc, ag, dot,
					  len, err) :
			0;
}

/* Graphviz renders with what it kept of the last layout it made (its
 * attributes' symbols, for one): *ag, of DOT text dot (len bytes), laid
 * out before another, is closed and its text laid out again in a graph
 * of its own, which it is rendered from. */
static int lay_out_again(GVC_t *gvc, Agraph_t **ag, const char *dot,
			 size_t len, const char *engine, sg_error *err)
{
	close_layout(gvc, ag);
	return read_and_lay_out(gvc, dot, len, engine, LAY_ALL, ag, err);
}

/* ---- fitting a drawing to a page ---- */

static const struct page {
	const char *name, *what;
	double width, height; /* the text area, in points */
} pages[] = {
	{ "a4", "an A4 page", 453, 700 },
	{ "letter", "a US Letter page", 468, 648 },
	{ "slide", "a 16:9 slide", 720, 405 },
	{ "none", NULL, 0, 0 },
};

/* The page named name (NULL: A4); NULL with err for an unknown one. */
static const struct page *find_page(const char *name, sg_error *err)
{
	for (size_t i = 0; i < SG_ARRAY_SIZE(pages); i++)
		if (!strcmp(pages[i].name, name ? name : "a4"))
			return &pages[i];
	sg_fail(err, SG_EUSAGE, NULL, 0, 0, "unknown page '%s'; use a4, "
		"letter, slide or none", name);
	return NULL;
}

/* What a laid-out drawing reaches on its page: the scale that shrinks it
 * to the page, and its smallest entity and relation text then, and its
 * smallest other text a reader must read (the legend, the title or
 * caption, the groups' names), in points (0 when it has none). */
struct reach {
	double width, height, scale, entity, relation, other;
	size_t overlaps; /* pairs of texts that overlap */
};

/* The box of a text centred at pos, dimen large; 0 when it has none. */
static int text_box(const textlabel_t *l, pointf pos, boxf *b)
{
	if (!l || l->dimen.x <= 0 || l->dimen.y <= 0)
		return 0;
	b->LL.x = pos.x - l->dimen.x / 2;
	b->UR.x = pos.x + l->dimen.x / 2;
	b->LL.y = pos.y - l->dimen.y / 2;
	b->UR.y = pos.y + l->dimen.y / 2;
	return 1;
}

/* Texts closer than this (points) are taken to overlap: Graphviz sets
 * the labels of relations between the same entities edge to edge, and
 * the fonts that draw them may be wider than it measured. */
#define GAP 1.0

/* How many pairs of ag's texts (its nodes' and its relations' words)
 * overlap, laid out, in *pairs; -1 when memory runs out to count them
 * (counting none would choose another layout than a run that could). */
static int overlaps(Agraph_t *ag, size_t *pairs)
{
	size_t n = 0, k = 0;
	boxf *b;

	for (Agnode_t *nd = agfstnode(ag); nd; nd = agnxtnode(ag, nd))
		for (Agedge_t *e = agfstout(ag, nd); e; e = agnxtout(ag, e))
			n++;
	n += (size_t)agnnodes(ag);
	*pairs = 0;
	if (!(b = malloc((n + 1) * sizeof(*b))))
		return -1;
	for (Agnode_t *nd = agfstnode(ag); nd; nd = agnxtnode(ag, nd)) {
		k += text_box(ND_label(nd), ND_coord(nd), &b[k]);
		for (Agedge_t *e = agfstout(ag, nd); e; e = agnxtout(ag, e))
			k += ED_label(e) &&
			     text_box(ED_label(e), ED_label(e)->pos, &b[k]);
	}
	for (size_t i = 0; i < k; i++)
		for (size_t j = i + 1; j < k; j++)
			*pairs += b[i].LL.x < b[j].UR.x + GAP &&
				  b[j].LL.x < b[i].UR.x + GAP &&
				  b[i].LL.y < b[j].UR.y + GAP &&
				  b[j].LL.y < b[i].UR.y + GAP;
	free(b);
	return 0;
}

/* The smallest text size of the labels of obj's kind so far, in *min. */
static void smallest(void *obj, double *min)
{
	const char *size = agget(obj, "fontsize");
	/* Graphviz's default */
	double pt = size && *size ? atof(size) : 14;

	if (*min == 0 || pt < *min)
		*min = pt;
}

/* The smallest text size of label l (none when NULL) so far, in *min. */
static void smallest_label(const textlabel_t *l, double *min)
{
	if (l && l->fontsize > 0 && (*min == 0 || l->fontsize < *min))
		*min = l->fontsize;
}

/* The smallest label of sub's clusters (and sub's own, unless the root:
 * the title, which measure counts) in *min. Only clusters: nop2 (a kept
 * layout) gives other subgraphs no layout record to read. */
static void smallest_cluster(Agraph_t *sub, double *min)
{
	if (sub != agroot(sub))
		smallest_label(GD_label(sub), min);
	for (int i = 1; i <= GD_n_cluster(sub); i++)
		smallest_cluster(GD_clust(sub)[i], min);
}

static int measure(Agraph_t *ag, const sg_graph *g, const struct page *p,
		   struct reach *m, sg_error *err)
{
	const char *pad = agget(ag, "pad");
	double x = 4, y; /* Graphviz's default pad, in points */
	int n = pad && *pad ? sscanf(pad, "%lf,%lf", &x, &y) : 0;

	if (n >= 1)
		x *= 72;
	y = n == 2 ? y * 72 : x;
	m->width = GD_bb(ag).UR.x - GD_bb(ag).LL.x + 2 * x;
	m->height = GD_bb(ag).UR.y - GD_bb(ag).LL.y + 2 * y;
	m->scale = 1;
	if (p->width < m->width)
		m->scale = p->width / m->width;
	if (p->height < m->height * m->scale)
		m->scale = p->height / m->height;
	m->entity = m->relation = m->other = 0;
	smallest_label(GD_label(ag), &m->other);
	smallest_cluster(ag, &m->other);
	for (Agnode_t *nd = agfstnode(ag); nd; nd = agnxtnode(ag, nd)) {
		if (sg_node_entity(g, nd) >= 0)
			smallest(nd, &m->entity);
		else if (!strncmp(agnameof(nd), "legend:", 7))
			smallest_label(ND_label(nd), &m->other);
		else if (sg_node_words(nd))
			smallest(nd, &m->relation);
		for (Agedge_t *e = agfstout(ag, nd); e; e = agnxtout(ag, e)) {
			const char *label = agget(e, "label");

			if (label && *label)
				smallest(e, &m->relation);
		}
	}
	m->entity *= m->scale;
	m->relation *= m->scale;
	m->other *= m->scale;
	if (overlaps(ag, &m->overlaps))
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	return 0;
}

static double smaller(double a, double b)
{
	return a < b ? a : b;
}

/* How large m's text is on its page: at least 1 when as large as a page
 * needs, less the smaller it is. */
static double large(const struct reach *m)
{
	double e = m->entity / SG_PAGE_ENTITY_PT;
	double r = m->relation ? m->relation / SG_PAGE_RELATION_PT : e;
	/* the legend, the caption and the groups' names: text as small as
	 * the relations' may be */
	double o = m->other ? m->other / SG_PAGE_RELATION_PT : e;

	return smaller(e, smaller(r, o));
}

/* How much less readable than its old drawing a kept layout may be and
 * still be kept: the old one's is read from its SVG, the kept one's is
 * Graphviz's estimate. */
#define KEPT_SLACK 0.97

/* How readable m is: as large(), but texts that overlap weigh as much as
 * text at half the size. */
static double readable(const struct reach *m)
{
	return large(m) * (m->overlaps ? 0.5 : 1);
}

/* Warns when the text of m, on page p, is too small to read. */
static int warn_small(const sg_render_opts *opts, const struct page *p,
		      const struct reach *m, sg_error *err)
{
	sg_error w = { SG_WPAGE, SG_WARNING, 0, 0, "", "" };
	char sizes[128], other[96] = "", overlap[64] = "";

	/* (a drawing of no entity, a diff of no change, has no text) */
	if (readable(m) >= 1 || (m->entity <= 0 && m->relation <= 0))
		return 0;
	/* a drawing of relations without words has no relation text */
	if (m->relation)
		snprintf(sizes, sizeof(sizes), "its entity text is %.1f pt and "
			 "its relation text %.1f pt (a reader needs %d and %d)",
			 m->entity, m->relation, SG_PAGE_ENTITY_PT,
			 SG_PAGE_RELATION_PT);
	else
		snprintf(sizes, sizeof(sizes), "its entity text is %.1f pt (a "
			 "reader needs %d)", m->entity, SG_PAGE_ENTITY_PT);
	if (m->other && m->other < SG_PAGE_RELATION_PT)
		snprintf(other, sizeof(other), ", its legend, caption or "
			 "groups' names %.1f pt (a reader needs %d)", m->other,
			 SG_PAGE_RELATION_PT);
	if (m->overlaps)
		snprintf(overlap, sizeof(overlap), ", and %zu pairs of its "
			 "texts overlap", m->overlaps);
	snprintf(w.text, sizeof(w.text), "the drawing is %.0f x %.0f pt: "
		 "%s %s (%.0f x %.0f pt), %s%s%s; draw less (--focus, "
		 "--max-nodes), or for no page (--page none)", m->width,
		 m->height, m->width > p->width || m->height > p->height ?
		 "shrunk to fit" : "on", p->what, p->width, p->height, sizes,
		 other, overlap);
	return sg_render_warn(opts, err, &w);
}

/* The rank of each entity of v, along its longest path of relations
 * (cycles cut where a rank would pass the number of entities), into
 * rank[]; the number of ranks. */
static size_t longest_paths(const sg_view *v, uint32_t *rank)
{
	const sg_graph *g = v->graph;
	size_t ranks = 1;
	int changed = 1;

	for (size_t k = 0; k < v->nshown; k++)
		rank[v->shown[k]] = 0;
	for (size_t pass = 0; changed && pass < v->nshown; pass++) {
		changed = 0;
		for (size_t i = 0; i < g->nrelations; i++) {
			const sg_relation *r = &g->relations[i];

			if (v->relation_on[i] && rank[r->to] <= rank[r->from] &&
			    rank[r->from] + 1 < v->nshown) {
				rank[r->to] = rank[r->from] + 1;
				changed = 1;
				if (rank[r->to] + 1 > ranks)
					ranks = rank[r->to] + 1;
			}
		}
	}
	return ranks;
}

/*
 * The flow a drawing of v most likely fits page p best in, guessed from
 * its ranks (longest paths) and their entities: a rank takes about 190 pt
 * and an entity 45 down a drawing that flows left to right (its column
 * and its relations' words), 120 across and 80 down one that flows down.
 * Left to right unless down fits clearly better: only a guess, to try
 * first; NULL when memory ran out. *both is 0 when the other flow fits
 * less than two thirds as well: not worth a try (the whole SCO graph, a
 * star, flowing down was over three times too wide for A4).
 */
static const char *likely_flow(const sg_view *v, const struct page *p,
			       int *both)
{
	uint32_t *rank = malloc((v->graph->nentities + 1) * sizeof(*rank));
	size_t *count = calloc(v->nshown + 1, sizeof(*count));
	size_t ranks, widest = 0;
	double lr, tb;

	if (!rank || !count) {
		free(rank);
		free(count);
		return NULL;
	}
	ranks = longest_paths(v, rank);
	for (size_t k = 0; k < v->nshown; k++)
		if (++count[rank[v->shown[k]]] > widest)
			widest = count[rank[v->shown[k]]];
	free(rank);
	free(count);
	/* as large as it is, a drawing fits */
	lr = smaller(1, smaller(p->width / (190.0 * ranks),
				p->height / (45.0 * widest)));
	tb = smaller(1, smaller(p->width / (120.0 * widest),
				p->height / (80.0 * ranks)));
	*both = tb > lr * 2 / 3 && lr > tb * 2 / 3;
	return tb > lr * 1.1 ? "TB" : "LR";
}

/* The candidates fit_drawing tries, in order: the likely flow or the
 * other one, and how tightly packed. The other flow when likely_flow
 * called it hopeless comes last: that guess counts a star's chains of
 * neighbours as ranks, and a hub flowing left to right, its neighbours
 * down a column, was twice as readable on A4 as the row it guessed. */
struct try {
	int other, level, hopeless, words_apart;
};
static const struct try tries[] = {
	{ 0, 0, 0, 0 }, { 0, 1, 0, 0 }, { 1, 0, 0, 0 }, { 1, 1, 0, 0 },
	{ 0, 2, 0, 0 }, { 1, 2, 0, 0 }, { 1, 0, 1, 0 }, { 1, 1, 1, 0 },
	{ 1, 2, 1, 0 }
};
/* The engines that move boxes apart try their layout as it comes, then
 * with relations' words as nodes: that keeps the words off the boxes and
 * each other, and costs size (the whole SCO graph with neato: 4.6 pt
 * where it had 8.7 pt and no text overlapping), so it is only drawn when
 * more readable. */
static const struct try spread_tries[] = { { 0, 0, 0, 0 }, { 0, 0, 0, 1 } };

/* Forgets a drawing laid out, and its DOT text. */
static void drop(GVC_t *gvc, Agraph_t **ag, char **dot)
{
	close_layout(gvc, ag);
	free(*dot);
	*dot = NULL;
}

/* Whether a summary of v names its entities. */
static int names_any(const sg_view *v)
{
	for (size_t i = 0; i < v->nfolds; i++)
		if (v->folds[i].named)
			return 1;
	return 0;
}

/*
 * Draws v for page p with dot (or an engine that moves boxes apart: its
 * own candidates), laid out, trying the candidates until one
 * keeps its text readable on the page; the first that does, else the most
 * readable, in *ag (laid out, read from its DOT) and *dot (*len bytes),
 * what it reaches in *m, how it was fitted in *chosen. Most drawings fit
 * at the first try, whose layout is the one rendered: only those that do
 * not cost more layouts. Summaries name their entities unless no
 * candidate stays readable with the names; then the candidates are tried
 * again without them (20 boxes of names made a generated hub's page 4.9
 * pt where it had 7.4).
 */
static int fit_drawing(const sg_view *v, const sg_render_opts *opts,
		       const char *engine, const struct page *p, GVC_t *gvc,
		       Agraph_t **ag, char **dot, size_t *len, struct reach *m,
		       sg_fit *chosen, sg_error *err)
{
	int both = 0;
	const char *flow = opts->rankdir ? NULL : likely_flow(v, p, &both);
	const char *other = flow && !strcmp(flow, "TB") ? "LR" : "TB";
	int r = !opts->rankdir && !flow ?
		sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") : 0;
	int last = 0; /* *ag was the last laid out */
	int ranks = !strcmp(engine, "dot");
	const struct try *t = ranks ? tries : spread_tries;
	size_t ntries = ranks ? SG_ARRAY_SIZE(tries) :
				SG_ARRAY_SIZE(spread_tries);
	size_t nnames = names_any(v) ? 2 : 1;

	for (size_t k = 0; k < ntries * nnames && !r; k++) {
		size_t i = k % ntries;
		sg_fit fit = { p->width, p->height,
			       t[i].other ? other : flow, t[i].level, ranks,
			       0, t[i].words_apart, (int)(k / ntries) };
		Agraph_t *try = NULL;
		char *text = NULL;
		size_t n = 0;
		struct reach got;

		if (t[i].other && (!flow || t[i].hopeless == both))
			continue; /* the caller's flow, or not yet */
		r = lay_out(v, opts, engine, &fit, gvc, &try, &text, &n, err);
		if (r) {
			free(text);
			break;
		}
		if (measure(try, v->graph, p, &got, err)) {
			drop(gvc, &try, &text);
			r = -1;
			break;
		}
		last = !*ag || readable(&got) > readable(m);
		if (!last) {
			drop(gvc, &try, &text);
			continue;
		}
		drop(gvc, ag, dot);
		*ag = try;
		*dot = text;
		*len = n;
		*m = got;
		*chosen = fit;
		if (readable(m) >= 1)
			break;
	}
	if (!r && *ag && !last)
		r = lay_out_again(gvc, ag, *dot, *len, engine, err);
	return r;
}

/* The root of e's part in the union-find forest parent[]. */
static uint32_t part_of(uint32_t *parent, uint32_t e)
{
	while (parent[e] != e)
		e = parent[e] = parent[parent[e]];
	return e;
}

/* The engine -K auto picks for v; NULL when memory ran out. */
static const char *auto_engine(const sg_view *v)
{
	const sg_graph *g = v->graph;
	uint32_t *parent;
	size_t parts = v->nshown, cycles;

	if (v->nshown > SG_AUTO_DOT_ENTITIES)
		return "sfdp";
	parent = malloc((g->nentities + 1) * sizeof(*parent));
	if (!parent)
		return NULL;
	for (size_t k = 0; k < v->nshown; k++)
		parent[v->shown[k]] = v->shown[k];
	for (size_t i = 0; i < g->nrelations; i++) {
		uint32_t a, b;

		if (!v->relation_on[i])
			continue;
		a = part_of(parent, g->relations[i].from);
		b = part_of(parent, g->relations[i].to);
		if (a != b) {
			parent[a] = b;
			parts--;
		}
	}
	free(parent);
	cycles = v->nshown_relations + parts - v->nshown;
	return cycles <= SG_AUTO_DOT_CYCLES ? "dot" : "sfdp";
}

/* How many other relations a relation of laid-out ag crosses, on average
 * (two for each crossing pair); -1 when memory ran out. */
static double tangle(Agraph_t *ag, const sg_graph *g)
{
	size_t relations, crossings;

	if (sg_crossings(ag, g, &relations, &crossings))
		return -1;
	return relations ? 2.0 * crossings / (double)relations : 0;
}

/* A layout as -K auto weighs it: how its relations tangle, and on a page
 * what its text reaches there. */
struct weight {
	double tangle;
	struct reach reach;
};

static int weigh(Agraph_t *ag, const sg_graph *g, const struct page *p,
		 struct weight *w, sg_error *err)
{
	if ((w->tangle = tangle(ag, g)) < 0)
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	return p->what ? measure(ag, g, p, &w->reach, err) : 0;
}

/* How readable w's text is on page p (readable(): its size, and whether
 * texts overlap), up to readable enough (1); every layout's is with no
 * page. */
static double legible(const struct weight *w, const struct page *p)
{
	return p->what ? smaller(readable(&w->reach), 1) : 1;
}

/*
 * Whether w's text is too small on page p: what makes -K auto look at
 * another engine. Overlapping texts alone do not: they come from where
 * relations' words are put, which sfdp does no better (it sets them at
 * the middle of their lines, over what is there), while the size on the
 * page is what another engine changes.
 */
static int too_small(const struct weight *w, const struct page *p)
{
	return p->what && large(&w->reach) < 1;
}

/*
 * Whether a reader is better served by layout a than by b. Text too small
 * to read, or lying over other text, is lost on the page whatever the
 * lines do, so the more legible comes first, when clearly so (by a tenth:
 * Graphviz's sizes are estimates); then the one whose relations cross
 * less.
 */
static int serves_better(const struct weight *a, const struct weight *b,
			 const struct page *p)
{
	double la = legible(a, p), lb = legible(b, p);

	if (la > lb * 1.1 || lb > la * 1.1)
		return la > lb;
	return a->tangle < b->tangle;
}

/*
 * Relations that cross need room between the ranks they cross to be told
 * apart: dot packs a page's drawing tight (Davis: two columns 22 pt apart,
 * 89 relations between them, on a page 453 pt wide). *ag, tangled, is
 * drawn again with its ranks spread over the room the page leaves along
 * its flow (nine tenths of it: the sizes are Graphviz's estimates), and
 * kept so if its text stays as legible; else laid out again as it was.
 */
static int spread(const sg_view *v, const sg_render_opts *opts,
		  const struct page *p, const sg_fit *fit, GVC_t *gvc,
		  Agraph_t **ag, char **dot, size_t *len,
		  const struct weight *was, sg_error *err)
{
	const char *rankdir = agget(*ag, "rankdir"), *attr;
	int across = rankdir && (!strcmp(rankdir, "LR") ||
				 !strcmp(rankdir, "RL"));
	const struct reach *m = &was->reach;
	double room = across ? p->width / m->scale - m->width :
			       p->height / m->scale - m->height;
	int gaps = GD_maxrank(*ag) - GD_minrank(*ag);
	sg_fit wide = *fit;
	Agraph_t *other = NULL;
	char *text = NULL;
	size_t n = 0;
	struct weight is;
	int r;

	/* the spacing dot used, in points (GD_ranksep: halved when
	 * relations' words take ranks of their own), grown by the room
	 * each gap may take, the attribute in proportion */
	attr = agget(*ag, "ranksep");
	if (gaps < 1 || room < 72 || !attr || GD_ranksep(*ag) <= 0)
		return lay_out_again(gvc, ag, *dot, *len, "dot", err);
	wide.ranksep = atof(attr) * (GD_ranksep(*ag) + 0.9 * room / gaps) /
		       GD_ranksep(*ag);
	r = lay_out(v, opts, "dot", &wide, gvc, &other, &text, &n, err) ||
	    weigh(other, v->graph, p, &is, err);
	if (!r && legible(&is, p) >= legible(was, p)) {
		drop(gvc, ag, dot);
		*ag = other;
		*dot = text;
		*len = n;
		return 0;
	}
	drop(gvc, &other, &text);
	return r ? r : lay_out_again(gvc, ag, *dot, *len, "dot", err);
}

/*
 * -K auto's second look at dot's layout *ag (of *dot, *len bytes), drawn
 * for page p as fit says (NULL: no page): one whose relations do not
 * tangle (SG_AUTO_TANGLE) and whose text is not too small on the page is
 * kept. Else sfdp lays the drawing out too, and its layout replaces
 * dot's, in *ag, *dot, *len and *engine, when it serves a reader better
 * (serves_better: legible text first, then fewer crossings); a tangled dot
 * layout kept has its ranks spread over the page. On A4: Davis' dot
 * columns cross 12.1 relations each with 9.1 pt text, sfdp's 3.4 with 4.6
 * pt: dot's, spread; the 736 hub's dot layout has 6.2 pt text, sfdp's 9.2
 * pt with overlapping texts: dot's.
 */
static int judge(const sg_view *v, const sg_render_opts *opts,
		 const struct page *p, const sg_fit *fit, GVC_t *gvc,
		 Agraph_t **ag, char **dot, size_t *len, const char **engine,
		 sg_error *err)
{
	/* sfdp's packing is its own: only sized to the page */
	sg_fit loose = { p->width, p->height, NULL, 0, 0, 0, 0,
			 fit && fit->unnamed };
	struct weight was, is;
	Agraph_t *other = NULL;
	char *text = NULL;
	size_t n = 0;
	int r;

	if (weigh(*ag, v->graph, p, &was, err))
		return -1;
	if (was.tangle <= SG_AUTO_TANGLE && !too_small(&was, p))
		return 0;
	r = lay_out(v, opts, "sfdp", fit ? &loose : NULL, gvc, &other, &text,
		    &n, err);
	r = r || weigh(other, v->graph, p, &is, err);
	if (!r && serves_better(&is, &was, p)) {
		drop(gvc, ag, dot);
		*ag = other;
		*dot = text;
		*len = n;
		*engine = "sfdp";
		return 0;
	}
	drop(gvc, &other, &text);
	if (r)
		return r;
	if (fit && was.tangle > SG_AUTO_TANGLE)
		return spread(v, opts, p, fit, gvc, ag, dot, len, &was, err);
	return lay_out_again(gvc, ag, *dot, *len, *engine, err);
}

/* ---- plan -> produce -> commit ---- */

/*
 * A rendering, in three steps so that nothing is written unless
 * everything works: plan checks the request and decides each output's
 * format and destination (making the files beside them), writing
 * nothing; produce makes every output's bytes; commit puts them at their
 * names.
 */
struct job {
	const sg_view *v;
	const sg_render_opts *opts;
	sg_teller tell;
	GVC_t *gvc;
	/* planned */
	const char *engine;
	int judged; /* -K auto's dot: its layout may give way to sfdp's */
	const struct page *page;
	size_t n;
	struct product *out; /* each output's format and bytes */
	sg_dest *dests;      /* and where they go */
	int drawing;         /* an output needs the drawing (not only JSON) */
	int picture;         /* an output is rendered by Graphviz */
	/* produced */
	char *dot; /* the drawing as DOT text, dot_len bytes */
	size_t dot_len;
	Agraph_t *ag; /* read from dot, once a layout or a check needs it */
	int laid_out;
	int unnamed; /* its summaries name no entities (sg_fit) */
	/* for a page: each summary's own drawing as SVG (unfold), one after
	 * the other in unfolded, each ending in '\0'; at[i] is where summary
	 * i's starts plus 1 (0: none) */
	sg_buf unfolded;
	size_t *at;
};

/* The page, the engine and the attributes exist. */
static int plan_request(struct job *j, sg_error *err)
{
	const sg_render_opts *o = j->opts;

	return !(j->page = find_page(o->page, err)) ||
	       check_plugin(j->gvc, "layout", j->engine, "layout engine",
			    err) ||
	       check_attrs(o->graph_attrs, o->ngraph_attrs, "-G", err) ||
	       check_attrs(o->node_attrs, o->nnode_attrs, "-N", err) ||
	       check_attrs(o->edge_attrs, o->nedge_attrs, "-E", err) ? -1 : 0;
}

/* Each output's format, one scograph writes or this Graphviz has. */
static int plan_formats(struct job *j, const sg_output *outputs,
			sg_error *err)
{
	for (size_t i = 0; i < j->n; i++) {
		const char *format = sg_output_format(&outputs[i]);

		if (!format)
			return sg_fail(err, SG_EUSAGE, outputs[i].path, 0, 0,
				       "cannot tell the output format from "
				       "the file name; name it with -T");
		if (!is_ours(format) && !is_html(format) &&
		    check_plugin(j->gvc, "device", format, "output format",
				 err))
			return -1;
		j->out[i].format = format;
		j->drawing |= !is_json(format);
		j->picture |= !is_ours(format);
	}
	return 0;
}

/* Where each output goes: an output of no path to memory, *data and
 * *data_len. Checked last, as it makes files. */
static int plan_dests(struct job *j, const sg_output *outputs, char **data,
		      size_t *data_len, sg_error *err)
{
	for (size_t i = 0; i < j->n; i++) {
		if (!outputs[i].path)
			sg_dest_memory(&j->dests[i], data, data_len);
		else if (sg_dest_open(&j->dests[i], outputs[i].path, err))
			return -1;
	}
	return 0;
}

static int plan(struct job *j, const sg_output *outputs, char **data,
		size_t *data_len, sg_error *err)
{
	const char *asked = j->opts->engine;
	int chosen = !asked || !strcmp(asked, "auto");

	j->engine = chosen ? auto_engine(j->v) : asked;
	/* a kept layout keeps dot's ranks: sfdp's would move everything */
	j->judged = chosen && j->engine && !strcmp(j->engine, "dot") &&
		    !j->opts->keep;
	/* and Graphviz 2.43's sfdp takes no positions; neato keeps them */
	if (j->opts->keep && j->engine && !strcmp(j->engine, "sfdp"))
		j->engine = "neato";
	if (!j->out || !j->dests || !j->gvc || !j->engine)
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	/* from here on, a signal may come while the files are made */
	sg_dests_watch(j->dests, j->n);
	return plan_request(j, err) || plan_formats(j, outputs, err) ||
	       plan_dests(j, outputs, data, data_len, err) ? -1 : 0;
}

/* Whether the DOT text goes straight into the DOT outputs' files: no
 * picture is made from it, and each goes to a file (standard output and
 * memory take their bytes at commit, as nothing may reach them unless
 * everything works). */
static int streams(const struct job *j)
{
	int any = 0;

	for (size_t i = 0; i < j->n && !j->picture; i++) {
		if (!is_dot(j->out[i].format))
			continue;
		if (j->dests[i].kind != SG_DEST_FILE)
			return 0;
		any = 1;
	}
	return any;
}

/* The drawing's DOT text written into the files beside the DOT outputs'
 * names as it is made, never whole in memory (a million relations make
 * 100 MB of it); j->dot stays empty, and the files reach their names at
 * commit, as the others. */
static int stream_dot(struct job *j, const sg_fit *fit, sg_error *err)
{
	struct stream to = { j->out, j->dests, j->n, err, 0 };
	sg_buf piece = SG_BUF_INIT;
	int r = draw_dot(j->v, j->opts, j->engine, fit, &piece, &to, err);

	sg_buf_release(&piece);
	return r;
}

/*
 * A kept layout (sg_render_opts' keep) that no try makes readable on the
 * page gives way to one drawn afresh (in the same flow) that is: the page
 * rule comes before the places (the SCO figure given one more strategy
 * document, kept: 5.3 pt entity text; afresh: 6.1). Unless the old
 * drawing was no more readable itself: its reader saw its text that
 * size, and a fresh drawing would move every box for it (the README's
 * SCO example, 5.7 pt on A4 before and kept). *ag, *dot, *len and *m
 * are the kept one's, and become the other's.
 */
static int fit_afresh(const struct job *j, Agraph_t **ag, char **dot,
		      size_t *len, struct reach *m, sg_fit *chosen,
		      sg_error *err)
{
	sg_render_opts afresh = *j->opts;
	Agraph_t *other = NULL;
	char *text = NULL;
	size_t n = 0;
	struct reach got = { 0 };
	sg_fit fit = *chosen;
	int r;

	afresh.keep = NULL;
	r = fit_drawing(j->v, &afresh, j->engine, j->page, j->gvc, &other,
			&text, &n, &got, &fit, err);
	if (!r && readable(&got) >= 1) {
		drop(j->gvc, ag, dot);
		*ag = other;
		*dot = text;
		*len = n;
		*m = got;
		*chosen = fit;
		return 0;
	}
	drop(j->gvc, &other, &text);
	return r ? r : lay_out_again(j->gvc, ag, *dot, *len, j->engine, err);
}

/* How readable a kept layout must be to be kept (see fit_afresh): as a
 * page needs, or as its old drawing was, if less. A diff's drawing shows
 * a part of its old one, in the old one's frame: as a page needs (the
 * README's SCO diff, kept in the whole graph's frame: 5.9 pt; afresh:
 * 7.0). */
static double kept_enough(const struct job *j)
{
	return j->v->diff ? 1 :
			    smaller(1, KEPT_SLACK *
					       sg_layout_readable(
						       j->opts->keep,
						       j->page->width,
						       j->page->height));
}

/*
 * The drawing's DOT text. dot drawings small enough are fitted to the
 * page by trying layouts, and -K auto's dot is judged by its layout: both
 * leave the layout chosen in j->ag. The others are only drawn, shrunk to
 * the page, and laid out when a picture needs it.
 */
static int make_drawing(struct job *j, sg_error *err)
{
	const struct page *p = j->page;
	int dot = !strcmp(j->engine, "dot");
	sg_fit fit = { p->width, p->height, NULL, 0, dot, 0, 0, 0 };
	const sg_fit *fitted = p->what ? &fit : NULL;
	struct reach reached = { 0 }; /* fit_drawing's, measured again later */
	int r;

	sg_tell_begin(&j->tell, SG_STAGE_DRAW, NULL, 0);
	if (p->what && (dot || sg_spreads(j->engine)) &&
	    j->v->nshown <= SG_AUTO_DOT_ENTITIES) {
		/* drawn and laid out in turns, as long as laying out is */
		sg_tell_begin(&j->tell, SG_STAGE_LAYOUT, j->engine, 0);
		r = fit_drawing(j->v, j->opts, j->engine, p, j->gvc, &j->ag,
				&j->dot, &j->dot_len, &reached, &fit, err);
		if (!r && j->opts->keep && j->ag &&
		    readable(&reached) < kept_enough(j))
			r = fit_afresh(j, &j->ag, &j->dot, &j->dot_len,
				       &reached, &fit, err);
		j->laid_out = j->ag != NULL;
		j->unnamed = fit.unnamed;
		return r || (j->picture && j->judged &&
			     judge(j->v, j->opts, p, &fit, j->gvc, &j->ag,
				   &j->dot, &j->dot_len, &j->engine, err)) ?
			       -1 : 0;
	}
	if ((j->picture && j->judged) ||
	    (j->opts->keep && (dot || pins(j->engine)))) {
		sg_tell_begin(&j->tell, SG_STAGE_LAYOUT, j->engine, 0);
		r = lay_out(j->v, j->opts, j->engine, fitted, j->gvc, &j->ag,
			    &j->dot, &j->dot_len, err) ||
		    (j->judged &&
		     judge(j->v, j->opts, p, fitted, j->gvc, &j->ag, &j->dot,
			   &j->dot_len, &j->engine, err));
		j->laid_out = j->ag != NULL;
		return r ? -1 : 0;
	}
	if (streams(j))
		return stream_dot(j, fitted, err);
	return write_dot(j->v, j->opts, j->engine, fitted, &j->dot,
			 &j->dot_len, err);
}

/*
 * The drawing as cgraph's graph, in j->ag. Graphviz lays a graph out in
 * the order its objects were made, and a graph read from DOT is made in
 * the order agwrite lists it, which is not the order scograph made them
 * in: drawing from the DOT text itself makes `dot -Tsvg` of scograph's
 * DOT the very drawing scograph makes (make_drawing's layouts are read
 * from it already).
 */
static int read_drawing(struct job *j, sg_error *err)
{
	if (!j->ag && !(j->ag = sg_read_dot(j->dot, j->dot_len)))
		return graphviz_failed(err, "read its own DOT");
	return 0;
}

/* Warns of labels that an output drawing its own text would draw boxes
 * for. */
static int check_text(struct job *j, sg_error *err)
{
	for (size_t i = 0; i < j->n && j->opts->warn; i++)
		if (draws_text(j->out[i].format))
			return read_drawing(j, err) ||
			       sg_check_glyphs(j->ag, j->v, j->opts, err) ?
				       -1 : 0;
	return 0;
}

/* The layout the pictures are rendered from (made now unless make_drawing
 * chose one), and a warning when its text is too small on the page. */
static int lay_out_pictures(struct job *j, sg_error *err)
{
	struct reach reached;

	if (!j->picture)
		return 0;
	if (read_drawing(j, err))
		return -1;
	if (!j->laid_out) {
		sg_tell_begin(&j->tell, SG_STAGE_LAYOUT, j->engine, 0);
		if (gvLayout(j->gvc, j->ag, j->engine))
			return graphviz_failed(err, "lay out the graph");
		j->laid_out = 1;
	}
	if (!j->page->what)
		return 0;
	if (measure(j->ag, j->v->graph, j->page, &reached, err))
		return -1;
	return warn_small(j->opts, j->page, &reached, err);
}

/* Graphviz's rendering of the layout in p's format. */
static int render_picture(struct job *j, struct product *p, sg_error *err)
{
	unsigned int len = 0;
	char *tz;
	int r;

	if (utc_begin(&tz))
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	sg_tell_begin(&j->tell, SG_STAGE_RENDER, p->format, 0);
	p->owner = GRAPHVIZ;
	r = gvRenderData(j->gvc, j->ag, p->format, &p->data, &len) ?
		    graphviz_failed(err, "render") : 0;
	utc_end(tz);
	p->len = len;
	if (!r && !strcmp(p->format, "pdf"))
		fix_pdf_date(p->data, p->len);
	if (!r && !strcmp(p->format, "svg") && j->opts->theme &&
	    j->opts->theme->dark == SG_DARK_AUTO)
		r = follow_scheme(p, err);
	return r;
}

/* How many bytes the summaries' own drawings take in a page at most
 * (unfold): past them, the page tells how to draw the rest. */
#define UNFOLD_BYTES (2u << 20)

/*
 * What each summary folded, drawn on its own as SVG for a page to open
 * in place (sg_view_unfold): laid out and rendered one by one before the
 * drawing itself, as Graphviz renders with what it kept of the last
 * layout it made (see lay_out_again). No page: the reader zooms into it.
 */
static int unfold(struct job *j, sg_error *err)
{
	const sg_view *v = j->v;
	/* each titled with what it holds: "11 entities beside Kazakhstan",
	 * and laid out afresh: the places kept are the drawing's */
	sg_render_opts o = *j->opts;
	sg_buf title = SG_BUF_INIT;
	int r = 0;

	if (!v->nfolds)
		return 0;
	if (!(j->at = calloc(v->nfolds, sizeof(*j->at))))
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	for (size_t i = 0; i < v->nfolds && !r &&
			   j->unfolded.len < UNFOLD_BYTES; i++) {
		sg_error why = { 0 };
		sg_view *u = sg_view_unfold(v, i, &why);
		Agraph_t *ag = NULL;
		char *dot = NULL, *svg = NULL;
		size_t n = 0;
		unsigned len = 0;

		const struct sg_fold *s = &v->folds[i];
		const sg_entity *at = s->anchor != SG_NONE ?
			&v->graph->entities[s->anchor] : NULL;

		if (!u) {
			r = why.code == SG_ENOMEM ?
				sg_fail(err, SG_ENOMEM, NULL, 0, 0,
					"out of memory") : 0;
			continue;
		}
		sg_buf_reset(&title);
		r = sg_buf_adds(&title, v->labels.buf + s->label) ||
		    (at && sg_buf_addf(&title, " beside %s",
				       at->name ? at->name : at->id)) ?
			sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") :
			0;
		o.title = sg_buf_str(&title);
		o.keep = NULL;
		r = r || lay_out(u, &o, "dot", NULL, j->gvc, &ag, &dot, &n,
				 err);
		if (!r && gvRenderData(j->gvc, ag, "svg", &svg, &len))
			r = graphviz_failed(err, "render a summary");
		if (!r && j->unfolded.len + len < UNFOLD_BYTES) {
			j->at[i] = j->unfolded.len + 1;
			r = sg_buf_add(&j->unfolded, svg, len) ||
			    sg_buf_add(&j->unfolded, "", 1) ?
				sg_fail(err, SG_ENOMEM, NULL, 0, 0,
					"out of memory") : 0;
		}
		if (svg)
			gvFreeRenderData(svg);
		close_layout(j->gvc, &ag);
		free(dot);
		sg_view_free(u);
	}
	sg_buf_release(&title);
	return r;
}

/* The page of the drawing in p: its SVG, made into a page. */
static int render_html(struct job *j, struct product *p, sg_error *err)
{
	struct product svg = { "svg", NULL, 0, OURS };
	sg_buf page = SG_BUF_INIT, text = SG_BUF_INIT;
	int r = render_picture(j, &svg, err);

	/* (Graphviz's bytes need not end in '\0') */
	if (!r && (sg_buf_add(&text, svg.data, svg.len) ||
		   sg_html_page(j->v, j->opts, sg_buf_str(&text),
				 j->unnamed, j->unfolded.buf, j->at, &page)))
		r = sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	release_product(&svg);
	sg_buf_release(&text);
	p->data = page.buf;
	p->len = page.len;
	p->owner = OURS;
	return r;
}

/* Every output's bytes: the drawing's DOT text itself, the view as JSON,
 * or a picture of the one layout. */
static int produce(struct job *j, sg_error *err)
{
	for (size_t i = 0; i < j->n; i++)
		if (is_html(j->out[i].format) && !j->at && unfold(j, err))
			return -1;
	if ((j->drawing && make_drawing(j, err)) || check_text(j, err) ||
	    lay_out_pictures(j, err))
		return -1;
	for (size_t i = 0; i < j->n; i++) {
		struct product *p = &j->out[i];
		int r = 0;

		if (is_dot(p->format)) {
			p->data = j->dot;
			p->len = j->dot_len;
		} else if (is_json(p->format)) {
			r = write_json(j->v, j->unnamed, p, err);
		} else if (is_html(p->format)) {
			r = render_html(j, p, err);
		} else {
			r = render_picture(j, p, err);
		}
		if (r)
			return -1;
	}
	return 0;
}

/* Every output at its name. Every file is filled beside its name before
 * any is renamed onto it: nothing reaches its name until every output
 * is ready. */
static int commit(struct job *j, sg_error *err)
{
	for (size_t i = 0; i < j->n; i++) {
		if (j->dests[i].kind == SG_DEST_FILE)
			sg_tell_begin(&j->tell, SG_STAGE_WRITE,
				      j->dests[i].path, 0);
		if (sg_dest_fill(&j->dests[i], j->out[i].data, j->out[i].len,
				 err))
			return -1;
	}
	for (size_t i = 0; i < j->n; i++) {
		sg_dest *d = &j->dests[i];

		/* (a rename is too quick to tell) */
		if (d->kind == SG_DEST_STDOUT || d->kind == SG_DEST_SPECIAL)
			sg_tell_begin(&j->tell, SG_STAGE_WRITE, d->path, 0);
		if (sg_dest_commit(d, j->out[i].data, j->out[i].len, err))
			return -1;
	}
	return 0;
}

static void release_job(struct job *j)
{
	for (size_t i = 0; j->dests && i < j->n; i++)
		sg_dest_release(&j->dests[i]);
	sg_dests_watch(NULL, 0);
	for (size_t i = 0; j->out && i < j->n; i++)
		release_product(&j->out[i]);
	if (j->laid_out)
		close_layout(j->gvc, &j->ag);
	else if (j->ag)
		agclose(j->ag);
	free(j->out);
	free(j->dests);
	free(j->dot);
	sg_buf_release(&j->unfolded);
	free(j->at);
}

/* sg_render, or with data sg_render_buffer: its one output, of no path,
 * goes to *data and *data_len. */
static int render(const sg_view *v, const sg_render_opts *opts,
		  const sg_output *outputs, size_t noutputs, char **data,
		  size_t *data_len, sg_error *err)
{
	/* a kept layout keeps its flow, unless the caller chose one */
	sg_render_opts kept = *opts;
	struct job j = {
		.v = v,
		.opts = &kept,
		.tell = { opts->progress, opts->progress_ctx, { 0 } },
		.n = noutputs,
		.out = calloc(noutputs + 1, sizeof(struct product)),
		.dests = calloc(noutputs + 1, sizeof(sg_dest)),
	};
	agusererrf old_errf;
	int r;

	sg_graphviz_lock();
	j.gvc = context();
	old_errf = agseterrf(keep_message);
	if (opts->keep && !opts->rankdir)
		kept.rankdir = sg_layout_flow(opts->keep);
	sg_buf_reset(&gv_message);
	r = plan(&j, outputs, data, data_len, err) || produce(&j, err) ||
	    commit(&j, err);
	release_job(&j);
	agseterrf(old_errf);
	sg_buf_release(&gv_message);
	sg_graphviz_unlock();
	return r ? -1 : 0;
}

int sg_render(const sg_view *v, const sg_render_opts *opts,
	      const sg_output *outputs, size_t noutputs, sg_error *err)
{
	for (size_t i = 0; i < noutputs; i++)
		if (!outputs[i].path)
			return sg_fail(err, SG_EUSAGE, NULL, 0, 0,
				       "an output has no path");
	return render(v, opts, outputs, noutputs, NULL, NULL, err);
}

int sg_render_buffer(const sg_view *v, const sg_render_opts *opts,
		     const char *format, char **data, size_t *len,
		     sg_error *err)
{
	sg_output out = { NULL, format ? format : "dot" };

	*data = NULL;
	*len = 0;
	return render(v, opts, &out, 1, data, len, err);
}
