/* Entities and relations from other formats' nodes and edges. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"


/* (caption: GraphJSON's, what Alchemy.js draws) */
static const char *const name_keys[] = { "label", "name", "caption" };
/* (entity_type: LightRAG's) */
static const char *const type_keys[] = { "type", "entityType", "entity_type",
					 "class", "group" };
static const char *const description_keys[] = { "description", "tooltip" };
static const char *const url_keys[] = { "url", "URL", "href" };
static const char *const relation_type_keys[] = {
	"type", "relation", "relationType", "interaction", "class", "label"
};
static const char *const label_keys[] = { "label", "keywords", "caption" };
static const char *const evidence_keys[] = { "evidence" };
static const char *const id_keys[] = { "id", "key" };
/* Cytoscape's and graphlib's compound nodes */
static const char *const parent_keys[] = { "parent" };

/* Whether key is one of f->o's used ones: it means something else
 * there. */
static int used(const struct fields *f, const char *key)
{
	for (size_t i = 0; i < f->nused; i++)
		if (!f->in_more[i] && rd_same_key(f->used[i], key))
			return 1;
	return 0;
}

/* Notes key of f->o (with in_more, of f->more) as used. */
static void use(struct fields *f, const char *key, int in_more)
{
	f->in_more[f->nused] = (unsigned char)in_more;
	f->used[f->nused++] = key;
}

/*
 * The initials of the keys of f's objects, a bit each (of 64: those alike
 * in their low six bits share one): a key whose bit is not set is in
 * neither object, and is not looked up. An element holds a few keys and is
 * asked for a dozen roles, most of which it has not: each look-up hashes
 * the key, and they cost a twentieth of a GraphML reading. Objects of more
 * keys than FEW_KEYS are not walked: all their bits are set.
 */
#define FEW_KEYS 16
#define ALL_INITIALS (~(uint64_t)0)

static uint64_t initial(const char *key)
{
	return (uint64_t)1 << ((unsigned char)*key & 63);
}

static uint64_t initials_of(const struct fields *f)
{
	uint64_t set = 0;

	if (json_object_size(f->o) + json_object_size(f->more) > FEW_KEYS)
		return ALL_INITIALS;
	for (int k = 0; k < 2; k++) {
		json_t *o = (json_t *)(k ? f->more : f->o);

		for (void *it = json_object_iter(o); it;
		     it = json_object_iter_next(o, it))
			set |= initial(json_object_iter_key(it));
	}
	return set;
}

static int may_have(uint64_t initials, const char *key)
{
	return (initials & initial(key)) != 0;
}

/* The first of keys that f has as a non-empty string, or NULL; initials:
 * f's (initials_of). */
static const char *role(struct fields *f, const char *const *keys, size_t n,
			uint64_t initials)
{
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 2 && may_have(initials, keys[i]); k++) {
			/* (most elements have no object of attributes, and
			 * json_object_get measures the key before it looks) */
			const json_t *o = k ? f->more : f->o;
			const json_t *v = o ? json_object_get(o, keys[i]) :
					      NULL;

			if (json_is_string(v) && json_string_length(v) &&
			    f->nused < RD_MAX_USED) {
				use(f, keys[i], k);
				return json_string_value(v);
			}
		}
	return NULL;
}

const char *rd_own_key(struct reader *rd, const char *key, int relation)
{
	static const char *const entity[] = { "id", "name", "type",
		"description", "url", "aliases", "parent" };
	static const char *const rel[] = { "from", "to", "type", "id", "label",
		"evidence", "source", "directed" };
	const char *const *own = relation ? rel : entity;
	size_t nown = relation ? SG_ARRAY_SIZE(rel) : SG_ARRAY_SIZE(entity);
	const char *renamed;
	sg_buf b = SG_BUF_INIT;
	size_t k = 0;

	while (k < nown && strcmp(key, own[k]))
		k++;
	if (k == nown)
		return key;
	renamed = sg_buf_addf(&b, "%s_", key) ? NULL :
		  sg_graph_intern(rd->g, sg_buf_str(&b));
	sg_buf_release(&b);
	return renamed;
}

