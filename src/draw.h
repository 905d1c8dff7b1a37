/* Between draw.c, which builds the Graphviz graph, and render.c. */
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
} sg_fit;

/* The Graphviz graph of a view, styled for engine, and fitted to a page
 * unless fit is NULL (page "none"); NULL on failure. The caller closes it
 * with agclose. */
Agraph_t *sg_draw(const sg_view *v, const sg_render_opts *opts,
		  const char *engine, const sg_fit *fit, sg_error *err);

/* The entity that node n of a drawing of g draws; -1 for the legend's and
 * the stubs' nodes. */
int64_t sg_node_entity(const sg_graph *g, Agnode_t *n);

/* Of laid-out drawing ag of g: in *relations, how many relations between
 * entities it draws, and in *crossings how many pairs of them cross
 * (relations that share an entity meet there, and are not counted). -1
 * when memory ran out. */
int sg_crossings(Agraph_t *ag, const sg_graph *g, size_t *relations,
		 size_t *crossings);

/* The graph of DOT text dot, len bytes, numbered as sg_draw numbers its
 * subgraphs (in the order they are made); NULL on failure. */
Agraph_t *sg_read_dot(const char *dot, size_t len);

/* The characters the installed fonts have (glyphs.c). */
typedef struct sg_glyphs sg_glyphs;
sg_glyphs *sg_glyphs_open(void); /* NULL when out of memory */
void sg_glyphs_close(sg_glyphs *gl);
/* The first character of UTF-8 text that no installed font has; 0 when
 * they have every one. */
uint32_t sg_glyphs_missing(const sg_glyphs *gl, const char *text);
/* The script of character c ("Han", "Arabic", ...; NULL when none known),
 * and in *package the Debian package of fonts that has it. */
const char *sg_script_of(uint32_t c, const char **package);

#endif
