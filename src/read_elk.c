/*
 * ELK JSON, the Eclipse Layout Kernel's graphs as elkjs takes and lays
 * them out: nodes nest in their parents' "children" (drawn inside them, as
 * boxes), and edges, at any level, join "sources" to "targets" (or ELK's
 * older "source" and "target"), each a node or a port of one; the first of
 * a node's or an edge's "labels" is the text drawn for it.
 */
#include <stdlib.h>
#include <string.h>

#include "read.h"

#define ID_SIZE 64

/* A layout's geometry and options (and "$H", elkjs's count of the objects
 * it made): what ELK draws with, not the graph. */
#define LAYOUT "x", "y", "width", "height", "layoutOptions", "properties", \
	"$H"

static const char *const layout[] = { LAYOUT, NULL };

/* An element's labels (the first, its text): their layout hints, and
 * anything else named, the text of a later label, or a first that is no
 * text, too. */
static int labels(struct reader *rd, const json_t *o)
{
	static const char *const own[] = { "text", "id", NULL };
	const json_t *list = json_object_get(o, "labels");

	for (size_t i = 0; i < json_array_size(list); i++) {
		const json_t *l = json_array_get(list, i);
		int drawn = !i && json_is_string(json_object_get(l, "text"));

		if (rd_other_keys(rd, l, drawn ? own : own + 1, layout,
				  "labels"))
			return -1;
	}
	return 0;
}

/* What an element holds besides its graph: its layout (and an edge's
 * route), hints, and its labels'. */
static int drawn(struct reader *rd, const json_t *o)
{
	static const char *const route[] = { "sections", "junctionPoints",
		NULL };

	return rd_hints_of(rd, o, layout) || rd_hints_of(rd, o, route) ||
	       labels(rd, o);
}

/* The ports seen, each to the node it is on: an edge may end at either. */
struct ports {
	sg_map index;       /* port id -> its entry in nodes */
	const char **nodes; /* interned */
	size_t n, alloc;
};

/* The text of o's first label, or NULL. */
static const char *label(const json_t *o)
{
	const json_t *first = json_array_get(json_object_get(o, "labels"), 0);
	const char *text = json_string_value(json_object_get(first, "text"));

	return text && *text ? text : NULL;
}

static int add_ports(struct reader *rd, struct ports *p, const json_t *node,
		     const char *id)
{
	const json_t *list = json_object_get(node, "ports");
	const char *owner = sg_graph_intern(rd->g, id);
	char buf[ID_SIZE];

	if (!owner)
		return rd_nomem(rd);
	for (size_t i = 0; i < json_array_size(list); i++) {
		const json_t *port = json_array_get(list, i);
		const char *pid = rd_id_text(json_object_get(port, "id"), buf,
					     sizeof(buf));

		if (!pid)
			return rd_bad_id(rd, port, "id", "port",
					 rd_loc(rd, list, NULL, i));
		if (rd_other_keys(rd, port, (const char *const[]){ "id",
				  NULL }, layout, "ports"))
			return -1;
		if (!(pid = sg_graph_intern(rd->g, pid)) ||
		    SG_GROW(p->nodes, p->n + 1, p->alloc) ||
		    sg_map_add(&p->index, pid, (uint32_t)p->n))
			return rd_nomem(rd);
		p->nodes[p->n++] = owner;
	}
	return 0;
}

/* Reads the nodes in node's children, and theirs, each in its parent
 * (the root's: in none). Jansson parses no deeper than 2048 levels,
 * which bounds the recursion. */
static int read_children(struct reader *rd, struct ports *p,
			 const json_t *node, const char *parent)
{
	int failed;
	const json_t *children = rd_container(rd, node, "children", 1,
					      &failed);

	if (failed)
		return -1;
	for (size_t i = 0; i < json_array_size(children); i++) {
		struct fields f = { .o = json_array_get(children, i),
				    .used = { "id", "children", "edges",
					      "ports", "labels", LAYOUT },
				    .nused = 12 };
		sg_loc loc = rd_loc(rd, children, NULL, i);
		char buf[ID_SIZE];
		const char *id = rd_id_text(json_object_get(f.o, "id"), buf,
					    sizeof(buf));
		int r;

		rd->parent = parent;
		r = !json_is_object(f.o) ?
			    rd_wrong_kind(rd, children, NULL, i, "an object") :
		    !id ? rd_bad_id(rd, f.o, "id", "node", loc) :
			  rd_add_node(rd, id, label(f.o), &f, loc) ||
				  add_ports(rd, p, f.o, id) || drawn(rd, f.o);
		rd->parent = NULL;
		if (rd_element(rd, r))
			return -1;
		if (r)
			continue;
		if (!(id = sg_graph_intern(rd->g, id)))
			return rd_nomem(rd);
		if (read_children(rd, p, f.o, id))
			return -1;
	}
	return 0;
}

