/*
 * Keeping a layout (--keep-layout): where an earlier drawing put its
 * entities, read from its SVG (each entity's group carries its id,
 * sg_svg_entity_id), and laid on a new drawing as constraints Graphviz
 * honours (ranks tied for dot, positions pinned for the others), then
 * for dot as the positions themselves (sg_keep_places), so that the
 * entities both show stay where a reader saw them.
 */
#include <expat.h>
#include <gvc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "read.h"

/* Centres closer than this along the flow (points) are on one rank: dot
 * gives a rank's nodes one coordinate, rounded to 0.5 in the SVG. */
#define SAME_RANK 1.0
/* How strongly two entities of one old rank stay on one rank: as a
 * relation does. dot weighs its edges when it places nodes along a rank
 * too, so heavier ties pull a rank's entities together and move them
 * more (layoutmove.py: 88% of the SCO figure's boxes moved at 100, 82%
 * at 1). */
#define RANK_WEIGHT "1"

/* Whether an old drawing's ranks run down the page (TB) or across (LR). */
enum flow { FLOW_DOWN, FLOW_ACROSS };

struct place {
	char *id;     /* the SVG id, "e.ID" */
	double x, y;  /* the centre, in Graphviz's points (y up) */
	int rank;     /* along the flow, from 0 */
	double order; /* across it */
};

struct sg_layout {
	struct place *at; /* sorted by id */
	size_t n, alloc;
	enum flow flow;
	/* the drawing's background: its bounding box and pad around it, in
	 * Graphviz's points; frame[0] > frame[2] when the SVG had none */
	double frame[4];
	/* its title's (or caption's) lines: how many, the baselines of the
	 * first and last, their size */
	int title_lines;
	double title_top, title_bottom, title_size;
	/* how large it is printed: its size (points), its view's width, the
	 * scale of its drawing; its smallest entity and relation text (0:
	 * none), before those */
	double width, height, view, scale, entity, relation;
};

/* A relation of the old drawing: the SVG ids of its ends, "e.ID". */
struct link {
	char *from, *to;
};

/* What the SVG parser keeps between its calls. */
struct svg {
	XML_Parser parser;
	sg_layout *l;
	struct link *links;
	size_t nlinks, alinks;
	int depth;
	/* the depth of the entity's group being read; negative once its
	 * shape gave its place; 0: outside any */
	int in_node;
	int svg;    /* the root is <svg> */
	int graph;  /* inside the drawing's group */
	int in_edge; /* the depth of the relation's group being read, or 0 */
	int failed; /* out of memory */
};

static const char *attr(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (!strcmp(atts[i], name))
			return atts[i + 1];
	return NULL;
}

static int has_word(const char *s, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = s; p && (p = strstr(p, word)); p += n)
		if ((p == s || p[-1] == ' ') && (!p[n] || p[n] == ' '))
			return 1;
	return 0;
}

/* The centre of the box around a shape's points ("x,y x,y ...") or a
 * path's ("Mx,yC..."); -1 for none. */
static int centre(const char *s, double *cx, double *cy)
{
	double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;
	int axis = 0;

	while (s && *s) {
		char *end;
		double v = strtod(s, &end);

		if (end == s) {
			s++;
			continue;
		}
		s = end;
		if (axis++ % 2 == 0) {
			x0 = fmin(x0, v);
			x1 = fmax(x1, v);
		} else {
			y0 = fmin(y0, v);
			y1 = fmax(y1, v);
		}
	}
	if (axis < 2)
		return -1;
	*cx = (x0 + x1) / 2;
	*cy = (y0 + y1) / 2;
	return 0;
}

/* An entity's group (id "e.ID", class "node ..."): a place, whose
 * centre its first shape gives. */
static void start_node(struct svg *s, const char *id)
{
	sg_layout *l = s->l;

	if (SG_GROW(l->at, l->n + 1, l->alloc) ||
	    !(l->at[l->n].id = strdup(id))) {
		s->failed = 1;
		XML_StopParser(s->parser, XML_FALSE);
		return;
	}
	l->at[l->n].x = l->at[l->n].y = NAN;
	l->n++;
	s->in_node = s->depth;
}

static void start_shape(struct svg *s, const char *name, const char **atts)
{
	struct place *p = &s->l->at[s->l->n - 1];
	double x, y;

	if (!strcmp(name, "ellipse")) {
		const char *cx = attr(atts, "cx"), *cy = attr(atts, "cy");

		if (!cx || !cy)
			return;
		x = atof(cx);
		y = atof(cy);
	} else if (!strcmp(name, "path") || !strcmp(name, "polygon")) {
		if (centre(attr(atts, strcmp(name, "path") ? "points" : "d"),
			   &x, &y))
			return;
	} else {
		return;
	}
	/* SVG's y grows down the page, Graphviz's up */
	p->x = x;
	p->y = -y;
	s->in_node = -s->in_node;
}

/* "e." and the piece of id, a relation's ("r.FROM.TYPE.TO[.ID]"), that
 * ends at the n-th '.'; NULL when out of memory. */
static char *end_id(const char *id, int n)
{
	const char *p = id, *end;
	char *e;

	for (int i = 0; i < n && p; i++)
		p = strchr(p, '.') ? strchr(p, '.') + 1 : NULL;
	if (!p)
		return strdup("");
	end = strchr(p, '.') ? strchr(p, '.') : p + strlen(p);
	if ((e = malloc((size_t)(end - p) + 3))) {
		memcpy(e, "e.", 2);
		memcpy(e + 2, p, (size_t)(end - p));
		e[end - p + 2] = '\0';
	}
	return e;
}

/* A relation's group (id "r.FROM.TYPE.TO", class "edge ..."): the ends
 * it joins, which tell the drawing's flow. */
