/* Apache TinkerPop's GraphSON, versions 1, 2 and 3: the adjacency lists
 * that GraphSONWriter writes for a whole graph (g.io(...).write()), one
 * vertex a line with its outE and inE, or wrapped as {"vertices": [...]};
 * TinkerPop 2's (Blueprints) {"mode", "vertices", "edges"}; and query
 * results (Gremlin Server's answers, the drivers' writers): vertices,
 * edges and paths, in lists. Versions 2 and 3 wrap values in
 * {"@type": "g:Int64", "@value": ...}: read as the values. A vertex's
 * label is its entity's type, its "name" (else "title") property its name;
 * an edge's label its relation's type. */
#include <stdlib.h>
#include <string.h>

#include "read.h"

/* A typed value's type, where v is {"@type": ..., "@value": ...} (any
 * other key of it is named by rd_unread_wrapped). */
static const char *typed(const json_t *v)
{
	if (!json_object_get(v, "@value"))
		return NULL;
	return json_string_value(json_object_get(v, "@type"));
}

/* Names what a typed value holds beside its type and value. */
static int unread_typed(struct reader *rd, const json_t *doc)
{
	static const char *const own[] = { "@type", "@value", NULL };

	return rd_unread_wrapped(rd, doc, typed, own);
}

static int is_type(const json_t *v, const char *type)
{
	const char *t = typed(v);

	return t && !strcmp(t, type);
}

/* v, out of its typed wrappers (borrowed). */
static const json_t *bare(const json_t *v)
{
	/* (a typed value nests in another only for containers) */
	for (int depth = 0; typed(v) && depth < 4; depth++)
		v = json_object_get(v, "@value");
	return v;
}

