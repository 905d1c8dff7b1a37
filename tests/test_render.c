/* Rendering: escaping, formats, atomic outputs, determinism, engines. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draw.h"
#include "testutil.h"

static char dir[] = "/tmp/scograph-test-XXXXXX";

/* The directory the tests write in; and the fonts of a fresh CI machine,
 * whatever this one has (tests/fonts/latin-only.conf, whose font cache
 * goes there too), set before fontconfig first starts. */
static int make_dir(void **state)
{
	char conf[4096];

	(void)state;
	if (!mkdtemp(dir) || !getcwd(conf, sizeof(conf) - 40))
		return -1;
	strcat(conf, "/tests/fonts/latin-only.conf");
	/* fontconfig takes a relative name as one in /etc/fonts */
	return setenv("FONTCONFIG_FILE", conf, 1) ||
	       setenv("XDG_CACHE_HOME", dir, 1);
}

static int remove_dir(void **state)
{
	char cmd[64];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd);
}

static const char *path_in_dir(const char *name)
{
	static char buf[4][128];
	static int next;

	snprintf(buf[next & 3], sizeof(buf[0]), "%s/%s", dir, name);
	return buf[next++ & 3];
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return data;
}

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* Renders json (all of it) to the outputs; returns sg_render's result. */
static int render(const char *json, const sg_render_opts *ro,
		  const sg_output *outs, size_t n, sg_error *err)
{
	sg_graph *g = load(json, err);
	sg_select_opts all = { 0 };
	sg_view *v;
	int r;

	assert_non_null(g);
	v = sg_select(g, &all, err);
	assert_non_null(v);
	r = sg_render(v, ro, outs, n, err);
	sg_view_free(v);
	sg_graph_free(g);
	return r;
}

static const char *tricky =
	"{\"entities\": [{\"id\": \"a\", \"name\": \"C:\\\\Names\\\\Nik \\\"q\\\"\","
	" \"description\": \"tip \\\\N \\\\G\"},"
	" {\"id\": \"b\", \"name\": \"<b>bold</b>\\nline two & more\"},"
	" {\"id\": \"node\", \"name\": \"Қазақстан Ω\"}],"
	" \"relations\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"x\\\\E\"},"
	" {\"from\": \"b\", \"to\": \"node\", \"type\": \"has_part\"}]}";

static void test_dot_escapes_text(void **state)
{
	sg_render_opts ro = { .title = "" };
	sg_output out = { NULL, "dot" };
	sg_error err = { 0 };
	char *dot;

	(void)state;
	out.path = path_in_dir("t.dot");
	assert_int_equal(render(tricky, &ro, &out, 1, &err), 0);
	dot = slurp(out.path, NULL);
	/* backslashes doubled for escString (tooltips: twice over), quotes
	 * escaped by cgraph, '&' as "&amp;", which Graphviz reads back */
	assert_non_null(strstr(dot, "label=\"C:\\\\Names\\\\Nik \\\"q\\\"\""));
	assert_non_null(strstr(dot, "tooltip=\"tip \\\\\\\\N \\\\\\\\G\""));
	assert_non_null(strstr(dot, "label=\"<b>bold</b>\\nline two &amp; more\""));
	assert_non_null(strstr(dot, "\"node\"\t[id=\"e.node\",\n\t\tlabel=\"Қазақстан Ω\"]"));
	assert_non_null(strstr(dot, "label=\"x\\\\E\""));
	assert_non_null(strstr(dot, "label=\"has part\""));
	free(dot);
}

static void test_svg_shows_text_literally(void **state)
{
	sg_render_opts ro = { .title = "" };
	sg_output out = { NULL, NULL };
	sg_error err = { 0 };
	char *svg;

	(void)state;
	out.path = path_in_dir("t.svg");
	assert_int_equal(render(tricky, &ro, &out, 1, &err), 0);
	svg = slurp(out.path, NULL);
	assert_non_null(strstr(svg, ">C:\\Names\\Nik &quot;q&quot;</text>"));
	assert_non_null(strstr(svg, "tip \\N \\G"));
	assert_non_null(strstr(svg, ">&lt;b&gt;bold&lt;/b&gt;</text>"));
	assert_non_null(strstr(svg, ">line two &amp; more</text>"));
	assert_non_null(strstr(svg, ">Қазақстан Ω</text>"));
	assert_non_null(strstr(svg, ">x\\E</text>"));
	free(svg);
}

/* Graphviz's DOT parser takes no string over 16384 bytes: longer texts are
 * cut, so that the DOT reads back and the drawing (made from it) works. */
