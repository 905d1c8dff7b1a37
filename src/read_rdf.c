/*
 * The RDF family's one mapping: the triples that SPARQL results
 * (read_sparql.c), JSON-LD (read_jsonld.c) and RDF text (read_serd.c) are
 * read into become the graph, as follows:
 *
 * - an entity is every subject, and every IRI or blank node that is the
 *   object of a triple whose predicate is not rdf:type; its id is the full
 *   IRI (a blank node's "_:id");
 * - rdf:type gives the entity's type (the first; the others the attribute
 *   "rdf:type"); rdfs:label, skos:prefLabel, schema:name or foaf:name its
 *   name (untagged first, then English, then the first), rdfs:comment,
 *   schema:description or dcterms:description its description; without a
 *   name, the short form of its IRI;
 * - a triple whose object is an IRI or a blank node is a relation, typed by
 *   the short form of its predicate, whose full IRI it keeps as the
 *   attribute "predicate"; the same triple twice is one relation, which
 *   keeps the named graphs it is stated in (TriG's, N-Quads') as the
 *   attribute "graph";
 * - any other literal is an attribute named by the short form of its
 *   predicate (with "@lang" for a language-tagged one); several values of
 *   one name are an array.
 *
 * A short form is a term or prefix of the document's own @context when one
 * fits ("schema:Country"), else the IRI's local name (after its last '#',
 * '/' or ':').
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read_rdf.h"

/* (the bare words: JSON-LD's terms of a context not fetched) */
static const char *const name_predicates[] = {
	RDFS "label", "http://www.w3.org/2004/02/skos/core#prefLabel",
	"http://schema.org/name", "https://schema.org/name",
	"http://xmlns.com/foaf/0.1/name", "name", "label",
};
static const char *const description_predicates[] = {
	RDFS "comment", "http://schema.org/description",
	"https://schema.org/description", "http://purl.org/dc/terms/description",
	"description",
};

const char *rd_rdf_intern(struct rdf *x, const char *s)
{
	const char *r = sg_graph_intern(x->rd->g, s);

	if (!r)
		rd_nomem(x->rd);
	return r;
}

#define HEAD sizeof(((struct node_slot *)NULL)->head)
_Static_assert(sizeof(struct node_slot) == 64, "a node's slot: a cache line");

/* Whether slot s, in use, holds id, of len bytes. */
static int holds(const struct node_slot *s, const char *id, size_t len)
{
	return s->len == len && !memcmp(s->head, id, len < HEAD ? len : HEAD) &&
	       (len <= HEAD || !memcmp(s->id + HEAD, id + HEAD, len - HEAD));
}

/* The slot of id (len bytes, hash its hash) in x->slots_by_id, or the
 * empty one where it goes. */
static struct node_slot *node_slot(const struct rdf *x, const char *id,
				   size_t len, uint32_t hash)
{
	size_t mask = x->nslots_by_id - 1;
	struct node_slot *s;

	for (size_t i = hash & mask;; i = (i + 1) & mask) {
		s = &x->slots_by_id[i];
		if (!s->id || (s->hash == hash && holds(s, id, len)))
			return s;
	}
}

/* Room in x->slots_by_id for one node more: at most three quarters in
 * use. */
static int grow_node_slots(struct rdf *x)
{
	size_t n = x->nslots_by_id ? x->nslots_by_id * 2 : 1024;
	struct node_slot *slots;

	if ((x->nnodes + 1) * 4 <= x->nslots_by_id * 3)
		return 0;
	/* (a slot a cache line: sg_zeroed aligns to one) */
	if (!(slots = sg_zeroed(n, sizeof(*slots))))
		return -1;
	for (size_t i = 0; i < x->nslots_by_id; i++) {
		const struct node_slot *s = &x->slots_by_id[i];
		size_t k = s->hash & (n - 1);

		if (!s->id)
			continue;
		while (slots[k].id) /* every id differs: the first empty */
			k = (k + 1) & (n - 1);
		slots[k] = *s;
	}
	free(x->slots_by_id);
	x->slots_by_id = slots;
	x->nslots_by_id = n;
	x->last_slot = NULL;
	return 0;
}