/* g:Map: its keys and values one after the other. */
static json_t *map_object(const json_t *pairs, rd_unwrap *unwrap)
{
	json_t *o = json_object();
	int failed = !o;

	for (size_t i = 0; !failed && i + 1 < json_array_size(pairs); i += 2) {
		const json_t *k = bare(json_array_get(pairs, i));
		char *text = json_is_string(k) ? NULL : rd_dumps(k);
		const char *key = json_is_string(k) ? json_string_value(k) :
						      text;

		failed = !key || json_object_set_new(o, key, rd_plain(
				json_array_get(pairs, i + 1), unwrap));
		free(text);
	}
	if (failed) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int unwrap_typed(const json_t *v, json_t **plain)
{
	const char *type = typed(v);
	const json_t *value = json_object_get(v, "@value");

	if (!type)
		return 0;
	if (!strcmp(type, "g:Map") && json_is_array(value))
		*plain = map_object(value, unwrap_typed);
	else if ((!strcmp(type, "g:Property") ||
		  !strcmp(type, "g:VertexProperty")) && json_is_object(value))
		*plain = rd_plain(json_object_get(value, "value") ?
				  json_object_get(value, "value") :
				  json_null(), unwrap_typed);
	else
		*plain = rd_plain(value, unwrap_typed);
	return 1;
}

/* TinkerPop 2's EXTENDED mode: {"type": "string", "value": "marko"}. */
static int unwrap_extended(const json_t *v, json_t **plain)
{
	if (json_object_size(v) != 2 ||
	    !json_is_string(json_object_get(v, "type")) ||
	    !json_object_get(v, "value"))
		return 0;
	*plain = rd_plain(json_object_get(v, "value"), unwrap_extended);
	return 1;
}

/* An element's id as text, where it is a string or an integer, typed or
 * not. */
static const char *id_text(const json_t *v, char *buf, size_t size)
{
	return rd_id_text(bare(v), buf, size);
}

/* The values of a vertex property: a list of {id, value, properties}
 * (a property may have several values, and each value properties of its
 * own, read as {"value": ..., and those}), or in results g:VertexProperty
 * objects; one value alone is the attribute's value, several a list. */
static json_t *vertex_property(struct reader *rd, const char *name,
			       const json_t *list, rd_unwrap *unwrap)
{
	/* (its own id, TinkerPop's, is of no meaning to a reader) */
	static const char *const keys[] = { "id", "value", "properties",
		"label", NULL };
	json_t *values = json_array(), *one;
	int failed = !values;

	for (size_t i = 0; !failed && i < json_array_size(list); i++) {
		const json_t *p = json_array_get(list, i);
		const json_t *meta;

		if (is_type(p, "g:VertexProperty"))
			p = json_object_get(p, "@value");
		if (json_is_object(p) && json_object_get(p, "value") &&
		    rd_unread_keys(rd, p, keys, name)) {
			json_decref(values);
			return NULL;
		}
		meta = json_object_get(p, "properties");
		if (!json_is_object(p) || !json_object_get(p, "value"))
			one = rd_plain(p, unwrap);
		else if (!json_object_size(bare(meta)))
			one = rd_plain(json_object_get(p, "value"), unwrap);
		else if ((one = rd_plain(meta, unwrap)) &&
			 json_object_set_new(one, "value", rd_plain(
				 json_object_get(p, "value"), unwrap))) {
			json_decref(one);
			one = NULL;
		}
		failed = json_array_append_new(values, one);
	}
	if (failed) {
		json_decref(values);
		return NULL;
	}
	if (json_array_size(values) != 1)
		return values;
	one = json_incref(json_array_get(values, 0));
	json_decref(values);
	return one;
}

/* An element's properties as one plain object, to free: props (the
 * element's "properties", or with skip the element itself, less the
 * keys skip names). NULL when out of memory. */
static json_t *plain_properties(struct reader *rd, const json_t *props,
				int vertex, const char *const *skip)
{
	static const char *const property_keys[] = { "key", "value", NULL };
	json_t *o = json_object(), *map = NULL;
	const char *key;
	const json_t *v;
	int failed = !o;

	/* (valueMap()'s answers: a g:Map of keys and lists of values) */
	if (is_type(props, "g:Map") &&
	    !(props = map = map_object(json_object_get(props, "@value"),
				       unwrap_typed)))
		failed = 1;
	json_object_foreach((json_t *)bare(props), key, v) {
		size_t k = 0;

		while (skip && skip[k] && strcmp(skip[k], key))
			k++;
		if (failed || (skip && skip[k]))
			continue;
		/* (a result's edge: {key, value} in a g:Property) */
		failed = !vertex && is_type(v, "g:Property") &&
			 rd_unread_keys(rd, json_object_get(v, "@value"),
					property_keys, key);
		failed = failed || json_object_set_new(o, key, vertex &&
			json_is_array(v) ? vertex_property(rd, key, v,
							   rd->unwrap) :
			rd_plain(v, rd->unwrap));
	}
	json_decref(map);
	if (failed) {
		json_decref(o);
		rd_nomem(rd);
		return NULL;
	}
	return o;
}

/* What a vertex and an edge hold besides their properties: an adjacency
 * list's, a result's (version 1's "type"; an edge's ends' labels) */
static const char *const vertex_keys[] = { "id", "label", "type",
	"properties", "outE", "inE", NULL };
static const char *const edge_keys[] = { "id", "label", "type", "inV",
	"outV", "inVLabel", "outVLabel", "properties", NULL };
static const char *const blueprints_vertex[] = { "_id", "_type", NULL };
static const char *const blueprints_edge[] = { "_id", "_type", "_outV",
					       "_inV", "_label", NULL };

/* A vertex, o, standing at parent[key] or parent[index]: an adjacency
 * list's, a result's or (blueprints) TinkerPop 2's. */
static int add_vertex(struct reader *rd, const json_t *parent,
		      const char *key, size_t index, const json_t *o,
		      int blueprints)
{
	const char *id_key = blueprints ? "_id" : "id";
	struct fields f = { .o = NULL, .used = { NULL } };
	sg_entity e = { 0 };
	char buf[64];
	int r;

	e.loc = rd_loc(rd, parent, key, index);
	if (!(e.id = id_text(json_object_get(o, id_key), buf, sizeof(buf))))
		return rd_bad_id(rd, o, id_key, "vertex", e.loc);
	if (!blueprints && json_object_get(o, "label") &&
	    !json_is_string(json_object_get(o, "label")))
		return rd_wrong_kind(rd, o, "label", 0, "a string");
	e.type = json_string_value(json_object_get(o, "label"));
	if (!blueprints && rd_unread_keys(rd, o, vertex_keys, NULL))
		return -1;
	if (!(f.o = plain_properties(rd, blueprints ? o :
				     json_object_get(o, "properties"), 1,
				     blueprints ? blueprints_vertex : NULL)))
		return -1;
	e.name = rd_property_name(&f);
	r = rd_collect(rd, &f, 0, &e.attrs) ||
	    sg_graph_add_entity(rd->g, &e, rd->err);
	rd_attrs_release(&e.attrs);
	json_decref((json_t *)f.o);
	return r;
}

/*
 * An edge, o, standing at parent[key] or parent[index], from from to to
 * (NULL: its own ends, outV and inV), of type label (NULL: its own). An
 * adjacency list holds each edge twice, at both its ends: the properties
 * of an id read before are compared with those read.
 */
static int add_edge(struct reader *rd, const json_t *parent, const char *key,
		    size_t index, const json_t *o, const char *from,
		    const char *to, const char *label, int blueprints)
{
	const char *out_key = blueprints ? "_outV" : "outV";
	const char *in_key = blueprints ? "_inV" : "inV";
	const char *id_key = blueprints ? "_id" : "id";
	const char *label_key = blueprints ? "_label" : "label";
	sg_relation rel = { 0 };
	sg_places at;
	char fbuf[64], tbuf[64], ibuf[64];
	json_t *props;
	int r, again;

	rel.loc = rd_loc(rd, parent, key, index);
	at.from = sg_pos_of(from ? rel.loc : rd_loc(rd, o, out_key, 0));
	at.to = sg_pos_of(to ? rel.loc : rd_loc(rd, o, in_key, 0));
	at.source = sg_pos_of(rel.loc);
	if (!from && !(from = id_text(json_object_get(o, out_key), fbuf,
				      sizeof(fbuf))))
		return rd_bad_id(rd, o, out_key, "edge", rel.loc);
	if (!to && !(to = id_text(json_object_get(o, in_key), tbuf,
				  sizeof(tbuf))))
		return rd_bad_id(rd, o, in_key, "edge", rel.loc);
	if (!(rel.id = id_text(json_object_get(o, id_key), ibuf,
			       sizeof(ibuf))))
		return rd_bad_id(rd, o, id_key, "edge", rel.loc);
	if (!label && json_object_get(o, label_key) &&
	    !(label = json_string_value(json_object_get(o, label_key))))
		return rd_wrong_kind(rd, o, label_key, 0, "a string");
	rel.from_ref = from;
	rel.to_ref = to;
	rel.type = label ? label : SG_UNTYPED;
	/* (at both its ends, each copy is looked at) */
	if (!blueprints && rd_unread_keys(rd, o, edge_keys, NULL))
		return -1;
	if (rd_copy(rd, rel.id, json_object_get(o, "properties"), "properties",
		    &again))
		return -1;
	if (again)
		return 0;
	if (!(props = plain_properties(rd, blueprints ? o :
				       json_object_get(o, "properties"), 0,
				       blueprints ? blueprints_edge : NULL)))
		return -1;
	r = rd_collect(rd, &(struct fields){ .o = props }, 1,
		       &rel.attrs) ||
	    sg_graph_add_relation_at(rd->g, &rel, &at, rd->err);
	rd_attrs_release(&rel.attrs);
	json_decref(props);
	return r;
}

/* The edges of an adjacency list's vertex o, whose id is id: dir "outE"
 * (to their inV) or "inE" (from their outV), {label: [edges]}. */
static int adjacent(struct reader *rd, const json_t *o, const char *id,
		    const char *dir)
{
	const json_t *edges = json_object_get(o, dir), *list;
	int out = !strcmp(dir, "outE");
	const char *label;

	if (!edges)
		return 0;
	if (!json_is_object(edges))
		return rd_wrong_kind(rd, o, dir, 0,
				     "an object of edges by label");
	json_object_foreach((json_t *)edges, label, list) {
		const json_t *bare_list = bare(list);

		if (!json_is_array(bare_list)) {
			if (rd_element(rd, rd_wrong_kind(rd, edges, label, 0,
							 "an array")))
				return -1;
			continue;
		}
		for (size_t i = 0; i < json_array_size(bare_list); i++) {
			const json_t *e = json_array_get(bare_list, i);
			char buf[64];
			const char *other = id_text(json_object_get(e, out ?
					"inV" : "outV"), buf, sizeof(buf));
			int r = !json_is_object(e) ?
				rd_wrong_kind(rd, bare_list, NULL, i,
					      "an object") :
				!other ? rd_bad_id(rd, e, out ? "inV" : "outV",
						   "edge", rd_loc(rd, bare_list,
								  NULL, i)) :
				add_edge(rd, bare_list, NULL, i, e,
					 out ? id : other, out ? other : id,
					 label, 0);

			if (rd_element(rd, r))
				return -1;
		}
	}
	return 0;
}

/* A vertex of an adjacency list, o, list[index], with its edges. */
static int adjacency(struct reader *rd, const json_t *list, size_t index,
		     const json_t *o)
{
	char buf[64];
	const char *id = id_text(json_object_get(o, "id"), buf, sizeof(buf));

	return add_vertex(rd, list, NULL, index, o, 0) ||
	       adjacent(rd, o, id, "outE") || adjacent(rd, o, id, "inE");
}

/* An edge of a query's results names the labels of its ends: they are
 * entities of those types, whether or not the results hold them. */
static int edge_ends(struct reader *rd, const json_t *parent,
		     const char *key, size_t index, const json_t *o)
{
	for (int k = 0; k < 2; k++) {
		char buf[64];
		sg_entity e = { 0 };

		e.id = id_text(json_object_get(o, k ? "inV" : "outV"), buf,
			       sizeof(buf));
		e.type = json_string_value(json_object_get(o, k ? "inVLabel" :
								  "outVLabel"));
		e.loc = rd_loc(rd, parent, key, index);
		if (e.id && sg_graph_add_entity(rd->g, &e, rd->err))
			return -1;
	}
	return add_edge(rd, parent, key, index, o, NULL, NULL, NULL, 0);
}

/* Whether o is an element of version 1's results: {"type": "vertex"} or
 * {"type": "edge"}. */
static int element_of(const json_t *o, const char *type)
{
	const char *t = json_string_value(json_object_get(o, "type"));

	return t && !strcmp(t, type) && json_object_get(o, "id");
}

/* v, parent[key] or parent[index], a value of a query's results:
 * vertices, edges and paths (their objects), in lists, sets and maps, at
 * any depth; *found counts them. Other values are passed over. */
static int result(struct reader *rd, const json_t *parent, const char *key,
		  size_t index, const json_t *v, size_t *found)
{
	/* (a path's labels: the steps' names, of no place in the model) */
	static const char *const path_keys[] = { "labels", "objects", NULL };
	const char *type = typed(v), *k;
	const json_t *value = json_object_get(v, "@value"), *member;

	if (type && !strcmp(type, "g:Vertex") && json_is_object(value)) {
		++*found;
		return add_vertex(rd, v, "@value", 0, value, 0);
	}
	if (type && !strcmp(type, "g:Edge") && json_is_object(value)) {
		++*found;
		return edge_ends(rd, v, "@value", 0, value);
	}
	if (type && !strcmp(type, "g:Path") && json_is_object(value) &&
	    rd_unread_keys(rd, value, path_keys, "g:Path"))
		return -1;
	if (element_of(v, "vertex")) {
		++*found;
		return add_vertex(rd, parent, key, index, v, 0);
	}
	if (element_of(v, "edge")) {
		++*found;
		return edge_ends(rd, parent, key, index, v);
	}
	/* (a path's objects, a map's keys and values, a list's elements) */
	if (type)
		return result(rd, v, "@value", 0, value, found);
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++)
			if (rd_element(rd, result(rd, v, NULL, i,
						  json_array_get(v, i),
						  found)))
				return -1;
		return 0;
	}
	json_object_foreach((json_t *)v, k, member)
		if (result(rd, v, k, 0, member, found))
			return -1;
	return 0;
}

