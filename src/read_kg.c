/*
 * What tools that build knowledge graphs with language models write:
 * lists of triples in their common shapes (and JSON Lines of them),
 * kg-gen's graphs, and LlamaIndex's graph stores. A triple's subject and
 * object are its entities, named by being there; its predicate is the
 * relation's type, as the tool's users read it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"

#define KG_ID 64 /* room for an id as text: an integer, a short list */

/* The keys of a triple written as an object, end to end: subject and
 * object (and s, o), or REBEL's head and tail; its predicate is the first
 * of predicate_keys it has. */
static const char *const end_keys[][2] = {
	{ "subject", "object" }, { "head", "tail" }, { "s", "o" },
};
static const char *const predicate_keys[] = { "predicate", "relation",
					      "type", "label", "p", "rel" };
/* The lists of triples a document or a record wraps */
static const char *const list_keys[] = { "triples", "triplets" };

/* The pair of end_keys o has both of, or -1. */
static int ends_of(const json_t *o)
{
	for (size_t i = 0; i < SG_ARRAY_SIZE(end_keys); i++)
		if (json_object_get(o, end_keys[i][0]) &&
		    json_object_get(o, end_keys[i][1]))
			return (int)i;
	return -1;
}

/*
 * The entity id, at loc, of type (may be NULL): added where the graph has
 * none, and given the type where it had none. A triple names its entities
 * only by being their ends, so the same one comes many times; the first
 * type said of it stays.
 */
static int end_entity(struct reader *rd, const char *id, const char *type,
		      sg_loc loc)
{
	int64_t i = sg_map_get(&rd->g->by_id, id);
	sg_entity e = { 0 };

	if (i >= 0 && (!type || rd->g->entities[i].type))
		return 0;
	e.id = id;
	e.type = type;
	e.loc = loc;
	return sg_graph_add_entity(rd->g, &e, rd->err);
}

/*
 * Adds the relation from -> to of type (NULL: untyped) and the attributes
 * of attrs, with the entities at its ends; the ends stand at from_loc and
 * to_loc.
 */
static int kg_relation(struct reader *rd, const char *from, const char *to,
		       const char *type, sg_attrs *attrs, sg_loc loc,
		       sg_loc from_loc, sg_loc to_loc)
{
	sg_relation rel = { 0 };

	rel.from_ref = from;
	rel.to_ref = to;
	rel.type = type ? type : SG_UNTYPED;
	rel.loc = loc;
	if (attrs)
		rel.attrs = *attrs;
	return end_entity(rd, from, NULL, from_loc) ||
	       end_entity(rd, to, NULL, to_loc) ||
	       sg_graph_add_relation_at(rd->g, &rel, &(sg_places){
		       sg_pos_of(from_loc), sg_pos_of(to_loc), sg_pos_of(loc) },
				        rd->err);
}

/* The end parent[index] (a list's) as an id, into buf; NULL with the error
 * when it is none. */
static const char *end_id(struct reader *rd, const json_t *parent,
			  size_t index, const char *what, char *buf)
{
	const char *id = rd_id_text(json_array_get(parent, index), buf, KG_ID);

	if (!id)
		rd_wrong_kind(rd, parent, NULL, index, what);
	return id;
}

/* A triple written as a list, [subject, predicate, object], list[i]; its
 * relation takes attrs (may be NULL). */
static int list_triple(struct reader *rd, const json_t *list, size_t i,
		       sg_attrs *attrs)
{
	static const char *const id = "an id (a string or an integer)";
	const json_t *t = json_array_get(list, i);
	char sbuf[KG_ID], obuf[KG_ID];
	const char *s, *o;
	sg_loc loc = rd_loc(rd, list, NULL, i);

	if (json_array_size(t) != 3)
		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "a triple is [subject, predicate, "
			       "object], not a list of %zu",
			       json_array_size(t));
	if (!(s = end_id(rd, t, 0, id, sbuf)) ||
	    !(o = end_id(rd, t, 2, id, obuf)))
		return -1;
	if (!json_is_string(json_array_get(t, 1)))
		return rd_wrong_kind(rd, t, NULL, 1, "a string (a predicate)");
	return kg_relation(rd, s, o, json_string_value(json_array_get(t, 1)),
			   attrs, loc, rd_loc(rd, t, NULL, 0),
			   rd_loc(rd, t, NULL, 2));
}

/* The id o[key] of a triple's end, into buf; NULL with the error. */
static const char *end_member(struct reader *rd, const json_t *o,
			      const char *key, sg_loc at, char *buf)
{
	const char *id = rd_id_text(json_object_get(o, key), buf, KG_ID);

	if (!id)
		rd_bad_id(rd, o, key, "triple", at);
	return id;
}

/*
 * A triple written as an object: {"subject", "predicate", "object"},
 * REBEL's {"head", "type", "tail"} and the like. An end's type, where
 * the extractor gives one, is KEY_type ("head_type"); every other key is
 * the relation's.
 */
