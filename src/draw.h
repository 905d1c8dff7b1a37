/* Between draw.c, which makes the drawing of a view, and render.c. */
#ifndef SG_DRAW_H
#define SG_DRAW_H

#include <cgraph.h>

#include "internal.h"

/* How tightly a drawing on a page is packed: 0 up to SG_FIT_LEVELS - 1. */
#define SG_FIT_LEVELS 3

/* A drawing fitted to a page (render.c chooses, draw.c draws it so). */
typedef struct sg_fit {
	double width, height; /* the page's text area, in points */
	const char *rankdir;  /* the flow, unless the caller chose one */
	int level;            /* how tightly it is packed */
	/* 0: only sized to the page, for engines other than dot, whose
	 * packing is tuned to dot's ranks */
	int packed;
	/* packed: the space between ranks, in inches, where relations that
	 * cross need more than the packing's; 0: the packing's */
	double ranksep;
	/* engines that move boxes apart (sg_spreads): relations' words are
	 * nodes of their own, moved apart as boxes are (without a page,
	 * always) */
	int words_apart;
	/* 1: summaries count their entities without naming them (the page
	 * cannot hold the names readably) */
	int unnamed;
} sg_fit;

/* Whether engine moves boxes apart after placing them (neato, fdp,
 * twopi, circo). */
int sg_spreads(const char *engine);


/*
 * A drawing (drawing.c): a directed graph of nodes, edges and nested
 * subgraphs with Graphviz attributes, made as cgraph makes one and written
 * as the DOT text cgraph 2.43's agwrite writes of it, byte for byte,
 * without cgraph (which costs 13-18 times as much): only a layout needs
 * cgraph, and it reads that text. Each call below is named after the
 * cgraph call it stands for; pointers live as long as the drawing.
 */
typedef struct sg_drawing sg_drawing;
/* A graph (the root or a subgraph), a node or an edge of a drawing. */
typedef struct sg_dobj sg_dobj;
/* The kinds of objects, as cgraph's AGRAPH, AGNODE, AGEDGE. */
enum { SG_DGRAPH, SG_DNODE, SG_DEDGE };

/* agopen: a drawing of one root graph, named name; NULL when out of
 * memory. */
sg_drawing *sg_drawing_new(const char *name);
void sg_drawing_free(sg_drawing *d);
sg_dobj *sg_drawing_root(const sg_drawing *d);
/* agsubg, agnode, agedge: a new object in graph (the root or a
 * subgraph); NULL when out of memory. Names are copied: a subgraph's name
 * names one subgraph, which a second call finds (of the same parent); no
 * two nodes may share a name. entity: the entity a node draws, -1 for
 * none. */
sg_dobj *sg_drawing_subgraph(sg_dobj *parent, const char *name);
sg_dobj *sg_drawing_node(sg_dobj *graph, const char *name, int64_t entity);
sg_dobj *sg_drawing_edge(sg_dobj *graph, sg_dobj *tail, sg_dobj *head);
/* Room for n more objects of kind, made at once rather than doubled (and
 * copied) on the way; 0 or -1. */
int sg_drawing_reserve(sg_drawing *d, int kind, size_t n);
/* A node or an edge (kind) in no graph: a sample of a style, whose values
 * are read back; NULL when out of memory. */
sg_dobj *sg_drawing_sample(sg_drawing *d, int kind);
/* agsubnode: node is in subgraph graph (and the graphs around it), which
 * is inside the one it was in. */
void sg_drawing_put(sg_dobj *graph, sg_dobj *node);
/* agattr: declares kind's attribute name with its default value, or
 * changes the default; the root graph's value is its default. 0 or -1. */
int sg_drawing_declare(sg_drawing *d, int kind, const char *name,
		       const char *value);
/* The default of kind's attribute name; NULL when undeclared. */
const char *sg_drawing_default(const sg_drawing *d, int kind,
			       const char *name);
/* agsafeset: obj's attribute name is value (copied), HTML-like when html
 * is 1; an undeclared attribute is declared with the default "". */
int sg_drawing_set(sg_dobj *obj, const char *name, const char *value,
		   int html);
/* agget: obj's value of name; NULL when undeclared. */
const char *sg_drawing_get(const sg_dobj *obj, const char *name);
/* The value set on node or edge obj (by sg_drawing_set); NULL when none. */
const char *sg_drawing_own(const sg_dobj *obj, const char *name);
/* The attributes obj sets itself (the root: every default), each passed to
 * fn until it returns non-zero; returns that. Kind's defaults likewise. */
typedef int sg_drawing_attr_fn(const char *name, const char *value, int html,
			       void *ctx);
int sg_drawing_each_attr(const sg_dobj *obj, sg_drawing_attr_fn *fn,
			 void *ctx);
int sg_drawing_each_default(const sg_drawing *d, int kind,
			    sg_drawing_attr_fn *fn, void *ctx);

/* The objects of kind, in the order they were made: the root is the first
 * graph. */
size_t sg_drawing_count(const sg_drawing *d, int kind);
sg_dobj *sg_drawing_nth(const sg_drawing *d, int kind, size_t i);
const char *sg_drawing_name(const sg_dobj *obj);
int64_t sg_drawing_entity(const sg_dobj *node);
/* obj's place among the objects of its kind (sg_drawing_nth's i). */
size_t sg_drawing_index(const sg_dobj *obj);
/* A subgraph's parent (NULL for the root); the innermost graph a node or
 * an edge is in. */