static void start_edge(struct svg *s, const char *id)
{
	struct link *k;

	if (SG_GROW(s->links, s->nlinks + 1, s->alinks)) {
		s->failed = 1;
		XML_StopParser(s->parser, XML_FALSE);
		return;
	}
	k = &s->links[s->nlinks++];
	s->in_edge = s->depth;
	k->from = end_id(id, 1);
	k->to = end_id(id, 3);
	if (!k->from || !k->to) {
		s->failed = 1;
		XML_StopParser(s->parser, XML_FALSE);
	}
}

/* The drawing's background, its first shape: the frame of what it
 * shows. */
static void start_frame(struct svg *s, const char *points)
{
	double *f = s->l->frame, x, y;
	int used;

	if (f[0] <= f[2])
		return;
	for (const char *p = points;
	     p && sscanf(p, "%lf,%lf%n", &x, &y, &used) == 2; p += used) {
		f[0] = fmin(f[0], x);
		f[2] = fmax(f[2], x);
		/* SVG's y grows down the page, Graphviz's up */
		f[1] = fmin(f[1], -y);
		f[3] = fmax(f[3], -y);
	}
}

/* A size in points ("453pt"), or in SVG's pixels (3/4 of a point). */
static double points(const char *v)
{
	char *end;
	double n = v ? strtod(v, &end) : 0;

	return v && strcmp(end, "pt") ? n * 0.75 : n;
}

/* How large the drawing is printed (its <svg>'s size and view). */
static void start_svg(sg_layout *l, const char **atts)
{
	const char *view = attr(atts, "viewBox");
	double x, y, w;

	l->width = points(attr(atts, "width"));
	l->height = points(attr(atts, "height"));
	l->view = view && sscanf(view, "%lf %lf %lf", &x, &y, &w) == 3 ?
			  w :
			  l->width;
}

/* A transform's scale ("scale(0.5 0.5) ..."); 1 for none. */
static double scale_of(const char *transform)
{
	const char *p = transform ? strstr(transform, "scale(") : NULL;

	return p ? atof(p + 6) : 1;
}

/* The smallest text size so far in *min (NULL: not counted). */
static void smallest_text(double *min, const char *size)
{
	double pt = size ? atof(size) : 0;

	if (min && pt > 0 && (*min == 0 || pt < *min))
		*min = pt;
}

/* A line of the drawing's title (or caption): a text of its own group. */
static void title_line(sg_layout *l, const char *y, const char *size)
{
	double at = y ? -atof(y) : 0;

	if (!y || !size)
		return;
	l->title_top = l->title_lines ? fmax(l->title_top, at) : at;
	l->title_bottom = l->title_lines ? fmin(l->title_bottom, at) : at;
	l->title_size = atof(size);
	l->title_lines++;
}

static void on_start(void *data, const char *name, const char **atts)
{
	struct svg *s = data;
	const char *id = attr(atts, "id"), *cls = attr(atts, "class");

	if (++s->depth == 1 && (s->svg = !strcmp(name, "svg")))
		start_svg(s->l, atts);
	if (!strcmp(name, "text"))
		smallest_text(s->in_node ? &s->l->entity :
			      s->in_edge  ? &s->l->relation :
					    NULL,
			      attr(atts, "font-size"));
	if (s->depth == 2 && !strcmp(name, "g") && cls &&
	    has_word(cls, "graph")) {
		s->graph = 1;
		s->l->scale = scale_of(attr(atts, "transform"));
	} else if (s->graph && s->depth == 3 && !strcmp(name, "polygon"))
		start_frame(s, attr(atts, "points"));
	else if (s->graph && s->depth == 3 && !strcmp(name, "text"))
		title_line(s->l, attr(atts, "y"), attr(atts, "font-size"));
	if (!strcmp(name, "g") && id && !strncmp(id, "e.", 2) && cls &&
	    has_word(cls, "node"))
		start_node(s, id);
	else if (!strcmp(name, "g") && id && !strncmp(id, "r.", 2) && cls &&
		 has_word(cls, "edge"))
		start_edge(s, id);
	else if (s->in_node > 0)
		start_shape(s, name, atts);
}

static void on_end(void *data, const char *name)
{
	struct svg *s = data;

	(void)name;
	if (abs(s->in_node) == s->depth)
		s->in_node = 0;
	if (s->depth == 2)
		s->graph = 0;
	if (s->in_edge == s->depth)
		s->in_edge = 0;
	s->depth--;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct place *)a)->id,
		      ((const struct place *)b)->id);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double along(const struct place *p, enum flow flow)
{
	return flow == FLOW_ACROSS ? p->x : -p->y;
}

/* The distinct values of along(flow) among l's places, SAME_RANK apart,
 * in order, into values; how many. */
static size_t distinct(const sg_layout *l, enum flow flow, double *values)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		values[i] = along(&l->at[i], flow);
	qsort(values, l->n, sizeof(*values), by_value);
	for (size_t i = 0; i < l->n; i++)
		if (!n || values[i] - values[n - 1] > SAME_RANK)
			values[n++] = values[i];
	return n;
}

static const struct place *find(const sg_layout *l, const char *id)
{
	struct place key = { .id = (char *)id };

	return bsearch(&key, l->at, l->n, sizeof(*l->at), by_id);
}

/*
 * The old drawing's flow: dot puts a relation's head a rank further along
 * than its tail, below it (TB) or right of it (LR), while across the flow
 * heads lie either side; so the side most heads lie on. A drawing of no
 * relation between its entities flows along the axis on which the
 * centres share the fewest values (dot gives each rank one).
 */
static enum flow flow_of(const sg_layout *l, const struct svg *s,
			 double *values)
{
	size_t down = 0, across = 0;

	for (size_t i = 0; i < s->nlinks; i++) {
		const struct place *a = find(l, s->links[i].from),
				   *b = find(l, s->links[i].to);

		if (a && b) {
			down += b->y < a->y - SAME_RANK;
			across += b->x > a->x + SAME_RANK;
		}
	}
	if (down != across)
		return across > down ? FLOW_ACROSS : FLOW_DOWN;
	return distinct(l, FLOW_ACROSS, values) <
			       distinct(l, FLOW_DOWN, values) ?
		       FLOW_ACROSS :
		       FLOW_DOWN;
}

