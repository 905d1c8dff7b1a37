/* The reader: positions, native scograph JSON, and the way in for every
 * format. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "read.h"

/* ---- where each value stands in the text (see read.h) ---- */

void rd_forget(struct reader *rd)
{
	rd->ps.npos = 0;
	rd->ps.used = 0;
	rd->ps.gen++;
}

static size_t block_slot(const struct positions *ps, const json_t *container)
{
	uintptr_t p = (uintptr_t)container;

	return (size_t)((p >> 4) * 2654435761u) & (ps->nblocks - 1);
}

static void block_put(struct positions *ps, const json_t *c, size_t start)
{
	size_t i = block_slot(ps, c);

	while (ps->blocks[i].gen == ps->gen)
		i = (i + 1) & (ps->nblocks - 1);
	ps->blocks[i].container = c;
	ps->blocks[i].start = start;
	ps->blocks[i].gen = ps->gen;
	ps->used++;
}

/* Reserves n positions for the members of container c. */
static int block_add(struct positions *ps, const json_t *c, size_t n,
		     size_t *start)
{
	if ((ps->used + 1) * 2 > ps->nblocks) {
		struct positions bigger = { 0 };

		/* generation 0 marks the new table's slots empty */
		bigger.gen = 1;
		bigger.nblocks = ps->nblocks ? ps->nblocks * 2 : 256;
		bigger.blocks = calloc(bigger.nblocks, sizeof(*bigger.blocks));
		if (!bigger.blocks)
			return -1;
		for (size_t k = 0; k < ps->nblocks; k++)
			if (ps->blocks[k].gen == ps->gen)
				block_put(&bigger, ps->blocks[k].container,
					  ps->blocks[k].start);
		free(ps->blocks);
		ps->blocks = bigger.blocks;
		ps->nblocks = bigger.nblocks;
		ps->gen = 1;
	}
	if (SG_GROW(ps->pos, ps->npos + n, ps->apos))
		return -1;
	*start = ps->npos;
	ps->npos += n;
	block_put(ps, c, *start);
	return 0;
}

/* Where member key (or element index, when key is NULL) of c begins. */
static const struct pos *pos_find(const struct positions *ps,
				  const json_t *c, const char *key,
				  size_t index)
{
	size_t i;

	if (!ps->nblocks)
		return NULL;
	for (i = block_slot(ps, c); ps->blocks[i].gen != ps->gen ||
				    ps->blocks[i].container != c;
	     i = (i + 1) & (ps->nblocks - 1))
		if (ps->blocks[i].gen != ps->gen)
			return NULL;
	if (key) {
		void *it = json_object_iter((json_t *)c);

		/* the ordinal of the key: objects are small where it matters */
		for (index = 0; it && strcmp(json_object_iter_key(it), key);
		     index++)
			it = json_object_iter_next((json_t *)c, it);
		if (!it)
			return NULL;
	}
	return &ps->pos[ps->blocks[i].start + index];
}


