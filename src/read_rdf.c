/*
 * RDF in JSON: SPARQL 1.1 query results (W3C) and JSON-LD 1.1. Both are
 * read into triples first, then one mapping makes the graph of them:
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
 *   attribute "predicate"; the same triple twice is one relation;
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

#include "read.h"

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define RDF_TYPE RDF "type"

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

enum kind { IRI, BNODE, LITERAL };

struct term {
	enum kind kind;
	const char *value; /* an IRI, "_:id", or a literal's text */
	const char *lang, *datatype;
	const json_t *native; /* JSON-LD: a number or boolean as written */
};

struct triple {
	size_t s, o;      /* node indexes; o only when o.kind is not LITERAL */
	const char *p;    /* an IRI, or with word a name used as it stands */
	int word;
	struct term obj;
	const char *label; /* the relation's own label (SPARQL's ?pLabel) */
	sg_loc loc, o_loc;
};

/* A JSON-LD term definition. */
struct def {
	const char *term, *iri; /* iri NULL: the term is mapped to nothing */
	const char *type;       /* "@id", "@vocab", a datatype IRI, or NULL */
	const char *lang;
	int has_lang, reverse;
};

struct context {
	struct def *defs;
	size_t n, alloc;
	const char *vocab, *base, *lang;
	int remote; /* a context not fetched is in force */
	struct context *next; /* every context made, to free them */
};

struct rdf {
	struct reader *rd;
	struct triple *t;
	size_t n, alloc;
	struct node {
		const char *id;
		sg_loc loc;
	} *nodes;
	size_t nnodes, anodes;
	sg_map ids; /* node id (interned) -> index */
	const struct context *shorts; /* the document's own @context */
	struct context *contexts;
	int remote_noted;
	sg_buf scratch;
};

static const char *intern(struct rdf *x, const char *s)
{
	const char *r = sg_graph_intern(x->rd->g, s);

	if (!r)
		rd_nomem(x->rd);
	return r;
}

/* The node id, added where it is new; -1 when out of memory. */
static int64_t node(struct rdf *x, const char *id, sg_loc loc)
{
	int64_t i = sg_map_get(&x->ids, id);

	if (i >= 0)
		return i;
	if (!(id = intern(x, id)) ||
	    SG_GROW(x->nodes, x->nnodes + 1, x->anodes) ||
	    sg_map_add(&x->ids, id, (uint32_t)x->nnodes))
		return rd_nomem(x->rd);
	x->nodes[x->nnodes] = (struct node){ id, loc };
	return (int64_t)x->nnodes++;
}

static int is_node(const struct term *t)
{
	return t->kind != LITERAL;
}

