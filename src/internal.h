/* Private to the library: the model's bodies and the small tools under them. */
#ifndef SG_INTERNAL_H
#define SG_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "scograph.h"

#define SG_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Fills err unless it is NULL or already holds an error; returns -1 so that
 * callers can `return sg_fail(...)`. file may be NULL, line/column 0. */
int sg_fail(sg_error *err, sg_code code, const char *file, int line,
	    int column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Tells the caller of a rendering (opts->warn) of warning w; when told to
 * stop, w becomes the error, in err: -1. */
int sg_render_warn(const sg_render_opts *opts, sg_error *err, sg_error *w);

/*
 * Grows the array *ptr of *alloc elements of size bytes so that it holds at
 * least nr; 0 or -1 (out of memory, *ptr untouched). Use SG_GROW.
 */
int sg_grow(void *ptr, size_t *alloc, size_t nr, size_t size);
/* The same for a count kept in 32 bits (the model's small lists, where a
 * size_t a list would be most of its bytes): -1 past UINT32_MAX as well. */
int sg_grow32(void *ptr, uint32_t *alloc, size_t nr, size_t size);
/* n zeroed elements of size bytes, for a table written at random (a hash
 * index): calloc's fresh pages, read first as the shared zero page and
 * then written, fault twice each; these are written at once, faulting
 * once. Aligned to a cache line (64 bytes), in huge pages where the
 * kernel gives them (a table far larger than the TLB reaches). NULL when
 * out of memory. */
void *sg_zeroed(size_t n, size_t size);
#define SG_GROW(x, nr, alloc) \
	((nr) <= (alloc) ? 0 : \
	 _Generic(&(alloc), uint32_t *: sg_grow32, default: sg_grow)( \
		 &(x), &(alloc), (nr), sizeof(*(x))))

/*
 * A growable string. Invariants: buf is NULL only while len and alloc are 0;
 * otherwise buf[len] == '\0'. Functions return 0, or -1 when out of memory
 * (the buffer is then unchanged).
 */
typedef struct sg_buf {
	char *buf;
	size_t len, alloc;
} sg_buf;
#define SG_BUF_INIT { NULL, 0, 0 }
int sg_buf_add(sg_buf *b, const char *s, size_t n);
int sg_buf_adds(sg_buf *b, const char *s);
int sg_buf_addf(sg_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Adds s as a JSON string, quoted and escaped. */
int sg_buf_add_json(sg_buf *b, const char *s);
const char *sg_buf_str(const sg_buf *b); /* "" for an empty buffer */
void sg_buf_reset(sg_buf *b);
void sg_buf_release(sg_buf *b);

/* Text in memory given to cgraph's reader (DOT) a line a call, as its
 * own file reader does (Agiodisc_t's afread, chan an sg_lines); line counts
 * the lines begun, so a message can say where the reading had got to. */
typedef struct sg_lines {
	const char *p, *end;
	int line, mid;
	const char *bol; /* where the line begun last begins */
} sg_lines;
int sg_read_lines(void *chan, char *buf, int size);

/*
 * Whom to tell of progress (fn NULL: nobody), and of what: the stage at
 * work and the count last told, so that a count is told at most once
 * every SG_PROGRESS_STEP.
 */
typedef struct sg_teller {
	sg_progress_fn fn;
	void *ctx;
	sg_progress now;
} sg_teller;
/* Tells that stage begins: done 0 of total. */
void sg_tell_begin(sg_teller *t, sg_stage stage, const char *subject,
		   size_t total);
/* Tells that the stage has come to done (unless that was told last): at
 * its end. */
void sg_tell_done(sg_teller *t, size_t done);
/* The same as it goes, once SG_PROGRESS_STEP past the count told last:
 * what the readers call once a piece, a comparison when there is nothing
 * to tell. */
static inline void sg_tell(sg_teller *t, size_t done)
{
	if (t->fn && done - t->now.done >= SG_PROGRESS_STEP)
		sg_tell_done(t, done);
}

/* Strings that live as long as the arena; freed all at once. */
typedef struct sg_arena sg_arena;
const char *sg_arena_strndup(sg_arena **a, const char *s, size_t n);
const char *sg_arena_strdup(sg_arena **a, const char *s);
/* size zeroed bytes, aligned for any object; NULL when out of memory. */
void *sg_arena_alloc(sg_arena **a, size_t size);
/* Whether s lies in one of a's blocks: a walk of its blocks, so for an
 * arena of few (a graph's words). */
int sg_arena_holds(const sg_arena *a, const char *s);
void sg_arena_free(sg_arena *a);

/* Graphviz's turn: held while anything goes through Graphviz, whose state
 * is global (see util.c). */
void sg_graphviz_lock(void);
void sg_graphviz_unlock(void);

/* Keys folded for matching that ignores case (ASCII, Latin-1, Greek and
 * Cyrillic letters); the result is added to b. */
int sg_fold(sg_buf *b, const char *s);
/* Folds s as people type a name: case and Latin accents away, and every
 * run of ASCII that is not a letter or digit one space between words; a
 * buffer it adds to must start empty. */
int sg_fold_loose(sg_buf *b, const char *s);
uint32_t sg_hash(const char *s);

/* The character at *s, UTF-8, moving *s past it; SG_NOT_CHAR for what is
 * no character (a stray byte, an overlong form, a surrogate, past
 * U+10FFFF), *s then past its first byte. */
#define SG_NOT_CHAR UINT32_MAX
uint32_t sg_utf8_next(const char **s);

/* Adds an attribute's value, kept as JSON text, to b as a person reads it:
 * a string without its quotes and escapes, anything else as it is. */
int sg_json_display(sg_buf *b, const char *json);

/* Edit distance between a and b, two letters swapped one edit ("soruce"),
 * or limit + 1 once it exceeds limit; SIZE_MAX when memory ran out. */
size_t sg_distance(const char *a, const char *b, size_t limit);

/*
 * A hash index from string keys to uint32 values. A key may be added several
 * times with different values; lookups visit every value of a key, in the
 * order they were added. Adding and finding a key take constant time however
 * many values it has. The map does not copy keys: they must outlive it
 * (arena strings). A zeroed sg_map is empty.
 */
typedef struct sg_map {
	struct sg_map_slot {
		const char *key;
		uint32_t hash, value; /* the key's first value */
		uint32_t more, last;  /* 1 + its others' first and last in
					 values[]; 0: none */
	} *slots;
	struct sg_map_value {
		uint32_t value, next; /* 1 + the next one's index; 0: none */
	} *values;
	size_t nslots, used, nvalues, avalues; /* used: slots, one a key */
} sg_map;
int sg_map_add(sg_map *m, const char *key, uint32_t value);
/* A set of (key, value) pairs instead: adds the pair unless it is there
 * already (1: added, 0: there, -1: out of memory), in constant time
 * however many values a key has. Such a map takes no other calls. */
int sg_map_add_unique(sg_map *m, const char *key, uint32_t value);
/* Calls fn for each value of key until fn returns non-zero; returns that. */
int sg_map_each(const sg_map *m, const char *key,
		int (*fn)(uint32_t value, void *data), void *data);
/* The first value of key, or -1 */
int64_t sg_map_get(const sg_map *m, const char *key);
/* The same, for key whose sg_hash is hash: a run of lookups that
 * prefetches (sg_map_prefetch) hashes each key once. */
int64_t sg_map_get_hashed(const sg_map *m, const char *key, uint32_t hash);
/* Makes room for n keys more: none added then grows the table. */
int sg_map_reserve(sg_map *m, size_t n);
/* The map's own key equal to key, or NULL */
const char *sg_map_key(const sg_map *m, const char *key);
/* Starts bringing what finding the key whose sg_hash is hash will read
 * into the cache: with step 0 its slot, with 1 (once the slot is there)
 * the key the slot holds. For a run of lookups, each a few ahead of its
 * own: an index far larger than the cache otherwise waits on memory twice
 * a lookup. */
void sg_map_prefetch(const sg_map *m, uint32_t hash, int step);
void sg_map_release(sg_map *m);

/* ---- the model -------------------------------------------------------- */

typedef struct sg_loc {
	const char *file;
	int line, column;
} sg_loc;

/* A place in the file of an sg_loc it goes with: a relation's ends, read
 * with the relation, need not hold the file's name again each. */
typedef struct sg_pos {
	int line, column;
} sg_pos;

static inline sg_pos sg_pos_of(sg_loc l)
{
	return (sg_pos){.line = l.line, .column = l.column};
}

/* p in the file of in */
static inline sg_loc sg_loc_at(sg_loc in, sg_pos p)
{
	in.line = p.line;
	in.column = p.column;
	return in;
}

/* A key/value pair list, as Graphviz attributes of a type's style. With
 * alloc 0 and n > 0, kv is not the list's own but shared, the graph's
 * (sg_graph_share_attrs): it is copied before it changes. */
typedef struct sg_attrs {
	const char **kv;   /* key, value, key, value, ... */
	uint32_t n, alloc; /* n counts strings: 2 per pair */
} sg_attrs;

typedef struct sg_type {
	const char *id;
	const char *label; /* what a legend calls it; NULL: the id */
	int symmetric;     /* a relation type: its relations have no direction */
	sg_attrs style;
	sg_loc loc;
} sg_type;

typedef struct sg_source {
	const char *id, *title, *author, *date, *url, *publisher;
	sg_loc loc;
} sg_source;

/* A url longer than this is dropped (with a warning): percent-encoded, it
 * must stay under the DOT parser's limit of 16384 bytes a string. */
#define SG_URL_MAX 4000

/* An index that points nowhere: an entity without a type, a relation
 * citing no source. */
#define SG_NONE UINT32_MAX

typedef struct sg_entity {
	const char *id, *name, *type, *description, *url;
	/* the entity it stands inside (a compound node's parent), as written:
	 * an id, name or alias; NULL: none. Once resolved, parent is its
	 * index (SG_NONE: none), and children counts those inside it. */
	const char *parent_ref;
	const char **aliases;
	sg_attrs attrs; /* the input's other keys; values as JSON text */
	sg_loc loc;
	/* (a file of its own: an entity merges what several files say) */
	sg_loc parent_loc;
	uint32_t parent, children;
	uint32_t type_index; /* in types, or SG_NONE; once resolved */
	uint32_t naliases, aaliases;
} sg_entity;

/* The type of a relation its format gives none. */
#define SG_UNTYPED "related_to"

typedef struct sg_relation {
	const char *from_ref, *to_ref; /* as written */
	/* its own id in the tool that wrote it, or NULL: relations of the
	 * same ends and type are the same unless their ids differ */
	const char *id;
	const char *type, *label, *evidence, *source;
	sg_attrs attrs; /* the input's other keys; values as JSON text */
	sg_loc loc; /* where it was read (its ends' places: sg_graph_place) */
	uint32_t from, to;             /* entity indexes, once resolved */
	/* in relation_types, and in sources or SG_NONE, once resolved */
	uint32_t type_index, source_index;
	bool duplicate : 1;            /* the same as an earlier one */
	/* from and to were given with the ends as their entities' own ids
	 * (see sg_graph_add_relation): resolving need not find them */
	bool ends_known : 1;
	/* no direction: as read (the format's flag), and once resolved also
	 * when its type is symmetric */
	bool undirected : 1;
} sg_relation;
/* A million relations of N-Triples touch 100 MB of them: the places of the
 * ends and source, wanted only to tell of an end not found, stand beside
 * them (sg_places), and the struct must not grow back past this. */
_Static_assert(sizeof(sg_relation) <= 112, "sg_relation grew");

/* Where a relation's ends and source stand, in the file of its loc. */
typedef struct sg_places {
	sg_pos from, to, source;
} sg_places;

enum sg_end { SG_END_FROM, SG_END_TO, SG_END_SOURCE };

/*
 * Neighbours a source knows an entity has but did not load: a store's
 * COUNT for a neighbourhood past the page's budget (sparql.c). count of
 * them are joined to entity by relations of relation_type running dir
 * (SG_OUT: from entity; relation_type NULL: only links told), and are of
 * type type (NULL: none). Folding puts
 * them in the summaries beside entity as if they had been read, so that
 * a summary says how many the source holds without fetching them.
 */
typedef struct sg_unloaded {
	const char *entity, *relation_type, *type; /* ids */
	sg_direction dir;
	uint32_t count;
	/* the relations joining them to entity (0: one each) */
	uint32_t relations;
	/* relations of entity to what was not loaded: its rank's (a count
	 * of entities has them by group; this, all of them) */
	uint32_t links;
	/* relations of entity within the selection, all told (0: not
	 * counted): its rank, in place of those loaded and links */
	uint32_t degree;
	/* the count is of entities further out, reached from entity only
	 * through others not loaded */
	int further;
	/* another entity (NULL: none) and the relations joining it to
	 * them: a summary beside near that holds them has those too */
	const char *near;
	uint32_t near_relations;
	/* entity's index (SG_NONE: not in the graph, and the count left
	 * out), the types' indexes, near's, once resolved */
	uint32_t index, relation_index, type_index, near_index;
} sg_unloaded;

struct sg_graph {
	sg_arena *arena;
	/* words: strings of which a graph has few but uses often (types,
	 * attribute keys, an RDF predicate), each kept once, in an arena of
	 * their own so that one is known by where it lies (sg_graph_word) */
	sg_arena *words;
	sg_map word_ids;
	const char *title, *description;
	sg_loc title_loc;

	sg_entity *entities;
	size_t nentities, aentities;
	sg_relation *relations;
	size_t nrelations, arelations;
	/* per relation, where its ends and source stand; NULL while every
	 * relation's stand at its loc (RDF's and XML's: a statement a place) */
	sg_places *places;
	size_t aplaces;
	sg_type *types, *relation_types;
	size_t ntypes, atypes, nrelation_types, arelation_types;
	sg_source *sources;
	size_t nsources, asources;
	sg_unloaded *unloaded;
	size_t nunloaded, aunloaded;

	sg_map by_id;      /* exact id -> entity */
	sg_map by_key;     /* folded id, name, alias -> entity */
	sg_map alias_pairs; /* (alias, entity): the aliases entities have */
	sg_map type_ids, relation_type_ids, source_ids;

	/* Diagnostics in the order found; sorted when asked for. */
	struct sg_note {
		sg_error e;
		size_t file, seq; /* the file's place in files[], for sorting */
	} *notes;
	size_t nnotes, anotes, nerrors;
	/* warnings past SG_MAX_WARNINGS of one code are only counted */
	size_t warnings[SG_NCODES], unshown[SG_NCODES];
	const char **files; /* in reading order */
	size_t nfiles, afiles;
	sg_error *sorted;

	/* Adjacency, built by sg_graph_resolve: the relations leaving entity
	 * e are out[out_start[e] .. out_start[e + 1]), likewise in. */
	int resolved;
	uint32_t *out_start, *out, *in_start, *in;
	sg_buf scratch;
	/* told how reading and resolving go (sg_graph_set_progress) */
	sg_progress_fn progress;
	void *progress_ctx;
};

/* Model calls the readers make. Each copies the strings it is given into the
 * graph's arena; the structs passed in hold borrowed strings (NULL: absent).
 * Two kinds are taken as they are, neither copied nor looked up again: a
 * word of the graph's (sg_graph_word), and a relation's end given as the
 * very id string of the entity its from (or to) numbers. */
int sg_graph_set_title(sg_graph *g, const char *title,
		       const char *description, sg_loc loc,
		       sg_error *err);
int sg_graph_add_entity(sg_graph *g, const sg_entity *e, sg_error *err);
/* sg_graph_add_entity of e, whose id is that of entity i, as the caller
 * knows: merged into it without looking the id up. */
int sg_graph_merge_entity(sg_graph *g, size_t i, const sg_entity *e,
			  sg_error *err);
int sg_graph_add_relation(sg_graph *g, const sg_relation *r, sg_error *err);
/* The same for a relation whose from and to are its ends' indexes and
 * from_ref and to_ref those entities' own id strings, as the caller
 * knows: added without a look at the entities (on a million relations, a
 * cache miss each end). */
int sg_graph_add_relation_known(sg_graph *g, const sg_relation *r,
				sg_error *err);
/* sg_graph_add_relation for a relation whose ends and source stand apart
 * from its loc, at at's places. */
int sg_graph_add_relation_at(sg_graph *g, const sg_relation *r,
			     const sg_places *at, sg_error *err);
/* Where relation i's end stands. */
sg_loc sg_graph_place(const sg_graph *g, size_t i, enum sg_end end);
/* Adds attributes to relation i, read before (KGTK's qualifiers name
 * their edge by its id), merged as sg_graph_add_relation merges them: a
 * key it has with another value is an error at loc. */
int sg_graph_add_relation_attrs(sg_graph *g, size_t i, const sg_attrs *attrs,
				sg_loc loc, sg_error *err);
/* Gives relation i, which has no attributes, the n strings of kv, words of
 * the graph's in memory that lives as long as the graph (its arena):
 * shared, not copied. RDF gives each of a million relations the same
 * "predicate" of a few: a list each was a malloc each. */
void sg_graph_share_attrs(sg_graph *g, size_t i, const char **kv,
			  uint32_t n);
int sg_graph_add_source(sg_graph *g, const sg_source *s, sg_error *err);
int sg_graph_add_unloaded(sg_graph *g, const sg_unloaded *u, sg_error *err);
/* relation selects the relation types' table instead of the entity types'. */
int sg_graph_add_type(sg_graph *g, int relation, const sg_type *t,
		      sg_error *err);
const char *sg_graph_intern(sg_graph *g, const char *s);
/* Makes room for entities and relations more of each, where a reader
 * knows how many it will add: no array or index grown (and copied) on the
 * way. -1 when out of memory. */
int sg_graph_reserve(sg_graph *g, size_t entities, size_t relations,
		     sg_error *err);
/* The graph's one copy of s, a word of the graph; NULL when out of memory
 * (or s NULL). For strings that repeat: each distinct one stays for the
 * graph's life. */
const char *sg_graph_word(sg_graph *g, const char *s);

/* Records e, an error or warning, among g's diagnostics; -1 when the work
 * must stop: out of memory, or SG_MAX_ERRORS errors found. Past
 * SG_MAX_WARNINGS warnings of one code, the rest are only counted. */
int sg_graph_note(sg_graph *g, const sg_error *e);
/* Records a warning at loc. */
int sg_graph_warn(sg_graph *g, sg_code code, sg_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The first error recorded from the note numbered since on, into err. */
int sg_graph_first_error(const sg_graph *g, size_t since, sg_error *err);

/* Sorts n elements of size bytes at base, keeping equal ones in order. */
int sg_sort(void *base, size_t n, size_t size,
	    int (*cmp)(const void *a, const void *b, void *ctx), void *ctx);

/* Finds an entity by id, name or alias: an exact id first, then any key
 * ignoring case. -1 with SG_EUNKNOWN (closest names suggested) or
 * SG_EAMBIGUOUS (the candidates listed), placed at loc. */
int64_t sg_graph_find(const sg_graph *g, const char *name, sg_loc loc,
		      sg_error *err);
/* Finds the entity a user means by name (sg_graph_lookup): its index,
 * or -1 with the error. */
int64_t sg_graph_query(const sg_graph *g, const char *name, sg_match *how,
		       sg_error *err);
/* Appends "; did you mean 'x'?" (or "'x' or 'y'") to b when any key of map
 * m, or of the entity index when m is NULL, is close to name. */
int sg_suggest(const sg_graph *g, const sg_map *m, const char *name,
	       sg_buf *b);

const sg_type *sg_graph_type(const sg_graph *g, int relation, const char *id);

struct sg_view {
	const sg_graph *graph;
	unsigned char *entity_on, *relation_on, *focus; /* by graph index */
	uint32_t *shown;  /* the selected entities' indexes, in input order */
	uint32_t *shown_relations; /* the same for relations */
	size_t nshown, nshown_relations;
	/* with a limit (see fold in select.c): the summaries, and per
	 * entity the summary it is folded into (SG_NONE: none), its
	 * relations in the selection, and the folded entities by summary */
	struct sg_fold {
		uint32_t anchor, relation, type; /* indexes or SG_NONE */
		sg_direction dir;
		int further;
		uint32_t first, count, relations; /* in members[] */
		/* entities its source counted but did not load (see
		 * sg_unloaded): not in members[], but in its size */
		uint32_t more;
		/* how many of its entities, the first in members[], a
		 * drawing names (see name_members in select.c) */
		uint32_t named;
		/* how many a file holding them all would name: a store's
		 * share to fetch (see ask_named in sparql.c) */
		uint32_t share;
		size_t label, id; /* offsets in labels */
	} *folds;
	size_t nfolds, ncut;
	size_t nselected_relations; /* before folding */
	uint32_t *fold_of, *degree, *members;
	/* per g->unloaded, the summary that counts it (SG_NONE: none) */
	uint32_t *fold_of_unloaded;
	sg_buf labels;
	/* per entity in the view, the nearest of its parents' line in the
	 * view, which it is drawn inside; SG_NONE: none */
	uint32_t *up;
	/* per entity in the view, its span in a walk of the tree up makes:
	 * a is b or inside it when b's span holds a's */
	uint32_t *enter, *leave;
	/* the relation types the selection follows (by index; the last:
	 * untyped), for what a summary holds (sg_view_unfold) */
	unsigned char *rel_on;
	/* a view of a diff's graph of both versions (sg_diff_select): the
	 * diff that tells each entity's and relation's status; NULL for any
	 * other view */
	const sg_diff *diff;
};

/* How a theme meets dark screens: not at all, drawn dark, or drawn light
 * with an SVG that turns dark where its reader prefers dark. */
enum sg_dark { SG_DARK_NO, SG_DARK_YES, SG_DARK_AUTO };

/* A theme (read_theme.c). Its strings live in styles, which holds its
 * types as a graph does. */
struct sg_theme {
	sg_graph *styles;
	sg_attrs graph, node, edge; /* over the defaults, under -G, -N, -E */
	sg_attrs palette;           /* fill, border, fill, border, ... */
	int greyscale;
	enum sg_dark dark;
};

/* Colours (colour.c). SG_COLOUR_SIZE bytes hold "#rrggbbaa". */
#define SG_COLOUR_SIZE sizeof("#rrggbbaa")
/* value ("#rrggbb", "#rrggbbaa", "white" or "black") as a dark drawing
 * shows it, into buf: every contrast between two colours kept, hue kept,
 * white the dark background. NULL for any other value. */
const char *sg_colour_dark(const char *value, char *buf);
/* The SVG svg, len bytes, into out, with a style that shows it dark on a
 * screen whose reader prefers dark (prefers-color-scheme); unchanged when
 * it has a colour sg_colour_dark does not read. -1 when out of memory. */
int sg_svg_follow_scheme(sg_buf *out, const char *svg, size_t len);

/* A summary's tooltip names this many of its entities (draw_summary.c);
 * a store is asked for their names (sparql.c). */
#define SG_SUMMARY_NAMES 20
/* Summaries this many entities large at most are drawn on their own
 * (sg_view_unfold). */
#define SG_UNFOLD_MAX 60
/* The view of what summary i of v folded: the entity it is beside, the
 * focus, and its entities, with the relations among them that v's
 * selection follows. NULL with SG_EUSAGE for a summary of more than
 * SG_UNFOLD_MAX, or none; with SG_ENOMEM when memory runs out. */
sg_view *sg_view_unfold(const sg_view *v, size_t i, sg_error *err);

/* sg_select, starting from the entities seeds marks instead of a focus
 * (unless opts has one), kept only when the filters allow them: those
 * marked 1 with opts->depth steps around them, those marked 2 as if one
 * step from a focus already (drawn, but no step further). */
sg_view *sg_select_from(const sg_graph *g, const sg_select_opts *opts,
			const unsigned char *seeds, sg_error *err);

/* What a diff's graph draws (diff.c): the status of its entity or
 * relation i, and in *changes (when changed) "FIELD: BEFORE → AFTER", one
 * a line; the change set as JSON into b. */
sg_status sg_diff_entity(const sg_diff *d, uint32_t i, const char **changes);
sg_status sg_diff_relation(const sg_diff *d, uint32_t i,
			   const char **changes);
/* One field that differs; before and after are JSON text, NULL when the
 * field is absent. attribute: the field is an attribute's key. */
typedef struct sg_change {
	const char *field, *before, *after;
	int attribute;
} sg_change;
/* The changes of a diff's entity or relation i, *n of them, in the order
 * its tooltip's lines have them; NULL (and 0) when it has none. */
const sg_change *sg_diff_entity_changes(const sg_diff *d, uint32_t i,
					size_t *n);
const sg_change *sg_diff_relation_changes(const sg_diff *d, uint32_t i,
					  size_t *n);
int sg_diff_json(const sg_diff *d, sg_buf *b);

/* Adds the view to b as native JSON, ready to be read back (write.c);
 * unnamed: its drawing's summaries name no entities (see sg_fit). */
int sg_write_json(const sg_view *v, int unnamed, sg_buf *b);

#endif
