/*
 * The libFuzzer harness, one source for every target (see `make fuzz`):
 * compiled with -DSG_FUZZ_FORMAT="jgf" (or any reader's format name) it
 * reads its input forced to that format, with "auto" it lets the reader
 * tell the format, and with "pipeline" it goes on as the CLI does: resolve,
 * select the whole graph or around an entity or a path the input names,
 * walk the view, and render native JSON and, for a drawing of at most
 * LAYOUT_ENTITIES entities, SVG through Graphviz's layouts (a larger one
 * as DOT only), into memory: the files sg_render writes hold the same
 * bytes; with "theme" it reads its input as a theme file and draws a small
 * graph with it, as DOT and SVG; with "shape" its first line is a shape
 * and the rest a document read by it; with "keep" its bytes are an old
 * drawing (--keep-layout's SVG) whose places a small graph keeps, laid
 * out by dot (then placed and routed by nop2) or neato; with
 * "sparql-fetch" its bytes are
 * an endpoint's answer, handed over in chunks to the fetcher's own write
 * callback and read as --sparql reads one (src/sparql.h, the one target
 * past the public header: the fetcher's answer path is not public).
 * Everything else goes through the public header only, as a program would.
 * Errors are the expected outcome for most inputs; only crashes, leaks and
 * sanitizer reports are findings.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scograph.h"
#include "sparql.h"

#ifndef SG_FUZZ_FORMAT
#error "compile with -DSG_FUZZ_FORMAT=\"<format>\", \"auto\" or \"pipeline\""
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

/* The options a run takes, chosen by the input's bytes so that one corpus
 * walks them all and a crash still reproduces from its file alone. */
static unsigned input_hash(const uint8_t *data, size_t len)
{
	unsigned h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ data[i]) * 16777619u;
	return h;
}

/*
 * Drawings this small are laid out and rendered by Graphviz: every way
 * scograph lays a drawing out (a page's fitting tries, -K auto's
 * judgement and spreading, with a legend and boxes) is fuzzed with
 * Graphviz's own code, whose memory errors it reaches are findings as
 * ours are. Larger ones would make a run slow: they are drawn as DOT.
 */
#define LAYOUT_ENTITIES 40

/* Renders v in format into memory, as sg_render_buffer promises. */
static void render(const sg_view *v, const sg_render_opts *ropts,
		   const char *format)
{
	char *out = NULL;
	size_t out_len = 0;

	if (!sg_render_buffer(v, ropts, format, &out, &out_len, NULL) &&
	    (!out || out[out_len]))
		abort(); /* the promised NUL after the bytes */
	free(out);
}

static void pipeline(sg_graph *g, const uint8_t *data, size_t len)
{
	static const char *const pages[] = { NULL, "slide", "none" };
	unsigned h = input_hash(data, len);
	sg_select_opts all = { 0 }, opts = { 0 };
	sg_render_opts ropts = { 0 };
	sg_entity_info first, last;
	sg_relation_info rel;
	sg_summary_info sum;
	const char *focus[1];
	sg_stats stats;
	sg_view *v = NULL;
	size_t n, folded = 0;

	if (sg_graph_resolve(g, NULL))
		return;
	v = sg_select(g, &all, NULL);
	if (!v)
		return;
	n = sg_view_entity_count(v);
	/* one input in four draws the whole graph, as the command does with
	 * no focus; the others a neighbourhood or a path */
	if (n && (h >> 21) % 4 && !sg_view_entity(v, (h >> 8) % n, &first) &&
	    !sg_view_entity(v, n - 1, &last)) {
		/* the view's strings belong to g, which outlives it */
		focus[0] = h & 1 ? first.name : first.id;
		if (h & 2) {
			opts.path_from = focus[0];
			opts.path_to = last.id;
		} else {
			opts.focus = focus;
			opts.nfocus = 1;
		}
		opts.depth = (int)(h >> 2 & 3);
		opts.direction = (sg_direction)((h >> 4) % 3);
		opts.max_entities = h & 64 ? 3 : 0;
		sg_view_free(v);
		v = sg_select(g, &opts, NULL);
		if (!v)
			return;
	}
	sg_view_stats(v, &stats, NULL);
	for (size_t i = 0; !sg_view_relation(v, i, &rel); i++)
		if (!rel.from || !rel.to || !rel.type || !rel.label)
			abort();
	/* every folded entity is in one summary, which counts it */
	for (size_t i = 0; !sg_view_summary(v, i, &sum); i++) {
		size_t j = 0;

		while (!sg_view_folded(v, i, j, &first))
			j++;
		if (!sum.id || !sum.label || j != sum.entities)
			abort();
		folded += j;
	}
	if (folded != sg_view_cut_count(v))
		abort();
	/* -K auto judges dot's layout and may lay out sfdp's and spread
	 * dot's; a page is fitted by trying layouts (A4 by default) */
	ropts.engine = (h >> 19) & 1 ? "auto" : "dot";
	ropts.page = pages[(h >> 23) % 3];
	ropts.legend = (h >> 16) & 1;
	ropts.caption = (h >> 17) & 1;
	ropts.cluster = (h >> 18) & 1 ? "type" : NULL;
	render(v, &ropts, "json");
	render(v, &ropts, sg_view_entity_count(v) <= LAYOUT_ENTITIES ? "svg" :
								     "dot");
	sg_view_free(v);
}