/* Each place's rank along the flow (the number of its value among the
 * distinct ones), its order its coordinate across. */
static int rank_places(sg_layout *l, const struct svg *s)
{
	double *values = malloc((l->n + 1) * sizeof(*values));
	size_t ranks;

	if (!values)
		return -1;
	l->flow = flow_of(l, s, values);
	ranks = distinct(l, l->flow, values);
	for (size_t i = 0; i < l->n; i++) {
		struct place *p = &l->at[i];

		p->rank = 0;
		while ((size_t)p->rank + 1 < ranks &&
		       values[p->rank + 1] - SAME_RANK <= along(p, l->flow))
			p->rank++;
		p->order = l->flow == FLOW_ACROSS ? -p->y : p->x;
	}
	free(values);
	return 0;
}

/* The places of l that a shape gave, the others forgotten (an entity
 * drawn as plain text has none). */
static void drop_unplaced(sg_layout *l)
{
	size_t kept = 0;

	for (size_t i = 0; i < l->n; i++)
		if (isnan(l->at[i].x))
			free(l->at[i].id);
		else
			l->at[kept++] = l->at[i];
	l->n = kept;
}

sg_layout *sg_layout_read(const char *name, const char *data, size_t len,
			  sg_error *err)
{
	sg_layout *l = calloc(1, sizeof(*l));
	struct svg s = { .l = l };
	int r = 0;

	if (!l || !(s.parser = XML_ParserCreate(NULL))) {
		free(l);
		sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	l->scale = 1;
	l->frame[0] = l->frame[1] = HUGE_VAL;
	l->frame[2] = l->frame[3] = -HUGE_VAL;
	XML_SetUserData(s.parser, &s);
	XML_SetElementHandler(s.parser, on_start, on_end);
	if (XML_Parse(s.parser, data, (int)len, 1) == XML_STATUS_ERROR &&
	    !s.failed)
		r = sg_fail(err, SG_ESYNTAX, name,
			    (int)XML_GetCurrentLineNumber(s.parser),
			    (int)XML_GetCurrentColumnNumber(s.parser) + 1,
			    "not a drawing: %s",
			    XML_ErrorString(XML_GetErrorCode(s.parser)));
	else if (s.failed)
		r = sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	else if (!s.svg)
		r = sg_fail(err, SG_ESYNTAX, name, 1, 1,
			    "not a drawing: its root is no <svg>");
	XML_ParserFree(s.parser);
	if (!r)
		drop_unplaced(l);
	if (!r && !l->n)
		r = sg_fail(err, SG_ENOTHING, name, 0, 0,
			    "no entity of a scograph drawing in it (groups "
			    "with ids e.ID)");
	if (!r) {
		qsort(l->at, l->n, sizeof(*l->at), by_id);
		if (rank_places(l, &s))
			r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				    "out of memory");
	}
	for (size_t i = 0; i < s.nlinks; i++) {
		free(s.links[i].from);
		free(s.links[i].to);
	}
	free(s.links);
	if (r) {
		sg_layout_free(l);
		return NULL;
	}
	return l;
}

sg_layout *sg_layout_read_file(const char *file, sg_error *err)
{
	sg_buf data = SG_BUF_INIT;
	sg_teller quiet = { 0 };
	sg_layout *l = NULL;

	if (!rd_slurp(file, &data, &quiet, err))
		l = sg_layout_read(strcmp(file, "-") ? file : "<stdin>",
				   sg_buf_str(&data), data.len, err);
	sg_buf_release(&data);
	return l;
}

void sg_layout_free(sg_layout *l)
{
	for (size_t i = 0; l && i < l->n; i++)
		free(l->at[i].id);
	if (l)
		free(l->at);
	free(l);
}

const char *sg_layout_flow(const sg_layout *l)
{
	return l->flow == FLOW_ACROSS ? "LR" : "TB";
}

/* A node of the new drawing and where the old one put its entity. */
struct kept {
	sg_dobj *node;
	const struct place *at;
};

static int by_rank(const void *a, const void *b)
{
	const struct place *p = ((const struct kept *)a)->at,
			   *q = ((const struct kept *)b)->at;

	if (p->rank != q->rank)
		return p->rank < q->rank ? -1 : 1;
	return p->order < q->order ? -1 : p->order > q->order;
}

/*
 * dot keeps the old ranks and orders as DynaDAG does (North 1995): the
 * entities of one old rank, in their old order, are joined by invisible
 * edges of length 0 (on one rank, dot puts an edge's tail left of its
 * head). New entities are ranked and ordered by their relations, beside
 * their neighbours; the ranks of removed ones close up. No edge joins
 * one rank to the next: relations keep the ranks' sequence, and such an
 * edge crosses the rank between (where relations' words are) as a
 * virtual node, which moves the rest (layoutmove.py: 73% of the boxes
 * moved with them, 40% without, in the 60-entity graph).
 */
static int keep_ranks(sg_drawing *d, enum flow flow, struct kept *k,
		      size_t n)
{
	sg_dobj *root = sg_drawing_root(d);
	int r = 0;

	qsort(k, n, sizeof(*k), by_rank);
	for (size_t i = 1; i < n && !r; i++) {
		sg_dobj *a = k[i - 1].node, *b = k[i].node, *in, *e;

		if (k[i].at->rank != k[i - 1].at->rank)
			continue;
		/* Graphviz 2.43 turns a drawing that flows across (LR) from
		 * one laid out down: a tie between two entities of one
		 * cluster comes out head above tail, one between clusters
		 * (or outside any) tail above head */
		in = sg_drawing_parent(a);
		if (flow == FLOW_ACROSS && in != root &&
		    in == sg_drawing_parent(b)) {
			a = k[i].node;
			b = k[i - 1].node;
		}
		e = sg_drawing_edge(root, a, b);
		r = !e || sg_drawing_set(e, "style", "invis", 0) ||
		    sg_drawing_set(e, "minlen", "0", 0) ||
		    sg_drawing_set(e, "weight", RANK_WEIGHT, 0) ? -1 : 0;
	}
	return r;
}

