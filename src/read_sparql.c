/* RDF in JSON by its terms ({"type": "uri", "value": ...}): SPARQL 1.1
 * query results (W3C), their rows as triples, and RDF/JSON (W3C's note,
 * rapper's "json" and "json-triples"), drawn as read_rdf.c maps them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <serd/serd.h>

#include "read_rdf.h"

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

/* The two JSON forms of an RDF term: SPARQL results' (SPARQL 1.1 Query
 * Results JSON Format, 3.2.2: a language in xml:lang, a blank node's label
 * bare) and RDF/JSON's (lang, a blank node's "_:label"). */
struct term_form {
	const char *lang;
	int bare_bnode;
	const char *const *keys;
};

static const struct term_form sparql_form = {
	"xml:lang", 1,
	(const char *const[]){ "type", "value", "xml:lang", "datatype", NULL }
}, rdfjson_form = {
	"lang", 0,
	(const char *const[]){ "type", "value", "lang", "datatype", NULL }
};

/* Reads the term parent[key] (or parent[index]) of form f, at where, into
 * t; 0 when absent. name names it in messages. */
static int json_term(struct rdf *x, const struct term_form *f,
		     const json_t *parent, const char *key, size_t index,
		     const char *name, struct term *t, sg_loc *where)
{
	struct reader *rd = x->rd;
	const json_t *o = key ? json_object_get(parent, key) :
				json_array_get(parent, index);
	const char *type, *lang, *dt;

	memset(t, 0, sizeof(*t));
	if (!o)
		return 0;
	*where = rd_loc(rd, parent, key, index);
	if (!json_is_object(o))
		return rd_wrong_kind(rd, parent, key, index,
				     "an object (an RDF term)");
	if (rd_string(rd, o, index, parent, "type", 1, "term", &type) ||
	    rd_string(rd, o, index, parent, f->lang, 0, "", &lang) ||
	    rd_string(rd, o, index, parent, "datatype", 0, "", &dt) ||
	    rd_unread_keys(rd, o, f->keys, name))
		return -1;
	if (!json_is_string(json_object_get(o, "value")))
		return json_object_get(o, "value") ?
			       rd_wrong_kind(rd, o, "value", 0, "a string") :
			       rd_bad_id(rd, o, "value", "term", *where);
	t->value = json_string_value(json_object_get(o, "value"));
	t->lang = lang;
	t->datatype = dt;
	if (!strcmp(type, "uri")) {
		t->kind = TERM_IRI;
	} else if (!strcmp(type, "bnode")) {
		t->kind = TERM_BNODE;
		sg_buf_reset(&x->scratch);
		if (sg_buf_addf(&x->scratch, "%s%s", f->bare_bnode ? "_:" : "",
				t->value) ||
		    !(t->value = rd_rdf_intern(x, sg_buf_str(&x->scratch))))
			return rd_nomem(rd);
	} else if (!strcmp(type, "literal") || !strcmp(type, "typed-literal")) {
		t->kind = TERM_LITERAL;
	} else {
		sg_loc loc = rd_loc(rd, o, "type", 0);

		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "unknown term type '%s' (an RDF "
			       "term is a 'uri', a 'literal' or a 'bnode')",
			       type);
	}
	return 1;
}