static void test_long_texts_are_cut(void **state)
{
	size_t n = 40000;
	char *json = malloc(n + 200), *dot, *label;
	sg_render_opts ro = { 0 };
	sg_output outs[2] = { { NULL, NULL }, { NULL, NULL } };
	sg_error err = { 0 };
	size_t len;

	(void)state;
	assert_non_null(json);
	strcpy(json, "{\"entities\": [{\"id\": \"a\", \"name\": \"");
	len = strlen(json);
	for (size_t i = 0; i < 10000; i++, len += 3)
		memcpy(json + len, i % 2 ? "\\\"a" : "€", 3); /* "a or € */
	strcpy(json + len, "\"}]}");
	outs[0].path = path_in_dir("long.dot");
	outs[1].path = path_in_dir("long.svg");
	assert_int_equal(render(json, &ro, outs, 2, &err), 0);
	/* the SVG exists: Graphviz read the DOT back */
	free(slurp(outs[1].path, NULL));
	dot = slurp(outs[0].path, NULL);
	label = strstr(dot, "\ta\t[id=\"e.a\",\n\t\tlabel=\"");
	assert_non_null(label);
	label += strlen("\ta\t[id=\"e.a\",\n\t\tlabel=\"");
	/* its length as DOT reads it, without agwrite's line continuations */
	len = 0;
	for (const char *p = label; !(p[0] == '"' && p[-1] != '\\'); p++)
		if (p[0] == '\\' && p[1] == '\n')
			p++;
		else
			len++;
	assert_true(len > 15000 && len < 16384);
	assert_non_null(strstr(label, "…\"]"));
	free(dot);
	free(json);
}