/* TinkerPop 2's {"mode", "vertices", "edges"}, at the top or under
 * "graph". */
static int blueprints(struct reader *rd, const json_t *g)
{
	const char *mode = json_string_value(json_object_get(g, "mode"));
	const json_t *list;

	if (mode && !strcmp(mode, "EXTENDED"))
		rd->unwrap = unwrap_extended;
	list = json_object_get(g, "vertices");
	for (size_t i = 0; i < json_array_size(list); i++)
		if (rd_element(rd, !json_is_object(json_array_get(list, i)) ?
			rd_wrong_kind(rd, list, NULL, i, "an object") :
			add_vertex(rd, list, NULL, i, json_array_get(list, i),
				   1)))
			return -1;
	list = json_object_get(g, "edges");
	for (size_t i = 0; i < json_array_size(list); i++)
		if (rd_element(rd, !json_is_object(json_array_get(list, i)) ?
			rd_wrong_kind(rd, list, NULL, i, "an object") :
			add_edge(rd, list, NULL, i, json_array_get(list, i),
				 NULL, NULL, NULL, 1)))
			return -1;
	return 0;
}

/* The first vertex of TinkerPop 2's graph g, or NULL. */
static const json_t *blueprints_graph(const json_t *doc)
{
	const json_t *g = json_object_get(doc, "graph");

	if (!json_is_object(g))
		g = doc;
	return json_object_get(rd_first(g, "vertices"), "_id") ||
	       json_object_get(rd_first(g, "edges"), "_outV") ? g : NULL;
}

