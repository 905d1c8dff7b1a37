/* The graph formats of other tools: JSON Graph Format, node-link (D3,
 * networkx), Cytoscape.js, Graphology, Graphviz's JSON, and JSON Lines
 * (native, or the MCP memory server's). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"

static const char *const format_names[] = {
	[RD_NATIVE] = "native",       [RD_JSONL] = "jsonl",
	[RD_JGF] = "jgf",             [RD_NODE_LINK] = "node-link",
	[RD_CYTOSCAPE] = "cytoscape", [RD_MCP] = "mcp",
	[RD_GRAPHOLOGY] = "graphology", [RD_GRAPHVIZ] = "graphviz",
};

const char *rd_format_name(enum rd_format f)
{
	return format_names[f];
}

int rd_format_named(const char *name)
{
	for (size_t i = 0; i < SG_ARRAY_SIZE(format_names); i++)
		if (!strcmp(format_names[i], name))
			return (int)i;
	return -1;
}

/* ---- telling formats apart ---- */

/* The top-level keys that only one format has. */
static const struct {
	const char *key;
	enum rd_format format;
} signs[] = {
	{ "entities", RD_NATIVE },   { "relations", RD_NATIVE },
	{ "types", RD_NATIVE },      { "relation_types", RD_NATIVE },
	{ "graphs", RD_JGF },        { "elements", RD_CYTOSCAPE },
	{ "objects", RD_GRAPHVIZ },  { "_subgraph_cnt", RD_GRAPHVIZ },
	{ "nodes", RD_NODE_LINK },   { "links", RD_NODE_LINK },
	{ "options", RD_GRAPHOLOGY },
};

int rd_detect(struct reader *rd, const json_t *top)
{
	unsigned seen = 0;
	const json_t *nodes = json_object_get(top, "nodes");
	const json_t *graph = json_object_get(top, "graph");
	int f = -1, n = 0;
	sg_buf names = SG_BUF_INIT;

	for (size_t i = 0; i < SG_ARRAY_SIZE(signs); i++)
		if (json_object_get(top, signs[i].key))
			seen |= 1u << signs[i].format;
	/* Graphology's nodes carry "key"s; node-link's carry "id"s. */
	if (json_is_array(nodes) &&
	    json_object_get(json_array_get(nodes, 0), "key"))
		seen = (seen & ~(1u << RD_NODE_LINK)) | 1u << RD_GRAPHOLOGY;
	if (seen & (1u << RD_GRAPHOLOGY))
		seen &= ~(1u << RD_NODE_LINK);
	/* A "graph" holding nodes is JGF's; native's holds a title. */
	if (json_is_object(graph) && (json_object_get(graph, "nodes") ||
				      json_object_get(graph, "edges")))
		seen |= 1u << RD_JGF;
	else if (graph && !seen)
		seen = 1u << RD_NATIVE;
	if (json_object_get(top, "edges") && !seen)
		seen = 1u << RD_NODE_LINK;
	/* what is nobody's is read as native, for its did-you-means */
	if (!seen)
		seen = 1u << RD_NATIVE;
	for (size_t i = 0; i < SG_ARRAY_SIZE(format_names); i++)
		if (seen & (1u << i)) {
			f = (int)i;
			n++;
			sg_buf_addf(&names, "%s%s", names.len ? ", " : "",
				    format_names[i]);
		}
	if (n > 1) {
		sg_loc loc = rd_loc(rd, NULL, NULL, 0);

		sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
			"the top-level keys mix formats (%s); name the one "
			"meant with --from-format", sg_buf_str(&names));
		f = -1;
	}
	sg_buf_release(&names);
	return f;
}

/* ---- entities and relations from other formats' objects ---- */

/*
 * A foreign node or edge: its own object, and the object of attributes it
 * carries (JGF's metadata, Graphology's attributes), either of which may be
 * NULL. The keys that name a field scograph knows are looked up in both,
 * first found first; every other key but the used ones becomes an
 * attribute.
 */
struct fields {
	const json_t *o, *more;
	const char *used[32];
	size_t nused;
};

static const char *const name_keys[] = { "label", "name" };
static const char *const type_keys[] = { "type", "entityType", "class" };
static const char *const description_keys[] = { "description", "tooltip" };
static const char *const url_keys[] = { "url", "URL", "href" };
static const char *const relation_type_keys[] = {
	"type", "relation", "relationType", "interaction", "class", "label"
};
static const char *const label_keys[] = { "label" };
static const char *const evidence_keys[] = { "evidence" };

