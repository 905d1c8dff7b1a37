/*
 * Graphviz driven as `dot` drives it, on the drawings whose layouts broke
 * it once. Each layout must be made in a graph read for it (agread), laid
 * out once (gvLayout), rendered (gvRenderData) only while it is the last
 * layout made, its layout freed (gvFreeLayout) and then the graph closed
 * (agclose), none left open when rendering returns. The Makefile links
 * this test with -Wl,--wrap for those five, so the calls scograph's own
 * objects make to them come to the __wrap_ functions below, which check
 * the order and pass them on.
 *
 * The drawings are the .json files of tests/layouts/ and the fuzzers'
 * findings that draw (tests/fuzz/regressions/NAME/ of an empty
 * expected-error): boxes in boxes with labelled relations between
 * entities of one rank, whose layouts Graphviz 2.43's dot frees twice
 * unless render.c mends their ranks first (see free_layout there). Each
 * is drawn every way of ways[], which between them lay a drawing out as
 * scograph can: a page's fitting tries, -K auto's judgement (sfdp tried,
 * dot's layout spread or laid out again), no page, a legend and boxes,
 * another engine. make memcheck runs this under valgrind,
 * SANITIZE=address under ASan: a memory error inside Graphviz fails it
 * there, and glibc aborts it anywhere on tests/layouts/flat-rows.json,
 * were the ranks not mended.
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <gvc.h>

#include "testutil.h"

/* Visible: ld matches Graphviz's own libraries' calls to the five with
 * the wraps too (they stay Graphviz's at run time), and a hidden symbol
 * cannot be matched so. */
#define WRAP __attribute__((visibility("default")))

Agraph_t *__real_agread(void *chan, Agdisc_t *disc);
int __real_gvLayout(GVC_t *gvc, graph_t *g, const char *engine);
int __real_gvRenderData(GVC_t *gvc, graph_t *g, const char *format,
			char **result, unsigned int *length);
int __real_gvFreeLayout(GVC_t *gvc, graph_t *g);
int __real_agclose(Agraph_t *g);
WRAP Agraph_t *__wrap_agread(void *chan, Agdisc_t *disc);
WRAP int __wrap_gvLayout(GVC_t *gvc, graph_t *g, const char *engine);
WRAP int __wrap_gvRenderData(GVC_t *gvc, graph_t *g, const char *format,
			char **result, unsigned int *length);
WRAP int __wrap_gvFreeLayout(GVC_t *gvc, graph_t *g);
WRAP int __wrap_agclose(Agraph_t *g);

/* Where a graph scograph read is in dot's order. */
enum stage { READ, LAID_OUT, LAYOUT_FREED };

struct open_graph {
	Agraph_t *g;
	enum stage stage;
};

#define MAX_OPEN 16
static struct open_graph open_graphs[MAX_OPEN];
static size_t nopen;
static Agraph_t *last_laid_out; /* whose layout Graphviz's globals hold */
static size_t layouts;
static char wrong[256]; /* the first call out of dot's order */

static void out_of_order(const char *what)
{
	if (!wrong[0])
		snprintf(wrong, sizeof(wrong), "%s", what);
}

/* g's place in open_graphs[]; nopen when scograph never read it. */
static size_t find(const Agraph_t *g)
{
	size_t i = 0;

	while (i < nopen && open_graphs[i].g != g)
		i++;
	return i;
}

/* Whether g is open at stage; else the call is out of order. */
static int at(const Agraph_t *g, enum stage stage, const char *what)
{
	size_t i = find(g);

	if (i < nopen && open_graphs[i].stage == stage)
		return 1;
	out_of_order(what);
	return 0;
}

WRAP Agraph_t *__wrap_agread(void *chan, Agdisc_t *disc)
{
	Agraph_t *g = __real_agread(chan, disc);

	if (g && nopen < MAX_OPEN)
		open_graphs[nopen++] = (struct open_graph){ g, READ };
	else if (g)
		out_of_order("more graphs open at once than a rendering needs");
	return g;
}

WRAP int __wrap_gvLayout(GVC_t *gvc, graph_t *g, const char *engine)
{
	int r;

	at(g, READ, "a graph laid out twice, or not read for its layout");
	r = __real_gvLayout(gvc, g, engine);
	layouts++;
	if (!r) {
		open_graphs[find(g)].stage = LAID_OUT;
		last_laid_out = g;
	}
	return r;
}

