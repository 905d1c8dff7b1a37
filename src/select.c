/* Selection: which entities and relations of a graph a drawing shows. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

void sg_view_free(sg_view *v)
{
	if (!v)
		return;
	free(v->entity_on);
	free(v->relation_on);
	free(v->focus);
	free(v->shown);
	free(v->shown_relations);
	free(v->folds);
	free(v->fold_of);
	free(v->fold_of_unloaded);
	free(v->degree);
	free(v->members);
	sg_buf_release(&v->labels);
	free(v->up);
	free(v->enter);
	free(v->leave);
	free(v->rel_on);
	free(v);
}

static int nomem(sg_error *err)
{
	return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
}

/* The index of each of the user's type names (any case) in the graph's
 * table, as a flag in on[]; an unknown name is an error with suggestions. */
static int mark_types(const sg_graph *g, int relation,
		      const char *const *names, size_t n, unsigned char *on,
		      unsigned char flag, sg_error *err)
{
	const sg_type *types = relation ? g->relation_types : g->types;
	size_t ntypes = relation ? g->nrelation_types : g->ntypes;

	for (size_t k = 0; k < n; k++) {
		int hit = 0;

		for (size_t t = 0; t < ntypes; t++)
			if (!strcasecmp(types[t].id, names[k])) {
				on[t] = flag;
				hit = 1;
			}
		if (!hit) {
			sg_buf msg = SG_BUF_INIT;

			if (sg_suggest(g, relation ? &g->relation_type_ids :
						     &g->type_ids,
				       names[k], &msg))
				nomem(err);
			sg_fail(err, SG_EUNKNOWN, NULL, 0, 0,
				"unknown %s '%s'%s",
				relation ? "relation type" : "entity type",
				names[k], sg_buf_str(&msg));
			sg_buf_release(&msg);
			return -1;
		}
	}
	return 0;
}

/*
 * Which types pass: those named in keep (all, when none are), less those in
 * drop. The flag past the table's end is for entities of no type. NULL on
 * an error.
 */
static unsigned char *type_mask(const sg_graph *g, int relation,
				const char *const *keep, size_t nkeep,
				const char *const *drop, size_t ndrop,
				sg_error *err)
{
	size_t ntypes = relation ? g->nrelation_types : g->ntypes;
	unsigned char *on = malloc(ntypes + 1);

	if (!on) {
		nomem(err);
		return NULL;
	}
	memset(on, !nkeep, ntypes + 1);
	if (mark_types(g, relation, keep, nkeep, on, 1, err) ||
	    mark_types(g, relation, drop, ndrop, on, 0, err)) {
		free(on);
		return NULL;
	}
	return on;
}

/* Whether the type of index type (SG_NONE: none) is on. */
static int type_on(const sg_graph *g, int relation, const unsigned char *on,
		   uint32_t type)
{
	return on[type != SG_NONE ? type :
		  relation ? g->nrelation_types : g->ntypes];
}

/* The text of field or attribute key of e, into b; NULL when e has none. */
static const char *field(const sg_entity *e, const char *key, size_t len,
			 sg_buf *b)
{
	const char *const fields[] = { "id", "name", "type", "description",
				       "url" };
	const char *values[] = { e->id, e->name ? e->name : e->id, e->type,
				 e->description, e->url };

	for (size_t i = 0; i < SG_ARRAY_SIZE(fields); i++)
		if (strlen(fields[i]) == len && !strncmp(fields[i], key, len))
			return values[i];
	for (size_t i = 0; i < e->attrs.n; i += 2)
		if (strlen(e->attrs.kv[i]) == len &&
		    !strncmp(e->attrs.kv[i], key, len)) {
			sg_buf_reset(b);
			return sg_json_display(b, e->attrs.kv[i + 1]) ? NULL :
									 sg_buf_str(b);
		}
	return NULL;
}

/* Whether entity e meets every KEY=VALUE of o->where. */
static int where_on(const sg_select_opts *o, const sg_entity *e, sg_buf *b)
{
	for (size_t i = 0; i < o->nwhere; i++) {
		const char *eq = strchr(o->where[i], '=');
		const char *value = field(e, o->where[i],
					  (size_t)(eq - o->where[i]), b);

		if (!value || strcasecmp(value, eq + 1))
			return 0;
	}
	return 1;
}

#define FAR UINT32_MAX

/* Whether relation r may be followed and drawn: its type and both its ends
 * pass. */
static int relation_allowed(const sg_graph *g, const sg_relation *r,
			    const unsigned char *allowed,
			    const unsigned char *rel_on)
{
	return !r->duplicate && type_on(g, 1, rel_on, r->type_index) &&
	       allowed[r->from] && allowed[r->to];
}

/*
 * Breadth-first: the steps from the entities whose dist is 0 to every other,
 * up to max steps, along allowed relations followed by dir; dist is FAR
 * where nothing reaches.
 */
static int walk(const sg_graph *g, uint32_t *dist, sg_direction dir,
		uint32_t max, const unsigned char *allowed,
		const unsigned char *rel_on)
{
	uint32_t *queue = malloc((g->nentities + 1) * sizeof(*queue));
	size_t head = 0, tail = 0;

	if (!queue)
		return -1;
	for (size_t e = 0; e < g->nentities; e++)
		if (!dist[e])
			queue[tail++] = (uint32_t)e;
	for (; head < tail; head++) {
		uint32_t e = queue[head];

		if (dist[e] >= max)
			continue;
		for (int out = 1; out >= 0; out--) {
			const uint32_t *start = out ? g->out_start : g->in_start;
			const uint32_t *list = out ? g->out : g->in;

			for (uint32_t k = start[e]; k < start[e + 1]; k++) {
				const sg_relation *r = &g->relations[list[k]];
				uint32_t next = out ? r->to : r->from;

				/* a relation without direction goes both
				 * ways, whatever dir says */
				if ((dir == (out ? SG_IN : SG_OUT) &&
				     !r->undirected) || dist[next] != FAR ||
				    !relation_allowed(g, r, allowed, rel_on))
					continue;
				dist[next] = dist[e] + 1;
				queue[tail++] = next;
			}
		}
	}
	free(queue);
	return 0;
}

static int64_t find(const sg_graph *g, const char *name, sg_error *err)
{
	sg_match how;

	return sg_graph_query(g, name, &how, err);
}

/* Whether relation r lies on a shortest path of length d, given the steps
 * from the path's start (from) and to its end (to). */
static int on_path(const sg_relation *r, sg_direction dir, const uint32_t *from,
		   const uint32_t *to, uint32_t d)
{
	int forward = from[r->from] != FAR && to[r->to] != FAR &&
		      from[r->from] + 1 + to[r->to] == d;
	int backward = from[r->to] != FAR && to[r->from] != FAR &&
		       from[r->to] + 1 + to[r->from] == d;

	if (r->undirected)
		return forward || backward;
	return dir == SG_OUT ? forward : dir == SG_IN ? backward :
			       forward || backward;
}

/*
 * Keeps the parents of the entities in the view, those allowed, as the
 * boxes they are drawn inside, and notes in v->up what each is inside.
 * Each entity's line of parents is walked once: a walk stops at an entity
 * an earlier one passed.
 */