/* The first of keys that f has as a non-empty string, or NULL. */
static const char *role(struct fields *f, const char *const *keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 2; k++) {
			const json_t *v = json_object_get(k ? f->more : f->o,
							  keys[i]);

			if (json_is_string(v) && json_string_length(v) &&
			    f->nused < SG_ARRAY_SIZE(f->used)) {
				f->used[f->nused++] = keys[i];
				return json_string_value(v);
			}
		}
	return NULL;
}

static int collect(struct reader *rd, struct fields *f, sg_attrs *attrs)
{
	return (f->o && rd_attrs(rd, f->o, f->used, f->nused, attrs)) ||
	       (f->more && rd_attrs(rd, f->more, f->used, f->nused, attrs));
}

/* An id as text: a string as it is, an integer in decimal (networkx and
 * Graphviz number their nodes); NULL for anything else. */
static const char *id_text(const json_t *v, char *buf, size_t size)
{
	if (json_is_string(v) && json_string_length(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, size, "%" JSON_INTEGER_FORMAT,
			 json_integer_value(v));
		return buf;
	}
	return NULL;
}

/* Fails: o[key] is no id; o stands at at. */
static int bad_id(struct reader *rd, const json_t *o, const char *key,
		  const char *what, sg_loc at)
{
	const json_t *v = json_object_get(o, key);
	sg_loc loc = rd_loc(rd, o, key, 0);

	if (!v)
		return sg_fail(rd->err, SG_EMISSING, at.file, at.line,
			       at.column, "%s has no '%s'", what, key);
	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "'%s' must be a string or an integer, not %s", key,
		       rd_kind(v));
}

/* Adds the entity id made of f; name, when given, overrides f's. */
static int add_node(struct reader *rd, const char *id, const char *name,
		    struct fields *f, sg_loc loc)
{
	sg_entity e = { 0 };
	int r;

	e.id = id;
	e.loc = loc;
	e.name = role(f, name_keys, SG_ARRAY_SIZE(name_keys));
	if (name)
		e.name = name;
	/* Graphviz's "\N" means the node's name */
	if (e.name && (!strcmp(e.name, "\\N") || !strcmp(e.name, id)))
		e.name = NULL;
	e.type = role(f, type_keys, SG_ARRAY_SIZE(type_keys));
	e.description = role(f, description_keys,
			     SG_ARRAY_SIZE(description_keys));
	e.url = role(f, url_keys, SG_ARRAY_SIZE(url_keys));
	r = collect(rd, f, &e.attrs) || sg_graph_add_entity(rd->g, &e, rd->err);
	rd_attrs_release(&e.attrs);
	return r;
}

/* Adds the relation made of f, whose endpoints are f->o[from_key] and
 * f->o[to_key]; where the format names no type, it is "related_to". */
static int add_edge(struct reader *rd, struct fields *f, const char *from_key,
		    const char *to_key, const char *from, const char *to,
		    sg_loc loc)
{
	sg_relation rel = { 0 };
	int r;

	rel.from_ref = from;
	rel.to_ref = to;
	rel.loc = loc;
	rel.from_loc = rd_loc(rd, f->o, from_key, 0);
	rel.to_loc = rd_loc(rd, f->o, to_key, 0);
	rel.type = role(f, relation_type_keys,
			SG_ARRAY_SIZE(relation_type_keys));
	/* a label beside a type is the relation's label */
	if (rel.type && strcmp(f->used[f->nused - 1], "label"))
		rel.label = role(f, label_keys, 1);
	if (!rel.type)
		rel.type = "related_to";
	rel.evidence = role(f, evidence_keys, 1);
	r = collect(rd, f, &rel.attrs) ||
	    sg_graph_add_relation(rd->g, &rel, rd->err);
	rd_attrs_release(&rel.attrs);
	return r;
}

/* Reads edge f->o, whose endpoints are its members from_key and to_key. */
static int read_edge(struct reader *rd, struct fields *f, const char *from_key,
		     const char *to_key, sg_loc loc)
{
	char fbuf[32], tbuf[32];
	const char *from = id_text(json_object_get(f->o, from_key), fbuf,
				   sizeof(fbuf));
	const char *to = id_text(json_object_get(f->o, to_key), tbuf,
				 sizeof(tbuf));

	if (!from)
		return bad_id(rd, f->o, from_key, "edge", loc);
	if (!to)
		return bad_id(rd, f->o, to_key, "edge", loc);
	return add_edge(rd, f, from_key, to_key, from, to, loc);
}

