/*
 * A drawing, made as cgraph makes a graph and written as the DOT text
 * cgraph 2.43's agwrite writes of it (lib/cgraph/write.c and attr.c are the
 * model for every rule here), without cgraph's cost.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "draw.h"

/* An attribute an object sets: a node's or an edge's own value, a
 * subgraph's local one (cgraph's local symbol, which agxset makes). */
struct attr {
	uint32_t sym;
	int html;
	const char *value;
	struct attr *next;
};

#define NO_ENTITY UINT32_MAX /* (the graph's entities are fewer) */

/* (a million relations are a million of these: no padding) */
struct sg_dobj {
	sg_drawing *d;
	const char *name;  /* graphs and nodes */
	struct attr *attrs;
	/* a graph's parent; a node's or an edge's innermost subgraph, NULL
	 * for the root */
	sg_dobj *up;
	/* a subgraph's value of each graph attribute declared when it was
	 * made: what the graphs around it then had */
	const char **inherited;
	uint32_t ninherited;
	uint32_t entity;   /* nodes; NO_ENTITY for others */
	uint32_t seq;      /* place among the objects of its kind */
	int kind;
};

/* Values a symbol keeps, by a hash of their text (see keep). */
#define KEPT_SLOTS 64

struct sym {
	const char *name;
	const char *def;  /* the default; for the root graph, its value */
	const char *first; /* the value it was declared with */
	/* values stored, KEPT_SLOTS of them by their hash, each shared by
	 * the next equal one; NULL until the first */
	const char **kept;
	int html;
};

struct syms {
	struct sym *v;
	size_t n, alloc;
	sg_map index; /* name -> v[] */
};

struct sg_drawing {
	sg_arena *mem;
	sg_dobj **objs[3]; /* by kind, in the order they were made */
	size_t n[3], alloc[3];
	struct syms syms[3];
	sg_map subgraphs; /* name -> graph */
	/* by edge (seq), its tail (0) and its head (1), apart from the
	 * edges' objects: the writer reads them in its own order */
	sg_dobj **end[2];
	size_t end_alloc[2];
};

static struct sym *find_sym(const sg_drawing *d, int kind, const char *name)
{
	int64_t i = sg_map_get(&d->syms[kind].index, name);

	return i < 0 ? NULL : &d->syms[kind].v[i];
}

/* A copy of value, s's; one copy of the values that repeat (a million
 * relations' words and classes are a few values, and a copy each took
 * 16 MB). A value takes the slot of the one it meets there. */
static const char *keep(sg_drawing *d, struct sym *s, const char *value)
{
	const char **slot;

	if (!s->kept &&
	    !(s->kept = sg_arena_alloc(&d->mem, KEPT_SLOTS * sizeof(*s->kept))))
		return NULL;
	slot = &s->kept[sg_hash(value) & (KEPT_SLOTS - 1)];
	if (*slot && !strcmp(*slot, value))
		return *slot;
	value = sg_arena_strdup(&d->mem, value);
	if (value)
		*slot = value;
	return value;
}

static sg_dobj *make(sg_drawing *d, int kind, const char *name)
{
	sg_dobj *o;

	if (SG_GROW(d->objs[kind], d->n[kind] + 1, d->alloc[kind]) ||
	    !(o = sg_arena_alloc(&d->mem, sizeof(*o))) ||
	    (name && !(o->name = sg_arena_strdup(&d->mem, name))))
		return NULL;
	o->d = d;
	o->kind = kind;
	o->seq = (uint32_t)d->n[kind];
	o->entity = NO_ENTITY;
	d->objs[kind][d->n[kind]++] = o;
	return o;
}

sg_drawing *sg_drawing_new(const char *name)
{
	sg_drawing *d = calloc(1, sizeof(*d));

	if (d && !make(d, SG_DGRAPH, name)) {
		sg_drawing_free(d);
		return NULL;
	}
	return d;
}

void sg_drawing_free(sg_drawing *d)
{
	if (!d)
		return;
	for (int k = 0; k < 3; k++) {
		free(d->objs[k]);
		free(d->syms[k].v);
		sg_map_release(&d->syms[k].index);
	}
	sg_map_release(&d->subgraphs);
	free(d->end[0]);
	free(d->end[1]);
	sg_arena_free(d->mem);
	free(d);
}

sg_dobj *sg_drawing_root(const sg_drawing *d)
{
	return d->objs[SG_DGRAPH][0];
}

static struct attr *local(const sg_dobj *o, uint32_t sym)
{
	for (struct attr *a = o->attrs; a; a = a->next)
		if (a->sym == sym)
			return a;
	return NULL;
}

/* Over the root's values in v, the local values of graph g and of the
 * graphs around it, the nearest last. */
static void inherit(const char **v, const sg_dobj *g)
{
	if (!g->up)
		return;
	inherit(v, g->up);
	for (const struct attr *a = g->attrs; a; a = a->next)
		v[a->sym] = a->value;
}