static void test_outputs_are_deterministic(void **state)
{
	sg_render_opts ro = { 0 };
	sg_output outs[2] = { { NULL, NULL }, { NULL, NULL } };
	sg_error err = { 0 };
	char *a, *b;
	size_t la, lb;

	(void)state;
	outs[0].path = path_in_dir("one.svg");
	outs[1].path = path_in_dir("two.svg");
	assert_int_equal(render(tricky, &ro, &outs[0], 1, &err), 0);
	assert_int_equal(render(tricky, &ro, &outs[1], 1, &err), 0);
	a = slurp(outs[0].path, &la);
	b = slurp(outs[1].path, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	free(a);
	free(b);
}

/* A theme's parts land where the README says: defaults under -N, type
 * styles over the graph's, its palette for types without colours. */
static void test_theme_file(void **state)
{
	static const char *graph =
		"{\"types\": {\"a\": {\"fillcolor\": \"#111111\"}, "
		"\"b\": {\"shape\": \"ellipse\"}},"
		" \"entities\": [{\"id\": \"x\", \"type\": \"a\"},"
		" {\"id\": \"y\", \"type\": \"b\"}],"
		" \"relations\": [{\"from\": \"x\", \"to\": \"y\", \"type\": \"t\"}]}";
	const char *node_size[] = { "fontsize=20" };
	const char *path = path_in_dir("theme.json");
	FILE *f = fopen(path, "w");
	sg_render_opts ro = { .title = "", .node_attrs = node_size,
			      .nnode_attrs = 1 };
	sg_output out = { NULL, "dot" };
	sg_error err = { 0 };
	char *dot;

	(void)state;
	assert_non_null(f);
	fputs("{\"node\": {\"fontsize\": 14, \"fontname\": \"Serif\"},\n"
	      " \"types\": {\"a\": {\"fillcolor\": \"#222222\"}},\n"
	      " \"relation_types\": {\"t\": {\"label\": \"tee\"}},\n"
	      " \"palette\": [[\"#333333\", \"#444444\"]]}\n", f);
	fclose(f);
	ro.theme = sg_theme_open(path, &err);
	assert_non_null(ro.theme);
	out.path = path_in_dir("themed.dot");
	assert_int_equal(render(graph, &ro, &out, 1, &err), 0);
	dot = slurp(out.path, NULL);
	assert_non_null(strstr(dot, "fontname=Serif"));
	assert_non_null(strstr(dot, "fontsize=20"));      /* -N wins */
	assert_non_null(strstr(dot, "fillcolor=\"#222222\"")); /* theme wins */
	assert_null(strstr(dot, "#111111"));
	assert_non_null(strstr(dot, "fillcolor=\"#333333\""));
	assert_non_null(strstr(dot, "label=tee"));
	free(dot);
	sg_theme_free((sg_theme *)ro.theme);

	ro.theme = sg_theme_open("print", &err);
	assert_non_null(ro.theme);
	assert_int_equal(render(graph, &ro, &out, 1, &err), 0);
	dot = slurp(out.path, NULL);
	assert_null(strstr(dot, "#222222"));
	assert_non_null(strstr(dot, "fillcolor=\"#111111\""));
	free(dot);
	sg_theme_free((sg_theme *)ro.theme);

	assert_null(sg_theme_open("sepia", &err));
	check_error(&err, SG_EUSAGE, "", 0, 0,
		    "unknown theme 'sepia'; use auto, light, dark, print or a "
		    "theme file (.json)");
	memset(&err, 0, sizeof(err));
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("{\"node\": {\"fontsize\": [1]}}", f);
	fclose(f);
	assert_null(sg_theme_open(path, &err));
	check_error(&err, SG_ESHAPE, path, 1, 23,
		    "'fontsize' must be a string or a number, not an array");
	memset(&err, 0, sizeof(err));
	assert_null(sg_theme_open(path_in_dir("none.json"), &err));
	assert_int_equal(err.code, SG_EIO);
}

/* WCAG 2's relative luminance of "#rrggbb". */
static double luminance(const char *hex)
{
	unsigned c[3];
	double y = 0, w[3] = { 0.2126, 0.7152, 0.0722 };

	assert_int_equal(sscanf(hex, "#%2x%2x%2x", &c[0], &c[1], &c[2]), 3);
	for (int i = 0; i < 3; i++) {
		double v = c[i] / 255.0;

		y += w[i] * (v <= 0.04045 ? v / 12.92 :
			     pow((v + 0.055) / 1.055, 2.4));
	}
	return y;
}

/* WCAG 2's contrast ratio of two colours, 1 to 21. */
static double contrast(const char *a, const char *b)
{
	double ya = luminance(a), yb = luminance(b);

	return ya > yb ? (ya + 0.05) / (yb + 0.05) : (yb + 0.05) / (ya + 0.05);
}

/* The dark theme keeps the light drawing's contrasts: text on its fill,
 * lines and words on the background, whatever the graph's colours. */
static void test_dark_colours(void **state)
{
	/* scograph's defaults and palette, and the SCO graph's own */
	static const char *const light[] = { "#ffffff", "#f2f2f2", "#5f5f5f",
		"#1a1a1a", "#6b6b6b", "#333333", "#9a9a9a", "#d6e9f8",
		"#0072b2", "#fff3b8", "#b59a00", "#e3e3e3", "#555555",
		"#c6dbef", "#2b5c8a", "#0d2238", "#fde0c5", "#3d1f05",
		"#2e7d32", "#b04f00", "#6b6b12", "#1f5f99" };
	char da[SG_COLOUR_SIZE], db[SG_COLOUR_SIZE];

	(void)state;
	for (size_t i = 0; i < SG_ARRAY_SIZE(light); i++)
		for (size_t k = i + 1; k < SG_ARRAY_SIZE(light); k++) {
			double was = contrast(light[i], light[k]);
			double is = contrast(sg_colour_dark(light[i], da),
					     sg_colour_dark(light[k], db));

			if (fabs(is / was - 1) > 0.02)
				fail_msg("%s on %s: contrast %.2f, dark %.2f "
					 "(%s on %s)", light[i], light[k], was,
					 is, da, db);
		}
	/* white is the background; GitHub's dark one is #0d1117 */
	assert_string_equal(sg_colour_dark("white", da), "#111111");
	assert_string_equal(sg_colour_dark("#FFFFFF", da), "#111111");
	assert_string_equal(sg_colour_dark("black", da), "#ffffff");
	/* a hue stays: light blue becomes dark blue */
	sg_colour_dark("#c6dbef", da);
	assert_true(luminance(da) < 0.05 && da[5] > da[1]);
	assert_string_equal(sg_colour_dark("#c6dbef80", da) + 7, "80");
	assert_null(sg_colour_dark("gold", da));
	assert_null(sg_colour_dark("#12345", da));
	assert_null(sg_colour_dark("#12345g", da));
	assert_null(sg_colour_dark("#1234567", da));
}

/* Collects the warnings sg_render finds; stops at the first when asked. */
struct warnings {
	int stop, n;
	sg_error first;
};

static int collect(void *ctx, const sg_error *w)
{
	struct warnings *ws = ctx;

	if (!ws->n++)
		ws->first = *w;
	return ws->stop;
}

/* With only DejaVu (main sets fontconfig up so), Chinese has no glyphs. */
static void test_warns_of_missing_glyphs(void **state)
{
	static const char *graph =
		"{\"entities\": [{\"id\": \"bj\", \"name\": \"北京\"},"
		" {\"id\": \"ast\", \"name\": \"Астана\"}],"
		" \"relations\": [{\"from\": \"ast\", \"to\": \"bj\", \"type\": \"t\"}]}";
	struct warnings ws = { 0 };
	sg_render_opts ro = { .title = "", .warn = collect, .warn_ctx = &ws };
	sg_output out = { NULL, NULL };
	sg_error err = { 0 };

	(void)state;
	out.path = path_in_dir("glyphs.svg");
	assert_int_equal(render(graph, &ro, &out, 1, &err), 0);
	assert_int_equal(ws.n, 0); /* SVG: its viewer's fonts */
	out.path = path_in_dir("glyphs.png");
	assert_int_equal(render(graph, &ro, &out, 1, &err), 0);
	assert_int_equal(ws.n, 1);
	assert_int_equal(ws.first.code, SG_WGLYPHS);
	assert_int_equal(ws.first.severity, SG_WARNING);
	assert_non_null(strstr(ws.first.text, "Han characters of entity 'bj'"));
	assert_non_null(strstr(ws.first.text, "fonts-noto-cjk"));
	assert_int_equal(ws.first.line, 1);

	ws = (struct warnings){ .stop = 1 };
	out.path = path_in_dir("stopped.png");
	assert_int_equal(render(graph, &ro, &out, 1, &err), -1);
	assert_int_equal(err.code, SG_WGLYPHS);
	assert_int_equal(err.severity, SG_ERROR);
	assert_false(exists(out.path));
}

static void test_scripts_name_their_fonts(void **state)
{
	const char *package;

	(void)state;
	assert_string_equal(sg_script_of(0x5317, &package), "Han");
	assert_string_equal(package, "fonts-noto-cjk");
	assert_string_equal(sg_script_of(0x0928, &package), "Devanagari");
	assert_string_equal(package, "fonts-noto-core");
	assert_string_equal(sg_script_of(0x1F600, &package), "emoji");
	assert_string_equal(package, "fonts-noto-color-emoji");
	assert_null(sg_script_of(0x16A0, &package)); /* runic: unnamed */
	assert_string_equal(package, "fonts-noto-core");
}

static void test_bad_requests_write_nothing(void **state)
{
	sg_render_opts ro = { 0 };
	sg_output outs[2] = { { NULL, NULL }, { NULL, NULL } };
	sg_error err = { 0 };

	(void)state;
	outs[0].path = path_in_dir("ok.svg");
	outs[1].path = path_in_dir("bad.xyz");
	assert_int_equal(render(tricky, &ro, outs, 2, &err), -1);
	assert_int_equal(err.code, SG_EUSAGE);
	assert_non_null(strstr(err.text, "unknown output format 'xyz'"));
	assert_false(exists(outs[0].path));

	memset(&err, 0, sizeof(err));
	outs[1].path = path_in_dir("noextension");
	assert_int_equal(render(tricky, &ro, outs, 2, &err), -1);
	check_error(&err, SG_EUSAGE, outs[1].path, 0, 0,
		    "cannot tell the output format from the file name; "
		    "name it with -T");

	memset(&err, 0, sizeof(err));
	ro.engine = "nonsuch";
	assert_int_equal(render(tricky, &ro, outs, 1, &err), -1);
	assert_int_equal(err.code, SG_EUSAGE);
	assert_non_null(strstr(err.text, "unknown layout engine 'nonsuch'"));
	assert_false(exists(outs[0].path));
}

/* In memory, each format holds what a file of it holds. */
static void test_render_to_memory(void **state)
{
	static const char *const formats[] = { "svg", "dot", "json", "png",
					       NULL };
	sg_render_opts ro = { 0 };
	sg_select_opts all = { 0 };
	sg_error err = { 0 };
	sg_graph *g = load(tricky, &err);
	sg_view *v;
	sg_output out = { NULL, NULL };
	char *data = (char *)"unset", *file;
	size_t len = 1, file_len;

	(void)state;
	assert_non_null(g);
	v = sg_select(g, &all, &err);
	assert_non_null(v);
	for (size_t i = 0; i < SG_ARRAY_SIZE(formats); i++) {
		out.format = formats[i] ? formats[i] : "dot";
		out.path = path_in_dir("file");
		assert_int_equal(sg_render(v, &ro, &out, 1, &err), 0);
		assert_int_equal(sg_render_buffer(v, &ro, formats[i], &data,
						  &len, &err), 0);
		file = slurp(out.path, &file_len);
		assert_int_equal(len, file_len);
		assert_memory_equal(data, file, len);
		assert_int_equal(data[len], '\0');
		free(data);
		free(file);
	}
	assert_int_equal(sg_render_buffer(v, &ro, "xyz", &data, &len, &err),
			 -1);
	assert_null(data);
	assert_int_equal(len, 0);
	assert_int_equal(err.code, SG_EUSAGE);
	assert_non_null(strstr(err.text, "unknown output format 'xyz'"));
	/* sg_render writes files: an output needs a path */
	memset(&err, 0, sizeof(err));
	out.path = NULL;
	assert_int_equal(sg_render(v, &ro, &out, 1, &err), -1);
	check_error(&err, SG_EUSAGE, "", 0, 0, "an output has no path");
	sg_view_free(v);
	sg_graph_free(g);
}

static void test_failed_output_leaves_no_file(void **state)
{
	sg_render_opts ro = { 0 };
	sg_output outs[2] = { { NULL, NULL }, { NULL, NULL } };
	sg_error err = { 0 };
	char cmd[160];
	FILE *ls;

	(void)state;
	outs[0].path = path_in_dir("first.png");
	outs[1].path = path_in_dir("missing/second.svg");
	assert_int_equal(render(tricky, &ro, outs, 2, &err), -1);
	check_error(&err, SG_EIO, outs[1].path, 0, 0,
		    "cannot write file: No such file or directory");
	assert_false(exists(outs[0].path));
	/* and no temporary file either */
	snprintf(cmd, sizeof(cmd), "ls -A %s | grep first", dir);
	ls = popen(cmd, "r");
	assert_int_equal(fgetc(ls), EOF);
	pclose(ls);
}

static void test_png_and_pdf(void **state)
{
	sg_render_opts ro = { 0 };
	sg_output outs[2] = { { NULL, NULL }, { NULL, NULL } };
	sg_error err = { 0 };
	char *png, *pdf;
	size_t len;

	(void)state;
	outs[0].path = path_in_dir("x.png");
	outs[1].path = path_in_dir("x.pdf");
	assert_int_equal(render(tricky, &ro, outs, 2, &err), 0);
	png = slurp(outs[0].path, &len);
	assert_true(len > 1000);
	assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
	pdf = slurp(outs[1].path, &len);
	assert_memory_equal(pdf, "%PDF-", 5);
	free(png);
	free(pdf);
}

/* A chain of n entities: n entities and n - 1 relations. */
static char *chain_json(int n)
{
	size_t size = (size_t)n * 80 + 64, len = 0;
	char *s = malloc(size);

	assert_non_null(s);
	len += (size_t)snprintf(s + len, size - len, "{\"entities\": [");
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, size - len, "%s{\"id\": \"e%d\"}",
					i ? "," : "", i);
	len += (size_t)snprintf(s + len, size - len, "], \"relations\": [");
	for (int i = 1; i < n; i++)
		len += (size_t)snprintf(s + len, size - len,
					"%s{\"from\": \"e%d\", \"to\": \"e%d\", "
					"\"type\": \"t\"}",
					i > 1 ? "," : "", i - 1, i);
	snprintf(s + len, size - len, "]}");
	return s;
}