/* Adds the triple s p o, written at loc (o at o_loc). */
static int triple(struct rdf *x, const char *s, const char *p, int word,
		  const struct term *o, sg_loc loc, sg_loc o_loc)
{
	int64_t si = node(x, s, loc), oi = 0;
	struct triple *t;

	if (si < 0)
		return -1;
	if (is_node(o) && (word || strcmp(p, RDF_TYPE)) &&
	    (oi = node(x, o->value, o_loc)) < 0)
		return -1;
	if (SG_GROW(x->t, x->n + 1, x->alloc))
		return rd_nomem(x->rd);
	t = &x->t[x->n++];
	*t = (struct triple){ (size_t)si, (size_t)oi, p, word, *o, NULL,
			      loc, o_loc };
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

/* ---- from triples to the graph ---- */

/* A triple that is a relation: its object a node, its predicate no type. */
static int is_relation(const struct triple *t)
{
	return is_node(&t->obj) && (t->word || !t->p || strcmp(t->p, RDF_TYPE));
}


static int in(const char *s, const char *const *list, size_t n)
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

			if (t->word || t->obj.kind != LITERAL ||
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
	       t->obj.kind == LITERAL && !strcmp(t->p, chosen->p) &&
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
	if (dt && *t->value && in(dt, integers, SG_ARRAY_SIZE(integers)) &&
	    !whole(t->value, &n))
		return json_integer(n);
	/* a decimal keeps its own text: 19828165 stays an integer, and one
	 * that a number would write otherwise (1.50, 1E7) stays a string */
	if (dt && *t->value && in(dt, reals, SG_ARRAY_SIZE(reals))) {
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
		if (is_node(&t->obj)) {
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
	e.type = type.len ? sg_buf_str(&type) : NULL;
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
	rd_attrs_release(&e.attrs);
	json_decref(attrs);
	sg_buf_release(&type);
	sg_buf_release(&key);
	sg_buf_release(&shown);
	return r;
}

static int by_subject(const void *a, const void *b, void *ctx)
{
	const struct rdf *x = ctx;
	size_t sa = x->t[*(const size_t *)a].s, sb = x->t[*(const size_t *)b].s;

	return sa < sb ? -1 : sa > sb;
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

static int relation(struct rdf *x, const struct triple *t)
{
	sg_buf type = SG_BUF_INIT;
	sg_relation rel = { 0 };
	char *iri = NULL;
	int r = 0;

	rel.from_ref = x->nodes[t->s].id;
	rel.to_ref = x->nodes[t->o].id;
	rel.type = !t->p ? SG_UNTYPED : t->word ? t->p :
		   short_form(x, t->p, &type);
	if (!rel.type) {
		sg_buf_release(&type);
		return rd_nomem(x->rd);
	}
	rel.label = t->label;
	rel.loc = rel.from_loc = t->loc;
	rel.to_loc = t->o_loc;
	if (t->p && !t->word && strcmp(rel.type, t->p)) {
		json_t *v = json_string(t->p);

		iri = v ? rd_dumps(v) : NULL;
		json_decref(v);
		if (!iri || SG_GROW(rel.attrs.kv, 2, rel.attrs.alloc))
			r = rd_nomem(x->rd);
		else {
			rel.attrs.kv[rel.attrs.n++] = "predicate";
			rel.attrs.kv[rel.attrs.n++] = iri;
			iri = NULL;
		}
	}
	r = r || sg_graph_add_relation(x->rd->g, &rel, x->rd->err);
	free(iri);
	rd_attrs_release(&rel.attrs);
	sg_buf_release(&type);
	return r;
}

/* Makes the graph of the triples read. */
static int emit(struct rdf *x)
{
	size_t *order = malloc((x->n + 1) * sizeof(*order));
	size_t *rels = malloc((x->n + 1) * sizeof(*rels));
	size_t nrels = 0, k = 0;
	unsigned char *again = calloc(x->n + 1, 1);
	int r = order && rels && again ? 0 : rd_nomem(x->rd);

	for (size_t i = 0; !r && i < x->n; i++) {
		order[i] = i;
		if (is_relation(&x->t[i]))
			rels[nrels++] = i;
	}
	if (!r && sg_sort(order, x->n, sizeof(*order), by_subject, x))
		r = rd_nomem(x->rd);
	for (size_t i = 0; !r && i < x->nnodes; i++) {
		size_t from = k;

		while (k < x->n && x->t[order[k]].s == i)
			k++;
		r = rd_element(x->rd, entity(x, i, order + from, k - from));
	}
	/* the same triple again (SPARQL rows may repeat one) is one relation */
	if (!r && sg_sort(rels, nrels, sizeof(*rels), by_triple, x))
		r = rd_nomem(x->rd);
	for (size_t i = 1; !r && i < nrels; i++)
		if (!by_triple(&rels[i - 1], &rels[i], x))
			again[rels[i]] = 1;
	for (size_t i = 0; !r && i < x->n; i++)
		if (is_relation(&x->t[i]) && !again[i])
			r = rd_element(x->rd, relation(x, &x->t[i]));
	free(order);
	free(rels);
	free(again);
	return r;
}

static void rdf_release(struct rdf *x)
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
	sg_buf_release(&x->scratch);
}

/* ---- SPARQL 1.1 query results ---- */

/* The variables each role takes, surest first (case ignored): ?s ?p ?o,
 * the names of the triple, and the ?node ?linkedNode ?edgeLabel of graph
 * views (Wikidata's is ?item ?linkTo, and its everyday ?item ?prop
 * ?value). */
static const char *const subject_vars[] = { "s", "subject", "node", "item",
					    "source", "from" };
static const char *const predicate_vars[] = { "p", "predicate", "property",
					      "prop", "edge", "relation",
					      "edgeLabel" };
static const char *const object_vars[] = { "o", "object", "linkedNode",
					   "linkTo", "target", "to", "value" };

/* The variable of vars the surest for a role, or NULL. */
static const char *role_var(const json_t *vars, const char *const *names,
			    size_t n)
{
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < json_array_size(vars); i++) {
			const char *v = json_string_value(json_array_get(vars,
									 i));

			if (v && !strcasecmp(v, names[k]))
				return v;
		}
	return NULL;
}

struct roles {
	const char *s, *p, *o;
	sg_buf labels[3]; /* "sLabel", "pLabel", "oLabel" */
};

/* Reads the term row[var], at where, into t; 0 when unbound. */
static int sparql_term(struct rdf *x, const json_t *row, const char *var,
		       struct term *t, sg_loc *where)
{
	struct reader *rd = x->rd;
	const json_t *o = json_object_get(row, var);
	const char *type, *lang, *dt;

	memset(t, 0, sizeof(*t));
	if (!o)
		return 0;
	*where = rd_loc(rd, row, var, 0);
	if (!json_is_object(o))
		return rd_wrong_kind(rd, row, var, 0, "an object (an RDF term)");
	if (rd_string(rd, o, 0, row, "type", 1, "term", &type) ||
	    rd_string(rd, o, 0, row, "xml:lang", 0, "", &lang) ||
	    rd_string(rd, o, 0, row, "datatype", 0, "", &dt))
		return -1;
	if (!json_is_string(json_object_get(o, "value")))
		return json_object_get(o, "value") ?
			       rd_wrong_kind(rd, o, "value", 0, "a string") :
			       rd_bad_id(rd, o, "value", "term", *where);
	t->value = json_string_value(json_object_get(o, "value"));
	t->lang = lang;
	t->datatype = dt;
	if (!strcmp(type, "uri")) {
		t->kind = IRI;
	} else if (!strcmp(type, "bnode")) {
		t->kind = BNODE;
		sg_buf_reset(&x->scratch);
		if (sg_buf_addf(&x->scratch, "_:%s", t->value) ||
		    !(t->value = intern(x, sg_buf_str(&x->scratch))))
			return rd_nomem(rd);
	} else if (!strcmp(type, "literal") || !strcmp(type, "typed-literal")) {
		t->kind = LITERAL;
	} else {
		sg_loc loc = rd_loc(rd, o, "type", 0);

		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "unknown term type '%s' (a SPARQL "
			       "term is a 'uri', a 'literal' or a 'bnode')",
			       type);
	}
	return 1;
}

/* One row of bindings: the subject's triple, names and other values. */
static int sparql_row(struct rdf *x, const struct roles *ro,
		      const json_t *rows, size_t i)
{
	struct reader *rd = x->rd;
	const json_t *row = json_array_get(rows, i), *v;
	struct term s = { 0 }, p = { 0 }, o = { 0 }, t;
	sg_loc row_loc = rd_loc(rd, rows, NULL, i), sl = row_loc, pl = row_loc,
	       ol = row_loc, tl = row_loc;
	const char *var;
	size_t link;
	int bound;

	if (!json_is_object(row))
		return rd_wrong_kind(rd, rows, NULL, i, "an object");
	if ((bound = sparql_term(x, row, ro->s, &s, &sl)) <= 0)
		return bound ? -1 : sg_fail(rd->err, SG_EMISSING,
					    row_loc.file, row_loc.line,
					    row_loc.column,
					    "row has no '%s'", ro->s);
	if (!is_node(&s))
		return sg_fail(rd->err, SG_ESHAPE, sl.file, sl.line, sl.column,
			       "'%s' must be an IRI or a blank node, not a "
			       "literal", ro->s);
	if (node(x, s.value, sl) < 0)
		return -1;
	if ((ro->p && sparql_term(x, row, ro->p, &p, &pl) < 0) ||
	    (ro->o && sparql_term(x, row, ro->o, &o, &ol) < 0))
		return -1;
	if (p.value && p.kind == BNODE)
		return sg_fail(rd->err, SG_ESHAPE, pl.file, pl.line, pl.column,
			       "'%s' must be an IRI or a literal, not a blank "
			       "node", ro->p);
	/* without a predicate, a link is untyped and a value is named by
	 * its variable */
	link = o.value ? x->n : SIZE_MAX;
	if (o.value && triple(x, s.value, p.value ? p.value :
			      is_node(&o) ? NULL : ro->o,
			      !p.value || p.kind == LITERAL, &o, sl, ol))
		return -1;
	json_object_foreach((json_t *)row, var, v) {
		const char *on = s.value;
		const char *pred = var;
		int word = 1;

		if (!strcmp(var, ro->s) || (ro->p && !strcmp(var, ro->p)) ||
		    (ro->o && !strcmp(var, ro->o)))
			continue;
		if (sparql_term(x, row, var, &t, &tl) < 0)
			return -1;
		if (!strcmp(var, sg_buf_str(&ro->labels[1]))) {
			/* the predicate's label labels the relation, and
			 * names the attribute a literal is */
			if (link != SIZE_MAX && is_node(&o))
				x->t[link].label = t.value;
			else if (link != SIZE_MAX && t.value && *t.value) {
				x->t[link].p = t.value;
				x->t[link].word = 1;
			}
			continue;
		}
		if (!strcmp(var, sg_buf_str(&ro->labels[0])) ||
		    !strcmp(var, sg_buf_str(&ro->labels[2]))) {
			on = strcmp(var, sg_buf_str(&ro->labels[0])) ?
				     o.value : s.value;
			pred = RDFS "label";
			word = 0;
			if (!on || (on == o.value && !is_node(&o)))
				continue;
		}
		t.kind = LITERAL;
		if (triple(x, on, pred, word, &t, sl, tl))
			return -1;
	}
	return 0;
}

static int read_sparql(struct reader *rd, const json_t *root)
{
	struct rdf x = { .rd = rd };
	struct roles ro = { 0 };
	int failed;
	const json_t *head = rd_container(rd, root, "head", 0, &failed);
	const json_t *vars, *results, *rows;
	int r = -1;

	if (failed)
		return -1;
	if (!head)
		return rd_not_format(rd, "head", "", "SPARQL results");
	if (json_object_get(root, "boolean")) {
		sg_loc loc = rd_loc(rd, root, "boolean", 0);

		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "the answer of an ASK query (%s) "
			       "is no graph; SELECT ?s ?p ?o gives one",
			       json_is_true(json_object_get(root, "boolean")) ?
				       "true" : "false");
	}
	vars = rd_container(rd, head, "vars", 1, &failed);
	if (failed)
		return -1;
	if (!vars)
		return rd_not_format(rd, "vars", " in 'head'",
				     "SPARQL results");
	for (size_t i = 0; i < json_array_size(vars); i++)
		if (!json_is_string(json_array_get(vars, i)))
			return rd_wrong_kind(rd, vars, NULL, i, "a string");
	results = rd_container(rd, root, "results", 0, &failed);
	if (failed)
		return -1;
	if (!results)
		return rd_not_format(rd, "results", "", "SPARQL results");
	rows = rd_container(rd, results, "bindings", 1, &failed);
	if (failed)
		return -1;
	if (!rows)
		return rd_not_format(rd, "bindings", " in 'results'",
				     "SPARQL results");
	ro.s = role_var(vars, subject_vars, SG_ARRAY_SIZE(subject_vars));
	ro.o = role_var(vars, object_vars, SG_ARRAY_SIZE(object_vars));
	ro.p = role_var(vars, predicate_vars, SG_ARRAY_SIZE(predicate_vars));
	if (!ro.s) {
		sg_loc loc = rd_loc(rd, head, "vars", 0);
		sg_buf names = SG_BUF_INIT;

		for (size_t i = 0; i < json_array_size(vars); i++)
			sg_buf_addf(&names, "%s?%s", i ? " " : "",
				    json_string_value(json_array_get(vars, i)));
		sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
			"no variable names a subject (%s): scograph draws "
			"?s ?p ?o, or ?node ?linkedNode ?edgeLabel",
			names.len ? sg_buf_str(&names) : "none");
		sg_buf_release(&names);
		return -1;
	}
	r = 0;
	for (int k = 0; k < 3; k++) {
		const char *v = k == 0 ? ro.s : k == 1 ? ro.p : ro.o;

		if (v && sg_buf_addf(&ro.labels[k], "%sLabel", v))
			r = rd_nomem(rd);
	}
	for (size_t i = 0; !r && i < json_array_size(rows); i++)
		r = rd_element(rd, sparql_row(&x, &ro, rows, i));
	r = r || emit(&x);
	for (int k = 0; k < 3; k++)
		sg_buf_release(&ro.labels[k]);
	rdf_release(&x);
	return r;
}

