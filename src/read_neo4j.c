/* Neo4j, through APOC's apoc.export.json.*: nodes and relationships as JSON
 * Lines (the default), as one array (ARRAY_JSON), as {nodes, rels} (JSON,
 * or JSON_ID_AS_KEYS with objects keyed by id); and the rows of
 * apoc.export.json.query, whose columns hold nodes, relationships and
 * paths. Node ids and relationship ids are separate spaces: a node's id is
 * its entity's, a relationship's its relation's own. */
#include <stdlib.h>
#include <string.h>

#include "read.h"

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
static int read_node(struct reader *rd, const json_t *parent, const char *key,
		     size_t index, const json_t *o)
{
	const json_t *labels = json_object_get(o, "labels"), *props;
	struct fields f = { NULL, NULL, { NULL }, 0 };
	sg_entity e = { 0 };
	char buf[32];
	int r;

	e.loc = rd_loc(rd, parent, key, index);
	if (!(e.id = rd_id_text(json_object_get(o, "id"), buf, sizeof(buf))))
		return rd_bad_id(rd, o, "id", "node", e.loc);
	if (labels && !json_is_array(labels))
		return rd_wrong_kind(rd, o, "labels", 0, "an array of strings");
	for (size_t i = 0; i < json_array_size(labels); i++)
		if (!json_is_string(json_array_get(labels, i)))
			return rd_wrong_kind(rd, labels, NULL, i, "a string");
	if (properties(rd, o, &props))
		return -1;
	e.type = json_string_value(json_array_get(labels, 0));
	f.o = props;
	for (size_t k = 0; k < 2 && !e.name; k++)
		if ((e.name = json_string_value(json_object_get(props, k ?
								"title" :
								"name"))))
			f.used[f.nused++] = k ? "title" : "name";
	/* (a property named as one of scograph's fields becomes KEY_) */
	r = (json_array_size(labels) > 1 &&
	     more_labels(rd, labels, &e.attrs)) ||
	    rd_collect(rd, &f, 0, &e.attrs) ||
	    sg_graph_add_entity(rd->g, &e, rd->err);
	rd_attrs_release(&e.attrs);
	return r;
}

/* The node id o[key]["id"] at a relationship's end. */
static const char *end_id(struct reader *rd, const json_t *o, const char *key,
			  sg_loc at, char *buf, size_t size, sg_loc *loc)
{
	const json_t *end = json_object_get(o, key);
	const char *id;

	if (!end) {
		rd_bad_id(rd, o, key, "relationship", at);
		return NULL;
	}
	if (!json_is_object(end)) {
		rd_wrong_kind(rd, o, key, 0, "an object with the node's 'id'");
		return NULL;
	}
	*loc = rd_loc(rd, end, "id", 0);
	if (!(id = rd_id_text(json_object_get(end, "id"), buf, size)))
		rd_bad_id(rd, end, "id", "relationship's end", rd_loc(rd, o,
								       key, 0));
	return id;
}

static int read_relationship(struct reader *rd, const json_t *parent,
			     const char *key, size_t index, const json_t *o)
{
	const json_t *props;
	sg_relation rel = { 0 };
	char fbuf[32], tbuf[32], ibuf[32];
	int r;

	rel.loc = rd_loc(rd, parent, key, index);
	if (!(rel.from_ref = end_id(rd, o, "start", rel.loc, fbuf,
				    sizeof(fbuf), &rel.from_loc)) ||
	    !(rel.to_ref = end_id(rd, o, "end", rel.loc, tbuf, sizeof(tbuf),
				  &rel.to_loc)) ||
	    rd_string(rd, o, index, parent, "label", 0, "", &rel.type) ||
	    properties(rd, o, &props))
		return -1;
	rel.id = rd_id_text(json_object_get(o, "id"), ibuf, sizeof(ibuf));
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
	r = rd_collect(rd, &(struct fields){ props, NULL, { NULL }, 0 }, 1,
		       &rel.attrs) ||
	    sg_graph_add_relation(rd->g, &rel, rd->err);
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
		      int *found)
{
	if (is_record(v, "node")) {
		++*found;
		return read_node(rd, parent, key, index, v);
	}
	if (is_record(v, "relationship")) {
		++*found;
		return read_relationship(rd, parent, key, index, v);
	}
	if (is_path(v)) {
		++*found;
		return read_elements(rd, v, "nodes", 1) ||
		       read_elements(rd, v, json_object_get(v, "rels") ?
						    "rels" : "relationships", 0);
	}
	for (size_t i = 0; json_is_array(v) && i < json_array_size(v); i++)
		if (rd_element(rd, read_value(rd, v, NULL, i,
					      json_array_get(v, i), found)))
			return -1;
	return 0;
}

/* One record, or one row of a query's: o, list[index]. */
static int read_record(struct reader *rd, const json_t *list, size_t index,
		       const json_t *o)
{
	const char *key;
	const json_t *v;
	int found = 0;
	sg_loc loc;

	if (is_record(o, "node") || is_record(o, "relationship") ||
	    is_path(o))
		return read_value(rd, list, NULL, index, o, &found);
	json_object_foreach((json_t *)o, key, v)
		if (read_value(rd, o, key, 0, v, &found))
			return -1;
	if (found)
		return 0;
	loc = rd_loc(rd, list, NULL, index);
	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "a Neo4j record must be a node (\"type\": \"node\"), "
		       "a relationship (\"type\": \"relationship\") or a query "
		       "row holding them");
}

static int read_line(struct reader *rd, const json_t *list, const json_t *o)
{
	return read_record(rd, list, 0, o);
}

static int read_document(struct reader *rd, const json_t *root)
{
	if (json_is_array(root)) {
		for (size_t i = 0; i < json_array_size(root); i++) {
			const json_t *o = json_array_get(root, i);

			if (rd_element(rd, !json_is_object(o) ?
				rd_wrong_kind(rd, root, NULL, i, "an object") :
				read_record(rd, root, i, o)))
				return -1;
		}
		return 0;
	}
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

const struct rd_format rd_neo4j = {
	.name = "neo4j",
	.about = "Neo4j APOC apoc.export.json (lines, array, nodes/rels)",
	.detect = detect_document,
	.read = read_document,
	.arrays = 1,
	.detect_line = detect_line,
	.read_line = read_line,
};