/* Notes a bad element and goes on, as rd_list does; -1 to stop. */
static int element(struct reader *rd, int failed)
{
	return failed && rd_note(rd) ? -1 : 0;
}

static int set_title(struct reader *rd, const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_string(v))
		return 0;
	return sg_graph_set_title(rd->g, json_string_value(v),
				  rd_loc(rd, o, key, 0), rd->err);
}

/* An object f->more = o[key], or NULL; -1 when it is something else. */
static int attributes(struct reader *rd, struct fields *f, const char *key)
{
	int failed;

	f->more = rd_container(rd, f->o, key, 0, &failed);
	return failed ? -1 : 0;
}

/* Reads the list nodes (may be NULL): objects whose id is their member
 * id_key, and whose other keys, and those of their object attrs_key (when
 * not NULL), are the entity's. */
static int read_nodes(struct reader *rd, const json_t *nodes,
		      const char *id_key, const char *attrs_key)
{
	char buf[32];

	for (size_t i = 0; nodes && i < json_array_size(nodes); i++) {
		struct fields f = { json_array_get(nodes, i), NULL,
				    { id_key, attrs_key }, attrs_key ? 2 : 1 };
		const char *id = id_text(json_object_get(f.o, id_key), buf,
					 sizeof(buf));
		sg_loc loc = rd_loc(rd, nodes, NULL, i);
		int r = !json_is_object(f.o) ?
				rd_wrong_kind(rd, nodes, NULL, i, "an object") :
			!id ? bad_id(rd, f.o, id_key, "node", loc) :
			      (attrs_key && attributes(rd, &f, attrs_key)) ||
				      add_node(rd, id, NULL, &f, loc);

		if (element(rd, r))
			return -1;
	}
	return 0;
}

/* Reads the list edges (may be NULL): objects with "source" and "target",
 * whose keys but skip, and those of their object attrs_key (JGF's metadata,
 * Graphology's attributes), are the relation's. */
static int read_edges(struct reader *rd, const json_t *edges,
		      const char *attrs_key, const char *const *skip,
		      size_t nskip)
{
	for (size_t i = 0; edges && i < json_array_size(edges); i++) {
		struct fields f = { json_array_get(edges, i), NULL, { 0 },
				    nskip };
		int r;

		memcpy(f.used, skip, nskip * sizeof(*skip));
		r = !json_is_object(f.o) ?
			    rd_wrong_kind(rd, edges, NULL, i, "an object") :
			    attributes(rd, &f, attrs_key) ||
			    read_edge(rd, &f, "source", "target",
				      rd_loc(rd, edges, NULL, i));
		if (element(rd, r))
			return -1;
	}
	return 0;
}

/* ---- JSON Graph Format, versions 1 and 2 ---- */

static int jgf_node(struct reader *rd, const json_t *parent, const char *key,
		    size_t i, const char *id, const json_t *node)
{
	struct fields f = { node, NULL, { "id", "label", "metadata" }, 3 };

	if (!json_is_object(node))
		return rd_wrong_kind(rd, parent, key, i, "an object");
	return attributes(rd, &f, "metadata") ||
	       add_node(rd, id, json_string_value(json_object_get(node,
								   "label")),
			&f, rd_loc(rd, parent, key, i));
}

/* graph is parent[key], or parent[g] when key is NULL. */
static int jgf_graph(struct reader *rd, const json_t *parent, const char *key,
		     size_t g, const json_t *graph)
{
	int failed;
	const json_t *nodes, *edges;
	char buf[32];

	if (!json_is_object(graph))
		return rd_wrong_kind(rd, parent, key, g, "an object");
	nodes = json_object_get(graph, "nodes");
	edges = rd_container(rd, graph, "edges", 1, &failed);
	if (failed || set_title(rd, graph, "label"))
		return -1;
	if (nodes && !json_is_array(nodes) && !json_is_object(nodes))
		return rd_wrong_kind(rd, graph, "nodes", 0,
				     "an array (JGF 1) or an object (JGF 2)");
	if (json_is_object(nodes)) {
		const char *id;
		const json_t *node;

		json_object_foreach((json_t *)nodes, id, node)
			if (element(rd, jgf_node(rd, nodes, id, 0, id, node)))
				return -1;
	}
	for (size_t i = 0; json_is_array(nodes) && i < json_array_size(nodes);
	     i++) {
		const json_t *node = json_array_get(nodes, i);
		const char *id = id_text(json_object_get(node, "id"), buf,
					 sizeof(buf));
		int r = !json_is_object(node) ?
				rd_wrong_kind(rd, nodes, NULL, i, "an object") :
			!id ? bad_id(rd, node, "id", "node",
				     rd_loc(rd, nodes, NULL, i)) :
			      jgf_node(rd, nodes, NULL, i, id, node);

		if (element(rd, r))
			return -1;
	}
	return read_edges(rd, edges, "metadata", (const char *const[]){
		"source", "target", "id", "directed", "metadata" }, 5);
}