static int keep_parents(sg_view *v, const unsigned char *allowed)
{
	const sg_graph *g = v->graph;
	uint32_t *line = malloc((g->nentities + 1) * sizeof(*line));
	unsigned char *done = calloc(g->nentities + 1, 1);

	v->up = malloc((g->nentities + 1) * sizeof(*v->up));
	if (!line || !done || !v->up) {
		free(line);
		free(done);
		return -1;
	}
	for (size_t i = 0; i < g->nentities; i++) {
		uint32_t e = (uint32_t)i, above;
		size_t n = 0;

		v->up[i] = SG_NONE;
		if (!v->entity_on[i] || done[i])
			continue;
		for (; e != SG_NONE && !done[e]; e = g->entities[e].parent)
			line[n++] = e;
		above = e == SG_NONE ? SG_NONE : v->entity_on[e] ? e : v->up[e];
		while (n--) {
			e = line[n];
			v->up[e] = above;
			done[e] = 1;
			if (n && allowed[e])
				v->entity_on[e] = 1;
			if (v->entity_on[e])
				above = e;
		}
	}
	free(line);
	free(done);
	return 0;
}

/* Numbers the entities of the view in a walk, depth first, of the tree
 * v->up makes: what is inside an entity is numbered within its span. */
static int number_boxes(sg_view *v)
{
	const sg_graph *g = v->graph;
	size_t n = g->nentities;
	uint32_t *start = calloc(n + 2, sizeof(*start));
	uint32_t *kids = malloc((n + 1) * sizeof(*kids));
	uint32_t *next = malloc((n + 1) * sizeof(*next));
	uint32_t *stack = malloc((n + 1) * sizeof(*stack));
	uint32_t clock = 0;
	int r = 0;

	v->enter = malloc((n + 1) * sizeof(*v->enter));
	v->leave = malloc((n + 1) * sizeof(*v->leave));
	if (!start || !kids || !next || !stack || !v->enter || !v->leave)
		r = -1;
	for (size_t e = 0; e < n && !r; e++)
		if (v->entity_on[e] && v->up[e] != SG_NONE)
			start[v->up[e] + 1]++;
	for (size_t e = 0; e < n && !r; e++)
		start[e + 1] += start[e];
	if (!r)
		memcpy(next, start, (n + 1) * sizeof(*next));
	for (size_t e = 0; e < n && !r; e++)
		if (v->entity_on[e] && v->up[e] != SG_NONE)
			kids[next[v->up[e]]++] = (uint32_t)e;
	if (!r)
		memcpy(next, start, (n + 1) * sizeof(*next));
	for (size_t root = 0; root < n && !r; root++) {
		size_t depth = 0;

		if (!v->entity_on[root] || v->up[root] != SG_NONE)
			continue;
		v->enter[root] = clock++;
		stack[depth++] = (uint32_t)root;
		while (depth) {
			uint32_t e = stack[depth - 1];

			if (next[e] == start[e + 1]) {
				v->leave[e] = clock++;
				depth--;
				continue;
			}
			e = kids[next[e]++];
			v->enter[e] = clock++;
			stack[depth++] = e;
		}
	}
	free(start);
	free(kids);
	free(next);
	free(stack);
	return r;
}

/* Every shortest path between the two ends of o: its entities and its
 * relations go into the view. */
static int select_paths(sg_view *v, const sg_select_opts *o,
			const unsigned char *allowed,
			const unsigned char *rel_on, sg_error *err)
{
	const sg_graph *g = v->graph;
	uint32_t *from = malloc((g->nentities + 1) * sizeof(*from));
	uint32_t *to = malloc((g->nentities + 1) * sizeof(*to));
	sg_direction back = o->direction == SG_OUT ? SG_IN :
			    o->direction == SG_IN ? SG_OUT : SG_BOTH;
	int64_t a = find(g, o->path_from, err);
	int64_t b = a < 0 ? -1 : find(g, o->path_to, err);
	int r = -1;

	if (!from || !to) {
		nomem(err);
		goto done;
	}
	if (b < 0)
		goto done;
	memset(from, 0xFF, (g->nentities + 1) * sizeof(*from));
	memset(to, 0xFF, (g->nentities + 1) * sizeof(*to));
	from[a] = 0;
	to[b] = 0;
	if (walk(g, from, o->direction, FAR, allowed, rel_on) ||
	    walk(g, to, back, FAR, allowed, rel_on)) {
		nomem(err);
		goto done;
	}
	if (from[b] == FAR) {
		sg_fail(err, SG_EUNKNOWN, NULL, 0, 0,
			"no path from '%s' to '%s'%s", o->path_from, o->path_to,
			o->direction == SG_BOTH ? "" : " in that direction");
		goto done;
	}
	v->focus[a] = v->focus[b] = 1;
	for (size_t e = 0; e < g->nentities; e++)
		v->entity_on[e] = from[e] != FAR && to[e] != FAR &&
				  from[e] + to[e] == from[b];
	if (keep_parents(v, allowed) || number_boxes(v)) {
		nomem(err);
		goto done;
	}
	for (size_t i = 0; i < g->nrelations; i++) {
		const sg_relation *rel = &g->relations[i];

		v->relation_on[i] = relation_allowed(g, rel, allowed, rel_on) &&
				    on_path(rel, o->direction, from, to, from[b]);
	}
	r = 0;
done:
	free(from);
	free(to);
	return r;
}

/*
 * Folding. A page holds some 60 boxes legibly; a selection of more is a
 * hairball, and cutting what does not fit would hide that it was there.
 * So the entities that matter least to the picture are folded into
 * summaries, boxes that stand for many ("312 policies"), each beside the
 * drawn entity they are related to: every entity of the selection is drawn
 * as itself or counted in one summary.
 *
 * What matters least: entities are ranked by their steps from the focus
 * (the picture is about the focus, and an entity far from it explains
 * least of it), then by their relations within the selection (the most
 * connected carry most of the picture's lines; folding one of them would
 * hide the most, folding a leaf hides one line), then by input order (the
 * same input, the same picture). The first K are drawn as themselves.
 *
 * Each folded entity goes to the drawn entity it is nearest (a walk out
 * from the drawn ones, taken in rank order, so the best ranked of its
 * drawn neighbours claims it), and is keyed by (that entity, direction,
 * entity type, relation type) of the relation that joins them; entities
 * joined to the drawn ones only through folded ones are "+N more" beside
 * the drawn entity the walk came from, and those no relation joins are
 * keyed by type alone. Coarser keys merge them: without the relation
 * type, then without the entity type, then one summary a drawn entity,
 * then one summary of all ("+N more" where they sit beside several). Of
 * these levels, the one that draws the most entities by name wins (a
 * summary's box is one an entity could have had), the finest of those.
 * K, at each level, is the largest that keeps the drawn entities and
 * summaries within the budget,
 * and the lines among what is drawn within 1.5 times it (or the fewer a
 * page holds, max_lines): the most related entities are related to each
 * other too, and sixty of them with their 240 relations are still a
 * hairball. So is a focus's neighbourhood of twenty with sixty: on a
 * page, one of more relations than max_lines is folded too.
 */
struct rank {
	uint32_t entity, dist, degree;
};

