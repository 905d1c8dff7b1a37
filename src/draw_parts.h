/*
 * Between the files that make the drawing of a view (sg_draw): draw.c
 * lays out the work and draws entities, relations and groups;
 * draw_text.c makes the input's text safe for the drawing and names its
 * objects; draw_style.c holds the defaults, the page's packing and the
 * themes; draw_legend.c the legend, the title and the caption;
 * draw_diff.c what a diff's drawing adds; draw_summary.c the summaries of
 * a folded view.
 */
#ifndef SG_DRAW_PARTS_H
#define SG_DRAW_PARTS_H

#include "draw.h"

/*
 * Graphviz's DOT parser takes no string longer than 16384 bytes, and the
 * drawing is made from the DOT text (see render.c): longer texts are cut,
 * leaving room for the quotes DOT escapes.
 */
#define TEXT_MAX 16000

/* Sets attribute name of obj; value is copied. */
static inline int set(sg_dobj *obj, const char *name, const char *value)
{
	return sg_drawing_set(obj, name, value, 0);
}

/* obj's attribute name; NULL when no object of its kind has it. */
static inline const char *get(const sg_dobj *obj, const char *name)
{
	return sg_drawing_get(obj, name);
}

#define STR_(x) #x
#define STR(x) STR_(x)
/* The sizes of the title's and the caption's text. */
#define TITLE_PT 16
#define CAPTION_PT 12

/* What drawing an object takes besides the view: the theme, the page,
 * and buffers reused from object to object. */
struct scratch {
	const sg_theme *theme;
	const sg_fit *fit; /* NULL: no page */
	int across; /* the drawing flows down: its ranks run across */
	sg_buf text, tip, class, words, name, status, wrapped;
	/* per entity, the box it is drawn as, and the box it is drawn in
	 * (see draw_boxes); NULL when the view has none */
	sg_dobj **boxes, **holder;
	/* per entity, its node once made and its id's piece (see
	 * add_kept_piece); per relation type, its id's piece */
	struct drawn {
		sg_dobj *node;
		size_t piece;
	} *drawn;
	size_t *type_piece;
	sg_buf pieces;
	/* a diff's changes: the markers given so far, the table's lines
	 * (escaped, each ending in \l) and the changes left out of it */
	unsigned marks;
	size_t listed, unlisted;
	sg_buf table;
};


/* The space inside a box (a cluster) on a page, in points. */
#define PAGE_BOX_MARGIN "4"

/* How tightly a drawing on a page is packed (draw_style.c): where entity
 * names and relations' words break (in characters), and the space between
 * entities side by side and between ranks (inches). */
struct packing {
	size_t entity, relation;
	const char *nodesep, *ranksep, *margin; /* margin: in the boxes */
};

/* A theme's last step, every colour of the drawing turned: value as it
 * comes out, into buf (SG_COLOUR_SIZE bytes) when changed. */
typedef const char *recolour_fn(const char *value, char *buf);

/* draw_text.c: the input's text, made safe for the drawing */
const char *dw_clean(sg_buf *b, const char *text);
const char *dw_esc(sg_buf *b, const char *s, int passes);
int dw_set_text(sg_dobj *obj, const char *name, const char *text, sg_buf *b);
const char *dw_wrap(sg_buf *b, const char *text, size_t width);
const char *dw_relation_words(const sg_relation *r, const char *label,
			      sg_buf *b);
int dw_tooltip(sg_buf *b, const char *text, const sg_attrs *a);
const char *dw_css_class(sg_buf *b, const char *type);
const char *dw_safe_url(sg_buf *b, const char *url);
int dw_add_html_text(sg_buf *b, const char *text, size_t max);
int dw_add_html_lines(sg_buf *b, const char *text, size_t max,
		      size_t width);
/* draw_text.c: the names and ids of the drawing's objects */
int dw_add_id_piece(sg_buf *b, const char *s, uint32_t index);
int dw_add_kept_piece(sg_buf *b, sg_buf *pieces, size_t *at,
		      const char *const *s, uint32_t index);
const char *dw_node_name(sg_buf *b, const sg_graph *g, uint32_t e);

/* draw_style.c */
int dw_defaults(sg_drawing *ag, const char *engine, const sg_fit *fit,
		const sg_theme *theme, const char *rankdir);
int dw_overrides(sg_drawing *ag, int kind, const char *const *attrs,
		 size_t n);
const char *dw_type_label(const sg_theme *theme, const sg_type *t,
			  int entity);
int dw_set_style(sg_dobj *obj, const sg_theme *theme, const sg_type *t,
		 size_t index, int entity);
const struct packing *dw_packing(const sg_fit *fit);
recolour_fn *dw_recolouring(const sg_theme *theme);
int dw_finish_theme(sg_drawing *ag, const sg_theme *theme,
		    sg_dobj *const *boxes, size_t n);

/* draw_diff.c */
int dw_set_status(sg_dobj *obj, int node, sg_status s, struct scratch *sc);
const char *dw_status_words(sg_status s);
int dw_draw_status(sg_dobj *obj, int node, const sg_view *v, uint32_t i,
		   struct scratch *sc);
int dw_draw_table(sg_dobj *root, const char *title, struct scratch *sc);

/* draw_legend.c */
int dw_set_title(sg_dobj *ag, const char *text, int pt, struct scratch *sc);
int dw_draw_caption(sg_dobj *ag, const sg_view *v, const char *title,
		    struct scratch *sc);
int dw_draw_legend(sg_drawing *ag, const sg_view *v, struct scratch *sc);

/* draw_summary.c */
int dw_draw_summaries(sg_drawing *ag, const sg_view *v,
		      struct scratch *sc);

/* draw.c */
sg_dobj *dw_node_of(sg_drawing *ag, const sg_graph *g, uint32_t e, int make,
		    struct scratch *sc);

#endif