sg_dobj *sg_drawing_subgraph(sg_dobj *parent, const char *name)
{
	sg_drawing *d = parent->d;
	const struct syms *gs = &d->syms[SG_DGRAPH];
	int64_t old = sg_map_get(&d->subgraphs, name);
	sg_dobj *s;

	if (old >= 0)
		return d->objs[SG_DGRAPH][old];
	s = make(d, SG_DGRAPH, name);
	if (!s || sg_map_add(&d->subgraphs, s->name, s->seq) ||
	    !(s->inherited = sg_arena_alloc(&d->mem, (gs->n + 1) *
						  sizeof(*s->inherited))))
		return NULL;
	s->up = parent;
	s->ninherited = (uint32_t)gs->n;
	for (size_t i = 0; i < gs->n; i++)
		s->inherited[i] = gs->v[i].def;
	inherit(s->inherited, parent);
	return s;
}

sg_dobj *sg_drawing_node(sg_dobj *graph, const char *name, int64_t entity)
{
	sg_dobj *n = make(graph->d, SG_DNODE, name);

	if (n) {
		n->entity = entity < 0 ? NO_ENTITY : (uint32_t)entity;
		n->up = graph->up ? graph : NULL;
	}
	return n;
}

int sg_drawing_reserve(sg_drawing *d, int kind, size_t n)
{
	size_t want = d->n[kind] + n;

	return SG_GROW(d->objs[kind], want, d->alloc[kind]) ||
	       (kind == SG_DEDGE &&
		(SG_GROW(d->end[0], want, d->end_alloc[0]) ||
		 SG_GROW(d->end[1], want, d->end_alloc[1]))) ? -1 : 0;
}

sg_dobj *sg_drawing_edge(sg_dobj *graph, sg_dobj *tail, sg_dobj *head)
{
	sg_drawing *d = graph->d;
	size_t n = d->n[SG_DEDGE];
	sg_dobj *e;

	if (SG_GROW(d->end[0], n + 1, d->end_alloc[0]) ||
	    SG_GROW(d->end[1], n + 1, d->end_alloc[1]) ||
	    !(e = make(d, SG_DEDGE, NULL)))
		return NULL;
	e->up = graph->up ? graph : NULL;
	d->end[0][n] = tail;
	d->end[1][n] = head;
	return e;
}

sg_dobj *sg_drawing_sample(sg_drawing *d, int kind)
{
	sg_dobj *o = sg_arena_alloc(&d->mem, sizeof(*o));

	if (o) {
		o->d = d;
		o->kind = kind;
		o->entity = NO_ENTITY;
	}
	return o;
}

void sg_drawing_put(sg_dobj *graph, sg_dobj *node)
{
	node->up = graph->up ? graph : NULL;
}

int sg_drawing_declare(sg_drawing *d, int kind, const char *name,
		       const char *value)
{
	struct syms *ss = &d->syms[kind];
	struct sym *s = find_sym(d, kind, name);

	if (!s) {
		const char *copy = sg_arena_strdup(&d->mem, name);

		if (!copy || SG_GROW(ss->v, ss->n + 1, ss->alloc) ||
		    sg_map_add(&ss->index, copy, (uint32_t)ss->n))
			return -1;
		s = &ss->v[ss->n++];
		*s = (struct sym){ .name = copy };
	}
	s->def = keep(d, s, value);
	s->html = 0;
	if (!s->first)
		s->first = s->def;
	return s->def ? 0 : -1;
}

const char *sg_drawing_default(const sg_drawing *d, int kind,
			       const char *name)
{
	const struct sym *s = find_sym(d, kind, name);

	return s ? s->def : NULL;
}

int sg_drawing_set(sg_dobj *obj, const char *name, const char *value,
		   int html)
{
	sg_drawing *d = obj->d;
	struct sym *s = find_sym(d, obj->kind, name);
	struct attr *a;

	/* as agsafeset: an attribute unknown so far is declared empty */
	if (!s && (sg_drawing_declare(d, obj->kind, name, "") ||
		   !(s = find_sym(d, obj->kind, name))))
		return -1;
	if (obj->kind == SG_DGRAPH && !obj->up) {
		if (!(s->def = keep(d, s, value)))
			return -1;
		s->html = html;
		return 0;
	}
	a = local(obj, (uint32_t)(s - d->syms[obj->kind].v));
	if (!a) {
		struct attr **end = &obj->attrs;

		if (!(a = sg_arena_alloc(&d->mem, sizeof(*a))))
			return -1;
		a->sym = (uint32_t)(s - d->syms[obj->kind].v);
		while (*end)
			end = &(*end)->next;
		*end = a;
	}
	a->html = html;
	return (a->value = keep(d, s, value)) ? 0 : -1;
}