/* Nearest first, then most related, then input order. */
static int rank_order(const void *a, const void *b, void *ctx)
{
	const struct rank *x = a, *y = b;

	(void)ctx;
	if (x->dist != y->dist)
		return x->dist < y->dist ? -1 : 1;
	if (x->degree != y->degree)
		return x->degree > y->degree ? -1 : 1;
	return (x->entity > y->entity) - (x->entity < y->entity);
}

/* A folded entity's summary: its fields in the order summaries sort by;
 * a coarser level of folding keys by fewer of them (level_fields). */
struct key {
	uint32_t field[5]; /* anchor, further, direction, type, relation */
	uint32_t entity; /* SG_NONE: entities a source did not load */
	uint32_t weight; /* the entities it stands for */
	uint32_t unloaded; /* those: their sg_unloaded's index */
};
#define KEY_FIELDS 5
/* The coarsest keys by nothing: one summary of all the rest, so that a
 * small budget draws names, not several summaries of two. */
#define LEVELS (KEY_FIELDS + 1)
#define level_fields(level) (KEY_FIELDS - (level))

/* By every field; sg_sort keeps input order among equals. */
static int key_order(const void *a, const void *b, void *ctx)
{
	const struct key *x = a, *y = b;

	(void)ctx;
	for (int i = 0; i < KEY_FIELDS; i++)
		if (x->field[i] != y->field[i])
			return x->field[i] < y->field[i] ? -1 : 1;
	return 0;
}

static int same_summary(const struct key *x, const struct key *y,
			int fields)
{
	return !memcmp(x->field, y->field, (size_t)fields * sizeof(*x->field));
}

/* What a plan makes at each level: summaries. */
struct counts {
	size_t groups[LEVELS];
};

/* What folding a selection works with. */
struct folding {
	const sg_graph *g;
	const unsigned char *rel_on;
	unsigned char *in;   /* the selection, before folding */
	struct rank *ranks;  /* the selection, best first */
	size_t n;
	unsigned char *keep; /* drawn as itself */
	uint32_t *owner;     /* the drawn entity a folded one goes to */
	uint32_t *via;       /* the relation to it, SG_NONE: further out */
	uint32_t *queue;
	struct key *keys;    /* the folded entities, sorted */
	size_t nkeys;
	uint32_t *lines;     /* lines[k]: the relations among the first k */
	uint32_t *boxes;     /* boxes[k]: the first k and the boxes they are in */
	struct {
		size_t k;
		struct counts c;
	} memo[LEVELS * 64]; /* LEVELS binary searches over a size_t */
	size_t nmemo;
};

/*
 * Folds all but the first k ranked, and counts the summaries each level
 * of folding makes into groups[].
 */
static int plan(struct folding *f, size_t k, struct counts *c)
{
	const sg_graph *g = f->g;
	size_t head = 0, tail = 0;

	for (size_t i = 0; i < f->n; i++) {
		uint32_t e = f->ranks[i].entity;

		f->keep[e] = i < k;
		f->owner[e] = i < k ? e : SG_NONE;
		if (i < k)
			f->queue[tail++] = e;
	}
	for (; head < tail; head++) {
		uint32_t u = f->queue[head];

		for (int out = 1; out >= 0; out--) {
			const uint32_t *start = out ? g->out_start : g->in_start;
			const uint32_t *list = out ? g->out : g->in;

			for (uint32_t j = start[u]; j < start[u + 1]; j++) {
				const sg_relation *r = &g->relations[list[j]];
				uint32_t w = out ? r->to : r->from;

				if (!f->in[w] || f->owner[w] != SG_NONE ||
				    !relation_allowed(g, r, f->in, f->rel_on))
					continue;
				f->owner[w] = f->owner[u];
				f->via[w] = f->keep[u] ? list[j] : SG_NONE;
				f->queue[tail++] = w;
			}
		}
	}
	f->nkeys = 0;
	for (size_t e = 0; e < g->nentities; e++) {
		struct key *key = &f->keys[f->nkeys];
		uint32_t a = f->owner[e];
		const sg_relation *r;

		if (!f->in[e] || f->keep[e])
			continue;
		f->nkeys++;
		*key = (struct key){ { a, 0, SG_BOTH, g->entities[e].type_index,
				       SG_NONE }, (uint32_t)e, 1, SG_NONE };
		if (a != SG_NONE && f->via[e] == SG_NONE) {
			key->field[1] = 1;
			key->field[3] = SG_NONE;
		} else if (a != SG_NONE) {
			r = &g->relations[f->via[e]];
			key->field[2] = r->undirected ? SG_BOTH :
					r->from == a ? SG_OUT : SG_IN;
			key->field[4] = r->type_index;
		}
	}
	/* what a source counted but did not load, beside the entity that
	 * has it: as its neighbours would be, drawn or folded */
	for (size_t i = 0; i < g->nunloaded; i++) {
		const sg_unloaded *u = &g->unloaded[i];
		uint32_t a = u->index, up;

		if (a == SG_NONE || !f->in[a] || !u->count)
			continue;
		/* (those further out hang off a as if it were folded: "+N
		 * more" beside it, or beside what it is folded beside) */
		up = f->keep[a] && u->further ? a : f->owner[a];
		f->keys[f->nkeys++] = f->keep[a] && !u->further ?
			(struct key){ { a, 0, u->dir, u->type_index,
					u->relation_index }, SG_NONE,
				      u->count, (uint32_t)i } :
			(struct key){ { up, up != SG_NONE, SG_BOTH,
					up != SG_NONE ? SG_NONE :
							u->type_index,
					SG_NONE }, SG_NONE, u->count,
				      (uint32_t)i };
	}
	if (sg_sort(f->keys, f->nkeys, sizeof(*f->keys), key_order, NULL))
		return -1;
	for (int l = 0; l < LEVELS; l++) {
		c->groups[l] = 0;
		for (size_t i = 0; i < f->nkeys; i++)
			c->groups[l] += !i || !same_summary(&f->keys[i - 1],
							    &f->keys[i],
							    level_fields(l));
	}
	return 0;
}

/* The summaries plan makes of the first k, remembered: the binary
 * searches of fold ask again for the same k. */
static int plan_memo(struct folding *f, size_t k, struct counts *c)
{
	for (size_t i = 0; i < f->nmemo; i++)
		if (f->memo[i].k == k) {
			*c = f->memo[i].c;
			return 0;
		}
	if (plan(f, k, c))
		return -1;
	if (f->nmemo < SG_ARRAY_SIZE(f->memo)) {
		f->memo[f->nmemo].k = k;
		f->memo[f->nmemo++].c = *c;
	}
	return 0;
}

/* Adds the plural of a type's name to b, by English rules on its last
 * letter; a name that ends in no Latin letter stays as it is. */
