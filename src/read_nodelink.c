/* node-link (D3's examples, networkx's node_link_data) and networkx's other
 * JSON: adjacency_data and tree_data. */
#include <stdio.h>
#include <string.h>

#include "read.h"

#define ID_SIZE 64 /* room for an id as text: an integer, a short tuple */

/*
 * How a node-link document names its nodes: by the member id of each node,
 * or where no node has one (D3 version 3's data sets), by its place in the
 * list; and the keys of a link's ends: "source" and "target", or
 * networkx's "from" and "to" (node_link_data(G, source="from", ...)).
 * Integer ends are places in the list unless the nodes have integer ids.
 */
struct naming {
	const char *id, *source, *target;
	int indexes;
};

static struct naming naming(const json_t *nodes, const json_t *links)
{
	static const char *const ends[][2] = { { "source", "target" },
					       { "from", "to" } };
	static const char *const ids[] = { "id", "name", "key" };
	const json_t *link = json_array_get(links, 0);
	struct naming n = { NULL, "source", "target", 1 };
	size_t i, k;

	for (k = 0; k < SG_ARRAY_SIZE(ends); k++)
		if (json_object_get(link, ends[k][0])) {
			n.source = ends[k][0];
			n.target = ends[k][1];
			break;
		}
	/* "id", or networkx's name="..." when the links name nodes by it */
	for (k = 0; k < SG_ARRAY_SIZE(ids) && !n.id; k++)
		for (i = 0; i < json_array_size(nodes) && !n.id; i++)
			if (json_object_get(json_array_get(nodes, i), ids[k]) &&
			    (!k || json_is_string(json_object_get(link,
								  n.source))))
				n.id = ids[k];
	for (i = 0; n.id && i < json_array_size(nodes); i++)
		n.indexes &= !json_is_integer(json_object_get(
			json_array_get(nodes, i), n.id));
	return n;
}

/* The id of nodes[i] under n, into buf; NULL when it has none. */
static const char *node_id(const struct naming *n, const json_t *nodes,
			   size_t i, char *buf)
{
	if (!n->id) {
		snprintf(buf, ID_SIZE, "%zu", i);
		return buf;
	}
	return rd_id_text(json_object_get(json_array_get(nodes, i), n->id),
			  buf, ID_SIZE);
}

/* The id that the link end f->o[key] names; NULL with the error. */
static const char *link_end(struct reader *rd, struct fields *f,
			    const char *key, const json_t *nodes,
			    const struct naming *n, sg_loc at, char *buf)
{
	const json_t *end = json_object_get(f->o, key);
	json_int_t i = json_integer_value(end);
	const char *id;

	if (n->indexes && json_is_integer(end)) {
		if (i >= 0 && (size_t)i < json_array_size(nodes) &&
		    (id = node_id(n, nodes, (size_t)i, buf)))
			return id;
		sg_loc loc = rd_loc(rd, f->o, key, 0);

		sg_fail(rd->err, SG_EUNKNOWN, loc.file, loc.line, loc.column,
			"node index %" JSON_INTEGER_FORMAT " out of range: "
			"there are %zu nodes", i, json_array_size(nodes));
		return NULL;
	}
	id = rd_id_text(end, buf, ID_SIZE);
	if (!id)
		rd_bad_id(rd, f->o, key, "link", at);
	return id;
}

/* The document-wide parts networkx writes: direction and the title. */
static int graph_part(struct reader *rd, const json_t *root)
{
	rd->undirected = json_is_false(json_object_get(root, "directed"));
	return rd_graph_attrs(rd, root, "graph", "name", NULL);
}

static int read_nodes(struct reader *rd, const json_t *nodes,
		      const struct naming *n)
{
	char buf[ID_SIZE];

	for (size_t i = 0; i < json_array_size(nodes); i++) {
		struct fields f = { .o = json_array_get(nodes, i),
				    .used = { n->id },
				    .nused = n->id ? 1 : 0 };
		const char *id = node_id(n, nodes, i, buf);
		sg_loc loc = rd_loc(rd, nodes, NULL, i);
		int r = !json_is_object(f.o) ?
				rd_wrong_kind(rd, nodes, NULL, i, "an object") :
			!id ? rd_bad_id(rd, f.o, n->id, "node", loc) :
			      rd_add_node(rd, id, NULL, &f, loc);

		if (rd_element(rd, r))
			return -1;
	}
	return 0;
}