/* The same, but for the keys f uses as something else. */
static const char *unused_role(struct fields *f, const char *const *keys,
			       size_t n)
{
	const char *v;

	for (size_t i = 0; i < n; i++)
		if (!used(f, keys[i]) &&
		    (v = role(f, &keys[i], 1, ALL_INITIALS)))
			return v;
	return NULL;
}

int rd_collect(struct reader *rd, struct fields *f, int relation,
	       sg_attrs *attrs)
{
	const char *known[2][RD_MAX_USED];
	size_t n[2] = { 0, 0 };

	for (size_t i = 0; i < f->nused; i++)
		known[f->in_more[i]][n[f->in_more[i]]++] = f->used[i];
	if ((f->o && rd_attrs(rd, f->o, known[0], n[0], attrs)) ||
	    (f->more && rd_attrs(rd, f->more, known[1], n[1], attrs)))
		return -1;
	for (size_t i = 0; i < attrs->n; i += 2)
		if (!(attrs->kv[i] = rd_own_key(rd, attrs->kv[i], relation)))
			return rd_nomem(rd);
	return 0;
}

/* An id as text: a string as it is, an integer in decimal (networkx and
 * Graphviz number their nodes); NULL for anything else. */
const char *rd_id_text(const json_t *v, char *buf, size_t size)
{
	size_t n;

	if (json_is_string(v) && json_string_length(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, size, "%" JSON_INTEGER_FORMAT,
			 json_integer_value(v));
		return buf;
	}
	/* networkx's tuples (grid_2d_graph's [0, 1]) come as lists */
	if (!json_is_array(v) || !json_array_size(v))
		return NULL;
	n = json_dumpb(v, buf, size, JSON_COMPACT);
	if (!n || n >= size)
		return NULL;
	buf[n] = '\0';
	return buf;
}

