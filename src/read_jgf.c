/* JSON Graph Format, versions 1 and 2 (jsongraphformat.info). */
#include <stdio.h>
#include <string.h>

#include "read.h"

static int jgf_node(struct reader *rd, const json_t *parent, const char *key,
		    size_t i, const char *id, const json_t *node)
{
	struct fields f = { .o = node, .used = { "id", "metadata" },
			    .nused = 2 };
	const char *label = json_string_value(json_object_get(node, "label"));

	if (!json_is_object(node))
		return rd_wrong_kind(rd, parent, key, i, "an object");
	/* (a label of another kind is no name: an attribute, not lost) */
	if (label)
		f.used[f.nused++] = "label";
	return rd_attributes(rd, &f, "metadata") ||
	       rd_add_node(rd, id, label, &f, rd_loc(rd, parent, key, i));
}

/* What a graph holds that jgf_graph reads itself. */
static const char *const jgf_graph_keys[] = { "nodes", "edges", "hyperedges",
					      "directed", NULL };

/* The ends of hyperedge he on one side (key), each joined to the
 * hyperedge's entity hid: from it (out), else to it. */
static int jgf_joins(struct reader *rd, const json_t *he, const char *key,
		     const char *hid, int out, int undirected)
{
	const json_t *ends = json_object_get(he, key);
	char buf[32];

	if (!json_is_array(ends))
		return rd_wrong_kind(rd, he, key, 0, "a list of node ids");
	for (size_t i = 0; i < json_array_size(ends); i++) {
		struct fields f = { .o = NULL };
		sg_relation rel = { 0 };
		const char *end = rd_id_text(json_array_get(ends, i), buf,
					     sizeof(buf));

		if (!end) {
			if (rd_element(rd, rd_wrong_kind(rd, ends, NULL, i,
							 "a node's id")))
				return -1;
			continue;
		}
		rel.from_ref = out ? hid : end;
		rel.to_ref = out ? end : hid;
		rel.type = SG_UNTYPED;
		rel.undirected = (bool)undirected;
		rel.loc = rd_loc(rd, ends, NULL, i);
		if (rd_add_relation(rd, &f, &rel, NULL))
			return -1;
	}
	return 0;
}

/*
 * A hyperedge of JGF 2 (nodes, or source and target: lists of node ids)
 * is an entity of its own, typed by its relation ("hyperedge" without
 * one), named by its label or relation ("hyperedge 1" without either:
 * its id would be drawn), its metadata attributes, joined
 * by an untyped relation to each of its nodes: undirected, or from each
 * source and to each target. (A relation has two ends, and a box can not
 * hold a node that is in several hyperedges.) Without an id, its id is
 * where it stands, as JSON Pointer ("/graph/hyperedges/0"), unique in
 * its file.
 */
static int jgf_hyperedge(struct reader *rd, const json_t *graphs, size_t g,
			 const json_t *list, size_t i)
{
	const json_t *he = json_array_get(list, i);
	struct fields f = { .o = he, .used = { "metadata" }, .nused = 1 };
	struct rd_said said = { .name_said = 1, .type_said = 1 };
	sg_loc loc = rd_loc(rd, list, NULL, i);
	const char *relation;
	char ibuf[32], where[64], name[32];
	const char *id;
	int directed;

	if (!json_is_object(he))
		return rd_wrong_kind(rd, list, NULL, i, "an object");
	/* (what is not text is kept as an attribute) */
	id = rd_id_text(json_object_get(he, "id"), ibuf, sizeof(ibuf));
	if (id) {
		f.used[f.nused++] = "id";
	} else {
		if (graphs)
			snprintf(where, sizeof(where),
				 "/graphs/%zu/hyperedges/%zu", g, i);
		else
			snprintf(where, sizeof(where), "/graph/hyperedges/%zu",
				 i);
		id = where;
	}
	if ((relation = json_string_value(json_object_get(he, "relation"))))
		f.used[f.nused++] = "relation";
	if ((said.name = json_string_value(json_object_get(he, "label")))) {
		f.used[f.nused++] = "label";
	} else if (!(said.name = relation)) {
		/* (counted as a reader counts, where the id counts from 0) */
		snprintf(name, sizeof(name), "hyperedge %zu", i + 1);
		said.name = name;
	}
	said.type = relation ? relation : "hyperedge";
	directed = json_object_get(he, "source") || json_object_get(he, "target");
	/* (the other kind's list, beside one, is kept as an attribute) */
	if (directed) {
		f.used[f.nused++] = "source";
		f.used[f.nused++] = "target";
	} else {
		f.used[f.nused++] = "nodes";
	}
	if (rd_attributes(rd, &f, "metadata") ||
	    rd_add_entity(rd, id, &said, &f, loc))
		return -1;
	return directed ? jgf_joins(rd, he, "source", id, 0, 0) ||
				  jgf_joins(rd, he, "target", id, 1, 0) :
			  jgf_joins(rd, he, "nodes", id, 1, 1);
}

/* graphs[g], or when graphs is NULL parent["graph"]. */
static int jgf_graph(struct reader *rd, const json_t *parent,
		     const json_t *graphs, size_t g, const json_t *graph)
{
	int failed;
	const json_t *nodes, *edges, *hyperedges;
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
	if (rd_edges(rd, edges, "metadata", (const char *const[]){
		"source", "target", "directed", "metadata" }, 4))
		return -1;
	hyperedges = rd_container(rd, graph, "hyperedges", 1, &failed);
	for (size_t i = 0; !failed && i < json_array_size(hyperedges); i++)
		if (rd_element(rd, jgf_hyperedge(rd, graphs, g, hyperedges, i)))
			return -1;
	return failed ? -1 : 0;
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
