/* JSON-LD 1.1, expanded or compacted, its contexts read locally: its node
 * objects as triples, drawn as read_rdf.c maps them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read_rdf.h"

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
		r = rd_rdf_intern(x, r);
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

	return rd_rdf_in(url, urls, SG_ARRAY_SIZE(urls));
}

/* One term of a local context: term -> value, in object ctx. */
static int term_def(struct rdf *x, struct context *c, const json_t *ctx,
		    const char *term, const json_t *value)
{
	struct reader *rd = x->rd;
	struct def d = { .term = term };
	const json_t *id, *type, *lang;

	if (json_is_null(value))
		return rd_rdf_def(x, c, &d);
	if (json_is_string(value)) {
		d.iri = json_string_value(value);
		return rd_rdf_def(x, c, &d);
	}
	if (!json_is_object(value))
		return rd_wrong_kind(rd, ctx, term, 0,
				     "a string, an object or null");
	/* (JSON-LD 1.1, 9.15.1: a term definition's keys are these) */
	if (rd_unread_keys(rd, value, (const char *const[]){ "@id",
			   "@reverse", "@type", "@language", "@container",
			   "@context", "@nest", "@prefix", "@protected",
			   "@index", "@direction", NULL }, term))
		return -1;
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
		    !(d.iri = rd_rdf_intern(x, sg_buf_str(&b)))) {
			sg_buf_release(&b);
			return rd_nomem(rd);
		}
		sg_buf_release(&b);
	}
	d.type = json_string_value(type);
	d.has_lang = lang != NULL;
	d.lang = json_string_value(lang);
	return rd_rdf_def(x, c, &d);
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
	struct term t = { TERM_LITERAL, NULL, NULL, NULL, NULL };

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
		return rd_unread_keys(rd, v, (const char *const[]){ "@list",
				      "@set", "@index", NULL }, p) ||
		       ld_value(x, c, d, id, p, v, json_object_get(v, "@list") ?
				"@list" : "@set", 0, node_loc);
	if (json_is_object(v) && json_object_get(v, "@value")) {
		const json_t *value = json_object_get(v, "@value");
		const json_t *lang = json_object_get(v, "@language");
		const json_t *type = json_object_get(v, "@type");

		/* (JSON-LD 1.1, 9.5: a value object's keys are these) */
		if (rd_unread_keys(rd, v, (const char *const[]){ "@value",
				   "@language", "@type", "@index",
				   "@direction", "@context", NULL }, p))
			return -1;
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
		t.kind = strncmp(other, "_:", 2) ? TERM_IRI : TERM_BNODE;
		t.value = other;
	} else if (json_is_string(v) && d && d->type &&
		   (!strcmp(d->type, "@id") || !strcmp(d->type, "@vocab"))) {
		if (!(t.value = iri_of(x, c, json_string_value(v),
				       !strcmp(d->type, "@vocab"))))
			return -1;
		t.kind = strncmp(t.value, "_:", 2) ? TERM_IRI : TERM_BNODE;
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
		if (t.kind == TERM_LITERAL) {
			sg_loc loc = at;

			return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
				       loc.column, "a reverse property's value "
				       "must be a node, not %s", rd_kind(v));
		}
		return rd_rdf_triple(x, t.value, p, 0, &(struct term){
			strncmp(id, "_:", 2) ? TERM_IRI : TERM_BNODE, id, NULL, NULL,
			NULL }, at, node_loc);
	}
	return rd_rdf_triple(x, id, p, 0, &t, node_loc, at);
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
				struct term t = { TERM_IRI, NULL, NULL, NULL, NULL };

				if (!json_is_string(one))
					return json_is_array(v) ?
						rd_wrong_kind(rd, v, NULL, i,
							      "a string") :
						rd_wrong_kind(rd, o, key, 0,
							      "a string or an array of strings");
				if (!(t.value = iri_of(x, c, json_string_value(one),
						       1)))
					return -1;
				t.kind = strncmp(t.value, "_:", 2) ? TERM_IRI : TERM_BNODE;
				if (rd_rdf_triple(x, id, RDF_TYPE, 0, &t, loc,
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
		    !(*id = rd_rdf_intern(x, sg_buf_str(&x->scratch))))
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
	r = r || rd_rdf_emit(&x);
	rd_rdf_release(&x);
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