/* Fails: o[key] is no id; o stands at at. */
int rd_bad_id(struct reader *rd, const json_t *o, const char *key,
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
int rd_add_node(struct reader *rd, const char *id, const char *name,
		    struct fields *f, sg_loc loc)
{
	const struct rd_said said = { .name = name };

	return rd_add_entity(rd, id, &said, f, loc);
}

int rd_add_entity(struct reader *rd, const char *id,
		  const struct rd_said *said, struct fields *f, sg_loc loc)
{
	const char *alias[1];
	sg_entity e = { 0 };
	uint64_t in = initials_of(f);
	int r;

	e.id = id;
	e.loc = loc;
	e.name = said->name_said ?
			 NULL :
			 role(f, name_keys, SG_ARRAY_SIZE(name_keys), in);
	if (said->name && *said->name)
		e.name = said->name;
	/* Graphviz's "\N" means the node's name */
	if (e.name && (!strcmp(e.name, "\\N") || !strcmp(e.name, id)))
		e.name = NULL;
	e.type = said->type_said ? said->type :
		 role(f, type_keys, SG_ARRAY_SIZE(type_keys), in);
	e.description = said->description_said ? said->description :
			role(f, description_keys,
			     SG_ARRAY_SIZE(description_keys), in);
	e.url = role(f, url_keys, SG_ARRAY_SIZE(url_keys), in);
	/* a node with both a label and a name (node-link): the one not
	 * drawn is an alias, which still finds the entity */
	for (size_t k = 0; k < SG_ARRAY_SIZE(name_keys); k++)
		for (int m = 0; m < 2; m++) {
			const json_t *o = m ? f->more : f->o;
			const char *s = o && may_have(in, name_keys[k]) ?
					json_string_value(json_object_get(
						o, name_keys[k])) :
					NULL;

			if (!s || !*s || (e.name && !strcmp(s, e.name)) ||
			    !strcmp(s, id) || e.naliases ||
			    f->nused >= RD_MAX_USED)
				continue;
			alias[e.naliases++] = s;
			use(f, name_keys[k], m);
		}
	e.aliases = alias;
	e.parent_ref = said->parent_said ? said->parent :
		       rd->parent ? rd->parent : role(f, parent_keys, 1, in);
	e.parent_loc = rd->parent || said->parent_said ? loc :
		       rd_loc(rd, may_have(in, "parent") &&
					  json_object_get(f->o, "parent") ?
				  f->o : f->more, "parent", 0);
	r = rd_collect(rd, f, 0, &e.attrs) ||
	    sg_graph_add_entity(rd->g, &e, rd->err);
	rd_attrs_release(&e.attrs);
	return r;
}

int rd_add_relation(struct reader *rd, struct fields *f, sg_relation *rel,
		    const sg_places *at)
{
	uint64_t in = initials_of(f);
	int r;

	if (!rel->type)
		rel->type = role(f, relation_type_keys,
				 SG_ARRAY_SIZE(relation_type_keys), in);
	/* a label beside a type is the relation's label; where there is no
	 * type, no "label" either (it would be the type), but LightRAG's
	 * keywords are what its users see on a relation */
	if (!rel->label && (!rel->type || !f->nused ||
			    strcmp(f->used[f->nused - 1], "label")))
		rel->label = role(f, label_keys, SG_ARRAY_SIZE(label_keys),
				  in);
	if (!rel->type)
		rel->type = SG_UNTYPED;
	if (!rel->evidence)
		rel->evidence = role(f, evidence_keys, 1, in);
	r = rd_collect(rd, f, 1, &rel->attrs) ||
	    sg_graph_add_relation_at(rd->g, rel, at, rd->err);
	rd_attrs_release(&rel->attrs);
	return r;
}

/* Adds the relation made of f, whose endpoints are f->o[from_key] and
 * f->o[to_key]; where the format names no type, it is SG_UNTYPED. */
int rd_add_edge(struct reader *rd, struct fields *f, const char *from_key,
		    const char *to_key, const char *from, const char *to,
		    sg_loc loc)
{
	const struct rd_said said = { 0 };

	return rd_add_said_edge(rd, f, from_key, to_key, from, to, &said,
				loc);
}

int rd_add_said_edge(struct reader *rd, struct fields *f,
		     const char *from_key, const char *to_key,
		     const char *from, const char *to,
		     const struct rd_said *said, sg_loc loc)
{
	const json_t *directed = json_object_get(f->o, "directed");
	const json_t *undirected = json_object_get(f->o, "undirected");
	sg_relation rel = { 0 };
	sg_places at;
	char id[32];

	rel.id = said->id;
	/* an edge's id (JGF, Cytoscape), key (Graphology, networkx's
	 * multigraphs): what tells parallel edges apart */
	for (size_t k = 0; !said->id_said && k <= SG_ARRAY_SIZE(id_keys) &&
			   !rel.id; k++) {
		const char *key = k ? id_keys[k - 1] : rd->edge_id;

		if (key && !used(f, key) &&
		    (rel.id = rd_id_text(json_object_get(f->o, key), id,
					 sizeof(id))) &&
		    f->nused < RD_MAX_USED)
			f->used[f->nused++] = key;
	}
	rel.from_ref = from;
	rel.to_ref = to;
	/* JGF's edges say "directed", Graphology's "undirected" */
	rel.undirected = said->direction_said ? said->undirected :
			 json_is_boolean(undirected) ? json_is_true(undirected) :
			 json_is_boolean(directed) ? json_is_false(directed) :
						     rd->undirected;
	for (int k = 0; !said->direction_said && k < 2; k++)
		if (json_is_boolean(k ? undirected : directed) &&
		    f->nused < RD_MAX_USED)
			f->used[f->nused++] = k ? "undirected" : "directed";
	rel.loc = loc;
	at.from = sg_pos_of(rd_loc(rd, f->o, from_key, 0));
	at.to = sg_pos_of(rd_loc(rd, f->o, to_key, 0));
	at.source = sg_pos_of(loc);
	if (said->type_said)
		rel.type = said->type ? said->type : SG_UNTYPED;
	/* (a key said to be the type is no label too) */
	rel.label = said->name_said ? said->name :
		    said->type_said ? unused_role(f, label_keys,
						 SG_ARRAY_SIZE(label_keys)) :
				      NULL;
	return rd_add_relation(rd, f, &rel, &at);
}

/* Reads edge f->o, whose endpoints are its members from_key and to_key. */
int rd_read_edge(struct reader *rd, struct fields *f, const char *from_key,
		     const char *to_key, sg_loc loc)
{
	char fbuf[32], tbuf[32];
	const char *from = rd_id_text(json_object_get(f->o, from_key), fbuf,
				   sizeof(fbuf));
	const char *to = rd_id_text(json_object_get(f->o, to_key), tbuf,
				 sizeof(tbuf));

	if (!from)
		return rd_bad_id(rd, f->o, from_key, "edge", loc);
	if (!to)
		return rd_bad_id(rd, f->o, to_key, "edge", loc);
	return rd_add_edge(rd, f, from_key, to_key, from, to, loc);
}

const char *rd_property_name(struct fields *f)
{
	static const char *const keys[] = { "name", "title" };

	for (size_t k = 0; k < SG_ARRAY_SIZE(keys); k++) {
		const char *name = json_string_value(json_object_get(f->o,
								     keys[k]));

		if (name && f->nused < RD_MAX_USED) {
			f->used[f->nused++] = keys[k];
			return name;
		}
	}
	return NULL;
}

/* Notes a bad element and goes on, as rd_list does; -1 to stop. */
int rd_element(struct reader *rd, int failed)
{
	return failed && rd_note(rd) ? -1 : 0;
}

int rd_set_title(struct reader *rd, const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_string(v))
		return 0;
	return sg_graph_set_title(rd->g, json_string_value(v), NULL,
				  rd_loc(rd, o, key, 0), rd->err);
}

