/*
 * GraphML and GEXF: graphs in XML, read through expat while the text
 * streams past it, element by element, into the calls the JSON readers
 * make. A node's or an edge's data becomes a JSON object, so that names,
 * types and attributes are told apart as in every other format
 * (read_elements.c). Whatever is not read is counted by name and told in
 * a warning at the end, where it first stood.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistd.h>

#include <expat.h>

#include "read.h"

/* What expat puts between a name's namespace, local part and prefix. */
#define NS_SEP '\1'
/* How much text expat is given at once. */
#define CHUNK 65536

enum dialect { GRAPHML, GEXF };

/* What the text of a value is: GraphML's attr.type, GEXF's type. */
enum vtype { V_STRING, V_BOOLEAN, V_INTEGER, V_REAL };

/* What a key's values belong to: GraphML's for, GEXF's class. */
enum scope { S_NODE, S_EDGE, S_GRAPH, S_ALL, S_OTHER };

/* What a yEd key's data holds (its yfiles.type): labels among drawing,
 * or drawing alone. */
enum yfiles { Y_NONE, Y_LABELS, Y_DRAWING };

/* Where a name is from: the format's own, yEd's, GEXF's viz (drawing),
 * or elsewhere. */
enum vocabulary { V_OWN, V_YED, V_VIZ, V_OTHER };

/* An element's name as expat gives it ("URI\1local\1prefix"), taken
 * apart once: the handlers ask it what it is many times over. */
struct xname {
	const char *full;
	const char *local;
	size_t n; /* the local part's length */
	enum vocabulary v;
};

/* A declared key (GraphML's <key>, GEXF's <attribute>). */
struct key {
	const char *name;
	enum vtype type;
	enum scope scope;
	enum yfiles yfiles;
	json_t *dflt; /* its default, or NULL */
	struct pos dflt_at;
};

/* What an open element is to the reader. */
enum what {
	W_SKIP,       /* not read, with all inside it */
	W_TOP,        /* <graphml>, <gexf> */
	W_KEY,        /* GraphML's <key>, GEXF's <attribute> */
	W_DEFAULT,    /* a key's <default> */
	W_ATTRIBUTES, /* GEXF's <attributes> */
	W_META,       /* GEXF's <meta> */
	W_GRAPH,
	W_LIST,       /* GEXF's <nodes>, <edges> */
	W_NODE,
	W_EDGE,
	W_DATA,       /* GraphML's <data> */
	W_ATTVALUES,  /* GEXF's */
	W_PARENTS,    /* GEXF's */
	W_YED,        /* yEd's elements around its labels */
	W_LABEL,      /* yEd's label: the node's name, the edge's label */
	W_TEXT,       /* the graph's title or description */
	W_EMPTY,      /* read from its attributes: nothing inside it is */
};

struct frame {
	enum what what;
	struct pos at;    /* where it begins */
	int undirected, mutual; /* W_GRAPH: its edges' default */
	int parent;       /* a parent was pushed for the nodes inside */
	size_t key;       /* W_DATA, W_DEFAULT: the key */
	enum scope scope; /* W_DATA: of what */
	const char *text; /* W_TEXT: "title" or "description" */
};

/* A node or an edge being read: its data comes in its own elements. */
struct item {
	enum scope scope; /* S_NODE, S_EDGE; S_OTHER: none open */
	sg_buf id, from, to, label, kind;
	int has_label, has_kind;
	json_t *data;
	struct pos *at; /* where each member of data stands */
	size_t nat, aat;
	struct pos loc;
	int undirected, mutual;
	const char *pid; /* GEXF's pid */
};

/* Names not read, counted. */
struct unread {
	const char *what; /* "element 'x'", "attribute 'y' of <z>" */
	size_t count;
	struct pos at;
	int drawing; /* a drawing hint: told together */
};

struct xml {
	struct reader *rd;
	enum dialect dialect;
	XML_Parser parser;
	const char *ns; /* the root's namespace */
	size_t nslen;
	int failed;     /* the reading must stop */
	struct frame *frames;
	size_t nframes, aframes;
	struct key *keys;
	size_t nkeys, akeys;
	/* id -> key: GEXF's ids are per class (node, edge, the rest), all
	 * of GraphML's in the last */
	sg_map key_ids[S_GRAPH + 1];
	size_t *defaults; /* the keys with a default */
	size_t ndefaults, adefaults;
	const char **parents; /* the nodes around the one read */
	size_t nparents, aparents;
	struct item item;
	struct pos at;  /* where the element being opened begins */
	sg_buf text, scratch;
	struct unread *unread;
	size_t nunread, aunread;
	sg_map unread_ids;
};

/* ---- names and places ---- */

static struct pos here(struct xml *x)
{
	return (struct pos){ (int)XML_GetCurrentLineNumber(x->parser),
			     (int)XML_GetCurrentColumnNumber(x->parser) + 1 };
}

/* The local part of a name expat gives ("URI\1local\1prefix"). */
static const char *local(const char *name, size_t *len)
{
	const char *p = strchr(name, NS_SEP);
	const char *l = p ? p + 1 : name;
	const char *e = strchr(l, NS_SEP);

	*len = e ? (size_t)(e - l) : strlen(l);
	return l;
}

static int is(const struct xname *name, const char *want)
{
	return name->n == strlen(want) && !memcmp(name->local, want, name->n);
}

/* The name as written: prefix:local. */
static int add_name(sg_buf *b, const char *name)
{
	size_t n;
	const char *l = local(name, &n);
	const char *prefix = l + n;

	if (*prefix == NS_SEP &&
	    (sg_buf_adds(b, prefix + 1) || sg_buf_adds(b, ":")))
		return -1;
	return sg_buf_add(b, l, n);
}

/* The namespace of name (NULL: none), its length in *len. */
static const char *ns_of(const char *name, size_t *len)
{
	const char *p = strchr(name, NS_SEP);

	*len = p ? (size_t)(p - name) : 0;
	return p ? name : NULL;
}

static enum vocabulary vocabulary(struct xml *x, const char *name)
{
	static const char yed[] = "http://www.yworks.com/";
	size_t n;
	const char *ns = ns_of(name, &n);

	if (!ns || (x->ns && x->nslen == n && !memcmp(ns, x->ns, n)))
		return V_OWN;
	if (n >= sizeof(yed) - 1 && !memcmp(ns, yed, sizeof(yed) - 1))
		return V_YED;
	if (x->dialect == GEXF && n >= 4 && !memcmp(ns + n - 4, "/viz", 4))
		return V_VIZ;
	return V_OTHER;
}