/* A node's position in DOT's pos syntax, pinned ("!") or a start. */
static int set_pos(sg_dobj *node, double x, double y, int pinned,
		   sg_buf *pos)
{
	sg_buf_reset(pos);
	return sg_buf_addf(pos, "%.2f,%.2f%s", x, y, pinned ? "!" : "") ||
	       sg_drawing_set(node, "pos", sg_buf_str(pos), 0);
}

/*
 * The other engines start from the old positions, pinned: they place only
 * what is new (inputscale: the positions are in points). A relation's
 * words, a node of their own between its two ends (sg_fit's
 * words_apart), go between them, pinned where both ends are (else the
 * engine starts them anywhere and routes the lines through the drawing:
 * 536 crossings for sfdp's 131 in the 200-entity graph), and overlaps
 * are left as they come (moving them apart moves the pinned boxes too,
 * 42% of them in that graph).
 */
static int keep_positions(sg_drawing *d, const struct kept *k, size_t n)
{
	size_t nodes = sg_drawing_count(d, SG_DNODE),
	       edges = sg_drawing_count(d, SG_DEDGE);
	const struct place **at = calloc(nodes + 1, sizeof(*at));
	/* by node: the sum of its placed ends' places, and how many */
	double *sum = calloc(2 * nodes + 1, sizeof(*sum));
	int *ends = calloc(nodes + 1, sizeof(*ends));
	sg_buf pos = SG_BUF_INIT;
	int r = at && sum && ends ? 0 : -1;

	r = r || sg_drawing_set(sg_drawing_root(d), "inputscale", "72", 0) ||
	    sg_drawing_set(sg_drawing_root(d), "overlap", "true", 0);
	for (size_t i = 0; i < n && !r; i++) {
		at[sg_drawing_index(k[i].node)] = k[i].at;
		r = set_pos(k[i].node, k[i].at->x, k[i].at->y, 1, &pos);
	}
	for (size_t i = 0; i < edges && !r; i++) {
		sg_dobj *e = sg_drawing_nth(d, SG_DEDGE, i);
		size_t t = sg_drawing_index(sg_drawing_end(e, 0)),
		       h = sg_drawing_index(sg_drawing_end(e, 1));

		for (int head = 0; head < 2; head++) {
			size_t from = head ? t : h, to = head ? h : t;

			if (at[from] && !at[to]) {
				ends[to]++;
				sum[2 * to] += at[from]->x;
				sum[2 * to + 1] += at[from]->y;
			}
		}
	}
	for (size_t i = 0; i < nodes && !r; i++) {
		sg_dobj *v = sg_drawing_nth(d, SG_DNODE, i);

		/* (summaries are no words: they are placed as entities) */
		if (ends[i] && !strncmp(sg_drawing_name(v), "words:\t", 7))
			r = set_pos(v, sum[2 * i] / ends[i],
				    sum[2 * i + 1] / ends[i], ends[i] == 2,
				    &pos);
	}
	sg_buf_release(&pos);
	free(at);
	free(sum);
	free(ends);
	return r;
}

int sg_keep_layout(sg_drawing *d, const sg_graph *g, const sg_layout *l,
		   const char *engine)
{
	size_t count = sg_drawing_count(d, SG_DNODE), n = 0;
	struct kept *k = malloc((count + 1) * sizeof(*k));
	sg_buf id = SG_BUF_INIT;
	int r = k ? 0 : -1;

	for (size_t i = 0; i < count && !r; i++) {
		sg_dobj *v = sg_drawing_nth(d, SG_DNODE, i);
		int64_t e = sg_drawing_entity(v);
		if (e < 0)
			continue;
		sg_buf_reset(&id);
		r = sg_svg_entity_id(&id, g, (uint32_t)e);
		if (!r && (k[n].at = find(l, sg_buf_str(&id))))
			k[n++].node = v;
	}
	if (!r && n)
		r = !strcmp(engine, "dot") ? keep_ranks(d, l->flow, k, n) :
					     keep_positions(d, k, n);
	sg_buf_release(&id);
	free(k);
	return r;
}

/* A node of the drawing placed for nop2: where dot put it (at, in
 * points: along the flow, then across), its size, the old drawing's
 * place of its entity (NULL: none) and its own. */
struct spot {
	sg_dobj *node;
	double dot[2], size[2], to[2];
	double along, across; /* dot[] by the flow */
	const struct place *old;
	int placed;
	int followed; /* placed by follow() */
};

/* Room between two boxes of different groups for their frames and a
 * title (points). */
#define GROUP_ROOM 24.0

/* Which of x and y runs along the flow, while by_across sorts. */
static int sort_along;

/* Which of x and y runs along the flow. */
static int axis_along(enum flow flow)
{
	return flow == FLOW_ACROSS ? 0 : 1;
}

static enum flow flow_laid(Agraph_t *laid)
{
	const char *dir = agget(laid, "rankdir");

	return dir && (!strcmp(dir, "LR") || !strcmp(dir, "RL")) ?
		       FLOW_ACROSS :
		       FLOW_DOWN;
}

/* The spots in dot's ranks, each in order across. */
static int by_dot(const void *a, const void *b)
{
	const struct spot *p = *(struct spot *const *)a,
			  *q = *(struct spot *const *)b;

	if (fabs(p->along - q->along) > SAME_RANK)
		return p->along < q->along ? -1 : 1;
	return p->across < q->across ? -1 : p->across > q->across;
}

