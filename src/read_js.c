/* The graph libraries of JavaScript: Cytoscape.js and Graphology (and
 * Gephi's export of it). */
#include <string.h>

#include "read.h"

static int cytoscape_element(struct reader *rd, const json_t *list, size_t i,
			     const char *group)
{
	const json_t *el = json_array_get(list, i);
	const json_t *data = json_object_get(el, "data");
	const char *g = json_string_value(json_object_get(el, "group"));
	struct fields f = { data, NULL, { "source", "target", "id" }, 3 };
	char buf[32];
	const char *id;

	if (!json_is_object(el))
		return rd_wrong_kind(rd, list, NULL, i, "an object");
	if (!json_is_object(data))
		return data ? rd_wrong_kind(rd, el, "data", 0, "an object") :
			      rd_bad_id(rd, el, "data", "element",
				     rd_loc(rd, list, NULL, i));
	if (!group)
		group = g ? g : json_object_get(data, "source") ||
					json_object_get(data, "target") ?
			    "edges" : "nodes";
	if (!strcmp(group, "edges")) {
		f.nused = 2; /* an edge's id is the relation's */
		return rd_read_edge(rd, &f, "source", "target",
				 rd_loc(rd, list, NULL, i));
	}
	id = rd_id_text(json_object_get(data, "id"), buf, sizeof(buf));
	if (!id)
		return rd_bad_id(rd, data, "id", "node", rd_loc(rd, list, NULL, i));
	return rd_add_node(rd, id, NULL, &f, rd_loc(rd, list, NULL, i));
}

static int read_cytoscape(struct reader *rd, const json_t *root)
{
	const json_t *elements = json_object_get(root, "elements");
	static const char *const groups[] = { "nodes", "edges" };

	if (!elements)
		return rd_not_format(rd, "elements", "", "cytoscape");
	if (json_is_array(elements)) {
		for (size_t i = 0; i < json_array_size(elements); i++)
			if (rd_element(rd, cytoscape_element(rd, elements, i,
							  NULL)))
				return -1;
		return 0;
	}
	if (!json_is_object(elements))
		return rd_wrong_kind(rd, root, "elements", 0,
				     "an array or an object of nodes and edges");
	for (size_t k = 0; k < 2; k++) {
		int failed;
		const json_t *list = rd_container(rd, elements, groups[k], 1,
						  &failed);

		if (failed)
			return -1;
		for (size_t i = 0; list && i < json_array_size(list); i++)
			if (rd_element(rd, cytoscape_element(rd, list, i,
							  groups[k])))
				return -1;
	}
	return 0;
}

static int detect_cytoscape(const json_t *doc)
{
	return json_object_get(doc, "elements") ? 2 : 0;
}

const struct rd_format rd_cytoscape = {
	.name = "cytoscape",
	.about = "Cytoscape.js cy.json()",
	.detect = detect_cytoscape,
	.read = read_cytoscape,
};

static int read_graphology(struct reader *rd, const json_t *root)
{
	int failed, edges_failed;
	const json_t *nodes = rd_container(rd, root, "nodes", 1, &failed);
	const json_t *edges = rd_container(rd, root, "edges", 1, &edges_failed);
	const char *type;

	if (!failed && !nodes)
		return rd_not_format(rd, "nodes", "", "graphology");
	if (failed || edges_failed ||
	    rd_set_title(rd, json_object_get(root, "attributes"), "name"))
		return -1;
	type = json_string_value(json_object_get(json_object_get(root,
								 "options"),
						 "type"));
	rd->undirected = type && !strcmp(type, "undirected");
	if (rd_nodes(rd, nodes, "key", "attributes"))
		return -1;
	return rd_edges(rd, edges, "attributes", (const char *const[]){
		"source", "target", "attributes", "undirected" }, 4);
}


/* Graphology's nodes carry "key"s (node-link's carry "id"s). */
static int detect_graphology(const json_t *doc)
{
	return json_object_get(doc, "options") ||
			       json_object_get(rd_first(doc, "nodes"), "key") ?
		       3 : 0;
}

const struct rd_format rd_graphology = {
	.name = "graphology",
	.about = "Graphology export(), Gephi Lite",
	.detect = detect_graphology,
	.read = read_graphology,
};
