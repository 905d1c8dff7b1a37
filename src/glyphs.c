/* Text no installed font has: which characters the installed fonts can
 * draw, as fontconfig tells it (Graphviz's cairo and gd renderers draw
 * from the same catalogue, and a character no font has comes out as a
 * box), and the warnings of the labels of a drawing that have one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>

#include "draw.h"

struct glyphs {
	FcCharSet *all; /* every character of every installed font */
};

/* The catalogue of installed fonts; NULL when out of memory. */
static struct glyphs *glyphs_open(void)
{
	struct glyphs *gl = calloc(1, sizeof(*gl));
	FcPattern *any = FcPatternCreate();
	FcObjectSet *charsets = FcObjectSetBuild(FC_CHARSET, (char *)NULL);
	FcFontSet *fonts = any && charsets ? FcFontList(NULL, any, charsets) :
					     NULL;

	if (gl && fonts && (gl->all = FcCharSetCreate())) {
		for (int i = 0; i < fonts->nfont; i++) {
			FcCharSet *cs;

			if (FcPatternGetCharSet(fonts->fonts[i], FC_CHARSET, 0,
						&cs) == FcResultMatch &&
			    !FcCharSetMerge(gl->all, cs, NULL))
				break;
		}
	}
	if (fonts)
		FcFontSetDestroy(fonts);
	if (charsets)
		FcObjectSetDestroy(charsets);
	if (any)
		FcPatternDestroy(any);
	if (gl && !gl->all) {
		free(gl);
		gl = NULL;
	}
	return gl;
}

static void glyphs_close(struct glyphs *gl)
{
	if (!gl)
		return;
	FcCharSetDestroy(gl->all);
	free(gl);
}

/* The first character of UTF-8 text that no installed font has; 0 when
 * they have every one. */
static uint32_t glyphs_missing(const struct glyphs *gl, const char *text)
{
	const FcChar8 *p = (const FcChar8 *)text;
	int left = (int)strlen(text);

	while (left > 0) {
		FcChar32 c;
		int n = FcUtf8ToUcs4(p, &c, left);

		if (n <= 0)
			return 0;
		/* spaces and controls draw as nothing, in any font */
		if (c > 0x7F && c != 0xA0 && !FcCharSetHasChar(gl->all, c))
			return c;
		p += n;
		left -= n;
	}
	return 0;
}

/*
 * The scripts of Unicode's blocks, and the Debian package of fonts that has
 * them: fonts-noto-cjk for Chinese, Japanese and Korean, which
 * fonts-noto-core leaves out; fonts-noto-core for most others.
 */