/* The node an end names: itself, or the node its port is on. */
static const char *end_node(const struct ports *p, const char *id)
{
	int64_t i = sg_map_get(&p->index, id);

	return i < 0 ? id : p->nodes[i];
}

/* The ends of edge o on one side: its list key (sources, targets), or its
 * one end old (source, target); NULL when it has none. */
static const json_t *ends(const json_t *o, const char *key, const char *old,
			  const char **used)
{
	const json_t *list = json_object_get(o, key);

	*used = list ? key : old;
	return list ? list : json_object_get(o, old);
}

/* Reads edge o, list[i]: a relation from each source to each target. */
static int read_edge(struct reader *rd, const struct ports *p,
		     const json_t *list, size_t i, const json_t *o)
{
	const char *from_key, *to_key;
	const json_t *from = ends(o, "sources", "source", &from_key);
	const json_t *to = ends(o, "targets", "target", &to_key);
	size_t nfrom = json_is_array(from) ? json_array_size(from) : 1;
	size_t nto = json_is_array(to) ? json_array_size(to) : 1;
	const char *text = label(o);
	json_t *more = text ? json_pack("{ss}", "label", text) : NULL;
	sg_loc loc = rd_loc(rd, list, NULL, i);
	int r = 0;

	if (text && !more)
		return rd_nomem(rd);
	if (drawn(rd, o)) {
		json_decref(more);
		return -1;
	}
	for (size_t a = 0; !r && a < nfrom; a++)
		for (size_t b = 0; !r && b < nto; b++) {
			/* a hyperedge's relations share no id */
			struct fields f = { .o = o, .more = more,
				.used = { from_key, to_key, "sourcePort",
					  "targetPort", "labels", "sections",
					  "junctionPoints", "container", LAYOUT,
					  nfrom * nto > 1 ? "id" : "" },
				.nused = 16 };
			char fbuf[ID_SIZE], tbuf[ID_SIZE];
			const json_t *fv = json_is_array(from) ?
				json_array_get(from, a) : from;
			const json_t *tv = json_is_array(to) ?
				json_array_get(to, b) : to;
			const char *f_id = rd_id_text(fv, fbuf, sizeof(fbuf));
			const char *t_id = rd_id_text(tv, tbuf, sizeof(tbuf));

			r = !f_id ? rd_bad_id(rd, o, from_key, "edge", loc) :
			    !t_id ? rd_bad_id(rd, o, to_key, "edge", loc) :
				    rd_add_edge(rd, &f, from_key, to_key,
						end_node(p, f_id),
						end_node(p, t_id), loc);
		}
	json_decref(more);
	return r;
}

/* Reads the edges of node and of every node inside it. */
static int read_edges(struct reader *rd, const struct ports *p,
		      const json_t *node)
{
	int failed;
	const json_t *edges = rd_container(rd, node, "edges", 1, &failed);
	const json_t *children = json_object_get(node, "children");

	if (failed)
		return -1;
	for (size_t i = 0; i < json_array_size(edges); i++) {
		const json_t *o = json_array_get(edges, i);

		if (rd_element(rd, !json_is_object(o) ?
				rd_wrong_kind(rd, edges, NULL, i, "an object") :
				read_edge(rd, p, edges, i, o)))
			return -1;
	}
	for (size_t i = 0; i < json_array_size(children); i++)
		if (read_edges(rd, p, json_array_get(children, i)))
			return -1;
	return 0;
}

static int read_elk(struct reader *rd, const json_t *root)
{
	struct ports p = { 0 };
	const char *title = label(root);
	int r;

	rd->undirected = 0;
	r = (title && sg_graph_set_title(rd->g, title, NULL,
					 rd_loc(rd, root, "labels", 0),
					 rd->err)) ||
	    drawn(rd, root) || read_children(rd, &p, root, NULL) ||
	    read_edges(rd, &p, root);
	sg_map_release(&p.index);
	free(p.nodes);
	return r;
}

/* What only ELK writes: layout options, edges with lists of sources, or
 * children with sizes, labels or ports. */
static enum rd_sure detect_elk(const json_t *doc)
{
	const json_t *edge = rd_first(doc, "edges");
	const json_t *child = rd_first(doc, "children");

	if (json_object_get(doc, "layoutOptions") ||
	    json_is_array(json_object_get(edge, "sources")) ||
	    json_object_get(child, "width") || json_object_get(child, "height") ||
	    json_object_get(child, "labels") || json_object_get(child, "ports"))
		return RD_SURE;
	return RD_NOT;
}

static const char *const elk_keys[] = {
	"id", "children", "edges", "labels", LAYOUT, NULL
};

const struct rd_format rd_elk = {
	.name = "elk",
	.about = "ELK JSON: elkjs's graphs and layouts",
	.detect = detect_elk,
	.read = read_elk,
	.keys = elk_keys,
};
