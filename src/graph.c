/* The model: entities, relations, types and sources, indexed for lookup. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

sg_graph *sg_graph_new(void)
{
	return calloc(1, sizeof(sg_graph));
}

void sg_graph_set_progress(sg_graph *g, sg_progress_fn fn, void *ctx)
{
	g->progress = fn;
	g->progress_ctx = ctx;
}

void sg_graph_free(sg_graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->nentities; i++) {
		free(g->entities[i].aliases);
		free(g->entities[i].attrs.kv);
	}
	for (size_t i = 0; i < g->nrelations; i++)
		if (g->relations[i].attrs.alloc)
			free(g->relations[i].attrs.kv);
	for (size_t i = 0; i < g->ntypes; i++)
		free(g->types[i].style.kv);
	for (size_t i = 0; i < g->nrelation_types; i++)
		free(g->relation_types[i].style.kv);
	free(g->entities);
	free(g->relations);
	free(g->places);
	free(g->types);
	free(g->relation_types);
	free(g->sources);
	free(g->unloaded);
	sg_map_release(&g->by_id);
	sg_map_release(&g->by_key);
	sg_map_release(&g->alias_pairs);
	sg_map_release(&g->type_ids);
	sg_map_release(&g->relation_type_ids);
	sg_map_release(&g->source_ids);
	free(g->out_start);
	free(g->out);
	free(g->in_start);
	free(g->in);
	sg_buf_release(&g->scratch);
	free(g->notes);
	free(g->files);
	free(g->sorted);
	sg_arena_free(g->arena);
	sg_arena_free(g->words);
	sg_map_release(&g->word_ids);
	free(g);
}

static int nomem(sg_error *err)
{
	return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
}

const char *sg_graph_intern(sg_graph *g, const char *s)
{
	return s ? sg_arena_strdup(&g->arena, s) : NULL;
}

int sg_graph_reserve(sg_graph *g, size_t entities, size_t relations,
		     sg_error *err)
{
	/* (by_key: an id and a name an entity, most often) */
	if ((entities &&
	     SG_GROW(g->entities, g->nentities + entities, g->aentities)) ||
	    (relations &&
	     SG_GROW(g->relations, g->nrelations + relations, g->arelations)) ||
	    sg_map_reserve(&g->by_id, entities) ||
	    sg_map_reserve(&g->by_key, 2 * entities))
		return nomem(err);
	return 0;
}

const char *sg_graph_word(sg_graph *g, const char *s)
{
	const char *w;

	if (!s || sg_arena_holds(g->words, s))
		return s;
	if ((w = sg_map_key(&g->word_ids, s)))
		return w;
	if (!(w = sg_arena_strdup(&g->words, s)) ||
	    sg_map_add(&g->word_ids, w, 0))
		return NULL;
	return w;
}

/* ---- diagnostics ---- */

/* Sets *index to file's place in the reading order, SIZE_MAX for none;
 * -1 when memory ran out. */
static int file_index(sg_graph *g, const char *file, size_t *index)
{
	*index = SIZE_MAX; /* no file: after every file */
	if (!*file)
		return 0;
	for (*index = 0; *index < g->nfiles; ++*index)
		if (!strcmp(g->files[*index], file))
			return 0;
	if (SG_GROW(g->files, g->nfiles + 1, g->afiles) ||
	    !(g->files[g->nfiles] = sg_graph_intern(g, file)))
		return -1;
	g->nfiles++;
	return 0;
}

int sg_graph_note(sg_graph *g, const sg_error *e)
{
	struct sg_note *n;
	size_t file;

	if (e->severity == SG_WARNING &&
	    ++g->warnings[e->code] > SG_MAX_WARNINGS) {
		g->unshown[e->code]++;
		return 0;
	}
	if (SG_GROW(g->notes, g->nnotes + 1, g->anotes) ||
	    file_index(g, e->file, &file))
		return -1;
	n = &g->notes[g->nnotes];
	n->e = *e;
	n->file = file;
	n->seq = g->nnotes++;
	if (e->severity != SG_ERROR)
		return 0;
	if (++g->nerrors == SG_MAX_ERRORS) {
		sg_error stop = { SG_EUSAGE, SG_ERROR, 0, 0, "",
				  "too many errors, stopping" };

		sg_graph_note(g, &stop);
	}
	return e->code == SG_ENOMEM || g->nerrors >= SG_MAX_ERRORS ? -1 : 0;
}

int sg_graph_warn(sg_graph *g, sg_code code, sg_loc loc, const char *fmt, ...)
{
	sg_error e = { code, SG_WARNING, loc.line, loc.column, "", "" };
	va_list ap;

	snprintf(e.file, sizeof(e.file), "%s", loc.file ? loc.file : "");
	va_start(ap, fmt);
	vsnprintf(e.text, sizeof(e.text), fmt, ap);
	va_end(ap);
	return sg_graph_note(g, &e);
}

int sg_graph_first_error(const sg_graph *g, size_t since, sg_error *err)
{
	for (size_t i = since; i < g->nnotes; i++)
		if (g->notes[i].e.severity == SG_ERROR) {
			if (err && err->code == SG_OK)
				*err = g->notes[i].e;
			return -1;
		}
	return 0;
}

static int note_order(const void *a, const void *b, void *ctx)
{
	const struct sg_note *x = a, *y = b;

	(void)ctx;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	if (x->e.line != y->e.line)
		return x->e.line < y->e.line ? -1 : 1;
	return (x->e.column > y->e.column) - (x->e.column < y->e.column);
}

size_t sg_graph_diagnostics(sg_graph *g, const sg_error **list)
{
	static const sg_error nomem_note = { SG_ENOMEM, SG_ERROR, 0, 0, "",
					     "out of memory" };
	size_t extra = SG_ARRAY_SIZE(g->unshown), n = 0;
	struct sg_note *copy = malloc((g->nnotes + 1) * sizeof(*copy));

	free(g->sorted);
	g->sorted = malloc((g->nnotes + extra) * sizeof(*g->sorted));
	if (copy && g->nnotes)
		memcpy(copy, g->notes, g->nnotes * sizeof(*copy));
	if (!copy || !g->sorted ||
	    sg_sort(copy, g->nnotes, sizeof(*copy), note_order, NULL)) {
		free(copy);
		/* not "no problem": the list is the failure */
		*list = &nomem_note;
		return 1;
	}
	for (; n < g->nnotes; n++)
		g->sorted[n] = copy[n].e;
	free(copy);
	/* last, what went uncounted */
	for (size_t c = 0; c < extra; c++) {
		sg_error e = { (sg_code)c, SG_WARNING, 0, 0, "", "" };

		if (!g->unshown[c])
			continue;
		snprintf(e.text, sizeof(e.text), "%zu more '%s' warnings "
			 "not shown", g->unshown[c], sg_code_name(e.code));
		g->sorted[n++] = e;
	}
	*list = g->sorted;
	return n;
}