/* The node id, whose hash is hash, added where it is new, into *found
 * (its id the entity's own string); its index, or -1 when out of memory.
 * Its entity is made at once, with the id alone, so that its relations go
 * into the graph as they are read; entity() fills it in once the document
 * is read. */
static int64_t find_node(struct rdf *x, const char *id, uint32_t hash,
			 sg_loc loc, struct node *found)
{
	sg_graph *g = x->rd->g;
	size_t had = g->nentities, len;
	struct node_slot *s;
	int64_t k;

	len = strlen(id);
	/* (a subject's triples mostly follow one another: Turtle's always;
	 * its slot is in the cache still, where its node need not be) */
	if (x->last_slot && holds(x->last_slot, id, len)) {
		*found = (struct node){ x->last_slot->id, loc,
					x->last_slot->entity };
		return x->last_slot->node;
	}
	if (grow_node_slots(x))
		return rd_nomem(x->rd);
	s = node_slot(x, id, len, hash);
	if (s->id) {
		*found = (struct node){ s->id, loc, s->entity };
		x->last_slot = s;
		return s->node;
	}
	if (len > UINT32_MAX ||
	    sg_graph_add_entity(g, &(sg_entity){ .id = id, .loc = loc },
				x->rd->err))
		return -1;
	/* (a new one is the last; one an earlier file made is found) */
	k = g->nentities > had ? (int64_t)g->nentities - 1 :
				 sg_map_get(&g->by_id, id);
	if (k < 0 || x->nnodes >= UINT32_MAX ||
	    SG_GROW(x->nodes, x->nnodes + 1, x->anodes))
		return rd_nomem(x->rd);
	*found = (struct node){ g->entities[k].id, loc, (uint32_t)k };
	x->nodes[x->nnodes] = *found;
	*s = (struct node_slot){ found->id, hash, (uint32_t)x->nnodes,
				 (uint32_t)k, (uint32_t)len, { 0 } };
	memcpy(s->head, id, len < HEAD ? len : HEAD);
	x->last_slot = s;
	return (int64_t)x->nnodes++;
}

uint32_t rd_rdf_prefetch(const struct rdf *x, const char *id)
{
	uint32_t hash = sg_hash(id);

#if defined(__GNUC__)
	if (x->nslots_by_id)
		__builtin_prefetch(&x->slots_by_id[hash &
						   (x->nslots_by_id - 1)]);
#else
	(void)x;
#endif
	return hash;
}

int64_t rd_rdf_node(struct rdf *x, const char *id, sg_loc loc)
{
	struct node found;

	return find_node(x, id, sg_hash(id), loc, &found);
}

/* The index in x->preds of predicate iri, added where it is new (its type
 * and attribute are made once the document's prefixes are all known: see
 * type_predicates); -1 when out of memory. */
static int64_t predicate(struct rdf *x, const char *iri)
{
	int64_t i = sg_map_get(&x->pred_ids, iri);
	struct pred *d;

	if (i >= 0)
		return i;
	if (x->npreds >= RDF_WORD ||
	    SG_GROW(x->preds, x->npreds + 1, x->apreds))
		return rd_nomem(x->rd);
	d = &x->preds[x->npreds];
	*d = (struct pred){ sg_graph_word(x->rd->g, iri), NULL, NULL, NULL };
	if (!d->iri || sg_map_add(&x->pred_ids, d->iri, (uint32_t)x->npreds))
		return rd_nomem(x->rd);
	return (int64_t)x->npreds++;
}

/* A hash of what makes a relation of the document the same as another:
 * ends, predicate (its index, or a word) and label. */
