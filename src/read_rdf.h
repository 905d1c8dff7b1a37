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

/* What iri is called where no prefix shortens it (as a SPARQL answer's
 * are): past its last '#', else '/', else ':'. */
const char *rd_rdf_local_name(const char *iri);

enum term_kind { TERM_IRI, TERM_BNODE, TERM_LITERAL };

struct term {
	enum term_kind kind;
	const char *value; /* an IRI, "_:id", or a literal's text */
	const char *lang, *datatype;
	const json_t *native; /* JSON-LD: a number or boolean as written */
};

/* A triple that is no relation (a literal, an rdf:type). */
struct triple {
	size_t s;         /* its node's index */
	const char *p;    /* an IRI, or with word a name used as it stands */
	int word;
	struct term obj;
	sg_loc loc;
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

/* A relation's predicate that is a word, not an IRI (see struct rdf). */
#define RDF_WORD (SG_NONE - 1)

/* One document's RDF on its way into the graph: its nodes (each made an
 * entity when first met), its relations (added as they are read) and its
 * other triples, which wait for the document's end to fill in their
 * subjects' entities. */
struct rdf {
	struct reader *rd;
	struct triple *t;
	size_t n, alloc;
	struct node {
		const char *id;
		sg_loc loc;
		uint32_t entity; /* its entity in the graph */
	} *nodes;
	size_t nnodes, anodes;
	/* the nodes by id: open addressing, a slot a cache line holding the
	 * id's first bytes, so that finding a node (twice a relation, at
	 * random among a hundred thousand) waits on memory once, where a
	 * map's slot, its key and the node were three waits */
	struct node_slot {
		const char *id; /* the node's; NULL: empty */
		uint32_t hash, node, entity, len;
		char head[40];  /* id's first bytes */
	} *slots_by_id;
	size_t nslots_by_id;
	const struct node_slot *last_slot; /* the node found last's, or NULL */
	/* the document's own @context or prefixes, for short forms */
	const struct context *shorts;
	struct context *contexts;
	const char *graph; /* the named graph of the triples read now */
	/* each predicate's type and attribute, made once (words) */
	struct pred {
		const char *iri, *type, *json; /* json NULL: type is iri */
		/* "predicate" and json, the attribute its relations
		 * share (the graph's) */
		const char **kv;
	} *preds;
	size_t npreds, apreds;
	sg_map pred_ids; /* iri -> index */
	/* the relations of the document, as added to the graph (from its
	 * relation first on, one after the other): each one's predicate (in
	 * preds; RDF_WORD: a word, its type; SG_NONE: none), found again by
	 * what makes it the same as another (ends, predicate or word, label)
	 * through slots by hash (said: 1 + its index among them; 0: empty).
	 * A triple stated again is found with a look at one relation, and
	 * one new with none. */
	size_t first;
	uint32_t *pred;
	size_t nsaid, asaid;
	struct said_slot {
		uint32_t said, hash;
	} *slots;
	size_t nslots;
	/* the statements of relations in a named graph, in the order
	 * stated: which relation (in the graph), which graph */
	struct stated {
		size_t relation;
		const char *graph;
	} *stated;
	size_t nstated, astated;
	const char *label; /* the label of the relation read now (SPARQL's
			      ?pLabel), or NULL */
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
/* Begins bringing into the cache what finding node id will read, for a
 * reader that knows its next node a while before it adds it; id's hash,
 * for rd_rdf_stage. */
uint32_t rd_rdf_prefetch(const struct rdf *x, const char *id);
/* Makes room for as many triples as a document will have at most, where
 * its reader can tell cheaply: the arrays that grow a relation (or another
 * triple) at a time are then made whole at once (see sg_grow). -1 when out
 * of memory. */
int rd_rdf_expect(struct rdf *x, size_t triples);
/* Adds the triple s p o, written at loc (o at o_loc), in x->graph (and,
 * a relation, with x->label): a relation goes into the graph at once; any
 * other waits for its subject's entity. With word, p is a name that stands
 * as it is, not an IRI. */
int rd_rdf_triple(struct rdf *x, const char *s, const char *p, int word,
		  const struct term *o, sg_loc loc, sg_loc o_loc);
/* rd_rdf_triple in two steps, for a reader that knows the next triple
 * before it takes one in: rd_rdf_stage finds the nodes (making those that
 * are new), given their hashes (rd_rdf_prefetch's; o_hash only where o is
 * a node), and begins fetching what rd_rdf_take, given the same p, word,
 * o and loc, will look at to add the triple. Triples are staged and taken
 * in the order read; x->graph is the taken one's, x->label the same at
 * both steps. */
struct staged {
	struct node s, o; /* its subject and, a relation, its object */
	size_t si;        /* s's index */
	int relation;
	uint32_t pred, hash; /* a relation's predicate and said hash */
};
int rd_rdf_stage(struct rdf *x, const char *s, uint32_t s_hash,
		 const char *p, int word, const struct term *o,
		 uint32_t o_hash, sg_loc loc, sg_loc o_loc, struct staged *st);
int rd_rdf_take(struct rdf *x, const char *p, int word, const struct term *o,
		sg_loc loc, const struct staged *st);
/* Whether s is one of list[0..n). */
int rd_rdf_in(const char *s, const char *const *list, size_t n);
/* Adds definition d to c. */
int rd_rdf_def(struct rdf *x, struct context *c, const struct def *d);
/* Completes the graph of the triples read. */
int rd_rdf_emit(struct rdf *x);
void rd_rdf_release(struct rdf *x);

#endif