static struct xname name_of(struct xml *x, const char *full)
{
	struct xname name = { .full = full };

	name.local = local(full, &name.n);
	name.v = vocabulary(x, full);
	return name;
}

/* ---- what is not read ---- */

/* Counts what (a text in the scratch buffer) as not read, at at. */
static int count_unread(struct xml *x, struct pos at, int drawing)
{
	const char *what = sg_buf_str(&x->scratch);
	int64_t i = sg_map_get(&x->unread_ids, what);

	if (i >= 0) {
		x->unread[i].count++;
		return 0;
	}
	if (SG_GROW(x->unread, x->nunread + 1, x->aunread) ||
	    !(what = sg_graph_intern(x->rd->g, what)) ||
	    sg_map_add(&x->unread_ids, what, (uint32_t)x->nunread))
		return rd_nomem(x->rd);
	x->unread[x->nunread++] = (struct unread){ what, 1, at, drawing };
	return 0;
}

/* An element not read; a drawing hint is named alone (they are told in a
 * list). */
static int unread_element(struct xml *x, const char *name, int drawing)
{
	sg_buf_reset(&x->scratch);
	if ((!drawing && sg_buf_adds(&x->scratch, "element '")) ||
	    add_name(&x->scratch, name) ||
	    (!drawing && sg_buf_adds(&x->scratch, "'")))
		return rd_nomem(x->rd);
	return count_unread(x, x->at, drawing);
}

static int unread_attribute(struct xml *x, const char *attr,
			    const char *element)
{
	sg_buf_reset(&x->scratch);
	if (sg_buf_adds(&x->scratch, "attribute '") ||
	    add_name(&x->scratch, attr) ||
	    sg_buf_adds(&x->scratch, "' of <") ||
	    add_name(&x->scratch, element) || sg_buf_adds(&x->scratch, ">"))
		return rd_nomem(x->rd);
	return count_unread(x, x->at, 0);
}

/* Counts the attributes of element not among known; namespace
 * declarations and the XML Schema's hints are markup, not data. */
static int check_attributes(struct xml *x, const struct xname *element,
			    const char **atts, const char *const *known)
{
	static const char xsi[] = "http://www.w3.org/2001/XMLSchema-instance";

	for (size_t i = 0; atts[i]; i += 2) {
		size_t k = 0;

		while (known[k] && strcmp(known[k], atts[i]))
			k++;
		if (!known[k] && strncmp(atts[i], xsi, sizeof(xsi) - 1) &&
		    unread_attribute(x, atts[i], element->full))
			return -1;
	}
	return 0;
}

/* Tells what was not read: one warning a name, where it first stood; the
 * drawing hints are noted, for read.c to name in one. */
static int tell_unread(struct xml *x)
{
	int r = 0;

	for (size_t i = 0; i < x->nunread && !r; i++) {
		const struct unread *u = &x->unread[i];

		r = u->drawing ?
			    rd_hint_at(x->rd, u->what, u->count,
				       rd_at(x->rd, u->at)) :
		    sg_graph_warn(x->rd->g, SG_WUNREAD, rd_at(x->rd, u->at),
				  u->count > 1 ?
					  "%s (%zu of them, the first here) "
					  "was not read" :
					  "%s was not read",
				  u->what, u->count) ?
			    rd_nomem(x->rd) :
			    0;
	}
	return r;
}

/* ---- keys and values ---- */

static enum vtype vtype_named(const char *t)
{
	static const struct {
		const char *name;
		enum vtype type;
	} types[] = {
		{ "boolean", V_BOOLEAN }, { "int", V_INTEGER },
		{ "long", V_INTEGER },    { "integer", V_INTEGER },
		{ "short", V_INTEGER },   { "byte", V_INTEGER },
		{ "float", V_REAL },      { "double", V_REAL },
	};

	for (size_t i = 0; t && i < SG_ARRAY_SIZE(types); i++)
		if (!strcmp(t, types[i].name))
			return types[i].type;
	return V_STRING;
}

static const char *attr(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (!strcmp(atts[i], name))
			return atts[i + 1];
	return NULL;
}

/* The map of the keys of scope. */
static sg_map *key_ids(struct xml *x, enum scope scope)
{
	return &x->key_ids[x->dialect == GEXF && scope < S_GRAPH ? scope :
								   S_GRAPH];
}

static int64_t find_key(struct xml *x, enum scope scope, const char *id)
{
	return sg_map_get(key_ids(x, scope), id);
}

/* The text s as a value of type t: NULL with the error when it is not one
 * (no key named: a GEXF weight). */
static json_t *value(struct xml *x, enum vtype t, const char *s,
		     const char *key, struct pos at)
{
	static const char *const kinds[] = { "text", "a boolean",
					     "an integer", "a number" };
	size_t n = strlen(s);
	json_t *v = NULL;
	char *end;

	/* (numbers and booleans are XML Schema's: space around is no part) */
	while (t != V_STRING && n && strchr(" \t\r\n", *s)) {
		s++;
		n--;
	}
	while (t != V_STRING && n && strchr(" \t\r\n", s[n - 1]))
		n--;
	/* (a number is read from a copy ending where the value does) */
	sg_buf_reset(&x->scratch);
	if (t != V_STRING && sg_buf_add(&x->scratch, s, n))
		goto nomem;
	s = t != V_STRING ? sg_buf_str(&x->scratch) : s;
	errno = 0;
	switch (t) {
	case V_STRING:
		/* (expat hands over UTF-8 that it has checked) */
		v = json_stringn_nocheck(s, n);
		break;
	case V_BOOLEAN:
		/* (networkx writes Python's True and False) */
		if (!strcasecmp(s, "true") || !strcmp(s, "1"))
			v = json_true();
		else if (!strcasecmp(s, "false") || !strcmp(s, "0"))
			v = json_false();
		else
			goto bad;
		break;
	case V_INTEGER: {
		long long i = n ? strtoll(s, &end, 10) : 0;

		if (!n || *end || errno)
			goto bad;
		v = json_integer(i);
		break;
	}
	case V_REAL: {
		double d = n ? strtod(s, &end) : 0;

		if (!n || *end)
			goto bad;
		/* JSON has no NaN or infinity: they stay text */
		v = isfinite(d) ? json_real(d) : json_stringn_nocheck(s, n);
		break;
	}
	}
	if (v)
		return v;
nomem:
	rd_nomem(x->rd);
	return NULL;
bad:
	if (key)
		rd_fail_at(x->rd, SG_ESHAPE, at,
			   "'%s' is not %s, as key '%s' declares", s, kinds[t],
			   key);
	else
		rd_fail_at(x->rd, SG_ESHAPE, at, "'%s' is not %s", s,
			   kinds[t]);
	return NULL;
}