/* obj's value of symbol s (of obj's kind), and whether it is HTML. */
static const char *value_of(const sg_dobj *obj, const struct sym *s,
			    int *html)
{
	uint32_t i = (uint32_t)(s - obj->d->syms[obj->kind].v);
	const struct attr *a = obj->kind == SG_DGRAPH && !obj->up ? NULL :
			       local(obj, i);

	*html = a ? a->html : s->html;
	if (a)
		return a->value;
	if (obj->kind != SG_DGRAPH || !obj->up)
		return s->def;
	*html = 0;
	return i < obj->ninherited ? obj->inherited[i] : s->first;
}

const char *sg_drawing_get(const sg_dobj *obj, const char *name)
{
	const struct sym *s = find_sym(obj->d, obj->kind, name);
	int html;

	return s ? value_of(obj, s, &html) : NULL;
}

const char *sg_drawing_own(const sg_dobj *obj, const char *name)
{
	const struct sym *s = find_sym(obj->d, obj->kind, name);
	const struct attr *a = s && (obj->kind != SG_DGRAPH || obj->up) ?
		local(obj, (uint32_t)(s - obj->d->syms[obj->kind].v)) : NULL;

	return a ? a->value : NULL;
}

size_t sg_drawing_count(const sg_drawing *d, int kind)
{
	return d->n[kind];
}

sg_dobj *sg_drawing_nth(const sg_drawing *d, int kind, size_t i)
{
	return d->objs[kind][i];
}

const char *sg_drawing_name(const sg_dobj *obj)
{
	return obj->name;
}

int64_t sg_drawing_entity(const sg_dobj *node)
{
	return node->entity == NO_ENTITY ? -1 : (int64_t)node->entity;
}

size_t sg_drawing_index(const sg_dobj *obj)
{
	return obj->seq;
}

sg_dobj *sg_drawing_parent(const sg_dobj *obj)
{
	return obj->up ? obj->up :
	       obj->kind == SG_DGRAPH ? NULL : sg_drawing_root(obj->d);
}

sg_dobj *sg_drawing_end(const sg_dobj *edge, int head)
{
	return edge->d->end[!!head][edge->seq];
}

void sg_drawing_set_end(sg_dobj *edge, int head, sg_dobj *node)
{
	edge->d->end[!!head][edge->seq] = node;
}

int sg_drawing_each_attr(const sg_dobj *obj, sg_drawing_attr_fn *fn,
			 void *ctx)
{
	const struct syms *ss = &obj->d->syms[obj->kind];
	int r = 0;

	if (obj->kind == SG_DGRAPH && !obj->up) {
		for (size_t i = 0; i < ss->n && !r; i++)
			r = fn(ss->v[i].name, ss->v[i].def, ss->v[i].html, ctx);
		return r;
	}
	for (const struct attr *a = obj->attrs; a && !r; a = a->next)
		r = fn(ss->v[a->sym].name, a->value, a->html, ctx);
	return r;
}

int sg_drawing_each_default(const sg_drawing *d, int kind,
			    sg_drawing_attr_fn *fn, void *ctx)
{
	const struct syms *ss = &d->syms[kind];
	int r = 0;

	for (size_t i = 0; i < ss->n && !r; i++)
		r = fn(ss->v[i].name, ss->v[i].def, ss->v[i].html, ctx);
	return r;
}

/* ---- DOT, as agwrite writes it ---- */

/* agwrite breaks quoted strings at about this many characters, unless the
 * graph's linelength says otherwise */
#define MAX_OUTPUTLINE 128
#define MIN_OUTPUTLINE 60

struct writer {
	sg_drawing *d;
	sg_buf *out;
	/* NULL: out keeps the whole text; else it holds the statements not
	 * yet handed to pass (see sg_drawing_dot_pass) */
	sg_dot_pass_fn *pass;
	void *pass_ctx;
	int level, fail;
	long max_line;
	const struct sym *tailport, *headport;
	/* by kind, the symbols in the order of their names, and each
	 * symbol's place in it */
	uint32_t *order[3], *rank[3];
	const struct attr **own; /* room for an object's every attribute */
	/* by graph (seq): its place in a walk of the subgraph tree, and
	 * past its subtree's places; its subgraphs, in the order made */
	uint32_t *enter, *leave;
	size_t *kids_start, *kids;
	/* nodes and edges (seq) by the place of their innermost graph, each
	 * in the order made; by node and by edge, that place */
	uint32_t *nodes, *edges, *node_at, *edge_at;
	size_t *node_start, *edge_start;
	/* by edge, the seq of its tail (0) and of its head (1) */
	uint32_t *end[2];
	/*
	 * The edges out of each node from out_start[node] on, in the order
	 * cgraph keeps them: by their heads' age, then their own; of each,
	 * its head and its place, read in that order (flat arrays: an edge's
	 * object is read only when it is written).
	 */
	sg_dobj **out_edge;
	uint32_t *out_head, *out_at;
	size_t *out_start;
	/* each node's name as written, from name_at[node] on in names; each
	 * attribute's of each kind and '=', from attr_at[kind][sym] on in
	 * attr_names */
	sg_buf names, attr_names;
	size_t *name_at, *attr_at[3];
	/* by node: written already; whether it has values other than
	 * its defaults; of the edges of the graph being written, how many
	 * it has and the oldest tail of those into it */
	unsigned char *written, *own_values;
	uint32_t *degree, *oldest_tail;
};

