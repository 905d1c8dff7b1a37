/*
 * scograph: knowledge graphs in JSON, selected and drawn through Graphviz.
 *
 * The pipeline is read -> resolve -> select -> render:
 *
 *     sg_graph *g = sg_graph_new();
 *     sg_read_file(g, "graphs/sco.json", &err);     (any number of files)
 *     sg_graph_resolve(g, &err);                    (links relations)
 *     sg_view *v = sg_select(g, &select_opts, &err);
 *     sg_render(v, &render_opts, outputs, noutputs, &err);
 *
 * Conventions, the same for every function here:
 * - Constructors and loaders return a pointer, or NULL on failure; every
 *   other function returns 0 on success and -1 on failure.
 * - On failure the sg_error the caller passed is filled in, unless it already
 *   holds an error (the first error wins). Every sg_error pointer may be NULL.
 * - The library never prints and never exits; it only writes the outputs it
 *   is asked to write.
 * - Strings returned by the library belong to the object they came from and
 *   live as long as it does.
 * - Entities and relations keep the order in which they were read, and every
 *   output follows that order: the same input gives byte-identical output.
 *
 * Threads: a graph, its views and a theme belong to one thread at a time.
 * Reading, resolving, selecting and walking views share no state, so
 * several threads may each do them on their own graphs at once. Rendering
 * (sg_render, sg_render_buffer) and reading DOT go through Graphviz, which
 * keeps global state: they take one lock, so that threads calling them at
 * once take turns.
 */
#ifndef SCOGRAPH_H
#define SCOGRAPH_H

#include <stddef.h>

/* Before 1.0 a minor version may change the ABI (the soname stays 0):
 * 0.2.0 grew sg_stats and sg_select_opts, which callers allocate. */
#define SG_VERSION "0.2.0"

/* What the shared library exports: this header's functions and no other. */
#if defined(__GNUC__) && __GNUC__ >= 4
#define SG_API __attribute__((visibility("default")))
#else
#define SG_API
#endif

typedef enum sg_code {
	SG_OK = 0,
	SG_ENOMEM,     /* out of memory */
	SG_EIO,        /* a file could not be read or written */
	SG_ESYNTAX,    /* not JSON, or not its format's syntax */
	SG_EENCODING,  /* not UTF-8 */
	SG_EEMPTY,     /* an empty input */
	SG_ESHAPE,     /* valid JSON, but a value of the wrong kind */
	SG_EMISSING,   /* a required key is absent or empty */
	SG_ECONFLICT,  /* one id defined twice with different content */
	SG_EUNKNOWN,   /* a name that matches nothing */
	SG_EAMBIGUOUS, /* a name that matches several entities */
	SG_EUSAGE,     /* an option the caller got wrong: format, engine, ... */
	SG_ERENDER,    /* Graphviz failed */
	SG_ENOTGRAPH,  /* JSON of another kind: a JSON Schema, a theme */
	/* warnings: the graph is usable, but probably not as meant */
	SG_WUNUSED,    /* an entity no relation uses */
	SG_WDUPLICATE, /* a relation listed twice (drawn once) */
	SG_WSELF,      /* a relation from an entity to itself */
	SG_WIMPLICIT,  /* an entity only a relation names, added untyped */
	SG_WNORELATIONS, /* a graph with entities but no list of relations */
	SG_WURL,       /* a url of another scheme than http, https, mailto */
	SG_WLARGE,     /* a drawing too large to read */
	SG_WGLYPHS,    /* text no installed font has glyphs for */
	SG_WREMOTE,    /* a JSON-LD @context elsewhere, not fetched */
	SG_WPAGE,      /* a drawing whose text is too small on its page */
	SG_WUNREAD,    /* a part of the input not read (named, and counted) */
	SG_ENOTHING,   /* filters that leave nothing of what was asked for */
	SG_WNEARMISS,  /* a rare type or a key a slip away from a common one */
	SG_EFETCH,     /* a SPARQL endpoint that did not answer as asked */
	SG_NCODES      /* not a code: how many there are (new ones go before) */
} sg_code;