static enum rd_sure detect_sparql(const json_t *doc)
{
	return json_object_get(doc, "head") &&
			       (json_object_get(doc, "results") ||
				json_object_get(doc, "boolean")) ?
		       RD_SURE : RD_NOT;
}

const struct rd_format rd_sparql = {
	.name = "sparql",
	.about = "SPARQL 1.1 query results (JSON)",
	.detect = detect_sparql,
	.read = read_sparql,
};

/* ---- JSON-LD 1.1 ---- */

static const struct def *find_def(const struct context *c, const char *term)
{
	for (size_t i = c ? c->n : 0; i-- > 0;)
		if (!strcmp(c->defs[i].term, term))
			return &c->defs[i];
	return NULL;
}

/* What expand returns when memory runs out. */
static const char nomem_mark[] = "";

/*
 * The IRI v stands for, in b or interned: with vocab, as a key or a type
 * (terms and @vocab apply), else as an @id (@base applies). A term no
 * context defines stands as it is: a remote context is never fetched.
 * NULL when v is mapped to nothing, nomem_mark when out of memory.
 */
static const char *expand(const struct context *c, const char *v, int vocab,
			  sg_buf *b, int depth)
{
	const struct def *d = vocab ? find_def(c, v) : NULL;
	const char *colon = strchr(v, ':');

	if (*v == '@')
		return v;
	/* the aliases every remote context we know of makes */
	if (vocab && !d && c && c->remote && !strcmp(v, "id"))
		return "@id";
	if (vocab && !d && c && c->remote && !strcmp(v, "type"))
		return "@type";
	if (d)
		return d->iri && depth < 8 && strcmp(d->iri, v) ?
			       expand(c, d->iri, 1, b, depth + 1) : d->iri;
	if (colon && colon != v && strncmp(colon + 1, "//", 2) &&
	    strncmp(v, "_:", 2)) {
		const struct def *prefix;
		char term[64];
		size_t len = (size_t)(colon - v);

		if (len < sizeof(term)) {
			memcpy(term, v, len);
			term[len] = '\0';
			prefix = find_def(c, term);
			if (prefix && prefix->iri && depth < 8) {
				sg_buf pre = SG_BUF_INIT;
				const char *iri = expand(c, prefix->iri, 1,
							 &pre, depth + 1);
				int failed = !iri;

				sg_buf_reset(b);
				failed = failed || iri == nomem_mark ||
					 sg_buf_addf(b, "%s%s", iri, colon + 1);
				sg_buf_release(&pre);
				return failed && iri ? nomem_mark :
				       failed ? NULL : sg_buf_str(b);
			}
		}
		return v;
	}
	if (colon)
		return v;
	if (vocab && c && c->vocab) {
		sg_buf_reset(b);
		return sg_buf_addf(b, "%s%s", c->vocab, v) ? nomem_mark :
							      sg_buf_str(b);
	}
	if (!vocab && c && c->base && *v) {
		const char *end = *v == '#' ? strchr(c->base, '#') :
					      strrchr(c->base, '/');
		size_t keep = end ? (size_t)(end - c->base) + (*v != '#') :
				    strlen(c->base);

		sg_buf_reset(b);
		return sg_buf_add(b, c->base, keep) || sg_buf_adds(b, v) ?
			       nomem_mark : sg_buf_str(b);
	}
	return v;
}