/* The subgraph of laid that drawing graph g stands for (NULL: none). */
static Agraph_t *laid_graph(Agraph_t *laid, sg_dobj *g)
{
	sg_dobj *up = sg_drawing_parent(g);
	Agraph_t *in;

	if (!up)
		return laid;
	in = laid_graph(laid, up);
	return in ? agsubg(in, (char *)sg_drawing_name(g), 0) : NULL;
}

/*
 * A spot of no old place on a rank that has old places: between the
 * nearest of them before it and after it, as far from each as dot put
 * it, in proportion; beside one as far as dot put it. 0 when the rank
 * has none.
 */
static int between(struct spot **rank, size_t n, size_t i, int al)
{
	int ac = !al;
	struct spot *s = rank[i], *a = NULL, *b = NULL;

	for (size_t k = i; k-- > 0 && !a;)
		a = rank[k]->old ? rank[k] : NULL;
	for (size_t k = i + 1; k < n && !b; k++)
		b = rank[k]->old ? rank[k] : NULL;
	if (!a && !b)
		return 0;
	if (a && b && b->dot[ac] > a->dot[ac])
		s->to[ac] = a->to[ac] + (s->dot[ac] - a->dot[ac]) *
						(b->to[ac] - a->to[ac]) /
						(b->dot[ac] - a->dot[ac]);
	else
		s->to[ac] = a ? a->to[ac] + s->dot[ac] - a->dot[ac] :
				b->to[ac] + s->dot[ac] - b->dot[ac];
	s->to[al] = (a ? a : b)->to[al];
	return 1;
}

/* Where old place p is on axis a (0: x). */
static double old_at(const struct place *p, int a)
{
	return a ? p->y : p->x;
}

/* Spot s, of no old place on a rank of none (a new rank, the legend),
 * moved as the old place nearest it in dot's drawing was; like spot
 * first when given (the first of its subgraph: spots of one stay
 * together). */
static void follow(struct spot *all, size_t n, struct spot *s,
		   const struct spot *first)
{
	const struct spot *near = first;
	double best = HUGE_VAL;

	for (size_t k = 0; k < n && !first; k++) {
		double d = hypot(all[k].dot[0] - s->dot[0],
				 all[k].dot[1] - s->dot[1]);

		if (all[k].old && d < best) {
			best = d;
			near = &all[k];
		}
	}
	for (int a = 0; a < 2; a++)
		s->to[a] = s->dot[a] + (near ? near->to[a] - near->dot[a] : 0);
}

/* Where the boxes of a rank make room: rightwards in a drawing that
 * flows down, downwards in one that flows across, away from the
 * picture's top left corner, which the reader's eye and the picture's
 * place keep. */
static double onward(int al)
{
	return al ? 1 : -1;
}

static int by_across(const void *a, const void *b)
{
	double p = (*(struct spot *const *)a)->to[!sort_along],
	       q = (*(struct spot *const *)b)->to[!sort_along];

	p *= onward(sort_along);
	q *= onward(sort_along);
	return p < q ? -1 : p > q;
}

/* A box: lo and hi corners. */
struct box {
	double lo[2], hi[2];
};

static void grow(struct box *b, const double at[2], const double size[2])
{
	for (int a = 0; a < 2; a++) {
		b->lo[a] = fmin(b->lo[a], at[a] - size[a] / 2);
		b->hi[a] = fmax(b->hi[a], at[a] + size[a] / 2);
	}
}

static void empty_boxes(struct box *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int a = 0; a < 2; a++) {
			b[i].lo[a] = HUGE_VAL;
			b[i].hi[a] = -HUGE_VAL;
		}
}

/*
 * A new entity of a group that held entities before goes beside them
 * across its rank, not where its rank's neighbours would put it: dot
 * ranks it by its relations, so it may lie a column away from its group,
 * and the group's frame would stretch to it over the others (the SCO
 * figure's strategy documents, given one more, were framed across the
 * page, which then shrank to 5.3 pt).
 */
static int join_groups(sg_drawing *d, struct spot *s, size_t n, int al)
{
	size_t ng = sg_drawing_count(d, SG_DGRAPH);
	struct box *old = malloc((ng + 1) * sizeof(*old));
	int ac = !al;

	if (!old)
		return -1;
	empty_boxes(old, ng);
	for (size_t i = 0; i < n; i++)
		if (s[i].old)
			grow(&old[sg_drawing_index(sg_drawing_parent(
				     s[i].node))],
			     s[i].to, s[i].size);
	for (size_t i = 0; i < n; i++) {
		size_t g = sg_drawing_index(sg_drawing_parent(s[i].node));
		double half = s[i].size[ac] / 2;

		if (s[i].old || !g || old[g].lo[ac] > old[g].hi[ac])
			continue;
		s[i].to[ac] = fmax(old[g].lo[ac] - half,
				   fmin(old[g].hi[ac] + half, s[i].to[ac]));
	}
	free(old);
	return 0;
}

/*
 * The boxes of one of dot's ranks, in their order here (the old
 * drawing's, which dot's may not quite keep), moved apart along it only
 * as far as they overlap: each at least sep from the one before it (in
 * different groups, as far as dot put them, up to GROUP_ROOM more, for
 * the groups' frames), though never further than the old drawing had
 * two old places.
 */
static void part(struct spot **rank, size_t n, int al, double sep)
{
	int ac = !al;
	double way = onward(al);

	sort_along = al;
	qsort(rank, n, sizeof(*rank), by_across);
	for (size_t i = 1; i < n; i++) {
		struct spot *a = rank[i - 1], *b = rank[i];
		double half = (a->size[ac] + b->size[ac]) / 2;
		double dot_gap = way * (b->dot[ac] - a->dot[ac]) - half;
		double need = sg_drawing_parent(a->node) ==
					      sg_drawing_parent(b->node) ?
				      sep :
				      fmax(sep, fmin(dot_gap, sep + GROUP_ROOM));
		double now = way * (b->to[ac] - a->to[ac]) - half;

		/* (boxes beside each other along the flow do not meet) */
		if (fabs(b->to[al] - a->to[al]) >=
		    (a->size[al] + b->size[al]) / 2)
			continue;
		if (a->old && b->old)
			need = fmin(need,
				    fmax(sep, way * (old_at(b->old, ac) -
						     old_at(a->old, ac)) -
						      half));
		if (now < need)
			b->to[ac] += way * (need - now);
	}
}


