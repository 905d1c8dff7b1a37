/* Graphviz's JSON: dot -Tjson, -Tjson0, -Tdot_json. */
#include <stdlib.h>
#include <string.h>

#include "read.h"

/* What Graphviz adds of its own structure, and of its layout and drawing:
 * hints, named as such. (An "id", the SVG id a DOT file gives, is an
 * edge's relation's id, a node's attribute id_.) */
static const char *const graphviz_skip[] = {
	"_gvid", "name", "label", "nodes", "edges", "subgraphs", "tail",
	"head",
};
static const char *const graphviz_hints[] = {
	"pos", "width", "height", "bb", "lp", "xlp", "head_lp", "tail_lp",
	"_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_", "_tldraw_",
	"rects", "lwidth", "lheight", "headport", "tailport", "xdotversion",
	NULL
};

_Static_assert(SG_ARRAY_SIZE(graphviz_skip) +
		       SG_ARRAY_SIZE(graphviz_hints) - 1 <= RD_MAX_USED,
	       "struct fields holds every key Graphviz adds");

/* f's keys of Graphviz's own: used, and its drawing's noted in h. */
static int graphviz_fields(struct reader *rd, struct fields *f)
{
	memcpy(f->used, graphviz_skip, sizeof(graphviz_skip));
	f->nused = SG_ARRAY_SIZE(graphviz_skip);
	for (size_t k = 0; graphviz_hints[k]; k++)
		f->used[f->nused++] = graphviz_hints[k];
	return rd_hints_of(rd, f->o, graphviz_hints);
}

/* The graph's own keys: the title, its kind, and its drawing as hints;
 * any other is a graph attribute, which the model has no place for. */
static int graphviz_top(struct reader *rd, const json_t *root)
{
	static const char *const known[] = { "name", "directed", "strict",
		"_subgraph_cnt", "objects", "edges", "label", NULL };

	return rd_other_keys(rd, root, known, graphviz_hints, NULL);
}

/* The names \N, \G, \T and \H stand for in a label (NULL: none). */
struct names {
	const char *node, *graph, *tail, *head;
};

