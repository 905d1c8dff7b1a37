/* Comparing two versions of a graph: what was added, removed or changed,
 * and one graph of both versions to draw it, laid out once. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* An entity or relation of the diff's graph: its status, its changes
 * (changes[first .. first + n)), and them as a tooltip's lines. */
struct mark {
	sg_status status;
	size_t first, n;
	const char *lines;
};

struct sg_diff {
	sg_graph *graph; /* the new version's entities and relations, then
			    the removed ones of the old */
	struct mark *entities, *relations;
	sg_change *changes;
	size_t nchanges, achanges;
	sg_diff_stats stats;
	sg_buf scratch;
};

static const char *const status_names[] = { "same", "added", "removed",
					     "changed" };

/* What matching needs along the way. */
struct match {
	const sg_graph *old, *new;
	uint32_t *to_new;  /* by old entity: the new one it is, or SG_NONE */
	uint32_t *to_old;  /* the same the other way */
	uint32_t rel_old;  /* candidate search: the old entity looked for */
	int64_t found;
	sg_buf a, b, key;
};

static int nomem(sg_error *err)
{
	return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
}

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static int by_string(const void *a, const void *b, void *ctx)
{
	const char *base = ctx;

	return strcmp(base + *(const size_t *)a, base + *(const size_t *)b);
}

/* The relations of entity e of g as sorted lines "DIRECTION TYPE OTHER",
 * into out: OTHER is the other end as the new version names it (an old
 * entity not matched gets a name no new one has). */
static int signature(const struct match *m, const sg_graph *g, uint32_t e,
		     sg_buf *out)
{
	sg_buf lines = SG_BUF_INIT;
	size_t *at = NULL, n = 0, alloc = 0;
	int r = 0;

	sg_buf_reset(out);
	for (int dir = 0; dir < 2 && !r; dir++) {
		const uint32_t *start = dir ? g->in_start : g->out_start;
		const uint32_t *list = dir ? g->in : g->out;

		for (uint32_t k = start[e]; k < start[e + 1] && !r; k++) {
			const sg_relation *rel = &g->relations[list[k]];
			uint32_t other = dir ? rel->from : rel->to;
			const char *name;

			if (rel->duplicate || (dir && rel->from == rel->to))
				continue;
			if (g == m->new)
				name = g->entities[other].id;
			else
				name = m->to_new[other] != SG_NONE ?
					m->new->entities[m->to_new[other]].id :
					NULL;
			if (SG_GROW(at, n + 1, alloc)) {
				r = -1;
				break;
			}
			at[n++] = lines.len;
			r = sg_buf_addf(&lines, "%c\t%s\t", rel->undirected ?
					'-' : dir ? '<' : '>', rel->type) ||
			    (other == e ? sg_buf_adds(&lines, "\1self") :
			     name ? sg_buf_adds(&lines, name) :
				    sg_buf_addf(&lines, "\2%s",
						g->entities[other].id)) ||
			    sg_buf_add(&lines, "", 1);
		}
	}
	r = r || sg_sort(at, n, sizeof(*at), by_string, lines.buf);
	for (size_t k = 0; k < n && !r; k++)
		r = sg_buf_adds(out, lines.buf + at[k]) ||
		    sg_buf_adds(out, "\n");
	free(at);
	sg_buf_release(&lines);
	return r;
}

/* Whether new entity value is the old entity m->rel_old renamed: one not
 * matched yet whose aliases hold the old id, or (m->found < -1) whose name
 * and relations are the old one's. */
static int renamed(uint32_t value, void *data)
{
	struct match *m = data;
	const sg_entity *o = &m->old->entities[m->rel_old];
	const sg_entity *n = &m->new->entities[value];

	if (m->to_old[value] != SG_NONE)
		return 0;
	if (m->found == -1) {
		for (size_t k = 0; k < n->naliases; k++)
			if (!strcmp(n->aliases[k], o->id))
				return (m->found = value), 1;
		return 0;
	}
	if (!same_str(o->name, n->name))
		return 0;
	if (signature(m, m->new, value, &m->b))
		return -1;
	if (strcmp(sg_buf_str(&m->a), sg_buf_str(&m->b)))
		return 0;
	m->found = value;
	return 1;
}