static int triple_object(struct reader *rd, const json_t *list, size_t i,
			 const json_t *o)
{
	struct fields f = { .o = o };
	sg_loc loc = rd_loc(rd, list, NULL, i);
	char sbuf[KG_ID], obuf[KG_ID], types[2][KG_ID];
	const char *s, *ob, *type = NULL, *end_type[2];
	sg_attrs attrs = { 0 };
	int pair = ends_of(o), r;

	if (!json_is_object(o))
		return rd_wrong_kind(rd, list, NULL, i, "an object (a triple)");
	if (pair < 0)
		return sg_fail(rd->err, SG_EMISSING, loc.file, loc.line,
			       loc.column, "triple has neither 'subject' and "
			       "'object' nor 'head' and 'tail'");
	for (int k = 0; k < 2; k++) {
		snprintf(types[k], sizeof(types[k]), "%s_type",
			 end_keys[pair][k]);
		f.used[f.nused++] = end_keys[pair][k];
		end_type[k] = NULL;
		/* (an extractor that found no type may say null) */
		if (json_is_null(json_object_get(o, types[k])))
			f.used[f.nused++] = types[k];
		else if (rd_string(rd, o, i, list, types[k], 0, "",
				   &end_type[k]))
			return -1;
		else if (end_type[k])
			f.used[f.nused++] = types[k];
	}
	for (size_t k = 0; k < SG_ARRAY_SIZE(predicate_keys) && !type; k++)
		if (json_object_get(o, predicate_keys[k])) {
			if (rd_string(rd, o, i, list, predicate_keys[k], 0, "",
				      &type))
				return -1;
			f.used[f.nused++] = predicate_keys[k];
		}
	if (!(s = end_member(rd, o, end_keys[pair][0], loc, sbuf)) ||
	    !(ob = end_member(rd, o, end_keys[pair][1], loc, obuf)))
		return -1;
	r = end_entity(rd, s, end_type[0], rd_loc(rd, o, f.used[0], 0)) ||
	    end_entity(rd, ob, end_type[1],
		       rd_loc(rd, o, end_keys[pair][1], 0)) ||
	    rd_collect(rd, &f, 1, &attrs) ||
	    kg_relation(rd, s, ob, type, &attrs, loc,
			rd_loc(rd, o, end_keys[pair][0], 0),
			rd_loc(rd, o, end_keys[pair][1], 0));
	rd_attrs_release(&attrs);
	return r;
}

/* One triple, list[i], of either kind. */
static int triple(struct reader *rd, const json_t *list, size_t i,
		  const json_t *t)
{
	if (json_is_array(t))
		return list_triple(rd, list, i, NULL);
	return triple_object(rd, list, i, t);
}

/* The list of triples o wraps ("triples", "triplets"), or NULL. */
static const char *list_key(const json_t *o)
{
	for (size_t k = 0; k < SG_ARRAY_SIZE(list_keys); k++)
		if (json_is_array(json_object_get(o, list_keys[k])))
			return list_keys[k];
	return NULL;
}

/* Each triple of list, a bad one noted and skipped. */
static int triples(struct reader *rd, const json_t *list)
{
	for (size_t i = 0; i < json_array_size(list); i++)
		if (rd_element(rd, triple(rd, list, i,
					  json_array_get(list, i))))
			return -1;
	return 0;
}

static int read_triples(struct reader *rd, const json_t *root)
{
	const char *key = list_key(root);

	if (json_is_array(root))
		return triples(rd, root);
	if (!key)
		return rd_not_format(rd, "triples", "", "triples");
	return triples(rd, json_object_get(root, key));
}

/* A first triple: an object with both ends, or a list of three whose
 * ends are ids and whose middle is a word. */
static enum rd_sure is_triple(const json_t *t)
{
	char buf[KG_ID];
	const json_t *s = json_object_get(t, "subject");

	/* (RDF/JSON's triples hold terms: {"type": "uri", "value": ...}) */
	if (json_is_object(t))
		return ends_of(t) >= 0 && !(json_object_get(s, "type") &&
					    json_object_get(s, "value")) ?
			       RD_SURE : RD_NOT;
	return json_array_size(t) == 3 &&
			       rd_id_text(json_array_get(t, 0), buf, KG_ID) &&
			       json_is_string(json_array_get(t, 1)) &&
			       rd_id_text(json_array_get(t, 2), buf, KG_ID) ?
		       RD_SURE : RD_NOT;
}

/* A list of triples, bare or wrapped; what wraps them may hold a graph of
 * another format's (LlamaIndex's property graph has "nodes" too). */
static enum rd_sure detect_triples(const json_t *doc)
{
	const char *key = list_key(doc);

	if (json_is_array(doc))
		return is_triple(json_array_get(doc, 0));
	if (!key || json_object_get(doc, "nodes") ||
	    json_object_get(doc, "entities"))
		return RD_NOT;
	return is_triple(rd_first(doc, key)) == RD_SURE ? RD_SURE : RD_LIKELY;
}

/* A line: one triple, a list of them, or a record that holds a list of
 * them (REBEL's data sets: a text and the triples found in it). */
static int triple_line(struct reader *rd, const json_t *list, const json_t *o)
{
	const char *key = list_key(o);

	if (json_is_array(o))
		return json_is_array(json_array_get(o, 0)) ?
			       triples(rd, o) :
			       list_triple(rd, list, 0, NULL);
	if (key && ends_of(o) < 0)
		return triples(rd, json_object_get(o, key)) ||
		       rd_unread_keys(rd, o, (const char *const[]){ key, NULL },
				      NULL);
	return triple_object(rd, list, 0, o);
}