static const struct script {
	uint32_t first, last;
	const char *name, *package;
} scripts[] = {
	{ 0x0370, 0x03FF, "Greek", "fonts-noto-core" },
	{ 0x0400, 0x052F, "Cyrillic", "fonts-noto-core" },
	{ 0x0530, 0x058F, "Armenian", "fonts-noto-core" },
	{ 0x0590, 0x05FF, "Hebrew", "fonts-noto-core" },
	{ 0x0600, 0x08FF, "Arabic", "fonts-noto-core" },
	{ 0x0900, 0x097F, "Devanagari", "fonts-noto-core" },
	{ 0x0980, 0x09FF, "Bengali", "fonts-noto-core" },
	{ 0x0A00, 0x0A7F, "Gurmukhi", "fonts-noto-core" },
	{ 0x0A80, 0x0AFF, "Gujarati", "fonts-noto-core" },
	{ 0x0B00, 0x0B7F, "Oriya", "fonts-noto-core" },
	{ 0x0B80, 0x0BFF, "Tamil", "fonts-noto-core" },
	{ 0x0C00, 0x0C7F, "Telugu", "fonts-noto-core" },
	{ 0x0C80, 0x0CFF, "Kannada", "fonts-noto-core" },
	{ 0x0D00, 0x0D7F, "Malayalam", "fonts-noto-core" },
	{ 0x0D80, 0x0DFF, "Sinhala", "fonts-noto-core" },
	{ 0x0E00, 0x0E7F, "Thai", "fonts-noto-core" },
	{ 0x0E80, 0x0EFF, "Lao", "fonts-noto-core" },
	{ 0x0F00, 0x0FFF, "Tibetan", "fonts-noto-core" },
	{ 0x1000, 0x109F, "Myanmar", "fonts-noto-core" },
	{ 0x10A0, 0x10FF, "Georgian", "fonts-noto-core" },
	{ 0x1100, 0x11FF, "Hangul", "fonts-noto-cjk" },
	{ 0x1200, 0x139F, "Ethiopic", "fonts-noto-core" },
	{ 0x1780, 0x17FF, "Khmer", "fonts-noto-core" },
	{ 0x1800, 0x18AF, "Mongolian", "fonts-noto-core" },
	{ 0x2E80, 0x2FDF, "Han", "fonts-noto-cjk" },
	{ 0x3000, 0x303F, "CJK punctuation", "fonts-noto-cjk" },
	{ 0x3040, 0x309F, "Hiragana", "fonts-noto-cjk" },
	{ 0x30A0, 0x30FF, "Katakana", "fonts-noto-cjk" },
	{ 0x3100, 0x312F, "Bopomofo", "fonts-noto-cjk" },
	{ 0x3130, 0x318F, "Hangul", "fonts-noto-cjk" },
	{ 0x3400, 0x4DBF, "Han", "fonts-noto-cjk" },
	{ 0x4E00, 0x9FFF, "Han", "fonts-noto-cjk" },
	{ 0xAC00, 0xD7AF, "Hangul", "fonts-noto-cjk" },
	{ 0xF900, 0xFAFF, "Han", "fonts-noto-cjk" },
	{ 0xFF00, 0xFFEF, "CJK full-width", "fonts-noto-cjk" },
	{ 0x1F000, 0x1FAFF, "emoji", "fonts-noto-color-emoji" },
	{ 0x20000, 0x3FFFF, "Han", "fonts-noto-cjk" },
};

const char *sg_script_of(uint32_t c, const char **package)
{
	for (size_t i = 0; i < SG_ARRAY_SIZE(scripts); i++)
		if (c >= scripts[i].first && c <= scripts[i].last) {
			*package = scripts[i].package;
			return scripts[i].name;
		}
	*package = "fonts-noto-core";
	return NULL;
}

/* What a label belongs to: the drawing's title (or caption), a node, a
 * relation's line, or a group's box. */
enum labelled { TITLE, NODE, LINE, GROUP };

/* A label PNG and PDF would draw boxes in. */
struct missing {
	/* where it comes in the input: the title, the entities, the
	 * relations, then the rest (legend, summaries, groups) as drawn;
	 * order breaks ties, the walk's */
	uint64_t key, order;
	enum labelled kind;
	void *obj;
	const char *label;
	uint32_t c;     /* its first character no installed font has */
	int64_t entity; /* a node's; -1: none */
	/* a line's: between entity nodes, the how manieth (from 0) of
	 * those between its two, which cgraph keeps in the order drawn */
	size_t parallel;
};

struct missing_list {
	struct missing *item;
	size_t n, alloc;
};

/* Adds obj, of kind, to l when its label has a character gl has not. */
static int note_missing(struct missing_list *l, const struct glyphs *gl,
			void *obj, enum labelled kind, int64_t entity,
			size_t parallel)
{
	const char *label = agget(obj, "label");
	uint32_t c;

	if (!label || !(c = glyphs_missing(gl, label)))
		return 0;
	if (SG_GROW(l->item, l->n + 1, l->alloc))
		return -1;
	l->item[l->n] = (struct missing){ 0, l->n, kind, obj, label, c,
					  entity, parallel };
	l->n++;
	return 0;
}

/* The labels of drawing ag that gl cannot draw, in l, as ag lists
 * them. */