/* Finds among the new entities the old entity o renamed, by m->found's
 * rule; -1 when memory ran out. */
static int find_renamed(struct match *m, uint32_t o, int by_name)
{
	const sg_entity *e = &m->old->entities[o];
	const char *key = by_name ? e->name : e->id;
	int r;

	if (!key)
		return 0;
	m->rel_old = o;
	m->found = by_name ? -2 : -1;
	sg_buf_reset(&m->key);
	if (sg_fold(&m->key, key) ||
	    (by_name && signature(m, m->old, o, &m->a)))
		return -1;
	r = sg_map_each(&m->new->by_key, sg_buf_str(&m->key), renamed, m);
	if (r < 0)
		return -1;
	if (m->found >= 0) {
		m->to_new[o] = (uint32_t)m->found;
		m->to_old[m->found] = o;
	}
	return 0;
}

static int match_entities(struct match *m)
{
	const sg_graph *old = m->old, *new = m->new;

	for (size_t e = 0; e < new->nentities; e++)
		m->to_old[e] = SG_NONE;
	for (size_t o = 0; o < old->nentities; o++) {
		int64_t n = sg_map_get(&new->by_id, old->entities[o].id);

		m->to_new[o] = n >= 0 ? (uint32_t)n : SG_NONE;
		if (n >= 0)
			m->to_old[n] = (uint32_t)o;
	}
	/* aliases first: they say so; equal names and relations only guess */
	for (int by_name = 0; by_name < 2; by_name++)
		for (size_t o = 0; o < old->nentities; o++)
			if (m->to_new[o] == SG_NONE &&
			    find_renamed(m, (uint32_t)o, by_name))
				return -1;
	return 0;
}

/* The key a relation matches by, into b: its ends as new entity indexes
 * (the lower first without direction), type and id. */
static int relation_key(sg_buf *b, const sg_relation *r, uint32_t from,
			uint32_t to)
{
	int swap = r->undirected && to < from;

	sg_buf_reset(b);
	return sg_buf_addf(b, "%u %u %c%s\t%s", swap ? to : from,
			   swap ? from : to, r->undirected ? '-' : '>',
			   r->type, r->id ? r->id : "\1");
}

/* Records one change of d's; -1 when memory ran out. */
static int add_change(sg_diff *d, const char *field, int attribute,
		      const char *before, const char *after)
{
	sg_change *c;

	if (SG_GROW(d->changes, d->nchanges + 1, d->achanges))
		return -1;
	c = &d->changes[d->nchanges];
	c->field = field;
	c->attribute = attribute;
	c->before = before;
	c->after = after;
	d->nchanges++;
	return 0;
}

/* A string field's JSON text, kept in d's graph; NULL for NULL. */
static const char *json_text(sg_diff *d, const char *s, int *fail)
{
	const char *t;

	if (!s)
		return NULL;
	sg_buf_reset(&d->scratch);
	if (sg_buf_add_json(&d->scratch, s) ||
	    !(t = sg_graph_intern(d->graph, d->scratch.buf))) {
		*fail = 1;
		return NULL;
	}
	return t;
}

static int compare_str(sg_diff *d, const char *field, const char *a,
		       const char *b)
{
	int fail = 0;
	const char *x, *y;

	if (same_str(a, b))
		return 0;
	x = json_text(d, a, &fail);
	y = json_text(d, b, &fail);
	return fail || add_change(d, field, 0, x, y);
}

/* The value of key among attributes a, whose keys index maps to their
 * pair's place; NULL when a has no such key. */
static const char *find_attr(const sg_attrs *a, const sg_map *index,
			     const char *key)
{
	int64_t i = sg_map_get(index, key);

	return i < 0 ? NULL : a->kv[i + 1];
}

static int index_attrs(sg_map *index, const sg_attrs *a)
{
	for (size_t i = 0; i < a->n; i += 2)
		if (sg_map_add(index, a->kv[i], (uint32_t)i))
			return -1;
	return 0;
}

/* Attributes that differ: the old keys in their order, then the new; in
 * time linear in their number however many an entity has. */