/* A short stable name of a code for machines: "syntax", "unknown", ... */
SG_API const char *sg_code_name(sg_code code);

typedef enum sg_severity { SG_ERROR = 0, SG_WARNING } sg_severity;

/* Where and what. line and column are 1-based, 0 when unknown; the column
 * counts characters, not bytes. file is "" for errors that have no file. */
typedef struct sg_error {
	sg_code code;
	sg_severity severity;
	int line;
	int column;
	char file[256];
	char text[400];
} sg_error;

/* ---- progress --------------------------------------------------------- */

/*
 * What long work is doing, for a caller that shows it (the scograph
 * command's progress line). done and total count the stage's units; total
 * is 0 where they are unknown or not counted.
 */
typedef enum sg_stage {
	SG_STAGE_READ,    /* taking in the file subject ("<stdin>" for "-"):
			   * done bytes of total, its size (0 for a pipe) */
	SG_STAGE_LOAD,    /* reading the text of subject into the graph:
			   * done bytes of total */
	SG_STAGE_RESOLVE, /* linking relations: done of total */
	SG_STAGE_DRAW,    /* making the drawing; not counted */
	SG_STAGE_LAYOUT,  /* laying it out with the engine subject: one call
			   * into Graphviz, not counted */
	SG_STAGE_RENDER,  /* rendering it in the format subject; not counted */
	SG_STAGE_WRITE    /* writing the output subject ("-": standard
			   * output); not counted */
} sg_stage;

typedef struct sg_progress {
	sg_stage stage;
	const char *subject; /* NULL when the stage has none; valid during
			      * the call only */
	size_t done, total;
} sg_progress;

/*
 * Told when a stage begins, and as a counted one goes on: at most once
 * every SG_PROGRESS_STEP units (and once more at its end, done == total),
 * so that it may be cheap; on the thread doing the work, which waits for
 * it. It must not call into the library with the object at work.
 */
typedef void (*sg_progress_fn)(void *ctx, const sg_progress *p);
#define SG_PROGRESS_STEP 65536

/* ---- the graph ------------------------------------------------------- */

typedef struct sg_graph sg_graph;

SG_API sg_graph *sg_graph_new(void);
SG_API void sg_graph_free(sg_graph *g);
/* Reading into g and resolving it tell fn (NULL: nobody) how far they
 * are, with ctx. */
SG_API void sg_graph_set_progress(sg_graph *g, sg_progress_fn fn, void *ctx);

/*
 * Everything reading and resolving g has found, errors and warnings, sorted
 * by file (in reading order), line and column; valid until g changes.
 * Reading and resolving go on past a bad entity or relation, up to
 * SG_MAX_ERRORS errors, so that one run reports every independent problem;
 * they still fail when they found any error, with the first one in their
 * sg_error. When memory runs out making the list, it is that one error,
 * SG_ENOMEM.
 */
#define SG_MAX_ERRORS 50
/* Past this many warnings of one code, one more warning counts the rest. */
#define SG_MAX_WARNINGS 20
SG_API size_t sg_graph_diagnostics(sg_graph *g, const sg_error **list);

/*
 * Reads one graph file and merges it into g. format names the file's
 * format, or NULL tells it from the content: "native" (scograph's JSON),
 * "jsonl" (native entities and relations, one a line), "jgf" (JSON Graph
 * Format 1 and 2), "node-link" (D3, networkx), "cytoscape" (Cytoscape.js),
 * "mcp" (the MCP memory server's JSON Lines), "graphology" (and Gephi's),
 * "graphlib" (dagre's), "ngraph", "vis" (vis-network's data) or
 * "graphviz" (dot -Tjson). Keys scograph does not know become the
 * entity's or relation's attributes. An entity, type or source whose id is
 * already known is the same one: its fields are merged, and a field given
 * differently twice is SG_ECONFLICT. "-" reads standard input, named
 * "<stdin>" in errors. On failure g may hold part of the input and is only
 * good for sg_graph_diagnostics and sg_graph_free.
 */
SG_API int sg_read_file(sg_graph *g, const char *path, const char *format,
			sg_error *err);