static uint32_t said_hash(uint32_t from, uint32_t to, uint32_t pred,
			  const char *word, const char *label)
{
	uint64_t h = ((uint64_t)from << 32 | to) * 0x9E3779B97F4A7C15u;

	h ^= (uint64_t)(word ? sg_hash(word) : pred) << 32 |
	     (label ? sg_hash(label) : 0);
	/* (murmur3's finaliser: the high bits mixed into the low ones) */
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDu;
	h ^= h >> 33;
	return (uint32_t)h;
}

/* Room in x->slots for one relation more: at most three quarters of
 * them in use. */
static int grow_slots(struct rdf *x)
{
	size_t n = x->nslots ? x->nslots * 2 : 1024;
	struct said_slot *slots;

	if ((x->nsaid + 1) * 4 <= x->nslots * 3)
		return 0;
	if (!(slots = sg_zeroed(n, sizeof(*slots))))
		return -1;
	for (size_t i = 0; i < x->nslots; i++) {
		size_t k = x->slots[i].hash & (n - 1);

		if (!x->slots[i].said)
			continue;
		while (slots[k].said)
			k = (k + 1) & (n - 1);
		slots[k] = x->slots[i];
	}
	free(x->slots);
	x->slots = slots;
	x->nslots = n;
	return 0;
}

/* The relation s p o (nodes), written at loc, with x->label, in x->graph:
 * added to the graph, typed by the predicate's IRI until type_predicates;
 * the same triple stated again adds none, but the named graph it is
 * stated in. (Its ends are known: their places are never wanted.) */
static int add_relation(struct rdf *x, const struct staged *st,
			const char *p, int word, sg_loc loc)
{
	sg_graph *g = x->rd->g;
	const struct node *s = &st->s, *o = &st->o;
	uint32_t pred = st->pred, hash = st->hash, found;
	size_t k;

	if (!x->nsaid)
		x->first = g->nrelations;
	if (grow_slots(x) || SG_GROW(x->pred, x->nsaid + 1, x->asaid))
		return rd_nomem(x->rd);
	for (k = hash & (x->nslots - 1); (found = x->slots[k].said);
	     k = (k + 1) & (x->nslots - 1)) {
		const sg_relation *d = &g->relations[x->first + found - 1];

		if (x->slots[k].hash == hash && d->from == s->entity &&
		    d->to == o->entity && x->pred[found - 1] == pred &&
		    (pred != RDF_WORD || !strcmp(d->type, p)) &&
		    !strcmp(d->label ? d->label : "", x->label ? x->label : ""))
			break;
	}
	if (!found) {
		sg_relation rel = {
			/* (the ends as their entities' own ids, with their
			 * indexes: the graph need not find them again) */
			.from_ref = s->id, .from = s->entity,
			.to_ref = o->id, .to = o->entity,
			.type = !p ? SG_UNTYPED : word ? p :
			        x->preds[pred].iri,
			.label = x->label,
			.loc = loc,
		};
		if (sg_graph_add_relation_known(g, &rel, x->rd->err))
			return -1;
		x->pred[x->nsaid] = pred;
		x->slots[k] = (struct said_slot){ (uint32_t)++x->nsaid, hash };
		found = x->slots[k].said;
	}
	if (!x->graph)
		return 0;
	if (SG_GROW(x->stated, x->nstated + 1, x->astated))
		return rd_nomem(x->rd);
	x->stated[x->nstated++] =
		(struct stated){ x->first + found - 1, x->graph };
	return 0;
}

int rd_rdf_expect(struct rdf *x, size_t triples)
{
	/* (room not used is never touched: it costs no memory) */
	if (sg_graph_reserve(x->rd->g, 0, triples, x->rd->err) ||
	    SG_GROW(x->pred, x->nsaid + triples, x->asaid) ||
	    SG_GROW(x->t, x->n + triples, x->alloc))
		return rd_nomem(x->rd);
	return 0;
}

