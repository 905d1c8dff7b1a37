/* Between draw.c, which builds the Graphviz graph, and render.c. */
#ifndef SG_DRAW_H
#define SG_DRAW_H

#include <cgraph.h>

#include "internal.h"

/* The Graphviz graph of a view, styled for engine; NULL on failure. The
 * caller closes it with agclose. */
Agraph_t *sg_draw(const sg_view *v, const sg_render_opts *opts,
		  const char *engine, sg_error *err);

#endif