/* ---- the node or edge at hand ---- */

/* (the data's object is kept, emptied, for the next: an object made and
 * freed for each cost more than the rest of its reading) */
static void item_clear(struct item *it)
{
	if (json_object_size(it->data))
		json_object_clear(it->data);
	it->nat = 0;
	it->scope = S_OTHER;
	it->has_label = it->has_kind = it->mutual = 0;
	it->pid = NULL;
	sg_buf_reset(&it->id);
	sg_buf_reset(&it->from);
	sg_buf_reset(&it->to);
	sg_buf_reset(&it->label);
	sg_buf_reset(&it->kind);
}

static void item_release(struct item *it)
{
	item_clear(it);
	json_decref(it->data);
	free(it->at);
	sg_buf_release(&it->id);
	sg_buf_release(&it->from);
	sg_buf_release(&it->to);
	sg_buf_release(&it->label);
	sg_buf_release(&it->kind);
}

/* Adds v (taken) as the item's member name, standing at at; a name given
 * twice (GEXF's values over time) gathers its values in a list. */
static int item_set(struct xml *x, const char *name, json_t *v,
		    struct pos at)
{
	struct item *it = &x->item;
	json_t *old;

	if (!v)
		return -1;
	/* (names are expat's UTF-8, or the keys' names made of it; an item's
	 * first has no other to meet) */
	old = json_object_size(it->data) ? json_object_get(it->data, name) :
					   NULL;
	if (old && !json_is_array(old)) {
		json_t *list = json_pack("[O]", old);

		if (!list ||
		    json_object_set_new_nocheck(it->data, name, list)) {
			json_decref(v);
			return rd_nomem(x->rd);
		}
		old = list;
	}
	if (old)
		return json_array_append_new(old, v) ? rd_nomem(x->rd) : 0;
	if (SG_GROW(it->at, it->nat + 1, it->aat) ||
	    json_object_set_new_nocheck(it->data, name, v))
		return rd_nomem(x->rd);
	it->at[it->nat++] = at;
	return 0;
}

static int buf_set(sg_buf *b, const char *s)
{
	sg_buf_reset(b);
	return s ? sg_buf_adds(b, s) : 0;
}

/* Opens a node or an edge. */
static int item_open(struct xml *x, enum scope scope, const char **atts)
{
	struct item *it = &x->item;

	item_clear(it);
	it->scope = scope;
	it->loc = x->at;
	it->undirected = x->frames[x->nframes - 2].undirected;
	it->mutual = x->frames[x->nframes - 2].mutual;
	return buf_set(&it->id, attr(atts, "id")) ||
			       buf_set(&it->from, attr(atts, "source")) ||
			       buf_set(&it->to, attr(atts, "target")) ?
		       rd_nomem(x->rd) :
		       0;
}

/* Adds the defaults of the keys the item's data lacks. */
static int item_defaults(struct xml *x)
{
	for (size_t i = 0; i < x->ndefaults; i++) {
		const struct key *k = &x->keys[x->defaults[i]];

		if ((k->scope != x->item.scope && k->scope != S_ALL) ||
		    json_object_get(x->item.data, k->name))
			continue;
		json_incref(k->dflt);
		if (item_set(x, k->name, k->dflt, k->dflt_at))
			return -1;
	}
	return 0;
}

static const char *str_or_null(const sg_buf *b)
{
	return b->len ? sg_buf_str(b) : NULL;
}

static int add_node(struct xml *x, struct fields *f, sg_loc loc)
{
	struct item *it = &x->item;
	struct reader *rd = x->rd;
	const char *up = x->nparents ? x->parents[x->nparents - 1] : NULL;

	rd->parent = it->pid ? it->pid : up;
	return rd_add_node(rd, sg_buf_str(&it->id), str_or_null(&it->label),
			   f, loc);
}

static int add_edge(struct xml *x, struct fields *f, sg_loc loc)
{
	struct item *it = &x->item;
	sg_relation rel = { 0 };
	int r;

	rel.id = str_or_null(&it->id);
	rel.from_ref = sg_buf_str(&it->from);
	rel.to_ref = sg_buf_str(&it->to);
	rel.undirected = it->undirected;
	rel.loc = loc;
	rel.label = str_or_null(&it->label);
	rel.type = str_or_null(&it->kind);
	if (!it->mutual)
		return rd_add_relation(x->rd, f, &rel, NULL);
	/* GEXF's mutual edge goes both ways: two relations, as networkx
	 * reads it */
	r = rd_add_relation(x->rd, f, &rel, NULL);
	rel = (sg_relation){ .id = str_or_null(&it->id),
			     .from_ref = sg_buf_str(&it->to),
			     .to_ref = sg_buf_str(&it->from),
			     .loc = loc,
			     .label = str_or_null(&it->label),
			     .type = str_or_null(&it->kind) };
	f->nused = 0;
	return r || rd_add_relation(x->rd, f, &rel, NULL);
}

/* Adds the node or edge at hand to the graph; a bad one is noted. */
static int item_close(struct xml *x)
{
	struct item *it = &x->item;
	struct reader *rd = x->rd;
	sg_loc loc = rd_at(x->rd, it->loc);
	struct fields f = { .o = 0 };
	int r;

	if (it->scope != S_NODE && it->scope != S_EDGE)
		return 0;
	if (it->scope == S_NODE && !it->id.len)
		r = sg_fail(rd->err, SG_EMISSING, loc.file, loc.line,
			    loc.column, "node has no 'id'");
	else if (it->scope == S_EDGE && (!it->from.len || !it->to.len))
		r = sg_fail(rd->err, SG_EMISSING, loc.file, loc.line,
			    loc.column, "edge has no '%s'",
			    it->from.len ? "target" : "source");
	else if (item_defaults(x))
		r = -1;
	else {
		rd_forget(rd);
		f.o = it->data;
		r = rd_place_members(rd, it->data, it->nat ? it->at : &it->loc,
				     it->nat) ||
		    (it->scope == S_NODE ? add_node(x, &f, loc) :
					   add_edge(x, &f, loc));
	}
	item_clear(it);
	return rd_element(rd, r);
}

