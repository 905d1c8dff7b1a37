/*
 * Out of memory, as Jansson's test_chaos tries it: a run of the pipeline
 * (read, resolve, select, render DOT into memory, write DOT and native JSON
 * to files) is repeated with its Nth allocation failed, for every N until
 * a run makes no allocation that could fail. Each failure must come back
 * as -1 or NULL with SG_ENOMEM, write no file and leak nothing (make
 * memcheck runs this under valgrind, failing one in three; SANITIZE=address
 * under LeakSanitizer);
 * or, where scograph can do without the memory (a guess it can make
 * another way), succeed with the very output of a run where nothing failed.
 *
 * How allocations are caught: the Makefile links this test with -Wl,--wrap
 * for malloc, calloc, realloc, strdup, open_memstream, json_loadb and
 * json_load_callback, so the calls that scograph's own objects (the static
 * libscograph.a) make to them come to the __wrap_ functions below, and
 * Jansson's other allocations come here through json_set_alloc_funcs. The
 * allocations inside Graphviz and libc are left alone: Graphviz 2.43 does
 * not survive its own allocation failures, and they are not scograph's to
 * handle. A malloc family of the test's own (wrapping __libc_malloc) would
 * reach into Graphviz too, and would clash with the sanitizers' malloc.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "testutil.h"

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
char *__real_strdup(const char *s);
FILE *__real_open_memstream(char **buf, size_t *len);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
char *__wrap_strdup(const char *s);
FILE *__wrap_open_memstream(char **buf, size_t *len);

static unsigned long fail_at; /* 0: nothing fails */
static unsigned long allocations;
static int failed;

static int fail_now(void)
{
	if (!fail_at || ++allocations != fail_at)
		return 0;
	failed = 1;
	return 1;
}

void *__wrap_malloc(size_t size)
{
	return fail_now() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
	return fail_now() ? NULL : __real_realloc(p, size);
}

char *__wrap_strdup(const char *s)
{
	return fail_now() ? NULL : __real_strdup(s);
}

FILE *__wrap_open_memstream(char **buf, size_t *len)
{
	return fail_now() ? NULL : __real_open_memstream(buf, len);
}

static void *json_alloc(size_t size)
{
	return __wrap_malloc(size);
}

/*
 * Inside its parser Jansson 2.14 does not report its own allocation
 * failures faithfully: the lexer drops a byte when its token buffer cannot
 * grow and then fails an assertion, and a failed string is "invalid token".
 * So a parse (json_loadb, or json_load_callback for a whole document)
 * counts as one allocation, and failing it fails the parse as Jansson does
 * when it cannot make a value: NULL and an empty error text.
 */
static unsigned long paused_at;

/* 1 when the parse is to fail (e is then filled), else 0: it runs with
 * nothing failing inside it, until parse_ends. */
static int parse_fails(json_error_t *e)
{
	if (fail_now()) {
		if (e) {
			memset(e, 0, sizeof(*e));
			e->line = e->column = -1;
		}
		return 1;
	}
	paused_at = fail_at;
	fail_at = 0;
	return 0;
}

static json_t *parse_ends(json_t *v)
{
	fail_at = paused_at;
	return v;
}

json_t *__real_json_loadb(const char *buf, size_t len, size_t flags,
			  json_error_t *e);
json_t *__wrap_json_loadb(const char *buf, size_t len, size_t flags,
			  json_error_t *e);
json_t *__real_json_load_callback(json_load_callback_t callback, void *data,
				  size_t flags, json_error_t *e);
json_t *__wrap_json_load_callback(json_load_callback_t callback, void *data,
				  size_t flags, json_error_t *e);

json_t *__wrap_json_loadb(const char *buf, size_t len, size_t flags,
			  json_error_t *e)
{
	return parse_fails(e) ? NULL :
				parse_ends(__real_json_loadb(buf, len, flags, e));
}

json_t *__wrap_json_load_callback(json_load_callback_t callback, void *data,
				  size_t flags, json_error_t *e)
{
	return parse_fails(e) ? NULL :
				parse_ends(__real_json_load_callback(
					callback, data, flags, e));
}

