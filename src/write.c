/* Writing a view back as native JSON: the selected graph, one entity or
 * relation a line, so that a diff of two versions reads line by line. */
#include <string.h>

#include <stdlib.h>

#include "internal.h"

/* Adds "key": "value" (nothing when value is NULL), after a comma unless
 * it is the first field of its object (*first). */
static int add_field(sg_buf *b, int *first, const char *key,
		     const char *value)
{
	int r;

	if (!value)
		return 0;
	r = sg_buf_adds(b, *first ? "" : ", ") || sg_buf_add_json(b, key) ||
	    sg_buf_adds(b, ": ") || sg_buf_add_json(b, value);
	*first = 0;
	return r;
}

/* Attributes keep their JSON text; a type's style pairs are strings. */
static int add_pairs(sg_buf *b, int *first, const sg_attrs *a, int json)
{
	int r = 0;

	for (size_t i = 0; i < a->n && !r; i += 2) {
		if (!json) {
			r = add_field(b, first, a->kv[i], a->kv[i + 1]);
			continue;
		}
		r = sg_buf_adds(b, *first ? "" : ", ") ||
		    sg_buf_add_json(b, a->kv[i]) || sg_buf_adds(b, ": ") ||
		    sg_buf_adds(b, a->kv[i + 1]);
		*first = 0;
	}
	return r;
}

/* The types the view uses that have a label or a style: a type that is
 * only used needs no entry. */
static int add_types(sg_buf *b, const char *section, const sg_type *types,
		     const unsigned char *used, size_t n)
{
	int r = 0, any = 0;

	for (size_t i = 0; i < n && !r; i++) {
		int first = 1;

		if (!used[i] || (!types[i].label && !types[i].style.n &&
				 !types[i].symmetric))
			continue;
		if (!any)
			r = sg_buf_addf(b, ",\n  \"%s\": {", section);
		r = r || sg_buf_adds(b, any ? ",\n    " : "\n    ") ||
		    sg_buf_add_json(b, types[i].id) || sg_buf_adds(b, ": {") ||
		    add_field(b, &first, "label", types[i].label) ||
		    add_pairs(b, &first, &types[i].style, 0) ||
		    (types[i].symmetric &&
		     sg_buf_adds(b, first ? "\"symmetric\": true" :
					    ", \"symmetric\": true")) ||
		    sg_buf_adds(b, "}");
		any = 1;
	}
	return r || (any && sg_buf_adds(b, "\n  }"));
}

/* Entity e of the view: inside the nearest of its parents the view has. */
static int add_entity(sg_buf *b, const sg_view *v, uint32_t i)
{
	const sg_graph *g = v->graph;
	const sg_entity *e = &g->entities[i];
	int first = 1, r;

	r = sg_buf_adds(b, "    {") || add_field(b, &first, "id", e->id) ||
	    add_field(b, &first, "name", e->name) ||
	    add_field(b, &first, "type", e->type) ||
	    add_field(b, &first, "parent", v->up[i] == SG_NONE ? NULL :
					   g->entities[v->up[i]].id);
	if (!r && e->naliases) {
		r = sg_buf_adds(b, ", \"aliases\": [");
		for (size_t k = 0; k < e->naliases && !r; k++)
			r = sg_buf_adds(b, k ? ", " : "") ||
			    sg_buf_add_json(b, e->aliases[k]);
		r = r || sg_buf_adds(b, "]");
	}
	return r || add_field(b, &first, "description", e->description) ||
	       add_field(b, &first, "url", e->url) ||
	       add_pairs(b, &first, &e->attrs, 1) || sg_buf_adds(b, "}");
}

static int add_relation(sg_buf *b, const sg_graph *g, const sg_relation *rel)
{
	const sg_type *t = &g->relation_types[rel->type_index];
	int first = 1;

	return sg_buf_adds(b, "    {") ||
	       add_field(b, &first, "from", g->entities[rel->from].id) ||
	       add_field(b, &first, "to", g->entities[rel->to].id) ||
	       add_field(b, &first, "type", rel->type) ||
	       add_field(b, &first, "id", rel->id) ||
	       add_field(b, &first, "label", rel->label) ||
	       add_field(b, &first, "evidence", rel->evidence) ||
	       add_field(b, &first, "source", rel->source) ||
	       /* a symmetric type says it for all its relations */
	       (rel->undirected && !t->symmetric &&
		sg_buf_adds(b, ", \"directed\": false")) ||
	       add_pairs(b, &first, &rel->attrs, 1) || sg_buf_adds(b, "}");
}

/*
 * A folded view's summaries (see fold in select.c), one a line: what each
 * stands for, and the ids of the entities it holds, so that a program
 * reading the view knows where every entity of the selection went. A
 * reader of the graph passes them over: they are how it was drawn,
 * with how many entities each names (none when unnamed).
 */