/* Interns s (a word as it is), or reports that memory ran out. */
static int set_str(sg_graph *g, const char **slot, const char *s,
		   sg_error *err)
{
	*slot = s && sg_arena_holds(g->words, s) ? s : sg_graph_intern(g, s);
	return s && !*slot ? nomem(err) : 0;
}

/* A type: a word, kept once however many use it, and then found by its
 * pointer alone when resolving (note_type). */
static int set_word(sg_graph *g, const char **slot, const char *s,
		    sg_error *err)
{
	*slot = sg_graph_word(g, s);
	return s && !*slot ? nomem(err) : 0;
}

/* Whether ref, a relation's end, is entity i's own id string: then it is
 * that entity, neither copied nor looked up again. */
static int known_end(const sg_graph *g, uint32_t i, const char *ref)
{
	return i < g->nentities && g->entities[i].id == ref;
}

/*
 * Merges one field of a second definition of the same id: an absent field
 * takes the new value, an equal one is kept, a different one is a conflict.
 */
static int merge_str(sg_graph *g, const char **slot, const char *given,
		     const char *kind, const char *id, const char *field,
		     sg_loc here, sg_loc first, sg_error *err)
{
	if (!given || (*slot && !strcmp(*slot, given)))
		return 0;
	if (!*slot)
		return set_str(g, slot, given, err);
	return sg_fail(err, SG_ECONFLICT, here.file, here.line, here.column,
		       "%s '%s' is defined again with a different %s "
		       "('%s', was '%s' at %s:%d:%d)",
		       kind, id, field, given, *slot, first.file, first.line,
		       first.column);
}

static const char **style_slot(sg_attrs *style, const char *key)
{
	for (size_t i = 0; i < style->n; i += 2)
		if (!strcmp(style->kv[i], key))
			return &style->kv[i + 1];
	return NULL;
}

/* Merges the pairs given into have, as merge_str merges one field. */
static int merge_attrs(sg_graph *g, sg_attrs *have, const sg_attrs *given,
		       const char *kind, const char *id, sg_loc here,
		       sg_loc first, sg_error *err)
{
	/* (a shared list is made the relation's own before it changes) */
	if (have->n && !have->alloc && given->n) {
		const char **kv = malloc(have->n * sizeof(*kv));

		if (!kv)
			return nomem(err);
		memcpy(kv, have->kv, have->n * sizeof(*kv));
		have->kv = kv;
		have->alloc = have->n;
	}
	/* (a new list, a relation's, just long enough: most never grow) */
	if (!have->kv && given->n) {
		if (!(have->kv = malloc(given->n * sizeof(*have->kv))))
			return nomem(err);
		have->alloc = given->n;
	}
	for (size_t i = 0; i < given->n; i += 2) {
		const char *key = given->kv[i];
		const char **slot = style_slot(have, key);

		if (slot) {
			if (merge_str(g, slot, given->kv[i + 1], kind, id, key,
				      here, first, err))
				return -1;
			continue;
		}
		if (SG_GROW(have->kv, have->n + 2, have->alloc))
			return nomem(err);
		/* (keys repeat: words) */
		if (!(have->kv[have->n] = sg_graph_word(g, key)))
			return nomem(err);
		if (set_str(g, &have->kv[have->n + 1], given->kv[i + 1], err))
			return -1;
		have->n += 2;
	}
	return 0;
}

int sg_graph_set_title(sg_graph *g, const char *title,
		       const char *description, sg_loc loc, sg_error *err)
{
	/* Merged files keep the first of each: every file may well have its
	 * own. */
	if (!g->description && description &&
	    set_str(g, &g->description, description, err))
		return -1;
	if (g->title || !title)
		return 0;
	g->title_loc = loc;
	return set_str(g, &g->title, title, err);
}

/* Indexes one more key of entity i for lookups that ignore case; key is
 * the graph's own string. */
static int index_key(sg_graph *g, const char *key, uint32_t i, sg_error *err)
{
	const char *folded;

	sg_buf_reset(&g->scratch);
	if (sg_fold(&g->scratch, key))
		return nomem(err);
	/* (a key folded already, as an id in lower case is, serves as it is) */
	folded = !strcmp(sg_buf_str(&g->scratch), key) ? key :
		 sg_arena_strdup(&g->arena, sg_buf_str(&g->scratch));
	if (!folded || sg_map_add(&g->by_key, folded, i))
		return nomem(err);
	return 0;
}

/* Adds the aliases given to entity e, number i, but those it has: found in
 * g->alias_pairs, not by a look through e's, which made an entity of many
 * aliases quadratic. */
static int add_aliases(sg_graph *g, sg_entity *e, uint32_t i,
		       const sg_entity *given, sg_error *err)
{
	for (size_t k = 0; k < given->naliases; k++) {
		const char *alias = sg_graph_intern(g, given->aliases[k]);
		int added = alias ? sg_map_add_unique(&g->alias_pairs, alias, i) :
				    -1;

		if (added < 0 ||
		    (added && SG_GROW(e->aliases, e->naliases + 1, e->aaliases)))
			return nomem(err);
		if (!added)
			continue;
		e->aliases[e->naliases++] = alias;
		if (index_key(g, alias, i, err))
			return -1;
	}
	return 0;
}

int sg_graph_merge_entity(sg_graph *g, size_t i, const sg_entity *given,
			  sg_error *err)
{
	sg_entity *e = &g->entities[i];
	const char *had_name = e->name;

#define MERGE(field) \
	merge_str(g, &e->field, given->field, "entity", e->id, #field, \
		  given->loc, e->loc, err)
	if (MERGE(name) || MERGE(type) || MERGE(description) || MERGE(url) ||
	    merge_str(g, &e->parent_ref, given->parent_ref, "entity", e->id,
		      "parent", given->loc, e->loc, err))
		return -1;
#undef MERGE
	if (given->parent_ref && !e->parent_loc.line)
		e->parent_loc = given->parent_loc;
	if (!had_name && e->name && index_key(g, e->name, (uint32_t)i, err))
		return -1;
	return merge_attrs(g, &e->attrs, &given->attrs, "entity", e->id,
			   given->loc, e->loc, err) ||
	       add_aliases(g, e, (uint32_t)i, given, err);
}