/* The input formats, for format above: the i-th one's name, and in *about
 * (when not NULL) what writes it; NULL past the last. */
SG_API const char *sg_input_format(size_t i, const char **about);

/* The same for a buffer in memory; name is what errors call it. */
SG_API int sg_read_buffer(sg_graph *g, const char *data, size_t len,
			  const char *name, const char *format, sg_error *err);

/*
 * A shape: where a JSON document no format knows keeps its nodes and
 * edges, and where each element keeps its id, name, type, ends, parent
 * and attributes (--shape). Made from words, each KEY=PATH:
 *   nodes=/graph/vertices id=key name=props.title type=label
 *   edges=/graph/links from=out to=in type=label
 * (a list's keys follow its nodes= or edges=; a path is JSON Pointer or
 * dotted, "*" each element, "a|b" the first present; a list may be an
 * object keyed by id; an end an id, a list of them or an object with an
 * id), or from the same as a JSON object (a shape file):
 *   {"nodes": {"at": "/graph/vertices", "id": "key"},
 *    "edges": {"at": "/graph/links", "from": "out", "to": "in"}}
 * Before any list, from=, to=, type=, id= and name= name a table's
 * columns instead (a CSV, TSV or KGTK text is read with them in those
 * roles; a column its header lacks is an error listing the header's).
 * sg_shape_new parses words or such JSON, sg_shape_load a file of either;
 * NULL with err (at the word's column, or the file's line and column).
 * The caller frees it with sg_shape_free; reading only borrows it.
 */
typedef struct sg_shape sg_shape;
SG_API sg_shape *sg_shape_new(const char *text, sg_error *err);
SG_API sg_shape *sg_shape_load(const char *path, sg_error *err);
SG_API void sg_shape_free(sg_shape *shape);
/* sg_read_file and sg_read_buffer, reading the one JSON document (or the
 * table, by the columns the shape names) by shape instead of a format. */
SG_API int sg_read_file_shaped(sg_graph *g, const char *path,
			       const sg_shape *shape, sg_error *err);
SG_API int sg_read_buffer_shaped(sg_graph *g, const char *data, size_t len,
				 const char *name, const sg_shape *shape,
				 sg_error *err);

/* The graph compiled into the program (graphs/sco.json at build time). */
SG_API int sg_read_builtin(sg_graph *g, sg_error *err);

/*
 * Links every relation to its entities (by id, name or alias) and checks the
 * sources they cite; warns of entities no relation uses, of relations to
 * themselves and of relations listed twice (drawn once). Call it once, after
 * the last read and before sg_select.
 */
SG_API int sg_graph_resolve(sg_graph *g, sg_error *err);

/* How sg_graph_lookup found an entity: by a whole id, name or alias, or
 * by the words its name or an alias holds. */
typedef enum sg_match { SG_MATCH_WHOLE = 0, SG_MATCH_WORDS } sg_match;

typedef struct sg_entity_info sg_entity_info;

/*
 * Finds the entity a user means by name in a resolved graph, as people
 * type names: an exact id; else an id, name or alias ignoring case, then
 * also accents and punctuation; else the one entity whose name, alias or
 * id holds every word given ("shanghai"). Several are SG_EAMBIGUOUS,
 * listing up to 10 with their types; none is SG_EUNKNOWN with the nearest
 * names. Fills info (degree 0) and how. Selections find their names so.
 */
SG_API int sg_graph_lookup(const sg_graph *g, const char *name,
			   sg_entity_info *info, sg_match *how,
			   sg_error *err);

/* ---- selection -------------------------------------------------------- */

typedef struct sg_view sg_view;

typedef enum sg_direction { SG_BOTH = 0, SG_OUT, SG_IN } sg_direction;

