/* Between draw.c, which builds the Graphviz graph, and render.c. */
#ifndef SG_DRAW_H
#define SG_DRAW_H

#include <cgraph.h>

#include "internal.h"

/* The Graphviz graph of a view, styled for engine; NULL on failure. The
 * caller closes it with agclose. */
Agraph_t *sg_draw(const sg_view *v, const sg_render_opts *opts,
		  const char *engine, sg_error *err);

/* The graph of DOT text dot, len bytes, numbered as sg_draw numbers its
 * subgraphs (in the order they are made); NULL on failure. */
Agraph_t *sg_read_dot(const char *dot, size_t len);

#endif
