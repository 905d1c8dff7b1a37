/* Neo4j, through APOC's apoc.export.json.*: nodes and relationships as JSON
 * Lines (the default), as one array (ARRAY_JSON), as {nodes, rels} (JSON,
 * or JSON_ID_AS_KEYS with objects keyed by id); and the rows of
 * apoc.export.json.query, whose columns hold nodes, relationships and
 * paths. Node ids and relationship ids are separate spaces: a node's id is
 * its entity's, a relationship's its relation's own.
 *
 * And the results of a query as the drivers hand them over: the
 * JavaScript driver's records (JSON.stringify(result.records): keys and
 * _fields), Neo4j Browser's "Export JSON" (the same records, each an object
 * keyed by column), whose nodes, relationships and paths are the driver's
 * Node {identity, labels, properties, elementId}, Relationship {identity,
 * start, end, type, properties, elementId, startNodeElementId,
 * endNodeElementId} and Path {start, end, segments}; and the Python
 * driver's result.data(), where a node is its properties alone and a
 * relationship [start, TYPE, end]. The same record mapping reads both. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"

/* The driver's Integer {low, high}: JSON.stringify writes a 64-bit integer
 * as its two 32-bit halves; 1 when v is one, with its value in *n (any
 * other key of it is named by rd_unread_wrapped). */
static int integer(const json_t *v, json_int_t *n)
{
	const json_t *low = json_object_get(v, "low");
	const json_t *high = json_object_get(v, "high");

	if (!json_is_integer(low) ||
	    !json_is_integer(high) ||
	    json_integer_value(low) < INT32_MIN ||
	    json_integer_value(low) > INT32_MAX ||
	    json_integer_value(high) < INT32_MIN ||
	    json_integer_value(high) > INT32_MAX)
		return 0;
	*n = (json_int_t)(int64_t)(((uint64_t)(uint32_t)json_integer_value(
					    high) << 32) |
				   (uint32_t)json_integer_value(low));
	return 1;
}

static int unwrap_integer(const json_t *v, json_t **plain)
{
	json_int_t n;

	if (!integer(v, &n))
		return 0;
	*plain = json_integer(n);
	return 1;
}

/* "Integer" where v is one, for rd_unread_wrapped. */
static const char *integer_name(const json_t *v)
{
	json_int_t n;

	return integer(v, &n) ? "Integer" : NULL;
}

/* An identity as text: an id as rd_id_text takes it, or an Integer. */
static const char *identity(const json_t *v, char *buf, size_t size)
{
	json_int_t n;

	if (!integer(v, &n))
		return rd_id_text(v, buf, size);
	snprintf(buf, size, "%" JSON_INTEGER_FORMAT, n);
	return buf;
}

/* Whether o is the driver's (Node, Relationship, Path), not APOC's. */
static int driver_node(const json_t *o)
{
	return json_is_object(o) && json_object_get(o, "identity") &&
	       json_is_array(json_object_get(o, "labels"));
}

static int driver_relationship(const json_t *o)
{
	return json_is_object(o) && json_object_get(o, "identity") &&
	       json_object_get(o, "start") && json_object_get(o, "end") &&
	       json_is_string(json_object_get(o, "type"));
}

static int driver_path(const json_t *o)
{
	return json_is_object(o) && json_object_get(o, "start") &&
	       json_is_array(json_object_get(o, "segments"));
}

/* The key of a node's id, or of a relationship's end (end: "start",
 * "end"): the driver's elementId where it has one (from Neo4j 5 on; the
 * numeric identity is deprecated and may be reused), else its identity;
 * APOC's "id". */
static const char *id_key(const json_t *o, const char *end)
{
	if (!end)
		return json_is_string(json_object_get(o, "elementId")) ?
			       "elementId" :
		       json_object_get(o, "identity") ? "identity" : "id";
	if (!json_is_string(json_object_get(o, "elementId")))
		return end;
	return strcmp(end, "start") ? "endNodeElementId" :
				      "startNodeElementId";
}