typedef struct sg_select_opts {
	/* Entities to centre on, by id, name or alias, ignoring case. None
	 * keeps the whole graph. */
	const char *const *focus;
	size_t nfocus;
	int depth;              /* steps from a focus entity */
	sg_direction direction; /* which way relations may be followed */
	/* When non-empty, only relations / entities of these types are kept
	 * (focus entities are always kept). */
	const char *const *relation_types;
	size_t nrelation_types;
	const char *const *entity_types;
	size_t nentity_types;
	/* "KEY=VALUE" each: only entities whose attribute (or id, name, type,
	 * description, url) KEY reads VALUE, ignoring case, are kept. */
	const char *const *where;
	size_t nwhere;
	/* Entities (by name), entity types and relation types left out: they
	 * are neither drawn nor followed. */
	const char *const *exclude, *const *exclude_types,
		*const *exclude_relations;
	size_t nexclude, nexclude_types, nexclude_relations;
	/* Both set: instead of a focus, every shortest path from one entity to
	 * the other (following relations by direction), drawn with the
	 * entities on it; no path is SG_EUNKNOWN. */
	const char *path_from, *path_to;
	/* When more entities than this are selected (0: no limit), the
	 * boxes a drawing may have: the entities nearest the focus, then
	 * those with the most relations, are drawn as themselves; the others
	 * are folded into summaries beside the drawn entity they are related
	 * to ("312 policies"), so that drawn entities and summaries together
	 * are at most this many, and the lines among them at most 1.5 times
	 * as many (more only when the focus, or one entity, and the
	 * summaries around it already are). Paths (path_from, path_to) are
	 * never folded. */
	size_t max_entities;
	/* When folding, the lines among what is drawn at most, if fewer than
	 * 1.5 times max_entities (0: that many): a page's drawing asks for
	 * SG_PAGE_LINES. A focus's selection of more relations than this is
	 * folded too, however few its entities. */
	size_t max_lines;
	/* Filters (types, relation types, where, excludes) that leave
	 * nothing but the focus, or nothing at all without one, are
	 * SG_ENOTHING naming the filter that emptied the selection, unless
	 * this is set: a picture of nothing is rarely what was meant. */
	int allow_empty;
} sg_select_opts;

/* What a page holds legibly: the command's --max-nodes by default. */
#define SG_MAX_ENTITIES_DEFAULT 60
/*
 * The relations a drawing for a page (sg_render_opts' page) shows among
 * the entities it draws, at most, when it folds some: the command's unless
 * --page none. Each is a line with its words, and it is they, more than
 * the boxes, that crowd a page: the 736-entity neighbourhood of a
 * generated hub (tests/bench/gen.py kg 6500) drawn as 38 entities and 5
 * summaries with 89 lines reached 4.2 pt on A4; with 30 lines, 12 and 5
 * with 29 reach 6.2 pt, and the hubs of 100, 994 and 4992 entities 7.5,
 * 7.0 and 9.0 pt. The lines of the entities a summary of one is drawn
 * as count too: other foci of those graphs had 56 lines and 4.5 pt.
 */
#define SG_PAGE_LINES 30

/* A view of a resolved graph; it borrows g, which must outlive it. An unknown
 * name is SG_EUNKNOWN with the closest names suggested. */
SG_API sg_view *sg_select(const sg_graph *g, const sg_select_opts *opts,
			  sg_error *err);
SG_API void sg_view_free(sg_view *v);

struct sg_entity_info {
	const char *id;
	const char *name;
	const char *type;    /* "" when the entity has none */
	size_t degree;       /* relations of the view that touch it */
};

SG_API size_t sg_view_entity_count(const sg_view *v);
/* How many entities of the selection max_entities folded into summaries
 * (0 when none). */
SG_API size_t sg_view_cut_count(const sg_view *v);
SG_API size_t sg_view_relation_count(const sg_view *v);
/* The i-th entity of the view, in input order. */
SG_API int sg_view_entity(const sg_view *v, size_t i, sg_entity_info *info);

typedef struct sg_relation_info {
	const char *from, *to; /* the ids of the entities it joins */
	const char *type;
	/* its own label, else its type's; "" when neither has one (a drawing
	 * then shows the type in words) */
	const char *label;
	/* 0 for a relation without direction (of an undirected graph, or of
	 * a symmetric type): from and to are then only its two ends */
	int directed;
} sg_relation_info;

/* The i-th relation of the view, in input order; a relation listed twice
 * is in the view once. -1 past the last. */