/* expand, interned in the graph. */
static const char *iri_of(struct rdf *x, const struct context *c,
			  const char *v, int vocab)
{
	sg_buf b = SG_BUF_INIT;
	const char *r = expand(c, v, vocab, &b, 0);

	if (r == nomem_mark) {
		rd_nomem(x->rd);
		r = NULL;
	} else if (r) {
		r = intern(x, r);
	}
	sg_buf_release(&b);
	return r;
}

/* Says once that a remote context was not fetched. */
static int remote(struct rdf *x, const json_t *parent, const char *key,
		  size_t index, const char *url)
{
	if (x->remote_noted++)
		return 0;
	return sg_graph_warn(x->rd->g, SG_WREMOTE,
			     rd_loc(x->rd, parent, key, index),
			     "remote @context '%s' is not fetched: its terms "
			     "are read as they stand", url) ?
		       rd_nomem(x->rd) : 0;
}

/* schema.org's context is known without fetching it: its vocabulary. */
static int is_schema_org(const char *url)
{
	static const char *const urls[] = {
		"http://schema.org", "https://schema.org",
		"http://schema.org/", "https://schema.org/",
	};

	return in(url, urls, SG_ARRAY_SIZE(urls));
}

static int add_def(struct rdf *x, struct context *c, const struct def *d)
{
	if (SG_GROW(c->defs, c->n + 1, c->alloc))
		return rd_nomem(x->rd);
	c->defs[c->n++] = *d;
	return 0;
}