/* A vertex of an adjacency list: an id, and edges, or properties whose
 * values are lists of {id, value}. */
static int adjacency_vertex(const json_t *o)
{
	const json_t *props = json_object_get(o, "properties");
	const json_t *first = json_array_get(json_object_iter_value(
		json_object_iter((json_t *)props)), 0);

	return json_is_object(o) && json_object_get(o, "id") &&
	       (json_is_object(json_object_get(o, "outE")) ||
		json_is_object(json_object_get(o, "inE")) ||
		json_object_get(first, "value"));
}

/* Names the keys of o but known whose values hold anything (out of
 * their wrappers: an empty g:Map holds nothing). */
static int unread_full(struct reader *rd, const json_t *o,
		       const char *const *known, const char *where)
{
	const char *key;
	const json_t *v;

	json_object_foreach((json_t *)o, key, v) {
		const json_t *b = bare(v);
		size_t k = 0;

		while (known[k] && strcmp(known[k], key))
			k++;
		if (known[k] || json_is_null(b) ||
		    ((json_is_array(b) || json_is_object(b)) &&
		     !json_array_size(b) && !json_object_size(b)))
			continue;
		if (rd_unread(rd, o, key, where))
			return -1;
	}
	return 0;
}

/* A server's answer, {requestId, status: {message, code, attributes},
 * result: {data, meta}}: beside the data, what holds anything is named. */