SG_API int sg_view_relation(const sg_view *v, size_t i,
			    sg_relation_info *info);

/*
 * A summary: entities of the selection folded into one box because the
 * selection had more than max_entities, drawn beside the entity of the view
 * they are related to. Each folded entity is in exactly one summary, so
 * their entities add up, with the view's, to the whole selection.
 */
typedef struct sg_summary_info {
	const char *id;    /* "fold:N", N counting from 1 in their order */
	const char *label; /* what its box says: "312 policies", "+12 more" */
	/* the id of the entity of the view it is beside; NULL: none (what
	 * no relation joins to the view) */
	const char *entity;
	/* the type of the relations that join its entities to entity; NULL
	 * when several types do, or none (further) */
	const char *relation;
	/* SG_OUT: they run from entity to the summary's; SG_IN: to entity;
	 * SG_BOTH: they have no direction, or several */
	sg_direction direction;
	const char *type; /* its entities' type; NULL: several, or none */
	/* 1: its entities are related to the view only through entities of
	 * other summaries ("+12 more", further out) */
	int further;
	size_t entities;  /* how many it holds */
	size_t relations; /* how many relations join them to entity */
	/* how many of its entities a drawing names in its box: the first of
	 * sg_view_folded's (the rest it counts, "+K more") */
	size_t named;
	/* of entities, those its source counted but did not load (a
	 * store's neighbourhood past the page: sg_read_sparql); they are
	 * not among sg_view_folded's */
	size_t unloaded;
} sg_summary_info;

/* The summaries, ordered by the input order of their entity (those of none
 * last), then direction, type and relation type. */
SG_API size_t sg_view_summary_count(const sg_view *v);
SG_API int sg_view_summary(const sg_view *v, size_t i, sg_summary_info *info);
/* The j-th entity summary i holds, in input order; its degree counts its
 * relations in the selection before folding. -1 past the last. */
SG_API int sg_view_folded(const sg_view *v, size_t i, size_t j,
			  sg_entity_info *info);

/* Counts at each stage: of the graph read (a relation listed twice once),
 * of the selection (before folding), and of what is drawn: entities as
 * themselves and summaries, which hold the folded entities; the types and
 * sources are those of what is drawn. */
typedef struct sg_stats {
	size_t entities, relations, entity_types, relation_types, sources;
	size_t summaries, folded; /* entities folded into summaries */
	size_t read_entities, read_relations;
	size_t selected_entities, selected_relations;
	size_t named; /* entities folded, and named in their summary's box */
} sg_stats;
SG_API int sg_view_stats(const sg_view *v, sg_stats *stats, sg_error *err);

/* ---- a SPARQL endpoint ------------------------------------------------ */

/* What sg_read_sparql asks of an endpoint, and how. */
typedef struct sg_sparql_opts {
	const char *url; /* the endpoint (http or https) */
	/* The user's own SELECT or CONSTRUCT, sent as it is and its answer
	 * read; NULL: the neighbourhood the selection options describe. */
	const char *query;
	const char *lang;   /* the labels' language; NULL: "en" */
	long timeout;       /* seconds a request may take; 0: 60 */
	size_t max_bytes;   /* an answer's size at most; 0: 64 MiB */
	/* Called with each query as it is sent (the command's --verbose);
	 * may be NULL. */
	void (*sent)(void *data, const char *query);
	void *data;
} sg_sparql_opts;

/*
 * Reads into g what an endpoint holds of the neighbourhood so's focus,
 * depth, direction and type filters describe (or the answer to o->query):
 * depth + 2 requests while each step reaches at most 500 entities (one a
 * slice of 500 beyond), the answers read as a SPARQL results file named by
 * the URL would be. With so->max_entities, a step of more than 50 links a
 * box is cut: the entities with the most links fetched, as many as boxes,
 * the others counted by the store, and each summary of a view of g then
 * holds those it counted (sg_summary_info's unloaded) and, fetched in one
 * request more, the first entities it names. focus (so->nfocus slots)
 * gets each focus as the graph names it (an IRI; a prefixed name or a
 * label is looked up), to select with; NULL with o->query. Credentials come from ~/.netrc or
 * SCOGRAPH_SPARQL_AUTH=user:password, never from o. A failure of the
 * request (unreachable, an HTTP error, a timeout, an answer past
 * max_bytes, cut off, or not SPARQL) is SG_EFETCH naming the URL.
 */
