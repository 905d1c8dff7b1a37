/* Selection: which entities and relations of a graph a drawing shows. */
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
	free(v);
}

static int nomem(sg_error *err)
{
	return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
}

/*
 * Turns the user's type names (any case) into a per-type flag array over
 * the graph's type table; an unknown name is an error with suggestions.
 */
static unsigned char *type_filter(const sg_graph *g, int relation,
				  const char *const *names, size_t n,
				  sg_error *err)
{
	const sg_type *types = relation ? g->relation_types : g->types;
	size_t ntypes = relation ? g->nrelation_types : g->ntypes;
	unsigned char *on = calloc(ntypes + 1, 1);

	if (!on) {
		nomem(err);
		return NULL;
	}
	for (size_t k = 0; k < n; k++) {
		int hit = 0;

		for (size_t t = 0; t < ntypes; t++)
			if (!strcasecmp(types[t].id, names[k]))
				on[t] = hit = 1;
		if (!hit) {
			sg_buf msg = SG_BUF_INIT;

			sg_suggest(g, relation ? &g->relation_type_ids :
						 &g->type_ids, names[k], &msg);
			sg_fail(err, SG_EUNKNOWN, NULL, 0, 0,
				"unknown %s '%s'%s",
				relation ? "relation type" : "entity type",
				names[k], sg_buf_str(&msg));
			sg_buf_release(&msg);
			free(on);
			return NULL;
		}
	}
	return on;
}