sg_dobj *sg_drawing_parent(const sg_dobj *obj);
/* An edge's head (head 1) or tail. */
sg_dobj *sg_drawing_end(const sg_dobj *edge, int head);
/* The edge's head (head 1) or tail becomes node. */
void sg_drawing_set_end(sg_dobj *edge, int head, sg_dobj *node);
/* Adds d as DOT to out, the bytes agwrite writes; 0 or -1. */
int sg_drawing_dot(sg_drawing *d, sg_buf *out);
/* Takes the text a piece at a time, in order; 0, else nonzero. */
typedef int sg_dot_pass_fn(const char *text, size_t len, void *ctx);
/* The same text handed to pass a piece at a time as it is written (whole
 * statements, out a buffer for them that is left empty), so that a large
 * drawing's text is never whole in memory; with pass NULL, sg_drawing_dot.
 * 0, or -1 when memory runs out or pass fails. */
int sg_drawing_dot_pass(sg_drawing *d, sg_buf *out, sg_dot_pass_fn *pass,
			void *ctx);

/* The drawing of a view, styled for engine, and fitted to a page unless
 * fit is NULL (page "none"); NULL on failure. */
sg_drawing *sg_draw(const sg_view *v, const sg_render_opts *opts,
		    const char *engine, const sg_fit *fit, sg_error *err);

/* The entity that node n of a drawing of g read from its DOT draws; -1
 * for the nodes of no entity (legend, summaries). */
int64_t sg_node_entity(const sg_graph *g, Agnode_t *n);
/* Adds the SVG element id of entity e, or of relation i, to b, as a
 * drawing gives it (e.ENTITY, r.FROM.TYPE.TO). */
int sg_svg_entity_id(sg_buf *b, const sg_graph *g, uint32_t e);
int sg_svg_relation_id(sg_buf *b, const sg_graph *g, size_t i);

/* The flow of l's drawing, "TB" or "LR" (keep.c). */
const char *sg_layout_flow(const sg_layout *l);
/* How readable l's drawing was printed on a page page_width x
 * page_height points: its smallest entity text against
 * SG_PAGE_ENTITY_PT, its relations' against SG_PAGE_RELATION_PT, the
 * smaller (1: as large as a reader needs); HUGE_VAL when it had no text. */
double sg_layout_readable(const sg_layout *l, double page_width,
			  double page_height);
/* Lays l's places on drawing d of g's entities, as constraints engine
 * honours (keep.c); 0 or -1 when memory runs out. */
int sg_keep_layout(sg_drawing *d, const sg_graph *g, const sg_layout *l,
		   const char *engine);
/* Places every node of d (g's view drawn for dot, without sg_keep_layout's
 * ties) for Graphviz's nop2, which only routes the relations: an entity l
 * shows where l has it, the others where laid (the same drawing with the
 * ties, laid out by dot) puts them among those, moved apart along their
 * rank only as far as they overlap; each group framed as dot framed it.
 * 0, or -1 when memory runs out. */
int sg_keep_places(sg_drawing *d, const sg_graph *g, const sg_layout *l,
		   Agraph_t *laid);
/* Pins every node of d (g's view drawn for neato or fdp, with
 * sg_keep_layout's pins) where laid (the same drawing laid out) has it,
 * but where l's entities' lines cross or pass boxes: new entities beside
 * their neighbours where their lines cross least, kept ones moved a
 * little, a few further (see untangle in keep.c); a relation's words
 * between its ends. 0, or -1 when memory runs out. */
int sg_keep_untangle(sg_drawing *d, const sg_graph *g, const sg_layout *l,
		     Agraph_t *laid);
/* Readies ag, laid out by nop2 from sg_keep_places' drawing, to be
 * written as Graphviz's DOT and read back: the relations' words moved off
 * the boxes, titles and each other where their lines allow, the frame
 * round the title. 0, or -1 when memory runs out. */
int sg_keep_settle(Agraph_t *ag);

/* The page of view v (html.c): one HTML file of svg (Graphviz's drawing
 * of it, NUL-terminated), its data and the page's own style and script,
 * added to out; unnamed as sg_write_json's. Summary i's own drawing, to
 * open in place, is the SVG at unfolded + at[i] - 1 (at[i] 0, or at
 * NULL: none). */
int sg_html_page(const sg_view *v, const sg_render_opts *o, const char *svg,
		 int unnamed, const char *unfolded, const size_t *at,
		 sg_buf *out);

/* Whether node n holds a relation's words (engines that move boxes apart
 * get them as nodes of their own). */
int sg_node_words(Agnode_t *n);

/* Of laid-out drawing ag of g: in *relations, how many relations between
 * entities it draws, and in *crossings how many pairs of them cross
 * (relations that share an entity meet there, and are not counted). -1
 * when memory ran out. */
int sg_crossings(Agraph_t *ag, const sg_graph *g, size_t *relations,
		 size_t *crossings);

/* The graph of DOT text dot, len bytes, numbered as sg_draw numbers its
 * subgraphs (in the order they are made); NULL on failure. */
Agraph_t *sg_read_dot(const char *dot, size_t len);

/* Warns through opts of every label of drawing ag, of view v, that PNG or
 * PDF would draw boxes in, as no installed font has one of its characters
 * (glyphs.c): naming its entity or relation, in input order, once a
 * label. 0, or -1 when out of memory or told to stop (err then holds the
 * warning as an error). */
int sg_check_glyphs(Agraph_t *ag, const sg_view *v,
		    const sg_render_opts *opts, sg_error *err);
/* The script of character c ("Han", "Arabic", ...; NULL when none known),
 * and in *package the Debian package of fonts that has it. */
const char *sg_script_of(uint32_t c, const char **package);

#endif