SG_API int sg_read_sparql(sg_graph *g, const sg_sparql_opts *o,
			  const sg_select_opts *so, const char **focus,
			  sg_error *err);

/* ---- comparing two versions ------------------------------------------- */

/*
 * What changed from one version of a graph to the next. Entities match by
 * id; an old entity whose id is now an alias of a new one, or whose id
 * changed while its name and relations (type, direction, other end) did
 * not, is that entity renamed: changed, its "id" field old → new.
 * Relations match by their ends (once entities are matched; either order
 * for one without direction), type and own id. A match is changed when a
 * field differs: an entity's id, name, type, description, url, aliases or
 * attributes; a relation's label, evidence, source or attributes.
 */
typedef struct sg_diff sg_diff;

typedef enum sg_status {
	SG_SAME = 0, SG_ADDED, SG_REMOVED, SG_CHANGED,
	SG_NSTATUS /* not a status: how many there are */
} sg_status;

/* Compares two resolved graphs; the diff borrows both, which must outlive
 * it. */
SG_API sg_diff *sg_diff_new(const sg_graph *old, const sg_graph *new_graph,
			    sg_error *err);
SG_API void sg_diff_free(sg_diff *d);

/* How many entities and relations have each status. */
typedef struct sg_diff_stats {
	size_t entities[SG_NSTATUS], relations[SG_NSTATUS];
} sg_diff_stats;
SG_API void sg_diff_stats_get(const sg_diff *d, sg_diff_stats *stats);
/* 1 when anything was added, removed or changed, else 0. */
SG_API int sg_diff_any(const sg_diff *d);

/*
 * The changes as text into a new buffer the caller frees with free() (*len
 * bytes and a NUL), in the order of the new graph's entities, then of the
 * removed ones, then the same for relations. format "list": one change a
 * line ("+ entity ID \"NAME\" (TYPE)", "- relation A -[TYPE]-> B",
 * "~ entity ID: FIELD BEFORE → AFTER", values as JSON); "stats": the
 * counts; "json": the change set (sg_render writes it too for "json").
 */
SG_API int sg_diff_write(const sg_diff *d, const char *format, char **data,
			 size_t *len, sg_error *err);

/*
 * A view of both versions at once, drawn with each entity's and relation's
 * status: with no focus in opts, the entities that changed with opts->depth
 * steps around them, and the relations that changed with their ends
 * (nothing when nothing changed); the filters of opts apply as in
 * sg_select. It borrows d, which must outlive it.
 */
SG_API sg_view *sg_diff_select(const sg_diff *d, const sg_select_opts *opts,
			       sg_error *err);

/* ---- rendering -------------------------------------------------------- */

/*
 * A theme: how drawings look. Built in: "light", the types' colours;
 * "dark", every colour turned dark (hue and contrasts kept); "auto", light,
 * with an SVG whose own style turns it dark where its reader prefers dark
 * (the command line's default); "print", every colour as the grey of its
 * lightness, for black-and-white pages. Any other name is the path of a
 * theme file, JSON with any of:
 *   "graph", "node", "edge": Graphviz attributes over scograph's defaults;
 *   "types", "relation_types": styles by type, as in a graph file, over the
 *     graph's own;
 *   "palette": [[fill, border], ...]: colours for types the input gives none;
 *   "greyscale": true: every colour grey, as in "print";
 *   "dark": true, as in "dark", or "auto", as in "auto".
 * NULL with err: SG_EUSAGE for a name that is neither built in nor a file,
 * the file's own error (with line and column) for a bad one.
 */
typedef struct sg_theme sg_theme;
SG_API sg_theme *sg_theme_open(const char *name, sg_error *err);
SG_API void sg_theme_free(sg_theme *t);