static int find_missing(Agraph_t *ag, const sg_graph *g,
			const struct glyphs *gl, struct missing_list *l)
{
	int r = note_missing(l, gl, ag, TITLE, -1, 0);

	for (Agnode_t *n = agfstnode(ag); n && !r; n = agnxtnode(ag, n)) {
		Agnode_t *last = NULL;
		size_t parallel = 0;

		r = note_missing(l, gl, n, NODE, sg_node_entity(g, n), 0);
		/* (cgraph keeps the lines to one head together) */
		for (Agedge_t *ed = agfstout(ag, n); ed && !r;
		     ed = agnxtout(ag, ed)) {
			parallel = aghead(ed) == last ? parallel + 1 : 0;
			last = aghead(ed);
			r = note_missing(l, gl, ed, LINE, -1, parallel);
		}
	}
	for (Agraph_t *sub = agfstsubg(ag); sub && !r; sub = agnxtsubg(sub))
		r = note_missing(l, gl, sub, GROUP, -1, 0);
	return r;
}

/* A relation drawn, by its ends. */
struct drawn {
	uint32_t from, to, index;
};

static int by_ends(const void *a, const void *b)
{
	const struct drawn *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The relations v draws, sorted by their ends, then in input order: the
 * relations of a line, parallel-th between its ends. NULL when out of
 * memory. */
static struct drawn *drawn_by_ends(const sg_view *v)
{
	struct drawn *d = malloc((v->nshown_relations + 1) * sizeof(*d));

	if (!d)
		return NULL;
	for (size_t k = 0; k < v->nshown_relations; k++) {
		const sg_relation *r =
			&v->graph->relations[v->shown_relations[k]];

		d[k] = (struct drawn){ r->from, r->to, v->shown_relations[k] };
	}
	qsort(d, v->nshown_relations, sizeof(*d), by_ends);
	return d;
}

/* The relation line m draws, by its ends' entities; -1 when they are no
 * entities' (a summary, the legend) or no relation is found there. */
static int64_t relation_of(const struct missing *m, const sg_view *v,
			   const struct drawn *d)
{
	const sg_graph *g = v->graph;
	struct drawn key = { 0, 0, 0 };
	int64_t from = sg_node_entity(g, agtail((Agedge_t *)m->obj));
	int64_t to = sg_node_entity(g, aghead((Agedge_t *)m->obj));
	size_t lo = 0, hi = v->nshown_relations;

	if (from < 0 || to < 0)
		return -1;
	key.from = (uint32_t)from;
	key.to = (uint32_t)to;
	/* the first of those between the two */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (by_ends(&d[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	lo += m->parallel;
	if (lo >= v->nshown_relations || d[lo].from != key.from ||
	    d[lo].to != key.to)
		return -1;
	return d[lo].index;
}

static int by_key(const void *a, const void *b)
{
	const struct missing *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* l in input order: its keys, then sorted by them. */
static int in_input_order(struct missing_list *l, const sg_view *v)
{
	const sg_graph *g = v->graph;
	uint64_t relations = 1 + (uint64_t)g->nentities,
		 rest = relations + g->nrelations;
	struct drawn *d = NULL;

	for (size_t i = 0; i < l->n; i++) {
		struct missing *m = &l->item[i];
		int64_t r = -1;

		if (m->kind == LINE && !d && !(d = drawn_by_ends(v)))
			return -1;
		if (m->kind == LINE)
			r = relation_of(m, v, d);
		m->key = m->kind == TITLE ? 0 :
			 m->entity >= 0 ? 1 + (uint64_t)m->entity :
			 r >= 0 ? relations + (uint64_t)r : rest;
	}
	free(d);
	/* (qsort takes no null array, even of none) */
	if (l->n)
		qsort(l->item, l->n, sizeof(*l->item), by_key);
	return 0;
}

/* Warns of m, which what names, at loc. */
static int warn_missing(const struct missing *m, const char *what,
			sg_loc loc, const sg_render_opts *opts, sg_error *err)
{
	sg_error w = { SG_WGLYPHS, SG_WARNING, loc.line, loc.column, "", "" };
	const char *script, *package, *label = m->label;
	int quote = 40;

	/* a quote of the label, cut between characters */
	while ((int)strlen(label) > quote && (label[quote] & 0xC0) == 0x80)
		quote--;
	script = sg_script_of(m->c, &package);
	snprintf(w.file, sizeof(w.file), "%s", loc.file ? loc.file : "");
	snprintf(w.text, sizeof(w.text),
		 "no installed font has %s%s characters of %s (U+%04X in "
		 "\"%.*s%s\"): PNG and PDF draw them as boxes; install a font "
		 "that has them (Debian: %s)", script ? "the " : "some",
		 script ? script : "", what, (unsigned)m->c, quote, label,
		 (int)strlen(label) > quote ? "…" : "", package);
	return sg_render_warn(opts, err, &w);
}

/* Warns of m, naming what it belongs to. */
static int warn_of(const struct missing *m, const sg_view *v,
		   const sg_render_opts *opts, sg_error *err)
{
	sg_loc loc = { NULL, 0, 0 };
	const char *what = "a group's label";
	char name[200]; /* (the warning holds 400 bytes in all) */

	if (m->kind == TITLE) {
		what = opts->caption ? "the caption" : "the title";
	} else if (m->kind == NODE && sg_node_words(m->obj)) {
		Agnode_t *words = m->obj;
		Agraph_t *ag = agraphof(words);

		snprintf(name, sizeof(name), "relation '%s' -> '%s'",
			 agnameof(agtail(agfstin(ag, words))),
			 agnameof(aghead(agfstout(ag, words))));
		what = name;
	} else if (m->kind == NODE && m->entity < 0) {
		what = "the legend";
	} else if (m->kind == NODE) {
		snprintf(name, sizeof(name), "entity '%s'", agnameof(m->obj));
		what = name;
		loc = v->graph->entities[m->entity].loc;
	} else if (m->kind == LINE) {
		snprintf(name, sizeof(name), "relation '%s' -> '%s'",
			 agnameof(agtail((Agedge_t *)m->obj)),
			 agnameof(aghead((Agedge_t *)m->obj)));
		what = name;
	}
	return warn_missing(m, what, loc, opts, err);
}

/* Warns of the labels of l, once a label (cgraph shares equal ones), so
 * that relations sharing words warn once; past SG_MAX_WARNINGS, they are
 * only counted. */
static int warn_each(const struct missing_list *l, const sg_view *v,
		     const sg_render_opts *opts, sg_error *err)
{
	const char *told[SG_MAX_WARNINGS];
	size_t ntold = 0, more = 0;
	int r = 0;

	for (size_t i = 0; i < l->n && !r; i++) {
		const struct missing *m = &l->item[i];
		size_t k = 0;

		while (k < ntold && told[k] != m->label)
			k++;
		if (k < ntold)
			continue;
		if (ntold == SG_MAX_WARNINGS) {
			more++;
			continue;
		}
		told[ntold++] = m->label;
		r = warn_of(m, v, opts, err);
	}
	if (!r && more) {
		sg_error w = { SG_WGLYPHS, SG_WARNING, 0, 0, "", "" };

		snprintf(w.text, sizeof(w.text), "%zu more labels have "
			 "characters no installed font has", more);
		r = sg_render_warn(opts, err, &w);
	}
	return r;
}

/* Warns of every label of the drawing ag that PNG or PDF would draw
 * boxes in, naming its entity or relation, in input order: walked as ag
 * lists them, they came in the DOT's order, which groups relations by
 * the entity they leave. */
int sg_check_glyphs(Agraph_t *ag, const sg_view *v,
		    const sg_render_opts *opts, sg_error *err)
{
	struct missing_list l = { NULL, 0, 0 };
	struct glyphs *gl = glyphs_open();
	int r;

	if (!gl) /* no catalogue of fonts to ask */
		return 0;
	r = find_missing(ag, v->graph, gl, &l) || in_input_order(&l, v) ?
		    sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") :
		    warn_each(&l, v, opts, err);
	glyphs_close(gl);
	free(l.item);
	return r;
}