int rd_rdf_stage(struct rdf *x, const char *s, uint32_t s_hash,
		 const char *p, int word, const struct term *o,
		 uint32_t o_hash, sg_loc loc, sg_loc o_loc, struct staged *st)
{
	int64_t si = find_node(x, s, s_hash, loc, &st->s), pred;

	if (si < 0)
		return -1;
	st->si = (size_t)si;
	st->relation = rd_rdf_is_node(o) && (word || strcmp(p, RDF_TYPE));
	if (!st->relation)
		return 0;
	if (find_node(x, o->value, o_hash, o_loc, &st->o) < 0)
		return -1;
	if ((pred = !p ? SG_NONE : word ? RDF_WORD : predicate(x, p)) < 0)
		return rd_nomem(x->rd);
	st->pred = (uint32_t)pred;
	st->hash = said_hash(st->s.entity, st->o.entity, st->pred,
			     word ? p : NULL, x->label);
#if defined(__GNUC__)
	if (x->nslots)
		__builtin_prefetch(&x->slots[st->hash & (x->nslots - 1)]);
#endif
	return 0;
}

int rd_rdf_take(struct rdf *x, const char *p, int word, const struct term *o,
		sg_loc loc, const struct staged *st)
{
	if (st->relation)
		return add_relation(x, st, p, word, loc);
	if (SG_GROW(x->t, x->n + 1, x->alloc))
		return rd_nomem(x->rd);
	x->t[x->n++] = (struct triple){ .s = st->si, .p = p, .word = word,
					.obj = *o, .loc = loc };
	return 0;
}

int rd_rdf_triple(struct rdf *x, const char *s, const char *p, int word,
		  const struct term *o, sg_loc loc, sg_loc o_loc)
{
	struct staged st;

	return rd_rdf_stage(x, s, sg_hash(s), p, word, o,
			    rd_rdf_is_node(o) ? sg_hash(o->value) : 0, loc,
			    o_loc, &st) ||
	       rd_rdf_take(x, p, word, o, loc, &st) ? -1 : 0;
}

/* ---- short forms ---- */

const char *rd_rdf_local_name(const char *iri)
{
	const char *cut = strrchr(iri, '#');

	if (!cut)
		cut = strrchr(iri, '/');
	if (!cut)
		cut = strrchr(iri, ':');
	return cut && cut[1] ? cut + 1 : iri;
}

/* The short form of iri (see the top), in b; NULL when out of memory. */
static const char *short_form(const struct rdf *x, const char *iri, sg_buf *b)
{
	const struct context *c = x->shorts;
	const struct def *best = NULL;
	size_t best_len = 0;

	sg_buf_reset(b);
	if (!strncmp(iri, "_:", 2))
		return iri;
	for (size_t i = 0; c && i < c->n; i++) {
		const struct def *d = &c->defs[i];
		size_t len = d->iri ? strlen(d->iri) : 0;

		if (!len || d->reverse || strncmp(iri, d->iri, len) ||
		    strchr(d->term, ':'))
			continue;
		if (!iri[len])
			return d->term;
		if (len > best_len && strchr("/#:", d->iri[len - 1])) {
			best = d;
			best_len = len;
		}
	}
	if (best)
		return sg_buf_addf(b, "%s:%s", best->term, iri + best_len) ?
			       NULL : sg_buf_str(b);
	return rd_rdf_local_name(iri);
}

int rd_rdf_def(struct rdf *x, struct context *c, const struct def *d)
{
	if (SG_GROW(c->defs, c->n + 1, c->alloc))
		return rd_nomem(x->rd);
	c->defs[c->n++] = *d;
	return 0;
}

/* ---- from triples to the graph ---- */

int rd_rdf_in(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(s, list[i]))
			return 1;
	return 0;
}

/* How much a literal is wanted as a name: untagged, English, other. */
static int lang_rank(const struct term *t)
{
	if (!t->lang || !*t->lang)
		return 0;
	return strncasecmp(t->lang, "en", 2) ||
			       (t->lang[2] && t->lang[2] != '-') ? 2 : 1;
}