static int is_record(const json_t *o, const char *type)
{
	const char *t = json_string_value(json_object_get(o, "type"));

	return json_is_object(o) && t && !strcmp(t, type);
}

/* A path of a query row: {length, nodes, rels}. */
static int is_path(const json_t *o)
{
	return json_is_object(o) && json_object_get(o, "nodes") &&
	       (json_object_get(o, "rels") ||
		json_object_get(o, "relationships"));
}

/* The labels after the first, as JSON, into attrs. */
static int more_labels(struct reader *rd, const json_t *labels,
		       sg_attrs *attrs)
{
	json_t *rest = json_array();
	int failed = !rest;
	char *text;

	for (size_t i = 1; !failed && i < json_array_size(labels); i++)
		failed = json_array_append(rest, json_array_get(labels, i));
	text = failed ? NULL : rd_dumps(rest);
	json_decref(rest);
	if (!text || SG_GROW(attrs->kv, attrs->n + 2, attrs->alloc)) {
		free(text);
		return rd_nomem(rd);
	}
	attrs->kv[attrs->n++] = "labels";
	attrs->kv[attrs->n++] = text;
	return 0;
}

/* The properties of o, an object or absent; NULL with the error when they
 * are something else. */
static int properties(struct reader *rd, const json_t *o,
		      const json_t **props)
{
	int failed;

	*props = rd_container(rd, o, "properties", 0, &failed);
	return failed ? -1 : 0;
}

/* parent[key] or parent[index]: a node. */
/* What a node and a relationship hold, as APOC and the JavaScript driver
 * write them (an end of APOC's relationship repeats its node's id and
 * labels, which the node's own record holds) */
static const char *const node_keys[] = { "type", "id", "identity",
	"elementId", "labels", "properties", NULL };
static const char *const relationship_keys[] = { "type", "id", "identity",
	"elementId", "label", "start", "end", "startNodeElementId",
	"endNodeElementId", "properties", NULL };

static int read_node(struct reader *rd, const json_t *parent, const char *key,
		     size_t index, const json_t *o)
{
	const json_t *labels = json_object_get(o, "labels"), *props;
	struct fields f = { .o = NULL, .used = { NULL } };
	const char *ik = id_key(o, NULL);
	sg_entity e = { 0 };
	char buf[64];
	int r;

	e.loc = rd_loc(rd, parent, key, index);
	if (!(e.id = identity(json_object_get(o, ik), buf, sizeof(buf))))
		return rd_bad_id(rd, o, ik, "node", e.loc);
	if (labels && !json_is_array(labels))
		return rd_wrong_kind(rd, o, "labels", 0, "an array of strings");
	for (size_t i = 0; i < json_array_size(labels); i++)
		if (!json_is_string(json_array_get(labels, i)))
			return rd_wrong_kind(rd, labels, NULL, i, "a string");
	if (properties(rd, o, &props) ||
	    rd_unread_keys(rd, o, node_keys, NULL))
		return -1;
	e.type = json_string_value(json_array_get(labels, 0));
	f.o = props;
	e.name = rd_property_name(&f);
	/* (a property named as one of scograph's fields becomes KEY_) */
	r = (json_array_size(labels) > 1 &&
	     more_labels(rd, labels, &e.attrs)) ||
	    rd_collect(rd, &f, 0, &e.attrs) ||
	    sg_graph_add_entity(rd->g, &e, rd->err);
	rd_attrs_release(&e.attrs);
	return r;
}

/* The node id at a relationship's end, key: the driver's o[key] (or its
 * elementId), APOC's o[key]["id"]. */