/* A term of a SPARQL row: row[var]. */
static int sparql_term(struct rdf *x, const json_t *row, const char *var,
		       struct term *t, sg_loc *where)
{
	return json_term(x, &sparql_form, row, var, 0, var, t, where);
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
	if (!rd_rdf_is_node(&s))
		return sg_fail(rd->err, SG_ESHAPE, sl.file, sl.line, sl.column,
			       "'%s' must be an IRI or a blank node, not a "
			       "literal", ro->s);
	if (rd_rdf_node(x, s.value, sl) < 0)
		return -1;
	if ((ro->p && sparql_term(x, row, ro->p, &p, &pl) < 0) ||
	    (ro->o && sparql_term(x, row, ro->o, &o, &ol) < 0))
		return -1;
	if (p.value && p.kind == TERM_BNODE)
		return sg_fail(rd->err, SG_ESHAPE, pl.file, pl.line, pl.column,
			       "'%s' must be an IRI or a literal, not a blank "
			       "node", ro->p);
	/* the predicate's label labels the relation (given with it), and
	 * names the attribute a literal is (see below) */
	x->label = NULL;
	if (o.value && rd_rdf_is_node(&o) &&
	    json_object_get(row, sg_buf_str(&ro->labels[1]))) {
		if (sparql_term(x, row, sg_buf_str(&ro->labels[1]), &t,
				&tl) < 0)
			return -1;
		x->label = t.value;
	}
	/* without a predicate, a link is untyped and a value is named by
	 * its variable */
	link = o.value && !rd_rdf_is_node(&o) ? x->n : SIZE_MAX;
	if (o.value && rd_rdf_triple(x, s.value, p.value ? p.value :
			      rd_rdf_is_node(&o) ? NULL : ro->o,
			      !p.value || p.kind == TERM_LITERAL, &o, sl, ol))
		return -1;
	x->label = NULL;
	json_object_foreach((json_t *)row, var, v) {
		const char *on = s.value;
		const char *pred = var;
		int word = 1;

		if (!strcmp(var, ro->s) || (ro->p && !strcmp(var, ro->p)) ||
		    (ro->o && !strcmp(var, ro->o)) ||
		    (o.value && rd_rdf_is_node(&o) &&
		     !strcmp(var, sg_buf_str(&ro->labels[1]))))
			continue;
		if (sparql_term(x, row, var, &t, &tl) < 0)
			return -1;
		if (!strcmp(var, sg_buf_str(&ro->labels[1]))) {
			if (link != SIZE_MAX && t.value && *t.value) {
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
			if (!on || (on == o.value && !rd_rdf_is_node(&o)))
				continue;
		}
		t.kind = TERM_LITERAL;
		if (rd_rdf_triple(x, on, pred, word, &t, sl, tl))
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
	/* (head's links are to metadata about the results; results may
	 * say they are distinct and ordered: no graph) */
	if (failed ||
	    rd_unread_keys(rd, head, (const char *const[]){ "vars", "link",
			   NULL }, "head") ||
	    rd_unread_keys(rd, results, (const char *const[]){ "bindings",
			   "distinct", "ordered", NULL }, "results"))
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
	r = r || rd_rdf_emit(&x);
	for (int k = 0; k < 3; k++)
		sg_buf_release(&ro.labels[k]);
	rd_rdf_release(&x);
	return r;
}

static enum rd_sure detect_sparql(const json_t *doc)
{
	return json_object_get(doc, "head") &&
			       (json_object_get(doc, "results") ||
				json_object_get(doc, "boolean")) ?
		       RD_SURE : RD_NOT;
}

static const char *const sparql_keys[] = {
	"head", "results", "boolean", NULL
};

const struct rd_format rd_sparql = {
	.name = "sparql",
	.about = "SPARQL 1.1 query results (JSON)",
	.detect = detect_sparql,
	.read = read_sparql,
	.keys = sparql_keys,
};

/* ---- RDF/JSON ---- */

/* One triple of RDF/JSON: s p list[i]. */
static int rdfjson_object(struct rdf *x, const char *s, sg_loc sl,
			  const char *p, const json_t *list, size_t i)
{
	struct term o;
	sg_loc ol = sl;
	int r = json_term(x, &rdfjson_form, list, NULL, i, p, &o, &ol);

	return r < 0 ? -1 : rd_rdf_triple(x, s, p, 0, &o, sl, ol);
}

/* The resource-centric form: each subject's predicates, each with its
 * list of objects. */
static int rdfjson_subjects(struct rdf *x, const json_t *root)
{
	struct reader *rd = x->rd;
	const char *s, *p;
	const json_t *preds, *list;

	json_object_foreach((json_t *)root, s, preds) {
		sg_loc sl = rd_loc(rd, root, s, 0);

		if (!json_is_object(preds)) {
			if (rd_element(rd, rd_wrong_kind(rd, root, s, 0,
					"an object (its predicates)")))
				return -1;
			continue;
		}
		if (rd_rdf_node(x, s, sl) < 0)
			return -1;
		json_object_foreach((json_t *)preds, p, list) {
			if (!json_is_array(list) &&
			    rd_element(rd, rd_wrong_kind(rd, preds, p, 0,
					"a list (of objects)")))
				return -1;
			for (size_t i = 0; i < json_array_size(list); i++)
				if (rd_element(rd, rdfjson_object(x, s, sl, p,
								  list, i)))
					return -1;
		}
	}
	return 0;
}

/* The triples form (rapper's json-triples): {"triples": [{subject,
 * predicate, object}]}, each a term. */
static int rdfjson_triple(struct rdf *x, const json_t *list, size_t i)
{
	struct reader *rd = x->rd;
	const json_t *t = json_array_get(list, i);
	struct term s, p, o;
	sg_loc sl = rd_loc(rd, list, NULL, i), pl = sl, ol = sl;
	static const char *const roles[] = { "subject", "predicate", "object",
					     NULL };

	if (!json_is_object(t))
		return rd_wrong_kind(rd, list, NULL, i, "an object");
	for (int k = 0; k < 3; k++) {
		int r = json_term(x, &rdfjson_form, t, roles[k], 0, roles[k],
				  k == 0 ? &s : k == 1 ? &p : &o,
				  k == 0 ? &sl : k == 1 ? &pl : &ol);

		if (r <= 0)
			return r ? -1 : sg_fail(rd->err, SG_EMISSING, sl.file,
						sl.line, sl.column,
						"a triple without its '%s'",
						roles[k]);
	}
	if (!rd_rdf_is_node(&s) || p.kind != TERM_IRI)
		return sg_fail(rd->err, SG_ESHAPE, sl.file, sl.line, sl.column,
			       "a triple's subject is an IRI or a blank node, "
			       "its predicate an IRI");
	return rd_unread_keys(rd, t, roles, NULL) ||
	       rd_rdf_node(x, s.value, sl) < 0 ||
	       rd_rdf_triple(x, s.value, p.value, 0, &o, sl, ol);
}

static int read_rdfjson(struct reader *rd, const json_t *root)
{
	struct rdf x = { .rd = rd };
	const json_t *list = json_object_get(root, "triples");
	int r = 0;

	if (json_is_array(list) && json_object_size(root) == 1)
		for (size_t i = 0; !r && i < json_array_size(list); i++)
			r = rd_element(rd, rdfjson_triple(&x, list, i));
	else
		r = rdfjson_subjects(&x, root);
	r = r || rd_rdf_emit(&x);
	rd_rdf_release(&x);
	return r;
}

/* Whether s names a resource: an IRI (serd's test: a scheme and a colon)
 * or a blank node ("_:"). */
static int resource_like(const char *s)
{
	return !strncmp(s, "_:", 2) ||
	       serd_uri_string_has_scheme((const uint8_t *)s);
}

/* Whether o is a term of RDF/JSON's, or (where detection was shown no
 * deeper) null. */
static int term_like(const json_t *o)
{
	return json_is_null(o) || (json_is_object(o) &&
				   json_is_string(json_object_get(o, "type")) &&
				   json_object_get(o, "value"));
}

/* Subjects' keys each holding predicates' keys (each a list of terms,
 * where detection is shown them), or a list of triples of terms. */
static enum rd_sure detect_rdfjson(const json_t *doc)
{
	const json_t *first = rd_first(doc, "triples");
	const char *s;
	const json_t *preds;
	size_t n = 0;

	if (json_object_size(doc) == 1 && json_is_object(first))
		return term_like(json_object_get(first, "subject")) &&
			       json_is_object(json_object_get(first,
							      "subject")) ?
			       RD_SURE : RD_NOT;
	json_object_foreach((json_t *)doc, s, preds) {
		void *it = json_object_iter((json_t *)preds);
		const json_t *list = it ? json_object_iter_value(it) : NULL;

		if (!resource_like(s) || !it ||
		    !resource_like(json_object_iter_key(it)) ||
		    !(json_is_null(list) || term_like(json_array_get(list, 0))))
			return RD_NOT;
		if (++n == 3)
			break;
	}
	return n ? RD_SURE : RD_NOT;
}

const struct rd_format rd_rdfjson = {
	.name = "rdfjson",
	.about = "RDF/JSON (W3C note; rapper's json and json-triples)",
	.detect = detect_rdfjson,
	.read = read_rdfjson,
};