static int read_node_link(struct reader *rd, const json_t *root)
{
	int failed, links_failed;
	const json_t *nodes = rd_container(rd, root, "nodes", 1, &failed);
	const char *links_key = json_object_get(root, "links") ? "links" :
								 "edges";
	const json_t *links = rd_container(rd, root, links_key, 1,
					   &links_failed);
	struct naming n = naming(nodes, links);
	char fbuf[ID_SIZE], tbuf[ID_SIZE];

	if (!failed && !nodes)
		return rd_not_format(rd, "nodes", "", "node-link");
	if (failed || links_failed || graph_part(rd, root))
		return -1;
	if (!links && sg_graph_warn(rd->g, SG_WNORELATIONS,
				    rd_loc(rd, root, "nodes", 0),
				    "nodes but neither 'links' nor 'edges': "
				    "the graph has no relations"))
		return rd_nomem(rd);
	if (read_nodes(rd, nodes, &n))
		return -1;
	for (size_t i = 0; links && i < json_array_size(links); i++) {
		struct fields f = { .o = json_array_get(links, i),
				    .used = { n.source, n.target },
				    .nused = 2 };
		sg_loc at = rd_loc(rd, links, NULL, i);
		const char *from, *to;
		int r;

		if (!json_is_object(f.o))
			r = rd_wrong_kind(rd, links, NULL, i, "an object");
		else if (!(from = link_end(rd, &f, n.source, nodes, &n, at,
					   fbuf)) ||
			 !(to = link_end(rd, &f, n.target, nodes, &n, at,
					 tbuf)))
			r = -1;
		else
			r = rd_add_edge(rd, &f, n.source, n.target, from, to,
					at);
		if (rd_element(rd, r))
			return -1;
	}
	return 0;
}

/* Lists of nodes with ids, of links, or of edges: other formats have these
 * too, and tell themselves apart by what they hold. networkx writes
 * "multigraph" beside them (and beside its adjacency data's lists),
 * whatever it names the ends (vis's "from" and "to" too). */
static enum rd_sure detect_node_link(const json_t *doc)
{
	if (json_object_get(doc, "multigraph") &&
	    !json_object_get(doc, "adjacency") &&
	    json_is_array(json_object_get(doc, "nodes")))
		return RD_SURE;
	if (json_object_get(rd_first(doc, "nodes"), "id") ||
	    json_object_get(doc, "links"))
		return RD_LIKELY;
	return json_object_get(doc, "nodes") || json_object_get(doc, "edges") ?
		       RD_MAYBE : RD_NOT;
}

static const char *const node_link_keys[] = {
	"nodes", "links", "edges", "directed", "multigraph", "graph", NULL
};

const struct rd_format rd_node_link = {
	.name = "node-link",
	.about = "D3, networkx node_link_data",
	.detect = detect_node_link,
	.read = read_node_link,
	.keys = node_link_keys,
};

/* ---- networkx's adjacency_data ---- */

/* The entity a node id names, as an index into the graph's. */
static int64_t entity(struct reader *rd, const char *id)
{
	return sg_map_get(&rd->g->by_id, id);
}

/* adjacency[i] lists the neighbours of nodes[i], each an object with the
 * neighbour's "id" and the edge's attributes. */