/* The layout engine -K auto chose for json. */
static char *auto_layout(const char *json, const char *name)
{
	sg_render_opts ro = { .engine = "auto" };
	sg_output out = { NULL, NULL };
	sg_error err = { 0 };
	char *dot, *engine;

	out.path = path_in_dir(name);
	assert_int_equal(render(json, &ro, &out, 1, &err), 0);
	dot = slurp(out.path, NULL);
	engine = strstr(dot, "layout=");
	assert_non_null(engine);
	memmove(dot, engine + 7, strcspn(engine + 7, ",\n") + 1);
	dot[strcspn(dot, ",\n")] = '\0';
	return dot;
}

static void test_auto_engine(void **state)
{
	char *json = chain_json(SG_AUTO_DOT_ENTITIES), *engine;
	size_t size = 20000, len = 0;

	(void)state;
	/* a tree is quick in dot at any size, but not readable past a point */
	engine = auto_layout(json, "tree.dot");
	assert_string_equal(engine, "dot");
	free(engine);
	free(json);
	json = chain_json(SG_AUTO_DOT_ENTITIES + 1);
	engine = auto_layout(json, "large.dot");
	assert_string_equal(engine, "sfdp");
	free(engine);
	free(json);
	/* 20 entities, every pair related one way: 190 - 20 + 1 cycles */
	json = malloc(size);
	assert_non_null(json);
	len += (size_t)snprintf(json, size, "{\"entities\": [");
	for (int i = 0; i < 20; i++)
		len += (size_t)snprintf(json + len, size - len,
					"%s{\"id\": \"e%d\"}", i ? "," : "", i);
	len += (size_t)snprintf(json + len, size - len, "], \"relations\": [");
	for (int i = 0; i < 20; i++)
		for (int k = i + 1; k < 20; k++)
			len += (size_t)snprintf(json + len, size - len,
						"%s{\"from\": \"e%d\", \"to\": "
						"\"e%d\", \"type\": \"t\"}",
						i || k > 1 ? "," : "", i, k);
	snprintf(json + len, size - len, "]}");
	engine = auto_layout(json, "dense.dot");
	assert_string_equal(engine, "sfdp");
	free(engine);
	free(json);
}