static const char *end_id(struct reader *rd, const json_t *o, const char *key,
			  sg_loc at, char *buf, size_t size, sg_pos *loc)
{
	const json_t *end = json_object_get(o, key);
	const char *id;

	if (driver_relationship(o)) {
		key = id_key(o, key);
		*loc = sg_pos_of(rd_loc(rd, o, key, 0));
		if (!(id = identity(json_object_get(o, key), buf, size)))
			rd_bad_id(rd, o, key, "relationship", at);
		return id;
	}
	if (!end) {
		rd_bad_id(rd, o, key, "relationship", at);
		return NULL;
	}
	if (!json_is_object(end)) {
		rd_wrong_kind(rd, o, key, 0, "an object with the node's 'id'");
		return NULL;
	}
	*loc = sg_pos_of(rd_loc(rd, end, "id", 0));
	if (!(id = rd_id_text(json_object_get(end, "id"), buf, size)))
		rd_bad_id(rd, end, "id", "relationship's end", rd_loc(rd, o,
								       key, 0));
	/* (the end repeats what its node's own record holds) */
	else if (rd_unread_keys(rd, end, node_keys, key))
		return NULL;
	return id;
}

static int read_relationship(struct reader *rd, const json_t *parent,
			     const char *key, size_t index, const json_t *o)
{
	const json_t *props;
	sg_relation rel = { 0 };
	sg_places at;
	char fbuf[64], tbuf[64], ibuf[64];
	int r, driver = driver_relationship(o);

	rel.loc = rd_loc(rd, parent, key, index);
	if (!(rel.from_ref = end_id(rd, o, "start", rel.loc, fbuf,
				    sizeof(fbuf), &at.from)) ||
	    !(rel.to_ref = end_id(rd, o, "end", rel.loc, tbuf, sizeof(tbuf),
				  &at.to)) ||
	    rd_string(rd, o, index, parent, driver ? "type" : "label", 0, "",
		      &rel.type) ||
	    properties(rd, o, &props) ||
	    rd_unread_keys(rd, o, relationship_keys, NULL))
		return -1;
	rel.id = identity(json_object_get(o, id_key(o, NULL)), ibuf,
			  sizeof(ibuf));
	if (!rel.type)
		rel.type = SG_UNTYPED;
	/* query rows repeat a relationship for each path through it */
	if (rel.id) {
		const char *seen = sg_graph_intern(rd->g, rel.id);

		if (!seen)
			return rd_nomem(rd);
		if (sg_map_get(&rd->seen, seen) >= 0)
			return 0;
		if (sg_map_add(&rd->seen, seen, 0))
			return rd_nomem(rd);
	}
	at.source = sg_pos_of(rel.loc);
	r = rd_collect(rd, &(struct fields){ .o = props }, 1,
		       &rel.attrs) ||
	    sg_graph_add_relation_at(rd->g, &rel, &at, rd->err);
	rd_attrs_release(&rel.attrs);
	return r;
}

/* A list (or, JSON_ID_AS_KEYS, an object) of nodes or relationships. */
static int read_elements(struct reader *rd, const json_t *parent,
			 const char *key, int nodes)
{
	const json_t *list = json_object_get(parent, key), *o;
	const char *id;

	if (!list)
		return 0;
	if (json_is_object(list)) {
		json_object_foreach((json_t *)list, id, o)
			if (rd_element(rd, !json_is_object(o) ?
				rd_wrong_kind(rd, list, id, 0, "an object") :
				nodes ? read_node(rd, list, id, 0, o) :
				read_relationship(rd, list, id, 0, o)))
				return -1;
		return 0;
	}
	if (!json_is_array(list))
		return rd_wrong_kind(rd, parent, key, 0,
				     "an array or an object keyed by id");
	for (size_t i = 0; i < json_array_size(list); i++) {
		o = json_array_get(list, i);
		if (rd_element(rd, !json_is_object(o) ?
			rd_wrong_kind(rd, list, NULL, i, "an object") :
			nodes ? read_node(rd, list, NULL, i, o) :
			read_relationship(rd, list, NULL, i, o)))
			return -1;
	}
	return 0;
}

/* parent[key] or parent[index], v: a node, a relationship, a path, or a
 * list of them; *found counts them. Other values (a query's other
 * columns) are passed over. */
static int read_value(struct reader *rd, const json_t *parent,
		      const char *key, size_t index, const json_t *v,
		      int *found);

