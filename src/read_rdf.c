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

/* The node id, added where it is new; -1 when out of memory. */
int64_t rd_rdf_node(struct rdf *x, const char *id, sg_loc loc)
{
	int64_t i;

	/* (a subject's triples mostly follow one another: Turtle's always) */
	if (x->nnodes && !strcmp(x->nodes[x->last].id, id))
		return (int64_t)x->last;
	if ((i = sg_map_get(&x->ids, id)) >= 0) {
		x->last = (size_t)i;
		return i;
	}
	if (!(id = rd_rdf_intern(x, id)) ||
	    SG_GROW(x->nodes, x->nnodes + 1, x->anodes) ||
	    sg_map_add(&x->ids, id, (uint32_t)x->nnodes))
		return rd_nomem(x->rd);
	x->nodes[x->nnodes] = (struct node){ id, loc, SG_NONE };
	x->last = x->nnodes;
	return (int64_t)x->nnodes++;
}

/* Adds the triple s p o, written at loc (o at o_loc). */
int rd_rdf_triple(struct rdf *x, const char *s, const char *p, int word,
		  const struct term *o, sg_loc loc, sg_loc o_loc)
{
	int64_t si = rd_rdf_node(x, s, loc), oi = 0;
	int relation = rd_rdf_is_node(o) && (word || strcmp(p, RDF_TYPE));
	struct triple *t;

	if (si < 0)
		return -1;
	if (relation && (oi = rd_rdf_node(x, o->value, o_loc)) < 0)
		return -1;
	if (SG_GROW(x->t, x->n + 1, x->alloc))
		return rd_nomem(x->rd);
	t = &x->t[x->n++];
	*t = (struct triple){ .s = (size_t)si, .o = (size_t)oi, .p = p,
			      .word = word, .relation = relation, .obj = *o,
			      .graph = x->graph, .loc = loc, .o_loc = o_loc };
	/* (the node's own copy: o's text may not outlive the call) */
	if (relation)
		t->obj.value = x->nodes[oi].id;
	return 0;
}

/* ---- short forms ---- */

static const char *local_name(const char *iri)
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
	return local_name(iri);
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