/* ---- the elements ---- */

static int push(struct xml *x, enum what what)
{
	struct frame *up;

	if (SG_GROW(x->frames, x->nframes + 1, x->aframes))
		return rd_nomem(x->rd);
	up = x->nframes ? &x->frames[x->nframes - 1] : NULL;
	x->frames[x->nframes++] = (struct frame){
		.what = what, .at = x->at,
		.undirected = up ? up->undirected : 0,
		.mutual = up ? up->mutual : 0,
	};
	return 0;
}

static struct frame *top(struct xml *x)
{
	return &x->frames[x->nframes - 1];
}

/* An element whose text is read: w, a key's default (of the key open
 * around it) or the graph's title or description (what). */
static int open_text(struct xml *x, enum what w, const char *what)
{
	sg_buf_reset(&x->text);
	if (push(x, w))
		return -1;
	if (w == W_DEFAULT)
		top(x)->key = x->frames[x->nframes - 2].key;
	top(x)->text = what;
	return 0;
}

/* An element not read: skipped with all inside it, and counted. */
static int skip(struct xml *x, const struct xname *name, int drawing)
{
	return unread_element(x, name->full, drawing) || push(x, W_SKIP);
}

/* The node at hand holds nodes (a nested graph, GEXF's nested nodes): it
 * is added first, and stands around them. */
static int nest(struct xml *x)
{
	const char *id;

	if (x->item.scope != S_NODE)
		return 0;
	id = x->item.id.len ? sg_graph_intern(x->rd->g,
					       sg_buf_str(&x->item.id)) :
			      NULL;
	if (x->item.id.len && !id)
		return rd_nomem(x->rd);
	if (item_close(x))
		return -1;
	if (!id)
		return 0;
	if (SG_GROW(x->parents, x->nparents + 1, x->aparents))
		return rd_nomem(x->rd);
	x->parents[x->nparents++] = id;
	top(x)->parent = 1;
	return 0;
}

/* Reads s, a default direction (GraphML's edgedefault, GEXF's
 * defaultedgetype) or an edge's own (GraphML's directed, GEXF's type). */
static int direction(struct xml *x, const char *s, int *undirected,
		     int *mutual)
{
	if (!s)
		return 0;
	*undirected = *mutual = 0;
	if (!strcmp(s, "undirected") || !strcmp(s, "false"))
		*undirected = 1;
	else if (x->dialect == GEXF && !strcmp(s, "mutual"))
		*mutual = 1;
	else if (strcmp(s, "directed") && strcmp(s, "true"))
		return rd_element(x->rd, rd_fail_at(x->rd, SG_ESHAPE, x->at,
						    "unknown direction '%s'",
						    s));
	return 0;
}

/* GraphML's <key> and GEXF's <attribute>: in scope. */
static int key_start(struct xml *x, enum scope scope, const char **atts)
{
	const char *id = attr(atts, "id");
	const char *yf = attr(atts, "yfiles.type");
	const char *name = attr(atts, x->dialect == GEXF ? "title" :
							   "attr.name");
	struct key k = { 0 };
	const char *kid;

	if (push(x, W_KEY))
		return -1;
	if (!id) {
		top(x)->what = W_SKIP;
		return rd_element(x->rd, rd_fail_at(x->rd, SG_EMISSING, x->at,
						    "%s has no 'id'",
						    x->dialect == GEXF ?
							    "attribute" :
							    "key"));
	}
	k.name = sg_graph_intern(x->rd->g, name ? name : yf ? yf : id);
	k.type = vtype_named(attr(atts, x->dialect == GEXF ? "type" :
							    "attr.type"));
	k.scope = scope;
	k.yfiles = !yf ? Y_NONE :
		   !strcmp(yf, "nodegraphics") || !strcmp(yf, "edgegraphics") ?
			 Y_LABELS :
			 Y_DRAWING;
	if (!k.name || !(kid = sg_graph_intern(x->rd->g, id)) ||
	    SG_GROW(x->keys, x->nkeys + 1, x->akeys) ||
	    sg_map_add(key_ids(x, scope), kid, (uint32_t)x->nkeys))
		return rd_nomem(x->rd);
	top(x)->key = x->nkeys;
	x->keys[x->nkeys++] = k;
	return 0;
}

static enum scope scope_named(const char *s)
{
	static const char *const names[] = { "node", "edge", "graph", "all" };

	for (size_t i = 0; s && i < SG_ARRAY_SIZE(names); i++)
		if (!strcmp(s, names[i]))
			return (enum scope)i;
	return s ? S_OTHER : S_ALL;
}

/* GraphML's <data>: of the item at hand, or of the graph. */
static int data_start(struct xml *x, const char **atts, enum scope scope)
{
	const char *key = attr(atts, "key");
	int64_t k = key ? find_key(x, S_ALL, key) : -1;
	struct frame *f;

	if (push(x, W_DATA))
		return -1;
	f = top(x);
	f->scope = scope;
	if (k < 0) {
		f->what = W_SKIP;
		return rd_element(x->rd, key ?
			rd_fail_at(x->rd, SG_EUNKNOWN, x->at, "data of key "
				   "'%s', which no <key> declares", key) :
			rd_fail_at(x->rd, SG_EMISSING, x->at,
				   "data has no 'key'"));
	}
	f->key = (size_t)k;
	if (x->keys[k].yfiles != Y_NONE)
		f->what = W_YED;
	sg_buf_reset(&x->text);
	return 0;
}

/* The end of a graph's own data: its title or description, or unread. */
static int graph_data(struct xml *x, const struct key *k, struct pos at)
{
	static const char *const title[] = { "name", "title", "label" };
	const char *text = sg_buf_str(&x->text);
	sg_loc loc = rd_at(x->rd, at);

	/* (yEd's key is "Description", and empty where none was given) */
	if (!x->text.len)
		return 0;
	for (size_t i = 0; x->nparents == 0 && i < SG_ARRAY_SIZE(title); i++)
		if (!strcasecmp(k->name, title[i]))
			return sg_graph_set_title(x->rd->g, text, NULL, loc,
						  x->rd->err);
	if (x->nparents == 0 && !strcasecmp(k->name, "description"))
		return sg_graph_set_title(x->rd->g, NULL, text, loc,
					  x->rd->err);
	sg_buf_reset(&x->scratch);
	if (sg_buf_addf(&x->scratch, "data '%s' of a graph", k->name))
		return rd_nomem(x->rd);
	return count_unread(x, at, 0);
}