int sg_graph_add_entity(sg_graph *g, const sg_entity *given, sg_error *err)
{
	int64_t found = sg_map_get(&g->by_id, given->id);
	sg_entity *e;
	uint32_t i;

	if (found >= 0)
		return sg_graph_merge_entity(g, (size_t)found, given, err);
	if (g->nentities >= UINT32_MAX ||
	    SG_GROW(g->entities, g->nentities + 1, g->aentities))
		return nomem(err);
	i = (uint32_t)g->nentities++;
	e = &g->entities[i];
	memset(e, 0, sizeof(*e));
	e->loc = given->loc;
	e->type_index = SG_NONE;
	e->parent = SG_NONE;
	e->parent_loc = given->parent_loc;
	if (set_str(g, &e->id, given->id, err) ||
	    set_str(g, &e->parent_ref, given->parent_ref, err) ||
	    set_str(g, &e->name, given->name, err) ||
	    set_word(g, &e->type, given->type, err) ||
	    set_str(g, &e->description, given->description, err) ||
	    set_str(g, &e->url, given->url, err))
		return -1;
	if (sg_map_add(&g->by_id, e->id, i) || index_key(g, e->id, i, err))
		return nomem(err);
	if (e->name && index_key(g, e->name, i, err))
		return -1;
	return merge_attrs(g, &e->attrs, &given->attrs, "entity", e->id,
			   given->loc, e->loc, err) ||
	       add_aliases(g, e, i, given, err);
}

/* Where the relation about to be added, read at loc, has its ends and
 * source: at, or NULL where they stand at loc. The table beside the
 * relations is made when a relation first needs it. */
static int place_relation(sg_graph *g, sg_loc loc, const sg_places *at)
{
	sg_pos here = sg_pos_of(loc);
	size_t had = g->places ? g->nrelations : 0;

	if (!g->places && (!at || !memcmp(at, &(sg_places){ here, here, here },
					  sizeof(*at))))
		return 0;
	if (SG_GROW(g->places, g->arelations, g->aplaces))
		return -1;
	for (size_t i = had; i < g->nrelations; i++) {
		sg_pos p = sg_pos_of(g->relations[i].loc);

		g->places[i] = (sg_places){ p, p, p };
	}
	g->places[g->nrelations] = at ? *at : (sg_places){ here, here, here };
	return 0;
}

sg_loc sg_graph_place(const sg_graph *g, size_t i, enum sg_end end)
{
	const sg_places *at = g->places ? &g->places[i] : NULL;
	sg_loc loc = g->relations[i].loc;

	if (!at)
		return loc;
	return sg_loc_at(loc, end == SG_END_FROM ? at->from :
			      end == SG_END_TO ? at->to : at->source);
}

/* The relation is built whole, its strings the graph's own, and only
 * then appended: a failure leaves no half-built relation behind. */
static int add_relation(sg_graph *g, const sg_relation *given,
			const sg_places *at, bool known, sg_error *err)
{
	sg_relation r = *given;

	memset(&r.attrs, 0, sizeof(r.attrs));
	r.ends_known = known || (known_end(g, r.from, r.from_ref) &&
				 known_end(g, r.to, r.to_ref));
	r.type_index = r.source_index = SG_NONE;
	if (g->nrelations >= UINT32_MAX ||
	    SG_GROW(g->relations, g->nrelations + 1, g->arelations) ||
	    place_relation(g, r.loc, at)) {
		nomem(err);
		goto error;
	}
	if (merge_attrs(g, &r.attrs, &given->attrs, "relation", "", r.loc,
			r.loc, err) ||
	    (!r.ends_known &&
	     (set_str(g, &r.from_ref, given->from_ref, err) ||
	      set_str(g, &r.to_ref, given->to_ref, err))) ||
	    set_word(g, &r.type, given->type, err) ||
	    set_str(g, &r.id, given->id, err) ||
	    set_str(g, &r.label, given->label, err) ||
	    set_str(g, &r.evidence, given->evidence, err) ||
	    set_str(g, &r.source, given->source, err))
		goto error;
	g->relations[g->nrelations++] = r;
	g->resolved = 0;
	return 0;
error:
	free(r.attrs.kv);
	return -1;
}

int sg_graph_add_relation(sg_graph *g, const sg_relation *given,
			  sg_error *err)
{
	return add_relation(g, given, NULL, false, err);
}

int sg_graph_add_relation_known(sg_graph *g, const sg_relation *given,
				sg_error *err)
{
	return add_relation(g, given, NULL, true, err);
}

int sg_graph_add_relation_at(sg_graph *g, const sg_relation *given,
			     const sg_places *at, sg_error *err)
{
	return add_relation(g, given, at, false, err);
}

int sg_graph_add_relation_attrs(sg_graph *g, size_t i, const sg_attrs *attrs,
				sg_loc loc, sg_error *err)
{
	sg_relation *r = &g->relations[i];

	return merge_attrs(g, &r->attrs, attrs, "relation",
			   r->id ? r->id : "", loc, r->loc, err);
}

void sg_graph_share_attrs(sg_graph *g, size_t i, const char **kv,
			  uint32_t n)
{
	g->relations[i].attrs = (sg_attrs){ kv, n, 0 };
}

int sg_graph_add_unloaded(sg_graph *g, const sg_unloaded *given,
			  sg_error *err)
{
	sg_unloaded *u;

	if (SG_GROW(g->unloaded, g->nunloaded + 1, g->aunloaded))
		return nomem(err);
	u = &g->unloaded[g->nunloaded];
	*u = *given;
	if (set_str(g, &u->entity, given->entity, err) ||
	    (given->near && set_str(g, &u->near, given->near, err)))
		return -1;
	/* (types are words: few, and used often) */
	u->relation_type = given->relation_type ?
		sg_graph_word(g, given->relation_type) : NULL;
	u->type = given->type ? sg_graph_word(g, given->type) : NULL;
	if ((given->relation_type && !u->relation_type) ||
	    (given->type && !u->type))
		return nomem(err);
	u->index = u->relation_index = u->type_index = u->near_index = SG_NONE;
	g->nunloaded++;
	return 0;
}