static int read_jgf(struct reader *rd, const json_t *root)
{
	int failed;
	const json_t *graphs = rd_container(rd, root, "graphs", 1, &failed);

	if (failed)
		return -1;
	if (!graphs)
		return jgf_graph(rd, root, "graph", 0,
				 json_object_get(root, "graph"));
	for (size_t i = 0; i < json_array_size(graphs); i++)
		if (jgf_graph(rd, graphs, NULL, i, json_array_get(graphs, i)))
			return -1;
	return 0;
}

/* ---- node-link: D3's examples and networkx's node_link_data ---- */

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
			id = id_text(json_object_get(
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
	id = id_text(end, buf, size);
	if (!id)
		bad_id(rd, f->o, key, "link", at);
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

	if (failed || links_failed ||
	    set_title(rd, json_object_get(root, "graph"), "name"))
		return -1;
	if (!links && sg_graph_warn(rd->g, SG_WNORELATIONS,
				    rd_loc(rd, root, "nodes", 0),
				    "nodes but neither 'links' nor 'edges': "
				    "the graph has no relations"))
		return rd_nomem(rd);
	if (read_nodes(rd, nodes, "id", NULL))
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
			r = add_edge(rd, &f, "source", "target", from, to,
				     rd_loc(rd, links, NULL, i));
		if (element(rd, r))
			return -1;
	}
	return 0;
}

/* ---- Cytoscape.js elements ---- */

static int cytoscape_element(struct reader *rd, const json_t *list, size_t i,
			     const char *group)
{
	const json_t *el = json_array_get(list, i);
	const json_t *data = json_object_get(el, "data");
	const char *g = json_string_value(json_object_get(el, "group"));
	struct fields f = { data, NULL, { "id", "source", "target" }, 3 };
	char buf[32];
	const char *id;

	if (!json_is_object(el))
		return rd_wrong_kind(rd, list, NULL, i, "an object");
	if (!json_is_object(data))
		return data ? rd_wrong_kind(rd, el, "data", 0, "an object") :
			      bad_id(rd, el, "data", "element",
				     rd_loc(rd, list, NULL, i));
	if (!group)
		group = g ? g : json_object_get(data, "source") ||
					json_object_get(data, "target") ?
			    "edges" : "nodes";
	if (!strcmp(group, "edges"))
		return read_edge(rd, &f, "source", "target",
				 rd_loc(rd, list, NULL, i));
	id = id_text(json_object_get(data, "id"), buf, sizeof(buf));
	if (!id)
		return bad_id(rd, data, "id", "node", rd_loc(rd, list, NULL, i));
	return add_node(rd, id, NULL, &f, rd_loc(rd, list, NULL, i));
}