/* yEd's arrows: an edge drawn without a head at either end is one the
 * user made undirected (the GraphML around it is always directed); one
 * headed at its source alone points there. An edge headed at both ends
 * stays one relation, from source to target, as GraphML says. */
static int yed_arrows(struct xml *x, const struct xname *name,
		      const char **atts)
{
	static const char *const known[] = { "source", "target", NULL };
	const char *s = attr(atts, "source"), *t = attr(atts, "target");
	int from_head = s && strcmp(s, "none"), to_head = t && strcmp(t, "none");
	struct item *it = &x->item;

	if (check_attributes(x, name, atts, known) || push(x, W_EMPTY))
		return -1;
	if (!from_head && !to_head)
		it->undirected = 1;
	else if (from_head && !to_head) {
		sg_buf swap = it->from;

		it->from = it->to;
		it->to = swap;
	}
	return 0;
}

/* Where a yEd element inside a node's or edge's graphics stands: around
 * the labels (a ShapeNode, a PolyLineEdge, a group's Realizers), a label,
 * or drawing alone (its geometry, fill, arrows). A UML class's members or
 * a table's rows are no drawing: they are told apart. */
static int yed_start(struct xml *x, const struct xname *name,
		     const char **atts)
{
	const char *l = name->local;
	size_t n = name->n;

	if (is(name, "NodeLabel") || is(name, "EdgeLabel")) {
		sg_buf_reset(&x->text);
		return push(x, W_LABEL);
	}
	if (is(name, "Arrows") && x->item.scope == S_EDGE)
		return yed_arrows(x, name, atts);
	if (is(name, "Realizers") || (n > 4 && !memcmp(l + n - 4, "Node", 4)) ||
	    (n > 4 && !memcmp(l + n - 4, "Edge", 4)))
		return push(x, W_YED);
	return skip(x, name, !is(name, "UML") && !is(name, "Table"));
}

/* A label's text, trimmed, read: the first becomes the name (label); a
 * second, other one is counted as unread. */
static int yed_label(struct xml *x, const char *name, struct pos at)
{
	struct item *it = &x->item;
	const char *s = sg_buf_str(&x->text), *e = s + x->text.len;

	while (s < e && strchr(" \t\r\n", *s))
		s++;
	while (e > s && strchr(" \t\r\n", e[-1]))
		e--;
	if (s == e || (it->has_label && it->label.len == (size_t)(e - s) &&
		       !memcmp(it->label.buf, s, (size_t)(e - s))))
		return 0;
	if (it->has_label || (it->scope != S_NODE && it->scope != S_EDGE)) {
		sg_buf_reset(&x->scratch);
		return sg_buf_adds(&x->scratch, "element '") ||
				       add_name(&x->scratch, name) ||
				       sg_buf_adds(&x->scratch,
						   "' beside the first label") ?
			       rd_nomem(x->rd) :
			       count_unread(x, at, 0);
	}
	it->has_label = 1;
	sg_buf_reset(&it->label);
	return sg_buf_add(&it->label, s, (size_t)(e - s)) ? rd_nomem(x->rd) :
							    0;
}

static int graphml_start(struct xml *x, const struct xname *name,
			 const char **atts)
{
	static const char *const graph_attrs[] = { "id", "edgedefault", NULL };
	/* (yEd marks a group, which its nested graph makes a parent) */
	static const char *const node_attrs[] = { "id", "yfiles.foldertype",
						  NULL };
	static const char *const edge_attrs[] = { "id", "source", "target",
						  "directed", NULL };
	static const char *const key_attrs[] = { "id", "for", "attr.name",
						 "attr.type", "yfiles.type",
						 NULL };
	static const char *const data_attrs[] = { "key", NULL };
	static const char *const none[] = { NULL };
	enum what in = top(x)->what;
	enum vocabulary v = name->v;

	if (in == W_YED || in == W_LABEL)
		return v == V_YED && in == W_YED ? yed_start(x, name, atts) :
						   skip(x, name, v == V_YED);
	if (v != V_OWN)
		return skip(x, name, 0);
	if (in == W_TOP && is(name, "key"))
		return check_attributes(x, name, atts, key_attrs) ||
		       key_start(x, scope_named(attr(atts, "for")), atts);
	if (in == W_KEY && is(name, "default"))
		return check_attributes(x, name, atts, none) ||
		       open_text(x, W_DEFAULT, NULL);
	if ((in == W_TOP && is(name, "graph")) ||
	    (in == W_NODE && is(name, "graph"))) {
		if (check_attributes(x, name, atts, graph_attrs) ||
		    (in == W_NODE && nest(x)) || push(x, W_GRAPH))
			return -1;
		return direction(x, attr(atts, "edgedefault"),
				 &top(x)->undirected, &top(x)->mutual);
	}
	if (in == W_GRAPH && is(name, "node"))
		return check_attributes(x, name, atts, node_attrs) ||
		       push(x, W_NODE) || item_open(x, S_NODE, atts);
	if (in == W_GRAPH && is(name, "edge")) {
		if (check_attributes(x, name, atts, edge_attrs) ||
		    push(x, W_EDGE) || item_open(x, S_EDGE, atts))
			return -1;
		return direction(x, attr(atts, "directed"),
				 &x->item.undirected, &x->item.mutual);
	}
	if (is(name, "data") && (in == W_NODE || in == W_EDGE ||
				 in == W_GRAPH || in == W_TOP))
		return check_attributes(x, name, atts, data_attrs) ||
		       data_start(x, atts, in == W_NODE ? S_NODE :
					   in == W_EDGE ? S_EDGE : S_GRAPH);
	if (is(name, "desc") && in == W_GRAPH && x->nparents == 0)
		return open_text(x, W_TEXT, "description");
	return skip(x, name, 0);
}

/* GEXF's edge type: a direction, or where networkx wrote an edge's
 * "type" into it (its reader drops it), the relation's type. */
static int edge_type(struct xml *x, const char *type)
{
	if (type && strcmp(type, "directed") && strcmp(type, "undirected") &&
	    strcmp(type, "mutual"))
		return x->item.kind.len ? 0 : buf_set(&x->item.kind, type) ?
						     rd_nomem(x->rd) : 0;
	return direction(x, type, &x->item.undirected, &x->item.mutual);
}