/* The outputs of every run go to one scratch folder. */
static char dir[] = "/tmp/sg-test-alloc-XXXXXX";
static char dot_path[64], json_path[64];

/* One run over the graph files, read in their order (a NULL format: told
 * from the content), then selected, drawn and written. */
struct run {
	const char *const *files;
	const char *format;
	const char *theme;
	sg_select_opts select;
	sg_render_opts render;
};

/* The diagnostics of the last run, one a line, and whether they say that
 * memory ran out. */
static char notes[8192];
/* The DOT of the last run, rendered into memory. */
static char *dot_buffer;
static size_t dot_buffer_len;
static int notes_nomem;

static int take_notes(sg_graph *g, sg_error *err)
{
	const sg_error *list;
	size_t n = sg_graph_diagnostics(g, &list), len = 0;

	notes[0] = 0;
	notes_nomem = 0;
	for (size_t i = 0; i < n && len < sizeof(notes); i++) {
		len += (size_t)snprintf(notes + len, sizeof(notes) - len,
					"%s:%d:%d: %s\n", list[i].file,
					list[i].line, list[i].column,
					list[i].text);
		if (list[i].code == SG_ENOMEM && !notes_nomem++ && err &&
		    err->code == SG_OK)
			*err = list[i];
	}
	return notes_nomem ? -1 : 0;
}

static int pipeline(const struct run *run, sg_error *err)
{
	sg_output outs[] = { { dot_path, "dot" }, { json_path, "json" } };
	sg_render_opts ropts = run->render;
	sg_theme *theme = NULL;
	sg_view *v = NULL;
	sg_graph *g = sg_graph_new();
	int r = -1;

	if (!g) { /* sg_graph_new has no sg_error to fill */
		err->code = SG_ENOMEM;
		snprintf(err->text, sizeof(err->text), "out of memory");
		return -1;
	}
	for (size_t i = 0; run->files[i]; i++)
		if (sg_read_file(g, run->files[i], run->format, err))
			goto done;
	/* the diagnostics, as the CLI shows them before drawing */
	if (sg_graph_resolve(g, err) || take_notes(g, err) ||
	    !(v = sg_select(g, &run->select, err)))
		goto done;
	if (run->theme && !(theme = sg_theme_open(run->theme, err)))
		goto done;
	ropts.theme = theme;
	/* into memory first, for nothing may be written after a failure */
	free(dot_buffer);
	dot_buffer = NULL;
	if (!sg_render_buffer(v, &ropts, "dot", &dot_buffer, &dot_buffer_len,
			      err))
		r = sg_render(v, &ropts, outs, 2, err);
done:
	/* what the CLI shows after a failure must hold up too */
	if (r)
		take_notes(g, NULL);
	sg_theme_free(theme);
	sg_view_free(v);
	sg_graph_free(g);
	return r;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	*len = (size_t)ftell(f);
	rewind(f);
	text = __real_malloc(*len + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, *len, f), *len);
	fclose(f);
	assert_int_equal(unlink(path), 0);
	return text;
}

/* The outputs of the run just made are those of the reference run. */
static void same_outputs(char *const want[2], const size_t want_len[2],
			 const char *file, unsigned long n)
{
	const char *paths[2] = { dot_path, json_path };

	for (size_t i = 0; i < 2; i++) {
		size_t len;
		char *text = slurp(paths[i], &len);

		if (len != want_len[i] || memcmp(text, want[i], len))
			print_error("%s with allocation %lu failing: a "
				    "different %s:\n%.*s\n", file, n,
				    i ? "JSON" : "DOT", (int)len, text);
		assert_int_equal(len, want_len[i]);
		assert_memory_equal(text, want[i], len);
		free(text);
	}
}

/* What a run that failed for another reason than memory must report: the
 * very error of the run where nothing failed. */
static void same_error(const sg_error *got, const sg_error *want,
		       const char *file, unsigned long n)
{
	if (got->code != want->code || strcmp(got->text, want->text))
		print_error("%s with allocation %lu failing: error %s '%s'\n",
			    file, n, sg_code_name(got->code), got->text);
	check_error(got, want->code, want->file, want->line, want->column,
		    want->text);
}