/* Rendering tells each stage as it begins: the drawing, its layout (once,
 * however many outputs), each rendering and each output written; a DOT
 * output is not rendered, and laid out only to be fitted to its page. */
static void test_progress(void **state)
{
	static const struct {
		sg_stage stage;
		const char *subject;
	} want[] = {
		{ SG_STAGE_DRAW, "" }, { SG_STAGE_LAYOUT, "neato" },
		{ SG_STAGE_RENDER, "svg" }, { SG_STAGE_RENDER, "png" },
		{ SG_STAGE_WRITE, "a.svg" }, { SG_STAGE_WRITE, "a.png" },
		{ SG_STAGE_WRITE, "a.dot" },
	};
	struct told *t = calloc(1, sizeof(*t));
	sg_render_opts ro = { .engine = "neato", .progress = record_progress,
			      .progress_ctx = t };
	sg_select_opts all = { 0 };
	sg_error err = { 0 };
	sg_graph *g = load(tricky, &err);
	sg_view *v = sg_select(g, &all, &err);
	sg_output outs[] = { { path_in_dir("a.svg"), NULL },
			     { path_in_dir("a.png"), NULL },
			     { path_in_dir("a.dot"), NULL } };

	(void)state;
	assert_non_null(v);
	assert_int_equal(sg_render(v, &ro, outs, 3, &err), 0);
	assert_int_equal(t->n, SG_ARRAY_SIZE(want));
	for (size_t i = 0; i < t->n; i++) {
		const char *slash = strrchr(t->subject[i], '/');

		assert_int_equal(t->at[i].stage, want[i].stage);
		assert_string_equal(slash ? slash + 1 : t->subject[i],
				    want[i].subject);
		assert_int_equal(t->at[i].done, 0);
		assert_int_equal(t->at[i].total, 0);
	}
	t->n = 0;
	assert_int_equal(sg_render(v, &ro, outs + 2, 1, &err), 0);
	assert_int_equal(t->n, 3);
	assert_int_equal(t->at[0].stage, SG_STAGE_DRAW);
	assert_int_equal(t->at[1].stage, SG_STAGE_LAYOUT);
	assert_int_equal(t->at[2].stage, SG_STAGE_WRITE);
	t->n = 0;
	ro.page = "none";
	assert_int_equal(sg_render(v, &ro, outs + 2, 1, &err), 0);
	assert_int_equal(t->n, 2);
	assert_int_equal(t->at[0].stage, SG_STAGE_DRAW);
	assert_int_equal(t->at[1].stage, SG_STAGE_WRITE);
	sg_view_free(v);
	sg_graph_free(g);
	free(t);
}