/*
 * Where an earlier drawing put its entities (--keep-layout): read from the
 * SVG scograph wrote of it (each entity's group has the id "e.ID"). A
 * drawing made with it (sg_render_opts' keep) keeps the entities both
 * show where they were, and with dot the old flow and frame. New
 * entities go beside their neighbours.
 */
typedef struct sg_layout sg_layout;
/* The places in the SVG data (len bytes), name naming it in messages.
 * NULL with err: not XML, or no <svg> (SG_ESYNTAX, at its line and
 * column), no entity of a scograph drawing in it (SG_ENOTHING), or out of
 * memory. */
SG_API sg_layout *sg_layout_read(const char *name, const char *data,
				 size_t len, sg_error *err);
/* The same of the file at path ("-": standard input); SG_EIO when it
 * cannot be read. */
SG_API sg_layout *sg_layout_read_file(const char *path, sg_error *err);
SG_API void sg_layout_free(sg_layout *l);

typedef struct sg_render_opts {
	/* A Graphviz layout engine, or NULL / "auto": dot for drawings small
	 * enough for it, sfdp beyond or when dot's relations tangle (see
	 * SG_AUTO_DOT_CYCLES, SG_AUTO_TANGLE). */
	const char *engine;
	/* TB, LR, BT or RL; NULL: the flow that fits the page best (LR
	 * unless TB fits better), LR with page "none" */
	const char *rankdir;
	/*
	 * The page the drawing is made for, by the size of its text area in
	 * points: "a4" (453 x 700, a report's; NULL means it), "letter"
	 * (468 x 648), "slide" (720 x 405), or "none": no fitting. On a
	 * page, the layout is chosen to fit it at a readable scale (the
	 * flow, the spacing, where names and relations' words break), and
	 * the drawing carries its size on the page (Graphviz's size): SVG
	 * and PDF are as large as they are printed. When no layout keeps
	 * entity text at SG_PAGE_ENTITY_PT and relation text at
	 * SG_PAGE_RELATION_PT, rendering warns (SG_WPAGE). Unknown names are
	 * SG_EUSAGE.
	 */
	const char *page;
	const char *title;   /* NULL: the graph's own title; "": none */
	/* Graphviz attributes, "name=value" each, as dot's -G, -N and -E take
	 * them: the graph's, and the defaults of nodes and of edges (a type's
	 * own style still wins). */
	const char *const *graph_attrs, *const *node_attrs, *const *edge_attrs;
	size_t ngraph_attrs, nnode_attrs, nedge_attrs;
	int legend; /* add a legend of the types the drawing shows */
	/* Group entities into boxes by "type" or by an attribute's value
	 * (entities without one stay outside); NULL: no boxes. */
	const char *cluster;
	/* Put a caption under the drawing: the title, then the sources its
	 * relations cite, as under a figure in a report. */
	int caption;
	const sg_theme *theme; /* NULL: the light theme */
	/* Called with each warning rendering finds (SG_WGLYPHS: a label PNG
	 * or PDF will draw boxes for; SG_WPAGE: text too small on the page,
	 * with the sizes reached and what would help); a nonzero return stops the rendering,
	 * the warning its error, before anything is written. NULL: not told. */
	int (*warn)(void *ctx, const sg_error *warning);
	void *warn_ctx;
	/* Told of each stage, with progress_ctx (NULL: nobody). */
	sg_progress_fn progress;
	void *progress_ctx;
	/* An earlier drawing whose places the entities keep (sg_layout);
	 * NULL: laid out afresh. */
	const sg_layout *keep;
} sg_render_opts;

/*
 * -K auto draws with dot while the drawing has at most SG_AUTO_DOT_CYCLES
 * independent cycles (relations - entities + connected parts: dot's time
 * grows with them, not with size; a tree is quick at any size) and at most
 * SG_AUTO_DOT_ENTITIES entities (beyond, its drawings grow too wide to
 * read); with sfdp beyond either.
 */
#define SG_AUTO_DOT_CYCLES 60
#define SG_AUTO_DOT_ENTITIES 150

