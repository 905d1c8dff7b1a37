/* scograph's own format: a JSON document, or JSON Lines of its records. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"

/* A string field of a native object: its key, whether it must be there
 * (and not empty), and where it goes in the struct being filled. One table
 * per kind of object gives both the reading and the list of known keys. */
struct field {
	const char *key;
	int required;
	size_t offset;
};

#define FIELD(type, member, key, required) \
	{ key, required, offsetof(type, member) }

static const struct field source_fields[] = {
	FIELD(sg_source, id, "id", 1),
	FIELD(sg_source, title, "title", 0),
	FIELD(sg_source, author, "author", 0),
	FIELD(sg_source, date, "date", 0),
	FIELD(sg_source, url, "url", 0),
	FIELD(sg_source, publisher, "publisher", 0),
};

/* (the fields whose places or values are wanted by name: seen[] is
 * indexed as the table is) */
enum { E_ID, E_NAME, E_TYPE, E_DESCRIPTION, E_URL, E_PARENT };

static const struct field entity_fields[] = {
	[E_ID] = FIELD(sg_entity, id, "id", 1),
	[E_NAME] = FIELD(sg_entity, name, "name", 0),
	[E_TYPE] = FIELD(sg_entity, type, "type", 0),
	[E_DESCRIPTION] = FIELD(sg_entity, description, "description", 0),
	[E_URL] = FIELD(sg_entity, url, "url", 0),
	[E_PARENT] = FIELD(sg_entity, parent_ref, "parent", 0),
};

/* (R_DIRECTED is no string: known to other_keys, read apart) */
enum { R_FROM, R_TO, R_TYPE, R_ID, R_LABEL, R_EVIDENCE, R_SOURCE,
       R_DIRECTED };

static const struct field relation_fields[] = {
	[R_FROM] = FIELD(sg_relation, from_ref, "from", 1),
	[R_TO] = FIELD(sg_relation, to_ref, "to", 1),
	[R_TYPE] = FIELD(sg_relation, type, "type", 1),
	[R_ID] = FIELD(sg_relation, id, "id", 0),
	[R_LABEL] = FIELD(sg_relation, label, "label", 0),
	[R_EVIDENCE] = FIELD(sg_relation, evidence, "evidence", 0),
	[R_SOURCE] = FIELD(sg_relation, source, "source", 0),
};
_Static_assert(R_DIRECTED == SG_ARRAY_SIZE(relation_fields),
	       "'directed' follows the string fields among the known keys");

/* The keys of fields into keys (room for n + 1), and extra last when not
 * NULL; returns how many. */
static size_t field_keys(const struct field *fields, size_t n,
			 const char *extra, const char **keys)
{
	for (size_t k = 0; k < n; k++)
		keys[k] = fields[k].key;
	if (extra)
		keys[n++] = extra;
	return n;
}

/* A field's value, and which member of its object it is; v NULL: absent. */
struct seen {
	const json_t *v;
	size_t member;
};

/* Reads the string fields of o, which is list[i], into the struct at out
 * (with seen, their values as other_keys found them); what names o in
 * errors. */
static int read_fields(struct reader *rd, const json_t *o, size_t i,
		       const json_t *list, const struct field *fields,
		       size_t n, const struct seen *seen, const char *what,
		       void *out)
{
	for (size_t k = 0; k < n; k++) {
		const char *value;

		if (rd_string_of(rd, o, i, list, fields[k].key,
				 seen ? seen[k].v :
					json_object_get(o, fields[k].key),
				 fields[k].required, what, &value))
			return -1;
		memcpy((char *)out + fields[k].offset, &value, sizeof(value));
	}
	return 0;
}

static int read_source(struct reader *rd, const json_t *list, size_t i,
		       const json_t *o)
{
	const char *keys[SG_ARRAY_SIZE(source_fields)];
	sg_source s = { 0 };

	s.loc = rd_loc(rd, list, NULL, i);
	return rd_check_keys(rd, o, keys,
			  field_keys(source_fields,
				     SG_ARRAY_SIZE(source_fields), NULL, keys),
			  "a source") ||
	       read_fields(rd, o, i, list, source_fields,
			   SG_ARRAY_SIZE(source_fields), NULL, "source", &s) ||
	       sg_graph_add_source(rd->g, &s, rd->err);
}