int sg_graph_add_source(sg_graph *g, const sg_source *given, sg_error *err)
{
	int64_t found = sg_map_get(&g->source_ids, given->id);
	sg_source *s;

	if (found >= 0) {
		s = &g->sources[found];
#define MERGE(field) \
	merge_str(g, &s->field, given->field, "source", s->id, #field, \
		  given->loc, s->loc, err)
		return MERGE(title) || MERGE(author) || MERGE(date) ||
		       MERGE(url) || MERGE(publisher) ? -1 : 0;
#undef MERGE
	}
	if (SG_GROW(g->sources, g->nsources + 1, g->asources))
		return nomem(err);
	s = &g->sources[g->nsources];
	memset(s, 0, sizeof(*s));
	s->loc = given->loc;
	if (set_str(g, &s->id, given->id, err) ||
	    set_str(g, &s->title, given->title, err) ||
	    set_str(g, &s->author, given->author, err) ||
	    set_str(g, &s->date, given->date, err) ||
	    set_str(g, &s->url, given->url, err) ||
	    set_str(g, &s->publisher, given->publisher, err))
		return -1;
	if (sg_map_add(&g->source_ids, s->id, (uint32_t)g->nsources))
		return nomem(err);
	g->nsources++;
	return 0;
}


int sg_graph_add_type(sg_graph *g, int relation, const sg_type *given,
		      sg_error *err)
{
	sg_type **types = relation ? &g->relation_types : &g->types;
	size_t *n = relation ? &g->nrelation_types : &g->ntypes;
	size_t *alloc = relation ? &g->arelation_types : &g->atypes;
	sg_map *ids = relation ? &g->relation_type_ids : &g->type_ids;
	const char *kind = relation ? "relation type" : "type";
	int64_t found = sg_map_get(ids, given->id);
	sg_type *t;

	if (found < 0) {
		if (SG_GROW(*types, *n + 1, *alloc))
			return nomem(err);
		t = &(*types)[*n];
		memset(t, 0, sizeof(*t));
		t->loc = given->loc;
		if (set_str(g, &t->id, given->id, err))
			return -1;
		if (sg_map_add(ids, t->id, (uint32_t)*n))
			return nomem(err);
		++*n;
	} else {
		t = &(*types)[found];
	}
	if (merge_str(g, &t->label, given->label, kind, t->id, "label",
		      given->loc, t->loc, err))
		return -1;
	t->symmetric |= given->symmetric;
	return merge_attrs(g, &t->style, &given->style, kind, t->id,
			   given->loc, t->loc, err);
}

const sg_type *sg_graph_type(const sg_graph *g, int relation, const char *id)
{
	int64_t i = sg_map_get(relation ? &g->relation_type_ids : &g->type_ids,
			       id);

	if (i < 0)
		return NULL;
	return relation ? &g->relation_types[i] : &g->types[i];
}

/* ---- lookup ---- */

struct matches {
	int64_t first, second;
};

static int collect(uint32_t value, void *data)
{
	struct matches *m = data;

	if (m->first < 0)
		m->first = value;
	else if (m->first != value && (m->second < 0 || value < m->second))
		m->second = value;
	return 0;
}

static const char *display_name(const sg_entity *e)
{
	return e->name ? e->name : e->id;
}

/* How a name matches an entity's id, name or alias: folded for case
 * (sg_fold), loosely (sg_fold_loose), or holding its loose words. */
enum how { BY_KEY, BY_LOOSE, BY_WORDS };

/* Whether each word of words (loose: one space between) is a word of
 * text. */
static int has_words(const char *text, const char *words)
{
	while (*words) {
		size_t n = strcspn(words, " ");
		const char *at = text;

		while (*at && (strncmp(at, words, n) ||
			       (at[n] != ' ' && at[n]))) {
			at += strcspn(at, " ");
			at += *at == ' ';
		}
		if (!*at)
			return 0;
		words += n + (words[n] == ' ');
	}
	return 1;
}

/* Whether key, folded as how says into b, is folded (or holds its
 * words); -1 when out of memory. */
static int key_matches(enum how how, const char *folded, const char *key,
		       sg_buf *b)
{
	sg_buf_reset(b);
	if (how == BY_KEY ? sg_fold(b, key) : sg_fold_loose(b, key))
		return -1;
	return how == BY_WORDS ? has_words(sg_buf_str(b), folded) :
				 !strcmp(sg_buf_str(b), folded);
}

/* Whether e's id, name or an alias matches folded by how; -1 when out of
 * memory. */
static int entity_matches(const sg_entity *e, enum how how,
			  const char *folded, sg_buf *b)
{
	int hit = key_matches(how, folded, e->id, b);

	if (!hit && e->name)
		hit = key_matches(how, folded, e->name, b);
	for (size_t k = 0; !hit && k < e->naliases; k++)
		hit = key_matches(how, folded, e->aliases[k], b);
	return hit;
}

#define CANDIDATES_LISTED 10

/* The entities folded matches by how, in input order: how many, the
 * first, and the first CANDIDATES_LISTED named in b with their types. */
static int candidates(const sg_graph *g, enum how how, const char *folded,
		      sg_buf *b, size_t *n, int64_t *first)
{
	sg_buf key = SG_BUF_INIT;
	int r = 0;

	*n = 0;
	for (size_t i = 0; i < g->nentities && !r; i++) {
		const sg_entity *e = &g->entities[i];
		int hit = entity_matches(e, how, folded, &key);

		r = hit < 0;
		if (hit <= 0)
			continue;
		if (!(*n)++)
			*first = (int64_t)i;
		if (*n <= CANDIDATES_LISTED)
			r = sg_buf_addf(b, "%s'%s' (%s%s%s)", b->len ? ", " : "",
					e->id, display_name(e),
					e->type ? ", " : "",
					e->type ? e->type : "");
	}
	if (!r && *n > CANDIDATES_LISTED)
		r = sg_buf_addf(b, " and %zu more", *n - CANDIDATES_LISTED);
	sg_buf_release(&key);
	return r;
}

/* sg_graph_find, for name whose sg_hash is hash. */
static int64_t find_hashed(const sg_graph *g, const char *name,
			   uint32_t hash, sg_loc loc, sg_error *err)
{
	struct matches m = { -1, -1 };
	sg_buf folded = SG_BUF_INIT, msg = SG_BUF_INIT;
	int64_t exact = sg_map_get_hashed(&g->by_id, name, hash);

	if (exact >= 0)
		return exact;
	if (sg_fold(&folded, name)) {
		sg_buf_release(&folded);
		return nomem(err);
	}
	sg_map_each(&g->by_key, sg_buf_str(&folded), collect, &m);
	if (m.first >= 0 && m.second < 0) {
		sg_buf_release(&folded);
		return m.first;
	}
	if (m.first >= 0) {
		size_t n;

		if (candidates(g, BY_KEY, sg_buf_str(&folded), &msg, &n,
			       &exact))
			nomem(err);
		sg_fail(err, SG_EAMBIGUOUS, loc.file, loc.line, loc.column,
			"entity name '%s' is ambiguous: it matches %s", name,
			sg_buf_str(&msg));
	} else {
		if (sg_suggest(g, NULL, name, &msg))
			nomem(err);
		sg_fail(err, SG_EUNKNOWN, loc.file, loc.line, loc.column,
			"unknown entity '%s'%s", name, sg_buf_str(&msg));
	}
	sg_buf_release(&folded);
	sg_buf_release(&msg);
	return -1;
}