static int add_plural(sg_buf *b, const char *s)
{
	size_t n = strlen(s);
	char last = n ? s[n - 1] : 0, before = n > 1 ? s[n - 2] : 'a';

	if (!((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z')))
		return sg_buf_adds(b, s);
	if (last == 'y' && !strchr("aeiou", before))
		return sg_buf_add(b, s, n - 1) || sg_buf_adds(b, "ies");
	if (strchr("sxz", last) || (last == 'h' && strchr("cs", before)))
		return sg_buf_adds(b, s) || sg_buf_adds(b, "es");
	return sg_buf_adds(b, s) || sg_buf_adds(b, "s");
}

/* The entities summary s stands for. */
static uint32_t total(const struct sg_fold *s)
{
	return s->count + s->more;
}

/* Adds summary s's id and label to v->labels, each ending in a NUL. */
static int add_names(sg_view *v, struct sg_fold *s)
{
	const sg_type *t = s->type != SG_NONE ? &v->graph->types[s->type] :
						NULL;
	const char *name = !t ? "entity" : t->label ? t->label : t->id;
	sg_buf *b = &v->labels;

	s->id = b->len;
	if (sg_buf_addf(b, "fold:%zu", v->nfolds + 1) || sg_buf_add(b, "", 1))
		return -1;
	s->label = b->len;
	if (s->further)
		return sg_buf_addf(b, "+%" PRIu32 " more", total(s)) ||
		       sg_buf_add(b, "", 1);
	return sg_buf_addf(b, "%" PRIu32 " ", total(s)) ||
	       (total(s) == 1 ? sg_buf_adds(b, name) :
		!t ? sg_buf_adds(b, "entities") : add_plural(b, name)) ||
	       sg_buf_add(b, "", 1);
}

/* The summaries of f's plan at a level, of the folded entities the view
 * still leaves out, and the relations that join each to its entity. */
static int summarise(sg_view *v, const struct folding *f, int level)
{
	const sg_graph *g = v->graph;
	int fields = level_fields(level);
	size_t j, listed = 0;

	v->fold_of = malloc((g->nentities + 1) * sizeof(*v->fold_of));
	v->members = malloc((f->nkeys + 1) * sizeof(*v->members));
	v->folds = malloc((f->nkeys + 1) * sizeof(*v->folds));
	v->fold_of_unloaded = malloc((g->nunloaded + 1) *
				     sizeof(*v->fold_of_unloaded));
	if (!v->fold_of || !v->members || !v->folds || !v->fold_of_unloaded)
		return -1;
	for (size_t e = 0; e < g->nentities; e++)
		v->fold_of[e] = SG_NONE;
	for (size_t i = 0; i < g->nunloaded; i++)
		v->fold_of_unloaded[i] = SG_NONE;
	for (size_t i = 0; i < f->nkeys; i = j) {
		const uint32_t *k = f->keys[i].field;
		struct sg_fold *s = &v->folds[v->nfolds];
		/* what a coarser key leaves out is still said where all
		 * its entities agree */
		uint32_t same[KEY_FIELDS];

		*s = (struct sg_fold){ .anchor = k[0], .relation = SG_NONE,
				       .type = SG_NONE, .dir = SG_BOTH,
				       .further = (int)k[1],
				       .first = (uint32_t)listed };
		memcpy(same, k, sizeof(same));
		for (j = i; j < f->nkeys &&
			    same_summary(&f->keys[i], &f->keys[j], fields); j++) {
			const struct key *key = &f->keys[j];
			uint32_t e = key->entity;

			if (e != SG_NONE && v->entity_on[e])
				continue;
			if (!s->count && !s->more)
				memcpy(same, key->field, sizeof(same));
			for (int l = fields; l < KEY_FIELDS; l++)
				if (same[l] != key->field[l])
					same[l] = l == 2 ? SG_BOTH : SG_NONE;
			if (e != SG_NONE) {
				v->fold_of[e] = (uint32_t)v->nfolds;
				s->count++;
				continue;
			}
			s->more += key->weight;
			v->fold_of_unloaded[key->unloaded] =
				(uint32_t)v->nfolds;
			/* (each joined to the anchor by one relation at
			 * least: the one counted; more where its source
			 * counted them) */
			if (!key->field[1] && key->field[0] == k[0] &&
			    k[0] != SG_NONE)
				s->relations += g->unloaded[key->unloaded]
					.relations ? g->unloaded[
					key->unloaded].relations : key->weight;
			/* (and those beside another, joined to the anchor
			 * too, where their source counted them) */
			else if (k[0] != SG_NONE &&
				 g->unloaded[key->unloaded].near_index == k[0])
				s->relations += g->unloaded[key->unloaded]
					.near_relations;
		}
		listed += s->count;
		v->ncut += total(s);
		/* the entities of several drawn ones (keys sort by anchor,
		 * none last) are "+N more" beside the first */
		s->further = same[1] != 0 || (same[0] == SG_NONE &&
					      k[0] != SG_NONE);
		s->dir = (sg_direction)same[2];
		s->type = same[3];
		s->relation = same[4];
		if (total(s) && add_names(v, s))
			return -1;
		v->nfolds += total(s) != 0;
	}
	/* each summary's entities in input order: counted again */
	for (size_t i = 0; i < v->nfolds; i++)
		v->folds[i].count = 0;
	for (size_t e = 0; e < g->nentities; e++) {
		struct sg_fold *s = v->fold_of[e] != SG_NONE ?
			&v->folds[v->fold_of[e]] : NULL;

		if (s)
			v->members[s->first + s->count++] = (uint32_t)e;
	}
	for (size_t i = 0; i < g->nrelations; i++) {
		const sg_relation *r = &g->relations[i];
		uint32_t a = r->from, b = r->to;

		if (a == b || !relation_allowed(g, r, f->in, f->rel_on))
			continue;
		if (v->fold_of[a] != SG_NONE)
			a = r->to, b = r->from;
		if (v->entity_on[a] && v->fold_of[b] != SG_NONE &&
		    v->folds[v->fold_of[b]].anchor == a)
			v->folds[v->fold_of[b]].relations++;
	}
	return 0;
}

/* Whether summary s may name its entities, with names for budget. */
static int names(const struct sg_fold *s, size_t budget)
{
	return !s->further && total(s) <= budget;
}

/* Each summary's share of budget names, lo at most, into its share (as
 * if all its entities were loaded, as a file's are: what a source that
 * counted some asks names for) or, when loaded, its named (only those
 * loaded have names); what an equal share leaves over, one more each, in
 * order. */
static void share_out(sg_view *v, size_t budget, size_t lo, int loaded)
{
	size_t used = 0;

	for (size_t i = 0; i < v->nfolds; i++) {
		struct sg_fold *s = &v->folds[i];
		uint32_t most = loaded ? s->count : total(s);
		uint32_t n = !names(s, budget) ? 0 :
			     total(s) < lo ? total(s) : (uint32_t)lo;

		n = n < most ? n : most;
		*(loaded ? &s->named : &s->share) = n;
		used += n;
	}
	for (size_t i = 0; i < v->nfolds && used < budget; i++) {
		struct sg_fold *s = &v->folds[i];
		uint32_t *n = loaded ? &s->named : &s->share;

		if (names(s, budget) && *n < (loaded ? s->count : total(s))) {
			++*n;
			used++;
		}
	}
}

/*
 * How many of its entities each summary names: a box of names says who
 * it holds, which a printed page cannot otherwise tell ("28 entities"
 * beside Valjean named none of them). Names are denser than boxes (a
 * grid of them, no line each): a drawing names as many as a page holds
 * boxes (budget) less those it draws. A summary of more than that names
 * none (722 names of a hub's neighbours would shrink its page past
 * reading, and a few of them say little); past the budget, the others
 * name an equal share each, the smaller ones all theirs, and say "+K
 * more" of the rest. Those further out name none: no single line joins
 * them to the drawing.
 */
static void name_members(sg_view *v, size_t budget)
{
	size_t lo = 0, hi = 0, used = v->nfolds;

	for (size_t e = 0; e < v->graph->nentities; e++)
		used += v->entity_on[e];
	budget = budget > used ? budget - used : 0;
	for (size_t i = 0; i < v->nfolds; i++)
		if (names(&v->folds[i], budget) && total(&v->folds[i]) > hi)
			hi = total(&v->folds[i]);
	/* the largest share whose names fit the budget */
	while (lo < hi) {
		size_t share = lo + (hi - lo + 1) / 2, sum = 0;

		for (size_t i = 0; i < v->nfolds; i++)
			if (names(&v->folds[i], budget))
				sum += total(&v->folds[i]) < share ?
					total(&v->folds[i]) : share;
		if (sum <= budget)
			lo = share;
		else
			hi = share - 1;
	}
	share_out(v, budget, lo, 0);
	share_out(v, budget, lo, 1);
}

/* Whether a source counted neighbours of the selection it did not load:
 * then they are folded, however few the rest. */
static int unloaded(const struct folding *f)
{
	for (size_t i = 0; i < f->g->nunloaded; i++) {
		const sg_unloaded *u = &f->g->unloaded[i];

		if (u->index != SG_NONE && f->in[u->index] && u->count)
			return 1;
	}
	return 0;
}

/* The relations of e that would be drawn if it were: those to the
 * entities drawn and to itself (at least the one to the summary's
 * entity). */
static size_t drawn_lines(const struct folding *f, const unsigned char *on,
			  uint32_t e)
{
	const sg_graph *g = f->g;
	size_t n = 0;

	for (int out = 1; out >= 0; out--) {
		const uint32_t *start = out ? g->out_start : g->in_start;
		const uint32_t *list = out ? g->out : g->in;

		for (uint32_t j = start[e]; j < start[e + 1]; j++) {
			const sg_relation *r = &g->relations[list[j]];
			uint32_t w = out ? r->to : r->from;

			/* (a loop, once) */
			n += (on[w] || (w == e && out)) &&
			     relation_allowed(g, r, f->in, f->rel_on);
		}
	}
	return n ? n : 1;
}

/*
 * Folds the selection (v->entity_on) into at most max boxes, as said
 * above, and keeps the parents of what it draws (keep_parents): a parent
 * drawn as a box is no longer folded. dist: steps from the focus.
 */
/*
 * f->boxes[k]: the boxes drawn when the first k ranked are, counting the
 * parents keep_parents draws around them (a kept entity 20,000 parents
 * deep brought them all back past the budget). Each entity is counted
 * once, the first time a chain reaches it, so this is linear. f->keep is
 * borrowed as the mark and left cleared.
 */
static void count_boxes(struct folding *f, const unsigned char *allowed)
{
	const sg_graph *g = f->g;
	uint32_t count = 0;

	f->boxes[0] = 0;
	for (size_t i = 0; i < f->n; i++) {
		uint32_t e = f->ranks[i].entity;

		count += !f->keep[e];
		for (; e != SG_NONE && !f->keep[e]; e = g->entities[e].parent) {
			f->keep[e] = 1;
			count += e != f->ranks[i].entity && allowed[e];
		}
		f->boxes[i + 1] = count;
	}
	for (size_t i = 0; i < f->n; i++)
		for (uint32_t e = f->ranks[i].entity; e != SG_NONE && f->keep[e];
		     e = g->entities[e].parent)
			f->keep[e] = 0;
}

/*
 * A summary of one entity takes a box as the entity would, and tells less;
 * but drawn, it brings all its relations to what is drawn, not the
 * summary's one line: only while they fit. Marks those of the plan's keys
 * at level that are drawn so in on[] (what is drawn), given the lines
 * drawn already; how many.
 */
static size_t promote(const struct folding *f, unsigned char *on, int level,
		      size_t lines, size_t most_lines)
{
	size_t n = 0;

	for (size_t i = 0, j; i < f->nkeys; i = j) {
		for (j = i + 1; j < f->nkeys &&
				same_summary(&f->keys[i], &f->keys[j],
					     level_fields(level)); j++)
			;
		if (j == i + 1 && f->keys[i].field[0] != SG_NONE &&
		    !f->keys[i].field[1] && f->keys[i].entity != SG_NONE) {
			size_t more = drawn_lines(f, on, f->keys[i].entity);

			if (lines + more - 1 <= most_lines) {
				on[f->keys[i].entity] = 1;
				lines += more - 1;
				n++;
			}
		}
	}
	return n;
}

static int fold(sg_view *v, const uint32_t *dist, size_t max,
		size_t max_lines, const unsigned char *allowed,
		const unsigned char *rel_on)
{
	const sg_graph *g = v->graph;
	size_t n1 = g->nentities + 1, kmin = 0, k, named, more, lines = 0;
	size_t top;
	unsigned char *scratch = malloc(n1);
	struct counts c;
	size_t most_lines = max_lines && max_lines < max + max / 2 ?
		max_lines : max + max / 2;
	struct folding f = { g, rel_on, malloc(n1), malloc(n1 * sizeof(*f.ranks)),
			     0, calloc(n1, 1), malloc(n1 * sizeof(*f.owner)),
			     malloc(n1 * sizeof(*f.via)),
			     malloc(n1 * sizeof(*f.queue)),
			     malloc((n1 + g->nunloaded) * sizeof(*f.keys)), 0,
			     calloc(n1 + 1, sizeof(*f.lines)),
			     malloc((n1 + 1) * sizeof(*f.boxes)),
			     { { 0, { { 0 } } } }, 0 };
	int level, chosen, all, r = -1;

	v->degree = calloc(n1, sizeof(*v->degree));
	if (!f.in || !f.ranks || !f.keep || !f.owner || !f.via || !f.queue ||
	    !f.keys || !f.lines || !f.boxes || !v->degree || !scratch)
		goto done;
	memcpy(f.in, v->entity_on, n1);
	for (size_t i = 0; i < g->nrelations; i++) {
		const sg_relation *rel = &g->relations[i];

		if (!relation_allowed(g, rel, f.in, rel_on))
			continue;
		v->degree[rel->from]++;
		v->degree[rel->to] += rel->to != rel->from;
		lines++;
	}
	/* (the relations a source did not load count as theirs; where it
	 * counted all of one's, they are its rank) */
	for (size_t i = 0; i < g->nunloaded; i++)
		if (g->unloaded[i].index != SG_NONE &&
		    f.in[g->unloaded[i].index])
			v->degree[g->unloaded[i].index] +=
				g->unloaded[i].links;
	for (size_t i = 0; i < g->nunloaded; i++)
		if (g->unloaded[i].index != SG_NONE &&
		    f.in[g->unloaded[i].index] && g->unloaded[i].degree)
			v->degree[g->unloaded[i].index] =
				g->unloaded[i].degree;
	for (size_t e = 0; e < g->nentities; e++) {
		if (!f.in[e])
			continue;
		f.ranks[f.n++] = (struct rank){ (uint32_t)e, dist[e],
						v->degree[e] };
		kmin += v->focus[e];
	}
	if (f.n <= max && (!kmin || !max_lines || lines <= max_lines) &&
	    !unloaded(&f)) {
		r = keep_parents(v, allowed);
		goto done;
	}
	if (sg_sort(f.ranks, f.n, sizeof(*f.ranks), rank_order, NULL))
		goto done;
	/* the relations drawn when the first k are: those whose ends both
	 * rank before k (owner holds each one's rank meanwhile) */
	for (size_t i = 0; i < f.n; i++)
		f.owner[f.ranks[i].entity] = (uint32_t)i;
	for (size_t i = 0; i < g->nrelations; i++) {
		const sg_relation *rel = &g->relations[i];
		uint32_t a = f.owner[rel->from], b = f.owner[rel->to];

		if (relation_allowed(g, rel, f.in, rel_on))
			f.lines[(a > b ? a : b) + 1]++;
	}
	for (size_t i = 0; i < f.n; i++)
		f.lines[i + 1] += f.lines[i];
	count_boxes(&f, allowed);
	kmin = kmin ? kmin : 1;
	/* names first: the level that draws the most entities as themselves
	 * (a summary's box is one an entity could have had), the finest of
	 * those; drawing one entity more makes at most one summary less, so
	 * the boxes grow with k, and a binary search finds each level's k */
	/* (fewer than max entities are folded for their lines: one at least) */
	top = max < f.n ? max : f.n;
	/* (all of them may be drawn when those not loaded are the summaries) */
	all = top == f.n && unloaded(&f);
	k = kmin;
	named = 0;
	chosen = LEVELS - 1;
	for (level = 0; level < LEVELS; level++) {
		size_t lo = kmin, hi = top > kmin ? top - !all : kmin, best = 0;

		while (lo <= hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (plan_memo(&f, mid, &c))
				goto done;
			if (f.boxes[mid] + c.groups[level] > max ||
			    f.lines[mid] + c.groups[level] > most_lines) {
				hi = mid - 1;
			} else {
				best = mid;
				lo = mid + 1;
			}
		}
		/* (plan, not its memo: the keys are what promote reads) */
		if (!best)
			continue;
		if (plan(&f, best, &c))
			goto done;
		memcpy(scratch, f.keep, n1);
		more = promote(&f, scratch, level, f.lines[best] +
			       c.groups[level], most_lines);
		if (best + more > named) {
			named = best + more;
			k = best;
			chosen = level;
		}
	}
	level = chosen;
	if (plan(&f, k, &c))
		goto done;
	for (size_t i = 0; i < f.n; i++)
		v->entity_on[f.ranks[i].entity] = f.keep[f.ranks[i].entity];
	promote(&f, v->entity_on, level, f.lines[k] + c.groups[level],
		most_lines);
	r = keep_parents(v, allowed) || summarise(v, &f, level) ? -1 : 0;
	if (!r)
		name_members(v, max);
done:
	free(f.in);
	free(f.ranks);
	free(f.keep);
	free(f.owner);
	free(f.via);
	free(f.queue);
	free(f.keys);
	free(f.lines);
	free(f.boxes);
	free(scratch);
	return r;
}

size_t sg_view_cut_count(const sg_view *v)
{
	return v->ncut;
}

/* The entities within o->depth steps of the focus, and the relations among
 * them; or with no focus, every entity allowed. */
static int select_focus(sg_view *v, const sg_select_opts *o,
			const unsigned char *seeds,
			const unsigned char *allowed,
			const unsigned char *rel_on)
{
	const sg_graph *g = v->graph;
	uint32_t *dist = malloc((g->nentities + 1) * sizeof(*dist));

	if (!dist)
		return -1;
	for (size_t e = 0; e < g->nentities; e++)
		dist[e] = o->nfocus ? (v->focus[e] ? 0 : FAR) :
			  !allowed[e] ? FAR : !seeds ? 0 :
			  seeds[e] ? (uint32_t)seeds[e] - 1 : FAR;
	if (walk(g, dist, o->direction, (uint32_t)o->depth, allowed,
		 rel_on)) {
		free(dist);
		return -1;
	}
	for (size_t e = 0; e < g->nentities; e++)
		v->entity_on[e] = dist[e] != FAR;
	if ((o->max_entities ? fold(v, dist, o->max_entities, o->max_lines,
				    allowed, rel_on) :
			       keep_parents(v, allowed)) ||
	    number_boxes(v)) {
		free(dist);
		return -1;
	}
	for (size_t i = 0; i < g->nrelations; i++) {
		const sg_relation *r = &g->relations[i];

		v->relation_on[i] = relation_allowed(g, r, v->entity_on,
						     rel_on);
		/* dist still tells what was selected before folding */
		v->nselected_relations += v->relation_on[i] ||
			(dist[r->from] != FAR && dist[r->to] != FAR &&
			 !r->duplicate &&
			 type_on(g, 1, rel_on, r->type_index));
	}
	free(dist);
	return 0;
}

/* The filters a selection names, by kind: flags for name_filters. */
enum { BY_TYPE = 1, BY_WHERE = 2, BY_EXCLUDE = 4, BY_RELATION = 8 };

/* The options of the kinds asked for, as the user wrote them, into b
 * (where: the one of index where, or every one if SIZE_MAX). */
static int name_filters(sg_buf *b, const sg_select_opts *o, int kinds,
			size_t where)
{
	const struct {
		int kind;
		const char *option;
		const char *const *values;
		size_t n;
	} opts[] = {
		{ BY_TYPE, "--type", o->entity_types, o->nentity_types },
		{ BY_TYPE, "--exclude-type", o->exclude_types,
		  o->nexclude_types },
		{ BY_WHERE, "--where", o->where, o->nwhere },
		{ BY_EXCLUDE, "--exclude", o->exclude, o->nexclude },
		{ BY_RELATION, "--relation", o->relation_types,
		  o->nrelation_types },
		{ BY_RELATION, "--exclude-relation", o->exclude_relations,
		  o->nexclude_relations },
	};
	int r = 0;

	sg_buf_reset(b);
	for (size_t i = 0; i < SG_ARRAY_SIZE(opts); i++)
		for (size_t k = 0; (opts[i].kind & kinds) && k < opts[i].n;
		     k++)
			if (opts[i].kind != BY_WHERE || where == SIZE_MAX ||
			    where == k)
				r |= sg_buf_addf(b, "%s%s %s",
						 b->len ? " " : "",
						 opts[i].option,
						 opts[i].values[k]);
	return r;
}

/* Whether anything beside the focus is on in on[]. */
static int any_but_focus(const sg_view *v, const unsigned char *on)
{
	for (size_t e = 0; e < v->graph->nentities; e++)
		if (on[e] && !v->focus[e])
			return 1;
	return 0;
}

/* Whether o filters what a selection keeps, beyond its focus and depth. */
static int filters(const sg_select_opts *o)
{
	return o->nentity_types || o->nexclude_types || o->nwhere ||
	       o->nexclude || o->nrelation_types || o->nexclude_relations;
}

/* Leaves on in keep[] only the entities a relation of a kept type joins
 * to another kept one, and the focus: what --relation asks to see. */
static int touched_only(const sg_view *v, unsigned char *keep,
			const unsigned char *rel_on)
{
	const sg_graph *g = v->graph;
	unsigned char *touched = calloc(g->nentities + 1, 1);

	if (!touched)
		return -1;
	for (size_t i = 0; i < g->nrelations; i++)
		if (relation_allowed(g, &g->relations[i], keep, rel_on))
			touched[g->relations[i].from] =
				touched[g->relations[i].to] = 1;
	for (size_t e = 0; e < g->nentities; e++)
		keep[e] &= touched[e] || v->focus[e];
	free(touched);
	return 0;
}

/*
 * Fails when the filters left nothing beside the focus of what it reaches
 * without them (of the graph, without a focus), naming the filter after
 * which, applied in turn, nothing was left, as the user wrote it; all of
 * them where only together they empty it. 0 when it is not their doing.
 */
static int nothing_left(const sg_view *v, const sg_select_opts *o,
			const unsigned char *seeds,
			const unsigned char *ent_type_on,
			const unsigned char *rel_on, sg_error *err)
{
	const sg_graph *g = v->graph;
	size_t n = g->nentities, nall = n > g->nrelation_types ? n :
						 g->nrelation_types;
	uint32_t *dist = malloc((n + 1) * sizeof(*dist));
	unsigned char *left = malloc(n + 1), *all = malloc(nall + 1);
	sg_buf what = SG_BUF_INIT, text = SG_BUF_INIT;
	int r = -1;

	if (!dist || !left || !all)
		goto done;
	memset(all, 1, nall + 1);
	for (size_t e = 0; e < n; e++)
		dist[e] = o->nfocus ? (v->focus[e] ? 0 : FAR) : !seeds ? 0 :
			  seeds[e] ? (uint32_t)seeds[e] - 1 : FAR;
	if (walk(g, dist, o->direction, (uint32_t)o->depth, all, all))
		goto done;
	for (size_t e = 0; e < n; e++)
		left[e] = dist[e] != FAR;
	r = 0;
	if (!any_but_focus(v, left))
		goto done;
	r = name_filters(&what, o, BY_TYPE, 0);
	for (size_t e = 0; e < n; e++)
		left[e] &= type_on(g, 0, ent_type_on,
				   g->entities[e].type_index);
	for (size_t k = 0; !r && k < o->nwhere && any_but_focus(v, left);
	     k++) {
		sg_select_opts one = { .where = &o->where[k], .nwhere = 1 };

		r = name_filters(&what, o, BY_WHERE, k);
		for (size_t e = 0; e < n; e++)
			left[e] &= where_on(&one, &g->entities[e], &text);
	}
	if (!r && any_but_focus(v, left)) {
		r = name_filters(&what, o, BY_EXCLUDE, 0);
		for (size_t k = 0; k < o->nexclude; k++)
			left[find(g, o->exclude[k], err)] = 0;
	}
	if (!r && any_but_focus(v, left))
		r = name_filters(&what, o, BY_RELATION, 0) ||
		    touched_only(v, left, rel_on);
	if (!r && any_but_focus(v, left))
		r = name_filters(&what, o, ~0, SIZE_MAX);
	if (r)
		goto done;
	if (o->nfocus)
		r = sg_fail(err, SG_ENOTHING, NULL, 0, 0,
			    "nothing is selected: no entity within %d step%s "
			    "of '%s' is left after %s (--allow-empty draws "
			    "the focus alone)", o->depth,
			    o->depth == 1 ? "" : "s", o->focus[0],
			    sg_buf_str(&what));
	else
		r = sg_fail(err, SG_ENOTHING, NULL, 0, 0,
			    "nothing is selected: no entity is left after %s "
			    "(--allow-empty draws an empty picture)",
			    sg_buf_str(&what));
done:
	if (r < 0)
		nomem(err);
	free(dist);
	free(left);
	free(all);
	sg_buf_release(&what);
	sg_buf_release(&text);
	return r;
}

sg_view *sg_select(const sg_graph *g, const sg_select_opts *o, sg_error *err)
{
	return sg_select_from(g, o, NULL, err);
}

/* A view of graph g with nothing in it yet; NULL when out of memory. */
static sg_view *view_new(const sg_graph *g)
{
	sg_view *v = calloc(1, sizeof(*v));

	if (!v)
		return NULL;
	v->graph = g;
	v->entity_on = calloc(g->nentities + 1, 1);
	v->relation_on = calloc(g->nrelations + 1, 1);
	v->focus = calloc(g->nentities + 1, 1);
	v->shown = malloc((g->nentities + 1) * sizeof(*v->shown));
	v->shown_relations = malloc((g->nrelations + 1) *
				    sizeof(*v->shown_relations));
	if (v->entity_on && v->relation_on && v->focus && v->shown &&
	    v->shown_relations)
		return v;
	sg_view_free(v);
	return NULL;
}

sg_view *sg_select_from(const sg_graph *g, const sg_select_opts *o,
			const unsigned char *seeds, sg_error *err)
{
	sg_view *v;
	unsigned char *rel_on = NULL, *ent_type_on = NULL, *allowed = NULL;
	sg_buf text = SG_BUF_INIT;
	int r = -1;

	if (!g->resolved) {
		sg_fail(err, SG_EUSAGE, NULL, 0, 0,
			"the graph must be resolved before selection");
		return NULL;
	}
	v = view_new(g);
	allowed = calloc(g->nentities + 1, 1);
	if (!v || !allowed) {
		nomem(err);
		goto done;
	}
	if (!(rel_on = type_mask(g, 1, o->relation_types, o->nrelation_types,
				 o->exclude_relations, o->nexclude_relations,
				 err)) ||
	    !(ent_type_on = type_mask(g, 0, o->entity_types, o->nentity_types,
				      o->exclude_types, o->nexclude_types,
				      err)))
		goto done;
	for (size_t k = 0; k < o->nwhere; k++)
		if (!strchr(o->where[k], '=') || o->where[k][0] == '=') {
			sg_fail(err, SG_EUSAGE, NULL, 0, 0,
				"'%s' is no KEY=VALUE", o->where[k]);
			goto done;
		}
	for (size_t k = 0; k < o->nfocus; k++) {
		int64_t e = find(g, o->focus[k], err);

		if (e < 0)
			goto done;
		v->focus[e] = 1;
	}
	for (size_t e = 0; e < g->nentities; e++)
		allowed[e] = v->focus[e] ||
			     (type_on(g, 0, ent_type_on, g->entities[e].type_index) &&
			      where_on(o, &g->entities[e], &text));
	/* what is excluded is excluded, the focus too */
	for (size_t k = 0; k < o->nexclude; k++) {
		int64_t e = find(g, o->exclude[k], err);

		if (e < 0)
			goto done;
		if (v->focus[e]) {
			sg_fail(err, SG_EUSAGE, NULL, 0, 0,
				"'%s' is both the focus and excluded",
				o->exclude[k]);
			goto done;
		}
		allowed[e] = 0;
	}
	if (o->path_from && o->path_to)
		r = select_paths(v, o, allowed, rel_on, err);
	else if ((o->nrelation_types && touched_only(v, allowed, rel_on)) ||
		 select_focus(v, o, seeds, allowed, rel_on))
		r = nomem(err);
	else if (!o->allow_empty && filters(o) && !v->ncut &&
		 !any_but_focus(v, v->entity_on))
		r = nothing_left(v, o, seeds, ent_type_on, rel_on, err);
	else
		r = 0;
	for (size_t i = 0; !r && i < g->nrelations; i++)
		if (v->relation_on[i])
			v->shown_relations[v->nshown_relations++] = (uint32_t)i;
	for (size_t e = 0; !r && e < g->nentities; e++)
		if (v->entity_on[e])
			v->shown[v->nshown++] = (uint32_t)e;
	if (o->path_from && o->path_to) /* paths are never folded */
		v->nselected_relations = v->nshown_relations;
done:
	if (v && !r)
		v->rel_on = rel_on;
	else
		free(rel_on);
	free(ent_type_on);
	free(allowed);
	sg_buf_release(&text);
	if (!r)
		return v;
	sg_view_free(v);
	return NULL;
}

sg_view *sg_view_unfold(const sg_view *v, size_t i, sg_error *err)
{
	const sg_graph *g = v->graph;
	const struct sg_fold *s = i < v->nfolds ? &v->folds[i] : NULL;
	sg_view *u;

	if (!s || total(s) > SG_UNFOLD_MAX || !v->rel_on) {
		sg_fail(err, SG_EUSAGE, NULL, 0, 0, "no summary %zu of at most "
			"%d entities to unfold", i + 1, SG_UNFOLD_MAX);
		return NULL;
	}
	if (!(u = view_new(g)) ||
	    !(u->rel_on = malloc(g->nrelation_types + 1))) {
		sg_view_free(u);
		nomem(err);
		return NULL;
	}
	memcpy(u->rel_on, v->rel_on, g->nrelation_types + 1);
	if (s->anchor != SG_NONE)
		u->entity_on[s->anchor] = u->focus[s->anchor] = 1;
	for (uint32_t j = 0; j < s->count; j++)
		u->entity_on[v->members[s->first + j]] = 1;
	for (size_t k = 0; k < g->nrelations; k++)
		if ((u->relation_on[k] = relation_allowed(g, &g->relations[k],
							  u->entity_on,
							  u->rel_on)))
			u->shown_relations[u->nshown_relations++] =
				(uint32_t)k;
	u->nselected_relations = u->nshown_relations;
	/* no parent boxes: what the summary holds, as it was folded */
	if (!(u->up = malloc((g->nentities + 1) * sizeof(*u->up)))) {
		sg_view_free(u);
		nomem(err);
		return NULL;
	}
	for (size_t e = 0; e < g->nentities; e++)
		u->up[e] = SG_NONE;
	if (number_boxes(u)) {
		sg_view_free(u);
		nomem(err);
		return NULL;
	}
	for (size_t e = 0; e < g->nentities; e++)
		if (u->entity_on[e])
			u->shown[u->nshown++] = (uint32_t)e;
	return u;
}

size_t sg_view_entity_count(const sg_view *v)
{
	return v->nshown;
}

size_t sg_view_relation_count(const sg_view *v)
{
	return v->nshown_relations;
}

/* Entity e's id, name and type into info. */
static void entity_info(const sg_graph *g, uint32_t e, sg_entity_info *info)
{
	const sg_entity *ent = &g->entities[e];

	info->id = ent->id;
	info->name = ent->name ? ent->name : ent->id;
	info->type = ent->type ? ent->type : "";
}

int sg_view_entity(const sg_view *v, size_t i, sg_entity_info *info)
{
	const sg_graph *g = v->graph;
	uint32_t e;

	if (i >= v->nshown)
		return -1;
	e = v->shown[i];
	entity_info(g, e, info);
	info->degree = 0;
	for (uint32_t k = g->out_start[e]; k < g->out_start[e + 1]; k++)
		info->degree += v->relation_on[g->out[k]];
	for (uint32_t k = g->in_start[e]; k < g->in_start[e + 1]; k++)
		info->degree += v->relation_on[g->in[k]];
	return 0;
}

size_t sg_view_summary_count(const sg_view *v)
{
	return v->nfolds;
}

int sg_view_summary(const sg_view *v, size_t i, sg_summary_info *info)
{
	const sg_graph *g = v->graph;
	const struct sg_fold *s = i < v->nfolds ? &v->folds[i] : NULL;

	if (!s)
		return -1;
	info->id = v->labels.buf + s->id;
	info->label = v->labels.buf + s->label;
	info->entity = s->anchor != SG_NONE ? g->entities[s->anchor].id : NULL;
	info->relation = s->relation != SG_NONE ?
		g->relation_types[s->relation].id : NULL;
	info->direction = s->dir;
	info->type = s->type != SG_NONE ? g->types[s->type].id : NULL;
	info->further = s->further;
	info->entities = total(s);
	info->unloaded = s->more;
	info->named = s->named;
	info->relations = s->relations;
	return 0;
}

int sg_view_folded(const sg_view *v, size_t i, size_t j, sg_entity_info *info)
{
	uint32_t e;

	if (i >= v->nfolds || j >= v->folds[i].count)
		return -1;
	e = v->members[v->folds[i].first + j];
	entity_info(v->graph, e, info);
	info->degree = v->degree[e];
	return 0;
}

int sg_view_relation(const sg_view *v, size_t i, sg_relation_info *info)
{
	const sg_graph *g = v->graph;
	const sg_relation *rel;
	const sg_type *t;

	if (i >= v->nshown_relations)
		return -1;
	rel = &g->relations[v->shown_relations[i]];
	t = &g->relation_types[rel->type_index];
	info->from = g->entities[rel->from].id;
	info->to = g->entities[rel->to].id;
	info->type = rel->type;
	info->label = rel->label ? rel->label : t->label ? t->label : "";
	info->directed = !rel->undirected;
	return 0;
}

int sg_view_stats(const sg_view *v, sg_stats *s, sg_error *err)
{
	const sg_graph *g = v->graph;
	unsigned char *seen = calloc(g->ntypes + g->nrelation_types +
					     g->nsources + 1, 1);

	memset(s, 0, sizeof(*s));
	s->entities = v->nshown;
	s->relations = v->nshown_relations;
	s->summaries = v->nfolds;
	s->folded = v->ncut;
	for (size_t i = 0; i < v->nfolds; i++)
		s->named += v->folds[i].named;
	s->selected_entities = v->nshown + v->ncut;
	s->selected_relations = v->nselected_relations;
	s->read_entities = g->nentities;
	for (size_t i = 0; i < g->nrelations; i++)
		s->read_relations += !g->relations[i].duplicate;
	if (!seen)
		return nomem(err);
	for (size_t k = 0; k < v->nshown; k++) {
		const sg_entity *e = &g->entities[v->shown[k]];
		size_t t = e->type_index;

		if (t == SG_NONE)
			continue;
		s->entity_types += !seen[t];
		seen[t] = 1;
	}
	for (size_t i = 0; i < g->nrelations; i++) {
		const sg_relation *r = &g->relations[i];
		size_t t;

		if (!v->relation_on[i])
			continue;
		t = g->ntypes + r->type_index;
		s->relation_types += !seen[t];
		seen[t] = 1;
		if (r->source_index == SG_NONE)
			continue;
		t = g->ntypes + g->nrelation_types + r->source_index;
		s->sources += !seen[t];
		seen[t] = 1;
	}
	free(seen);
	return 0;
}