static void step(struct scanner *s)
{
	if (s->p >= s->end)
		return;
	if (*s->p == '\n') {
		s->line++;
		s->column = 0;
	} else if (((unsigned char)*s->p & 0xC0) != 0x80) {
		s->column++;
	}
	s->p++;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void skip_space(struct scanner *s)
{
	while (s->p < s->end && is_space(*s->p))
		step(s);
}

/* Moves past a string; -1 when the text ends inside it. */
static int skip_string(struct scanner *s)
{
	step(s); /* the opening quote */
	while (s->p < s->end && *s->p != '"') {
		if (*s->p == '\\')
			step(s);
		step(s);
	}
	if (s->p >= s->end)
		return -1;
	step(s);
	return 0;
}

/* Skips to the next structural character: past a string, or a token. */
static void skip_scalar(struct scanner *s)
{
	if (*s->p == '"') {
		skip_string(s);
		return;
	}
	while (s->p < s->end && !is_space(*s->p) && !strchr(",]}", *s->p))
		step(s);
}

/*
 * Moves past one value without judging it (Jansson does that later); -1
 * where no value starts or the text ends inside one.
 */
static int skip_value(struct scanner *s)
{
	int depth = 0;

	if (s->p >= s->end || strchr(",:]}", *s->p))
		return -1;
	if (*s->p != '{' && *s->p != '[') {
		skip_scalar(s);
		return 0;
	}
	while (s->p < s->end) {
		if (*s->p == '"') {
			if (skip_string(s))
				return -1;
			continue;
		}
		depth += (*s->p == '{' || *s->p == '[') -
			 (*s->p == '}' || *s->p == ']');
		step(s);
		if (!depth)
			return 0;
	}
	return -1;
}

static int scan_value(struct scanner *s, const json_t *v);

/* Notes where the member at position slot begins, then walks it. */
static int scan_member(struct scanner *s, size_t slot, const json_t *child)
{
	skip_space(s);
	s->ps->pos[slot].line = s->line;
	s->ps->pos[slot].column = s->column + 1;
	return scan_value(s, child);
}

static int scan_value(struct scanner *s, const json_t *v)
{
	size_t start, i = 0;

	skip_space(s);
	if (s->p >= s->end)
		return 0;
	if (json_is_object(v)) {
		if (block_add(s->ps, v, json_object_size(v), &start))
			return -1;
		step(s); /* { */
		for (void *it = json_object_iter((json_t *)v); it;
		     it = json_object_iter_next((json_t *)v, it)) {
			skip_space(s);
			skip_string(s);
			skip_space(s);
			step(s); /* : */
			if (scan_member(s, start + i++,
					json_object_iter_value(it)))
				return -1;
			skip_space(s);
			step(s); /* , or } */
		}
		if (!json_object_size(v)) {
			skip_space(s);
			step(s);
		}
	} else if (json_is_array(v)) {
		if (block_add(s->ps, v, json_array_size(v), &start))
			return -1;
		step(s); /* [ */
		for (; i < json_array_size(v); i++) {
			if (scan_member(s, start + i, json_array_get(v, i)))
				return -1;
			skip_space(s);
			step(s); /* , or ] */
		}
		if (!json_array_size(v)) {
			skip_space(s);
			step(s);
		}
	} else {
		skip_scalar(s);
	}
	return 0;
}

/* ---- reading the document ---- */


/* Records the error at hand among the graph's diagnostics, so that reading
 * can go on to the next entity or relation; -1 when it must stop. */
int rd_note(struct reader *rd)
{
	int r = rd->error.code == SG_OK ? 0 : sg_graph_note(rd->g, &rd->error);

	memset(&rd->error, 0, sizeof(rd->error));
	return r;
}

sg_loc rd_loc(const struct reader *rd, const json_t *parent,
		     const char *key, size_t index)
{
	const struct pos *p = parent ? pos_find(&rd->ps, parent, key, index) :
				       NULL;
	sg_loc loc = { rd->file, rd->root_line, rd->root_column };

	if (p) {
		loc.line = p->line;
		loc.column = p->column;
	}
	return loc;
}

const char *rd_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	default: return "null";
	}
}

/* The value of parent[key] or parent[index] has the wrong kind. */
int rd_wrong_kind(struct reader *rd, const json_t *parent,
		      const char *key, size_t index, const char *expected)
{
	sg_loc loc = rd_loc(rd, parent, key, index);
	const json_t *v = key ? json_object_get(parent, key) :
				json_array_get(parent, index);

	if (key)
		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "'%s' must be %s, not %s", key,
			       expected, rd_kind(v));
	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "expected %s, not %s", expected, rd_kind(v));
}

/* Reads optional string member key of obj into *out (NULL when absent or
 * empty); required ones must be present and non-empty. */
int rd_string(struct reader *rd, const json_t *obj, size_t index,
		      const json_t *parent, const char *key, int required,
		      const char *what, const char **out)
{
	const json_t *v = json_object_get(obj, key);

	*out = NULL;
	if (v && !json_is_string(v))
		return rd_wrong_kind(rd, obj, key, 0, "a string");
	if (v && json_string_length(v))
		*out = json_string_value(v);
	if (required && !*out) {
		sg_loc loc = v ? rd_loc(rd, obj, key, 0) :
				 rd_loc(rd, parent, NULL, index);

		return sg_fail(rd->err, SG_EMISSING, loc.file, loc.line,
			       loc.column, v ? "%s has an empty '%s'" :
					       "%s has no '%s'", what, key);
	}
	return 0;
}