/* GEXF's <nodes> or <edges>. */
static int open_list(struct xml *x, enum scope scope)
{
	if (push(x, W_LIST))
		return -1;
	top(x)->scope = scope;
	return 0;
}

static int gexf_start(struct xml *x, const struct xname *name,
		      const char **atts)
{
	static const char *const graph_attrs[] = { "defaultedgetype", "mode",
						   "idtype", "name", NULL };
	static const char *const attributes_attrs[] = { "class", "mode",
							NULL };
	static const char *const attribute_attrs[] = { "id", "title", "type",
						       NULL };
	static const char *const list_attrs[] = { "count", NULL };
	static const char *const node_attrs[] = { "id", "label", "pid", NULL };
	static const char *const edge_attrs[] = { "id", "source", "target",
						  "label", "type", "kind",
						  "weight", NULL };
	static const char *const attvalue_attrs[] = { "for", "id", "value",
						      NULL };
	static const char *const parent_attrs[] = { "for", NULL };
	static const char *const meta_attrs[] = { "lastmodifieddate", NULL };
	static const char *const none[] = { NULL };
	enum what in = top(x)->what;
	enum vocabulary v = name->v;

	if (v != V_OWN)
		return skip(x, name, v == V_VIZ);
	/* (who wrote the file and when say nothing of the graph, and the
	 * model keeps nothing of a file's making: read, and let go, so
	 * that what Gephi and networkx write passes --strict) */
	if (in == W_TOP && is(name, "meta"))
		return check_attributes(x, name, atts, meta_attrs) ||
		       push(x, W_META);
	if (in == W_META && is(name, "creator"))
		return check_attributes(x, name, atts, none) ||
		       push(x, W_SKIP);
	if (in == W_META && (is(name, "description") || is(name, "title")))
		return check_attributes(x, name, atts, none) ||
		       open_text(x, W_TEXT, is(name, "title") ? "title" :
								"description");
	if (in == W_TOP && is(name, "graph")) {
		/* (networkx writes the graph's name) */
		if (check_attributes(x, name, atts, graph_attrs) ||
		    push(x, W_GRAPH) ||
		    (attr(atts, "name") &&
		     sg_graph_set_title(x->rd->g, attr(atts, "name"), NULL,
					rd_at(x->rd, x->at), x->rd->err)))
			return -1;
		return direction(x, attr(atts, "defaultedgetype"),
				 &top(x)->undirected, &top(x)->mutual);
	}
	if (in == W_GRAPH && is(name, "attributes")) {
		const char *class = attr(atts, "class");

		if (check_attributes(x, name, atts, attributes_attrs) ||
		    push(x, W_ATTRIBUTES))
			return -1;
		top(x)->scope = class && !strcmp(class, "edge") ? S_EDGE :
				class && !strcmp(class, "node") ? S_NODE :
								  S_OTHER;
		return 0;
	}
	if (in == W_ATTRIBUTES && is(name, "attribute"))
		return check_attributes(x, name, atts, attribute_attrs) ||
		       key_start(x, top(x)->scope, atts);
	if (in == W_KEY && is(name, "default"))
		return check_attributes(x, name, atts, none) ||
		       open_text(x, W_DEFAULT, NULL);
	if ((in == W_GRAPH || in == W_NODE) &&
	    (is(name, "nodes") || (in == W_GRAPH && is(name, "edges"))))
		return check_attributes(x, name, atts, list_attrs) ||
		       (in == W_NODE && nest(x)) ||
		       open_list(x, is(name, "nodes") ? S_NODE : S_EDGE);
	if (in == W_LIST && top(x)->scope == S_NODE && is(name, "node")) {
		if (check_attributes(x, name, atts, node_attrs) ||
		    push(x, W_NODE) || item_open(x, S_NODE, atts) ||
		    buf_set(&x->item.label, attr(atts, "label")))
			return -1;
		x->item.has_label = 1;
		x->item.pid = attr(atts, "pid") ?
				      sg_graph_intern(x->rd->g,
						      attr(atts, "pid")) :
				      NULL;
		return 0;
	}
	if (in == W_LIST && top(x)->scope == S_EDGE && is(name, "edge")) {
		const char *weight = attr(atts, "weight");

		if (check_attributes(x, name, atts, edge_attrs) ||
		    push(x, W_EDGE) || item_open(x, S_EDGE, atts) ||
		    buf_set(&x->item.label, attr(atts, "label")) ||
		    buf_set(&x->item.kind, attr(atts, "kind")))
			return -1;
		if (weight && item_set(x, "weight",
				       value(x, V_REAL, weight, NULL, x->at),
				       x->at))
			return rd_element(x->rd, -1);
		return edge_type(x, attr(atts, "type"));
	}
	/* (after a node's nested nodes, the node is added: too late) */
	if ((in == W_NODE || in == W_EDGE) && is(name, "attvalues") &&
	    x->item.scope != S_OTHER)
		return check_attributes(x, name, atts, none) ||
		       push(x, W_ATTVALUES);
	if (in == W_ATTVALUES && is(name, "attvalue")) {
		const char *id = attr(atts, "for");
		const char *val = attr(atts, "value");
		int64_t k;

		/* (GEXF 1.1 named the attribute by "id") */
		id = id ? id : attr(atts, "id");
		k = id ? find_key(x, x->item.scope, id) : -1;
		if (check_attributes(x, name, atts, attvalue_attrs) ||
		    push(x, W_EMPTY))
			return -1;
		if (k < 0 || !val)
			return rd_element(x->rd, rd_fail_at(x->rd,
				k < 0 && id ? SG_EUNKNOWN : SG_EMISSING, x->at,
				!id ? "attvalue has no 'for'" :
				k < 0 ? "attvalue for '%s', which no "
					"<attribute> declares" :
				"attvalue has no 'value'", id));
		return rd_element(x->rd, item_set(x, x->keys[k].name,
						  value(x, x->keys[k].type, val,
							x->keys[k].name,
							x->at),
						  x->at));
	}
	if (in == W_NODE && is(name, "parents"))
		return check_attributes(x, name, atts, none) ||
		       push(x, W_PARENTS);
	if (in == W_PARENTS && is(name, "parent") && !x->item.pid &&
	    attr(atts, "for")) {
		x->item.pid = sg_graph_intern(x->rd->g, attr(atts, "for"));
		return check_attributes(x, name, atts, parent_attrs) ||
		       push(x, W_EMPTY) || (!x->item.pid && rd_nomem(x->rd));
	}
	return skip(x, name, 0);
}

