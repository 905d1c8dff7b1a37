/* Crossings: how many pairs of a laid-out drawing's relations cross, the
 * tangle -K auto judges a dot layout by. */
#include <stdlib.h>

#include <gvc.h>

#include "draw.h"

/* Points a cubic Bezier piece is followed by: its end and 3 between. */
#define STEPS 4

/* A relation's line: points[first .. first + n), and their box. */
struct line {
	Agnode_t *tail, *head;
	size_t first, n;
	double x0, y0, x1, y1;
};

static pointf on_bezier(const pointf *p, double t)
{
	double u = 1 - t, a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t,
	       d = t * t * t;
	pointf q = { a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
		     a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y };

	return q;
}

/* Which side of the line a -> b point c is on: <0, 0 or >0. */
static double side(pointf a, pointf b, pointf c)
{
	return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

static int segments_cross(pointf a, pointf b, pointf c, pointf d)
{
	return side(a, b, c) * side(a, b, d) < 0 &&
	       side(c, d, a) * side(c, d, b) < 0;
}

static int lines_cross(const struct line *l, const struct line *m,
		       const pointf *pt)
{
	if (l->x1 < m->x0 || m->x1 < l->x0 || l->y1 < m->y0 || m->y1 < l->y0)
		return 0;
	for (size_t i = l->first; i + 1 < l->first + l->n; i++)
		for (size_t k = m->first; k + 1 < m->first + m->n; k++)
			if (segments_cross(pt[i], pt[i + 1], pt[k], pt[k + 1]))
				return 1;
	return 0;
}

/* Adds p to the line ending the list, growing its box. */
static int add_point(pointf **pt, size_t *npt, size_t *alloc,
		     struct line *l, pointf p)
{
	if (SG_GROW(*pt, *npt + 1, *alloc))
		return -1;
	(*pt)[(*npt)++] = p;
	if (!l->n++) {
		l->x0 = l->x1 = p.x;
		l->y0 = l->y1 = p.y;
	}
	l->x0 = p.x < l->x0 ? p.x : l->x0;
	l->x1 = p.x > l->x1 ? p.x : l->x1;
	l->y0 = p.y < l->y0 ? p.y : l->y0;
	l->y1 = p.y > l->y1 ? p.y : l->y1;
	return 0;
}

int sg_crossings(Agraph_t *ag, const sg_graph *g, size_t *relations,
		 size_t *crossings)
{
	struct line *lines = NULL;
	pointf *pt = NULL;
	size_t nlines = 0, alines = 0, npt = 0, apt = 0;
	int r = 0;

	*relations = *crossings = 0;
	for (Agnode_t *n = agfstnode(ag); n && !r; n = agnxtnode(ag, n))
		for (Agedge_t *e = agfstout(ag, n); e && !r;
		     e = agnxtout(ag, e)) {
			splines *s = ED_spl(e);
			struct line *l;

			if (!s || sg_node_entity(g, agtail(e)) < 0 ||
			    sg_node_entity(g, aghead(e)) < 0)
				continue;
			if (SG_GROW(lines, nlines + 1, alines)) {
				r = -1;
				break;
			}
			l = &lines[nlines++];
			*l = (struct line){ agtail(e), aghead(e), npt, 0,
					    0, 0, 0, 0 };
			for (int b = 0; b < s->size && !r; b++) {
				const bezier *bz = &s->list[b];

				r = bz->size && add_point(&pt, &npt, &apt, l,
							  bz->list[0]);
				for (int i = 0; i + 3 < bz->size && !r; i += 3)
					for (int k = 1; k <= STEPS && !r; k++)
						r = add_point(&pt, &npt, &apt, l,
							      on_bezier(&bz->list[i],
									(double)k / STEPS));
			}
		}
	/* relations that share an entity meet there; they do not cross */
	for (size_t i = 0; i < nlines && !r; i++)
		for (size_t k = i + 1; k < nlines; k++) {
			const struct line *a = &lines[i], *b = &lines[k];

			if (a->tail != b->tail && a->tail != b->head &&
			    a->head != b->tail && a->head != b->head)
				*crossings += lines_cross(a, b, pt);
		}
	*relations = nlines;
	free(lines);
	free(pt);
	return r;
}