/* The literal triple of ts[0..n) the best for one of preds, or NULL. */
static const struct triple *pick(const struct rdf *x, const size_t *ts,
				 size_t n, const char *const *preds,
				 size_t npreds)
{
	const struct triple *best = NULL;

	for (size_t k = 0; k < npreds && !best; k++)
		for (size_t i = 0; i < n; i++) {
			const struct triple *t = &x->t[ts[i]];

			if (t->word || t->obj.kind != TERM_LITERAL ||
			    t->obj.native || strcmp(t->p, preds[k]))
				continue;
			if (!best || lang_rank(&t->obj) < lang_rank(&best->obj))
				best = t;
		}
	return best;
}

/* Whether t states what chosen does (rows may repeat a name). */
static int same_literal(const struct triple *t, const struct triple *chosen)
{
	return chosen && t->word == chosen->word && !t->obj.native &&
	       t->obj.kind == TERM_LITERAL && !strcmp(t->p, chosen->p) &&
	       !strcmp(t->obj.value, chosen->obj.value) &&
	       !strcmp(t->obj.lang ? t->obj.lang : "",
		       chosen->obj.lang ? chosen->obj.lang : "");
}

/* 0 with the integer the whole of s writes in *n; -1 when it writes none
 * or one too large. */
static int whole(const char *s, long long *n)
{
	char *end;

	errno = 0;
	*n = strtoll(s, &end, 10);
	return *s && !*end && errno != ERANGE && !strchr(" \t\n", *s) ? 0 : -1;
}

/* A literal as JSON: numbers and booleans of XSD's types as such. */
static json_t *literal(const struct term *t)
{
	static const char *const integers[] = {
		XSD "integer", XSD "int", XSD "long", XSD "short", XSD "byte",
		XSD "nonNegativeInteger", XSD "positiveInteger",
		XSD "negativeInteger", XSD "nonPositiveInteger",
		XSD "unsignedInt", XSD "unsignedLong", XSD "unsignedShort",
		XSD "unsignedByte",
	};
	static const char *const reals[] = { XSD "decimal", XSD "double",
					     XSD "float" };
	const char *dt = t->datatype;
	long long n;
	char *end;

	if (t->native)
		return json_deep_copy(t->native);
	if (dt && *t->value && rd_rdf_in(dt, integers, SG_ARRAY_SIZE(integers)) &&
	    !whole(t->value, &n))
		return json_integer(n);
	/* a decimal keeps its own text: 19828165 stays an integer, and one
	 * that a number would write otherwise (1.50, 1E7) stays a string */
	if (dt && *t->value && rd_rdf_in(dt, reals, SG_ARRAY_SIZE(reals))) {
		double v;
		char buf[32];

		if (!whole(t->value, &n))
			return json_integer(n);
		v = strtod(t->value, &end);
		for (int digits = 15; !*end && v == v && digits <= 17;
		     digits++) {
			snprintf(buf, sizeof(buf), "%.*g", digits, v);
			if (strtod(buf, NULL) == v)
				return strcmp(buf, t->value) ?
					       json_string(t->value) :
					       json_real(v);
		}
	}
	if (dt && !strcmp(dt, XSD "boolean") &&
	    (!strcmp(t->value, "true") || !strcmp(t->value, "false")))
		return json_boolean(!strcmp(t->value, "true"));
	return json_string(t->value);
}

/* Node i's entity (made with its id alone: see rd_rdf_node) filled in
 * from the node's triples ts[0..n), none of them a relation. */
