/*
 * python-igraph's graphs as its users dump them to JSON: to_dict_list's
 * vertices and edges (a pair of lists, or an object of the two), and
 * to_tuple_list's or get_edgelist's edges alone. None says whether the
 * graph is directed: its edges are read as written, from source to
 * target, unless an object of the two says "directed": false.
 */
#include <stdio.h>
#include <string.h>

#include "read.h"

#define IG_ID 64

/* Whether v is an end as igraph writes one: a vertex's index, or with
 * use_vids=False its name. */
static int is_end(const json_t *v)
{
	return json_is_integer(v) ||
	       (json_is_string(v) && json_string_length(v));
}

/*
 * to_dict_list's vertices: objects of their attributes, named by their
 * place in the list, or (use_vids=False, where edges name their ends)
 * by their "name". An edge names its ends as the vertices are named.
 */
static int dict_list(struct reader *rd, const json_t *vertices,
		     const json_t *edges)
{
	static const char *const ends[] = { "source", "target" };
	int by_name = json_is_string(json_object_get(json_array_get(edges, 0),
						     "source"));
	char buf[IG_ID];

	for (size_t i = 0; i < json_array_size(vertices); i++) {
		struct fields f = { .o = json_array_get(vertices, i),
				    .used = { "name" },
				    .nused = by_name };
		sg_loc loc = rd_loc(rd, vertices, NULL, i);
		const char *id = buf;
		int r;

		snprintf(buf, sizeof(buf), "%zu", i);
		if (by_name)
			id = rd_id_text(json_object_get(f.o, "name"), buf,
					sizeof(buf));
		r = !json_is_object(f.o) ?
			    rd_wrong_kind(rd, vertices, NULL, i,
					  "an object (a vertex)") :
		    !id ? rd_bad_id(rd, f.o, "name", "vertex", loc) :
			  rd_add_node(rd, id, NULL, &f, loc);
		if (rd_element(rd, r))
			return -1;
	}
	return rd_edges(rd, edges, NULL, ends, SG_ARRAY_SIZE(ends));
}

/*
 * to_tuple_list's edges: [source, target, attribute, ...], the
 * attributes those asked for by edge_attrs, whose names the list does not
 * keep: they are "attr1", "attr2" ... in order. Its vertices are those the
 * edges name.
 */
static int tuple(struct reader *rd, const json_t *list, size_t i,
		 const json_t *t)
{
	static const char *const names[] = { "attr1", "attr2", "attr3",
					     "attr4", "attr5", "attr6" };
	char ends[2][IG_ID];
	const char *id[2];
	sg_relation rel = { 0 };
	int r = 0;

	rel.loc = rd_loc(rd, list, NULL, i);
	if (!json_is_array(t) || json_array_size(t) < 2)
		return rd_wrong_kind(rd, list, NULL, i,
				     "a list [source, target, ...]");
	if (json_array_size(t) > 2 + SG_ARRAY_SIZE(names))
		return sg_fail(rd->err, SG_ESHAPE, rel.loc.file, rel.loc.line,
			       rel.loc.column, "an edge of %zu attributes: "
			       "scograph reads up to %zu",
			       json_array_size(t) - 2, SG_ARRAY_SIZE(names));
	for (size_t k = 0; k < 2; k++) {
		sg_entity e = { 0 };

		if (!is_end(json_array_get(t, k)) ||
		    !(id[k] = rd_id_text(json_array_get(t, k), ends[k],
					 IG_ID)))
			return rd_wrong_kind(rd, t, NULL, k, "a vertex (an "
					     "index or a name)");
		e.id = id[k];
		e.loc = rd_loc(rd, t, NULL, k);
		if (sg_map_get(&rd->g->by_id, e.id) < 0 &&
		    sg_graph_add_entity(rd->g, &e, rd->err))
			return -1;
	}
	for (size_t k = 2; !r && k < json_array_size(t); k++)
		r = rd_attr(rd, &rel.attrs, names[k - 2],
			    json_array_get(t, k));
	rel.from_ref = id[0];
	rel.to_ref = id[1];
	rel.type = SG_UNTYPED;
	r = r || sg_graph_add_relation_at(rd->g, &rel, &(sg_places){
		sg_pos_of(rd_loc(rd, t, NULL, 0)),
		sg_pos_of(rd_loc(rd, t, NULL, 1)), sg_pos_of(rel.loc) }, rd->err);
	rd_attrs_release(&rel.attrs);
	return r;
}

/* Fails: part (vertices, edges) of a dump is not a list. */
static int not_list(struct reader *rd, const json_t *parent, const char *key,
		    size_t index, const char *part)
{
	sg_loc loc = rd_loc(rd, parent, key, index);

	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "igraph's %s must be a list", part);
}

static int read_igraph(struct reader *rd, const json_t *root)
{
	const json_t *first = json_array_get(root, 0);
	const json_t *vertices, *edges;

	if (json_is_object(root)) {
		vertices = json_object_get(root, "vertices");
		edges = json_object_get(root, "edges");
		rd->undirected = json_is_false(json_object_get(root,
							       "directed"));
		if (!json_is_array(vertices))
			return vertices ? not_list(rd, root, "vertices", 0,
						   "vertices") :
					  rd_not_format(rd, "vertices", "",
							"igraph");
		if (edges && !json_is_array(edges))
			return not_list(rd, root, "edges", 0, "edges");
		return dict_list(rd, vertices, edges);
	}
	/* to_dict_list's pair, or a list of edges */
	if (json_array_size(root) == 2 && json_is_array(first) &&
	    (!json_array_size(first) ||
	     json_is_object(json_array_get(first, 0)))) {
		if (!json_is_array(json_array_get(root, 1)))
			return not_list(rd, root, NULL, 1, "edges");
		return dict_list(rd, first, json_array_get(root, 1));
	}
	for (size_t i = 0; i < json_array_size(root); i++)
		if (rd_element(rd, tuple(rd, root, i, json_array_get(root, i))))
			return -1;
	return 0;
}

/* A pair of a list of objects and a list; a list of pairs of ends; or
 * vertices beside edges from source to target. */
static enum rd_sure detect_igraph(const json_t *doc)
{
	const json_t *first = json_array_get(doc, 0);
	const json_t *edge = rd_first(doc, "edges");

	if (json_is_object(doc))
		return json_is_array(json_object_get(doc, "vertices")) &&
				       json_object_get(edge, "source") &&
				       json_object_get(edge, "target") ?
			       RD_LIKELY : RD_NOT;
	if (json_is_array(first) && !json_array_size(first))
		return RD_LIKELY;
	if (json_is_object(json_array_get(first, 0)))
		return RD_LIKELY;
	return json_array_size(first) >= 2 &&
			       is_end(json_array_get(first, 0)) &&
			       is_end(json_array_get(first, 1)) ?
		       RD_LIKELY : RD_NOT;
}

static const char *const igraph_keys[] = {
	"vertices", "edges", "directed", NULL
};

const struct rd_format rd_igraph = {
	.keys = igraph_keys,
	.name = "igraph",
	.about = "python-igraph to_dict_list, to_tuple_list, get_edgelist",
	.detect = detect_igraph,
	.read = read_igraph,
	.arrays = 1,
};