static int answer(struct reader *rd, const json_t *doc)
{
	static const char *const top[] = { "requestId", "status", "result",
		NULL };
	static const char *const status[] = { "message", "code", NULL };
	static const char *const result[] = { "data", NULL };

	return unread_full(rd, doc, top, NULL) ||
	       unread_full(rd, json_object_get(doc, "status"), status,
			   "status") ||
	       unread_full(rd, json_object_get(doc, "result"), result,
			   "result");
}

static int read_document(struct reader *rd, const json_t *doc)
{
	static const char *const graph[] = { "graph", NULL };
	static const char *const blueprints_graph_keys[] = { "mode",
		"vertices", "edges", NULL };
	static const char *const wrapped[] = { "vertices", NULL };
	const json_t *g = blueprints_graph(doc);
	size_t found = 0;

	rd->unwrap = unwrap_typed;
	if (unread_typed(rd, doc))
		return -1;
	if (g)
		return (g != doc && rd_unread_keys(rd, doc, graph, NULL)) ||
		       rd_unread_keys(rd, g, blueprints_graph_keys,
				      g != doc ? "graph" : NULL) ||
		       blueprints(rd, g);
	if (adjacency_vertex(doc))
		return adjacency(rd, NULL, 0, doc);
	if (adjacency_vertex(rd_first(doc, "vertices")))
		return rd_unread_keys(rd, doc, wrapped, NULL) ||
		       rd_list(rd, doc, "vertices", adjacency);
	/* a server's answer */
	if (json_is_object(json_object_get(doc, "result"))) {
		if (answer(rd, doc))
			return -1;
		doc = json_object_get(json_object_get(doc, "result"), "data");
	}
	if (result(rd, NULL, NULL, 0, doc, &found))
		return -1;
	if (found)
		return 0;
	return rd_not_format(rd, "vertices", "", "GraphSON");
}

static int read_line(struct reader *rd, const json_t *list, const json_t *o)
{
	rd->unwrap = unwrap_typed;
	return unread_typed(rd, o) || adjacency(rd, list, 0, o);
}

static enum rd_sure detect_line(const json_t *o)
{
	return adjacency_vertex(o) ? RD_SURE : RD_NOT;
}

/* A value of a query's results, or a list of them. */
static int result_value(const json_t *v)
{
	const char *t = typed(v);

	if (json_is_array(v))
		v = json_array_get(v, 0);
	return (t && !strncmp(t, "g:", 2)) || element_of(v, "vertex") ||
	       element_of(v, "edge") || (typed(v) &&
					 !strncmp(typed(v), "g:", 2));
}

static enum rd_sure detect(const json_t *doc)
{
	const json_t *result = json_object_get(doc, "result");

	if (blueprints_graph(doc) || adjacency_vertex(doc) ||
	    adjacency_vertex(rd_first(doc, "vertices")) || result_value(doc) ||
	    (json_object_get(doc, "requestId") &&
	     json_object_get(result, "data")))
		return RD_SURE;
	return RD_NOT;
}

const struct rd_format rd_graphson = {
	.name = "graphson",
	.about = "Apache TinkerPop GraphSON 1, 2, 3: adjacency lists, "
		 "TinkerPop 2 graphs, query results",
	.detect = detect,
	.read = read_document,
	.arrays = 1,
	.detect_line = detect_line,
	.read_line = read_line,
};