int64_t sg_graph_find(const sg_graph *g, const char *name, sg_loc loc,
		      sg_error *err)
{
	return find_hashed(g, name, sg_hash(name), loc, err);
}

int64_t sg_graph_query(const sg_graph *g, const char *name, sg_match *how,
		       sg_error *err)
{
	sg_loc nowhere = { NULL, 0, 0 };
	struct matches m = { -1, -1 };
	sg_buf folded = SG_BUF_INIT, msg = SG_BUF_INIT;
	int64_t e = sg_map_get(&g->by_id, name);
	size_t n;

	*how = SG_MATCH_WHOLE;
	if (e >= 0)
		return e;
	if (sg_fold(&folded, name))
		goto oom;
	sg_map_each(&g->by_key, sg_buf_str(&folded), collect, &m);
	/* an id, name or alias of any case: found, or ambiguous */
	for (enum how by = BY_LOOSE; m.first < 0 && by <= BY_WORDS; by++) {
		sg_buf_reset(&folded);
		if (sg_fold_loose(&folded, name))
			goto oom;
		if (!folded.len)
			break;
		if (candidates(g, by, sg_buf_str(&folded), &msg, &n, &e))
			goto oom;
		if (n == 1) {
			*how = by == BY_WORDS ? SG_MATCH_WORDS : SG_MATCH_WHOLE;
			goto done;
		}
		if (n > 1) {
			sg_fail(err, SG_EAMBIGUOUS, NULL, 0, 0, "'%s' matches %zu "
				"entities%s: %s; give one's id or whole name",
				name, n, by == BY_WORDS ? " by their words" : "",
				sg_buf_str(&msg));
			e = -1;
			goto done;
		}
	}
	/* what sg_graph_find says of it (found, ambiguous, or unknown with
	 * the nearest names), unless no name is near */
	sg_buf_reset(&msg);
	if (m.first < 0 && sg_suggest(g, NULL, name, &msg))
		goto oom;
	if (m.first < 0 && !msg.len) {
		e = sg_fail(err, SG_EUNKNOWN, NULL, 0, 0, "unknown entity "
			    "'%s': no id, name or alias is it or holds its "
			    "words (--list lists them)", name);
		goto done;
	}
	e = sg_graph_find(g, name, nowhere, err);
	goto done;
oom:
	e = nomem(err);
done:
	sg_buf_release(&folded);
	sg_buf_release(&msg);
	return e;
}

int sg_graph_lookup(const sg_graph *g, const char *name,
		    sg_entity_info *info, sg_match *how, sg_error *err)
{
	int64_t i = sg_graph_query(g, name, how, err);
	const sg_entity *e = i >= 0 ? &g->entities[i] : NULL;

	if (!e)
		return -1;
	*info = (sg_entity_info){ e->id, display_name(e),
				  e->type ? e->type : "", 0 };
	return 0;
}

/* ---- suggestions ---- */

struct suggestion {
	sg_buf folded, key;
	size_t limit, best;
	const char *names[3];
	size_t n;
};

/* Weighs candidate key, shown to the user as shown, against the name. */
static int consider(struct suggestion *s, const char *name_folded,
		    const char *key, const char *shown)
{
	size_t d;

	sg_buf_reset(&s->key);
	if (sg_fold(&s->key, key))
		return -1;
	d = sg_distance(name_folded, sg_buf_str(&s->key), s->limit);
	if (d == SIZE_MAX)
		return -1;
	if (d > s->limit || d > s->best)
		return 0;
	if (d < s->best) {
		s->best = d;
		s->n = 0;
	}
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->names[i], shown))
			return 0;
	if (s->n < SG_ARRAY_SIZE(s->names))
		s->names[s->n++] = shown;
	return 0;
}

int sg_suggest(const sg_graph *g, const sg_map *m, const char *name,
	       sg_buf *b)
{
	struct suggestion s = { SG_BUF_INIT, SG_BUF_INIT, 0, 0, { 0 }, 0 };
	const char *folded;
	int r;

	if (sg_fold(&s.folded, name)) {
		sg_buf_release(&s.folded);
		return -1;
	}
	folded = sg_buf_str(&s.folded);
	/* Up to a third of the name may be wrong: "Kazakstan" finds
	 * "Kazakhstan", but "b" finds no "a". */
	s.limit = (strlen(folded) + 1) / 3;
	s.best = s.limit;
	r = 0;
	if (!m) {
		for (size_t i = 0; i < g->nentities && !r; i++) {
			const sg_entity *e = &g->entities[i];
			const char *shown = display_name(e);

			r = consider(&s, folded, e->id, shown) ||
			    (e->name && consider(&s, folded, e->name, shown));
			for (size_t k = 0; k < e->naliases && !r; k++)
				r = consider(&s, folded, e->aliases[k], shown);
		}
	} else {
		const sg_type *types = m == &g->relation_type_ids ?
					       g->relation_types : g->types;
		size_t n = m == &g->relation_type_ids ? g->nrelation_types :
					m == &g->type_ids ? g->ntypes : 0;

		for (size_t i = 0; i < n && !r; i++)
			r = consider(&s, folded, types[i].id, types[i].id);
		for (size_t i = 0; m == &g->source_ids && i < g->nsources && !r;
		     i++)
			r = consider(&s, folded, g->sources[i].id,
				     g->sources[i].id);
	}
	for (size_t i = 0; i < s.n && !r; i++)
		r = sg_buf_addf(b, "%s'%s'", i ? " or " : "; did you mean ",
				s.names[i]);
	if (s.n && !r)
		r = sg_buf_adds(b, "?");
	sg_buf_release(&s.folded);
	sg_buf_release(&s.key);
	return r;
}

/* ---- resolution ---- */

/* Type indexes remembered by the very string that names the type: a
 * type given as a word (sg_graph_word) is the same pointer every time, and
 * is found again without hashing its text. */
struct type_cache {
	const char *id[16];
	uint32_t index[16];
};

/* The index of type id (SG_NONE for none) into *index, recording a type
 * that entities or relations use without declaring it, so that the type
 * tables list every type in use. */