/* ---- the DOT writer against agwrite ---- */

/* Subgraphs numbered in the order made, as sg_read_dot numbers them (see
 * draw.c): agwrite lists them in that order. */
static long by_age(void *state, int objtype, char *str, IDTYPE *id,
		   int createflag)
{
	if (objtype == AGRAPH && str && strcmp(str, "scograph"))
		return 0;
	return AgIdDisc.map(state, objtype, str, id, createflag);
}

/* Sets an attribute of cgraph object obj, an HTML string as one. */
static int replay_attr(const char *name, const char *value, int html,
		       void *obj)
{
	Agraph_t *root = agroot(obj);
	char *v = html ? agstrdup_html(root, (char *)value) : NULL;

	agsafeset(obj, (char *)name, v ? v : (char *)value, "");
	if (v)
		agstrfree(root, v);
	return 0;
}

struct replay_kind {
	Agraph_t *g;
	int kind;
};

static int replay_default(const char *name, const char *value, int html,
			  void *ctx)
{
	const struct replay_kind *k = ctx;

	(void)html;
	return !agattr(k->g, k->kind, (char *)name, (char *)value);
}

/* The cgraph graph of the object of d that is o (the root: g). */
static void *cgraph_of(sg_drawing *d, Agraph_t **graphs, const sg_dobj *o)
{
	size_t k = 0;

	while (sg_drawing_nth(d, SG_DGRAPH, k) != o)
		k++;
	return graphs[k];
}

/*
 * The drawing made again with cgraph as drawing.c stands for it: each
 * kind's defaults as they end, then the subgraphs, the nodes and the
 * edges in the order made, with their own values.
 */