static int read_cytoscape(struct reader *rd, const json_t *root)
{
	const json_t *elements = json_object_get(root, "elements");
	static const char *const groups[] = { "nodes", "edges" };

	if (json_is_array(elements)) {
		for (size_t i = 0; i < json_array_size(elements); i++)
			if (element(rd, cytoscape_element(rd, elements, i,
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
			if (element(rd, cytoscape_element(rd, list, i,
							  groups[k])))
				return -1;
	}
	return 0;
}

/* ---- Graphology (and Gephi's export of it) ---- */

static int read_graphology(struct reader *rd, const json_t *root)
{
	int failed, edges_failed;
	const json_t *nodes = rd_container(rd, root, "nodes", 1, &failed);
	const json_t *edges = rd_container(rd, root, "edges", 1, &edges_failed);

	if (failed || edges_failed ||
	    set_title(rd, json_object_get(root, "attributes"), "name"))
		return -1;
	if (read_nodes(rd, nodes, "key", "attributes"))
		return -1;
	return read_edges(rd, edges, "attributes", (const char *const[]){
		"key", "source", "target", "attributes", "undirected" }, 5);
}

/* ---- Graphviz's JSON (dot -Tjson, -Tjson0, -Tdot_json) ---- */

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

	if (!names && !failed && !edges_failed)
		rd_nomem(rd);
	if (!r)
		r = set_title(rd, root, "label");
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
		r = element(rd, add_node(rd, name,
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
			r = element(rd, rd_wrong_kind(rd, edges, NULL, i,
						      "an object"));
		} else if (!ends[0] || !ends[1]) {
			const char *key = ends[0] ? "head" : "tail";
			sg_loc loc = rd_loc(rd, f.o, key, 0);

			r = element(rd, sg_fail(rd->err, SG_EUNKNOWN, loc.file,
						loc.line, loc.column,
						"'%s' names no node's _gvid",
						key));
		} else {
			r = element(rd, add_edge(rd, &f, "tail", "head", ends[0],
						 ends[1],
						 rd_loc(rd, edges, NULL, i)));
		}
	}
	free(names);
	return r;
}

int rd_foreign(struct reader *rd, enum rd_format f, const json_t *root)
{
	/* the key without which a document is not of the format at all */
	static const char *const needs[] = {
		[RD_JGF] = "graph", [RD_NODE_LINK] = "nodes",
		[RD_CYTOSCAPE] = "elements", [RD_GRAPHOLOGY] = "nodes",
		[RD_GRAPHVIZ] = "objects",
	};
	const char *need = needs[f], *where = "";
	const json_t *graph = json_object_get(root, "graph"), *in = root;

	if (!json_is_object(root))
		return rd_wrong_kind(rd, NULL, NULL, 0, "an object");
	if (f == RD_JGF && json_object_get(root, "graphs"))
		need = "graphs";
	else if (f == RD_JGF && json_is_object(graph)) {
		need = "nodes";
		where = " in 'graph'";
		in = graph;
	}
	if (need && !json_object_get(in, need)) {
		sg_loc loc = rd_loc(rd, NULL, NULL, 0);

		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "no '%s'%s: this is no %s document",
			       need, where, rd_format_name(f));
	}
	switch (f) {
	case RD_JGF: return read_jgf(rd, root);
	case RD_NODE_LINK: return read_node_link(rd, root);
	case RD_CYTOSCAPE: return read_cytoscape(rd, root);
	case RD_GRAPHOLOGY: return read_graphology(rd, root);
	case RD_GRAPHVIZ: return read_graphviz(rd, root);
	default: return rd_members(rd, root);
	}
}

/* ---- JSON Lines: native records, or the MCP memory server's ---- */

static int mcp_entity(struct reader *rd, const json_t *list, const json_t *o)
{
	struct fields f = { o, NULL, { "type", "name", "entityType",
				       "observations" }, 4 };
	const json_t *obs = json_object_get(o, "observations");
	sg_buf text = SG_BUF_INIT;
	sg_entity e = { 0 };
	int r;

	e.loc = rd_loc(rd, list, NULL, 0);
	r = rd_string(rd, o, 0, list, "name", 1, "entity", &e.id) ||
	    rd_string(rd, o, 0, list, "entityType", 0, "", &e.type);
	if (!r && obs && !json_is_array(obs))
		r = rd_wrong_kind(rd, o, "observations", 0,
				  "an array of strings");
	/* the observations, one a line, describe the entity */
	for (size_t i = 0; !r && i < json_array_size(obs); i++) {
		const json_t *v = json_array_get(obs, i);

		if (!json_is_string(v))
			r = rd_wrong_kind(rd, obs, NULL, i, "a string");
		else if (sg_buf_addf(&text, "%s%s", i ? "\n" : "",
				     json_string_value(v)))
			r = rd_nomem(rd);
	}
	e.description = text.len ? sg_buf_str(&text) : NULL;
	r = r || collect(rd, &f, &e.attrs) ||
	    sg_graph_add_entity(rd->g, &e, rd->err);
	rd_attrs_release(&e.attrs);
	sg_buf_release(&text);
	return r;
}

static int mcp_relation(struct reader *rd, const json_t *list,
			const json_t *o)
{
	struct fields f = { o, NULL, { "type", "from", "to", "relationType" },
			    4 };
	sg_relation rel = { 0 };
	int r;

	rel.loc = rd_loc(rd, list, NULL, 0);
	rel.from_loc = rd_loc(rd, o, "from", 0);
	rel.to_loc = rd_loc(rd, o, "to", 0);
	r = rd_string(rd, o, 0, list, "from", 1, "relation", &rel.from_ref) ||
	    rd_string(rd, o, 0, list, "to", 1, "relation", &rel.to_ref) ||
	    rd_string(rd, o, 0, list, "relationType", 1, "relation",
		      &rel.type) ||
	    collect(rd, &f, &rel.attrs) ||
	    sg_graph_add_relation(rd->g, &rel, rd->err);
	rd_attrs_release(&rel.attrs);
	return r;
}

static int mcp_record(struct reader *rd, const json_t *list, const json_t *o)
{
	const char *type;
	sg_loc loc;

	if (rd_string(rd, o, 0, list, "type", 1, "record", &type))
		return -1;
	if (!strcmp(type, "entity"))
		return mcp_entity(rd, list, o);
	if (!strcmp(type, "relation"))
		return mcp_relation(rd, list, o);
	loc = rd_loc(rd, o, "type", 0);
	if (json_object_get(o, "id") || json_object_get(o, "relationType") ||
	    !json_object_get(o, "from"))
		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "unknown record type '%s'; the MCP "
			       "memory file has 'entity' and 'relation' "
			       "records", type);
	loc = rd_loc(rd, list, NULL, 0);
	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "a native relation in an MCP memory file (so its "
		       "first line made it); one file holds one format");
}