/* One term of a local context: term -> value, in object ctx. */
static int term_def(struct rdf *x, struct context *c, const json_t *ctx,
		    const char *term, const json_t *value)
{
	struct reader *rd = x->rd;
	struct def d = { .term = term };
	const json_t *id, *type, *lang;

	if (json_is_null(value))
		return add_def(x, c, &d);
	if (json_is_string(value)) {
		d.iri = json_string_value(value);
		return add_def(x, c, &d);
	}
	if (!json_is_object(value))
		return rd_wrong_kind(rd, ctx, term, 0,
				     "a string, an object or null");
	id = json_object_get(value, "@reverse");
	d.reverse = id != NULL;
	if (!id)
		id = json_object_get(value, "@id");
	type = json_object_get(value, "@type");
	lang = json_object_get(value, "@language");
	if (id && !json_is_string(id) && !json_is_null(id))
		return rd_wrong_kind(rd, value, d.reverse ? "@reverse" : "@id",
				     0, "a string");
	if (type && !json_is_string(type))
		return rd_wrong_kind(rd, value, "@type", 0, "a string");
	d.iri = id ? json_string_value(id) : term;
	if (!id && !strchr(term, ':') && c->vocab) {
		sg_buf b = SG_BUF_INIT;

		if (sg_buf_addf(&b, "%s%s", c->vocab, term) ||
		    !(d.iri = intern(x, sg_buf_str(&b)))) {
			sg_buf_release(&b);
			return rd_nomem(rd);
		}
		sg_buf_release(&b);
	}
	d.type = json_string_value(type);
	d.has_lang = lang != NULL;
	d.lang = json_string_value(lang);
	return add_def(x, c, &d);
}