static int compare_attrs(sg_diff *d, const sg_attrs *a, const sg_attrs *b)
{
	sg_map in_a = { 0 }, in_b = { 0 };
	int r = index_attrs(&in_a, a) || index_attrs(&in_b, b);

	for (size_t i = 0; i < a->n && !r; i += 2) {
		const char *after = find_attr(b, &in_b, a->kv[i]);

		if (!same_str(a->kv[i + 1], after))
			r = add_change(d, a->kv[i], 1, a->kv[i + 1], after);
	}
	for (size_t i = 0; i < b->n && !r; i += 2)
		if (!find_attr(a, &in_a, b->kv[i]))
			r = add_change(d, b->kv[i], 1, NULL, b->kv[i + 1]);
	sg_map_release(&in_a);
	sg_map_release(&in_b);
	return r;
}

/* The aliases as a JSON array, kept in d's graph; NULL for none. */
static const char *aliases_text(sg_diff *d, const sg_entity *e, int *fail)
{
	sg_buf *b = &d->scratch;
	const char *t;
	int r;

	if (!e->naliases)
		return NULL;
	sg_buf_reset(b);
	r = sg_buf_adds(b, "[");
	for (size_t k = 0; k < e->naliases && !r; k++)
		r = sg_buf_adds(b, k ? ", " : "") ||
		    sg_buf_add_json(b, e->aliases[k]);
	if (r || sg_buf_adds(b, "]") || !(t = sg_graph_intern(d->graph, b->buf))) {
		*fail = 1;
		return NULL;
	}
	return t;
}

static int compare_entities(sg_diff *d, const sg_entity *o, const sg_entity *n)
{
	int fail = 0;
	const char *a = aliases_text(d, o, &fail);
	const char *b = fail ? NULL : aliases_text(d, n, &fail);

	return fail || compare_str(d, "id", o->id, n->id) ||
	       compare_str(d, "name", o->name, n->name) ||
	       compare_str(d, "type", o->type, n->type) ||
	       compare_str(d, "description", o->description,
			   n->description) ||
	       compare_str(d, "url", o->url, n->url) ||
	       (!same_str(a, b) && add_change(d, "aliases", 0, a, b)) ||
	       compare_attrs(d, &o->attrs, &n->attrs);
}

static int compare_relations(sg_diff *d, const sg_relation *o,
			     const sg_relation *n)
{
	return compare_str(d, "label", o->label, n->label) ||
	       compare_str(d, "evidence", o->evidence, n->evidence) ||
	       compare_str(d, "source", o->source, n->source) ||
	       compare_attrs(d, &o->attrs, &n->attrs);
}

/* Marks item *mk by the changes recorded since first, and writes them as
 * a tooltip's lines. */
static int mark(sg_diff *d, struct mark *mk, sg_status status, size_t first,
		size_t *counts)
{
	sg_buf *b = &d->scratch;
	int r = 0;

	mk->first = first;
	mk->n = d->nchanges - first;
	mk->status = status == SG_SAME && mk->n ? SG_CHANGED : status;
	counts[mk->status]++;
	if (!mk->n)
		return 0;
	sg_buf_reset(b);
	for (size_t k = first; k < d->nchanges && !r; k++) {
		const sg_change *c = &d->changes[k];

		r = sg_buf_addf(b, "%s%s: %s → %s", k > first ? "\n" : "",
				c->field, c->before ? c->before : "(none)",
				c->after ? c->after : "(none)");
	}
	return r || !(mk->lines = sg_graph_intern(d->graph, b->buf));
}

/* The types and sources of both versions, the new one's first: the old
 * one's are only wanted for what only it has. */
static int copy_kinds(sg_graph *u, const sg_graph *g, sg_error *err)
{
	for (size_t i = 0; i < g->ntypes; i++)
		if (sg_map_get(&u->type_ids, g->types[i].id) < 0 &&
		    sg_graph_add_type(u, 0, &g->types[i], err))
			return -1;
	for (size_t i = 0; i < g->nrelation_types; i++)
		if (sg_map_get(&u->relation_type_ids,
			       g->relation_types[i].id) < 0 &&
		    sg_graph_add_type(u, 1, &g->relation_types[i], err))
			return -1;
	for (size_t i = 0; i < g->nsources; i++)
		if (sg_map_get(&u->source_ids, g->sources[i].id) < 0 &&
		    sg_graph_add_source(u, &g->sources[i], err))
			return -1;
	return 0;
}