static int native_record(struct reader *rd, const json_t *list,
			 const json_t *o)
{
	static const char *const sections[] = { "graph", "types",
						"relation_types" };
	sg_loc loc = rd_loc(rd, list, NULL, 0);

	if (json_object_get(o, "from") || json_object_get(o, "to"))
		return rd_relation(rd, list, 0, o);
	if (json_object_get(o, "id"))
		return rd_entity(rd, list, 0, o);
	for (size_t i = 0; i < SG_ARRAY_SIZE(sections); i++)
		if (json_object_get(o, sections[i]))
			return rd_members(rd, o);
	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "a line must hold an entity (with 'id'), a relation "
		       "(with 'from' and 'to'), or a 'graph', 'types' or "
		       "'relation_types' section");
}

/* An MCP memory record, by its first line. */
static int looks_mcp(const json_t *o)
{
	const char *type = json_string_value(json_object_get(o, "type"));

	return type && ((!strcmp(type, "entity") && !json_object_get(o, "id")) ||
			(!strcmp(type, "relation") &&
			 json_object_get(o, "relationType")));
}

/* MCP relations may name entities that were never created: they are added,
 * untyped, with a warning. */
static int add_implicit(struct reader *rd, size_t first_relation)
{
	for (size_t i = first_relation; i < rd->g->nrelations; i++) {
		const sg_relation *r = &rd->g->relations[i];
		const char *ends[2] = { r->from_ref, r->to_ref };

		for (int k = 0; k < 2; k++) {
			sg_entity e = { 0 };

			if (sg_map_get(&rd->g->by_id, ends[k]) >= 0)
				continue;
			e.id = ends[k];
			e.loc = k ? r->to_loc : r->from_loc;
			if (sg_graph_add_entity(rd->g, &e, rd->err) ||
			    sg_graph_warn(rd->g, SG_WIMPLICIT, e.loc,
					  "entity '%s' was never created; it "
					  "is added without a type", e.id))
				return -1;
		}
	}
	return 0;
}

int rd_lines(struct reader *rd, const char *data, size_t len, int format)
{
	const char *p = data, *end = data + len;
	size_t first_relation = rd->g->nrelations;
	int line = 1, r = 0;

	for (; p < end && !r; p++, line++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		struct scanner s = { p, eol ? eol : end, line, 0, &rd->ps };
		json_t *o, *list = NULL;
		struct pos at;

		if (!eol)
			eol = end;
		while (s.p < eol && strchr(" \t\r", *s.p)) {
			s.p++;
			s.column++;
		}
		at = (struct pos){ line, s.column + 1 };
		if (s.p < eol) {
			rd_forget(rd);
			o = rd_parse(rd, &s, eol);
			if (!o || rd_scan(rd, s, o) || !(list = rd_wrap(rd, o, at)))
				r = -1;
			else if (!json_is_object(o))
				r = rd_wrong_kind(rd, list, NULL, 0,
						  "an object");
			else {
				if (format < 0)
					format = looks_mcp(o) ? RD_MCP :
								RD_JSONL;
				r = format == RD_MCP ? mcp_record(rd, list, o) :
						       native_record(rd, list, o);
			}
			json_decref(list);
			json_decref(o);
			/* a bad line spoils only itself */
			r = r && rd_note(rd) ? -1 : 0;
		}
		p = eol;
	}
	return r || (format == RD_MCP && add_implicit(rd, first_relation)) ?
		       -1 : 0;
}