static int type_on(const sg_graph *g, int relation, const unsigned char *on,
		   const char *type)
{
	if (!on)
		return 1;
	if (!type)
		return 0;
	return on[sg_map_get(relation ? &g->relation_type_ids : &g->type_ids,
			     type)];
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

/* Whether relation i may be drawn: its type and both its ends pass. */
static int relation_allowed(const sg_view *v, size_t i,
			    const unsigned char *allowed_entity,
			    const unsigned char *rel_on)
{
	const sg_relation *r = &v->graph->relations[i];

	return type_on(v->graph, 1, rel_on, r->type) &&
	       allowed_entity[r->from] && allowed_entity[r->to];
}

/* Breadth-first from the focus entities, depth steps along allowed
 * relations in the chosen direction. */
static int focus_walk(sg_view *v, const sg_select_opts *o,
		      const unsigned char *allowed_entity,
		      const unsigned char *rel_on)
{
	const sg_graph *g = v->graph;
	uint32_t *queue = malloc((g->nentities + 1) * sizeof(*queue));
	size_t head = 0, tail = 0;

	if (!queue)
		return -1;
	for (size_t e = 0; e < g->nentities; e++)
		if (v->focus[e]) {
			v->entity_on[e] = 1;
			queue[tail++] = (uint32_t)e;
		}
	for (int step = 0; step < o->depth && head < tail; step++) {
		size_t level_end = tail;

		for (; head < level_end; head++) {
			uint32_t e = queue[head];

			for (int pass = 0; pass < 2; pass++) {
				int out = pass == 0;
				const uint32_t *start = out ? g->out_start :
							      g->in_start;
				const uint32_t *list = out ? g->out : g->in;

				if (o->direction == (out ? SG_IN : SG_OUT))
					continue;
				for (uint32_t k = start[e]; k < start[e + 1];
				     k++) {
					const sg_relation *r =
						&g->relations[list[k]];
					uint32_t next = out ? r->to : r->from;

					if (v->entity_on[next] ||
					    !relation_allowed(v, list[k],
							      allowed_entity,
							      rel_on))
						continue;
					v->entity_on[next] = 1;
					queue[tail++] = next;
				}
			}
		}
	}
	free(queue);
	return 0;
}

sg_view *sg_select(const sg_graph *g, const sg_select_opts *o, sg_error *err)
{
	sg_view *v = calloc(1, sizeof(*v));
	unsigned char *rel_on = NULL, *ent_type_on = NULL, *allowed = NULL;
	sg_buf text = SG_BUF_INIT;

	if (!g->resolved) {
		sg_fail(err, SG_EUSAGE, NULL, 0, 0,
			"the graph must be resolved before selection");
		free(v);
		return NULL;
	}
	if (!v)
		goto nomem;
	v->graph = g;
	v->entity_on = calloc(g->nentities + 1, 1);
	v->relation_on = calloc(g->nrelations + 1, 1);
	v->focus = calloc(g->nentities + 1, 1);
	v->shown = malloc((g->nentities + 1) * sizeof(*v->shown));
	allowed = calloc(g->nentities + 1, 1);
	if (!v->entity_on || !v->relation_on || !v->focus || !v->shown ||
	    !allowed)
		goto nomem;
	if (o->nrelation_types &&
	    !(rel_on = type_filter(g, 1, o->relation_types,
				   o->nrelation_types, err)))
		goto fail;
	if (o->nentity_types &&
	    !(ent_type_on = type_filter(g, 0, o->entity_types,
					o->nentity_types, err)))
		goto fail;
	for (size_t k = 0; k < o->nfocus; k++) {
		sg_loc nowhere = { NULL, 0, 0 };
		int64_t e = sg_graph_find(g, o->focus[k], nowhere, err);

		if (e < 0)
			goto fail;
		v->focus[e] = 1;
	}
	for (size_t k = 0; k < o->nwhere; k++)
		if (!strchr(o->where[k], '=') || o->where[k][0] == '=') {
			sg_fail(err, SG_EUSAGE, NULL, 0, 0,
				"'%s' is no KEY=VALUE", o->where[k]);
			goto fail;
		}
	for (size_t e = 0; e < g->nentities; e++)
		allowed[e] = v->focus[e] ||
			     (type_on(g, 0, ent_type_on, g->entities[e].type) &&
			      where_on(o, &g->entities[e], &text));
	if (o->nfocus) {
		if (focus_walk(v, o, allowed, rel_on))
			goto nomem;
	} else {
		memcpy(v->entity_on, allowed, g->nentities);
	}
	for (size_t i = 0; i < g->nrelations; i++) {
		const sg_relation *r = &g->relations[i];

		v->relation_on[i] = !r->duplicate && v->entity_on[r->from] &&
				    v->entity_on[r->to] &&
				    type_on(g, 1, rel_on, r->type);
		v->nshown_relations += v->relation_on[i];
	}
	for (size_t e = 0; e < g->nentities; e++)
		if (v->entity_on[e])
			v->shown[v->nshown++] = (uint32_t)e;
	free(rel_on);
	free(ent_type_on);
	free(allowed);
	sg_buf_release(&text);
	return v;
nomem:
	nomem(err);
fail:
	free(rel_on);
	free(ent_type_on);
	free(allowed);
	sg_buf_release(&text);
	sg_view_free(v);
	return NULL;
}

size_t sg_view_entity_count(const sg_view *v)
{
	return v->nshown;
}

size_t sg_view_relation_count(const sg_view *v)
{
	return v->nshown_relations;
}

int sg_view_entity(const sg_view *v, size_t i, sg_entity_info *info)
{
	const sg_graph *g = v->graph;
	const sg_entity *ent;
	uint32_t e;

	if (i >= v->nshown)
		return -1;
	e = v->shown[i];
	ent = &g->entities[e];
	info->id = ent->id;
	info->name = ent->name ? ent->name : ent->id;
	info->type = ent->type ? ent->type : "";
	info->degree = 0;
	for (uint32_t k = g->out_start[e]; k < g->out_start[e + 1]; k++)
		info->degree += v->relation_on[g->out[k]];
	for (uint32_t k = g->in_start[e]; k < g->in_start[e + 1]; k++)
		info->degree += v->relation_on[g->in[k]];
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
	if (!seen)
		return nomem(err);
	for (size_t k = 0; k < v->nshown; k++) {
		const sg_entity *e = &g->entities[v->shown[k]];
		int64_t t;

		if (!e->type)
			continue;
		t = sg_map_get(&g->type_ids, e->type);
		s->entity_types += !seen[t];
		seen[t] = 1;
	}
	for (size_t i = 0; i < g->nrelations; i++) {
		const sg_relation *r = &g->relations[i];
		size_t t;

		if (!v->relation_on[i])
			continue;
		t = g->ntypes + (size_t)sg_map_get(&g->relation_type_ids,
						   r->type);
		s->relation_types += !seen[t];
		seen[t] = 1;
		if (!r->source)
			continue;
		t = g->ntypes + g->nrelation_types +
		    (size_t)sg_map_get(&g->source_ids, r->source);
		s->sources += !seen[t];
		seen[t] = 1;
	}
	free(seen);
	return 0;
}