static int add_summaries(sg_buf *b, const sg_view *v, int unnamed)
{
	static const char *const directions[] = {
		[SG_BOTH] = "both", [SG_OUT] = "out", [SG_IN] = "in",
	};
	sg_summary_info s;
	sg_entity_info e;
	int r = 0;

	for (size_t i = 0; !r && !sg_view_summary(v, i, &s); i++) {
		int first = 1;

		r = sg_buf_adds(b, i ? ",\n    {" :
				      ",\n  \"summaries\": [\n    {") ||
		    add_field(b, &first, "id", s.id) ||
		    add_field(b, &first, "label", s.label) ||
		    add_field(b, &first, "entity", s.entity) ||
		    add_field(b, &first, "relation", s.relation) ||
		    add_field(b, &first, "direction", directions[s.direction]) ||
		    add_field(b, &first, "type", s.type) ||
		    (s.further && sg_buf_adds(b, ", \"further\": true")) ||
		    sg_buf_addf(b, ", \"relations\": %zu", s.relations) ||
		    (s.unloaded &&
		     sg_buf_addf(b, ", \"unloaded\": %zu", s.unloaded)) ||
		    (s.named && !unnamed &&
		     sg_buf_addf(b, ", \"named\": %zu", s.named)) ||
		    sg_buf_adds(b, ", \"entities\": [");
		for (size_t j = 0; !r && !sg_view_folded(v, i, j, &e); j++)
			r = sg_buf_adds(b, j ? ", " : "") ||
			    sg_buf_add_json(b, e.id);
		r = r || sg_buf_adds(b, "]}");
	}
	return r || (sg_view_summary_count(v) && sg_buf_adds(b, "\n  ]"));
}

int sg_write_json(const sg_view *v, int unnamed, sg_buf *b)
{
	const sg_graph *g = v->graph;
	unsigned char *used = calloc(g->ntypes + g->nrelation_types +
					     g->nsources + 1, 1);
	unsigned char *rel_used = used + g->ntypes;
	unsigned char *src_used = rel_used + g->nrelation_types;
	int r, any = 0, first = 1;

	if (!used)
		return -1;
	/* only what the view uses goes out: types, and sources cited */
	for (size_t k = 0; k < v->nshown; k++) {
		const sg_entity *e = &g->entities[v->shown[k]];

		if (e->type_index != SG_NONE)
			used[e->type_index] = 1;
	}
	for (size_t i = 0; i < g->nrelations; i++) {
		const sg_relation *rel = &g->relations[i];

		if (!v->relation_on[i])
			continue;
		rel_used[rel->type_index] = 1;
		if (rel->source_index != SG_NONE)
			src_used[rel->source_index] = 1;
	}
	r = sg_buf_adds(b, "{\n  \"graph\": {") ||
	    add_field(b, &first, "title", g->title) ||
	    add_field(b, &first, "description", g->description);
	for (size_t i = 0; i < g->nsources && !r; i++) {
		const sg_source *s = &g->sources[i];
		int f = 1;

		if (!src_used[i])
			continue;
		r = sg_buf_adds(b, any ? ",\n    {" :
				first ? "\"sources\": [\n    {" :
					", \"sources\": [\n    {") ||
		    add_field(b, &f, "id", s->id) ||
		    add_field(b, &f, "title", s->title) ||
		    add_field(b, &f, "author", s->author) ||
		    add_field(b, &f, "date", s->date) ||
		    add_field(b, &f, "url", s->url) ||
		    add_field(b, &f, "publisher", s->publisher) ||
		    sg_buf_adds(b, "}");
		any = 1;
	}
	r = r || sg_buf_adds(b, any ? "\n  ]}" : "}") ||
	    add_types(b, "types", g->types, used, g->ntypes) ||
	    add_types(b, "relation_types", g->relation_types, rel_used,
		      g->nrelation_types) ||
	    sg_buf_adds(b, ",\n  \"entities\": [");
	for (size_t k = 0; k < v->nshown && !r; k++)
		r = sg_buf_adds(b, k ? ",\n" : "\n") ||
		    add_entity(b, v, v->shown[k]);
	r = r || sg_buf_adds(b, v->nshown ? "\n  ],\n  \"relations\": [" :
					    "],\n  \"relations\": [");
	any = 0;
	for (size_t i = 0; i < g->nrelations && !r; i++) {
		if (!v->relation_on[i])
			continue;
		r = sg_buf_adds(b, any ? ",\n" : "\n") ||
		    add_relation(b, g, &g->relations[i]);
		any = 1;
	}
	r = r || sg_buf_adds(b, any ? "\n  ]" : "]") || add_summaries(b, v, unnamed) ||
	    sg_buf_adds(b, "\n}\n");
	free(used);
	return r;
}
