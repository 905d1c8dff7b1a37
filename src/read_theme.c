/* Themes: how a drawing looks, read from JSON as graphs are. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "read.h"

/* The built-in themes are theme files too, so that they go the one way
 * every theme goes. */
static const struct {
	const char *name, *text;
} builtins[] = {
	{ "auto", "{\"dark\": \"auto\"}" },
	{ "light", "{}" },
	{ "dark", "{\"dark\": true}" },
	{ "print", "{\"greyscale\": true}" },
};

/* Whether attribute name makes links, reads files or names SVG elements:
 * a theme gives looks; those come from the graph, made safe (a theme's
 * URL would put one link, maybe javascript:, on every entity). */
static int not_a_look(const char *name)
{
	static const char *const parts[] = { "URL", "href", "image", "file",
		"path", "stylesheet", "target", "tooltip" };

	for (size_t i = 0; i < SG_ARRAY_SIZE(parts); i++)
		if (strstr(name, parts[i]))
			return 1;
	return !strcmp(name, "id") || !strcmp(name, "class");
}

/* Reads o[key], an object of Graphviz attributes, into a. */
static int read_attrs(struct reader *rd, const json_t *o, const char *key,
		      sg_attrs *a)
{
	int failed;
	const json_t *attrs = rd_container(rd, o, key, 0, &failed);
	const char *name;
	const json_t *v;

	json_object_foreach((json_t *)attrs, name, v) {
		const char *value;

		if (not_a_look(name)) {
			sg_loc loc = rd_loc(rd, attrs, name, 0);

			return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
				       loc.column, "'%s' is not for a theme: "
				       "links, files, tooltips and ids come "
				       "from the graph", name);
		}
		if (rd_style_value(rd, attrs, name, 1, &value))
			return -1;
		if (SG_GROW(a->kv, a->n + 2, a->alloc))
			return rd_nomem(rd);
		a->kv[a->n++] = sg_graph_intern(rd->g, name);
		a->kv[a->n++] = sg_graph_intern(rd->g, value);
		if (!a->kv[a->n - 2] || !a->kv[a->n - 1])
			return rd_nomem(rd);
	}
	return failed ? -1 : 0;
}

/* The palette: [fill, border] pairs, for entity types without colours. */
static int read_palette(struct reader *rd, const json_t *root, sg_attrs *a)
{
	int failed;
	const json_t *list = rd_container(rd, root, "palette", 1, &failed);

	for (size_t i = 0; list && i < json_array_size(list); i++) {
		const json_t *pair = json_array_get(list, i);

		if (!json_is_array(pair) || json_array_size(pair) != 2 ||
		    !json_is_string(json_array_get(pair, 0)) ||
		    !json_is_string(json_array_get(pair, 1)))
			return rd_wrong_kind(rd, list, NULL, i,
					     "a pair of colours, [fill, border]");
		if (SG_GROW(a->kv, a->n + 2, a->alloc))
			return rd_nomem(rd);
		for (size_t k = 0; k < 2; k++) {
			const char *colour =
				json_string_value(json_array_get(pair, k));

			if (rd_no_markup(rd, pair, NULL, k, colour))
				return -1;
			if (!(a->kv[a->n++] = sg_graph_intern(rd->g, colour)))
				return rd_nomem(rd);
		}
	}
	return failed ? -1 : 0;
}

static int bad_dark(struct reader *rd, const json_t *root)
{
	sg_loc loc = rd_loc(rd, root, "dark", 0);

	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "'dark' must be true, false or \"auto\"");
}

static int read_theme(struct reader *rd, sg_theme *t, const char *data,
		      size_t len)
{
	static const char *const keys[] = { "greyscale", "dark", "graph",
		"node", "edge", "palette", "types", "relation_types" };
	struct scanner s = rd_start(rd, data, len);
	json_t *root;
	const json_t *grey, *dark;
	int r;

	if (s.p == s.end)
		return rd_empty(rd);
	if (!(root = rd_parse(rd, &s, s.end)))
		return -1;
	grey = json_object_get(root, "greyscale");
	dark = json_object_get(root, "dark");
	if (!json_is_object(root))
		r = sg_fail(rd->err, SG_ESHAPE, rd->file, rd->root_line,
			    rd->root_column, "a theme must be an object, not %s",
			    rd_kind(root));
	else if (rd_scan(rd, s, root) ||
		 rd_check_keys(rd, root, keys, SG_ARRAY_SIZE(keys), "a theme"))
		r = -1;
	else if (grey && !json_is_boolean(grey))
		r = rd_wrong_kind(rd, root, "greyscale", 0, "true or false");
	else if (dark && !json_is_boolean(dark) &&
		 !(json_is_string(dark) &&
		   !strcmp(json_string_value(dark), "auto")))
		r = bad_dark(rd, root);
	else
		r = read_attrs(rd, root, "graph", &t->graph) ||
		    read_attrs(rd, root, "node", &t->node) ||
		    read_attrs(rd, root, "edge", &t->edge) ||
		    read_palette(rd, root, &t->palette) ||
		    rd_types(rd, root, 0) || rd_types(rd, root, 1);
	t->greyscale = json_is_true(grey);
	t->dark = json_is_true(dark) ? SG_DARK_YES :
		  json_is_string(dark) ? SG_DARK_AUTO : SG_DARK_NO;
	json_decref(root);
	return r;
}

/* A name that could only be meant as a built-in theme's, not a file's. */
static int looks_like_a_name(const char *name)
{
	const char *dot = strrchr(name, '.');

	return !strchr(name, '/') && !(dot && !strcmp(dot, ".json"));
}

sg_theme *sg_theme_open(const char *name, sg_error *err)
{
	sg_theme *t = calloc(1, sizeof(*t));
	sg_buf data = SG_BUF_INIT;
	struct reader rd = { 0 };
	size_t i = 0;
	int r;

	rd.err = &rd.error;
	while (i < SG_ARRAY_SIZE(builtins) && strcasecmp(builtins[i].name, name))
		i++;
	if (!t || !(rd.g = t->styles = sg_graph_new()) ||
	    !(rd.file = sg_graph_intern(rd.g, name)))
		r = rd_nomem(&rd);
	else if (i < SG_ARRAY_SIZE(builtins))
		r = sg_buf_adds(&data, builtins[i].text) ? rd_nomem(&rd) : 0;
	else if (looks_like_a_name(name) && access(name, F_OK))
		r = sg_fail(rd.err, SG_EUSAGE, NULL, 0, 0,
			    "unknown theme '%s'; use auto, light, dark, print "
			    "or a theme file (.json)", name);
	else
		r = rd_slurp(name, &data, &(sg_teller){ 0 }, rd.err);
	r = r || read_theme(&rd, t, sg_buf_str(&data), data.len);
	sg_buf_release(&data);
	free(rd.ps.pos);
	free(rd.ps.blocks);
	if (r) {
		if (rd.error.code == SG_OK)
			rd_nomem(&rd);
		if (err && err->code == SG_OK)
			*err = rd.error;
		sg_theme_free(t);
		return NULL;
	}
	return t;
}

void sg_theme_free(sg_theme *t)
{
	if (!t)
		return;
	free(t->graph.kv);
	free(t->node.kv);
	free(t->edge.kv);
	free(t->palette.kv);
	sg_graph_free(t->styles);
	free(t);
}