/* Rejects a key not allowed, suggesting the closest. */
int rd_check_keys(struct reader *rd, const json_t *obj,
		  const char *const *allowed, size_t nallowed,
		  const char *what)
{
	const char *key;
	const json_t *v;

	json_object_foreach((json_t *)obj, key, v) {
		const char *close = NULL;
		size_t best = 3;
		sg_loc loc;

		for (size_t i = 0; i < nallowed; i++) {
			size_t d = sg_distance(key, allowed[i], 2);

			if (!d)
				break;
			if (d < best) {
				best = d;
				close = allowed[i];
			}
			if (i + 1 < nallowed)
				continue;
			loc = rd_loc(rd, obj, key, 0);
			if (close)
				return sg_fail(rd->err, SG_ESHAPE, loc.file,
					       loc.line, loc.column,
					       "unknown key '%s' in %s; did you mean '%s'?",
					       key, what, close);
			return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
				       loc.column, "unknown key '%s' in %s",
				       key, what);
		}
	}
	return 0;
}

/* The object or array parent[key]; NULL with no error when absent. */
const json_t *rd_container(struct reader *rd, const json_t *parent,
				   const char *key, int array, int *failed)
{
	const json_t *v = json_object_get(parent, key);

	*failed = 0;
	if (v && (array ? !json_is_array(v) : !json_is_object(v))) {
		rd_wrong_kind(rd, parent, key, 0, array ? "an array" : "an object");
		*failed = 1;
		return NULL;
	}
	return v;
}

/* Reads the objects of list parent[key] one by one with read_one. */
int rd_list(struct reader *rd, const json_t *parent, const char *key,
		     int (*read_one)(struct reader *, const json_t *list,
				     size_t i, const json_t *o))
{
	int failed;
	const json_t *list = rd_container(rd, parent, key, 1, &failed);

	for (size_t i = 0; list && i < json_array_size(list); i++) {
		const json_t *o = json_array_get(list, i);

		/* a bad element spoils only itself */
		if ((!json_is_object(o) ?
			     rd_wrong_kind(rd, list, NULL, i, "an object") :
			     read_one(rd, list, i, o)) &&
		    rd_note(rd))
			return -1;
	}
	return failed ? -1 : 0;
}

int rd_attrs(struct reader *rd, const json_t *o, const char *const *known,
	     size_t nknown, sg_attrs *attrs)
{
	const char *key;
	const json_t *v;

	json_object_foreach((json_t *)o, key, v) {
		size_t k = 0;
		char *text;

		while (k < nknown && strcmp(known[k], key))
			k++;
		if (k < nknown)
			continue;
		text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		if (!text || SG_GROW(attrs->kv, attrs->n + 2, attrs->alloc)) {
			free(text);
			return rd_nomem(rd);
		}
		attrs->kv[attrs->n++] = key;
		attrs->kv[attrs->n++] = text;
	}
	return 0;
}

void rd_attrs_release(sg_attrs *attrs)
{
	for (size_t i = 1; i < attrs->n; i += 2)
		free((char *)attrs->kv[i]);
	free(attrs->kv);
	memset(attrs, 0, sizeof(*attrs));
}

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

static const struct field entity_fields[] = {
	FIELD(sg_entity, id, "id", 1),
	FIELD(sg_entity, name, "name", 0),
	FIELD(sg_entity, type, "type", 0),
	FIELD(sg_entity, description, "description", 0),
	FIELD(sg_entity, url, "url", 0),
};

static const struct field relation_fields[] = {
	FIELD(sg_relation, from_ref, "from", 1),
	FIELD(sg_relation, to_ref, "to", 1),
	FIELD(sg_relation, type, "type", 1),
	FIELD(sg_relation, label, "label", 0),
	FIELD(sg_relation, evidence, "evidence", 0),
	FIELD(sg_relation, source, "source", 0),
};

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

/* Reads the string fields of o, which is list[i], into the struct at out;
 * what names o in errors. */