/* Adds relation r of g to the diff's graph, its ends named by id. */
static int copy_relation(sg_graph *u, const sg_relation *r, const char *from,
			 const char *to, sg_error *err)
{
	sg_relation copy = *r;

	copy.from_ref = from;
	copy.to_ref = to;
	return sg_graph_add_relation(u, &copy, err);
}

/* The graph of both versions: the new one's entities, then the old ones
 * it lacks; likewise relations. rel_old: by new relation, the old one it
 * is, or SG_NONE. */
static int build(sg_diff *d, struct match *m, const uint32_t *rel_old,
		 const unsigned char *rel_matched, sg_error *err)
{
	const sg_graph *old = m->old, *new = m->new;
	sg_graph *u = d->graph;
	size_t nu = 0;

	if (sg_graph_set_title(u, new->title, new->description,
			       new->title_loc, err) ||
	    copy_kinds(u, new, err) || copy_kinds(u, old, err))
		return -1;
	for (size_t e = 0; e < new->nentities; e++)
		if (sg_graph_add_entity(u, &new->entities[e], err))
			return -1;
	for (size_t o = 0; o < old->nentities; o++)
		if (m->to_new[o] == SG_NONE &&
		    sg_graph_add_entity(u, &old->entities[o], err))
			return -1;
	for (size_t i = 0; i < new->nrelations; i++) {
		const sg_relation *r = &new->relations[i];

		if (!r->duplicate &&
		    copy_relation(u, r, new->entities[r->from].id,
				  new->entities[r->to].id, err))
			return -1;
	}
	for (size_t i = 0; i < old->nrelations; i++) {
		const sg_relation *r = &old->relations[i];
		uint32_t f = m->to_new[r->from], t = m->to_new[r->to];

		if (!r->duplicate && !rel_matched[i] &&
		    copy_relation(u, r, f != SG_NONE ? new->entities[f].id :
				  old->entities[r->from].id,
				  t != SG_NONE ? new->entities[t].id :
				  old->entities[r->to].id, err))
			return -1;
	}
	if (sg_graph_resolve(u, err))
		return -1;
	d->entities = calloc(u->nentities + 1, sizeof(*d->entities));
	d->relations = calloc(u->nrelations + 1, sizeof(*d->relations));
	if (!d->entities || !d->relations)
		return nomem(err);
	for (size_t e = 0; e < u->nentities; e++) {
		size_t first = d->nchanges;
		uint32_t o = e < new->nentities ? m->to_old[e] : SG_NONE;
		sg_status s = e >= new->nentities ? SG_REMOVED :
			      o == SG_NONE ? SG_ADDED : SG_SAME;

		if ((s == SG_SAME && compare_entities(d, &old->entities[o],
						      &new->entities[e])) ||
		    mark(d, &d->entities[e], s, first, d->stats.entities))
			return nomem(err);
	}
	for (size_t i = 0; i < new->nrelations; i++) {
		const sg_relation *r = &new->relations[i];
		size_t first = d->nchanges;
		uint32_t o = rel_old[i];

		if (r->duplicate)
			continue;
		if ((o != SG_NONE &&
		     compare_relations(d, &old->relations[o], r)) ||
		    mark(d, &d->relations[nu++], o == SG_NONE ? SG_ADDED :
			 SG_SAME, first, d->stats.relations))
			return nomem(err);
	}
	for (; nu < u->nrelations; nu++)
		if (mark(d, &d->relations[nu], SG_REMOVED, d->nchanges,
			 d->stats.relations))
			return nomem(err);
	return 0;
}