/* The entity of node i, from its triples ts[0..n). */
static int entity(struct rdf *x, size_t i, const size_t *ts, size_t n)
{
	const struct triple *name = pick(x, ts, n, name_predicates,
					 SG_ARRAY_SIZE(name_predicates));
	const struct triple *about = pick(x, ts, n, description_predicates,
					  SG_ARRAY_SIZE(description_predicates));
	sg_buf type = SG_BUF_INIT, key = SG_BUF_INIT, shown = SG_BUF_INIT;
	json_t *attrs = json_object();
	sg_entity e = { 0 };
	size_t had = x->rd->g->nentities;
	int r = attrs ? 0 : rd_nomem(x->rd);

	e.id = x->nodes[i].id;
	e.loc = x->nodes[i].loc;
	for (size_t k = 0; !r && k < n; k++) {
		const struct triple *t = &x->t[ts[k]];

		if (t->relation || same_literal(t, name) ||
		    same_literal(t, about))
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
	r = r || rd_collect(x->rd, &(struct fields){ attrs, NULL, { NULL }, 0 },
			    0, &e.attrs) ||
	    sg_graph_add_entity(x->rd->g, &e, x->rd->err);
	if (!r) {
		/* (its relations name it by its index and its own id: see
		 * relation(); a new one is the last, one met before is
		 * found) */
		sg_graph *g = x->rd->g;
		int64_t k = g->nentities > had ? (int64_t)g->nentities - 1 :
			    sg_map_get(&g->by_id, e.id);

		x->nodes[i].entity = k >= 0 ? (uint32_t)k : SG_NONE;
		if (k >= 0)
			x->nodes[i].id = g->entities[k].id;
	}
	rd_attrs_release(&e.attrs);
	json_decref(attrs);
	sg_buf_release(&type);
	sg_buf_release(&key);
	sg_buf_release(&shown);
	return r;
}

/* Whether triples a and b, two relations, are the same: ends, predicate
 * and label. */
static int same_triple(const struct triple *a, const struct triple *b)
{
	return a->s == b->s && a->o == b->o &&
	       !strcmp(a->p ? a->p : "", b->p ? b->p : "") &&
	       !strcmp(a->label ? a->label : "", b->label ? b->label : "");
}

/* A hash of what same_triple compares. */
static uint64_t triple_hash(const struct triple *t)
{
	uint64_t h = ((uint64_t)t->s << 32 ^ t->o) * 0x9E3779B97F4A7C15u;

	h ^= (uint64_t)(t->p ? sg_hash(t->p) : 0) << 32 |
	     (t->label ? sg_hash(t->label) : 0);
	/* (murmur3's finaliser: the high bits mixed into the low ones) */
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDu;
	h ^= h >> 33;
	return h;
}

/* The graph of statement i of a relation whose first is first, the next
 * of each in next[] (NULL: the default one, or one said at an earlier
 * statement): each named graph once. */
static const char *new_graph(const struct rdf *x, size_t first,
			     const size_t *next, size_t i)
{
	const char *g = x->t[i].graph;

	for (size_t k = first; g && k != i; k = next[k])
		if (x->t[k].graph && !strcmp(x->t[k].graph, g))
			return NULL;
	return g;
}

/* What relations of predicate iri are: their type and their attribute
 * "predicate" (the IRI as JSON text, where the type is not the IRI), found
 * once a predicate, as words of the graph, which takes them as they are.
 * NULL when out of memory. */
static const struct pred *predicate(struct rdf *x, const char *iri)
{
	int64_t i = sg_map_get(&x->pred_ids, iri);
	sg_graph *g = x->rd->g;
	const char *type = i >= 0 ? NULL : short_form(x, iri, &x->scratch);
	struct pred *d;

	if (i >= 0)
		return &x->preds[i];
	if (!type || x->npreds >= UINT32_MAX ||
	    SG_GROW(x->preds, x->npreds + 1, x->apreds))
		return NULL;
	d = &x->preds[x->npreds];
	*d = (struct pred){ sg_graph_word(g, iri), sg_graph_word(g, type),
			    NULL };
	if (!d->iri || !d->type)
		return NULL;
	sg_buf_reset(&x->attrs);
	if (strcmp(d->type, iri) &&
	    (sg_buf_add_json(&x->attrs, iri) ||
	     !(d->json = sg_graph_word(g, sg_buf_str(&x->attrs)))))
		return NULL;
	if (sg_map_add(&x->pred_ids, d->iri, (uint32_t)x->npreds))
		return NULL;
	return &x->preds[x->npreds++];
}


/* The relation of triple first, stated once or more (SPARQL rows may
 * repeat one; TriG may state it in several graphs), each statement's next
 * in next[] (SIZE_MAX: the last): the named graphs they are stated in are
 * its attribute "graph". */
static int relation(struct rdf *x, size_t first, const size_t *next)
{
	const struct triple *t = &x->t[first];
	const struct pred *pred = t->p && !t->word ? predicate(x, t->p) : NULL;
	sg_buf *b = &x->attrs;
	sg_relation rel = { 0 };
	const char *kv[4];
	size_t at[2], graphs = 0;
	int r = 0;

	if (t->p && !t->word && !pred)
		return rd_nomem(x->rd);
	/* (the ends as their entities' own ids, with their indexes: the
	 * graph need not find them again) */
	rel.from_ref = x->nodes[t->s].id;
	rel.from = x->nodes[t->s].entity;
	rel.to_ref = x->nodes[t->o].id;
	rel.to = x->nodes[t->o].entity;
	rel.type = !t->p ? SG_UNTYPED : t->word ? t->p : pred->type;
	rel.label = t->label;
	rel.loc = rel.from_loc = t->loc;
	rel.to_loc = t->o_loc;
	if (pred && pred->json) {
		kv[rel.attrs.n] = x->predicate_key;
		kv[rel.attrs.n + 1] = pred->json;
		rel.attrs.n += 2;
	}
	/* the graphs' values as JSON text, one after the other in b (each
	 * ended by a NUL) */
	sg_buf_reset(b);
	for (size_t i = first; i != SIZE_MAX; i = next[i])
		graphs += new_graph(x, first, next, i) != NULL;
	if (graphs) {
		at[rel.attrs.n / 2] = b->len;
		kv[rel.attrs.n] = "graph";
		rel.attrs.n += 2;
		r = r || (graphs > 1 && sg_buf_add(b, "[", 1));
		for (size_t i = first, k = 0; !r && i != SIZE_MAX;
		     i = next[i]) {
			const char *g = new_graph(x, first, next, i);

			r = g && ((k++ && sg_buf_add(b, ",", 1)) ||
				  sg_buf_add_json(b, g));
		}
		r = r || (graphs > 1 && sg_buf_add(b, "]", 1)) ||
		    sg_buf_add(b, "", 1);
	}
	if (r)
		return rd_nomem(x->rd);
	for (size_t i = pred && pred->json; i < rel.attrs.n / 2; i++)
		kv[2 * i + 1] = b->buf + at[i];
	rel.attrs.kv = kv;
	rel.attrs.alloc = SG_ARRAY_SIZE(kv);
	return sg_graph_add_relation(x->rd->g, &rel, x->rd->err);
}

/* Links each relation triple to the next statement of the same triple:
 * next[i] (SIZE_MAX: none), and last[i] the last of them for the first
 * statement, SIZE_MAX for the others. One pass, a hash table of the first
 * statements; -1 when out of memory. */
static int link_statements(const struct rdf *x, size_t nrels, size_t *next,
			   size_t *last)
{
	size_t nslots = 64, *slot;

	while (nslots < nrels * 2)
		nslots *= 2;
	if (!(slot = malloc(nslots * sizeof(*slot))))
		return -1;
	memset(slot, 0xFF, nslots * sizeof(*slot)); /* SIZE_MAX: empty */
	for (size_t i = 0; i < x->n; i++) {
		const struct triple *t = &x->t[i];
		size_t k;

		next[i] = last[i] = SIZE_MAX;
		if (!t->relation)
			continue;
		for (k = triple_hash(t) & (nslots - 1);
		     slot[k] != SIZE_MAX && !same_triple(&x->t[slot[k]], t);
		     k = (k + 1) & (nslots - 1))
			;
		if (slot[k] == SIZE_MAX) {
			slot[k] = last[i] = i;
			continue;
		}
		next[last[slot[k]]] = i;
		last[slot[k]] = i;
	}
	free(slot);
	return 0;
}

/* Makes the graph of the triples read: the entities in the order their
 * nodes were met, then the relations in the order first stated. */
int rd_rdf_emit(struct rdf *x)
{
	/* the triples of each node that are no relation, in the order
	 * stated: node i's from start[i] to start[i + 1] in order */
	size_t *start = calloc(x->nnodes + 2, sizeof(*start));
	size_t *order = malloc((x->n + 1) * sizeof(*order));
	size_t *next = malloc((x->n + 1) * sizeof(*next));
	size_t *last = malloc((x->n + 1) * sizeof(*last));
	size_t nrels = 0;
	int r = start && order && next && last ? 0 : rd_nomem(x->rd);

	for (size_t i = 0; !r && i < x->n; i++) {
		start[x->t[i].s + 2] += !x->t[i].relation;
		nrels += x->t[i].relation;
	}
	/* (the graph grows once: a relation at most a triple) */
	r = r || sg_graph_reserve(x->rd->g, x->nnodes, nrels, x->rd->err);
	for (size_t i = 2; !r && i < x->nnodes + 2; i++)
		start[i] += start[i - 1];
	/* (start[s + 1] is where the next of node s's goes, until all are
	 * placed: then it is where node s + 1's begin) */
	for (size_t i = 0; !r && i < x->n; i++)
		if (!x->t[i].relation)
			order[start[x->t[i].s + 1]++] = i;
	for (size_t i = 0; !r && i < x->nnodes; i++)
		r = rd_element(x->rd, entity(x, i, order + start[i],
					     start[i + 1] - start[i]));
	if (!r && link_statements(x, nrels, next, last))
		r = rd_nomem(x->rd);
	if (!r && !(x->predicate_key = sg_graph_word(x->rd->g, "predicate")))
		r = rd_nomem(x->rd);
	for (size_t i = 0; !r && i < x->n; i++)
		if (last[i] != SIZE_MAX)
			r = rd_element(x->rd, relation(x, i, next));
	free(start);
	free(order);
	free(next);
	free(last);
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
	sg_map_release(&x->ids);
	free(x->preds);
	sg_map_release(&x->pred_ids);
	sg_buf_release(&x->scratch);
	sg_buf_release(&x->attrs);
}
