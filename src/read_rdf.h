/*
 * Between the RDF readers: SPARQL results (read_sparql.c), JSON-LD
 * (read_jsonld.c) and the text formats serd reads (read_serd.c) each turn
 * their input into triples; read_rdf.c makes the graph of the triples by
 * one mapping, told at its top.
 */
#ifndef SG_READ_RDF_H
#define SG_READ_RDF_H

#include "read.h"

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define RDF_TYPE RDF "type"

enum term_kind { TERM_IRI, TERM_BNODE, TERM_LITERAL };

struct term {
	enum term_kind kind;
	const char *value; /* an IRI, "_:id", or a literal's text */
	const char *lang, *datatype;
	const json_t *native; /* JSON-LD: a number or boolean as written */
};

struct triple {
	size_t s, o;      /* node indexes; o only when o.kind is a node */
	const char *p;    /* an IRI, or with word a name used as it stands */
	int word;
	/* a relation: its object a node, its predicate no rdf:type (known
	 * once, as the triple is added) */
	int relation;
	struct term obj;
	const char *label; /* the relation's own label (SPARQL's ?pLabel) */
	const char *graph; /* the named graph it is stated in, or NULL */
	sg_loc loc, o_loc;
};

/* A JSON-LD term definition; a prefix of Turtle's is one too. */
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

/* The triples of one document, before they become the graph. */
struct rdf {
	struct reader *rd;
	struct triple *t;
	size_t n, alloc;
	struct node {
		const char *id;
		sg_loc loc;
		uint32_t entity; /* its entity in the graph, SG_NONE till made */
	} *nodes;
	size_t nnodes, anodes;
	sg_map ids; /* node id (interned) -> index */
	size_t last; /* the node found last */
	/* the document's own @context or prefixes, for short forms */
	const struct context *shorts;
	struct context *contexts;
	const char *graph; /* the named graph of the triples read now */
	/* each predicate's type and attribute, made once (words) */
	struct pred {
		const char *iri, *type, *json; /* json NULL: type is iri */
	} *preds;
	size_t npreds, apreds;
	sg_map pred_ids; /* iri -> index */
	const char *predicate_key; /* the graph's word "predicate" */
	int remote_noted;
	sg_buf scratch, attrs;
};

static inline int rd_rdf_is_node(const struct term *t)
{
	return t->kind != TERM_LITERAL;
}

/* s interned in the graph; NULL (with the error) when out of memory. */
const char *rd_rdf_intern(struct rdf *x, const char *s);
/* The index of node id, added where it is new; -1 when out of memory. */
int64_t rd_rdf_node(struct rdf *x, const char *id, sg_loc loc);
/* Adds the triple s p o, written at loc (o at o_loc), in x->graph. With
 * word, p is a name that stands as it is, not an IRI. */
int rd_rdf_triple(struct rdf *x, const char *s, const char *p, int word,
		  const struct term *o, sg_loc loc, sg_loc o_loc);
/* Whether s is one of list[0..n). */
int rd_rdf_in(const char *s, const char *const *list, size_t n);
/* Adds definition d to c. */
int rd_rdf_def(struct rdf *x, struct context *c, const struct def *d);
/* Makes the graph of the triples read. */
int rd_rdf_emit(struct rdf *x);
void rd_rdf_release(struct rdf *x);

#endif