/* One of the graph's own attributes, name = v, standing at o[name] (or
 * o[index] where name stands in a pair): see rd_graph_attrs. */
static int graph_attr(struct reader *rd, const json_t *o, const char *name,
		      size_t index, const json_t *v, const char *title_key,
		      const char *where)
{
	sg_loc at = rd_loc(rd, o, json_is_object(o) ? name : NULL, index);

	if (json_is_string(v) && !strcmp(name, title_key))
		return sg_graph_set_title(rd->g, json_string_value(v), NULL,
					  at, rd->err);
	if (json_is_string(v) && !strcmp(name, "description"))
		return sg_graph_set_title(rd->g, NULL, json_string_value(v),
					  at, rd->err);
	return rd_unread_at(rd, at, name, v, where);
}

int rd_graph_attrs(struct reader *rd, const json_t *parent, const char *key,
		   const char *title_key, const char *const *known)
{
	const json_t *o = key ? json_object_get(parent, key) : parent, *v;
	const char *where = key ? key : "graph", *name;

	/* networkx's cytoscape_data and adjacency_data: a list of pairs */
	for (size_t i = 0; json_is_array(o) && i < json_array_size(o); i++) {
		const json_t *pair = json_array_get(o, i);

		name = json_string_value(json_array_get(pair, 0));
		if (json_array_size(pair) != 2 || !name)
			return rd_unread(rd, parent, key, NULL);
		if (graph_attr(rd, o, name, i, json_array_get(pair, 1),
			       title_key, where))
			return -1;
	}
	if (o && !json_is_object(o) && !json_is_array(o))
		return key ? rd_unread(rd, parent, key, NULL) : 0;
	json_object_foreach((json_t *)o, name, v) {
		size_t k = 0;

		while (known && known[k] && strcmp(known[k], name))
			k++;
		if ((!known || !known[k]) &&
		    graph_attr(rd, o, name, 0, v, title_key, where))
			return -1;
	}
	return 0;
}

/* An object f->more = o[key], or NULL; -1 when it is something else. */
int rd_attributes(struct reader *rd, struct fields *f, const char *key)
{
	int failed;

	f->more = rd_container(rd, f->o, key, 0, &failed);
	return failed ? -1 : 0;
}

/* Reads the list nodes (may be NULL): objects whose id is their member
 * id_key, and whose other keys, and those of their object attrs_key (when
 * not NULL), are the entity's. */