static int note_type(sg_graph *g, int relation, const char *id, sg_loc loc,
		     struct type_cache *c, uint32_t *index, sg_error *err)
{
	const sg_map *ids = relation ? &g->relation_type_ids : &g->type_ids;
	size_t slot = ((uintptr_t)id >> 3) % SG_ARRAY_SIZE(c->id);
	sg_type t = { 0 };
	int64_t found;

	if (id && c->id[slot] == id) {
		*index = c->index[slot];
		return 0;
	}
	found = id ? sg_map_get(ids, id) : -1;
	*index = found >= 0 ? (uint32_t)found : SG_NONE;
	if (id && found < 0) {
		t.id = id;
		t.loc = loc;
		*index = (uint32_t)(relation ? g->nrelation_types : g->ntypes);
		if (sg_graph_add_type(g, relation, &t, err))
			return -1;
	}
	if (id) {
		c->id[slot] = id;
		c->index[slot] = *index;
	}
	return 0;
}

/* A type used at most this often beside one of the same name but for a
 * slip, used this many times as often or more, is taken for a slip. */
#define RARE_USES 2
#define COMMON_RATIO 3
/* Rare types compared with common ones at most: a vocabulary past it is
 * generated (RDF predicates, numbered ids), not typed by hand. */
#define NEAR_CHECKS 1000000

/* Warns of each type used once or twice whose name is a slip of one used
 * far more often ("type 'member_off' (1 relation) looks like 'member_of'
 * (5)"), at its first use. Names with digits (P31, P32) are left alone. */
static int warn_near_types(sg_graph *g, int relation)
{
	const sg_type *types = relation ? g->relation_types : g->types;
	size_t nt = relation ? g->nrelation_types : g->ntypes, rare = 0;
	size_t *uses = calloc(nt + 1, sizeof(*uses));
	int r = 0;

	if (!uses)
		return -1;
	for (size_t i = 0; relation && i < g->nrelations; i++)
		if (!g->relations[i].duplicate)
			uses[g->relations[i].type_index]++;
	for (size_t i = 0; !relation && i < g->nentities; i++)
		if (g->entities[i].type_index != SG_NONE)
			uses[g->entities[i].type_index]++;
	for (size_t t = 0; t < nt; t++)
		rare += uses[t] && uses[t] <= RARE_USES;
	for (size_t t = 0; t < nt && !r && rare * nt <= NEAR_CHECKS; t++) {
		const char *id = types[t].id;
		size_t best = 0, limit = strlen(id) < 5 ? 1 : 2;

		/* (short names are all a slip from each other: 'a', 'b') */
		if (!uses[t] || uses[t] > RARE_USES || strlen(id) < 4 ||
		    strpbrk(id, "0123456789"))
			continue;
		for (size_t u = 0; u < nt; u++) {
			size_t d;

			if (uses[u] < COMMON_RATIO * uses[t] ||
			    strpbrk(types[u].id, "0123456789"))
				continue;
			d = sg_distance(id, types[u].id, limit);
			if (d == SIZE_MAX) {
				r = -1;
				break;
			}
			if (d <= limit && (!best || uses[u] > uses[best - 1]))
				best = u + 1;
		}
		if (!r && best)
			r = sg_graph_warn(g, SG_WNEARMISS, types[t].loc,
					  "%s type '%s' (%zu %s%s) looks like "
					  "'%s' (%zu)",
					  relation ? "relation" : "entity", id,
					  uses[t], relation ? "relation" :
							      "entit",
					  uses[t] == 1 ? (relation ? "" : "y") :
					  (relation ? "s" : "ies"),
					  types[best - 1].id, uses[best - 1]);
	}
	free(uses);
	return r;
}

/* Builds start[] and list[] so that list[start[e] .. start[e + 1]) holds, in
 * input order, the relations whose end (from or to) is e. */
static int build_adjacency(sg_graph *g, int outgoing, uint32_t **start_out,
			   uint32_t **list_out)
{
	uint32_t *start = calloc(g->nentities + 1, sizeof(*start));
	uint32_t *list = malloc((g->nrelations ? g->nrelations : 1) *
				sizeof(*list));

	if (!start || !list) {
		free(start);
		free(list);
		return -1;
	}
	for (size_t i = 0; i < g->nrelations; i++) {
		const sg_relation *r = &g->relations[i];

		start[(outgoing ? r->from : r->to) + 1] += !r->duplicate;
	}
	for (size_t e = 0; e < g->nentities; e++)
		start[e + 1] += start[e];
	for (size_t i = 0; i < g->nrelations; i++) {
		const sg_relation *r = &g->relations[i];

		if (!r->duplicate)
			list[start[outgoing ? r->from : r->to]++] = (uint32_t)i;
	}
	/* the fill moved each start to the next one's: shift back */
	memmove(start + 1, start, g->nentities * sizeof(*start));
	start[0] = 0;
	free(*start_out);
	free(*list_out);
	*start_out = start;
	*list_out = list;
	return 0;
}

/* Links relation r to its entities and checks its source; the error, if
 * any, goes to e. */
static int link_relation(sg_graph *g, size_t i, const uint32_t hash[2],
			 struct type_cache *c, sg_error *e)
{
	sg_relation *r = &g->relations[i];
	const sg_type *type;
	int64_t from = r->ends_known ? r->from :
		       find_hashed(g, r->from_ref, hash[0],
				   sg_graph_place(g, i, SG_END_FROM), e);
	int64_t to = r->ends_known ? r->to : from < 0 ? -1 :
		     find_hashed(g, r->to_ref, hash[1],
				 sg_graph_place(g, i, SG_END_TO), e);
	int64_t source;

	if (to < 0)
		return -1;
	r->from = (uint32_t)from;
	r->to = (uint32_t)to;
	source = r->source ? sg_map_get(&g->source_ids, r->source) : -1;
	r->source_index = source >= 0 ? (uint32_t)source : SG_NONE;
	if (r->source && source < 0) {
		sg_buf msg = SG_BUF_INIT;
		sg_loc at = sg_graph_place(g, i, SG_END_SOURCE);

		if (sg_suggest(g, &g->source_ids, r->source, &msg))
			nomem(e);
		sg_fail(e, SG_EUNKNOWN, at.file, at.line, at.column,
			"unknown source '%s'%s", r->source, sg_buf_str(&msg));
		sg_buf_release(&msg);
		return -1;
	}
	if (r->from == r->to &&
	    sg_graph_warn(g, SG_WSELF, r->loc, "relation from '%s' to itself",
			  display_name(&g->entities[r->from])))
		return sg_fail(e, SG_ENOMEM, NULL, 0, 0, "out of memory");
	if (note_type(g, 1, r->type, r->loc, c, &r->type_index, e))
		return -1;
	type = &g->relation_types[r->type_index];
	r->undirected |= type->symmetric;
	return 0;
}