static enum rd_sure detect_triple_line(const json_t *o)
{
	if (json_is_array(o))
		return is_triple(json_is_array(json_array_get(o, 0)) ?
					 json_array_get(o, 0) : o);
	if (ends_of(o) >= 0)
		return RD_SURE;
	return list_key(o) ? RD_LIKELY : RD_NOT;
}

static const char *const triples_keys[] = {
	"triples", "triplets", NULL
};

const struct rd_format rd_triples = {
	.keys = triples_keys,
	.name = "triples",
	.about = "triple lists: [s, p, o], {subject, predicate, object}, "
		 "REBEL's {head, type, tail}; JSON Lines of them",
	.detect = detect_triples,
	.read = read_triples,
	.arrays = 1,
	.detect_line = detect_triple_line,
	.read_line = triple_line,
	.array_lines = 1,
};

/* ---- kg-gen ---- */

/*
 * An entity of kg-gen's list, list[i]: a name, whose cluster (the names
 * deduplication merged into it) are its aliases and whose metadata is
 * the attribute "metadata".
 */
static int kggen_entity(struct reader *rd, const json_t *root,
			const json_t *list, size_t i)
{
	const json_t *v = json_array_get(list, i);
	const json_t *cluster, *meta;
	sg_entity e = { 0 };
	const char **aliases = NULL;
	size_t n = 0;
	int r;

	if (!json_is_string(v) || !json_string_length(v))
		return rd_wrong_kind(rd, list, NULL, i, "a name (a string)");
	e.id = json_string_value(v);
	e.loc = rd_loc(rd, list, NULL, i);
	cluster = json_object_get(json_object_get(root, "entity_clusters"),
				  e.id);
	meta = json_object_get(json_object_get(root, "entity_metadata"),
			       e.id);
	if (json_array_size(cluster) &&
	    !(aliases = calloc(json_array_size(cluster), sizeof(*aliases))))
		return rd_nomem(rd);
	for (size_t k = 0; k < json_array_size(cluster); k++) {
		const char *a = json_string_value(json_array_get(cluster, k));

		if (a && *a && strcmp(a, e.id))
			aliases[n++] = a;
	}
	e.aliases = aliases;
	e.naliases = n;
	r = (meta && rd_attr(rd, &e.attrs, "metadata", meta)) ||
	    sg_graph_add_entity(rd->g, &e, rd->err);
	rd_attrs_release(&e.attrs);
	free(aliases);
	return r;
}

/* A relation of kg-gen's, list[i]: [subject, predicate, object], scored
 * where relation_scores has "subject||predicate||object". */
static int kggen_relation(struct reader *rd, const json_t *root,
			  const json_t *list, size_t i, json_t *scored)
{
	const json_t *t = json_array_get(list, i);
	const json_t *scores = json_object_get(root, "relation_scores");
	const json_t *score = NULL;
	sg_attrs attrs = { 0 };
	sg_buf key = SG_BUF_INIT;
	int r;

	if (!json_is_array(t))
		return rd_wrong_kind(rd, list, NULL, i,
				     "a list [subject, predicate, object]");
	if (scores && json_array_size(t) == 3) {
		for (size_t k = 0; k < 3; k++)
			if (sg_buf_addf(&key, "%s%s", k ? "||" : "",
					json_string_value(json_array_get(t, k)) ?
						json_string_value(
						json_array_get(t, k)) : "")) {
				sg_buf_release(&key);
				return rd_nomem(rd);
			}
		score = json_object_get(scores, sg_buf_str(&key));
		r = score && json_object_set_new(scored, sg_buf_str(&key),
						 json_true());
		sg_buf_release(&key);
		if (r)
			return rd_nomem(rd);
	}
	r = (score && rd_attr(rd, &attrs, "score", score)) ||
	    list_triple(rd, list, i, &attrs);
	rd_attrs_release(&attrs);
	return r;
}

/* Names the members of root[key] that nothing read: keyed by none of
 * taken's keys (the entities' names, the relations scored). */
static int kggen_strays(struct reader *rd, const json_t *root,
			const char *key, const json_t *taken)
{
	const json_t *o = json_object_get(root, key), *v;
	const char *name;

	json_object_foreach((json_t *)o, name, v)
		if (!json_object_get(taken, name) && !json_is_null(v) &&
		    rd_unread(rd, o, name, key))
			return -1;
	return 0;
}