/*
 * The context in force inside an object with "@context": v (an object, a
 * URL, null, or a list of them) over parent. NULL with the error.
 */
static struct context *context(struct rdf *x, const struct context *parent,
			       const json_t *holder, const json_t *v)
{
	struct reader *rd = x->rd;
	struct context *c = calloc(1, sizeof(*c));
	const json_t *list = json_is_array(v) ? v : NULL;

	if (!c || (parent && SG_GROW(c->defs, parent->n, c->alloc))) {
		free(c);
		rd_nomem(rd);
		return NULL;
	}
	c->next = x->contexts;
	x->contexts = c;
	if (parent) {
		memcpy(c->defs, parent->defs, parent->n * sizeof(*c->defs));
		c->n = parent->n;
		c->vocab = parent->vocab;
		c->base = parent->base;
		c->lang = parent->lang;
		c->remote = parent->remote;
	}
	for (size_t i = 0; i < (list ? json_array_size(list) : 1); i++) {
		const json_t *one = list ? json_array_get(list, i) : v;
		const json_t *at = list ? list : holder;
		const char *key = list ? NULL : "@context";
		const char *term;
		const json_t *value;
		size_t first;

		if (json_is_null(one)) {
			c->n = 0;
			c->vocab = c->base = c->lang = NULL;
			continue;
		}
		if (json_is_string(one)) {
			if (is_schema_org(json_string_value(one)))
				c->vocab = "http://schema.org/";
			else if (remote(x, at, key, i, json_string_value(one)))
				return NULL;
			else
				c->remote = 1;
			continue;
		}
		if (!json_is_object(one)) {
			rd_wrong_kind(rd, at, key, i,
				      "an object, a URL or a list of them");
			return NULL;
		}
		/* @vocab first: terms without an @id are read under it */
		value = json_object_get(one, "@vocab");
		if (json_is_string(value) &&
		    !(c->vocab = iri_of(x, c, json_string_value(value), 1)) &&
		    rd->error.code != SG_OK)
			return NULL;
		else if (json_is_null(value))
			c->vocab = NULL;
		value = json_object_get(one, "@base");
		if (json_is_string(value))
			c->base = json_string_value(value);
		value = json_object_get(one, "@language");
		if (json_is_string(value) || json_is_null(value))
			c->lang = json_string_value(value);
		value = json_object_get(one, "@import");
		if (json_is_string(value) &&
		    remote(x, one, "@import", 0, json_string_value(value)))
			return NULL;
		first = c->n;
		json_object_foreach((json_t *)one, term, value)
			if (*term != '@' && term_def(x, c, one, term, value))
				return NULL;
		/* once all are known, as terms may use each other: full IRIs,
		 * for the short forms */
		for (size_t k = first; k < c->n; k++)
			if (c->defs[k].iri && *c->defs[k].iri != '@' &&
			    !(c->defs[k].iri = iri_of(x, c, c->defs[k].iri,
						      1)) &&
			    rd->error.code != SG_OK)
				return NULL;
	}
	return c;
}

static int ld_node(struct rdf *x, const struct context *c,
		   const json_t *parent, const char *key, size_t index,
		   const json_t *o, const char **id);

/* A value of property p (d its term's definition, or NULL) of node id:
 * parent[key] or parent[index]. */