static int read_graph_section(struct reader *rd, const json_t *root)
{
	int failed;
	const json_t *graph = rd_container(rd, root, "graph", 0, &failed);
	static const char *const keys[] = { "title", "description", "sources" };
	const char *title, *description;

	if (!graph)
		return failed ? -1 : 0;
	if (rd_check_keys(rd, graph, keys, SG_ARRAY_SIZE(keys), "'graph'") ||
	    rd_string(rd, graph, 0, root, "title", 0, "", &title) ||
	    rd_string(rd, graph, 0, root, "description", 0, "",
		       &description) ||
	    sg_graph_set_title(rd->g, title, description,
			       rd_loc(rd, graph, "title", 0), rd->err))
		return -1;
	return rd_list(rd, graph, "sources", read_source);
}

int rd_style_value(struct reader *rd, const json_t *o, const char *key,
		   int numeric, const char **out)
{
	/* Graphviz's sizes, a number or its text: past these, or nan, they
	 * overflow the arithmetic of a drawing (penwidth 1e300) */
	static const struct {
		const char *key;
		double min, max;
	} sizes[] = {
		{ "penwidth", 0, 100 }, { "fontsize", 1, 1000 },
		{ "arrowsize", 0, 100 },
	};
	const json_t *v = json_object_get(o, key);
	char number[32], *end;

	if (numeric && json_is_number(v)) {
		/* no locale is ever set: %g writes a dot */
		snprintf(number, sizeof(number), "%g", json_number_value(v));
		*out = sg_graph_intern(rd->g, number);
		if (!*out)
			return rd_nomem(rd);
	} else if (!json_is_string(v)) {
		return rd_wrong_kind(rd, o, key, 0,
				     numeric ? "a string or a number" :
					       "a string");
	} else if (rd_no_markup(rd, o, key, 0, json_string_value(v))) {
		return -1;
	} else {
		*out = json_string_value(v);
	}
	/* no style needs more, and Graphviz's DOT parser takes no string
	 * past 16384 bytes: the drawing would fail */
	if (strlen(*out) > 1000) {
		sg_loc loc = rd_loc(rd, o, key, 0);

		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "'%s' is longer than 1000 bytes",
			       key);
	}
	for (size_t i = 0; i < SG_ARRAY_SIZE(sizes); i++) {
		double d;
		sg_loc loc;

		if (strcmp(key, sizes[i].key))
			continue;
		d = strtod(*out, &end);
		if (end != *out && !*end && d >= sizes[i].min &&
		    d <= sizes[i].max) /* false for nan */
			return 0;
		loc = rd_loc(rd, o, key, 0);
		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "'%s' must be a number from %g to "
			       "%g, not '%s'", key, sizes[i].min, sizes[i].max,
			       *out);
	}
	return 0;
}

int rd_no_markup(struct reader *rd, const json_t *parent, const char *key,
		 size_t index, const char *value)
{
	sg_loc loc;

	/* The Graphviz here writes some attributes (fontname, id) into SVG as
	 * they are: one of these would let the input add its own markup. No
	 * colour, shape, style or font name needs them. */
	if (!value[strcspn(value, "\"<>&")])
		return 0;
	loc = rd_loc(rd, parent, key, index);
	if (!key)
		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "a colour cannot hold \", <, > or &");
	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "'%s' cannot hold \", <, > or &", key);
}

/* The optional boolean v, o[key], into *out (NULL: absent); -1 when it is
 * something else. */
static int read_flag(struct reader *rd, const json_t *o, const char *key,
		     const json_t *v, int absent, int *out)
{
	if (v && !json_is_boolean(v))
		return rd_wrong_kind(rd, o, key, 0, "true or false");
	*out = v ? json_is_true(v) : absent;
	return 0;
}