static int read_kggen(struct reader *rd, const json_t *root)
{
	static const struct {
		const char *key;
		int array;
	} parts[] = { { "entities", 1 }, { "relations", 1 }, { "edges", 1 },
		      { "entity_clusters", 0 }, { "edge_clusters", 0 },
		      { "entity_metadata", 0 }, { "relation_scores", 0 } };
	const json_t *entities = json_object_get(root, "entities");
	const json_t *relations = json_object_get(root, "relations");
	json_t *names, *scored;
	int failed, r;

	/* (pydantic writes what kg-gen has not made as null) */
	for (size_t k = 0; k < SG_ARRAY_SIZE(parts); k++)
		if (!json_is_null(json_object_get(root, parts[k].key)) &&
		    (rd_container(rd, root, parts[k].key, parts[k].array,
				  &failed), failed))
			return -1;
	if (!entities && !relations)
		return rd_not_format(rd, "relations", "", "kg-gen");
	for (size_t i = 0; i < json_array_size(entities); i++)
		if (rd_element(rd, kggen_entity(rd, root, entities, i)))
			return -1;
	names = json_object();
	scored = json_object();
	r = !names || !scored ? rd_nomem(rd) : 0;
	for (size_t i = 0; !r && i < json_array_size(entities); i++)
		if (json_is_string(json_array_get(entities, i)) &&
		    json_object_set_new(names, json_string_value(
				json_array_get(entities, i)), json_true()))
			r = rd_nomem(rd);
	for (size_t i = 0; !r && i < json_array_size(relations); i++)
		if (rd_element(rd, kggen_relation(rd, root, relations, i,
						  scored)))
			r = -1;
	r = r || kggen_strays(rd, root, "entity_clusters", names) ||
	    kggen_strays(rd, root, "entity_metadata", names) ||
	    kggen_strays(rd, root, "relation_scores", scored);
	json_decref(names);
	json_decref(scored);
	return r;
}

/* kg-gen's Graph: entities are names, relations lists of three. */
static enum rd_sure detect_kggen(const json_t *doc)
{
	const json_t *e = rd_first(doc, "entities");
	const json_t *r = rd_first(doc, "relations");

	/* (Graph has all three: a list of names alone is a mistake in
	 * scograph's own format more likely) */
	if (!json_object_get(doc, "edges") ||
	    !json_object_get(doc, "relations"))
		return RD_NOT;
	return json_is_string(e) || json_is_array(r) ||
			       json_object_get(doc, "entity_clusters") ?
		       RD_SURE : RD_NOT;
}

/* (edge_clusters, a relation's names that deduplication merged, has no
 * place in the model: a relation type has no aliases) */
static const char *const kggen_keys[] = {
	"entities", "relations", "edges", "entity_clusters",
	"entity_metadata", "relation_scores", NULL
};

const struct rd_format rd_kggen = {
	.name = "kg-gen",
	.about = "kg-gen's Graph (entities, edges, relations)",
	.detect = detect_kggen,
	.read = read_kggen,
	.keys = kggen_keys,
};

/* ---- LlamaIndex's graph stores ---- */

/*
 * SimpleGraphStore's graph_store.json: {"graph_dict": {SUBJECT: [[RELATION,
 * OBJECT], ...]}}, each pair a triple of the subject's.
 */
static int read_graph_dict(struct reader *rd, const json_t *root)
{
	int failed;
	const json_t *dict = rd_container(rd, root, "graph_dict", 0, &failed);
	const char *subject;
	const json_t *pairs;

	if (failed)
		return -1;
	json_object_foreach((json_t *)dict, subject, pairs) {
		sg_loc at = rd_loc(rd, dict, subject, 0);
		int r = !json_is_array(pairs) ?
				rd_wrong_kind(rd, dict, subject, 0,
					      "a list of [relation, object]") :
			*subject ? end_entity(rd, subject, NULL, at) :
				   sg_fail(rd->err, SG_EMISSING, at.file,
					   at.line, at.column,
					   "a subject with an empty name");

		if (r) {
			if (rd_element(rd, r))
				return -1;
			continue;
		}
		for (size_t i = 0; i < json_array_size(pairs); i++) {
			const json_t *p = json_array_get(pairs, i);
			char obuf[KG_ID];
			const char *o = NULL;
			sg_loc loc = rd_loc(rd, pairs, NULL, i);

			if (!json_is_array(p))
				r = rd_wrong_kind(rd, pairs, NULL, i, "a pair "
						  "[relation, object]");
			else if (json_array_size(p) != 2)
				r = sg_fail(rd->err, SG_ESHAPE, loc.file,
					    loc.line, loc.column, "expected a "
					    "pair [relation, object], not a "
					    "list of %zu", json_array_size(p));
			else if (!json_is_string(json_array_get(p, 0)))
				r = rd_wrong_kind(rd, p, NULL, 0,
						  "a string (a relation)");
			else if (!(o = end_id(rd, p, 1, "an id (a string)",
					      obuf)))
				r = -1;
			else
				r = kg_relation(rd, subject, o,
						json_string_value(
							json_array_get(p, 0)),
						NULL, loc, at,
						rd_loc(rd, p, NULL, 1));
			if (rd_element(rd, r))
				return -1;
		}
	}
	return 0;
}

/* Room for a chunk's text as its name: the rest is its description. */
#define KG_CHUNK_NAME 60

/*
 * A node of SimplePropertyGraphStore's, nodes[id]: an EntityNode (its
 * name the id, its label the type) or a ChunkNode (a passage of text, its
 * id_ the id; named by the text's beginning). Its properties are the
 * entity's attributes; an embedding, numbers for a vector search, is
 * none of the graph's.
 */