/* Adds line, trimmed, as a line of b, and empties it. */
static int add_line(sg_buf *b, sg_buf *line)
{
	const char *p = sg_buf_str(line), *end = p + line->len;
	int r;

	while (p < end && *p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	r = p < end && ((b->len && sg_buf_adds(b, "\n")) ||
			sg_buf_add(b, p, (size_t)(end - p)));
	sg_buf_reset(line);
	return r;
}

/*
 * A label as Graphviz draws it: escString's \n, \l and \r end lines, \N,
 * \G, \T and \H are names, \E the edge, another \x is x; a record's
 * fields (record shapes) come one a line, without their ports and braces.
 */
static int label_text(sg_buf *b, const char *label, int record,
		      const struct names *n)
{
	sg_buf line = SG_BUF_INIT;
	int r = 0, port = 0;

	for (const char *p = label; *p && !r; p++) {
		const char *name = NULL;

		if (*p == '\\' && p[1]) {
			switch (*++p) {
			case 'n': case 'l': case 'r':
				r = add_line(b, &line);
				continue;
			case 'N': name = n->node; break;
			case 'G': name = n->graph; break;
			case 'T': name = n->tail; break;
			case 'H': name = n->head; break;
			case 'E':
				r = n->tail && sg_buf_addf(&line, "%s→%s",
							   n->tail, n->head);
				continue;
			}
			r = name ? sg_buf_adds(&line, name) :
				   sg_buf_add(&line, p, 1);
		} else if (record && (*p == '<' || (port && *p == '>'))) {
			port = *p == '<';
		} else if (record && !port && strchr("{}|", *p)) {
			r = add_line(b, &line);
		} else if (!port) {
			r = sg_buf_add(&line, p, 1);
		}
	}
	r = r || add_line(b, &line);
	sg_buf_release(&line);
	return r ? -1 : 0;
}

/* Sets o's label to the text it draws. The tree is the reader's own, read
 * whole for this document: writing into it is safe. */
static int relabel(struct reader *rd, const json_t *o, const struct names *n)
{
	const char *label = json_string_value(json_object_get(o, "label"));
	const char *shape = json_string_value(json_object_get(o, "shape"));
	sg_buf b = SG_BUF_INIT;
	int r;

	if (!label)
		return 0;
	r = label_text(&b, label, shape && strstr(shape, "record") != NULL,
		       n) ||
	    json_object_set_new((json_t *)o, "label",
				json_string(sg_buf_str(&b)));
	sg_buf_release(&b);
	return r ? rd_nomem(rd) : 0;
}

/* Whether o is a subgraph Graphviz draws as a box: a cluster. */
static int is_cluster(const json_t *o)
{
	const char *name = json_string_value(json_object_get(o, "name"));

	return name && !strncmp(name, "cluster", 7) &&
	       (json_object_get(o, "nodes") || json_object_get(o, "subgraphs"));
}

/*
 * up[gvid]: the cluster the object numbered gvid stands in, the innermost
 * (the smallest one listing a node; the one listing a subgraph among its
 * own). Graphviz numbers subgraphs and nodes in one list, the objects.
 */
static void clusters(const json_t *objects, const char **up, size_t *size)
{
	size_t n = json_array_size(objects);

	for (size_t i = 0; i < n; i++) {
		const json_t *o = json_array_get(objects, i);
		const char *name = json_string_value(json_object_get(o, "name"));
		const json_t *nodes = json_object_get(o, "nodes");
		const json_t *subs = json_object_get(o, "subgraphs");

		if (!is_cluster(o))
			continue;
		for (size_t k = 0; k < json_array_size(nodes); k++) {
			json_int_t g = json_integer_value(json_array_get(nodes,
									 k));

			if (g >= 0 && (size_t)g < n &&
			    (!up[g] || json_array_size(nodes) < size[g])) {
				up[g] = name;
				size[g] = json_array_size(nodes);
			}
		}
		for (size_t k = 0; k < json_array_size(subs); k++) {
			json_int_t g = json_integer_value(json_array_get(subs,
									 k));

			if (g >= 0 && (size_t)g < n)
				up[g] = name;
		}
	}
}

static int read_graphviz(struct reader *rd, const json_t *root)
{
	int failed, edges_failed;
	const json_t *objects = rd_container(rd, root, "objects", 1, &failed);
	const json_t *edges = rd_container(rd, root, "edges", 1, &edges_failed);
	size_t n = json_array_size(objects);
	const char **names = calloc(n + 1, sizeof(*names));
	const char **up = calloc(n + 1, sizeof(*up));
	size_t *size = calloc(n + 1, sizeof(*size));
	int r = failed || edges_failed || !names || !up || !size ? -1 : 0;
	struct names graph = { NULL, NULL, NULL, NULL };

	if (!r && !objects)
		r = rd_not_format(rd, "objects", "", "graphviz");
	else if (!failed && !edges_failed && (!names || !up || !size))
		rd_nomem(rd);
	else if (!r)
		clusters(objects, up, size);
	graph.graph = json_string_value(json_object_get(root, "name"));
	if (!r)
		r = relabel(rd, root, &graph) ||
		    rd_set_title(rd, root, "label") ||
		    graphviz_top(rd, root);
	rd->undirected = json_is_false(json_object_get(root, "directed"));
	/* the subgraphs come first among the objects: the clusters are
	 * entities too, drawn as boxes around what stands in them */
	for (size_t i = 0; !r && i < n; i++) {
		const json_t *o = json_array_get(objects, i);
		struct fields f = { o, NULL, { 0 }, 0 };
		json_int_t gvid = json_integer_value(json_object_get(o,
								     "_gvid"));
		const char *name = json_string_value(json_object_get(o, "name"));

		if (!json_is_object(o) || !name ||
		    ((json_object_get(o, "nodes") ||
		      json_object_get(o, "subgraphs")) && !is_cluster(o)))
			continue;
		if (gvid >= 0 && (size_t)gvid < n) {
			names[gvid] = name;
			rd->parent = up[gvid];
		}
		graph.node = name;
		r = graphviz_fields(rd, &f) || relabel(rd, o, &graph) ||
		    rd_element(rd, rd_add_node(rd, name,
					       json_string_value(json_object_get(
						       o, "label")),
					       &f, rd_loc(rd, objects, NULL, i)));
		rd->parent = NULL;
	}
	for (size_t i = 0; !r && edges && i < json_array_size(edges); i++) {
		struct fields f = { json_array_get(edges, i), NULL, { 0 }, 0 };
		const char *ends[2] = { NULL, NULL };
		static const char *const keys[2] = { "tail", "head" };

		for (int k = 0; k < 2; k++) {
			const json_t *v = json_object_get(f.o, keys[k]);
			json_int_t id = json_integer_value(v);

			if (json_is_integer(v) && id >= 0 && (size_t)id < n &&
			    names[id])
				ends[k] = names[id];
		}
		if (!json_is_object(f.o)) {
			r = rd_element(rd, rd_wrong_kind(rd, edges, NULL, i,
						      "an object"));
		} else if (!ends[0] || !ends[1]) {
			const char *key = ends[0] ? "head" : "tail";
			sg_loc loc = rd_loc(rd, f.o, key, 0);

			r = rd_element(rd, sg_fail(rd->err, SG_EUNKNOWN, loc.file,
						loc.line, loc.column,
						"'%s' names no node's _gvid",
						key));
		} else {
			struct names edge = { NULL, graph.graph, ends[0],
					      ends[1] };

			r = graphviz_fields(rd, &f) ||
			    relabel(rd, f.o, &edge) ||
			    rd_element(rd, rd_add_edge(rd, &f, "tail", "head",
						       ends[0], ends[1],
						       rd_loc(rd, edges, NULL,
							      i)));
		}
	}
	free(names);
	free(up);
	free(size);
	return r;
}

static enum rd_sure detect_graphviz(const json_t *doc)
{
	return json_object_get(doc, "objects") ||
			       json_object_get(doc, "_subgraph_cnt") ?
		       RD_LIKELY : RD_NOT;
}

/* (no list of keys: besides its own, the top level holds the graph's
 * Graphviz attributes, which graphviz_top names) */
const struct rd_format rd_graphviz = {
	.name = "graphviz",
	.about = "Graphviz dot -Tjson, -Tjson0, -Tdot_json",
	.detect = detect_graphviz,
	.read = read_graphviz,
};
