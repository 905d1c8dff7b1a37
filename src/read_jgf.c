/* JSON Graph Format, versions 1 and 2 (jsongraphformat.info). */
#include <string.h>

#include "read.h"

static int jgf_node(struct reader *rd, const json_t *parent, const char *key,
		    size_t i, const char *id, const json_t *node)
{
	struct fields f = { .o = node,
			    .used = { "id", "label", "metadata" },
			    .nused = 3 };

	if (!json_is_object(node))
		return rd_wrong_kind(rd, parent, key, i, "an object");
	return rd_attributes(rd, &f, "metadata") ||
	       rd_add_node(rd, id, json_string_value(json_object_get(node,
								   "label")),
			&f, rd_loc(rd, parent, key, i));
}

/* What a graph holds that jgf_graph reads itself. */
static const char *const jgf_graph_keys[] = { "nodes", "edges", "directed",
					      NULL };

/* graphs[g], or when graphs is NULL parent["graph"]. */
static int jgf_graph(struct reader *rd, const json_t *parent,
		     const json_t *graphs, size_t g, const json_t *graph)
{
	int failed;
	const json_t *nodes, *edges;
	char buf[32];

	if (!json_is_object(graph))
		return rd_wrong_kind(rd, parent, graphs ? NULL : "graph", g,
				     "an object");
	nodes = json_object_get(graph, "nodes");
	rd->undirected = json_is_false(json_object_get(graph, "directed"));
	edges = rd_container(rd, graph, "edges", 1, &failed);
	if (failed || rd_graph_attrs(rd, graph, NULL, "label", jgf_graph_keys))
		return -1;
	if (nodes && !json_is_array(nodes) && !json_is_object(nodes))
		return rd_wrong_kind(rd, graph, "nodes", 0,
				     "an array (JGF 1) or an object (JGF 2)");
	if (json_is_object(nodes)) {
		const char *id;
		const json_t *node;

		json_object_foreach((json_t *)nodes, id, node)
			if (rd_element(rd, jgf_node(rd, nodes, id, 0, id, node)))
				return -1;
	}
	for (size_t i = 0; json_is_array(nodes) && i < json_array_size(nodes);
	     i++) {
		const json_t *node = json_array_get(nodes, i);
		const char *id = rd_id_text(json_object_get(node, "id"), buf,
					 sizeof(buf));
		int r = !json_is_object(node) ?
				rd_wrong_kind(rd, nodes, NULL, i, "an object") :
			!id ? rd_bad_id(rd, node, "id", "node",
				     rd_loc(rd, nodes, NULL, i)) :
			      jgf_node(rd, nodes, NULL, i, id, node);

		if (rd_element(rd, r))
			return -1;
	}
	return rd_edges(rd, edges, "metadata", (const char *const[]){
		"source", "target", "directed", "metadata" }, 4);
}

/* "graphs", or a "graph" that holds nodes or edges (scograph's own "graph"
 * holds a title). */
static enum rd_sure detect_jgf(const json_t *doc)
{
	const json_t *graph = json_object_get(doc, "graph");

	return json_object_get(doc, "graphs") ||
			       (json_is_object(graph) &&
				(json_object_get(graph, "nodes") ||
				 json_object_get(graph, "edges"))) ?
		       RD_LIKELY : RD_NOT;
}

static int read_jgf(struct reader *rd, const json_t *root)
{
	int failed;
	const json_t *graphs = rd_container(rd, root, "graphs", 1, &failed);
	const json_t *graph = json_object_get(root, "graph");

	if (failed)
		return -1;
	if (!graphs && !graph)
		return rd_not_format(rd, "graph", "", "jgf");
	if (!graphs && json_is_object(graph) && !detect_jgf(root))
		return rd_not_format(rd, "nodes", " in 'graph'", "jgf");
	if (!graphs)
		return jgf_graph(rd, root, NULL, 0, graph);
	for (size_t i = 0; i < json_array_size(graphs); i++)
		if (jgf_graph(rd, graphs, graphs, i,
			      json_array_get(graphs, i)))
			return -1;
	return 0;
}


static const char *const jgf_keys[] = {
	"graph", "graphs", NULL
};

const struct rd_format rd_jgf = {
	.name = "jgf",
	.about = "JSON Graph Format 1 and 2",
	.detect = detect_jgf,
	.read = read_jgf,
	.keys = jgf_keys,
};