static int pg_node(struct reader *rd, const json_t *nodes, const char *id,
		   const json_t *n)
{
	static const char *const own[] = { "label", "name", "text", "id_",
					   "properties", "embedding" };
	struct fields f = { .o = n };
	const json_t *props;
	sg_entity e = { 0 };
	sg_buf name = SG_BUF_INIT;
	int failed, r;

	if (!json_is_object(n))
		return rd_wrong_kind(rd, nodes, id, 0, "an object (a node)");
	e.id = id;
	e.loc = rd_loc(rd, nodes, id, 0);
	props = rd_container(rd, n, "properties", 0, &failed);
	r = failed ||
	    rd_string(rd, n, 0, nodes, "label", 0, "", &e.type) ||
	    rd_string(rd, n, 0, nodes, "name", 0, "", &e.name) ||
	    rd_string(rd, n, 0, nodes, "text", 0, "", &e.description);
	if (e.name && !strcmp(e.name, id))
		e.name = NULL;
	if (!r && !e.name && e.description) {
		const char *t = e.description;
		size_t len = strcspn(t, "\n");

		/* cut at a character's start, and say it was cut */
		if (len > KG_CHUNK_NAME) {
			len = KG_CHUNK_NAME;
			while (len && (t[len] & 0xC0) == 0x80)
				len--;
		}
		r = sg_buf_add(&name, t, len) ||
		    (t[len] && sg_buf_adds(&name, "…"));
		if (r)
			r = rd_nomem(rd);
		e.name = sg_buf_str(&name);
	}
	for (size_t k = 0; k < SG_ARRAY_SIZE(own); k++)
		f.used[f.nused++] = own[k];
	f.more = props;
	r = r || rd_collect(rd, &f, 0, &e.attrs) ||
	    sg_graph_add_entity(rd->g, &e, rd->err);
	rd_attrs_release(&e.attrs);
	sg_buf_release(&name);
	return r;
}

/*
 * The relation of a triplet [subject, relation, object], triplets[i]: its
 * properties are those of the Relation stored under
 * "subject_relation_object" (LlamaIndex 0.11 on) or under the relation
 * alone (before, when one Relation of each label was kept), when its ends
 * are the triplet's. The key of the Relation used goes into used.
 */
static int pg_triplet(struct reader *rd, const json_t *relations,
		      const json_t *triplets, size_t i, json_t *used)
{
	const json_t *t = json_array_get(triplets, i);
	const char *s = json_string_value(json_array_get(t, 0));
	const char *p = json_string_value(json_array_get(t, 1));
	const char *o = json_string_value(json_array_get(t, 2));
	const json_t *rel = NULL, *props;
	struct fields f = { .o = NULL, .used = { "label", "source_id", "target_id",
					  "properties" }, .nused = 4 };
	sg_attrs attrs = { 0 };
	sg_buf key = SG_BUF_INIT;
	int r;

	if (!s || !p || !o || json_array_size(t) != 3)
		return list_triple(rd, triplets, i, NULL);
	if (sg_buf_addf(&key, "%s_%s_%s", s, p, o))
		return rd_nomem(rd);
	for (int k = 0; k < 2 && !rel; k++) {
		const char *name = k ? p : sg_buf_str(&key);
		const json_t *c = json_object_get(relations, name);
		const char *from = json_string_value(json_object_get(c,
								  "source_id"));
		const char *to = json_string_value(json_object_get(c,
								"target_id"));

		if (from && to && !strcmp(from, s) && !strcmp(to, o)) {
			rel = c;
			if (json_object_set_new(used, name, json_true()))
				rel = NULL;
		}
	}
	sg_buf_release(&key);
	/* (any key of the Relation's own besides its properties too) */
	f.o = rel;
	props = json_object_get(rel, "properties");
	r = (rel && rd_collect(rd, &f, 1, &attrs)) ||
	    (json_is_object(props) && rd_attrs(rd, props, NULL, 0, &attrs)) ||
	    list_triple(rd, triplets, i, &attrs);
	rd_attrs_release(&attrs);
	return r;
}

/* A Relation no triplet holds, relations[key]. */
static int pg_relation(struct reader *rd, const json_t *relations,
		       const char *key, const json_t *c)
{
	struct fields f = { .o = c, .used = { "label", "source_id", "target_id",
				       "properties" }, .nused = 4 };
	const char *from, *to, *type;
	sg_attrs attrs = { 0 };
	int failed, r;
	sg_loc loc = rd_loc(rd, relations, key, 0);

	if (!json_is_object(c))
		return rd_wrong_kind(rd, relations, key, 0,
				     "an object (a relation)");
	f.more = rd_container(rd, c, "properties", 0, &failed);
	r = failed ||
	    rd_string(rd, c, 0, relations, "source_id", 1, "relation",
		      &from) ||
	    rd_string(rd, c, 0, relations, "target_id", 1, "relation", &to) ||
	    rd_string(rd, c, 0, relations, "label", 0, "", &type) ||
	    rd_collect(rd, &f, 1, &attrs) ||
	    kg_relation(rd, from, to, type, &attrs, loc,
			rd_loc(rd, c, "source_id", 0),
			rd_loc(rd, c, "target_id", 0));
	rd_attrs_release(&attrs);
	return r;
}

/*
 * SimplePropertyGraphStore's property_graph_store.json: nodes and
 * relations keyed by id, and the triplets that tie them. The triplets are
 * the graph's relations (LlamaIndex before 0.11 kept one Relation a
 * label, the last); a Relation no triplet holds is one too.
 */