int rd_types(struct reader *rd, const json_t *root, int relation)
{
	static const char *const node_keys[] = { "label", "shape", "style",
		"fillcolor", "color", "fontcolor", "fontname", "penwidth" };
	static const char *const edge_keys[] = { "label", "color", "style",
		"fontcolor", "penwidth", "arrowhead", "symmetric" };
	const char *section = relation ? "relation_types" : "types";
	int failed;
	const json_t *types = rd_container(rd, root, section, 0, &failed);
	const char *id;
	const json_t *o;
	int r = failed ? -1 : 0;

	json_object_foreach((json_t *)types, id, o) {
		sg_type t = { 0 };
		const char *key;
		const json_t *v;
		/* each key at most once: a pair for every key of the longer
		 * list */
		const char *kv[2 * SG_ARRAY_SIZE(node_keys)];

		_Static_assert(SG_ARRAY_SIZE(node_keys) >=
				       SG_ARRAY_SIZE(edge_keys),
			       "kv holds a relation type's style too");

		t.id = id;
		t.loc = rd_loc(rd, types, id, 0);
		t.style.kv = kv;
		if (!json_is_object(o)) {
			r = rd_wrong_kind(rd, types, id, 0, "an object");
			break;
		}
		r = relation ? rd_check_keys(rd, o, edge_keys,
					     SG_ARRAY_SIZE(edge_keys),
					     "a relation type") :
			       rd_check_keys(rd, o, node_keys,
					     SG_ARRAY_SIZE(node_keys), "a type");
		json_object_foreach((json_t *)o, key, v) {
			if (r)
				break;
			if (!strcmp(key, "label")) {
				r = rd_string(rd, o, 0, types, key, 0, "",
					      &t.label);
				continue;
			}
			if (!strcmp(key, "symmetric")) {
				r = read_flag(rd, o, key, v, 0, &t.symmetric);
				continue;
			}
			kv[t.style.n++] = key;
			r = rd_style_value(rd, o, key,
					   !strcmp(key, "penwidth"),
					   &kv[t.style.n++]);
		}
		if (r || (r = sg_graph_add_type(rd->g, relation, &t, rd->err)))
			break;
	}
	return r;
}