static int ld_value(struct rdf *x, const struct context *c,
		    const struct def *d, const char *id, const char *p,
		    const json_t *parent, const char *key, size_t index,
		    sg_loc node_loc)
{
	struct reader *rd = x->rd;
	const json_t *v = key ? json_object_get(parent, key) :
				json_array_get(parent, index);
	sg_loc at = rd_loc(rd, parent, key, index);
	struct term t = { LITERAL, NULL, NULL, NULL, NULL };

	if (json_is_null(v))
		return 0;
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++)
			if (ld_value(x, c, d, id, p, v, NULL, i, node_loc))
				return -1;
		return 0;
	}
	if (json_is_object(v) && (json_object_get(v, "@list") ||
				  json_object_get(v, "@set")))
		return ld_value(x, c, d, id, p, v, json_object_get(v, "@list") ?
				"@list" : "@set", 0, node_loc);
	if (json_is_object(v) && json_object_get(v, "@value")) {
		const json_t *value = json_object_get(v, "@value");
		const json_t *lang = json_object_get(v, "@language");
		const json_t *type = json_object_get(v, "@type");

		if (json_is_null(value))
			return 0;
		if (json_is_object(value) || json_is_array(value))
			return rd_wrong_kind(rd, v, "@value", 0,
					     "a string, a number or a boolean");
		if ((lang && !json_is_string(lang)) ||
		    (type && !json_is_string(type)))
			return rd_wrong_kind(rd, v, lang && !json_is_string(lang) ?
					     "@language" : "@type", 0,
					     "a string");
		if (json_is_string(value))
			t.value = json_string_value(value);
		else
			t.native = value;
		t.lang = json_string_value(lang);
		if (type && !(t.datatype = iri_of(x, c, json_string_value(type),
						  1)))
			return -1;
	} else if (json_is_object(v)) {
		const char *other;

		if (ld_node(x, c, parent, key, index, v, &other))
			return -1;
		t.kind = strncmp(other, "_:", 2) ? IRI : BNODE;
		t.value = other;
	} else if (json_is_string(v) && d && d->type &&
		   (!strcmp(d->type, "@id") || !strcmp(d->type, "@vocab"))) {
		if (!(t.value = iri_of(x, c, json_string_value(v),
				       !strcmp(d->type, "@vocab"))))
			return -1;
		t.kind = strncmp(t.value, "_:", 2) ? IRI : BNODE;
	} else if (json_is_string(v)) {
		t.value = json_string_value(v);
		t.lang = d && d->has_lang ? d->lang : c ? c->lang : NULL;
		if (d && d->type && !(t.datatype = iri_of(x, c, d->type, 1)))
			return -1;
	} else {
		t.native = v;
	}
	if (t.native && !t.value)
		t.value = "";
	if (d && d->reverse) {
		if (t.kind == LITERAL) {
			sg_loc loc = at;

			return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
				       loc.column, "a reverse property's value "
				       "must be a node, not %s", rd_kind(v));
		}
		return triple(x, t.value, p, 0, &(struct term){
			strncmp(id, "_:", 2) ? IRI : BNODE, id, NULL, NULL,
			NULL }, at, node_loc);
	}
	return triple(x, id, p, 0, &t, node_loc, at);
}

/* The properties of o (a node object, or what it nests) for node id. */
static int ld_properties(struct rdf *x, const struct context *c,
			 const json_t *o, const char *id, sg_loc loc)
{
	struct reader *rd = x->rd;
	const char *key;
	const json_t *v;

	json_object_foreach((json_t *)o, key, v) {
		const struct def *d = find_def(c, key);
		const char *p = iri_of(x, c, key, 1);

		if (!p) {
			if (rd->error.code != SG_OK)
				return -1;
			continue; /* a term mapped to nothing */
		}
		if (!strcmp(p, "@type")) {
			for (size_t i = 0; i < (json_is_array(v) ?
						json_array_size(v) : 1); i++) {
				const json_t *one = json_is_array(v) ?
					json_array_get(v, i) : v;
				struct term t = { IRI, NULL, NULL, NULL, NULL };

				if (!json_is_string(one))
					return json_is_array(v) ?
						rd_wrong_kind(rd, v, NULL, i,
							      "a string") :
						rd_wrong_kind(rd, o, key, 0,
							      "a string or an array of strings");
				if (!(t.value = iri_of(x, c, json_string_value(one),
						       1)))
					return -1;
				t.kind = strncmp(t.value, "_:", 2) ? IRI : BNODE;
				if (triple(x, id, RDF_TYPE, 0, &t, loc,
					   json_is_array(v) ?
						   rd_loc(rd, v, NULL, i) :
						   rd_loc(rd, o, key, 0)))
					return -1;
			}
			continue;
		}
		if (!strcmp(p, "@nest")) {
			for (size_t i = 0; i < (json_is_array(v) ?
						json_array_size(v) : 1); i++) {
				const json_t *one = json_is_array(v) ?
					json_array_get(v, i) : v;

				if (!json_is_object(one))
					return rd_wrong_kind(rd, o, key, 0,
							     "an object");
				if (ld_properties(x, c, one, id, loc))
					return -1;
			}
			continue;
		}
		if (!strcmp(p, "@reverse")) {
			const char *rk;
			const json_t *rv;
			struct def rev = { .reverse = 1 };

			if (!json_is_object(v))
				return rd_wrong_kind(rd, o, key, 0, "an object");
			json_object_foreach((json_t *)v, rk, rv) {
				const char *rp = iri_of(x, c, rk, 1);

				if (!rp)
					return -1;
				if (ld_value(x, c, &rev, id, rp, v, rk, 0, loc))
					return -1;
			}
			continue;
		}
		if (!strcmp(p, "@graph") || !strcmp(p, "@included")) {
			for (size_t i = 0; i < (json_is_array(v) ?
						json_array_size(v) : 1); i++) {
				const char *other;

				if (json_is_array(v) ?
					    (json_is_object(json_array_get(v, i)) ?
					     ld_node(x, c, v, NULL, i,
						     json_array_get(v, i), &other) :
					     rd_wrong_kind(rd, v, NULL, i,
							   "a node object")) :
				    json_is_object(v) ?
					    ld_node(x, c, o, key, 0, v, &other) :
					    rd_wrong_kind(rd, o, key, 0,
							  "an array of node objects"))
					if (rd_element(rd, -1))
						return -1;
			}
			continue;
		}
		if (*p == '@')
			continue; /* @id, @context, @index, ...: no triple */
		if (ld_value(x, c, d, id, p, o, key, 0, loc))
			return -1;
	}
	return 0;
}