static int read_property_graph(struct reader *rd, const json_t *root)
{
	int failed[3];
	const json_t *nodes = rd_container(rd, root, "nodes", 0, &failed[0]);
	const json_t *relations = rd_container(rd, root, "relations", 0,
					       &failed[1]);
	const json_t *triplets = rd_container(rd, root, "triplets", 1,
					      &failed[2]);
	json_t *used = json_object();
	const char *key;
	const json_t *v;
	int r = 0;

	if (!used)
		return rd_nomem(rd);
	if (failed[0] || failed[1] || failed[2])
		r = -1;
	json_object_foreach((json_t *)nodes, key, v)
		if (!r && rd_element(rd, pg_node(rd, nodes, key, v)))
			r = -1;
	for (size_t i = 0; !r && i < json_array_size(triplets); i++)
		if (rd_element(rd, pg_triplet(rd, relations, triplets, i,
					      used)))
			r = -1;
	json_object_foreach((json_t *)relations, key, v)
		if (!r && !json_object_get(used, key) &&
		    rd_element(rd, pg_relation(rd, relations, key, v)))
			r = -1;
	json_decref(used);
	return r;
}

static int read_llamaindex(struct reader *rd, const json_t *root)
{
	if (json_object_get(root, "graph_dict"))
		return read_graph_dict(rd, root);
	if (!json_object_get(root, "nodes") &&
	    !json_object_get(root, "triplets"))
		return rd_not_format(rd, "graph_dict", "", "llamaindex");
	return read_property_graph(rd, root);
}

/* graph_dict is SimpleGraphStore's alone; nodes keyed by id beside
 * triplets SimplePropertyGraphStore's. */
static enum rd_sure detect_llamaindex(const json_t *doc)
{
	if (json_object_get(doc, "graph_dict"))
		return RD_SURE;
	return json_is_object(json_object_get(doc, "nodes")) &&
			       json_object_get(doc, "triplets") ?
		       RD_SURE : RD_NOT;
}

static const char *const llamaindex_keys[] = {
	"graph_dict", "nodes", "relations", "triplets", NULL
};

const struct rd_format rd_llamaindex = {
	.keys = llamaindex_keys,
	.name = "llamaindex",
	.about = "LlamaIndex SimpleGraphStore, SimplePropertyGraphStore",
	.detect = detect_llamaindex,
	.read = read_llamaindex,
};

/* ---- Wikidata's entities ---- */

/*
 * Special:EntityData/Q232.json and wbgetentities: {"entities": {ID: ENTITY}},
 * and the dumps' list of ENTITY. An item-valued claim is a relation typed
 * by its property (labelled as that property's entity, when the file holds
 * it, labels it); any other value an attribute named so. Labels,
 * descriptions and aliases are in one language: reading takes no options,
 * and wbgetentities's languages= makes a file of the language asked for,
 * so the file chooses: English where the first entity has it, else "mul",
 * else the first entity's first.
 */
struct wikidata {
	const json_t *all; /* the entities by id, or NULL */
	const char *lang;
};

/*
 * What Wikidata keeps that the model has no place for, named aside (one
 * warning a file, by key): an entity's sitelinks and its page's
 * bookkeeping, a claim's qualifiers and references, a value's unit,
 * bounds, precision and calendar. Anything else beyond a part's own keys
 * is named as unread.
 */
static const char *const entity_keys[] = { "id", "type", "labels",
	"descriptions", "aliases", "claims", "statements", "missing", NULL };
static const char *const entity_aside[] = { "sitelinks", "pageid", "ns",
	"title", "lastrevid", "modified", "datatype", NULL };
static const char *const claim_keys[] = { "mainsnak", "type", "id", "rank",
	NULL };
static const char *const claim_aside[] = { "qualifiers", "qualifiers-order",
	"references", NULL };
static const char *const snak_keys[] = { "snaktype", "property",
	"datavalue", "datatype", "hash", NULL };
static const char *const datavalue_keys[] = { "value", "type", NULL };
static const char *const text_keys[] = { "language", "value",
	"for-language", NULL };

/* A claim's value object, what claim_value reads of it by its type. */
static int wd_value_rest(struct reader *rd, const json_t *dv)
{
	static const struct {
		const char *type;
		const char *const known[4], *const aside[6];
	} kinds[] = {
		{ "wikibase-entityid", { "entity-type", "numeric-id", "id" },
		  { NULL } },
		{ "quantity", { "amount" },
		  { "unit", "upperBound", "lowerBound" } },
		{ "time", { "time" },
		  { "timezone", "before", "after", "precision",
		    "calendarmodel" } },
		{ "monolingualtext", { "text" }, { "language" } },
	};
	const char *type = json_string_value(json_object_get(dv, "type"));
	const json_t *v = json_object_get(dv, "value");

	/* (of any other type, the value is kept whole) */
	for (size_t k = 0; type && json_is_object(v) &&
			   k < SG_ARRAY_SIZE(kinds); k++)
		if (!strcmp(type, kinds[k].type))
			return rd_aside_keys(rd, v, kinds[k].known,
					     kinds[k].aside, type);
	return 0;
}