/*
 * Each group's frame (a cluster's bb, which nop2 takes as given) around
 * its boxes where they are now, as far out from them as dot drew it from
 * where dot put them (its title, its margin).
 */
static int frame_groups(sg_drawing *d, Agraph_t *laid,
			const struct spot *s, size_t n, sg_buf *text)
{
	size_t ng = sg_drawing_count(d, SG_DGRAPH);
	/* by graph: the boxes in dot's drawing, then in this one */
	struct box *in = malloc(2 * (ng + 1) * sizeof(*in));
	int r = in ? 0 : -1;

	if (in)
		empty_boxes(in, 2 * ng);
	for (size_t i = 0; i < n && !r; i++)
		for (sg_dobj *g = sg_drawing_parent(s[i].node);
		     sg_drawing_parent(g); g = sg_drawing_parent(g)) {
			grow(&in[2 * sg_drawing_index(g)], s[i].dot,
			     s[i].size);
			grow(&in[2 * sg_drawing_index(g) + 1], s[i].to,
			     s[i].size);
		}
	for (size_t g = 1; g < ng && !r; g++) {
		sg_dobj *sub = sg_drawing_nth(d, SG_DGRAPH, g);
		Agraph_t *was = laid_graph(laid, sub);
		const struct box *dot = &in[2 * g], *now = &in[2 * g + 1];

		if (!was || strncmp(sg_drawing_name(sub), "cluster", 7) ||
		    dot->lo[0] > dot->hi[0])
			continue;
		sg_buf_reset(text);
		r = sg_buf_addf(text, "%.2f,%.2f,%.2f,%.2f",
				now->lo[0] - (dot->lo[0] - GD_bb(was).LL.x),
				now->lo[1] - (dot->lo[1] - GD_bb(was).LL.y),
				now->hi[0] + (GD_bb(was).UR.x - dot->hi[0]),
				now->hi[1] + (GD_bb(was).UR.y - dot->hi[1])) ||
		    sg_drawing_set(sub, "bb", sg_buf_str(text), 0);
	}
	free(in);
	return r;
}

/* The old drawing's frame (x, y low, then high) less its pad and its
 * title's room (which nop2 adds again), in f; -1 when it had none. */
static int inner_frame(sg_drawing *d, const sg_layout *l, Agraph_t *laid,
		       double f[4])
{
	sg_dobj *root = sg_drawing_root(d);
	const char *pad = sg_drawing_get(root, "pad"),
		   *loc = sg_drawing_get(root, "labelloc");
	double in = pad && *pad ? atof(pad) * 72 : 4;
	/* (postproc.c gives a title its height and 2 * 4 points) */
	double title = GD_label(laid) ? GD_label(laid)->dimen.y + 8 : 0;
	/* the old title's room, from its lines (DejaVu Sans' lines are
	 * 1.164 of its size apart), unless it is the new one's */
	double line = l->title_lines > 1 ? (l->title_top - l->title_bottom) /
						   (l->title_lines - 1) :
					   l->title_size * 1.164;
	double room = l->title_lines ? l->title_lines * line + 8 : 0;
	int below = (loc && *loc == 'b'),
	    was_below = l->title_top + l->title_bottom <
			l->frame[1] + l->frame[3];

	if (l->frame[0] > l->frame[2])
		return -1;
	if (l->title_lines && below == was_below &&
	    fabs(room - title) < l->title_size / 2)
		room = title;
	f[0] = l->frame[0] + in;
	f[1] = l->frame[1] + in + (was_below ? room : 0);
	f[2] = l->frame[2] - in;
	f[3] = l->frame[3] - in - (was_below ? 0 : room);
	/* (to the SVG's hundredths: no "-0" of a pad taken off again) */
	for (int k = 0; k < 4; k++)
		f[k] = round(f[k] * 100) / 100 + 0.0;
	return 0;
}

/* The outermost group around graph g, below the root. */
static sg_dobj *outermost(sg_dobj *g)
{
	while (sg_drawing_parent(g) && sg_drawing_parent(sg_drawing_parent(g)))
		g = sg_drawing_parent(g);
	return g;
}

/*
 * What follow() moved whole (the legend, a group new since) kept inside
 * the old frame's top and left edges, its group's frame as dot drew it
 * around it: moved out over them (the legend a row longer), it would
 * move the picture's corner, and all the old places on the page with it.
 */
static void within(sg_drawing *d, Agraph_t *laid, struct spot *s, size_t n,
		   struct spot **first, const double f[4])
{
	for (size_t g = 1; g < sg_drawing_count(d, SG_DGRAPH); g++) {
		sg_dobj *top;
		Agraph_t *was;
		struct box dot, now;
		double right, down;

		if (!first[g])
			continue;
		top = outermost(sg_drawing_nth(d, SG_DGRAPH, g));
		was = laid_graph(laid, top);
		empty_boxes(&dot, 1);
		empty_boxes(&now, 1);
		for (size_t i = 0; i < n; i++)
			if (s[i].followed &&
			    sg_drawing_index(sg_drawing_parent(s[i].node)) == g) {
				grow(&dot, s[i].dot, s[i].size);
				grow(&now, s[i].to, s[i].size);
			}
		if (!was)
			continue;
		right = fmax(0, f[0] - (now.lo[0] - (dot.lo[0] -
						      GD_bb(was).LL.x)));
		down = fmin(0, f[3] - (now.hi[1] + (GD_bb(was).UR.y -
						     dot.hi[1])));
		for (size_t i = 0; i < n; i++)
			if (s[i].followed &&
			    sg_drawing_index(sg_drawing_parent(s[i].node)) == g) {
				s[i].to[0] += right;
				s[i].to[1] += down;
			}
	}
}