static void put(struct writer *w, const char *s, size_t n)
{
	sg_buf *b = w->out;

	/* (most pieces are short: sg_buf_add only when the buffer grows) */
	if (b->len + n < b->alloc) {
		memcpy(b->buf + b->len, s, n);
		b->buf[b->len += n] = '\0';
		return;
	}
	w->fail |= sg_buf_add(b, s, n) != 0;
}

static void put_str(struct writer *w, const char *s)
{
	put(w, s, strlen(s));
}

/* How much text the writer holds before it hands it on, where it hands
 * it on: enough that a write costs little, little enough to stay in the
 * cache. */
#define PASS_BYTES 65536

/* A statement ends: the text so far goes on once there is enough (only
 * between statements, as canon takes back what it has put). */
static void end_statement(struct writer *w)
{
	put(w, ";\n", 2);
	if (!w->pass || w->out->len < PASS_BYTES || w->fail)
		return;
	w->fail |= w->pass(w->out->buf, w->out->len, w->pass_ctx) != 0;
	sg_buf_reset(w->out);
}

static void indent(struct writer *w)
{
	for (int i = 0; i < w->level; i++)
		put(w, "\t", 1);
}

static int is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* What agwrite lets a line break between: an unquoted ID's characters. */
static int is_id_char(unsigned char c)
{
	return is_alnum(c) || c == '.' || c == '-' || c >= 0x80;
}

/*
 * agstrcanon: s as an ID, a numeral or, when it is neither or a keyword,
 * quoted with '"' escaped; long strings broken with "\\\n" past max_line
 * characters where the next is an ID's and the last is not (the scanner
 * joins such lines). An HTML string goes between '<' and '>'.
 */
static void canon(struct writer *w, const char *s, int html)
{
	static const struct {
		const char *word;
		long len;
	} keywords[] = { { "node", 4 }, { "edge", 4 }, { "strict", 6 },
			 { "graph", 5 }, { "digraph", 7 }, { "subgraph", 8 } };
	const char *p = s, *run = s; /* run: what is not yet written */
	size_t start = w->out->len;
	long cnt = 0, dots = 0;
	int quote = 0, number, pending = 0;

	if (html) {
		put(w, "<", 1);
		put_str(w, s);
		put(w, ">", 1);
		return;
	}
	if (!*p) {
		put(w, "\"\"", 2);
		return;
	}
	put(w, "\"", 1);
	number = is_digit((unsigned char)*p) || *p == '.' || *p == '-';
	while (*p) {
		unsigned char c = (unsigned char)*p++;

		if (c == '"') {
			put(w, run, (size_t)(p - 1 - run));
			put(w, "\\", 1);
			run = p - 1;
			quote = 1;
		} else if (number) {
			if (c == '-' ? cnt != 0 :
			    c == '.' ? dots++ != 0 : !is_digit(c)) {
				number = 0;
				quote = 1;
			}
		} else if (!is_alnum(c) && c != '_' && c < 0x80) {
			quote = 1;
		}
		cnt++;
		if (!w->max_line || !*p)
			continue;
		if ((pending || cnt >= w->max_line) && !is_id_char(c) &&
		    c != '\\' && is_id_char((unsigned char)*p)) {
			put(w, run, (size_t)(p - run));
			put(w, "\\\n", 2);
			run = p;
			quote = 1;
			pending = 0;
			cnt = 0;
		} else if (cnt >= w->max_line) {
			pending = 1;
		}
	}
	put(w, run, (size_t)(p - run));
	put(w, "\"", 1);
	if (quote || (cnt == 1 && (*s == '.' || *s == '-')) || w->fail)
		return;
	for (size_t i = 0; i < SG_ARRAY_SIZE(keywords); i++)
		if (cnt == keywords[i].len && !strcasecmp(keywords[i].word, s))
			return;
	w->out->len = start;
	put_str(w, s);
}

/* Starts a list of attributes (open: "graph [", "\t[") or goes on. */
static void next_attr(struct writer *w, int *count, const char *open)
{
	if ((*count)++ == 0) {
		put_str(w, open);
		w->level++;
	} else {
		put(w, ",\n", 2);
		indent(w);
	}
}

/* kind's attribute sym (its name as made in name_attrs) is value. */
static void write_attr(struct writer *w, int kind, uint32_t sym,
		       const char *value, int html)
{
	const size_t *at = w->attr_at[kind];

	put(w, w->attr_names.buf + at[sym], at[sym + 1] - at[sym]);
	canon(w, value, html);
}