/* The parts of a claim c that are not its value. */
static int wd_claim_rest(struct reader *rd, const json_t *c, const char *p)
{
	const json_t *snak = json_object_get(c, "mainsnak");
	const json_t *dv = json_object_get(snak, "datavalue");

	return rd_aside_keys(rd, c, claim_keys, claim_aside, p) ||
	       rd_unread_keys(rd, snak, snak_keys, "mainsnak") ||
	       rd_unread_keys(rd, dv, datavalue_keys, "datavalue") ||
	       wd_value_rest(rd, dv);
}

/* Of labels, descriptions or aliases (key) of entity o, those in other
 * languages than lang are aside; those in lang, the text's keys. */
static int wd_texts(struct reader *rd, const json_t *o, const char *key,
		    const char *lang)
{
	const json_t *all = json_object_get(o, key);
	const json_t *mine = json_object_get(all, lang);
	size_t others = json_object_size(all) - (mine != NULL);

	if (others && rd_aside_at(rd, key, others, rd_loc(rd, o, key, 0)))
		return -1;
	for (size_t i = 0; i < (json_is_array(mine) ? json_array_size(mine) :
						     1); i++)
		if (rd_unread_keys(rd, json_is_array(mine) ?
				   json_array_get(mine, i) : mine,
				   text_keys, lang))
			return -1;
	return 0;
}

/* The text of the labels (or descriptions) in lang: o[lang]["value"]. */
static const char *in_lang(const json_t *o, const char *lang)
{
	return json_string_value(json_object_get(json_object_get(o, lang),
						 "value"));
}

/* A value of a claim as a reader sees it: a string as it is, a quantity's
 * amount (an integer where it is one), a time as written, a text in its
 * language without it; anything else as it is. New. */
static json_t *claim_value(const json_t *dv)
{
	const json_t *v = json_object_get(dv, "value");
	const char *amount = json_string_value(json_object_get(v, "amount"));
	const char *time = json_string_value(json_object_get(v, "time"));
	const char *text = json_string_value(json_object_get(v, "text"));
	json_t *n;

	if (amount) {
		amount += *amount == '+';
		n = json_loads(amount, JSON_DECODE_ANY, NULL);
		if (json_is_integer(n))
			return n;
		json_decref(n);
		return json_string(amount);
	}
	if (time)
		return json_string(time);
	if (text)
		return json_string(text);
	return json_deep_copy(v);
}

/* The claims of entity id, claims[p][k]: relations, and attributes into
 * attrs. */
static int claims_of(struct reader *rd, const struct wikidata *w,
		     const char *id, const json_t *claims, json_t *attrs)
{
	const char *p;
	const json_t *list;

	json_object_foreach((json_t *)claims, p, list) {
		const char *label = in_lang(json_object_get(
			json_object_get(w->all, p), "labels"), w->lang);
		const char *name = label ? label : p;

		if (!json_is_array(list)) {
			if (rd_element(rd, rd_wrong_kind(rd, claims, p, 0,
							 "a list of claims")))
				return -1;
			continue;
		}
		for (size_t k = 0; k < json_array_size(list); k++) {
			const json_t *c = json_array_get(list, k);
			const json_t *snak = json_object_get(c, "mainsnak");
			const json_t *dv = json_object_get(snak, "datavalue");
			const char *snaktype = json_string_value(
				json_object_get(snak, "snaktype"));
			const char *rank = json_string_value(
				json_object_get(c, "rank"));
			const char *to = json_string_value(json_object_get(
				json_object_get(dv, "value"), "id"));
			sg_loc loc = rd_loc(rd, list, NULL, k);
			int r = 0;

			/* (a deprecated claim is Wikidata's word that it
			 * is wrong: aside, whole) */
			if (rank && !strcmp(rank, "deprecated")) {
				if (rd_aside_at(rd, "deprecated", 1, loc))
					return -1;
				continue;
			}
			if (json_is_object(c) && wd_claim_rest(rd, c, p))
				return -1;
			if (!json_is_object(snak))
				r = rd_bad_id(rd, c, "mainsnak", "claim", loc);
			else if (snaktype && strcmp(snaktype, "value"))
				/* as Wikidata shows them */
				r = rd_add_value(attrs, name, json_string(
					strcmp(snaktype, "novalue") ?
						"unknown value" : "no value")) ?
					    rd_nomem(rd) : 0;
			else if (to && *to && !strcmp(json_string_value(
					json_object_get(dv, "type")) ?
					json_string_value(json_object_get(
						dv, "type")) : "",
					"wikibase-entityid")) {
				sg_relation rel = { 0 };

				rel.from_ref = id;
				rel.to_ref = to;
				rel.type = p;
				rel.label = label;
				rel.loc = loc;
				r = end_entity(rd, to, NULL, loc) ||
				    sg_graph_add_relation(rd->g, &rel, rd->err);
			} else if (!dv) {
				r = rd_bad_id(rd, snak, "datavalue", "claim",
					      loc);
			} else if (rd_add_value(attrs, name, claim_value(dv))) {
				r = rd_nomem(rd);
			}
			if (rd_element(rd, r))
				return -1;
		}
	}
	return 0;
}