/*
 * Every allocation fails in turn; with SG_ALLOC_STRIDE=K, every Kth. make
 * unit fails each one; make memcheck, where valgrind finds the leaks,
 * every third: under valgrind each failing run costs so much that failing
 * them all took three minutes of CPU, the most of any CI step.
 */
static unsigned long stride(void)
{
	const char *k = getenv("SG_ALLOC_STRIDE");
	unsigned long n = k ? strtoul(k, NULL, 10) : 1;

	return n ? n : 1;
}

static void chaos(const struct run *run)
{
	unsigned long n;
	struct stat st;
	sg_error want_err = { 0 };
	char *want[2] = { NULL, NULL }, want_notes[sizeof(notes)];
	size_t want_len[2] = { 0, 0 };
	/* the reference: nothing fails */
	int want_r = pipeline(run, &want_err);

	if (!want_r) {
		want[0] = slurp(dot_path, &want_len[0]);
		want[1] = slurp(json_path, &want_len[1]);
	}
	memcpy(want_notes, notes, sizeof(notes));
	for (n = 1;; n += stride()) {
		sg_error err = { 0 };
		int r;

		fail_at = n;
		allocations = 0;
		failed = 0;
		r = pipeline(run, &err);
		fail_at = 0;
		if (!r) {
			if (want_r)
				print_error("%s with allocation %lu failing: "
					    "no error\n", run->files[0], n);
			assert_int_equal(want_r, 0);
			same_outputs(want, want_len, run->files[0], n);
			assert_int_equal(dot_buffer_len, want_len[0]);
			assert_memory_equal(dot_buffer, want[0], want_len[0]);
		} else {
			/* a failure writes nothing */
			assert_int_not_equal(stat(dot_path, &st), 0);
			assert_int_not_equal(stat(json_path, &st), 0);
			if (!failed || err.code != SG_ENOMEM)
				same_error(&err, &want_err, run->files[0], n);
		}
		/* and what went well said the same */
		if ((!r || err.code != SG_ENOMEM) && !notes_nomem &&
		    strcmp(notes, want_notes)) {
			print_error("%s with allocation %lu failing: returned "
				    "%d, other diagnostics\n", run->files[0],
				    n, r);
			assert_string_equal(notes, want_notes);
		}
		if (!failed)
			break;
	}
	free(want[0]);
	free(want[1]);
	if (stride() == 1)
		print_message("%s: each of %lu allocations failed in turn\n",
			      run->files[0], allocations);
	else
		print_message("%s: one in %lu of %lu allocations failed in "
			      "turn\n", run->files[0], stride(), allocations);
	assert_true(n > 50); /* the interception works */
}

static void test_native(void **state)
{
	static const char *const files[] = { "tests/valid/small/input.json",
					     NULL };
	static const char *const focus[] = { "kz" };
	struct run run = { files, NULL, "tests/valid/theme/theme.json",
			   { .focus = focus, .nfocus = 1, .depth = 2 },
			   { .legend = 1, .caption = 1, .cluster = "type" } };

	(void)state;
	chaos(&run);
}

/* Warnings, and errors with suggestions, come through too. */
static void test_diagnostics(void **state)
{
	static const char *const warned[] = { "tests/diagnostics/warnings.json",
					      NULL };
	static const char *const unlinked[] = {
		"tests/diagnostics/unlinked.json", NULL
	};
	struct run run = { warned, NULL, NULL, { 0 }, { 0 } };

	static const char *const unknown_source[] = {
		"tests/invalid/unknown-source/input.json", NULL
	};
	static const char *const small[] = { "tests/valid/small/input.json",
					     NULL };
	static const char *const types[] = { "contry" };

	(void)state;
	chaos(&run);
	run.files = unlinked;
	chaos(&run);
	run.files = unknown_source;
	chaos(&run);
	run.files = small;
	run.select.entity_types = types;
	run.select.nentity_types = 1;
	chaos(&run);
}