/* Themes are read from files only: the input goes to one in a folder of
 * its own, made once and removed at exit. */
static char theme_dir[64], theme_path[96];

static void remove_theme(void)
{
	unlink(theme_path);
	rmdir(theme_dir);
}

static const char *theme_file(const uint8_t *data, size_t len)
{
	const char *tmp = getenv("TMPDIR");
	FILE *f;

	if (!theme_dir[0]) {
		snprintf(theme_dir, sizeof(theme_dir), "%s/sg-fuzz-XXXXXX",
			 tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
		if (!mkdtemp(theme_dir))
			abort();
		snprintf(theme_path, sizeof(theme_path), "%s/theme.json",
			 theme_dir);
		atexit(remove_theme);
	}
	f = fopen(theme_path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f))
		abort();
	return theme_path;
}

static void theme(const uint8_t *data, size_t len)
{
	static const char graph[] =
		"{\"types\": {\"a\": {\"shape\": \"box\"}},"
		" \"relation_types\": {\"r\": {\"style\": \"dashed\"}},"
		" \"entities\": [{\"id\": \"x\", \"type\": \"a\"},"
		" {\"id\": \"y\", \"type\": \"b\"}, {\"id\": \"z\"}],"
		" \"relations\": [{\"from\": \"x\", \"to\": \"y\","
		" \"type\": \"r\"}, {\"from\": \"y\", \"to\": \"z\","
		" \"type\": \"s\"}]}";
	sg_error err = { 0 };
	sg_theme *t = sg_theme_open(theme_file(data, len), &err);
	sg_select_opts all = { 0 };
	sg_render_opts ropts = { 0 };
	sg_graph *g = NULL;
	sg_view *v = NULL;

	if (!t) {
		if (err.code == SG_OK || !err.text[0])
			abort();
		return;
	}
	ropts.engine = "dot";
	ropts.legend = 1;
	ropts.theme = t;
	if ((g = sg_graph_new()) &&
	    !sg_read_buffer(g, graph, sizeof(graph) - 1, "graph.json", NULL,
			    NULL) &&
	    !sg_graph_resolve(g, NULL) && (v = sg_select(g, &all, NULL))) {
		render(v, &ropts, "dot");
		/* (a theme's "dark": "auto" is SVG's own) */
		render(v, &ropts, "svg");
	}
	sg_view_free(v);
	sg_graph_free(g);
	sg_theme_free(t);
}

/* "shape": the input's first line is a shape (--shape's words, or a
 * shape file's JSON on one line), the rest a document read by it. */
static void shaped(sg_graph *g, const uint8_t *data, size_t len)
{
	const uint8_t *nl = memchr(data, '\n', len);
	size_t n = nl ? (size_t)(nl - data) : len;
	char *words = strndup((const char *)data, n);
	sg_error err = { 0 };
	sg_shape *s = words ? sg_shape_new(words, &err) : NULL;

	if (!s) {
		if (words && (err.code == SG_OK || !err.text[0]))
			abort();
	} else if (sg_read_buffer_shaped(g, nl ? (const char *)nl + 1 : "",
					 nl ? len - n - 1 : 0, "fuzz.json", s,
					 &err) &&
		   (err.code == SG_OK || !err.text[0])) {
		abort();
	}
	sg_shape_free(s);
	free(words);
}

/* The answer's first byte picks how it is read (a neighbourhood step's or
 * the user's query's, and the type the endpoint said), its second the
 * chunks' size and whether the size limit cuts it; the rest is the body. */