static Agraph_t *replay(sg_drawing *d)
{
	static Agiddisc_t ids;
	static Agdisc_t disc;
	size_t ng = sg_drawing_count(d, SG_DGRAPH);
	Agraph_t **graphs = calloc(ng, sizeof(*graphs)), *g;
	const int kinds[] = { AGRAPH, AGNODE, AGEDGE };

	assert_non_null(graphs);
	ids = AgIdDisc;
	ids.map = by_age;
	disc = (Agdisc_t){ &AgMemDisc, &ids, &AgIoDisc };
	g = graphs[0] = agopen("scograph", Agdirected, &disc);
	for (int kind = SG_DGRAPH; kind <= SG_DEDGE; kind++) {
		struct replay_kind k = { g, kinds[kind] };

		assert_int_equal(sg_drawing_each_default(d, kind,
							 replay_default, &k),
				 0);
	}
	for (size_t i = 1; i < ng; i++) {
		sg_dobj *sub = sg_drawing_nth(d, SG_DGRAPH, i);

		graphs[i] = agsubg(cgraph_of(d, graphs, sg_drawing_parent(sub)),
				   (char *)sg_drawing_name(sub), 1);
		sg_drawing_each_attr(sub, replay_attr, graphs[i]);
	}
	for (size_t i = 0; i < sg_drawing_count(d, SG_DNODE); i++) {
		sg_dobj *n = sg_drawing_nth(d, SG_DNODE, i);
		Agnode_t *an = agnode(g, (char *)sg_drawing_name(n), 1);

		agsubnode(cgraph_of(d, graphs, sg_drawing_parent(n)), an, 1);
		sg_drawing_each_attr(n, replay_attr, an);
	}
	for (size_t i = 0; i < sg_drawing_count(d, SG_DEDGE); i++) {
		sg_dobj *e = sg_drawing_nth(d, SG_DEDGE, i);
		const char *tail = sg_drawing_name(sg_drawing_end(e, 0));
		const char *head = sg_drawing_name(sg_drawing_end(e, 1));
		Agedge_t *ae = agedge(cgraph_of(d, graphs, sg_drawing_parent(e)),
				      agnode(g, (char *)tail, 0),
				      agnode(g, (char *)head, 0), NULL, 1);

		sg_drawing_each_attr(e, replay_attr, ae);
	}
	free(graphs);
	return g;
}

/* sg_drawing_dot writes what agwrite writes of the same drawing, on no
 * page and on a page, packed. */
static void check_dot_on(const sg_view *v, const sg_render_opts *ro,
			 const sg_fit *fit)
{
	sg_error err = { 0 };
	sg_drawing *d = sg_draw(v, ro, ro->engine ? ro->engine : "dot", fit,
				&err);
	sg_buf ours = SG_BUF_INIT;
	char *theirs = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&theirs, &len);
	Agraph_t *g;

	assert_non_null(d);
	assert_non_null(f);
	assert_int_equal(sg_drawing_dot(d, &ours), 0);
	g = replay(d);
	assert_int_equal(agwrite(g, f), 0);
	fclose(f);
	assert_string_equal(sg_buf_str(&ours), theirs);
	agclose(g);
	free(theirs);
	sg_buf_release(&ours);
	sg_drawing_free(d);
}

static void check_dot(const sg_view *v, const sg_render_opts *ro)
{
	const sg_fit page = { 453, 700, "TB", 1, 1, 0, 0, 0 };

	check_dot_on(v, ro, NULL);
	check_dot_on(v, ro, &page);
}

/* Boxes in boxes deeper than draw.c draws them, and beside them. */
static char *deep_boxes(void)
{
	sg_buf b = SG_BUF_INIT;

	sg_buf_adds(&b, "{\"entities\": [{\"id\": \"out\", \"type\": \"x\"}");
	for (int i = 0; i < 20; i++) {
		sg_buf_addf(&b, ", {\"id\": \"b%d\", \"type\": \"t%d\"", i, i % 3);
		if (i)
			sg_buf_addf(&b, ", \"parent\": \"b%d\"", i - 1);
		sg_buf_addf(&b, "}, {\"id\": \"l%d\", \"parent\": \"b%d\", "
			    "\"region\": \"r%d\"}", i, i, i % 2);
	}
	sg_buf_adds(&b, "], \"relations\": [");
	for (int i = 0; i < 20; i++)
		sg_buf_addf(&b, "%s{\"from\": \"l%d\", \"to\": \"b%d\", "
			    "\"type\": \"x\"}, {\"from\": \"out\", "
			    "\"to\": \"b%d\", \"type\": \"y\"}, "
			    "{\"from\": \"b%d\", \"to\": \"out\", "
			    "\"type\": \"z\"}",
			    i ? ", " : "", i, i * 7 % 20, i, i);
	sg_buf_adds(&b, "]}");
	return b.buf;
}