/* "graph [...];" and the like: the root's defaults of kind that are not
 * empty, or a subgraph g's local values (cgraph's local symbols), each
 * even when empty. */
static void write_dict(struct writer *w, const sg_dobj *g, int kind,
		       const char *what)
{
	const struct syms *ss = &w->d->syms[kind];
	const struct attr **at = NULL;
	int count = 0;

	if (g->up && !(at = calloc(ss->n + 1, sizeof(*at)))) {
		w->fail = 1;
		return;
	}
	for (const struct attr *a = g->up ? g->attrs : NULL; a; a = a->next)
		at[w->rank[kind][a->sym]] = a;
	for (size_t k = 0; k < ss->n; k++) {
		const struct sym *s = &ss->v[w->order[kind][k]];
		const struct attr *a = at ? at[k] : NULL;

		if (at ? !a : !*s->def)
			continue;
		if (!count)
			indent(w);
		next_attr(w, &count, what);
		write_attr(w, kind, w->order[kind][k], a ? a->value : s->def,
			   a ? a->html : s->html);
	}
	free(at);
	if (!count)
		return;
	w->level--;
	if (count > 1) {
		put(w, "\n", 1);
		indent(w);
	}
	put(w, "];\n", 3);
}

/* Whether a node's or an edge's own value a is not its default (cgraph
 * compares interned strings: equal texts are the same string). */
static int differs(const sg_dobj *obj, const struct attr *a)
{
	const char *def = obj->d->syms[obj->kind].v[a->sym].def;

	return a->value != def && strcmp(a->value, def) != 0;
}

static int non_default(const sg_dobj *obj)
{
	for (const struct attr *a = obj->attrs; a; a = a->next)
		if (differs(obj, a))
			return 1;
	return 0;
}

/* A node's or an edge's values other than its defaults, in the order of
 * their names, but the ports (written with the ends). */
static void write_own(struct writer *w, const sg_dobj *obj)
{
	const struct syms *ss = &w->d->syms[obj->kind];
	const uint32_t *rank = w->rank[obj->kind];
	const struct attr **v = w->own;
	size_t n = 0;
	int count = 0;

	for (const struct attr *a = obj->attrs; a; a = a->next) {
		const struct sym *s = &ss->v[a->sym];
		size_t at;

		if (!differs(obj, a) || s == w->tailport || s == w->headport)
			continue;
		/* into place by name: an object has few */
		for (at = n++; at && rank[v[at - 1]->sym] > rank[a->sym]; at--)
			v[at] = v[at - 1];
		v[at] = a;
	}
	for (size_t i = 0; i < n; i++) {
		next_attr(w, &count, "\t[");
		write_attr(w, obj->kind, v[i]->sym, v[i]->value, v[i]->html);
	}
	if (count) {
		put(w, "]", 1);
		w->level--;
	}
}

/* Node n's name, as canon wrote it in prepare. */
static void put_name(struct writer *w, uint32_t n)
{
	put(w, w->names.buf + w->name_at[n], w->name_at[n + 1] - w->name_at[n]);
}

static void write_node(struct writer *w, uint32_t n)
{
	indent(w);
	put_name(w, n);
	if (!w->written[n])
		write_own(w, w->d->objs[SG_DNODE][n]);
	w->written[n] = 1;
	end_statement(w);
}

/* ":port" after an edge's end: an HTML port as it is, else its parts
 * around the first ':' each as an ID. */
static void write_port(struct writer *w, const sg_dobj *e,
		       const struct sym *port)
{
	int html;
	const char *v = port ? value_of(e, port, &html) : "";
	const char *colon = strchr(v, ':');

	if (!*v)
		return;
	put(w, ":", 1);
	if (html || !colon) {
		canon(w, v, html);
		return;
	}
	char *first = strndup(v, (size_t)(colon - v));

	if (!first) {
		w->fail = 1;
		return;
	}
	canon(w, first, 0);
	put(w, ":", 1);
	canon(w, colon + 1, 0);
	free(first);
}

static void write_edge(struct writer *w, const sg_dobj *obj, uint32_t tail,
		       uint32_t head)
{
	indent(w);
	put_name(w, tail);
	write_port(w, obj, w->tailport);
	put(w, " -> ", 4);
	put_name(w, head);
	write_port(w, obj, w->headport);
	write_own(w, obj);
	end_statement(w);
}

/* agwrite's test for writing node n in graph g on its own when the nodes
 * from since on are written: g is its innermost graph, no edge of g from
 * an older node leads to it, and it has attributes or no edge. */
static int stands_alone(const struct writer *w, const sg_dobj *g,
			uint32_t n, uint32_t since)
{
	return n >= since && w->node_at[n] == w->enter[g->seq] &&
	       w->oldest_tail[n] >= since &&
	       (!w->degree[n] || w->own_values[n]);
}