/* Pairs each new relation with the old one of the same key. */
static int match_relations(struct match *m, uint32_t *rel_old,
			   unsigned char *rel_matched)
{
	const sg_graph *old = m->old, *new = m->new;
	sg_arena *keys = NULL;
	sg_map by_key = { 0 };
	int r = 0;

	for (size_t i = 0; i < new->nrelations && !r; i++) {
		const sg_relation *rel = &new->relations[i];
		const char *key;

		rel_old[i] = SG_NONE;
		if (rel->duplicate)
			continue;
		r = relation_key(&m->key, rel, rel->from, rel->to) ||
		    !(key = sg_arena_strdup(&keys, m->key.buf)) ||
		    sg_map_add(&by_key, key, (uint32_t)i);
	}
	for (size_t i = 0; i < old->nrelations && !r; i++) {
		const sg_relation *rel = &old->relations[i];
		uint32_t f = m->to_new[rel->from], t = m->to_new[rel->to];
		int64_t n;

		if (rel->duplicate || f == SG_NONE || t == SG_NONE)
			continue;
		if ((r = relation_key(&m->key, rel, f, t)))
			break;
		n = sg_map_get(&by_key, m->key.buf);
		if (n >= 0 && rel_old[n] == SG_NONE) {
			rel_old[n] = (uint32_t)i;
			rel_matched[i] = 1;
		}
	}
	sg_map_release(&by_key);
	sg_arena_free(keys);
	return r;
}

sg_diff *sg_diff_new(const sg_graph *old, const sg_graph *new_graph,
		     sg_error *err)
{
	struct match m = { old, new_graph, NULL, NULL, 0, 0, SG_BUF_INIT,
			   SG_BUF_INIT, SG_BUF_INIT };
	sg_diff *d = NULL;
	uint32_t *rel_old = NULL;
	unsigned char *rel_matched = NULL;
	int r = -1;

	if (!old->resolved || !new_graph->resolved) {
		sg_fail(err, SG_EUSAGE, NULL, 0, 0,
			"both graphs must be resolved before they are compared");
		return NULL;
	}
	d = calloc(1, sizeof(*d));
	m.to_new = malloc((old->nentities + 1) * sizeof(*m.to_new));
	m.to_old = malloc((new_graph->nentities + 1) * sizeof(*m.to_old));
	rel_old = malloc((new_graph->nrelations + 1) * sizeof(*rel_old));
	rel_matched = calloc(old->nrelations + 1, 1);
	if (!d || !m.to_new || !m.to_old || !rel_old || !rel_matched ||
	    !(d->graph = sg_graph_new()) || match_entities(&m) ||
	    match_relations(&m, rel_old, rel_matched))
		nomem(err);
	else
		r = build(d, &m, rel_old, rel_matched, err);
	free(m.to_new);
	free(m.to_old);
	free(rel_old);
	free(rel_matched);
	sg_buf_release(&m.a);
	sg_buf_release(&m.b);
	sg_buf_release(&m.key);
	if (r) {
		sg_diff_free(d);
		return NULL;
	}
	return d;
}

void sg_diff_free(sg_diff *d)
{
	if (!d)
		return;
	sg_graph_free(d->graph);
	free(d->entities);
	free(d->relations);
	free(d->changes);
	sg_buf_release(&d->scratch);
	free(d);
}

void sg_diff_stats_get(const sg_diff *d, sg_diff_stats *stats)
{
	*stats = d->stats;
}

int sg_diff_any(const sg_diff *d)
{
	const sg_diff_stats *s = &d->stats;

	return s->entities[SG_SAME] != d->graph->nentities ||
	       s->relations[SG_SAME] != d->graph->nrelations;
}

sg_status sg_diff_entity(const sg_diff *d, uint32_t i, const char **changes)
{
	*changes = d->entities[i].lines;
	return d->entities[i].status;
}

sg_status sg_diff_relation(const sg_diff *d, uint32_t i, const char **changes)
{
	*changes = d->relations[i].lines;
	return d->relations[i].status;
}

const sg_change *sg_diff_entity_changes(const sg_diff *d, uint32_t i,
					size_t *n)
{
	*n = d->entities[i].n;
	return *n ? &d->changes[d->entities[i].first] : NULL;
}

const sg_change *sg_diff_relation_changes(const sg_diff *d, uint32_t i,
					  size_t *n)
{
	*n = d->relations[i].n;
	return *n ? &d->changes[d->relations[i].first] : NULL;
}

/* An id in a line of text as it is, unless it holds a space, a quote or a
 * control character (which would break the line's shape): then quoted. */
static int add_word(sg_buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == '"' || *p == '\\' || *p == 0x7f)
			return sg_buf_add_json(b, s);
	return *s ? sg_buf_adds(b, s) : sg_buf_adds(b, "\"\"");
}