/* The driver's Path p: its start node, then each segment's relationship
 * and end node (a relationship runs as its own start and end say, which
 * need not be the path's way). */
static int read_path(struct reader *rd, const json_t *p)
{
	static const char *const path_keys[] = { "start", "end", "segments",
		"length", NULL };
	static const char *const segment_keys[] = { "start", "relationship",
		"end", NULL };
	const json_t *segments = json_object_get(p, "segments");
	int found = 0;

	const json_t *before = json_object_get(p, "start");

	/* (its end and each segment's start are the nodes the segments
	 * read, each the end of one: copies, compared with those) */
	if (rd_unread_keys(rd, p, path_keys, NULL))
		return -1;
	for (size_t i = 0; i < json_array_size(segments); i++) {
		const json_t *s = json_array_get(segments, i);

		if (rd_unread_keys(rd, s, segment_keys, "segments") ||
		    (json_is_object(json_object_get(s, "start")) &&
		     rd_same_copy(rd, json_object_get(s, "start"), before,
				  "start")))
			return -1;
		before = json_object_get(s, "end");
	}
	if (json_is_object(json_object_get(p, "end")) &&
	    rd_same_copy(rd, json_object_get(p, "end"), before, "end"))
		return -1;

	if (!driver_node(json_object_get(p, "start")))
		return rd_wrong_kind(rd, p, "start", 0, "a node");
	if (rd_element(rd, read_node(rd, p, "start", 0,
				     json_object_get(p, "start"))))
		return -1;
	for (size_t i = 0; i < json_array_size(segments); i++) {
		const json_t *s = json_array_get(segments, i);
		const json_t *rel = json_object_get(s, "relationship");
		const json_t *end = json_object_get(s, "end");
		int r = !json_is_object(s) ?
			rd_wrong_kind(rd, segments, NULL, i, "an object") :
			!driver_relationship(rel) ?
			rd_wrong_kind(rd, s, "relationship", 0,
				      "a relationship") :
			!driver_node(end) ?
			rd_wrong_kind(rd, s, "end", 0, "a node") :
			read_value(rd, s, "relationship", 0, rel, &found) ||
			read_value(rd, s, "end", 0, end, &found);

		if (rd_element(rd, r))
			return -1;
	}
	return 0;
}

/* The Python driver's result.data() keeps of a relationship [start,
 * "TYPE", end], and of a path [node, "TYPE", node, ...]: nodes as their
 * properties alone, relationships as their types. Whether v is one. */