/* A node object o, parent[key] or parent[index]: its triples, and its id
 * in *id (a blank node named by its place when it has none). */
static int ld_node(struct rdf *x, const struct context *c,
		   const json_t *parent, const char *key, size_t index,
		   const json_t *o, const char **id)
{
	struct reader *rd = x->rd;
	sg_loc loc = rd_loc(rd, parent, key, index);
	const json_t *ctx = json_object_get(o, "@context");
	const char *k;
	const json_t *v;

	if (ctx && !(c = context(x, c, o, ctx)))
		return -1;
	*id = NULL;
	/* @id, or a term that stands for it */
	json_object_foreach((json_t *)o, k, v) {
		const char *p = iri_of(x, c, k, 1);

		if (!p || strcmp(p, "@id"))
			continue;
		if (!json_is_string(v))
			return rd_wrong_kind(rd, o, k, 0, "a string");
		if (!(*id = iri_of(x, c, json_string_value(v), 0)))
			return -1;
	}
	if (!*id) {
		sg_buf_reset(&x->scratch);
		if (sg_buf_addf(&x->scratch, "_:L%dC%d", loc.line,
				loc.column) ||
		    !(*id = intern(x, sg_buf_str(&x->scratch))))
			return rd_nomem(rd);
	}
	return ld_properties(x, c, o, *id, loc);
}

static int read_jsonld(struct reader *rd, const json_t *root)
{
	struct rdf x = { .rd = rd };
	const json_t *ctx = json_object_get(root, "@context");
	const char *id;
	int r = 0;

	if (json_is_array(root)) {
		for (size_t i = 0; !r && i < json_array_size(root); i++)
			r = rd_element(rd, !json_is_object(json_array_get(root, i)) ?
				rd_wrong_kind(rd, root, NULL, i, "a node object") :
				ld_node(&x, NULL, root, NULL, i,
					json_array_get(root, i), &id));
	} else {
		/* names and types are shortened by the document's own
		 * context */
		struct context *c = ctx ? context(&x, NULL, root, ctx) : NULL;

		x.shorts = c;
		r = (ctx && !c) || ld_node(&x, NULL, NULL, NULL, 0, root, &id);
	}
	r = r || emit(&x);
	rdf_release(&x);
	return r ? -1 : 0;
}

/* A key of JSON-LD's own, or an IRI as a key: what expanded JSON-LD has. */
static int ld_keys(const json_t *o)
{
	const char *key;
	const json_t *v;

	json_object_foreach((json_t *)o, key, v)
		if (!strcmp(key, "@context") || !strcmp(key, "@graph") ||
		    !strcmp(key, "@id") || !strcmp(key, "@type") ||
		    strstr(key, "://"))
			return 1;
	return 0;
}

static enum rd_sure detect_jsonld(const json_t *doc)
{
	/* (a value object, {"@type", "@value"}, is no node at the top:
	 * GraphSON's typed values look so) */
	if (json_is_array(doc))
		return ld_keys(json_array_get(doc, 0)) &&
				       !json_object_get(json_array_get(doc, 0),
							"@value") ?
			       RD_SURE :
			       RD_NOT;
	return json_object_get(doc, "@context") ||
			       json_object_get(doc, "@graph") ?
		       RD_SURE : ld_keys(doc) ? RD_LIKELY : RD_NOT;
}

const struct rd_format rd_jsonld = {
	.name = "jsonld",
	.about = "JSON-LD 1.1, expanded or compacted",
	.detect = detect_jsonld,
	.read = read_jsonld,
	.arrays = 1,
};