/*
 * -K auto also judges dot's layout by what a reader sees: text smaller on
 * the page than SG_PAGE_ENTITY_PT and SG_PAGE_RELATION_PT is lost there,
 * and relations that cross more than SG_AUTO_TANGLE other relations each,
 * on average, are a tangle no one follows (networkx's Davis Southern Women
 * graph, 89 relations between two columns of 18 and 14: 12.8; Zachary's
 * karate club: 1.6; every SCO drawing: 0.13 at most). When either shows,
 * sfdp lays the drawing out again, and its layout is drawn when its text is
 * clearly more readable on the page (larger by a tenth, texts that overlap
 * counting as half the size), or as readable and it crosses less (with
 * page "none", only the crossings count). On A4, Davis' text is 9.1 pt
 * under dot and 4.6 under sfdp: dot's is drawn, its ranks spread over the
 * page so that the lines between them come apart.
 * A drawing that only DOT is asked for is not judged, and keeps dot.
 */
#define SG_AUTO_TANGLE 1.0
/* The smallest text a page keeps readable, in points once the drawing is
 * shrunk to the page: journals ask for 6 to 8. */
#define SG_PAGE_ENTITY_PT 7
#define SG_PAGE_RELATION_PT 6

typedef struct sg_output {
	const char *path;   /* "-" is standard output */
	const char *format; /* NULL: from the path's extension */
} sg_output;

/*
 * Writes the view to every output. DOT ("dot", "gv", "canon") is the graph as
 * scograph hands it to Graphviz, before layout; "json" is the view as native
 * JSON, which reads back to the same graph (Graphviz's own JSON is "json0",
 * "dot_json" or "xdot_json"); every other format is laid out once and
 * rendered by Graphviz. Files are written beside their final
 * name (".NAME.XXXXXX", made before the drawing, so that an output that
 * cannot be written stops the run before the work) and renamed into place
 * only when every output succeeded, so a failure leaves no partial file and
 * an older file at the path untouched. Unknown formats and engines are
 * SG_EUSAGE and are found before anything is written. Renders take turns
 * (see Threads above).
 *
 * A file-size limit (ulimit -f) sends SIGXFSZ, which kills the process
 * before sg_render can clean up: a caller that ignores SIGXFSZ gets SG_EIO
 * ("File too large") instead, as for a full disk.
 *
 * Graphviz runs in the caller's process, and Graphviz 2.43 may end it on
 * a layout it cannot handle (a failed assert, exit()). scograph calls it
 * as dot does, works around the one memory error of Graphviz's it is
 * known to reach (issue 18), and fuzzing met none of these deaths (the
 * README's "Graphviz's own failures"). A render in a child process cost
 * 7 to 20 times the render, so sg_render does not fork: a caller that
 * must outlive any drawing renders in a process of its own, and may call
 * sg_remove_temporaries from its SIGABRT handler and atexit.
 */
SG_API int sg_render(const sg_view *v, const sg_render_opts *opts,
		     const sg_output *outputs, size_t noutputs, sg_error *err);

/*
 * Removes the files sg_render is writing beside its outputs. For a handler
 * of a signal that ends the process (SIGINT, SIGTERM, SIGABRT, ...), or for
 * atexit, so that none is left behind: it is async-signal-safe and does
 * nothing outside sg_render.
 */
SG_API void sg_remove_temporaries(void);

/*
 * Renders the view in one format (NULL: DOT) into memory instead, as
 * sg_render would write it to a file: for a server that answers with the
 * SVG. *data receives a new buffer of *len bytes, with a NUL after them so
 * that text can be used as a string; the caller frees it with free(). On
 * failure *data is NULL and *len 0. Renders take turns, as sg_render's.
 */
SG_API int sg_render_buffer(const sg_view *v, const sg_render_opts *opts,
			    const char *format, char **data, size_t *len,
			    sg_error *err);

/* The format an output will be written in: its own, else its path's
 * extension (.dot, .gv, .svg, .png, .pdf, ...), else "dot". */
SG_API const char *sg_output_format(const sg_output *out);

/* 1 when the format's output is binary, not text (png, pdf, ...). */
SG_API int sg_format_is_binary(const char *format);

#endif
