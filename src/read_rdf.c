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
	struct triple *t;

	if (si < 0)
		return -1;
	if (rd_rdf_is_node(o) && (word || strcmp(p, RDF_TYPE)) &&
	    (oi = rd_rdf_node(x, o->value, o_loc)) < 0)
		return -1;
	if (SG_GROW(x->t, x->n + 1, x->alloc))
		return rd_nomem(x->rd);
	t = &x->t[x->n++];
	*t = (struct triple){ .s = (size_t)si, .o = (size_t)oi, .p = p,
			      .word = word, .obj = *o, .graph = x->graph,
			      .loc = loc, .o_loc = o_loc };
	/* (the node's own copy: o's text may not outlive the call) */
	if (rd_rdf_is_node(o) && (word || strcmp(p, RDF_TYPE)))
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

/* A triple that is a relation: its object a node, its predicate no type. */
static int is_relation(const struct triple *t)
{
	return rd_rdf_is_node(&t->obj) && (t->word || !t->p || strcmp(t->p, RDF_TYPE));
}


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

		if (is_relation(t) || same_literal(t, name) ||
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

/* The same triple: ends, predicate and label. */
static int by_triple(const void *a, const void *b, void *ctx)
{
	const struct rdf *x = ctx;
	const struct triple *ta = &x->t[*(const size_t *)a];
	const struct triple *tb = &x->t[*(const size_t *)b];
	int c;

	if (ta->s != tb->s)
		return ta->s < tb->s ? -1 : 1;
	if (ta->o != tb->o)
		return ta->o < tb->o ? -1 : 1;
	if ((c = strcmp(ta->p ? ta->p : "", tb->p ? tb->p : "")))
		return c;
	return strcmp(ta->label ? ta->label : "", tb->label ? tb->label : "");
}

/* The graph of rels[i] (NULL: the default one, or one said at an earlier
 * rels[k]): each named graph once. */
static const char *new_graph(const struct rdf *x, const size_t *rels,
			     size_t i)
{
	const char *g = x->t[rels[i]].graph;

	for (size_t k = 0; g && k < i; k++)
		if (x->t[rels[k]].graph && !strcmp(x->t[rels[k]].graph, g))
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


/* The relation of the triples rels[0..n), the same triple stated once or
 * more (SPARQL rows may repeat one; TriG may state it in several graphs):
 * the named graphs they are stated in are its attribute "graph". */
static int relation(struct rdf *x, const size_t *rels, size_t n)
{
	const struct triple *t = &x->t[rels[0]];
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
		kv[rel.attrs.n] = "predicate";
		kv[rel.attrs.n + 1] = pred->json;
		rel.attrs.n += 2;
	}
	/* the graphs' values as JSON text, one after the other in b (each
	 * ended by a NUL) */
	sg_buf_reset(b);
	for (size_t i = 0; i < n; i++)
		graphs += new_graph(x, rels, i) != NULL;
	if (graphs) {
		at[rel.attrs.n / 2] = b->len;
		kv[rel.attrs.n] = "graph";
		rel.attrs.n += 2;
		r = r || (graphs > 1 && sg_buf_add(b, "[", 1));
		for (size_t i = 0, k = 0; !r && i < n; i++) {
			const char *g = new_graph(x, rels, i);

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

/* Makes the graph of the triples read. */
int rd_rdf_emit(struct rdf *x)
{
	/* the triples by subject, each node's in the order stated: they are
	 * node i's from start[i] to start[i + 1] in order */
	size_t *start = calloc(x->nnodes + 2, sizeof(*start));
	size_t *order = malloc((x->n + 1) * sizeof(*order));
	/* the relations by subject, each node's sorted so that the same
	 * triple stated again follows the first; and by triple, where its
	 * run of equal ones begins in rels, when it is the first of them,
	 * else SIZE_MAX (so a run ends where the next one begins) */
	size_t *rels = malloc((x->n + 1) * sizeof(*rels));
	size_t *run = malloc((x->n + 1) * sizeof(*run));
	size_t nrels = 0, most = 0;
	int r = start && order && rels && run ? 0 : rd_nomem(x->rd);

	for (size_t i = 0; !r && i < x->n; i++) {
		start[x->t[i].s + 2]++;
		run[i] = SIZE_MAX;
		most += is_relation(&x->t[i]);
	}
	/* (the graph grows once: a relation at most a triple) */
	r = r || sg_graph_reserve(x->rd->g, x->nnodes, most, x->rd->err);
	for (size_t i = 2; !r && i < x->nnodes + 2; i++)
		start[i] += start[i - 1];
	/* (start[s + 1] is where the next of node s's goes, until all are
	 * placed: then it is where node s + 1's begin) */
	for (size_t i = 0; !r && i < x->n; i++)
		order[start[x->t[i].s + 1]++] = i;
	for (size_t i = 0; !r && i < x->nnodes; i++) {
		const size_t *ts = order + start[i];
		size_t n = start[i + 1] - start[i], from = nrels;

		r = rd_element(x->rd, entity(x, i, ts, n));
		for (size_t k = 0; !r && k < n; k++)
			if (is_relation(&x->t[ts[k]]))
				rels[nrels++] = ts[k];
		/* (the sort keeps equal triples in the order stated) */
		if (!r && nrels - from > 1 &&
		    sg_sort(rels + from, nrels - from, sizeof(*rels),
			    by_triple, x))
			r = rd_nomem(x->rd);
		for (size_t k = from; !r && k < nrels; k++)
			if (k == from || by_triple(&rels[k - 1], &rels[k], x))
				run[rels[k]] = k;
	}
	for (size_t i = 0; !r && i < x->n; i++) {
		size_t from = run[i], to = from + 1;

		if (from == SIZE_MAX)
			continue;
		while (to < nrels && run[rels[to]] == SIZE_MAX)
			to++;
		r = rd_element(x->rd, relation(x, rels + from, to - from));
	}
	free(start);
	free(order);
	free(rels);
	free(run);
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