static int add_relation_words(sg_buf *b, const sg_graph *g,
			      const sg_relation *r)
{
	int fail = add_word(b, g->entities[r->from].id) ||
		   sg_buf_adds(b, " -[") || sg_buf_adds(b, r->type) ||
		   sg_buf_adds(b, r->undirected ? "]- " : "]-> ") ||
		   add_word(b, g->entities[r->to].id);

	return fail || (r->id && (sg_buf_adds(b, " (id ") ||
				  add_word(b, r->id) || sg_buf_adds(b, ")")));
}

static int add_entity_words(sg_buf *b, const sg_entity *e)
{
	return add_word(b, e->id) ||
	       (e->name && (sg_buf_adds(b, " ") ||
			    sg_buf_add_json(b, e->name))) ||
	       (e->type && sg_buf_addf(b, " (%s)", e->type));
}

static int list(const sg_diff *d, sg_buf *b)
{
	static const char signs[] = { ' ', '+', '-', '~' };
	const sg_graph *g = d->graph;
	int r = 0;

	for (size_t i = 0; i < g->nentities + g->nrelations && !r; i++) {
		int entity = i < g->nentities;
		size_t k = entity ? i : i - g->nentities;
		const struct mark *mk = entity ? &d->entities[k] :
						 &d->relations[k];

		if (mk->status == SG_SAME)
			continue;
		if (mk->status != SG_CHANGED) {
			r = sg_buf_addf(b, "%c %s ", signs[mk->status],
					entity ? "entity" : "relation") ||
			    (entity ? add_entity_words(b, &g->entities[k]) :
				      add_relation_words(b, g,
							 &g->relations[k])) ||
			    sg_buf_adds(b, "\n");
			continue;
		}
		for (size_t c = mk->first; c < mk->first + mk->n && !r; c++) {
			const sg_change *ch = &d->changes[c];

			r = sg_buf_addf(b, "~ %s ", entity ? "entity" :
					"relation") ||
			    (entity ? add_word(b, g->entities[k].id) :
				      add_relation_words(b, g,
							 &g->relations[k])) ||
			    sg_buf_addf(b, ": %s %s → %s\n", ch->field,
					ch->before ? ch->before : "(none)",
					ch->after ? ch->after : "(none)");
		}
	}
	return r;
}

static int stats_text(const sg_diff *d, sg_buf *b)
{
	int r = 0;

	for (int kind = 0; kind < 2 && !r; kind++)
		for (int s = SG_ADDED; s <= SG_NSTATUS && !r; s++)
			r = sg_buf_addf(b, "%s %s: %zu\n",
					kind ? "relations" : "entities",
					s < SG_NSTATUS ? status_names[s] :
							 "unchanged",
					(kind ? d->stats.relations :
						d->stats.entities)
						[s % SG_NSTATUS]);
	return r;
}

/* "field": ..., "old": ..., "new": ... of each change of mk. */
static int json_changes(const sg_diff *d, const struct mark *mk, sg_buf *b)
{
	int r = sg_buf_adds(b, ", \"changes\": [");

	for (size_t c = mk->first; c < mk->first + mk->n && !r; c++) {
		const sg_change *ch = &d->changes[c];

		r = sg_buf_addf(b, "%s{\"%s\": ", c > mk->first ? ", " : "",
				ch->attribute ? "attribute" : "field") ||
		    sg_buf_add_json(b, ch->field) ||
		    sg_buf_addf(b, ", \"old\": %s, \"new\": %s}",
				ch->before ? ch->before : "null",
				ch->after ? ch->after : "null");
	}
	return r || sg_buf_adds(b, "]");
}

static int json_stats(const size_t *counts, sg_buf *b)
{
	return sg_buf_addf(b, "{\"added\": %zu, \"removed\": %zu, "
			   "\"changed\": %zu, \"same\": %zu}",
			   counts[SG_ADDED], counts[SG_REMOVED],
			   counts[SG_CHANGED], counts[SG_SAME]);
}