static int by_seq(const void *a, const void *b, void *ctx)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	(void)ctx;
	return (x > y) - (x < y);
}

static void write_graph(struct writer *w, const sg_dobj *g);

/* How far ahead write_body asks for the edges it will write, and how
 * many bytes of each: an edge's object, then its attributes and their
 * values, made right after it. */
#define AHEAD 8
#define AHEAD_BYTES 256

/*
 * agwrite's write_body: subgraphs first; then each node of g, oldest
 * first, on its own if stands_alone, then its edges in g by head, each
 * edge's head first when it stands alone and comes later; the nodes and
 * edges of a subgraph are written there.
 */
static void write_body(struct writer *w, const sg_dobj *g)
{
	const uint32_t *tail = w->end[0], *head = w->end[1];
	uint32_t from = w->enter[g->seq], to = w->leave[g->seq];
	size_t nedges = w->edge_start[to] - w->edge_start[from];
	size_t nnodes = w->node_start[to] - w->node_start[from];
	uint32_t *nodes = w->nodes + w->node_start[from], *mine = NULL;

	for (size_t k = w->kids_start[g->seq]; k < w->kids_start[g->seq + 1];
	     k++)
		write_graph(w, w->d->objs[SG_DGRAPH][w->kids[k]]);
	if (!nedges) { /* no edge: only the nodes g holds itself */
		nnodes = w->node_start[from + 1] - w->node_start[from];
	} else if (g->up) { /* its nodes and its subgraphs', oldest first */
		if (!(mine = malloc(nnodes * sizeof(*mine)))) {
			w->fail = 1;
			return;
		}
		memcpy(mine, nodes, nnodes * sizeof(*mine));
		sg_sort(mine, nnodes, sizeof(*mine), by_seq, NULL);
		nodes = mine;
	} else { /* the root: every node */
		nodes = NULL;
		nnodes = w->d->n[SG_DNODE];
	}
	for (size_t i = w->edge_start[from]; i < w->edge_start[to]; i++) {
		uint32_t e = w->edges[i];
		uint32_t *oldest = &w->oldest_tail[head[e]];

		w->degree[tail[e]]++;
		w->degree[head[e]]++;
		if (tail[e] < *oldest)
			*oldest = tail[e];
	}
	for (size_t i = 0; i < nnodes && !w->fail; i++) {
		uint32_t n = nodes ? nodes[i] : (uint32_t)i, prev = n;

		if (stands_alone(w, g, n, n))
			write_node(w, n);
		for (size_t k = w->out_start[n];
		     nedges && k < w->out_start[n + 1]; k++) {
			uint32_t at = w->out_at[k], h = w->out_head[k];

#if defined(__GNUC__)
			/* (the edges are far apart in memory: asked for
			 * early, they come while others are written) */
			for (int b = 0; b < AHEAD_BYTES &&
					k + AHEAD < w->d->n[SG_DEDGE]; b += 64)
				__builtin_prefetch((const char *)w->out_edge
						   [k + AHEAD] + b);
#endif
			if (at < from || at >= to)
				continue;
			if (prev != h && stands_alone(w, g, h, n)) {
				write_node(w, h);
				prev = h;
			}
			if (at == from)
				write_edge(w, w->out_edge[k], n, h);
		}
	}
	for (size_t i = w->edge_start[from]; i < w->edge_start[to]; i++) {
		uint32_t e = w->edges[i];

		w->degree[tail[e]] = 0;
		w->degree[head[e]] = 0;
		w->oldest_tail[head[e]] = UINT32_MAX;
	}
	free(mine);
}

static void write_graph(struct writer *w, const sg_dobj *g)
{
	indent(w);
	put_str(w, g->up ? "subgraph " : "digraph ");
	canon(w, g->name, 0);
	put(w, " {\n", 3);
	w->level++;
	write_dict(w, g, SG_DGRAPH, "graph [");
	if (!g->up) {
		write_dict(w, g, SG_DNODE, "node [");
		write_dict(w, g, SG_DEDGE, "edge [");
	}
	write_body(w, g);
	w->level--;
	indent(w);
	put(w, "}\n", 2);
}

static int by_name(const void *a, const void *b, void *ctx)
{
	const struct syms *ss = ctx;

	return strcmp(ss->v[*(const uint32_t *)a].name,
		      ss->v[*(const uint32_t *)b].name);
}

/* Numbers graph g and its subgraphs in a walk of the tree from *next on. */
static void walk(struct writer *w, uint32_t g, uint32_t *next)
{
	w->enter[g] = (*next)++;
	for (size_t k = w->kids_start[g]; k < w->kids_start[g + 1]; k++)
		walk(w, (uint32_t)w->kids[k], next);
	w->leave[g] = *next;
}

/*
 * Sorts the n objects (seq) of objs[] (NULL: 0 to n - 1) stably by their
 * key in key[] (0 to nkeys - 1) into to[], counting; start[] (nkeys + 1)
 * gets where each key's objects begin.
 */