static void fetched(sg_graph *g, const uint8_t *data, size_t len)
{
	static const char *const types[] = {
		"application/sparql-results+json", "text/html",
		"application/n-triples", "text/turtle", NULL,
	};
	struct sparql_body body = { SG_BUF_INIT, (size_t)-1, 0 };
	sg_error err = { 0 };
	size_t chunk;
	int r;

	if (len < 2)
		return;
	chunk = (size_t)(data[1] & 0x7f) + 1;
	if (data[1] & 0x80)
		body.max = len / 2;
	for (size_t at = 2; at < len; at += chunk) {
		size_t n = len - at < chunk ? len - at : chunk;

		if (sparql_take((char *)data + at, 1, n, &body) != n)
			break;
	}
	if (!body.over) {
		const char *type = types[(data[0] >> 1) % SG_ARRAY_SIZE(types)];

		r = data[0] & 1 ?
			    sparql_read_step(g, &body, type, "http://f/sparql",
					     &err) :
			    sparql_read_answer(g, &body, type, "http://f/sparql",
					       &err);
		if (r && (err.code == SG_OK || !err.text[0]))
			abort();
		/* a step's counts folded as a page would fold them */
		if (!r && (data[0] & 1) && !sg_graph_resolve(g, &err)) {
			sg_select_opts o = { .max_entities = 4 };

			sg_view_free(sg_select(g, &o, &err));
		}
	}
	sg_buf_release(&body.text);
}

/* A graph whose ids an old drawing names (e.a, e.b, ...): kept. (b to c
 * makes a to c a relation across a rank, which is routed through it.) */
static const char kept_graph[] =
	"{\"title\": \"t\", \"entities\": [{\"id\": \"a\", \"type\": \"p\"},"
	" {\"id\": \"b\", \"type\": \"p\"}, {\"id\": \"c\", \"type\": \"q\"},"
	" {\"id\": \"d\"}, {\"id\": \"kazakhstan\", \"type\": \"country\"}],"
	" \"relations\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"x\"},"
	" {\"from\": \"a\", \"to\": \"c\", \"type\": \"y\"},"
	" {\"from\": \"b\", \"to\": \"c\", \"type\": \"x\"},"
	" {\"from\": \"d\", \"to\": \"kazakhstan\", \"type\": \"x\"}]}";

/* data as an old drawing, kept by a small graph drawn as DOT (laid out:
 * the places and routes are in it). */
static void kept(sg_graph *g, const uint8_t *data, size_t len)
{
	sg_error err = { 0 };
	sg_layout *l = sg_layout_read("fuzz.svg", (const char *)data, len,
				      &err);
	sg_select_opts so = { .max_entities = 0 };
	sg_render_opts ro = { .page = "none", .legend = 1 };
	sg_view *v = NULL;
	char *out = NULL;
	size_t out_len = 0;

	if (!l) {
		if (err.code == SG_OK || !err.text[0])
			abort();
		return;
	}
	ro.keep = l;
	ro.engine = len && data[len - 1] & 1 ? "neato" : "dot";
	ro.cluster = len && data[len - 1] & 2 ? "type" : NULL;
	if (!sg_read_buffer(g, kept_graph, strlen(kept_graph), "kept.json",
			    NULL, &err) &&
	    !sg_graph_resolve(g, &err) && (v = sg_select(g, &so, &err)))
		sg_render_buffer(v, &ro, "dot", &out, &out_len, &err);
	free(out);
	sg_view_free(v);
	sg_layout_free(l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	const char *format = SG_FUZZ_FORMAT;
	int whole = !strcmp(format, "pipeline");
	sg_graph *g = sg_graph_new();
	sg_error err = { 0 };

	if (!strcmp(format, "theme")) {
		sg_graph_free(g);
		theme(data, len);
		return 0;
	}
	if (!strcmp(format, "shape")) {
		if (g)
			shaped(g, data, len);
		sg_graph_free(g);
		return 0;
	}
	if (!g)
		return 0;
	if (!strcmp(format, "keep")) {
		kept(g, data, len);
		sg_graph_free(g);
		return 0;
	}
	if (!strcmp(format, "sparql-fetch")) {
		fetched(g, data, len);
		sg_graph_free(g);
		return 0;
	}
	if (whole || !strcmp(format, "auto"))
		format = NULL;
	/* a reader that fails must still say why */
	if (sg_read_buffer(g, (const char *)data, len, "fuzz.json", format,
			   &err)) {
		if (err.code == SG_OK || !err.text[0])
			abort();
	} else if (whole) {
		pipeline(g, data, len);
	}
	sg_graph_free(g);
	return 0;
}