/* A relation's ends, the lower first when it has no direction: a-b and
 * b-a are then one relation. */
static void ends(const sg_relation *r, uint32_t end[2])
{
	int swap = r->undirected && r->to < r->from;

	end[0] = swap ? r->to : r->from;
	end[1] = swap ? r->from : r->to;
}

static int same_relation(const void *a, const void *b, void *ctx)
{
	const sg_graph *g = ctx;
	const sg_relation *x = &g->relations[*(const uint32_t *)a];
	const sg_relation *y = &g->relations[*(const uint32_t *)b];
	uint32_t xe[2], ye[2];

	ends(x, xe);
	ends(y, ye);
	if (x->undirected != y->undirected)
		return x->undirected - y->undirected;
	for (int k = 0; k < 2; k++)
		if (xe[k] != ye[k])
			return xe[k] < ye[k] ? -1 : 1;
	if (!x->id != !y->id)
		return !x->id ? -1 : 1;
	return x->id && strcmp(x->id, y->id) ? strcmp(x->id, y->id) :
					       strcmp(x->type, y->type);
}

/* A hash of what same_relation compares: equal relations, equal hashes. A
 * relation with an id is known by it, one without by its type, which
 * link_relation has resolved to an index. */
static uint32_t relation_hash(const sg_relation *r)
{
	uint32_t end[2];
	uint64_t h;

	ends(r, end);
	h = ((uint64_t)end[0] << 32 | end[1]) * 0x9E3779B97F4A7C15u;
	h ^= (r->id ? sg_hash(r->id) : r->type_index) +
	     ((uint64_t)(r->undirected * 2 + !r->id) << 32);
	/* (murmur3's finaliser: the high bits mixed into the low ones) */
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDu;
	h ^= h >> 33;
	return (uint32_t)h;
}

/* How many relations ahead mark_duplicates fetches the slots of. */
#define DUPLICATES_AHEAD 8

/* Relation i's hash, its slot among nslots in slot begun to be fetched. */
static uint32_t hash_ahead(const sg_graph *g, const uint32_t *slot,
			   size_t nslots, size_t i)
{
	uint32_t h = relation_hash(&g->relations[i]);

#if defined(__GNUC__)
	__builtin_prefetch(&slot[h & (nslots - 1)]);
#else
	(void)slot;
	(void)nslots;
#endif
	return h;
}

/* Marks each relation that repeats an earlier one (same ends, same type)
 * and warns of it, naming the first: it is drawn once. A hash table finds
 * the first in one pass; the warnings go out in same_relation's order (of
 * ends, then type), as they did when a sort found the duplicates, so that
 * the same ones come before SG_MAX_WARNINGS. */
static int mark_duplicates(sg_graph *g)
{
	struct dup {
		uint32_t index, first; /* index first: same_relation reads it */
	} *dups = NULL;
	size_t nslots = 64, ndups = 0, adups = 0;
	uint32_t *slot; /* 1 + a relation's index, 0 for empty */
	/* the hashes of the relations ahead, whose slots are on their way
	 * from memory (a wait each, among millions, was half of marking) */
	uint32_t ahead[DUPLICATES_AHEAD];
	int r = -1;

	while (nslots < g->nrelations * 2)
		nslots *= 2;
	if (!(slot = sg_zeroed(nslots, sizeof(*slot))))
		return -1;
	for (size_t i = 0; i < DUPLICATES_AHEAD && i < g->nrelations; i++)
		ahead[i] = hash_ahead(g, slot, nslots, i);
	for (size_t i = 0; i < g->nrelations; i++) {
		uint32_t index = (uint32_t)i, had;
		size_t k = ahead[i % DUPLICATES_AHEAD] & (nslots - 1);

		if (i + DUPLICATES_AHEAD < g->nrelations)
			ahead[i % DUPLICATES_AHEAD] = hash_ahead(
				g, slot, nslots, i + DUPLICATES_AHEAD);

		for (; slot[k]; k = (k + 1) & (nslots - 1)) {
			had = slot[k] - 1;
			if (!same_relation(&had, &index, g))
				break;
		}
		if (!slot[k]) {
			slot[k] = index + 1;
			continue;
		}
		g->relations[i].duplicate = 1;
		if (SG_GROW(dups, ndups + 1, adups))
			goto done;
		dups[ndups++] = (struct dup){ index, had };
	}
	/* stable: equal relations stay in input order */
	if (sg_sort(dups, ndups, sizeof(*dups), same_relation, g))
		goto done;
	for (size_t i = 0; i < ndups; i++) {
		const sg_relation *dup = &g->relations[dups[i].index];
		const sg_relation *first = &g->relations[dups[i].first];

		if (sg_graph_warn(g, SG_WDUPLICATE, dup->loc,
				  "relation '%s' %s '%s' is listed again (first "
				  "at %s:%d:%d); it is drawn once",
				  display_name(&g->entities[dup->from]),
				  dup->type, display_name(&g->entities[dup->to]),
				  first->loc.file, first->loc.line,
				  first->loc.column))
			goto done;
	}
	r = 0;
done:
	free(slot);
	free(dups);
	return r;
}

/* Whether url is a link a drawing may carry: an SVG opened in a browser
 * must never run script that came from the input (javascript:, data:). */
static int safe_url(const char *url)
{
	static const char *const schemes[] = { "http://", "https://",
					       "mailto:" };

	for (size_t i = 0; i < SG_ARRAY_SIZE(schemes); i++)
		if (!strncasecmp(url, schemes[i], strlen(schemes[i])))
			return 1;
	return 0;
}

/* Links entity e to its parent; the error, if any, goes to err. */
static int link_parent(sg_graph *g, sg_entity *e, sg_error *err)
{
	sg_error found = { 0 };
	int64_t p = sg_graph_find(g, e->parent_ref, e->parent_loc, &found);

	if (p < 0)
		return sg_fail(err, found.code, found.file, found.line,
			       found.column, "the parent of '%s': %s",
			       display_name(e), found.text);
	e->parent = (uint32_t)p;
	g->entities[p].children++;
	return 0;
}

/*
 * Notes an error where parents make a cycle (an entity inside itself), so
 * that a walk up from any entity ends; -1 then, or when memory runs out.
 * Each entity is visited once: a walk stops at an entity an earlier walk
 * has cleared, and meeting one this walk has passed is a cycle.
 */
