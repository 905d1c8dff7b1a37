/* node-link: D3's examples and networkx's node_link_data. */
#include <stdio.h>
#include <string.h>

#include "read.h"

/* The id that the link end f->o[key] names: an id, or where the nodes have
 * no integer ids, an index into them (networkx 1.x); NULL with the error. */
static const char *link_end(struct reader *rd, struct fields *f,
			    const char *key, const json_t *nodes, int indexes,
			    sg_loc at, char *buf, size_t size)
{
	const json_t *end = json_object_get(f->o, key);
	json_int_t n = json_integer_value(end);
	const char *id;

	if (indexes && json_is_integer(end)) {
		if (n >= 0 && (size_t)n < json_array_size(nodes)) {
			id = rd_id_text(json_object_get(
					     json_array_get(nodes, (size_t)n),
					     "id"), buf, size);
			if (id)
				return id;
		}
		sg_loc loc = rd_loc(rd, f->o, key, 0);

		sg_fail(rd->err, SG_EUNKNOWN, loc.file, loc.line, loc.column,
			"node index %" JSON_INTEGER_FORMAT " out of range: "
			"there are %zu nodes", n, json_array_size(nodes));
		return NULL;
	}
	id = rd_id_text(end, buf, size);
	if (!id)
		rd_bad_id(rd, f->o, key, "link", at);
	return id;
}

static int read_node_link(struct reader *rd, const json_t *root)
{
	int failed, links_failed;
	const json_t *nodes = rd_container(rd, root, "nodes", 1, &failed);
	const char *links_key = json_object_get(root, "links") ? "links" :
								 "edges";
	const json_t *links = rd_container(rd, root, links_key, 1,
					   &links_failed);
	int indexes = 1;
	char fbuf[32], tbuf[32];

	if (!failed && !nodes)
		return rd_not_format(rd, "nodes", "", "node-link");
	if (failed || links_failed ||
	    rd_set_title(rd, json_object_get(root, "graph"), "name"))
		return -1;
	if (!links && sg_graph_warn(rd->g, SG_WNORELATIONS,
				    rd_loc(rd, root, "nodes", 0),
				    "nodes but neither 'links' nor 'edges': "
				    "the graph has no relations"))
		return rd_nomem(rd);
	rd->undirected = json_is_false(json_object_get(root, "directed"));
	if (rd_nodes(rd, nodes, "id", NULL))
		return -1;
	/* integer ids in the nodes: integer ends are ids, not indexes */
	for (size_t i = 0; nodes && i < json_array_size(nodes); i++)
		indexes &= !json_is_integer(json_object_get(
			json_array_get(nodes, i), "id"));
	for (size_t i = 0; links && i < json_array_size(links); i++) {
		struct fields f = { json_array_get(links, i), NULL,
				    { "source", "target", "key" }, 3 };
		const char *from, *to;
		int r;

		if (!json_is_object(f.o))
			r = rd_wrong_kind(rd, links, NULL, i, "an object");
		else if (!(from = link_end(rd, &f, "source", nodes, indexes,
					   rd_loc(rd, links, NULL, i), fbuf,
					   sizeof(fbuf))) ||
			 !(to = link_end(rd, &f, "target", nodes, indexes,
					 rd_loc(rd, links, NULL, i), tbuf,
					 sizeof(tbuf))))
			r = -1;
		else
			r = rd_add_edge(rd, &f, "source", "target", from, to,
				     rd_loc(rd, links, NULL, i));
		if (rd_element(rd, r))
			return -1;
	}
	return 0;
}


/* Lists of nodes with ids, of links, or of edges: other formats have these
 * too, and tell themselves apart by what they hold. */
static int detect_node_link(const json_t *doc)
{
	if (json_object_get(rd_first(doc, "nodes"), "id") ||
	    json_object_get(doc, "links"))
		return 2;
	return json_object_get(doc, "nodes") || json_object_get(doc, "edges");
}

const struct rd_format rd_node_link = {
	.name = "node-link",
	.about = "D3, networkx node_link_data",
	.detect = detect_node_link,
	.read = read_node_link,
};