int sg_diff_json(const sg_diff *d, sg_buf *b)
{
	const sg_graph *g = d->graph;
	int r, any = 0;

	r = sg_buf_adds(b, "{\n  \"stats\": {\"entities\": ") ||
	    json_stats(d->stats.entities, b) ||
	    sg_buf_adds(b, ", \"relations\": ") ||
	    json_stats(d->stats.relations, b) ||
	    sg_buf_adds(b, "},\n  \"entities\": [");
	for (size_t e = 0; e < g->nentities && !r; e++) {
		const sg_entity *ent = &g->entities[e];
		const struct mark *mk = &d->entities[e];

		if (mk->status == SG_SAME)
			continue;
		r = sg_buf_addf(b, "%s\n    {\"status\": \"%s\", \"id\": ",
				any++ ? "," : "", status_names[mk->status]) ||
		    sg_buf_add_json(b, ent->id) ||
		    (ent->name && (sg_buf_adds(b, ", \"name\": ") ||
				   sg_buf_add_json(b, ent->name))) ||
		    (ent->type && (sg_buf_adds(b, ", \"type\": ") ||
				   sg_buf_add_json(b, ent->type))) ||
		    (mk->n && json_changes(d, mk, b)) || sg_buf_adds(b, "}");
	}
	r = r || sg_buf_adds(b, any ? "\n  ],\n  \"relations\": [" :
				      "],\n  \"relations\": [");
	any = 0;
	for (size_t i = 0; i < g->nrelations && !r; i++) {
		const sg_relation *rel = &g->relations[i];
		const struct mark *mk = &d->relations[i];

		if (mk->status == SG_SAME)
			continue;
		r = sg_buf_addf(b, "%s\n    {\"status\": \"%s\", \"from\": ",
				any++ ? "," : "", status_names[mk->status]) ||
		    sg_buf_add_json(b, g->entities[rel->from].id) ||
		    sg_buf_adds(b, ", \"to\": ") ||
		    sg_buf_add_json(b, g->entities[rel->to].id) ||
		    sg_buf_adds(b, ", \"type\": ") ||
		    sg_buf_add_json(b, rel->type) ||
		    (rel->id && (sg_buf_adds(b, ", \"id\": ") ||
				 sg_buf_add_json(b, rel->id))) ||
		    sg_buf_addf(b, ", \"directed\": %s",
				rel->undirected ? "false" : "true") ||
		    (mk->n && json_changes(d, mk, b)) || sg_buf_adds(b, "}");
	}
	return r || sg_buf_adds(b, any ? "\n  ]\n}\n" : "]\n}\n");
}

int sg_diff_write(const sg_diff *d, const char *format, char **data,
		  size_t *len, sg_error *err)
{
	sg_buf b = SG_BUF_INIT;
	int r;

	*data = NULL;
	*len = 0;
	if (!strcmp(format, "list"))
		r = list(d, &b);
	else if (!strcmp(format, "stats"))
		r = stats_text(d, &b);
	else if (!strcmp(format, "json"))
		r = sg_diff_json(d, &b);
	else
		return sg_fail(err, SG_EUSAGE, NULL, 0, 0,
			       "unknown change format '%s'; use list, stats "
			       "or json", format);
	/* an empty list is still a string */
	if (r || sg_buf_adds(&b, "")) {
		sg_buf_release(&b);
		return nomem(err);
	}
	*data = b.buf ? b.buf : calloc(1, 1);
	if (!*data)
		return nomem(err);
	*len = b.len;
	return 0;
}

sg_view *sg_diff_select(const sg_diff *d, const sg_select_opts *opts,
			sg_error *err)
{
	const sg_graph *g = d->graph;
	unsigned char *seeds = calloc(g->nentities + 1, 1);
	sg_view *v;

	if (!seeds) {
		nomem(err);
		return NULL;
	}
	/* a changed relation's ends are the step around it: around a hub
	 * at one end, a step further would be most of the graph */
	for (size_t i = 0; i < g->nrelations; i++)
		if (d->relations[i].status != SG_SAME)
			seeds[g->relations[i].from] =
				seeds[g->relations[i].to] = 2;
	for (size_t e = 0; e < g->nentities; e++)
		if (d->entities[e].status != SG_SAME)
			seeds[e] = 1;
	v = sg_select_from(g, opts, seeds, err);
	if (v)
		v->diff = d;
	free(seeds);
	return v;
}