static int entity(struct rdf *x, size_t i, const size_t *ts, size_t n)
{
	const struct triple *name = pick(x, ts, n, name_predicates,
					 SG_ARRAY_SIZE(name_predicates));
	const struct triple *about = pick(x, ts, n, description_predicates,
					  SG_ARRAY_SIZE(description_predicates));
	sg_buf type = SG_BUF_INIT, key = SG_BUF_INIT, shown = SG_BUF_INIT;
	json_t *attrs = json_object();
	sg_entity e = { 0 };
	int r = attrs ? 0 : rd_nomem(x->rd);

	e.id = x->nodes[i].id;
	e.loc = x->nodes[i].loc;
	for (size_t k = 0; !r && k < n; k++) {
		const struct triple *t = &x->t[ts[k]];

		if (same_literal(t, name) || same_literal(t, about))
			continue;
		const char *p = t->word ? t->p : short_form(x, t->p, &shown);

		if (!p) {
			r = rd_nomem(x->rd);
			continue;
		}
		if (rd_rdf_is_node(&t->obj)) {
			/* rdf:type: the first the type, the others listed */
			const char *cls = short_form(x, t->obj.value, &shown);

			if (!cls || (type.len ?
				     rd_add_value(attrs, "rdf:type",
					       json_string(cls)) :
				     sg_buf_adds(&type, cls)))
				r = rd_nomem(x->rd);
			continue;
		}
		sg_buf_reset(&key);
		if (sg_buf_adds(&key, p))
			r = rd_nomem(x->rd);
		else if (t->obj.lang && *t->obj.lang &&
			 sg_buf_addf(&key, "@%s", t->obj.lang))
			r = rd_nomem(x->rd);
		else if (rd_add_value(attrs, sg_buf_str(&key), literal(&t->obj)))
			r = rd_nomem(x->rd);
	}
	/* (a word: the graph keeps one copy of each type) */
	if (type.len && !(e.type = sg_graph_word(x->rd->g, sg_buf_str(&type))))
		r = rd_nomem(x->rd);
	if (name)
		e.name = name->obj.value;
	else if (strncmp(e.id, "_:", 2) &&
		 !(e.name = short_form(x, e.id, &shown)))
		r = rd_nomem(x->rd);
	if (e.name && !strcmp(e.name, e.id))
		e.name = NULL;
	if (about)
		e.description = about->obj.value;
	r = r || rd_collect(x->rd, &(struct fields){ .o = attrs }, 0,
			    &e.attrs) ||
	    sg_graph_merge_entity(x->rd->g, x->nodes[i].entity, &e,
				  x->rd->err);
	rd_attrs_release(&e.attrs);
	json_decref(attrs);
	sg_buf_release(&type);
	sg_buf_release(&key);
	sg_buf_release(&shown);
	return r;
}

/* The type and attribute "predicate" (the IRI as JSON text, where the type
 * is not the IRI) of each predicate, as words of the graph, which takes
 * them as they are: made once the document is read, its prefixes all
 * known. */
static int type_predicates(struct rdf *x)
{
	sg_graph *g = x->rd->g;
	const char *key = sg_graph_word(g, "predicate");

	if (!key)
		return rd_nomem(x->rd);

	for (size_t i = 0; i < x->npreds; i++) {
		struct pred *d = &x->preds[i];
		const char *type = short_form(x, d->iri, &x->scratch);

		if (!type || !(d->type = sg_graph_word(g, type)))
			return rd_nomem(x->rd);
		sg_buf_reset(&x->attrs);
		if (d->type == d->iri)
			continue;
		if (sg_buf_add_json(&x->attrs, d->iri) ||
		    !(d->json = sg_graph_word(g, sg_buf_str(&x->attrs))) ||
		    !(d->kv = sg_arena_alloc(&g->arena, 2 * sizeof(*d->kv))))
			return rd_nomem(x->rd);
		d->kv[0] = key;
		d->kv[1] = d->json;
	}
	return 0;
}

/* Adds attribute key = value (JSON text) to relation i. */
static int relation_attr(struct rdf *x, size_t i, const char *key,
			 const char *value)
{
	const char *kv[2] = { key, value };
	sg_relation *r = &x->rd->g->relations[i];

	return sg_graph_add_relation_attrs(x->rd->g, i, &(sg_attrs){ kv, 2, 2 },
					   r->loc, x->rd->err);
}

/* Whether stated[i]'s graph is said at an earlier one of stated[from..i). */
static int graph_said(const struct stated *stated, size_t from, size_t i)
{
	for (size_t k = from; k < i; k++)
		if (!strcmp(stated[k].graph, stated[i].graph))
			return 1;
	return 0;
}