static int read_adjacency(struct reader *rd, const json_t *root)
{
	static const struct naming n = { "id", "source", "target", 0 };
	int failed, adj_failed;
	const json_t *nodes = rd_container(rd, root, "nodes", 1, &failed);
	const json_t *adjacency = rd_container(rd, root, "adjacency", 1,
					       &adj_failed);
	char fbuf[ID_SIZE], tbuf[ID_SIZE];

	if (!failed && !adj_failed && !adjacency)
		return rd_not_format(rd, "adjacency", "", "nx-adjacency");
	if (failed || adj_failed || graph_part(rd, root) ||
	    read_nodes(rd, nodes, &n))
		return -1;
	for (size_t i = 0; i < json_array_size(adjacency); i++) {
		const json_t *list = json_array_get(adjacency, i);
		const char *from = node_id(&n, nodes, i, fbuf);
		sg_loc loc = rd_loc(rd, adjacency, NULL, i);
		int r = 0;

		if (!json_is_array(list))
			r = rd_wrong_kind(rd, adjacency, NULL, i,
					  "a list of neighbours");
		else if (!from)
			r = sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
				    loc.column, "'adjacency' has more lists "
				    "than 'nodes' has nodes (%zu)",
				    json_array_size(nodes));
		if (rd_element(rd, r))
			return -1;
		for (size_t k = 0; !r && k < json_array_size(list); k++) {
			struct fields f = { .o = json_array_get(list, k),
					    .used = { "id" },
					    .nused = 1 };
			sg_loc at = rd_loc(rd, list, NULL, k);
			const char *to = rd_id_text(json_object_get(f.o, "id"),
						    tbuf, sizeof(tbuf));

			if (!json_is_object(f.o))
				r = rd_wrong_kind(rd, list, NULL, k,
						  "an object");
			else if (!to)
				r = rd_bad_id(rd, f.o, "id", "neighbour", at);
			/* an undirected edge is listed at both its ends:
			 * it is read at the one that comes first */
			else if (!rd->undirected || entity(rd, to) < 0 ||
				 entity(rd, to) >= entity(rd, from))
				r = rd_add_edge(rd, &f, "id", "id", from, to,
						at);
			if (rd_element(rd, r))
				return -1;
			r = 0;
		}
	}
	return 0;
}

static enum rd_sure detect_adjacency(const json_t *doc)
{
	return json_object_get(doc, "adjacency") ? RD_SURE : RD_NOT;
}

static const char *const nx_adjacency_keys[] = {
	"nodes", "adjacency", "directed", "multigraph", "graph", NULL
};

const struct rd_format rd_nx_adjacency = {
	.name = "nx-adjacency",
	.about = "networkx adjacency_data",
	.detect = detect_adjacency,
	.read = read_adjacency,
	.keys = nx_adjacency_keys,
};

/* ---- networkx's tree_data ---- */

/* Reads node, parent[index] (the root: parent NULL), and below it its
 * children, each with a relation from node (whose id is up). Jansson
 * parses no deeper than 2048 levels, which bounds the recursion. */
static int read_tree(struct reader *rd, const json_t *parent, size_t index,
		     const json_t *node, const char *up)
{
	struct fields f = { .o = node,
			    .used = { "id", "children" },
			    .nused = 2 };
	struct fields edge = { .o = NULL };
	sg_loc loc = rd_loc(rd, parent, NULL, index);
	const json_t *children;
	char buf[ID_SIZE];
	const char *id;
	int failed;

	if (!json_is_object(node))
		return rd_wrong_kind(rd, parent, NULL, index, "an object");
	if (!(id = rd_id_text(json_object_get(node, "id"), buf, sizeof(buf))))
		return rd_bad_id(rd, node, "id", "node", loc);
	children = rd_container(rd, node, "children", 1, &failed);
	if (failed || rd_add_node(rd, id, NULL, &f, loc) ||
	    (up && rd_add_edge(rd, &edge, NULL, NULL, up, id, loc)))
		return -1;
	for (size_t i = 0; i < json_array_size(children); i++)
		if (rd_element(rd, read_tree(rd, children, i,
					     json_array_get(children, i), id)))
			return -1;
	return 0;
}

static int read_nx_tree(struct reader *rd, const json_t *root)
{
	return read_tree(rd, NULL, 0, root, NULL);
}

/* A root node: an "id" and its "children" (ELK's graphs have them too,
 * and what else only ELK writes). */
static enum rd_sure detect_tree(const json_t *doc)
{
	return json_object_get(doc, "children") &&
			       json_object_get(doc, "id") ?
		       RD_LIKELY : RD_NOT;
}

const struct rd_format rd_nx_tree = {
	.name = "nx-tree",
	.about = "networkx tree_data",
	.detect = detect_tree,
	.read = read_nx_tree,
};