static void by_key(const uint32_t *objs, size_t n, const uint32_t *key,
		   size_t nkeys, uint32_t *to, size_t *start)
{
	memset(start, 0, (nkeys + 1) * sizeof(*start));
	for (size_t i = 0; i < n; i++)
		start[key[objs ? objs[i] : i] + 1]++;
	for (size_t i = 0; i < nkeys; i++)
		start[i + 1] += start[i];
	for (size_t i = 0; i < n; i++) {
		uint32_t o = objs ? objs[i] : (uint32_t)i;

		to[start[key[o]]++] = o;
	}
	memmove(start + 1, start, nkeys * sizeof(*start));
	start[0] = 0;
}

/* The objects of kind by the place of their innermost graph (at[], by
 * object), each place's in the order made: into *to, with *start. */
static int by_place(struct writer *w, int kind, uint32_t **at, uint32_t **to,
		    size_t **start)
{
	size_t n = w->d->n[kind], places = w->d->n[SG_DGRAPH];
	sg_dobj **objs = w->d->objs[kind];

	*at = malloc((n + 1) * sizeof(**at));
	*to = malloc((n + 1) * sizeof(**to));
	*start = malloc((places + 1) * sizeof(**start));
	if (!*at || !*to || !*start)
		return -1;
	for (size_t i = 0; i < n; i++)
		(*at)[i] = objs[i]->up ? w->enter[objs[i]->up->seq] : 0;
	by_key(NULL, n, *at, places, *to, *start);
	return 0;
}

/* The edges out of each node in cgraph's order (see struct writer). */
static int order_edges(struct writer *w)
{
	size_t ne = w->d->n[SG_DEDGE], nn = w->d->n[SG_DNODE];
	uint32_t *by_head = malloc((ne + 1) * sizeof(*by_head));

	w->out_edge = malloc((ne + 1) * sizeof(*w->out_edge));
	w->out_head = malloc((ne + 1) * sizeof(*w->out_head));
	w->out_at = malloc((ne + 1) * sizeof(*w->out_at));
	w->out_start = malloc((nn + 1) * sizeof(*w->out_start));
	if (!by_head || !w->out_edge || !w->out_head || !w->out_at ||
	    !w->out_start) {
		free(by_head);
		return -1;
	}
	w->end[0] = malloc((ne + 1) * sizeof(*w->end[0]));
	w->end[1] = malloc((ne + 1) * sizeof(*w->end[1]));
	if (!w->end[0] || !w->end[1]) {
		free(by_head);
		return -1;
	}
	for (size_t i = 0; i < ne; i++) {
		w->end[0][i] = w->d->end[0][i]->seq;
		w->end[1][i] = w->d->end[1][i]->seq;
	}
	by_key(NULL, ne, w->end[1], nn, by_head, w->out_start);
	/* (out_head for a while: the edges in their order, by seq) */
	by_key(by_head, ne, w->end[0], nn, w->out_head, w->out_start);
	free(by_head);
	for (size_t k = 0; k < ne; k++) {
		uint32_t e = w->out_head[k];

		w->out_edge[k] = w->d->objs[SG_DEDGE][e];
		w->out_at[k] = w->edge_at[e];
		w->out_head[k] = w->end[1][e];
	}
	return 0;
}

/* Each node's name and each attribute's, as canon writes them, into
 * w->names and w->attr_names: written once, not once an edge. */
static int name_nodes(struct writer *w)
{
	size_t nn = w->d->n[SG_DNODE];
	sg_buf *out = w->out;

	if (!(w->name_at = malloc((nn + 1) * sizeof(*w->name_at))))
		return -1;
	w->out = &w->names;
	for (size_t i = 0; i < nn; i++) {
		w->name_at[i] = w->names.len;
		canon(w, w->d->objs[SG_DNODE][i]->name, 0);
	}
	w->name_at[nn] = w->names.len;
	w->out = &w->attr_names;
	for (int k = 0; k < 3 && !w->fail; k++) {
		const struct syms *ss = &w->d->syms[k];

		if (!(w->attr_at[k] = malloc((ss->n + 1) *
					     sizeof(*w->attr_at[k])))) {
			w->fail = 1;
			break;
		}
		for (size_t i = 0; i < ss->n; i++) {
			w->attr_at[k][i] = w->attr_names.len;
			canon(w, ss->v[i].name, 0);
			put(w, "=", 1);
		}
		w->attr_at[k][ss->n] = w->attr_names.len;
	}
	w->out = out;
	return w->fail ? -1 : 0;
}