WRAP int __wrap_gvRenderData(GVC_t *gvc, graph_t *g, const char *format,
			char **result, unsigned int *length)
{
	if (at(g, LAID_OUT, "a graph rendered without its layout") &&
	    g != last_laid_out)
		out_of_order("a layout rendered after another was made");
	return __real_gvRenderData(gvc, g, format, result, length);
}

WRAP int __wrap_gvFreeLayout(GVC_t *gvc, graph_t *g)
{
	if (at(g, LAID_OUT, "a layout freed twice, or never made"))
		open_graphs[find(g)].stage = LAYOUT_FREED;
	if (g == last_laid_out)
		last_laid_out = NULL;
	return __real_gvFreeLayout(gvc, g);
}

WRAP int __wrap_agclose(Agraph_t *g)
{
	size_t i = find(g);

	if (i == nopen)
		out_of_order("a graph closed twice, or never read");
	else if (open_graphs[i].stage == LAID_OUT)
		out_of_order("a graph closed with its layout");
	else
		open_graphs[i] = open_graphs[--nopen];
	return __real_agclose(g);
}

/* The ways each drawing is drawn, as the command's options say. */
static const struct way {
	const char *options;
	sg_render_opts opts;
	const char *formats[3]; /* NULL-terminated */
} ways[] = {
	{ "(defaults: A4, -K auto)", { 0 }, { "svg", NULL } },
	{ "--page none", { .page = "none" }, { "svg", "png", NULL } },
	{ "-K dot --page slide", { .engine = "dot", .page = "slide" },
	  { "svg", NULL } },
	{ "--legend --cluster type", { .legend = 1, .cluster = "type" },
	  { "svg", NULL } },
	{ "--page slide --legend --cluster type --caption",
	  { .page = "slide", .legend = 1, .cluster = "type", .caption = 1 },
	  { "svg", "pdf", NULL } },
	{ "--page letter --rankdir TB", { .page = "letter", .rankdir = "TB" },
	  { "svg", NULL } },
	{ "-K neato", { .engine = "neato" }, { "svg", NULL } },
};

static char dir[] = "/tmp/scograph-layouts-XXXXXX";

/* Draws the graph of the file input every way of ways[], each into
 * files. */
static void draw_every_way(const char *input)
{
	sg_select_opts all = { 0 };
	sg_error err = { 0 };
	sg_graph *g = sg_graph_new();
	sg_view *v;

	assert_non_null(g);
	assert_int_equal(sg_read_file(g, input, NULL, &err), 0);
	assert_int_equal(sg_graph_resolve(g, &err), 0);
	v = sg_select(g, &all, &err);
	assert_non_null(v);
	for (size_t i = 0; i < sizeof(ways) / sizeof(ways[0]); i++) {
		const struct way *w = &ways[i];
		char names[3][96];
		sg_output out[3];
		size_t n = 0;

		for (; w->formats[n]; n++) {
			snprintf(names[n], sizeof(names[n]), "%s/d.%s", dir,
				 w->formats[n]);
			out[n] = (sg_output){ .path = names[n] };
		}
		wrong[0] = '\0';
		layouts = 0;
		if (sg_render(v, &w->opts, out, n, &err) || wrong[0] || nopen)
			fail_msg("%s %s: %s", input, w->options,
				 wrong[0] ? wrong :
				 nopen ? "a graph left open" : err.text);
		assert_true(layouts >= 1);
	}
	sg_view_free(v);
	sg_graph_free(g);
}

/* Whether the finding of folder dir draws: its expected error is none. */
static int draws(const char *dir_of_finding)
{
	char name[256];
	FILE *f;
	int empty;

	snprintf(name, sizeof(name), "%s/expected-error", dir_of_finding);
	f = fopen(name, "r");
	assert_non_null(f);
	empty = fgetc(f) == EOF;
	fclose(f);
	return empty;
}

static void test_drawings(void **state)
{
	glob_t found = { 0 };

	(void)state;
	assert_int_equal(glob("tests/layouts/*.json", 0, NULL, &found), 0);
	assert_int_equal(glob("tests/fuzz/regressions/*/input.*",
			      GLOB_APPEND, NULL, &found), 0);
	for (size_t i = 0; i < found.gl_pathc; i++) {
		char *input = found.gl_pathv[i], *slash = strrchr(input, '/');

		*slash = '\0';
		if (strncmp(input, "tests/fuzz/", 11) || draws(input)) {
			*slash = '/';
			draw_every_way(input);
		}
	}
	globfree(&found);
}

static int make_dir(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	char cmd[64];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_drawings),
	};

	return cmocka_run_group_tests_name("layouts", tests, make_dir,
					   remove_dir);
}