static int by_relation(const void *a, const void *b, void *ctx)
{
	const struct stated *x = a, *y = b;

	(void)ctx;
	return x->relation < y->relation ? -1 : x->relation > y->relation;
}

/* Each relation's named graphs, those it is stated in, each once in the
 * order stated, as its attribute "graph". */
static int name_graphs(struct rdf *x)
{
	sg_buf *b = &x->attrs;
	size_t to;

	/* (stable: each relation's statements stay in the order stated) */
	if (sg_sort(x->stated, x->nstated, sizeof(*x->stated), by_relation,
		    NULL))
		return rd_nomem(x->rd);
	for (size_t from = 0; from < x->nstated; from = to) {
		size_t graphs = 0, k = 0;
		int r = 0;

		for (to = from; to < x->nstated &&
		     x->stated[to].relation == x->stated[from].relation; to++)
			graphs += !graph_said(x->stated, from, to);
		sg_buf_reset(b);
		r = graphs > 1 && sg_buf_add(b, "[", 1);
		for (size_t i = from; !r && i < to; i++)
			r = !graph_said(x->stated, from, i) &&
			    ((k++ && sg_buf_add(b, ",", 1)) ||
			     sg_buf_add_json(b, x->stated[i].graph));
		if (r || (graphs > 1 && sg_buf_add(b, "]", 1)))
			return rd_nomem(x->rd);
		if (rd_element(x->rd, relation_attr(x, x->stated[from].relation,
						    "graph", sg_buf_str(b))))
			return -1;
	}
	return 0;
}

/* Makes the graph of the document read: its entities filled in (they are
 * in the order their nodes were met), its relations (added as read, in the
 * order first stated) typed. */
int rd_rdf_emit(struct rdf *x)
{
	/* the triples of each node, in the order stated: node i's from
	 * start[i] to start[i + 1] in order */
	size_t *start = calloc(x->nnodes + 2, sizeof(*start));
	size_t *order = malloc((x->n + 1) * sizeof(*order));
	sg_graph *g = x->rd->g;
	int r = start && order ? 0 : rd_nomem(x->rd);

	for (size_t i = 0; !r && i < x->n; i++)
		start[x->t[i].s + 2]++;
	for (size_t i = 2; !r && i < x->nnodes + 2; i++)
		start[i] += start[i - 1];
	/* (start[s + 1] is where the next of node s's goes, until all are
	 * placed: then it is where node s + 1's begin) */
	for (size_t i = 0; !r && i < x->n; i++)
		order[start[x->t[i].s + 1]++] = i;
	for (size_t i = 0; !r && i < x->nnodes; i++)
		r = rd_element(x->rd, entity(x, i, order + start[i],
					     start[i + 1] - start[i]));
	r = r || type_predicates(x);
	for (size_t i = 0; !r && i < x->nsaid; i++) {
		const struct pred *pred = x->pred[i] == SG_NONE ||
					  x->pred[i] == RDF_WORD ? NULL :
					  &x->preds[x->pred[i]];
		size_t k = x->first + i;

		if (!pred)
			continue;
		g->relations[k].type = pred->type;
		if (!pred->json)
			continue;
		if (!g->relations[k].attrs.n)
			sg_graph_share_attrs(g, k, pred->kv, 2);
		else
			r = rd_element(x->rd, relation_attr(x, k, pred->kv[0],
							    pred->json));
	}
	r = r || name_graphs(x);
	free(start);
	free(order);
	return r;
}

void rd_rdf_release(struct rdf *x)
{
	while (x->contexts) {
		struct context *next = x->contexts->next;

		free(x->contexts->defs);
		free(x->contexts);
		x->contexts = next;
	}
	free(x->t);
	free(x->nodes);
	free(x->pred);
	free(x->slots);
	free(x->stated);
	free(x->slots_by_id);
	free(x->preds);
	sg_map_release(&x->pred_ids);
	sg_buf_release(&x->scratch);
	sg_buf_release(&x->attrs);
}