/* The entity o, parent[key] or parent[index]. */
static int wd_entity(struct reader *rd, const struct wikidata *w,
		     const json_t *parent, const char *key, size_t index,
		     const json_t *o)
{
	const json_t *aliases = json_object_get(json_object_get(o, "aliases"),
						w->lang);
	const json_t *claims = json_object_get(o, "claims");
	const char *kind = json_string_value(json_object_get(o, "type"));
	sg_entity e = { 0 }, values = { 0 };
	const char **names = NULL;
	json_t *attrs = json_object();
	sg_buf url = SG_BUF_INIT;
	int r = 0;

	if (!attrs)
		return rd_nomem(rd);
	e.loc = rd_loc(rd, parent, key, index);
	if (!json_is_object(o))
		r = rd_wrong_kind(rd, parent, key, index, "an object (an "
				  "entity)");
	else if (rd_string(rd, o, index, parent, "id", 1, "entity", &e.id))
		r = -1;
	/* wbgetentities's answer for an id that is no entity */
	if (r || json_object_get(o, "missing")) {
		json_decref(attrs);
		return r || rd_unread_keys(rd, o, (const char *const[]){ "id",
					   "missing", NULL }, e.id);
	}
	if (rd_aside_keys(rd, o, entity_keys, entity_aside, e.id) ||
	    wd_texts(rd, o, "labels", w->lang) ||
	    wd_texts(rd, o, "descriptions", w->lang) ||
	    wd_texts(rd, o, "aliases", w->lang)) {
		json_decref(attrs);
		return -1;
	}
	values.id = e.id;
	values.loc = e.loc;
	e.name = in_lang(json_object_get(o, "labels"), w->lang);
	e.description = in_lang(json_object_get(o, "descriptions"), w->lang);
	/* an item is what a graph of Wikidata's is made of: a property or
	 * a lexeme among them is told apart */
	if (kind && strcmp(kind, "item"))
		e.type = kind;
	if (sg_buf_addf(&url, "https://www.wikidata.org/wiki/%s%s",
			kind && !strcmp(kind, "property") ? "Property:" :
			kind && !strcmp(kind, "lexeme") ? "Lexeme:" : "",
			e.id))
		r = rd_nomem(rd);
	e.url = sg_buf_str(&url);
	if (json_array_size(aliases) &&
	    !(names = calloc(json_array_size(aliases), sizeof(*names))))
		r = rd_nomem(rd);
	for (size_t k = 0; !r && k < json_array_size(aliases); k++) {
		const char *a = json_string_value(json_object_get(
			json_array_get(aliases, k), "value"));

		if (a && *a)
			names[e.naliases++] = a;
	}
	e.aliases = names;
	/* (mediainfo says "statements") */
	if (!claims)
		claims = json_object_get(o, "statements");
	/* the entity before those its claims name; their values after */
	r = r || sg_graph_add_entity(rd->g, &e, rd->err) ||
	    claims_of(rd, w, e.id, claims, attrs) ||
	    rd_attrs(rd, attrs, NULL, 0, &values.attrs) ||
	    sg_graph_add_entity(rd->g, &values, rd->err);
	rd_attrs_release(&values.attrs);
	json_decref(attrs);
	sg_buf_release(&url);
	free(names);
	return r;
}

/* The language of labels (see the top), from the first entity. */
static const char *wd_lang(const json_t *first)
{
	const json_t *labels = json_object_get(first, "labels");
	const char *lang;
	const json_t *v;

	if (json_object_get(labels, "en") || !json_object_size(labels))
		return "en";
	if (json_object_get(labels, "mul"))
		return "mul";
	json_object_foreach((json_t *)labels, lang, v)
		return lang;
	return "en";
}

static int read_wikidata(struct reader *rd, const json_t *root)
{
	struct wikidata w = { json_object_get(root, "entities"), NULL };
	const char *id;
	const json_t *o;
	void *it;

	if (json_is_array(root)) {
		w.lang = wd_lang(json_array_get(root, 0));
		w.all = NULL;
		for (size_t i = 0; i < json_array_size(root); i++)
			if (rd_element(rd, wd_entity(rd, &w, root, NULL, i,
						     json_array_get(root, i))))
				return -1;
		return 0;
	}
	if (!json_is_object(w.all))
		return w.all ? rd_wrong_kind(rd, root, "entities", 0,
					     "an object of entities by id") :
			       rd_not_format(rd, "entities", "", "wikidata");
	it = json_object_iter((json_t *)w.all);
	w.lang = wd_lang(it ? json_object_iter_value(it) : NULL);
	json_object_foreach((json_t *)w.all, id, o)
		if (rd_element(rd, wd_entity(rd, &w, w.all, id, 0, o)))
			return -1;
	return 0;
}

/* Entities keyed by id (native's are a list), or a dump's list of
 * entities with their claims. */
static enum rd_sure detect_wikidata(const json_t *doc)
{
	const json_t *first = json_array_get(doc, 0);

	if (json_is_array(doc))
		return json_object_get(first, "claims") &&
			       json_object_get(first, "id") ? RD_SURE : RD_NOT;
	return json_object_size(json_object_get(doc, "entities")) ? RD_SURE :
								    RD_NOT;
}

/* (wbgetentities says its answer succeeded) */
static const char *const wikidata_keys[] = { "entities", "success", NULL };

const struct rd_format rd_wikidata = {
	.keys = wikidata_keys,
	.name = "wikidata",
	.about = "Wikidata entities: Special:EntityData, wbgetentities, dumps",
	.detect = detect_wikidata,
	.read = read_wikidata,
	.arrays = 1,
};