static int python_walk(const json_t *v)
{
	size_t n = json_array_size(v);

	if (n < 3 || n % 2 == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (i % 2 ? !json_is_string(json_array_get(v, i)) :
			    !json_is_object(json_array_get(v, i)))
			return 0;
	return 1;
}

/* A row of the Python driver's result.data(): a relationship or a path
 * in a column. */
static int python_row(const json_t *o)
{
	const char *key;
	const json_t *v;

	json_object_foreach((json_t *)o, key, v)
		if (python_walk(v))
			return 1;
	return 0;
}

/* A node of result.data(), its properties props at parent[key] or
 * parent[index]: having no id there, it is known by them all (as compact
 * JSON, into *id, to free). */
static int python_node(struct reader *rd, const json_t *parent,
		       const char *key, size_t index, const json_t *props,
		       char **id)
{
	json_t *o = json_object();
	int r;

	if (!(*id = rd_dumps(props)) || !o ||
	    json_object_set_new(o, "id", json_string(*id)) ||
	    json_object_set(o, "properties", (json_t *)props)) {
		json_decref(o);
		return rd_nomem(rd);
	}
	r = read_node(rd, parent, key, index, o);
	json_decref(o);
	return r;
}

/* The key under which a relationship of result.data() is known, from,
 * type and to: interned, NULL when out of memory. */
static const char *python_key(struct reader *rd, const char *from,
			      const char *type, const char *to)
{
	sg_buf key = SG_BUF_INIT;
	const char *interned = sg_buf_addf(&key, "%s\x1f%s\x1f%s", from, type,
					   to) ?
				       NULL :
				       sg_graph_intern(rd->g, sg_buf_str(&key));

	sg_buf_release(&key);
	return interned;
}

/* A relationship or path of result.data(), v, parent[key] or
 * parent[index]. A relationship runs from its start to its end; a path's
 * relationships, whose way data() does not keep, have none (a path of one
 * relationship cannot be told from a relationship). One met again (the
 * same ends and type) is read once. */
static int python_relationships(struct reader *rd, const json_t *parent,
				const char *key, size_t index, const json_t *v)
{
	char *from = NULL, *to = NULL;
	int walk = json_array_size(v) > 3;
	int r = python_node(rd, v, NULL, 0, json_array_get(v, 0), &from);

	for (size_t i = 1; !r && i + 1 < json_array_size(v); i += 2) {
		const char *type = json_string_value(json_array_get(v, i));
		sg_relation rel = { 0 };
		const char *seen, *back = NULL;

		if (python_node(rd, v, NULL, i + 1, json_array_get(v, i + 1),
				&to))
			r = -1;
		else if (!(seen = python_key(rd, from, type, to)) ||
			 (walk && !(back = python_key(rd, to, type, from))))
			r = rd_nomem(rd);
		else if (sg_map_get(&rd->seen, seen) < 0 &&
			 (!back || sg_map_get(&rd->seen, back) < 0)) {
			rel.undirected = walk;
			rel.from_ref = from;
			rel.to_ref = to;
			rel.type = type;
			rel.loc = rd_loc(rd, parent, key, index);
			r = sg_map_add(&rd->seen, seen, 0) ? rd_nomem(rd) :
			    sg_graph_add_relation_at(rd->g, &rel, &(sg_places){
				sg_pos_of(rd_loc(rd, v, NULL, i - 1)),
				sg_pos_of(rd_loc(rd, v, NULL, i + 1)),
				sg_pos_of(rel.loc) }, rd->err);
		}
		free(from);
		from = to;
		to = NULL;
	}
	free(from);
	free(to);
	return r;
}

static int read_value(struct reader *rd, const json_t *parent,
		      const char *key, size_t index, const json_t *v,
		      int *found)
{
	/* (before APOC's: a relationship's type may be "node") */
	if (driver_relationship(v)) {
		++*found;
		return read_relationship(rd, parent, key, index, v);
	}
	if (driver_node(v)) {
		++*found;
		return read_node(rd, parent, key, index, v);
	}
	if (driver_path(v)) {
		++*found;
		return read_path(rd, v);
	}
	if (is_record(v, "node")) {
		++*found;
		return read_node(rd, parent, key, index, v);
	}
	if (is_record(v, "relationship")) {
		++*found;
		return read_relationship(rd, parent, key, index, v);
	}
	if (is_path(v)) {
		static const char *const path_keys[] = { "length", "nodes",
			"rels", "relationships", NULL };

		++*found;
		return rd_unread_keys(rd, v, path_keys, key) ||
		       read_elements(rd, v, "nodes", 1) ||
		       read_elements(rd, v, json_object_get(v, "rels") ?
						    "rels" : "relationships", 0);
	}
	for (size_t i = 0; json_is_array(v) && i < json_array_size(v); i++)
		if (rd_element(rd, read_value(rd, v, NULL, i,
					      json_array_get(v, i), found)))
			return -1;
	return 0;
}

/* Whether v is a node, a relationship or a path, or a list holding one,
 * as read_value reads them. */
static int holds_graph(const json_t *v)
{
	if (driver_relationship(v) || driver_node(v) || driver_path(v) ||
	    is_record(v, "node") || is_record(v, "relationship") || is_path(v))
		return 1;
	for (size_t i = 0; json_is_array(v) && i < json_array_size(v); i++)
		if (holds_graph(json_array_get(v, i)))
			return 1;
	return 0;
}

/* Names the columns of row or Record o that hold no graph. */
static int stray_columns(struct reader *rd, const json_t *o)
{
	const json_t *fields = json_object_get(o, "_fields");
	const json_t *names = json_object_get(o, "keys");
	const char *key;
	const json_t *v;

	for (size_t i = 0; i < json_array_size(fields); i++) {
		const char *name = json_string_value(json_array_get(names, i));

		v = json_array_get(fields, i);
		if (!holds_graph(v) && !json_is_null(v) &&
		    rd_unread_at(rd, rd_loc(rd, fields, NULL, i),
				 name ? name : "_fields", v, NULL))
			return -1;
	}
	if (json_is_array(fields))
		return 0;
	json_object_foreach((json_t *)o, key, v)
		if (!holds_graph(v) && !json_is_null(v) &&
		    rd_unread(rd, o, key, NULL))
			return -1;
	return 0;
}

/* The JavaScript driver's Record, besides its fields: its columns'
 * names, their number and index. */
static const char *const record_keys[] = { "keys", "length", "_fields",
	"_fieldLookup", NULL };

/* Names what a Record's _fieldLookup (each column's name to its index in
 * keys) holds that keys does not say. */
static int lookup_rest(struct reader *rd, const json_t *o)
{
	const json_t *lookup = json_object_get(o, "_fieldLookup"), *v;
	const json_t *names = json_object_get(o, "keys");
	const char *key, *name;

	if (!json_is_object(lookup))
		return json_is_null(lookup) || !lookup ? 0 :
		       rd_unread(rd, o, "_fieldLookup", NULL);
	json_object_foreach((json_t *)lookup, key, v) {
		name = json_is_integer(v) && json_integer_value(v) >= 0 ?
			json_string_value(json_array_get(names,
				(size_t)json_integer_value(v))) : NULL;
		if ((!name || strcmp(name, key)) &&
		    rd_unread(rd, lookup, key, "_fieldLookup"))
			return -1;
	}
	return 0;
}

/* One record, or one row of a query's: o, list[index]; with driver, the
 * drivers'. */
static int read_record(struct reader *rd, const json_t *list, size_t index,
		       const json_t *o, int driver)
{
	const char *key;
	const json_t *v;
	int found = 0;
	sg_loc loc;

	if (is_record(o, "node") || is_record(o, "relationship") ||
	    is_path(o))
		return read_value(rd, list, NULL, index, o, &found);
	/* the Python driver's result.data(): its nodes are only objects */
	if (driver && python_row(o)) {
		json_object_foreach((json_t *)o, key, v) {
			char *id = NULL;
			int r = python_walk(v) ?
				python_relationships(rd, o, key, 0, v) :
				json_is_object(v) ?
				python_node(rd, o, key, 0, v, &id) :
				/* a column of another value */
				json_is_null(v) ? 0 : rd_unread(rd, o, key,
								NULL);

			free(id);
			if (rd_element(rd, r))
				return -1;
		}
		return 0;
	}
	/* the JavaScript driver's Record: its values, by column; a row's:
	 * its columns */
	if (json_is_array(json_object_get(o, "_fields")) &&
	    (rd_unread_keys(rd, o, record_keys, NULL) || lookup_rest(rd, o) ||
	     read_value(rd, o, "_fields", 0, json_object_get(o, "_fields"),
			&found)))
		return -1;
	else if (!json_object_get(o, "_fields"))
		json_object_foreach((json_t *)o, key, v)
			if (read_value(rd, o, key, 0, v, &found))
				return -1;
	/* a column of no node, relationship or path (a count) is named, in
	 * a record that holds one (else the record is an error) */
	if (found && stray_columns(rd, o))
		return -1;
	if (found)
		return 0;
	loc = rd_loc(rd, list, NULL, index);
	if (driver)
		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "this record holds no node, "
			       "relationship or path");
	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "a Neo4j record must be a node (\"type\": \"node\"), "
		       "a relationship (\"type\": \"relationship\") or a query "
		       "row holding them");
}