int rd_nodes(struct reader *rd, const json_t *nodes,
		      const char *id_key, const char *attrs_key)
{
	char buf[32];

	for (size_t i = 0; nodes && i < json_array_size(nodes); i++) {
		struct fields f = { .o = json_array_get(nodes, i),
				    .used = { id_key, attrs_key },
				    .nused = attrs_key ? 2 : 1 };
		const char *id = rd_id_text(json_object_get(f.o, id_key), buf,
					 sizeof(buf));
		sg_loc loc = rd_loc(rd, nodes, NULL, i);
		int r = !json_is_object(f.o) ?
				rd_wrong_kind(rd, nodes, NULL, i, "an object") :
			!id ? rd_bad_id(rd, f.o, id_key, "node", loc) :
			      (attrs_key && rd_attributes(rd, &f, attrs_key)) ||
				      rd_add_node(rd, id, NULL, &f, loc);

		if (rd_element(rd, r))
			return -1;
	}
	return 0;
}

/* Reads the list edges (may be NULL): objects with "source" and "target",
 * whose keys but skip, and those of their object attrs_key (JGF's metadata,
 * Graphology's attributes), are the relation's. */
int rd_edges(struct reader *rd, const json_t *edges,
		      const char *attrs_key, const char *const *skip,
		      size_t nskip)
{
	for (size_t i = 0; edges && i < json_array_size(edges); i++) {
		struct fields f = { .o = json_array_get(edges, i),
				    .nused = nskip };
		int r;

		memcpy(f.used, skip, nskip * sizeof(*skip));
		r = !json_is_object(f.o) ?
			    rd_wrong_kind(rd, edges, NULL, i, "an object") :
			    rd_attributes(rd, &f, attrs_key) ||
			    rd_read_edge(rd, &f, "source", "target",
				      rd_loc(rd, edges, NULL, i));
		if (rd_element(rd, r))
			return -1;
	}
	return 0;
}


/* ---- nothing read goes unaccounted for ---- */

/* The keys of a relation's two ends, as the formats of graphs write them:
 * an object holding one of these pairs is an edge to any reader. */
static const char *const end_pairs[][2] = {
	{ "source", "target" }, { "from", "to" }, { "sources", "targets" },
	{ "head", "tail" }, { "subject", "object" }, { "fromNode", "toNode" },
	{ "fromId", "toId" }, { "start", "end" }, { "outV", "inV" },
	{ "inV", "outV" }, { "v", "w" }, { "_from", "_to" },
	{ "start_id", "end_id" }, { "startNode", "endNode" },
	{ "src", "dst" },
};

/* Whether v could name a relation's end: an id, a node (an object that is
 * no RDF literal), or a list of them (ELK's sources). */
static int end_like(const json_t *v)
{
	const char *type;

	if (json_is_array(v))
		return json_array_size(v) && end_like(json_array_get(v, 0));
	if (json_is_object(v)) {
		type = json_string_value(json_object_get(v, "type"));
		return !json_object_get(v, "@value") &&
		       !(type && (!strcmp(type, "literal") ||
				  !strcmp(type, "typed-literal")));
	}
	return (json_is_string(v) && json_string_length(v)) ||
	       json_is_integer(v);
}

/* The pair of end_pairs that o holds, or -1. Its keys are walked, not
 * each pair looked up: most objects are nodes, which hold none. A path
 * (Neo4j's: its start, its end and its "segments") is no edge: its
 * segments are. */
static int ends_of(const json_t *o)
{
	const char *key;
	const json_t *v;

	if (json_is_array(json_object_get(o, "segments")))
		return -1;
	json_object_foreach((json_t *)o, key, v)
		for (size_t k = 0; k < SG_ARRAY_SIZE(end_pairs); k++)
			if (*key == *end_pairs[k][0] &&
			    !strcmp(key, end_pairs[k][0]) && end_like(v) &&
			    end_like(json_object_get(o, end_pairs[k][1])))
				return (int)k;
	return -1;
}

int rd_ends(const json_t *o, const char **from, const char **to)
{
	int k = json_is_object(o) ? ends_of(o) : -1;

	if (k < 0)
		return 0;
	*from = end_pairs[k][0];
	*to = end_pairs[k][1];
	return 1;
}

/* The text that tells o, an edge with the ends of pair k, from another
 * listed again (Neo4j's query rows repeat a path's relationships): its id
 * and ends; NULL (no error) when it has no id, and counts anyway. */