static int read_fields(struct reader *rd, const json_t *o, size_t i,
		       const json_t *list, const struct field *fields,
		       size_t n, const char *what, void *out)
{
	for (size_t k = 0; k < n; k++) {
		const char *value;

		if (rd_string(rd, o, i, list, fields[k].key,
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
			   SG_ARRAY_SIZE(source_fields), "source", &s) ||
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
	    sg_graph_set_title(rd->g, title, rd_loc(rd, graph, "title", 0),
			       rd->err))
		return -1;
	return rd_list(rd, graph, "sources", read_source);
}

int rd_style_value(struct reader *rd, const json_t *o, const char *key,
		   int numeric, const char **out)
{
	const json_t *v = json_object_get(o, key);
	char number[32];

	if (numeric && json_is_number(v)) {
		/* no locale is ever set: %g writes a dot */
		snprintf(number, sizeof(number), "%g", json_number_value(v));
		*out = sg_graph_intern(rd->g, number);
		return *out ? 0 : rd_nomem(rd);
	}
	if (!json_is_string(v))
		return rd_wrong_kind(rd, o, key, 0,
				     numeric ? "a string or a number" :
					       "a string");
	*out = json_string_value(v);
	return rd_no_markup(rd, o, key, 0, *out);
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

int rd_types(struct reader *rd, const json_t *root, int relation)
{
	static const char *const node_keys[] = { "label", "shape", "style",
		"fillcolor", "color", "fontcolor", "fontname", "penwidth" };
	static const char *const edge_keys[] = { "label", "color", "style",
		"fontcolor", "penwidth", "arrowhead" };
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
		const char *kv[2 * SG_ARRAY_SIZE(node_keys)];

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

int rd_entity(struct reader *rd, const json_t *list, size_t i,
	      const json_t *o)
{
	const char *known[SG_ARRAY_SIZE(entity_fields) + 1];
	sg_entity e = { 0 };
	const char **aliases = NULL;
	int r;

	e.loc = rd_loc(rd, list, NULL, i);
	/* Other keys are the user's own attributes. */
	r = rd_attrs(rd, o, known,
		     field_keys(entity_fields, SG_ARRAY_SIZE(entity_fields),
				"aliases", known),
		     &e.attrs) ||
	    read_fields(rd, o, i, list, entity_fields,
			SG_ARRAY_SIZE(entity_fields), "entity", &e) ||
	    read_aliases(rd, o, &e, &aliases) ||
	    sg_graph_add_entity(rd->g, &e, rd->err);
	free(aliases);
	rd_attrs_release(&e.attrs);
	return r;
}

int rd_relation(struct reader *rd, const json_t *list, size_t i,
		const json_t *o)
{
	const char *known[SG_ARRAY_SIZE(relation_fields)];
	sg_relation r = { 0 };
	int failed;

	r.loc = rd_loc(rd, list, NULL, i);
	r.from_loc = rd_loc(rd, o, "from", 0);
	r.to_loc = rd_loc(rd, o, "to", 0);
	r.source_loc = rd_loc(rd, o, "source", 0);
	failed = rd_attrs(rd, o, known,
			  field_keys(relation_fields,
				     SG_ARRAY_SIZE(relation_fields), NULL,
				     known),
			  &r.attrs) ||
		 read_fields(rd, o, i, list, relation_fields,
			     SG_ARRAY_SIZE(relation_fields), "relation", &r) ||
		 sg_graph_add_relation(rd->g, &r, rd->err);
	rd_attrs_release(&r.attrs);
	return failed;
}

static const char *const top_keys[] = { "graph", "types", "relation_types",
					"entities", "relations" };

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

int rd_nomem(struct reader *rd)
{
	return sg_fail(rd->err, SG_ENOMEM, NULL, 0, 0, "out of memory");
}

/* Jansson's reading of the text at s up to end; NULL with its error, placed
 * in the file. */
json_t *rd_parse(struct reader *rd, const struct scanner *s,
		     const char *end)
{
	json_error_t jerr;
	json_t *v = json_loadb(s->p, (size_t)(end - s->p),
			       JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);

	if (v)
		return v;
	if (jerr.line > 0) {
		if (jerr.line == 1)
			jerr.column += s->column;
		jerr.line += s->line - 1;
	}
	if (json_error_code(&jerr) == json_error_invalid_utf8)
		sg_fail(rd->err, SG_EENCODING, rd->file, jerr.line, jerr.column,
			"not valid UTF-8: %s", jerr.text);
	else if (json_error_code(&jerr) == json_error_out_of_memory)
		rd_nomem(rd);
	else
		sg_fail(rd->err, SG_ESYNTAX, rd->file, jerr.line, jerr.column,
			"%s", jerr.text);
	return NULL;
}

/* Notes where everything inside v stands; its text starts at s. */
int rd_scan(struct reader *rd, struct scanner s, const json_t *v)
{
	s.ps = &rd->ps;
	return scan_value(&s, v) ? rd_nomem(rd) : 0;
}

/* Reads the value of top-level member key, standing at pos, as if the
 * document held only that member. */
static int read_alone(struct reader *rd, const char *key, json_t *v,
		      struct pos at)
{
	json_t *root = json_object();
	size_t start;
	int r;

	if (!root || json_object_set(root, key, v) ||
	    block_add(&rd->ps, root, 1, &start)) {
		r = rd_nomem(rd);
	} else {
		rd->ps.pos[start] = at;
		r = rd_members(rd, root);
	}
	json_decref(root);
	return r;
}

json_t *rd_wrap(struct reader *rd, json_t *v, struct pos at)
{
	json_t *list = json_array();
	size_t start;

	if (!list || json_array_append(list, v) ||
	    block_add(&rd->ps, list, 1, &start)) {
		json_decref(list);
		rd_nomem(rd);
		return NULL;
	}
	rd->ps.pos[start] = at;
	return list;
}

/* Parses and reads one value of the text, from s to end: a whole member,
 * or when list_at is given one element of a list that stands there. */
static int read_piece(struct reader *rd, const char *key,
		      const struct scanner *s, const char *end,
		      const struct pos *list_at)
{
	struct pos at = { s->line, s->column + 1 };
	json_t *v = rd_parse(rd, s, end), *list = NULL;
	int r;

	if (!v)
		return -1;
	rd_forget(rd);
	r = rd_scan(rd, *s, v);
	if (!r && list_at && !(list = rd_wrap(rd, v, at)))
		r = -1;
	if (!r)
		r = list ? read_alone(rd, key, list, *list_at) :
			   read_alone(rd, key, v, at);
	json_decref(list);
	json_decref(v);
	return r;
}

/* After a member or element: 1 when a comma leads to another, 0 when
 * closer ends them (and is passed), -1 when neither stands there. */
static int separator(struct scanner *s, char closer)
{
	skip_space(s);
	if (s->p < s->end && *s->p == ',') {
		step(s);
		skip_space(s);
		return 1;
	}
	if (s->p < s->end && *s->p == closer) {
		step(s);
		return 0;
	}
	return -1;
}

/* Passes one value; with apply, reads it too (as an element of the list
 * standing at list_at, when that is given). 0; -1 on an error in the
 * value; 1 where no value stands. */
static int take_value(struct reader *rd, struct scanner *s, const char *key,
		      int apply, const struct pos *list_at)
{
	struct scanner at = *s;

	if (skip_value(s))
		return 1;
	return apply && read_piece(rd, key, &at, s->p, list_at) ? -1 : 0;
}

/* The same for the elements of a list, one by one. */
static int take_list(struct reader *rd, struct scanner *s, const char *key,
		     int apply)
{
	struct pos list_at = { s->line, s->column + 1 };
	int r;

	step(s);
	skip_space(s);
	if (s->p < s->end && *s->p == ']') {
		step(s);
		return 0;
	}
	for (;;) {
		r = take_value(rd, s, key, apply, &list_at);
		if (r)
			return r;
		r = separator(s, ']');
		if (r <= 0)
			return r ? 1 : 0;
	}
}

/* Passes (and with apply, reads) one member of the top-level object; seen
 * holds the keys met so far. Returns as take_value does. */
static int take_member(struct reader *rd, struct scanner *s, json_t *seen,
		       int apply)
{
	struct scanner at = *s;
	const char *key;
	json_t *name;

	if (s->p >= s->end || *s->p != '"' || skip_string(s))
		return 1;
	name = rd_parse(rd, &at, s->p);
	if (!name) /* Jansson will say why, reading the whole */
		return 1;
	key = json_string_value(name);
	if (json_object_get(seen, key) || json_object_set_new(seen, key, name)) {
		json_decref(name);
		return 1;
	}
	skip_space(s);
	if (s->p >= s->end || *s->p != ':')
		return 1;
	step(s);
	skip_space(s);
	if ((!strcmp(key, "entities") || !strcmp(key, "relations")) &&
	    s->p < s->end && *s->p == '[')
		return take_list(rd, s, key, apply);
	return take_value(rd, s, key, apply, NULL);
}

/*
 * Walks the top-level object of the text member by member. With apply 0 it
 * only checks the document's shape: an object, and nothing after it. With
 * apply 1 it reads the document one member at a time, and 'entities' and
 * 'relations' one element at a time, so that Jansson never holds more than
 * one of them in memory: a large graph costs little more than its model.
 * Returns 0; -1 on an error in the input; 1 (apply 0) where the text is
 * not of that shape, for Jansson to say what is wrong with it. keys, when
 * not NULL, receives an object whose keys are the document's.
 */
static int walk_top(struct reader *rd, struct scanner s, int apply,
		    json_t **keys)
{
	json_t *seen = json_object();
	int r = 1;

	skip_space(&s);
	if (!seen || s.p >= s.end || *s.p != '{')
		goto done;
	step(&s);
	skip_space(&s);
	if (s.p < s.end && *s.p == '}') {
		step(&s);
	} else {
		for (;;) {
			r = take_member(rd, &s, seen, apply);
			if (r)
				goto done;
			r = separator(&s, '}');
			if (r <= 0)
				break;
		}
		r = r ? 1 : 0;
		if (r)
			goto done;
	}
	skip_space(&s);
	r = s.p < s.end;
done:
	if (keys && !r)
		*keys = json_incref(seen);
	json_decref(seen);
	return r;
}
/* Reads a document whose shape walk_top did not take: Jansson's error, or
 * a document that is not an object. */
static int read_whole(struct reader *rd, struct scanner s, int format)
{
	json_t *root = rd_parse(rd, &s, s.end);
	int r;

	if (!root)
		return -1;
	if (!json_is_object(root))
		r = sg_fail(rd->err, SG_ESHAPE, rd->file, rd->root_line,
			    rd->root_column,
			    "expected an object with 'entities' and "
			    "'relations' at the top, not %s", rd_kind(root));
	else if (rd_scan(rd, s, root) ||
		 (format < 0 && (format = rd_detect(rd, root)) < 0))
		r = -1;
	else
		r = format == RD_NATIVE ? rd_members(rd, root) :
					  rd_foreign(rd, format, root);
	json_decref(root);
	return r ? -1 : 0;
}

/* Whether the text is JSON Lines: a first line that is a whole object,
 * and more after it. */
static int is_lines(struct scanner s)
{
	const char *eol = memchr(s.p, '\n', (size_t)(s.end - s.p));
	json_t *first;
	int r;

	if (!eol)
		return 0;
	first = json_loadb(s.p, (size_t)(eol - s.p), 0, NULL);
	r = json_is_object(first);
	json_decref(first);
	s.p = eol;
	skip_space(&s);
	return r && s.p < s.end;
}

/* Whether a document whose top-level keys are those of keys is read as
 * native, member by member: no key of another format's, and no lone
 * "graph", which may be JGF's (only its value tells). What is nobody's is
 * read as native, so that a mistyped key gets its did-you-mean. */
static int native_keys(const json_t *keys)
{
	static const char *const native_only[] = { "entities", "relations",
						   "types", "relation_types" };
	static const char *const foreign[] = { "graphs", "elements", "objects",
		"_subgraph_cnt", "nodes", "links", "edges", "options" };

	for (size_t i = 0; i < SG_ARRAY_SIZE(foreign); i++)
		if (json_object_get(keys, foreign[i]))
			return 0;
	for (size_t i = 0; i < SG_ARRAY_SIZE(native_only); i++)
		if (json_object_get(keys, native_only[i]))
			return 1;
	return !json_object_get(keys, "graph");
}

struct scanner rd_start(struct reader *rd, const char *data, size_t len)
{
	struct scanner s;

	/* A byte-order mark is no content: editors on Windows write it. */
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	s = (struct scanner){ data, data + len, 1, 0, &rd->ps };
	skip_space(&s);
	rd->root_line = s.line;
	rd->root_column = s.column + 1;
	return s;
}

int rd_empty(struct reader *rd)
{
	return sg_fail(rd->err, SG_EEMPTY, rd->file, 0, 0, "file is empty");
}

int sg_read_buffer(sg_graph *g, const char *data, size_t len,
		   const char *name, const char *format, sg_error *err)
{
	struct reader rd = { g, sg_graph_intern(g, name), { 0 }, 0, 0, NULL,
			     { 0 } };
	size_t since = g->nnotes;
	int f = format ? rd_format_named(format) : -1;
	json_t *keys = NULL;
	struct scanner s;
	int r;

	rd.err = &rd.error;
	if (!rd.file)
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	s = rd_start(&rd, data, len);
	if (format && f < 0) {
		r = sg_fail(rd.err, SG_EUSAGE, NULL, 0, 0,
			    "unknown input format '%s' (scograph reads native, "
			    "jsonl, jgf, node-link, cytoscape, mcp, graphology "
			    "and graphviz)", format);
	} else if (s.p == s.end) {
		r = rd_empty(&rd);
	} else if (f == RD_JSONL || f == RD_MCP ||
		   (f < 0 && is_lines(s))) {
		r = rd_lines(&rd, data, len, f);
	} else if (walk_top(&rd, s, 0, &keys) ||
		   (f < 0 ? !native_keys(keys) : f != RD_NATIVE)) {
		/* Read whole: a document of another format, or one whose
		 * shape walk_top did not take, whose error is then Jansson's
		 * to say, about the whole text. */
		memset(&rd.error, 0, sizeof(rd.error));
		r = read_whole(&rd, s, f);
	} else {
		r = walk_top(&rd, s, 1, NULL);
		if (r > 0)
			r = sg_fail(rd.err, SG_ESYNTAX, name, 0, 0,
				    "malformed document");
	}
	json_decref(keys);
	/* r without an error at hand: a note stopped the reading, or memory
	 * ran out on the way */
	if (r && rd.error.code == SG_OK && g->nerrors < SG_MAX_ERRORS)
		sg_fail(rd.err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	rd_note(&rd);
	free(rd.ps.pos);
	free(rd.ps.blocks);
	return sg_graph_first_error(g, since, err);
}

/* Records e, a file that could not be read, as sg_read_buffer records the
 * errors in a file. */
static int unreadable(sg_graph *g, const sg_error *e, sg_error *err)
{
	sg_graph_note(g, e);
	if (err && err->code == SG_OK)
		*err = *e;
	return -1;
}

int rd_slurp(const char *path, sg_buf *data, sg_error *err)
{
	int is_stdin = !strcmp(path, "-");
	const char *name = is_stdin ? "<stdin>" : path;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int r = 0;

	if (!f)
		return sg_fail(err, SG_EIO, name, 0, 0, "cannot open file: %s",
			       strerror(errno));
	while (!r && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		r = sg_buf_add(data, chunk, n) ?
			    sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") :
			    0;
	if (!r && ferror(f))
		r = sg_fail(err, SG_EIO, name, 0, 0, "cannot read file: %s",
			    strerror(errno));
	if (!is_stdin)
		fclose(f);
	return r;
}

int sg_read_file(sg_graph *g, const char *path, const char *format,
		 sg_error *err)
{
	sg_buf data = SG_BUF_INIT;
	sg_error e = { 0 };
	int r = rd_slurp(path, &data, &e) ?
			unreadable(g, &e, err) :
			sg_read_buffer(g, sg_buf_str(&data), data.len,
				       strcmp(path, "-") ? path : "<stdin>",
				       format, err);

	sg_buf_release(&data);
	return r;
}

extern const unsigned char sg_builtin_json[];
extern const size_t sg_builtin_json_len;

int sg_read_builtin(sg_graph *g, sg_error *err)
{
	return sg_read_buffer(g, (const char *)sg_builtin_json,
			      sg_builtin_json_len, "<built-in>", "native", err);
}