static int check_parent_cycles(sg_graph *g)
{
	/* 1: on this walk, 2: cleared */
	unsigned char *state = calloc(g->nentities + 1, 1);
	int r = 0;

	if (!state)
		return -1;
	for (size_t i = 0; i < g->nentities && !r; i++) {
		uint32_t e = (uint32_t)i;

		while (e != SG_NONE && !state[e]) {
			state[e] = 1;
			e = g->entities[e].parent;
		}
		if (e != SG_NONE && state[e] == 1) {
			const sg_entity *in = &g->entities[e];
			sg_error cycle = { 0 };

			sg_fail(&cycle, SG_ESHAPE, in->parent_loc.file,
				in->parent_loc.line, in->parent_loc.column,
				"'%s' is inside itself: its parents make a "
				"cycle", display_name(in));
			sg_graph_note(g, &cycle);
			r = -1;
		}
		for (e = (uint32_t)i; e != SG_NONE && state[e] == 1;
		     e = g->entities[e].parent)
			state[e] = 2;
	}
	free(state);
	return r;
}

/* How many relations ahead of the one resolved the ends of one are
 * prefetched, and how many of them have their ends' hashes kept (each end
 * hashed once for its two prefetches and its finding). */
enum { AHEAD = 16, RING = 32 };

static void hash_ends(const sg_graph *g, size_t i, uint32_t hash[2])
{
	const sg_relation *r = &g->relations[i];

	if (!r->ends_known) {
		hash[0] = sg_hash(r->from_ref);
		hash[1] = sg_hash(r->to_ref);
	}
}

int sg_graph_resolve(sg_graph *g, sg_error *err)
{
	size_t since = g->nnotes;
	uint32_t hashes[RING][2];
	struct type_cache types = { { 0 }, { 0 } };
	struct type_cache relation_types = { { 0 }, { 0 } };
	sg_teller tell = { g->progress, g->progress_ctx, { 0 } };
	/* a relation's error, cleared only once it is used: its 672 bytes
	 * cleared for each relation were a fifth of resolving a million */
	sg_error failed = { 0 };

	sg_tell_begin(&tell, SG_STAGE_RESOLVE, NULL, g->nrelations);

	for (size_t i = 0; i < g->nentities; i++) {
		sg_entity *e = &g->entities[i];

		int safe = e->url && safe_url(e->url);

		if (!e->url || (safe && strlen(e->url) <= SG_URL_MAX))
			continue;
		if (safe ? sg_graph_warn(g, SG_WURL, e->loc, "a url longer "
					 "than %d bytes is dropped, of entity "
					 "'%s'", SG_URL_MAX, display_name(e)) :
			   sg_graph_warn(g, SG_WURL, e->loc, "url '%s' of "
					 "entity '%s' is dropped: only http, "
					 "https and mailto links are kept",
					 e->url, display_name(e)))
			return nomem(err);
		e->url = NULL;
	}

	for (size_t i = 0; i < g->nentities; i++) {
		sg_entity *e = &g->entities[i];

		if (note_type(g, 0, e->type, e->loc, &types, &e->type_index,
			      err))
			return -1;
		e->parent = SG_NONE;
		e->children = 0;
	}
	for (size_t i = 0; i < g->nentities; i++) {
		sg_error bad = { 0 };

		if (!g->entities[i].parent_ref)
			continue;
		/* a bad parent spoils only itself */
		if (link_parent(g, &g->entities[i], &bad) &&
		    sg_graph_note(g, &bad)) {
			if (g->nerrors < SG_MAX_ERRORS)
				return nomem(err);
			break;
		}
	}
	for (size_t i = 0; i < AHEAD && i < g->nrelations; i++)
		hash_ends(g, i, hashes[i % RING]);
	for (size_t i = 0; i < g->nrelations; i++) {
		/* (the ends of relations ahead, on their way from memory,
		 * but those known already) */
		for (size_t k = 0; k < 2; k++) {
			size_t ahead = i + (k ? AHEAD / 2 : AHEAD);
			uint32_t *h = hashes[ahead % RING];

			if (ahead >= g->nrelations ||
			    g->relations[ahead].ends_known)
				continue;
			if (!k)
				hash_ends(g, ahead, h);
			sg_map_prefetch(&g->by_id, h[0], (int)k);
			sg_map_prefetch(&g->by_id, h[1], (int)k);
		}
		/* a bad relation spoils only itself */
		if (link_relation(g, i, hashes[i % RING], &relation_types,
				  &failed) &&
		    sg_graph_note(g, &failed)) {
			/* too many errors, or memory ran out (when noting
			 * the error, too: then it is not in the list) */
			if (g->nerrors < SG_MAX_ERRORS)
				return nomem(err);
			break;
		}
		if (failed.code != SG_OK)
			failed = (sg_error){ 0 };
		sg_tell(&tell, i + 1);
	}
	for (size_t i = 0; i < g->nunloaded; i++) {
		sg_unloaded *u = &g->unloaded[i];
		int64_t e = sg_map_get(&g->by_id, u->entity);

		u->index = e >= 0 ? (uint32_t)e : SG_NONE;
		e = u->near ? sg_map_get(&g->by_id, u->near) : -1;
		u->near_index = e >= 0 ? (uint32_t)e : SG_NONE;
		if (note_type(g, 1, u->relation_type, (sg_loc){ 0 },
			      &relation_types, &u->relation_index, err) ||
		    note_type(g, 0, u->type, (sg_loc){ 0 }, &types,
			      &u->type_index, err))
			return -1;
	}
	if (sg_graph_first_error(g, since, err))
		return -1;
	if (check_parent_cycles(g))
		return sg_graph_first_error(g, since, err) ? -1 : nomem(err);
	if (mark_duplicates(g) || warn_near_types(g, 0) ||
	    warn_near_types(g, 1) ||
	    build_adjacency(g, 1, &g->out_start, &g->out) ||
	    build_adjacency(g, 0, &g->in_start, &g->in))
		return nomem(err);
	/* a parent and what is inside it are drawn together */
	for (size_t e = 0; e < g->nentities; e++)
		if (g->out_start[e] == g->out_start[e + 1] &&
		    g->in_start[e] == g->in_start[e + 1] &&
		    !g->entities[e].children &&
		    g->entities[e].parent == SG_NONE &&
		    sg_graph_warn(g, SG_WUNUSED, g->entities[e].loc,
				  "entity '%s' is in no relation",
				  display_name(&g->entities[e])))
			return nomem(err);
	g->resolved = 1;
	sg_tell_done(&tell, g->nrelations);
	return 0;
}
