/* Graphviz's JSON: dot -Tjson, -Tjson0, -Tdot_json. */
#include <stdlib.h>
#include <string.h>

#include "read.h"

/* What Graphviz adds of its own: layout and drawing, and structure. */
static const char *const graphviz_skip[] = {
	"_gvid", "name", "label", "nodes", "edges", "subgraphs", "tail",
	"head", "pos", "width", "height", "bb", "lp", "xlp", "head_lp",
	"tail_lp", "_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_",
	"_tldraw_",
};

static int read_graphviz(struct reader *rd, const json_t *root)
{
	int failed, edges_failed;
	const json_t *objects = rd_container(rd, root, "objects", 1, &failed);
	const json_t *edges = rd_container(rd, root, "edges", 1, &edges_failed);
	size_t n = json_array_size(objects);
	const char **names = calloc(n + 1, sizeof(*names));
	int r = failed || edges_failed || !names ? -1 : 0;

	if (!failed && !objects) {
		free(names);
		return rd_not_format(rd, "objects", "", "graphviz");
	}
	if (!names && !failed && !edges_failed)
		rd_nomem(rd);
	if (!r)
		r = rd_set_title(rd, root, "label");
	rd->undirected = json_is_false(json_object_get(root, "directed"));
	/* subgraphs come first among the objects, and hold no node */
	for (size_t i = 0; !r && i < n; i++) {
		const json_t *o = json_array_get(objects, i);
		struct fields f = { o, NULL, { 0 }, 0 };
		json_int_t gvid = json_integer_value(json_object_get(o,
								     "_gvid"));
		const char *name = json_string_value(json_object_get(o, "name"));

		if (!json_is_object(o) || json_object_get(o, "nodes") ||
		    json_object_get(o, "subgraphs") || !name)
			continue;
		if (gvid >= 0 && (size_t)gvid < n)
			names[gvid] = name;
		memcpy(f.used, graphviz_skip, sizeof(graphviz_skip));
		f.nused = SG_ARRAY_SIZE(graphviz_skip);
		r = rd_element(rd, rd_add_node(rd, name,
					 json_string_value(json_object_get(o,
									   "label")),
					 &f, rd_loc(rd, objects, NULL, i)));
	}
	for (size_t i = 0; !r && edges && i < json_array_size(edges); i++) {
		struct fields f = { json_array_get(edges, i), NULL, { 0 }, 0 };
		const char *ends[2] = { NULL, NULL };
		static const char *const keys[2] = { "tail", "head" };

		memcpy(f.used, graphviz_skip, sizeof(graphviz_skip));
		f.nused = SG_ARRAY_SIZE(graphviz_skip);
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
			r = rd_element(rd, rd_add_edge(rd, &f, "tail", "head", ends[0],
						 ends[1],
						 rd_loc(rd, edges, NULL, i)));
		}
	}
	free(names);
	return r;
}

static int detect_graphviz(const json_t *doc)
{
	return json_object_get(doc, "objects") ||
			       json_object_get(doc, "_subgraph_cnt") ?
		       2 : 0;
}

const struct rd_format rd_graphviz = {
	.name = "graphviz",
	.about = "Graphviz dot -Tjson, -Tjson0, -Tdot_json",
	.detect = detect_graphviz,
	.read = read_graphviz,
};