static void test_dot_is_agwrites(void **state)
{
	static const char *files[] = {
		"graphs/sco.json", "tests/valid/small/input.json",
		"tests/valid/parents/input.json", "tests/valid/theme/input.json",
		"tests/valid/symmetric/input.json", "tests/links/urls.json",
		"tests/text/literal.json", "tests/text/dot-quoting.json",
	};
	const char *ports[] = { "tailport=e", "headport=w:n" };
	const char *line60[] = { "linelength=60", "fontcolor=red" };
	const char *line0[] = { "linelength=0" };
	const char *empty[] = { "label=" };
	const char *focus[] = { "Kazakhstan" };
	sg_render_opts plain = { 0 }, all = { .legend = 1, .caption = 1,
					      .cluster = "type" };
	sg_render_opts grey = { .legend = 1, .cluster = "region",
				.edge_attrs = ports, .nedge_attrs = 2 };
	sg_render_opts odd = { .engine = "sfdp", .graph_attrs = line60,
			       .ngraph_attrs = 2, .node_attrs = empty,
			       .nnode_attrs = 1, .title = "A \"t\" \\ <b>",
			       .legend = 1 };
	sg_render_opts nobreak = { .graph_attrs = line0, .ngraph_attrs = 1,
				   .cluster = "type" };
	sg_render_opts dark = { .legend = 1, .caption = 1, .cluster = "type",
				.edge_attrs = line60 + 1, .nedge_attrs = 1 };
	sg_render_opts *opts[] = { &plain, &all, &grey, &odd, &nobreak, &dark };
	sg_select_opts whole = { 0 }, few = { .max_entities = 3 };
	sg_select_opts around = { .focus = focus, .nfocus = 1, .depth = 2 };
	sg_select_opts *selects[] = { &whole, &few, &around };
	sg_error err = { 0 };
	char *deep = deep_boxes();
	sg_graph *old, *new_graph;
	sg_diff *diff;
	sg_view *v;

	(void)state;
	assert_non_null(deep);
	grey.theme = sg_theme_open("print", &err);
	dark.theme = sg_theme_open("dark", &err);
	assert_non_null(grey.theme);
	assert_non_null(dark.theme);
	for (size_t i = 0; i <= SG_ARRAY_SIZE(files); i++) {
		sg_graph *g = i < SG_ARRAY_SIZE(files) ? sg_graph_new() :
							 load(deep, &err);

		assert_non_null(g);
		if (i < SG_ARRAY_SIZE(files))
			assert_int_equal(sg_read_file(g, files[i], NULL, &err) ||
					 sg_graph_resolve(g, &err), 0);
		for (size_t s = 0; s < SG_ARRAY_SIZE(selects); s++) {
			if (selects[s] == &around && i)
				continue;
			v = sg_select(g, selects[s], &err);
			assert_non_null(v);
			for (size_t o = 0; o < SG_ARRAY_SIZE(opts); o++)
				check_dot(v, opts[o]);
			sg_view_free(v);
		}
		sg_graph_free(g);
	}
	old = sg_graph_new();
	new_graph = sg_graph_new();
	assert_int_equal(sg_read_file(old, "tests/diff/old.json", NULL, &err) ||
			 sg_graph_resolve(old, &err) ||
			 sg_read_file(new_graph, "tests/diff/new.json", NULL,
				      &err) ||
			 sg_graph_resolve(new_graph, &err), 0);
	diff = sg_diff_new(old, new_graph, &err);
	assert_non_null(diff);
	v = sg_diff_select(diff, &whole, &err);
	assert_non_null(v);
	for (size_t o = 0; o < SG_ARRAY_SIZE(opts); o++)
		check_dot(v, opts[o]);
	sg_view_free(v);
	sg_diff_free(diff);
	sg_graph_free(old);
	sg_graph_free(new_graph);
	sg_theme_free((sg_theme *)grey.theme);
	sg_theme_free((sg_theme *)dark.theme);
	free(deep);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dot_escapes_text),
		cmocka_unit_test(test_svg_shows_text_literally),
		cmocka_unit_test(test_long_texts_are_cut),
		cmocka_unit_test(test_outputs_are_deterministic),
		cmocka_unit_test(test_theme_file),
		cmocka_unit_test(test_dark_colours),
		cmocka_unit_test(test_warns_of_missing_glyphs),
		cmocka_unit_test(test_scripts_name_their_fonts),
		cmocka_unit_test(test_bad_requests_write_nothing),
		cmocka_unit_test(test_render_to_memory),
		cmocka_unit_test(test_failed_output_leaves_no_file),
		cmocka_unit_test(test_png_and_pdf),
		cmocka_unit_test(test_auto_engine),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_dot_is_agwrites),
	};

	return cmocka_run_group_tests_name("render", tests, make_dir,
					   remove_dir);
}