static void XMLCALL on_start(void *data, const char *full, const char **atts)
{
	struct xml *x = data;
	struct xname name;
	int r;

	if (x->failed)
		return;
	/* (a skipped element's place is never told) */
	if (x->nframes && top(x)->what == W_SKIP) {
		r = push(x, W_SKIP);
		goto done;
	}
	x->at = here(x);
	name = name_of(x, full);
	if (x->nframes)
		r = x->dialect == GRAPHML ? graphml_start(x, &name, atts) :
					    gexf_start(x, &name, atts);
	else if (!is(&name, x->dialect == GRAPHML ? "graphml" : "gexf"))
		r = rd_fail_at(x->rd, SG_ESHAPE, x->at,
			       "no <%s> at the top: this is no %s document",
			       x->dialect == GRAPHML ? "graphml" : "gexf",
			       x->dialect == GRAPHML ? "GraphML" : "GEXF");
	else {
		static const char *const top_attrs[] = { "version", NULL };
		const char *ns = ns_of(full, &x->nslen);

		x->ns = ns ? sg_arena_strndup(&x->rd->g->arena, ns, x->nslen) :
			     NULL;
		r = (ns && !x->ns) ? rd_nomem(x->rd) :
		    check_attributes(x, &name, atts, top_attrs) ||
			    push(x, W_TOP);
	}
done:
	if (r) {
		x->failed = 1;
		XML_StopParser(x->parser, XML_FALSE);
	}
}

/* The end of a key's <default>. */
static int default_end(struct xml *x, const struct frame *f, struct pos at)
{
	struct key *k = &x->keys[f->key];

	if (k->dflt)
		return 0;
	k->dflt = value(x, k->type, sg_buf_str(&x->text), k->name, at);
	k->dflt_at = at;
	if (!k->dflt)
		return rd_element(x->rd, -1);
	if (SG_GROW(x->defaults, x->ndefaults + 1, x->adefaults))
		return rd_nomem(x->rd);
	x->defaults[x->ndefaults++] = f->key;
	return 0;
}

/* The end of a <data>: the value of the item at hand, or of the graph. */
static int data_end(struct xml *x, const struct frame *f, struct pos at)
{
	const struct key *k = &x->keys[f->key];

	if (f->scope == S_GRAPH)
		return graph_data(x, k, at);
	/* (after a node's nested graph, the node is added: too late) */
	if (x->item.scope != f->scope) {
		sg_buf_reset(&x->scratch);
		return sg_buf_addf(&x->scratch, "data '%s' after a nested "
				   "graph", k->name) ?
			       rd_nomem(x->rd) :
			       count_unread(x, at, 0);
	}
	return rd_element(x->rd, item_set(x, k->name,
					  value(x, k->type,
						sg_buf_str(&x->text), k->name,
						at),
					  at));
}

static void XMLCALL on_end(void *data, const char *name)
{
	struct xml *x = data;
	struct frame f;
	struct pos at;
	int r = 0;

	if (x->failed || !x->nframes)
		return;
	f = x->frames[--x->nframes];
	at = f.at;
	switch (f.what) {
	case W_DEFAULT:
		r = default_end(x, &f, at);
		break;
	case W_DATA:
		r = data_end(x, &f, at);
		break;
	case W_LABEL:
		r = yed_label(x, name, at);
		break;
	case W_NODE:
	case W_EDGE:
		r = item_close(x);
		break;
	case W_TEXT:
		r = sg_graph_set_title(x->rd->g, !strcmp(f.text, "title") ?
				       sg_buf_str(&x->text) : NULL,
				       !strcmp(f.text, "title") ? NULL :
				       sg_buf_str(&x->text), rd_at(x->rd, at),
				       x->rd->err);
		break;
	default:
		break;
	}
	if (f.parent)
		x->nparents--;
	if (r) {
		x->failed = 1;
		XML_StopParser(x->parser, XML_FALSE);
	}
}

/* Whether s[0, n) is all space: what stands between elements. (Not
 * strspn: s ends with no NUL, and the call cost more than the text.) */
static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* Text: a value where one is read; elsewhere, anything but space is
 * counted as unread. */
static void XMLCALL on_text(void *data, const char *s, int len)
{
	struct xml *x = data;
	enum what in;
	int r = 0;

	if (x->failed || !x->nframes)
		return;
	in = top(x)->what;
	if (in == W_DATA || in == W_DEFAULT || in == W_LABEL || in == W_TEXT)
		r = sg_buf_add(&x->text, s, (size_t)len) ? rd_nomem(x->rd) :
							   0;
	else if (in != W_SKIP && !blank(s, (size_t)len)) {
		sg_buf_reset(&x->scratch);
		r = sg_buf_adds(&x->scratch, "text in <") ||
				    sg_buf_adds(&x->scratch,
						in == W_NODE ? "node" :
						in == W_EDGE ? "edge" :
							       "the markup") ||
				    sg_buf_adds(&x->scratch, ">") ?
			    rd_nomem(x->rd) :
			    count_unread(x, here(x), 0);
	}
	if (r) {
		x->failed = 1;
		XML_StopParser(x->parser, XML_FALSE);
	}
}

/* Fails: expat's error, where it stands. */
static int syntax_error(struct xml *x)
{
	struct pos at = here(x);

	return rd_fail_at(x->rd, XML_GetErrorCode(x->parser) ==
					 XML_ERROR_NO_MEMORY ? SG_ENOMEM :
							       SG_ESYNTAX,
			  at, "%s",
			  XML_ErrorString(XML_GetErrorCode(x->parser)));
}

/*
 * About how many nodes and edges ("<node", "<edge") the text holds, data
 * its beginning, for the graph to make room for at once rather than grow
 * and copy on the way: counted in a few windows spread over the text
 * (counting them all took a twentieth of a reading), and made up to the
 * whole. Where the text is read as it comes, the windows past its
 * beginning are read from the file (pread: the reading goes on where it
 * was); one that cannot be is left out, as the reading will tell.
 */