/*
 * Two points no one sees at the old drawing's corners (its background
 * less its pad and its title's room, which nop2 adds again), so that the
 * new one's bounding box, which the page's scale and the picture's top
 * left corner follow, holds the old one: an entity at the edge removed
 * moves nothing.
 */
static int hold_frame(sg_drawing *d, const double f[4], sg_buf *text)
{
	sg_dobj *root = sg_drawing_root(d);
	int r = 0;

	for (int k = 0; k < 2 && !r; k++) {
		sg_dobj *v;

		sg_buf_reset(text);
		v = sg_buf_addf(text, "frame:\t%d", k) ?
			    NULL :
			    sg_drawing_node(root, sg_buf_str(text), -1);
		sg_buf_reset(text);
		r = !v || sg_buf_addf(text, "%.2f,%.2f", f[2 * k], f[2 * k + 1]) ||
				    sg_drawing_set(v, "pos", sg_buf_str(text), 0) ||
				    sg_drawing_set(v, "shape", "point", 0) ||
				    sg_drawing_set(v, "style", "invis", 0) ||
				    sg_drawing_set(v, "width", "0", 0) ||
				    sg_drawing_set(v, "height", "0", 0) ||
				    sg_drawing_set(v, "label", "", 0) ?
			    -1 :
			    0;
	}
	return r;
}

int sg_keep_places(sg_drawing *d, const sg_graph *g, const sg_layout *l,
		   Agraph_t *laid)
{
	size_t n = sg_drawing_count(d, SG_DNODE);
	struct spot *s = calloc(n + 1, sizeof(*s));
	struct spot **order = malloc((n + 1) * sizeof(*order));
	/* by graph: the first spot of it that follow() moved */
	struct spot **first =
		calloc(sg_drawing_count(d, SG_DGRAPH) + 1, sizeof(*first));
	int al = axis_along(flow_laid(laid)), framed;
	double frame[4];
	sg_buf text = SG_BUF_INIT;
	int r = s && order && first ? 0 : -1;

	for (size_t i = 0; i < n && !r; i++) {
		sg_dobj *v = sg_drawing_nth(d, SG_DNODE, i);
		Agnode_t *an = agnode(laid, (char *)sg_drawing_name(v), 0);
		int64_t e = sg_drawing_entity(v);

		s[i].node = v;
		order[i] = &s[i];
		if (!an)
			continue; /* (dot drew every node it was given) */
		s[i].dot[0] = ND_coord(an).x;
		s[i].dot[1] = ND_coord(an).y;
		s[i].size[0] = ND_width(an) * 72;
		s[i].size[1] = ND_height(an) * 72;
		s[i].along = s[i].dot[al];
		s[i].across = s[i].dot[!al];
		sg_buf_reset(&text);
		if (e >= 0 && (r = sg_svg_entity_id(&text, g, (uint32_t)e)))
			break;
		if (e >= 0 && (s[i].old = find(l, sg_buf_str(&text)))) {
			s[i].to[0] = s[i].old->x;
			s[i].to[1] = s[i].old->y;
			s[i].placed = 1;
		}
	}
	if (!r)
		qsort(order, n, sizeof(*order), by_dot);
	/* rank by rank: new entities between the old (the legend and
	 * summaries follow() as a whole), then apart */
	for (size_t i = 0, end; i < n && !r; i = end) {
		for (end = i + 1; end < n && fabs(order[end]->dot[al] -
						  order[i]->dot[al]) <=
						     SAME_RANK;
		     end++)
			;
		for (size_t k = i; k < end; k++)
			order[k]->placed |=
				!order[k]->old &&
				sg_drawing_entity(order[k]->node) >= 0 &&
				between(order + i, end - i, k - i, al);
	}
	for (size_t i = 0; i < n && !r; i++) {
		size_t up = sg_drawing_index(sg_drawing_parent(s[i].node));

		if (s[i].placed)
			continue;
		follow(s, n, &s[i], up ? first[up] : NULL);
		s[i].followed = 1;
		if (up && !first[up])
			first[up] = &s[i];
	}
	framed = !r && !inner_frame(d, l, laid, frame);
	if (framed)
		within(d, laid, s, n, first, frame);
	r = r || join_groups(d, s, n, al);
	for (size_t i = 0, end; i < n && !r; i = end) {
		for (end = i + 1; end < n && fabs(order[end]->dot[al] -
						  order[i]->dot[al]) <=
						     SAME_RANK;
		     end++)
			;
		part(order + i, end - i, al, GD_nodesep(laid));
	}
	for (size_t i = 0; i < n && !r; i++) {
		sg_buf_reset(&text);
		r = sg_buf_addf(&text, "%.2f,%.2f", s[i].to[0], s[i].to[1]) ||
		    sg_drawing_set(s[i].node, "pos", sg_buf_str(&text), 0);
	}
	r = r || frame_groups(d, laid, s, n, &text) ||
	    (framed && hold_frame(d, frame, &text)) ||
	    sg_drawing_declare(d, SG_DGRAPH, "layout", "nop2") ? -1 : 0;
	sg_buf_release(&text);
	free(s);
	free(order);
	free(first);
	return r;
}

/* A box words should not cover: its centre and half its size, and how
 * much covering it weighs. */
struct rect {
	double x, y, w, h, weight;
};

/* Covering a text breaks the page rule; covering only a box's edge is
 * untidy. */
#define TEXT_WEIGHT 1000.0
#define BOX_WEIGHT 1.0