static void test_merged_formats(void **state)
{
	static const char *const files[] = {
		"tests/formats/jgf-v2/graph.json",
		"tests/formats/mcp-memory/memory.jsonl",
		"tests/formats/native-jsonl/graph.jsonl", NULL
	};
	struct run run = { files, NULL, NULL,
			   { .path_from = "Nurly Zhol", .path_to = "SCO" },
			   { .legend = 1 } };

	(void)state;
	chaos(&run);
}

static void test_foreign_formats(void **state)
{
	/* file, format (NULL: told from the content), entity to focus on */
	static const char *const formats[][3] = {
		{ "tests/formats/node-link/graph.json", "node-link", "Kazakhstan" },
		{ "tests/formats/cytoscape/graph.json", NULL, "Kazakhstan" },
		{ "tests/formats/cytoscape-jsons/graph.json", NULL, "SCO" },
		{ "tests/formats/graphology/graph.json", NULL, "Kazakhstan" },
		{ "tests/formats/graphviz-json/graph.json", "graphviz", "SCO" },
		{ "tests/formats/jgf-graphs/graph.json", NULL, "Kazakhstan" },
		{ "tests/tools/jgf/hyper-directed.json", NULL, "c" },
		{ "tests/formats/graphlib/graph.json", NULL, "Kazakhstan" },
		{ "tests/formats/ngraph/graph.json", "ngraph", "SCO" },
		{ "tests/formats/vis/graph.json", NULL, "Kazakhstan" },
		{ "tests/tools/networkx/nx3/digraph-adjacency.json",
		  "nx-adjacency", "kazakhstan" },
		{ "tests/tools/networkx/nx3/tree.json", "nx-tree", "1" },
		{ "tests/tools/neo4j/all.jsonl", NULL, "Adam" },
		{ "tests/tools/neo4j/query-paths.jsonl", NULL, "Adam" },
		{ "tests/tools/neo4j/all-id-as-keys.json", NULL, "Jim" },
		{ "tests/tools/rdflib/compacted.json", NULL, "Kazakhstan" },
		{ "tests/tools/rdflib/spo.json", NULL, "Kazakhstan" },
		{ "tests/tools/rdflib/linked.json", NULL, "SCO" },
		{ "tests/formats/jsonld-terms/context.json", NULL, "SCO" },
		{ "tests/tools/csv/quoting.csv", NULL, "Kazakhstan" },
		{ "tests/formats/kgtk-spec/edges.tsv", NULL, "Moe" },
		{ "tests/formats/kgtk-spec/qualifiers.tsv", NULL, "Moe" },
		{ "tests/formats/kgtk-spec/qualifiers-first.tsv", NULL, "Moe" },
		{ "tests/tools/rdflib/sco.ttl", NULL, "Kazakhstan" },
		{ "tests/tools/rdflib/sco.nq", NULL, "SCO" },
		{ "tests/tools/rdflib/sco.trig", "trig", "Kazakhstan" },
		{ "tests/tools/elk/layout.json", NULL, "SCO" },
		{ "tests/tools/g6/graph.json", NULL, "SCO" },
		{ "tests/tools/canvas/sco.canvas", NULL, "Kazakhstan" },
		{ "tests/tools/kumu/blueprint.json", NULL, "Kazakhstan" },
		{ "tests/tools/langchain/graph-documents.json", NULL, "Russia" },
		{ "tests/tools/lightrag/graphs.json", "lightrag", "Russia" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		const char *files[] = { formats[i][0], NULL };
		const char *focus[] = { formats[i][2] };
		struct run run = { files, formats[i][1], "print",
				   { .focus = focus, .nfocus = 1, .depth = 1,
				     .max_entities = 3 },
				   { .caption = 1 } };

		chaos(&run);
	}
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(dot_path, sizeof(dot_path), "%s/out.dot", dir);
	snprintf(json_path, sizeof(json_path), "%s/out.json", dir);
	json_set_alloc_funcs(json_alloc, free);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(dot_buffer);
	return rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_native),
		cmocka_unit_test(test_merged_formats),
		cmocka_unit_test(test_diagnostics),
		cmocka_unit_test(test_foreign_formats),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