static int about(struct reader *rd, const char *data, size_t len,
		 size_t *nodes, size_t *edges)
{
	enum { WINDOWS = 16, WINDOW = 32768 };
	size_t size = rd->rest && rd->rest->size > len ? rd->rest->size : len;
	size_t n[2] = { 0, 0 }, seen = 0;
	char *buf = size > len ? malloc(WINDOW) : NULL;

	if (size > len && !buf)
		return rd_nomem(rd);
	for (size_t w = 0; w < WINDOWS; w++) {
		size_t from = size > WINDOW ? (size - WINDOW) / (WINDOWS - 1) * w :
					      0;
		size_t want = size - from < WINDOW ? size - from : WINDOW;
		const char *p = data + from, *end;

		if (from + want > len) {
			ssize_t got = pread(rd->rest->fd, buf, want,
					    (off_t)from);

			p = buf;
			want = got > 0 ? (size_t)got : 0;
		}
		end = p + want;
		while ((p = memchr(p, '<', (size_t)(end - p)))) {
			for (int k = 0; k < 2; k++)
				n[k] += end - p >= 5 &&
					!memcmp(p, k ? "<edge" : "<node", 5);
			p++;
		}
		seen += want;
		if (size <= WINDOW)
			break;
	}
	free(buf);
	*nodes = seen ? (size_t)((double)n[0] * (double)size / (double)seen) :
			0;
	*edges = seen ? (size_t)((double)n[1] * (double)size / (double)seen) :
			0;
	return 0;
}

/* Fails: the file could not be read on. */
static int unreadable(struct xml *x)
{
	return sg_fail(x->rd->err, SG_EIO, x->rd->file, 0, 0,
		       "cannot read file: %s", strerror(errno));
}

/* Gives expat the text: data, and where the text is read as it comes
 * (rd->rest), the rest of the file, read into expat's own buffer (no copy
 * of the whole text is made, nor of each piece). */
static int parse(struct xml *x, const char *data, size_t len)
{
	struct rd_rest *rest = x->rd->rest;
	size_t done = 0;
	ssize_t n = 0;

	do {
		size_t piece = len - done < CHUNK ? len - done : CHUNK;

		if (XML_Parse(x->parser, data + done, (int)piece,
			      !rest && done + piece == len) ==
		    XML_STATUS_ERROR)
			return x->failed ? -1 : syntax_error(x);
		done += piece;
		sg_tell(&x->rd->tell, done);
	} while (done < len);
	while (rest) {
		void *buf = XML_GetBuffer(x->parser, CHUNK);

		if (!buf)
			return syntax_error(x);
		n = read(rest->fd, buf, CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return unreadable(x);
		if (XML_ParseBuffer(x->parser, (int)n, !n) == XML_STATUS_ERROR)
			return x->failed ? -1 : syntax_error(x);
		done += (size_t)n;
		sg_tell(&x->rd->tell, done);
		if (!n) {
			/* (a pipe's size, known now) */
			rest->size = done;
			break;
		}
	}
	return 0;
}

static int read_xml(struct reader *rd, const char *data, size_t len,
		    enum dialect dialect)
{
	struct xml x = { .rd = rd, .dialect = dialect,
			 .item = { .scope = S_OTHER } };
	size_t nodes = 0, edges = 0;
	int r = about(rd, data, len, &nodes, &edges) ||
		sg_graph_reserve(rd->g, nodes, edges, rd->err);

	if (r)
		return -1;
	x.item.data = json_object();
	x.parser = x.item.data ? XML_ParserCreateNS(NULL, NS_SEP) : NULL;
	if (!x.parser) {
		json_decref(x.item.data);
		return rd_nomem(rd);
	}
	XML_SetReturnNSTriplet(x.parser, 1);
	XML_SetUserData(x.parser, &x);
	XML_SetElementHandler(x.parser, on_start, on_end);
	XML_SetCharacterDataHandler(x.parser, on_text);
	r = parse(&x, data, len);
	if (!r && !x.failed)
		r = tell_unread(&x);
	XML_ParserFree(x.parser);
	for (size_t i = 0; i < x.nkeys; i++)
		json_decref(x.keys[i].dflt);
	free(x.keys);
	free(x.defaults);
	free(x.frames);
	free(x.parents);
	free(x.unread);
	for (size_t i = 0; i < SG_ARRAY_SIZE(x.key_ids); i++)
		sg_map_release(&x.key_ids[i]);
	sg_map_release(&x.unread_ids);
	item_release(&x.item);
	sg_buf_release(&x.text);
	sg_buf_release(&x.scratch);
	rd->parent = NULL;
	return r || x.failed ? -1 : 0;
}

/* ---- detection ---- */

int rd_xml_root_is(const char *head, size_t len, const char *root)
{
	const char *p = head, *end = head + len;
	size_t n = strlen(root);

	while (p < end) {
		const char *close;

		while (p < end && strchr(" \t\r\n", *p))
			p++;
		if (p >= end || *p != '<' || p + 1 >= end)
			return 0;
		if (p[1] != '?' && p[1] != '!')
			break;
		if ((size_t)(end - p) > 4 && !memcmp(p, "<!--", 4)) {
			for (close = p + 4; close + 3 <= end &&
					    memcmp(close, "-->", 3);
			     close++)
				;
			close += 2;
		} else {
			close = memchr(p, '>', (size_t)(end - p));
		}
		if (!close || close >= end)
			return 0;
		p = close + 1;
	}
	if (p >= end)
		return 0;
	for (const char *q = ++p; q < end && !strchr(" \t\r\n/>", *q); q++)
		if (*q == ':')
			p = q + 1;
	return (size_t)(end - p) > n && !memcmp(p, root, n) &&
	       strchr(" \t\r\n/>", p[n]);
}

/* Only GraphML begins with <graphml>, only GEXF with <gexf>. */
static enum rd_sure sniff_graphml(const char *head, size_t len)
{
	return rd_xml_root_is(head, len, "graphml") ? RD_SURE : RD_NOT;
}

static enum rd_sure sniff_gexf(const char *head, size_t len)
{
	return rd_xml_root_is(head, len, "gexf") ? RD_SURE : RD_NOT;
}

static int read_graphml(struct reader *rd, const char *data, size_t len)
{
	return read_xml(rd, data, len, GRAPHML);
}

static int read_gexf(struct reader *rd, const char *data, size_t len)
{
	return read_xml(rd, data, len, GEXF);
}

const struct rd_format rd_graphml = {
	.name = "graphml",
	.about = "GraphML: yEd, igraph, networkx, Gephi, GraphRAG, LightRAG",
	.sniff = sniff_graphml,
	.read_text = read_graphml,
	.streams = 1,
};

const struct rd_format rd_gexf = {
	.name = "gexf",
	.about = "GEXF 1.1-1.3: Gephi, networkx",
	.sniff = sniff_gexf,
	.read_text = read_gexf,
	.streams = 1,
};