static int prepare(struct writer *w)
{
	sg_drawing *d = w->d;
	size_t ng = d->n[SG_DGRAPH], nn = d->n[SG_DNODE];
	const char *len = sg_drawing_default(d, SG_DGRAPH, "linelength");
	uint32_t next = 0;

	/* agwrite takes a linelength of 0 (no breaks) or at least 60 */
	w->max_line = MAX_OUTPUTLINE;
	if (len && is_digit((unsigned char)*len)) {
		long n = strtol(len, NULL, 10);

		if (n == 0 || n >= MIN_OUTPUTLINE)
			w->max_line = n;
	}
	w->tailport = find_sym(d, SG_DEDGE, "tailport");
	w->headport = find_sym(d, SG_DEDGE, "headport");
	for (int k = 0; k < 3; k++) {
		const struct syms *ss = &d->syms[k];

		w->rank[k] = malloc((ss->n + 1) * sizeof(*w->rank[k]));
		w->order[k] = malloc((ss->n + 1) * sizeof(*w->order[k]));
		if (!w->rank[k] || !w->order[k])
			return -1;
		for (uint32_t i = 0; i < ss->n; i++)
			w->order[k][i] = i;
		if (sg_sort(w->order[k], ss->n, sizeof(*w->order[k]), by_name,
			    (void *)ss))
			return -1;
		for (uint32_t i = 0; i < ss->n; i++)
			w->rank[k][w->order[k][i]] = i;
	}
	w->own = malloc((d->syms[SG_DNODE].n + d->syms[SG_DEDGE].n + 1) *
			sizeof(*w->own));
	w->enter = malloc((ng + 1) * sizeof(*w->enter));
	w->leave = malloc((ng + 1) * sizeof(*w->leave));
	w->kids_start = calloc(ng + 1, sizeof(*w->kids_start));
	w->kids = malloc((ng + 1) * sizeof(*w->kids));
	w->written = calloc(nn + 1, 1);
	w->own_values = malloc(nn + 1);
	w->degree = calloc(nn + 1, sizeof(*w->degree));
	w->oldest_tail = malloc((nn + 1) * sizeof(*w->oldest_tail));
	if (!w->own || !w->enter || !w->leave || !w->kids_start || !w->kids ||
	    !w->written || !w->own_values || !w->degree || !w->oldest_tail ||
	    name_nodes(w))
		return -1;
	for (size_t i = 0; i < nn; i++) {
		w->oldest_tail[i] = UINT32_MAX;
		w->own_values[i] = (unsigned char)non_default(d->objs[SG_DNODE][i]);
	}
	/* subgraphs under their parents, in the order made */
	for (size_t i = 1; i < ng; i++)
		w->kids_start[d->objs[SG_DGRAPH][i]->up->seq + 1]++;
	for (size_t i = 0; i < ng; i++)
		w->kids_start[i + 1] += w->kids_start[i];
	for (size_t i = 1; i < ng; i++)
		w->kids[w->kids_start[d->objs[SG_DGRAPH][i]->up->seq]++] = i;
	memmove(w->kids_start + 1, w->kids_start, ng * sizeof(*w->kids_start));
	w->kids_start[0] = 0;
	walk(w, 0, &next);
	return by_place(w, SG_DNODE, &w->node_at, &w->nodes, &w->node_start) ||
	       by_place(w, SG_DEDGE, &w->edge_at, &w->edges,
			&w->edge_start) ||
	       order_edges(w);
}

static int write_dot(struct writer *w)
{
	int r = prepare(w);

	if (!r) {
		write_graph(w, sg_drawing_root(w->d));
		r = w->fail ? -1 : 0;
	}
	if (!r && w->pass && w->out->len) {
		r = w->pass(w->out->buf, w->out->len, w->pass_ctx) ? -1 : 0;
		sg_buf_reset(w->out);
	}
	return r;
}

int sg_drawing_dot(sg_drawing *d, sg_buf *out)
{
	return sg_drawing_dot_pass(d, out, NULL, NULL);
}

int sg_drawing_dot_pass(sg_drawing *d, sg_buf *out, sg_dot_pass_fn *pass,
			void *ctx)
{
	struct writer w = { .d = d, .out = out, .pass = pass, .pass_ctx = ctx,
			    .names = SG_BUF_INIT, .attr_names = SG_BUF_INIT };
	int r = write_dot(&w);

	for (int k = 0; k < 3; k++) {
		free(w.rank[k]);
		free(w.order[k]);
		free(w.attr_at[k]);
	}
	free(w.own);
	free(w.enter);
	free(w.leave);
	free(w.kids_start);
	free(w.kids);
	free(w.nodes);
	free(w.node_at);
	free(w.node_start);
	free(w.edges);
	free(w.edge_at);
	free(w.edge_start);
	free(w.out_edge);
	free(w.end[0]);
	free(w.end[1]);
	free(w.out_head);
	free(w.out_at);
	free(w.out_start);
	sg_buf_release(&w.names);
	sg_buf_release(&w.attr_names);
	free(w.name_at);
	free(w.written);
	free(w.own_values);
	free(w.degree);
	free(w.oldest_tail);
	return r;
}