static int read_line(struct reader *rd, const json_t *list, const json_t *o)
{
	return read_record(rd, list, 0, o, 0);
}

static int read_records(struct reader *rd, const json_t *root, int driver);

static int read_document(struct reader *rd, const json_t *root)
{
	if (json_is_array(root))
		return read_records(rd, root, 0);
	if (!json_object_get(root, "rels") && !is_record(root, "node") &&
	    !is_record(root, "relationship"))
		return rd_not_format(rd, "rels", "", "neo4j");
	if (is_record(root, "node") || is_record(root, "relationship")) {
		int found = 0;

		return read_value(rd, NULL, NULL, 0, root, &found);
	}
	return read_elements(rd, root, "nodes", 1) ||
	       read_elements(rd, root, "rels", 0);
}

static int looks_record(const json_t *o)
{
	return (is_record(o, "node") && (json_object_get(o, "labels") ||
					 json_object_get(o, "properties"))) ||
	       (is_record(o, "relationship") && json_object_get(o, "start"));
}

/* A first line: a record, or a query row with one in a column. */
static enum rd_sure detect_line(const json_t *o)
{
	const char *key;
	const json_t *v;

	if (looks_record(o))
		return RD_SURE;
	json_object_foreach((json_t *)o, key, v)
		if (looks_record(v) || is_path(v) ||
		    looks_record(json_array_get(v, 0)))
			return RD_LIKELY;
	return RD_NOT;
}