static char *edge_key(const json_t *o, int k, int *failed)
{
	static const char *const ids[] = { "id", "key", "_id", "identity",
					   "elementId", "@id" };
	json_t *triple;
	char *text;

	/* a path's segment is its relationship's (Neo4j's) */
	const json_t *rel = json_object_get(o, "relationship");
	const json_t *holder = json_is_object(rel) ? rel : o;

	*failed = 0;
	for (size_t i = 0; i < SG_ARRAY_SIZE(ids); i++) {
		const json_t *id = json_object_get(holder, ids[i]);

		if (!id || json_is_object(id) || json_is_array(id))
			continue;
		triple = json_pack("[OOO]", id,
				   json_object_get(o, end_pairs[k][0]),
				   json_object_get(o, end_pairs[k][1]));
		text = triple ? rd_dumps(triple) : NULL;
		json_decref(triple);
		*failed = !text;
		return text;
	}
	return NULL;
}

/* Counts edge o (pair k), standing at at, unless it was counted before. */
static int tally_one(struct reader *rd, struct rd_tally *t, const json_t *o,
		     int k, sg_loc at)
{
	int failed;
	char *key = t->distinct ? edge_key(o, k, &failed) : NULL;

	if (t->distinct && failed)
		return rd_nomem(rd);
	if (key) {
		int added;

		if (SG_GROW(t->keys, t->nkeys + 1, t->akeys)) {
			free(key);
			return rd_nomem(rd);
		}
		t->keys[t->nkeys++] = key;
		if ((added = sg_map_add_unique(&t->seen, key, 0)) < 0)
			return rd_nomem(rd);
		if (!added)
			return 0;
	}
	if (!t->n++) {
		t->first = at;
		t->from = end_pairs[k][0];
		t->to = end_pairs[k][1];
	}
	return 0;
}

/* Whether edge o states its subject's type (RDF/JSON's triples, which
 * the RDF mapping makes a type, not a relation). */
static int states_type(const json_t *o)
{
	const json_t *p = json_object_get(o, "predicate");
	const char *iri = json_string_value(json_is_object(p) ?
				json_object_get(p, "value") : p);

	return iri && !strcmp(iri, "http://www.w3.org/1999/02/22-rdf-syntax-ns"
				   "#type");
}

int rd_tally(struct reader *rd, struct rd_tally *t, const json_t *v)
{
	const char *key;
	json_t *member;

	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, member)
			if (rd_tally(rd, t, member))
				return -1;
		return 0;
	}
	for (size_t i = 0; i < json_array_size(v); i++) {
		const json_t *o = json_array_get(v, i);
		/* Cytoscape's edges keep their ends in their data */
		const json_t *data = json_object_get(o, "data");
		int k = json_is_object(o) ? ends_of(o) : -1;

		if (k < 0 && json_is_object(data) && (k = ends_of(data)) >= 0)
			o = data;
		if (k >= 0 && states_type(o))
			k = -1;
		if ((k >= 0 && tally_one(rd, t, o, k, rd_loc(rd, v, NULL, i))) ||
		    rd_tally(rd, t, json_array_get(v, i)))
			return -1;
	}
	return 0;
}

void rd_tally_release(struct rd_tally *t)
{
	for (size_t i = 0; i < t->nkeys; i++)
		free(t->keys[i]);
	free(t->keys);
	sg_map_release(&t->seen);
	memset(t, 0, sizeof(*t));
}

int rd_lost_relations(struct reader *rd, const struct rd_tally *t,
		      const char *format, size_t made, const char *shape)
{
	if (made >= t->n)
		return 0;
	return sg_fail(rd->err, SG_ESHAPE, t->first.file, t->first.line,
		       t->first.column, "%zu object%s here and after name%s "
		       "two ends ('%s' and '%s'), but read as %s %s made %zu "
		       "relation%s; name their format with --from-format%s%s",
		       t->n, t->n == 1 ? "" : "s", t->n == 1 ? "s" : "",
		       t->from, t->to, format, t->n == 1 ? "it" : "they",
		       made, made == 1 ? "" : "s",
		       shape ? ", or read it with " : "", shape ? shape : "");
}