/* Texts closer than this (points) are taken to overlap, as render.c's
 * page rule takes them. */
#define TEXT_GAP 1.0

static double overlap(const struct rect *a, const struct rect *b)
{
	double w = a->w + b->w + TEXT_GAP - fabs(a->x - b->x),
	       h = a->h + b->h + TEXT_GAP - fabs(a->y - b->y);

	return w > 0 && h > 0 ? w * h * b->weight : 0;
}

/* The point t (0 to 1) of the way along spline b, piece by piece. */
static pointf on_spline(const bezier *b, double t)
{
	size_t pieces = ((size_t)b->size - 1) / 3;
	double u = t * (double)pieces, v;
	size_t k = (size_t)u < pieces ? (size_t)u : pieces - 1;
	const pointf *p = b->list + 3 * k;
	pointf at;

	u -= (double)k;
	v = 1 - u;
	at.x = v * v * v * p[0].x + 3 * v * v * u * p[1].x +
	       3 * v * u * u * p[2].x + u * u * u * p[3].x;
	at.y = v * v * v * p[0].y + 3 * v * v * u * p[1].y +
	       3 * v * u * u * p[2].y + u * u * u * p[3].y;
	return at;
}

/* Texts the relations' words must not cover: the boxes, and the groups'
 * titles (of g and the groups in it). */
struct texts {
	struct rect *r;
	size_t n, alloc;
};

static int add_text(struct texts *t, pointf at, pointf size, double weight)
{
	if (SG_GROW(t->r, t->n + 1, t->alloc))
		return -1;
	t->r[t->n++] =
		(struct rect){ at.x, at.y, size.x / 2, size.y / 2, weight };
	return 0;
}

static int add_titles(struct texts *t, Agraph_t *g)
{
	int r = GD_label(g) && GD_label(g)->set ?
			add_text(t, GD_label(g)->pos, GD_label(g)->dimen,
				 TEXT_WEIGHT) :
			0;

	for (int i = 1; i <= GD_n_cluster(g) && !r; i++)
		r = add_titles(t, GD_clust(g)[i]);
	return r;
}

/* Where along its line words go, in turn: the middle first. */
static const double words_at[] = { 0.5, 0.4, 0.6, 0.3, 0.7,
				    0.2, 0.8, 0.1, 0.9 };

/*
 * Settles a drawing nop2 laid out for Graphviz's DOT of it, which nop2
 * reads back as it is: its words, and its frame. nop2 sets a relation's
 * words at the middle of its line, whatever is
 * there: over other words, over boxes (5 pairs of texts overlapped in the
 * SCO figure kept). Each relation's words go, in order, to the first
 * place along its line (the middle, then further out; on the line or
 * beside it) where they cover no box, title or words placed before;
 * else where they cover least.
 */
int sg_keep_settle(Agraph_t *ag)
{
	struct texts t = { 0 };
	int r = add_titles(&t, ag);
	Agnode_t *corner[2] = { agnode(ag, "frame:\t0", 0),
				agnode(ag, "frame:\t1", 0) };

	/* nop2 makes a title room beside the frame hold_frame kept; read
	 * again with the title's place (lp) given, it makes none: the frame
	 * goes round the title */
	if (corner[0] && corner[1]) {
		ND_coord(corner[0]) = GD_bb(ag).LL;
		ND_coord(corner[1]) = GD_bb(ag).UR;
	}

	for (Agnode_t *v = agfstnode(ag); v && !r; v = agnxtnode(ag, v))
		r = add_text(&t, ND_coord(v),
			     (pointf){ ND_width(v) * 72, ND_height(v) * 72 },
			     BOX_WEIGHT) ||
		    (ND_label(v) && add_text(&t, ND_coord(v),
					     ND_label(v)->dimen, TEXT_WEIGHT));
	for (Agnode_t *v = agfstnode(ag); v && !r; v = agnxtnode(ag, v))
		for (Agedge_t *e = agfstout(ag, v); e && !r;
		     e = agnxtout(ag, e)) {
			textlabel_t *words = ED_label(e);
			struct rect best = { 0 }, c;
			double least = HUGE_VAL;

			if (!words || !ED_spl(e) || ED_spl(e)->size < 1 ||
			    ED_spl(e)->list[0].size < 4)
				continue;
			c.w = words->dimen.x / 2;
			c.h = words->dimen.y / 2;
			for (size_t i = 0; i < SG_ARRAY_SIZE(words_at) &&
					   least > 0;
			     i++)
				for (int side = 0; side < 5 && least > 0;
				     side++) {
					pointf at = on_spline(
						&ED_spl(e)->list[0],
						words_at[i]);
					double covers = 0;

					c.x = at.x + (side == 1 ? c.w + 2 :
						      side == 2 ? -c.w - 2 :
								  0);
					c.y = at.y + (side == 3 ? c.h + 2 :
						      side == 4 ? -c.h - 2 :
								  0);
					for (size_t k = 0; k < t.n; k++)
						covers += overlap(&c, &t.r[k]);
					if (covers < least) {
						least = covers;
						best = c;
					}
				}
			words->pos.x = best.x;
			words->pos.y = best.y;
			words->set = TRUE;
			r = add_text(&t, words->pos, words->dimen, TEXT_WEIGHT);
		}
	free(t.r);
	return r;
}

double sg_layout_readable(const sg_layout *l, double page_width,
			  double page_height)
{
	double unit = (l->view > 0 ? l->width / l->view : 1) * l->scale;
	double fit = 1;

	if (l->width > page_width)
		fit = page_width / l->width;
	if (l->height * fit > page_height)
		fit = page_height / l->height;
	if (!l->entity)
		return HUGE_VAL;
	return fmin(l->entity * unit * fit / SG_PAGE_ENTITY_PT,
		    l->relation ? l->relation * unit * fit /
					  SG_PAGE_RELATION_PT :
				  HUGE_VAL);
}