/* ARRAY_JSON, {nodes, rels}, or a document of one record. */
static enum rd_sure detect_document(const json_t *doc)
{
	if (json_is_array(doc))
		return detect_line(json_array_get(doc, 0)) ? RD_SURE : RD_NOT;
	if (json_object_get(doc, "rels") || looks_record(doc))
		return RD_SURE;
	return RD_NOT;
}

/* The drivers' records, a list of them or one alone: the JavaScript
 * driver's (keys and _fields), or Neo4j Browser's rows, keyed by column,
 * which hold the driver's nodes, relationships and paths. */
static enum rd_sure detect_driver(const json_t *doc)
{
	const json_t *first = json_is_array(doc) ? json_array_get(doc, 0) :
						   doc, *v;
	const char *key;

	if (json_object_get(first, "_fields") &&
	    (json_object_get(first, "_fieldLookup") ||
	     json_is_array(json_object_get(first, "keys"))))
		return RD_SURE;
	if (!json_is_array(doc))
		return RD_NOT;
	json_object_foreach((json_t *)first, key, v)
		if (driver_node(v) || driver_relationship(v) || driver_path(v))
			return RD_SURE;
	return python_row(first) ? RD_LIKELY : RD_NOT;
}

/* A list of records (or, of the drivers', one alone). */
static int read_records(struct reader *rd, const json_t *root, int driver)
{
	if (json_is_object(root))
		return read_record(rd, NULL, 0, root, driver);
	for (size_t i = 0; i < json_array_size(root); i++) {
		const json_t *o = json_array_get(root, i);

		if (rd_element(rd, !json_is_object(o) ?
			rd_wrong_kind(rd, root, NULL, i, "an object") :
			read_record(rd, root, i, o, driver)))
			return -1;
	}
	return 0;
}

static int read_driver(struct reader *rd, const json_t *root)
{
	static const char *const own[] = { "low", "high", NULL };

	rd->unwrap = unwrap_integer;
	return rd_unread_wrapped(rd, root, integer_name, own) ||
	       read_records(rd, root, 1);
}

const struct rd_format rd_neo4j_driver = {
	.name = "neo4j-driver",
	.about = "Neo4j drivers' query results: JavaScript records, "
		 "Browser's Export JSON, Python's data()",
	.detect = detect_driver,
	.read = read_driver,
	.arrays = 1,
};

static const char *const neo4j_keys[] = {
	"nodes", "rels", NULL
};

const struct rd_format rd_neo4j = {
	.name = "neo4j",
	.about = "Neo4j APOC apoc.export.json (lines, array, nodes/rels)",
	.detect = detect_document,
	.read = read_document,
	.arrays = 1,
	.detect_line = detect_line,
	.read_line = read_line,
	.keys = neo4j_keys,
};