static int read_aliases(struct reader *rd, const json_t *o, sg_entity *e,
			const char ***store)
{
	const json_t *list = json_object_get(o, "aliases");

	if (!list)
		return 0;
	if (!json_is_array(list))
		return rd_wrong_kind(rd, o, "aliases", 0, "an array of strings");
	*store = calloc(json_array_size(list) + 1, sizeof(**store));
	if (!*store)
		return sg_fail(rd->err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	for (size_t i = 0; i < json_array_size(list); i++) {
		const json_t *a = json_array_get(list, i);

		if (!json_is_string(a))
			return rd_wrong_kind(rd, list, NULL, i, "a string");
		if (json_string_length(a))
			(*store)[e->naliases++] = json_string_value(a);
	}
	e->aliases = *store;
	return 0;
}

/* Whether key is a slip for field: one letter off, two swapped, or a
 * field's plural cut short ("alias"). */
static int near_key(const char *key, const char *field)
{
	size_t n = strlen(key);

	/* "source_" is scograph's own name for an attribute "source" (see
	 * rd_own_key), not a slip */
	if (n == strlen(field) + 1 && key[n - 1] == '_' &&
	    !strncmp(key, field, n - 1))
		return 0;
	return sg_distance(key, field, 1) <= 1 ||
	       (!strncmp(key, field, n) && strlen(field) <= n + 2);
}

/* The keys of o but its fields (known) as attributes, each warned of
 * where it is one slip away from a field ("alias" for "aliases", "soruce"
 * for "source"): kept as an attribute, it would pass for one unnoticed.
 * The fields' values, and where they are, into seen. */
static int other_keys(struct reader *rd, const json_t *o,
		      const char *const *known, size_t nknown, sg_attrs *attrs,
		      struct seen *seen)
{
	const char *key;
	const json_t *v;
	size_t member = 0;

	memset(seen, 0, nknown * sizeof(*seen));
	json_object_foreach((json_t *)o, key, v) {
		size_t k = 0;

		while (k < nknown && !rd_same_key(key, known[k]))
			k++;
		if (k < nknown) {
			seen[k] = (struct seen){ v, member++ };
			continue;
		}
		member++;
		for (k = 0; k < nknown && strlen(key) >= 4; k++)
			if (near_key(key, known[k]) &&
			    sg_graph_warn(rd->g, SG_WNEARMISS,
					  rd_loc(rd, o, key, 0),
					  "key '%s' looks like '%s': it is "
					  "kept as an attribute", key,
					  known[k]))
				return -1;
		if (rd_attr(rd, attrs, key, v))
			return -1;
	}
	return 0;
}

/* Where a field of o is, as other_keys saw it: the document's place
 * where it is absent. */
static sg_loc seen_at(struct reader *rd, const json_t *o,
		      const struct seen *field)
{
	return rd_loc(rd, field->v ? o : NULL, NULL, field->member);
}

int rd_entity(struct reader *rd, const json_t *list, size_t i,
	      const json_t *o)
{
	const char *known[SG_ARRAY_SIZE(entity_fields) + 1];
	struct seen seen[SG_ARRAY_SIZE(entity_fields) + 1];
	sg_entity e = { 0 };
	const char **aliases = NULL;
	size_t nknown;
	int r;

	e.loc = rd_loc(rd, list, NULL, i);
	/* Other keys are the user's own attributes. */
	nknown = field_keys(entity_fields, SG_ARRAY_SIZE(entity_fields),
			    "aliases", known);
	r = other_keys(rd, o, known, nknown, &e.attrs, seen);
	e.parent_loc = seen_at(rd, o, &seen[E_PARENT]);
	r = r ||
	    read_fields(rd, o, i, list, entity_fields,
			SG_ARRAY_SIZE(entity_fields), seen, "entity", &e) ||
	    read_aliases(rd, o, &e, &aliases) ||
	    sg_graph_add_entity(rd->g, &e, rd->err);
	free(aliases);
	rd_attrs_release(&e.attrs);
	return r;
}

int rd_relation(struct reader *rd, const json_t *list, size_t i,
		const json_t *o)
{
	const char *known[SG_ARRAY_SIZE(relation_fields) + 1];
	struct seen seen[SG_ARRAY_SIZE(relation_fields) + 1];
	sg_relation r = { 0 };
	sg_places at;
	size_t nknown;
	int failed, directed = 1;

	r.loc = rd_loc(rd, list, NULL, i);
	nknown = field_keys(relation_fields, SG_ARRAY_SIZE(relation_fields),
			    "directed", known);
	failed = other_keys(rd, o, known, nknown, &r.attrs, seen);
	at.from = sg_pos_of(seen_at(rd, o, &seen[R_FROM]));
	at.to = sg_pos_of(seen_at(rd, o, &seen[R_TO]));
	at.source = sg_pos_of(seen_at(rd, o, &seen[R_SOURCE]));
	failed = failed ||
		 read_fields(rd, o, i, list, relation_fields,
			     SG_ARRAY_SIZE(relation_fields), seen, "relation",
			     &r) ||
		 read_flag(rd, o, "directed", seen[R_DIRECTED].v, 1,
			   &directed);
	r.undirected = !directed;
	failed = failed || sg_graph_add_relation_at(rd->g, &r, &at, rd->err);
	rd_attrs_release(&r.attrs);
	return failed;
}

/* "summaries": what -T json of a folded view says of its drawing (see
 * write.c); no part of the graph, passed over. */
static const char *const top_keys[] = { "graph", "types", "relation_types",
					"entities", "relations", "summaries",
					"$schema" };

/* Reads root, an object of top-level members: the whole document, or a part
 * of it standing in for the whole. */
int rd_members(struct reader *rd, const json_t *root)
{
	return rd_check_keys(rd, root, top_keys, SG_ARRAY_SIZE(top_keys),
			  "the top-level object") ||
	       read_graph_section(rd, root) || rd_types(rd, root, 0) ||
	       rd_types(rd, root, 1) ||
	       rd_list(rd, root, "entities", rd_entity) ||
	       rd_list(rd, root, "relations", rd_relation);
}

static int read_record(struct reader *rd, const json_t *list,
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


/* Any of the native sections; a "graph" alone may be another format's. */
static enum rd_sure detect_native(const json_t *doc)
{
	static const char *const sections[] = { "entities", "relations",
						"types", "relation_types" };

	for (size_t i = 0; i < SG_ARRAY_SIZE(sections); i++)
		if (json_object_get(doc, sections[i]))
			return RD_LIKELY;
	return json_object_get(doc, "graph") ? RD_MAYBE : RD_NOT;
}

/* Lines that are no other format's are native, for their errors. */
/* (a record is an object: a list is another format's line) */
static enum rd_sure detect_record(const json_t *o)
{
	return json_is_object(o) ? RD_MAYBE : RD_NOT;
}

const struct rd_format rd_native = {
	.name = "native",
	.about = "scograph's own JSON",
	.detect = detect_native,
	.read = rd_members,
};

const struct rd_format rd_jsonl = {
	.name = "jsonl",
	.about = "scograph's own records, one a line",
	.detect_line = detect_record,
	.read_line = read_record,
};
