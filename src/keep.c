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

/* Whether spot a is in a group framed, with its title (a cluster). */
static int framed(const struct spot *a)
{
	return !strncmp(sg_drawing_name(sg_drawing_parent(a->node)), "cluster",
			7);
}

/* How far apart spots a and b must be across (points): sep in one
 * group, GROUP_ROOM more in two when one is framed, for the frames and
 * titles. */
static double room(const struct spot *a, const struct spot *b, double sep)
{
	return sg_drawing_parent(a->node) == sg_drawing_parent(b->node) ||
			       (!framed(a) && !framed(b)) ?
		       sep :
		       sep + GROUP_ROOM;
}

/* Whether spot o meets spot x, were x at c across. */
static int meets(const struct spot *o, const struct spot *x, double c,
		 int al, double sep)
{
	int ac = !al;

	return o != x && o->size[0] > 0 &&
	       fabs(o->to[al] - x->to[al]) < (o->size[al] + x->size[al]) / 2 &&
	       fabs(o->to[ac] - c) - (o->size[ac] + x->size[ac]) / 2 <
		       room(o, x, sep) - 0.01;
}

/* Where along the flow the old box of x's group nearest to x along it
 * lies (x's group has one). */
static double nearest_rank(const struct spot *s, size_t n,
			   const struct spot *x, int al)
{
	double best = HUGE_VAL;

	for (size_t k = 0; k < n; k++)
		if (s[k].old &&
		    sg_drawing_parent(s[k].node) == sg_drawing_parent(x->node) &&
		    fabs(s[k].to[al] - x->to[al]) < fabs(best - x->to[al]))
			best = s[k].to[al];
	return best;
}

/*
 * A new entity of a group that held entities before goes beside them
 * across its rank, not where its rank's neighbours would put it: dot
 * ranks it by its relations, so it may lie a column away from its group,
 * and the group's frame would stretch to it over the others (the SCO
 * figure's strategy documents, given one more, were framed across the
 * page, which then shrank to 5.3 pt). Ranked outside its group's ranks,
 * it goes onto the nearest of them, at an end of the group (a new
 * strategy document ranked beside Kazakhstan stretched its group's frame
 * over Kazakhstan).
 */
static int join_groups(sg_drawing *d, struct spot *s, size_t n, int al,
		       double sep)
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
		double half = s[i].size[ac] / 2, ends[2];
		int meet[2] = { 0, 0 };

		if (s[i].old || !g || old[g].lo[ac] > old[g].hi[ac])
			continue;
		s[i].to[ac] = fmax(old[g].lo[ac] - half,
				   fmin(old[g].hi[ac] + half, s[i].to[ac]));
		if (s[i].to[al] >= old[g].lo[al] && s[i].to[al] <= old[g].hi[al])
			continue;
		/* at an end of its group, sep past it: one where it meets no
		 * box, the nearer */
		s[i].to[al] = nearest_rank(s, n, &s[i], al);
		ends[0] = old[g].lo[ac] - half - sep;
		ends[1] = old[g].hi[ac] + half + sep;
		for (int k = 0; k < 2; k++)
			for (size_t j = 0; j < n && !meet[k]; j++)
				meet[k] = meets(&s[j], &s[i], ends[k], al, sep);
		s[i].to[ac] = meet[0] != meet[1] ? ends[meet[0]] :
			      s[i].to[ac] - ends[0] < ends[1] - s[i].to[ac] ?
						   ends[0] :
						   ends[1];
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
 * A new entity's box that meets another on its rank (part() moves boxes
 * apart only by dot's ranks, and only as far as within a group; a new
 * box between two groups' boxes sat over the next group's title) goes to
 * the nearest place across where it meets none: beside one of them, as
 * far as room() asks; not further than about two boxes of its own away
 * (past that, its group's frame would stretch over the rank). The old
 * boxes stay.
 */
static void clear_new(struct spot *s, size_t n, int al, double sep)
{
	int ac = !al;

	for (size_t i = 0; i < n; i++) {
		struct spot *x = &s[i];
		double best = HUGE_VAL, to = x->to[ac];

		if (x->old || sg_drawing_entity(x->node) < 0 || x->size[0] <= 0)
			continue;
		/* here, or beside each box on the rank, either side */
		for (size_t k = 0; k <= n; k++)
			for (int dir = -1; dir <= 1; dir += 2) {
				const struct spot *o = k < n ? &s[k] : NULL;
				double c = !o ? to :
					   o->to[ac] + dir * ((o->size[ac] + x->size[ac]) / 2 +
							       room(o, x, sep));
				int clear = 1;

				if (o && (o == x || o->size[0] <= 0 ||
					  fabs(o->to[al] - x->to[al]) >=
						  (o->size[al] + x->size[al]) / 2))
					continue;
				for (size_t j = 0; j < n && clear; j++)
					clear = !meets(&s[j], x, c, al, sep);
				if (clear && fabs(c - to) < fabs(best - to))
					best = c;
			}
		if (fabs(best - to) <= 2 * x->size[ac] + sep + GROUP_ROOM)
			x->to[ac] = best;
	}
}

/* By graph g of d: the box around its spots in dot's drawing, in[2g],
 * and where they are now, in[2g + 1]; NULL when out of memory. */
static struct box *group_boxes(sg_drawing *d, const struct spot *s, size_t n)
{
	size_t ng = sg_drawing_count(d, SG_DGRAPH);
	struct box *in = malloc(2 * (ng + 1) * sizeof(*in));

	if (!in)
		return NULL;
	empty_boxes(in, 2 * ng);
	for (size_t i = 0; i < n; i++)
		for (sg_dobj *g = sg_drawing_parent(s[i].node);
		     sg_drawing_parent(g); g = sg_drawing_parent(g)) {
			grow(&in[2 * sg_drawing_index(g)], s[i].dot,
			     s[i].size);
			grow(&in[2 * sg_drawing_index(g) + 1], s[i].to,
			     s[i].size);
		}
	return in;
}

/* Graph g of d a group framed (a cluster dot laid out, with boxes):
 * its frame where its boxes are now (in, of group_boxes), as far out
 * from them as dot drew it from where dot put them (its title, its
 * margin), in f; else NULL. */
static Agraph_t *group_frame(sg_drawing *d, Agraph_t *laid,
			     const struct box *in, size_t g, struct box *f)
{
	sg_dobj *sub = sg_drawing_nth(d, SG_DGRAPH, g);
	Agraph_t *was = laid_graph(laid, sub);
	const struct box *dot = &in[2 * g], *now = &in[2 * g + 1];

	if (!was || strncmp(sg_drawing_name(sub), "cluster", 7) ||
	    dot->lo[0] > dot->hi[0])
		return NULL;
	f->lo[0] = now->lo[0] - (dot->lo[0] - GD_bb(was).LL.x);
	f->lo[1] = now->lo[1] - (dot->lo[1] - GD_bb(was).LL.y);
	f->hi[0] = now->hi[0] + (GD_bb(was).UR.x - dot->hi[0]);
	f->hi[1] = now->hi[1] + (GD_bb(was).UR.y - dot->hi[1]);
	return was;
}

/*
 * Each group's frame (a cluster's bb, which nop2 takes as given) around
 * its boxes where they are now (group_frame).
 */
static int frame_groups(sg_drawing *d, Agraph_t *laid,
			const struct spot *s, size_t n, sg_buf *text)
{
	struct box *in = group_boxes(d, s, n), f;
	int r = in ? 0 : -1;

	for (size_t g = 1; g < sg_drawing_count(d, SG_DGRAPH) && !r; g++)
		if (group_frame(d, laid, in, g, &f)) {
			sg_buf_reset(text);
			r = sg_buf_addf(text, "%.2f,%.2f,%.2f,%.2f", f.lo[0],
					f.lo[1], f.hi[0], f.hi[1]) ||
			    sg_drawing_set(sg_drawing_nth(d, SG_DGRAPH, g),
					   "bb", sg_buf_str(text), 0);
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

/* How far past a rank's last box (points) a line may pass it. */
#define OUTSIDE 12.0

/* Which side of line a-b point c lies on (0: on it). */
static double side(const double a[2], const double b[2], const double c[2])
{
	return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/* The larger and smaller of x and y (fmax and fmin are calls, and
 * routing tests millions of segments). */
static double larger(double x, double y)
{
	return x > y ? x : y;
}

static double smaller_of(double x, double y)
{
	return x < y ? x : y;
}

/* Whether segments a-b and c-d cross or touch (two lines through one gap
 * of a rank meet there). */
static int segments_cross(const double a[2], const double b[2],
			  const double c[2], const double d[2])
{
	return larger(a[0], b[0]) >= smaller_of(c[0], d[0]) &&
	       larger(c[0], d[0]) >= smaller_of(a[0], b[0]) &&
	       larger(a[1], b[1]) >= smaller_of(c[1], d[1]) &&
	       larger(c[1], d[1]) >= smaller_of(a[1], b[1]) &&
	       side(a, b, c) * side(a, b, d) <= 0 &&
	       side(c, d, a) * side(c, d, b) <= 0;
}

/* Whether segment a-b passes through box o. */
static int through(const double a[2], const double b[2], const struct box *o)
{
	double c[4][2];

	if (larger(a[0], b[0]) < o->lo[0] || smaller_of(a[0], b[0]) > o->hi[0] ||
	    larger(a[1], b[1]) < o->lo[1] || smaller_of(a[1], b[1]) > o->hi[1])
		return 0;
	if (a[0] > o->lo[0] && a[0] < o->hi[0] && a[1] > o->lo[1] &&
	    a[1] < o->hi[1])
		return 1;
	c[0][0] = c[3][0] = o->lo[0];
	c[1][0] = c[2][0] = o->hi[0];
	c[0][1] = c[1][1] = o->lo[1];
	c[2][1] = c[3][1] = o->hi[1];
	for (int k = 0; k < 4; k++)
		if (segments_cross(a, b, c[k], c[(k + 1) % 4]))
			return 1;
	return 0;
}

/* A relation's line: its points (from the tail's centre to the head's),
 * m of them. */
struct line {
	double (*at)[2];
	size_t m;
};

/* What the relations are routed among: the drawing's spots (n), each
 * box where it is now, the groups' titles (nt), and each relation's ends
 * (their spots) and line so far (edges); and the segment tests made so
 * far. */
struct among {
	const sg_drawing *d;
	const struct spot *s;
	size_t n, nt, edges;
	struct box *boxes, *titles;
	size_t (*ends)[2];
	struct line *lines;
	double work;
};

/* What a box a line passes through weighs against a line it crosses:
 * the lines are drawn first, so a box hides the piece it covers, where a
 * crossing reads as a junction (layoutmove.py, the 60-entity graph's
 * worst edit: 33 crossings against a fresh layout's 27 at 1, 30 at 0.5,
 * its lines through boxes 35 and 36). */
#define ROUTE_BOX_WEIGHT 0.5

/* What a straight piece a-b of relation e's line costs a reader: the
 * boxes (ROUTE_BOX_WEIGHT) and titles it passes through (but its ends')
 * and the relations' lines it crosses (but those that share an end with
 * it, and e's own). */
static double cost(const struct among *w, size_t e, const double a[2],
		   const double b[2])
{
	size_t t = w->ends[e][0], h = w->ends[e][1];
	double c = 0;

	for (size_t i = 0; i < w->n; i++)
		c += ROUTE_BOX_WEIGHT * (i != t && i != h &&
					 w->s[i].size[0] > 0 &&
					 through(a, b, &w->boxes[i]));
	for (size_t i = 0; i < w->nt; i++)
		c += through(a, b, &w->titles[i]);
	for (size_t i = 0; i < w->edges; i++) {
		const struct line *l = &w->lines[i];

		if (w->ends[i][0] == t || w->ends[i][0] == h ||
		    w->ends[i][1] == t || w->ends[i][1] == h)
			continue;
		for (size_t j = 0; j + 1 < l->m; j++)
			c += segments_cross(a, b, l->at[j], l->at[j + 1]);
	}
	return c;
}

/* Past about this many segment tests in all (some tenths of a second),
 * the relations left are not routed through gaps but kept straight: a
 * large drawing has many relations, ranks and gaps. */
#define ROUTE_WORK 100000000.0
/* How many times each relation is routed again, among the others' lines
 * as they are now. */
#define ROUTE_ROUNDS 2

/* The spots in the ranks where they are now, each in order across (as
 * by_across orders them). */
static int by_place(const void *a, const void *b)
{
	double p = (*(struct spot *const *)a)->to[sort_along],
	       q = (*(struct spot *const *)b)->to[sort_along];

	if (fabs(p - q) > SAME_RANK)
		return p < q ? -1 : 1;
	return by_across(a, b);
}

/* A gap a line may pass a rank through, and the cheapest way to it. */
struct pass {
	double at[2];
	double cost;
	size_t from; /* the pass before it on the cheapest way */
};

/* Gaps either side of the one a straight line takes through a rank that
 * a line may take instead (besides the rank's ends): the far ones would
 * cost a large drawing time and seldom help. */
#define GAPS_AROUND 8

/* The passes through the rank of spots rank[0..n-1] (sorted across):
 * before its first box, between two boxes near across c (GAPS_AROUND),
 * past its last; past an end near its box, or past its group's frame and
 * title too; into p, at most 2 GAPS_AROUND + 5 of them. */
static size_t passes(struct spot **rank, size_t n, int al, double c,
		     struct pass *p)
{
	int ac = !al;
	double way = onward(al);
	size_t m = 0, gap = 0;

	while (gap < n && way * (rank[gap]->to[ac] - c) < 0)
		gap++;
	for (size_t k = 0; k <= n; k++) {
		const struct spot *a = k ? rank[k - 1] : NULL,
				  *b = k < n ? rank[k] : NULL;

		if (a && b && (k + GAPS_AROUND < gap || k > gap + GAPS_AROUND))
			continue;
		for (int far = 0; far < (a && b ? 1 : 2); far++) {
			double out = OUTSIDE + far * (OUTSIDE + GROUP_ROOM);

			p[m].at[al] = (a ? a : b)->to[al];
			p[m].at[ac] =
				a && b ? (a->to[ac] + b->to[ac]) / 2 :
				a      ? a->to[ac] + way * (a->size[ac] / 2 + out) :
					 b->to[ac] - way * (b->size[ac] / 2 + out);
			p[m].cost = HUGE_VAL;
			m++;
		}
	}
	return m;
}

/* What a straight piece a-b of relation e costs (cost()), and a little
 * for its length, so that of two ways that cost the same the shorter
 * wins. */
static double piece(const struct among *w, size_t e, const double a[2],
		    const double b[2])
{
	return cost(w, e, a, b) + hypot(b[0] - a[0], b[1] - a[1]) / 1e5;
}

/* Whether attribute name of e has a value. */
static int given(const sg_dobj *e, const char *name)
{
	const char *v = sg_drawing_get(e, name);

	return v && *v;
}

/*
 * Relation i's cheapest way through the ranks between its ends (the boxes
 * it passes through and lines it crosses, cost()), passing each in a gap
 * between two boxes near the straight line or past its ends: a shortest
 * path over the ranks' gaps. It becomes lines[i] when cheaper than a
 * straight line. order: the spots sorted by_place; p: room for
 * n (2 GAPS_AROUND + 5) + 1 passes. -1 when out of memory.
 */
static int route_one(struct among *w, struct spot **order, int al,
		     size_t i, struct pass *p)
{
	size_t n = w->n, edges = w->edges;
	sg_dobj *e = sg_drawing_nth(w->d, SG_DEDGE, i);
	const struct spot *t = &w->s[sg_drawing_index(sg_drawing_end(e, 0))],
			  *h = &w->s[sg_drawing_index(sg_drawing_end(e, 1))];
	double lo = fmin(t->to[al], h->to[al]) + SAME_RANK,
	       hi = fmax(t->to[al], h->to[al]) - SAME_RANK, straight;
	/* segment tests a piece costs: the boxes, titles, and lines of
	 * about two pieces each */
	double tests = (double)(n + w->nt + 2 * edges);
	size_t np = 1, prev = 0, prev_n = 1, m = 2, last;
	int up = t->to[al] < h->to[al], ac = !al;
	struct line *l = &w->lines[i];

	/* (a line to a port, or a group, is Graphviz's to route) */
	if (hi <= lo || w->work > ROUTE_WORK || given(e, "lhead") ||
	    given(e, "ltail") || given(e, "headport") ||
	    given(e, "tailport") || t->size[0] <= 0 || h->size[0] <= 0)
		return 0;
	straight = piece(w, i, t->to, h->to);
	memcpy(p[0].at, t->to, sizeof(p[0].at));
	p[0].cost = 0;
	/* the ranks between, from the tail's on */
	for (size_t k = 0, end; k < n; k = end) {
		double v = order[up ? k : n - 1 - k]->to[al];
		size_t got;

		for (end = k + 1;
		     end < n &&
		     fabs(order[up ? end : n - 1 - end]->to[al] - v) <= SAME_RANK;
		     end++)
			;
		if (v <= lo || v >= hi)
			continue;
		got = passes(order + (up ? k : n - end), end - k, al,
			     t->to[ac] + (h->to[ac] - t->to[ac]) *
						 (v - t->to[al]) /
						 (h->to[al] - t->to[al]),
			     p + np);
		if ((w->work += (double)(got * (prev_n + 1)) * tests) >
		    ROUTE_WORK)
			return 0;
		for (size_t c = np; c < np + got; c++)
			for (size_t f = prev; f < prev + prev_n; f++) {
				double via = p[f].cost +
					     piece(w, i, p[f].at, p[c].at);

				if (via < p[c].cost) {
					p[c].cost = via;
					p[c].from = f;
				}
			}
		prev = np;
		prev_n = got;
		np += got;
	}
	if (np == 1)
		return 0;
	last = prev;
	for (size_t f = prev; f < prev + prev_n; f++) {
		p[f].cost += piece(w, i, p[f].at, h->to);
		if (p[f].cost < p[last].cost)
			last = f;
	}
	if (p[last].cost < straight)
		for (size_t f = last; f; f = p[f].from)
			m++;
	free(l->at);
	if (!(l->at = malloc(m * sizeof(*l->at))))
		return -1;
	l->m = m;
	/* the way back from the head */
	memcpy(l->at[--m], h->to, sizeof(*l->at));
	for (size_t f = last; f && m > 1; f = p[f].from)
		memcpy(l->at[--m], p[f].at, sizeof(*l->at));
	memcpy(l->at[0], t->to, sizeof(*l->at));
	return 0;
}

/* The boxes where they are now, and the groups' titles where
 * frame_groups will frame them, into w; -1 when out of memory. */
static int obstacles(struct among *w, sg_drawing *d, Agraph_t *laid)
{
	size_t ng = sg_drawing_count(d, SG_DGRAPH);
	struct box *in = group_boxes(d, w->s, w->n), f;

	w->boxes = malloc((w->n + 1) * sizeof(*w->boxes));
	w->titles = malloc((ng + 1) * sizeof(*w->titles));
	if (!in || !w->boxes || !w->titles) {
		free(in);
		return -1;
	}
	for (size_t i = 0; i < w->n; i++)
		for (int k = 0; k < 2; k++) {
			w->boxes[i].lo[k] = w->s[i].to[k] - w->s[i].size[k] / 2;
			w->boxes[i].hi[k] = w->s[i].to[k] + w->s[i].size[k] / 2;
		}
	for (size_t g = 1; g < ng; g++) {
		Agraph_t *was = group_frame(d, laid, in, g, &f);
		textlabel_t *title = was ? GD_label(was) : NULL;
		struct box *b = &w->titles[w->nt];
		double dx, dy;

		if (!title || !title->set)
			continue;
		/* (the frame moved and grew; its title keeps its corner) */
		dx = f.lo[0] - GD_bb(was).LL.x;
		dy = f.hi[1] - GD_bb(was).UR.y;
		b->lo[0] = title->pos.x - title->dimen.x / 2 + dx;
		b->hi[0] = title->pos.x + title->dimen.x / 2 + dx;
		b->lo[1] = title->pos.y - title->dimen.y / 2 + dy;
		b->hi[1] = title->pos.y + title->dimen.y / 2 + dy;
		w->nt++;
	}
	free(in);
	return 0;
}

/*
 * Relations across ranks between their ends go the cheapest way through
 * the ranks between (route_one), each in turn among the others' lines as
 * they are, ROUTE_ROUNDS times. A line not straight is given to nop2 as
 * pos, from centre to centre in straight pieces; sg_keep_settle cuts it
 * at the boxes' edges. order: the spots, sorted by_place here.
 */
static int route_across(sg_drawing *d, Agraph_t *laid, const struct spot *s,
			struct spot **order, size_t n, int al, sg_buf *pos)
{
	size_t edges = sg_drawing_count(d, SG_DEDGE);
	struct among w = { d, s, n, 0, edges, NULL, NULL,
			   malloc((edges + 1) * sizeof(*w.ends)),
			   calloc(edges + 1, sizeof(*w.lines)), 0 };
	struct pass *p = malloc((n * (2 * GAPS_AROUND + 5) + 1) * sizeof(*p));
	int r = w.ends && w.lines && p ? obstacles(&w, d, laid) : -1;

	for (size_t i = 0; i < edges && !r; i++) {
		sg_dobj *e = sg_drawing_nth(d, SG_DEDGE, i);

		if (!(w.lines[i].at = malloc(2 * sizeof(*w.lines[i].at)))) {
			r = -1;
			break;
		}
		w.lines[i].m = 2;
		for (int k = 0; k < 2; k++) {
			w.ends[i][k] = sg_drawing_index(sg_drawing_end(e, k));
			memcpy(w.lines[i].at[k], s[w.ends[i][k]].to,
			       sizeof(*w.lines[i].at));
		}
	}
	sort_along = al;
	qsort(order, n, sizeof(*order), by_place);
	for (int round = 0; round < ROUTE_ROUNDS; round++)
		for (size_t i = 0; i < edges && !r; i++)
			r = route_one(&w, order, al, i, p);
	for (size_t i = 0; i < edges && !r; i++) {
		const struct line *l = &w.lines[i];

		if (l->m < 3)
			continue;
		sg_buf_reset(pos);
		r = sg_buf_addf(pos, "%.2f,%.2f", l->at[0][0], l->at[0][1]);
		for (size_t k = 1; k < l->m && !r; k++)
			for (int j = 1; j <= 3 && !r; j++)
				r = sg_buf_addf(
					pos, " %.2f,%.2f",
					l->at[k - 1][0] +
						(l->at[k][0] - l->at[k - 1][0]) * j / 3,
					l->at[k - 1][1] +
						(l->at[k][1] - l->at[k - 1][1]) * j / 3);
		r = r || sg_drawing_set(sg_drawing_nth(d, SG_DEDGE, i), "pos",
					sg_buf_str(pos), 0);
	}
	for (size_t i = 0; w.lines && i < edges; i++)
		free(w.lines[i].at);
	free(w.lines);
	free(w.ends);
	free(w.boxes);
	free(w.titles);
	free(p);
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
	r = r || join_groups(d, s, n, al, GD_nodesep(laid));
	for (size_t i = 0, end; i < n && !r; i = end) {
		for (end = i + 1; end < n && fabs(order[end]->dot[al] -
						  order[i]->dot[al]) <=
						     SAME_RANK;
		     end++)
			;
		part(order + i, end - i, al, GD_nodesep(laid));
	}
	if (!r)
		clear_new(s, n, al, GD_nodesep(laid));
	r = r || route_across(d, laid, s, order, n, al, &text);
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

/* ---- the lines of a drawing whose entities are pinned (neato, fdp) ---- */

/* How far (points) a kept box may move unseen: a reader takes 0.3 inch
 * (21.6 points) for a move (layoutmove.py). */
#define UNSEEN 15.0
/* Room (points) a box moved keeps from the others: the drawing's sep. */
#define MOVED_ROOM 12.0
/* At most one kept box in FAR_SHARE moves further than UNSEEN, and each
 * only for FAR_GAIN crossings (or boxes passed) fewer: the goal is that a
 * tenth of them, at most, move for an edit. */
#define FAR_SHARE 12
#define FAR_GAIN 2.0
/* What a line through a box weighs against a crossing: the box hides a
 * piece of it, where a crossing confuses (the 200-entity graph's worst
 * edit in layoutmove.py: 135 crossings kept at 1, 121 at 0.25). */
#define PASS_WEIGHT 0.25
/* Past about this many segment tests, untangling stops where it is (some
 * tenths of a second: a large drawing has many lines to cross). */
#define UNTANGLE_WORK 40000000.0
/* The directions a box is tried in around a place, and how far beside a
 * neighbour: just clear of it, and further where that is taken. */
#define TURNS 12
#define FULL_TURN 6.283185307179586 /* (M_PI is POSIX's, not C's) */
#define FAR_RINGS 4
static const double far_rings[FAR_RINGS] = { 1, 1.6, 2.3, 3.2 };

enum knot_kind {
	KNOT_ABSENT, /* not laid out */
	KNOT_FIXED,  /* no entity's: a legend's, a summary */
	KNOT_SHARED, /* an entity the old drawing showed: home is its place */
	KNOT_NEW,    /* an entity it did not */
	KNOT_WORDS   /* a relation's words, between its ends */
};

/* A node of the drawing as the untangling sees it: where it is, its home
 * (where the engine kept it), half its size. */
struct knot {
	enum knot_kind kind;
	double at[2], home[2], half[2];
	int far;       /* moved further than UNSEEN from home */
	size_t end[2]; /* words: the knots of its relation's ends */
	int ends;      /* words: which of end[] are known (bits) */
};

/* The knots, the lines between entities' knots (a relation with words is
 * one line, end to end, its words halfway), each knot's lines
 * (of[first[i]] to of[first[i + 1]]), the frame moves stay in, the
 * segment tests made so far, and how far the engine moved the old
 * drawing's places (shifted: known). */
struct tangle {
	struct knot *k;
	size_t n, nties;
	size_t (*ties)[2];
	size_t *first, *of;
	struct box frame;
	double work;
	double shift[2];
	int shifted;
};

/* Whether boxes a and b, each grown by room / 2, meet. */
static int boxes_meet(const double a[2], const double ha[2],
		      const double b[2], const double hb[2], double room)
{
	return fabs(a[0] - b[0]) < ha[0] + hb[0] + room &&
	       fabs(a[1] - b[1]) < ha[1] + hb[1] + room;
}

/* Whether knot v may move to p: its box in the frame, clear of the
 * others'. */
static int free_at(const struct tangle *w, size_t v, const double p[2])
{
	const struct knot *kv = &w->k[v];

	if (p[0] - kv->half[0] < w->frame.lo[0] ||
	    p[0] + kv->half[0] > w->frame.hi[0] ||
	    p[1] - kv->half[1] < w->frame.lo[1] ||
	    p[1] + kv->half[1] > w->frame.hi[1])
		return 0;
	for (size_t i = 0; i < w->n; i++)
		if (i != v && w->k[i].kind > KNOT_ABSENT &&
		    w->k[i].kind != KNOT_WORDS &&
		    boxes_meet(p, kv->half, w->k[i].at, w->k[i].half,
			       MOVED_ROOM))
			return 0;
	return 1;
}

/* What knot v's lines cost at p: the lines they cross (but those that
 * share an end with them), the boxes they pass through, the lines
 * through v's box. */
static double knot_cost(struct tangle *w, size_t v, const double p[2])
{
	const struct knot *kv = &w->k[v];
	struct box me = { { p[0] - kv->half[0], p[1] - kv->half[1] },
			  { p[0] + kv->half[0], p[1] + kv->half[1] } };
	double c = 0;

	for (size_t j = w->first[v]; j < w->first[v + 1]; j++) {
		size_t t = w->of[j],
		       o = w->ties[t][0] == v ? w->ties[t][1] : w->ties[t][0];
		const double *b = w->k[o].at;

		for (size_t i = 0; i < w->n; i++) {
			const struct knot *ki = &w->k[i];
			struct box bi = {
				{ ki->at[0] - ki->half[0],
				  ki->at[1] - ki->half[1] },
				{ ki->at[0] + ki->half[0],
				  ki->at[1] + ki->half[1] }
			};

			c += PASS_WEIGHT * (i != v && i != o &&
					    ki->kind > KNOT_ABSENT &&
					    ki->kind != KNOT_WORDS &&
					    through(p, b, &bi));
		}
		for (size_t u = 0; u < w->nties; u++) {
			size_t a = w->ties[u][0], z = w->ties[u][1];

			if (a == v || z == v || a == o || z == o)
				continue;
			c += segments_cross(p, b, w->k[a].at, w->k[z].at);
		}
		w->work += (double)(w->n + w->nties);
	}
	for (size_t u = 0; u < w->nties; u++)
		c += PASS_WEIGHT * (w->ties[u][0] != v && w->ties[u][1] != v) *
		     through(w->k[w->ties[u][0]].at, w->k[w->ties[u][1]].at,
			     &me);
	return c;
}

/* The places knot v is tried at: around home within UNSEEN (near), or
 * beside each knot it has a line to and between them all (far); *m of
 * them into at[]. */
static size_t tries_of(const struct tangle *w, size_t v, int far,
		       double (*at)[2])
{
	const struct knot *kv = &w->k[v];
	double mid[2] = { 0, 0 };
	size_t m = 0, ties = w->first[v + 1] - w->first[v];

	for (int t = 0; t < TURNS && !far; t++)
		for (int ring = 1; ring <= 3; ring++) {
			at[m][0] = kv->home[0] +
				   UNSEEN * ring / 3 * cos(FULL_TURN * t / TURNS);
			at[m][1] = kv->home[1] +
				   UNSEEN * ring / 3 * sin(FULL_TURN * t / TURNS);
			m++;
		}
	for (size_t j = w->first[v]; j < w->first[v + 1] && far; j++) {
		size_t t = w->of[j],
		       o = w->ties[t][0] == v ? w->ties[t][1] : w->ties[t][0];
		const struct knot *ko = &w->k[o];

		mid[0] += ko->at[0] / (double)ties;
		mid[1] += ko->at[1] / (double)ties;
		for (int a = 0; a < TURNS; a++) {
			double cx = cos(FULL_TURN * a / TURNS),
			       cy = sin(FULL_TURN * a / TURNS);
			double gx = kv->half[0] + ko->half[0] + MOVED_ROOM,
			       gy = kv->half[1] + ko->half[1] + MOVED_ROOM,
			       r = fmin(fabs(cx) > 1e-9 ? gx / fabs(cx) :
							  HUGE_VAL,
					fabs(cy) > 1e-9 ? gy / fabs(cy) :
							  HUGE_VAL);

			for (int ring = 0; ring < FAR_RINGS; ring++) {
				at[m][0] = ko->at[0] + r * far_rings[ring] * cx;
				at[m][1] = ko->at[1] + r * far_rings[ring] * cy;
				m++;
			}
		}
	}
	if (far && ties > 1) {
		at[m][0] = mid[0];
		at[m][1] = mid[1];
		m++;
	}
	return m;
}

/* The cheapest of v's tries (near or far), into best; its cost. */
static double cheapest(struct tangle *w, size_t v, int far, double (*at)[2],
		       double best[2])
{
	double least = HUGE_VAL;
	size_t m = tries_of(w, v, far, at);

	for (size_t i = 0; i < m && w->work < UNTANGLE_WORK; i++) {
		double c = free_at(w, v, at[i]) ? knot_cost(w, v, at[i]) :
						  HUGE_VAL;

		if (c < least) {
			least = c;
			best[0] = at[i][0];
			best[1] = at[i][1];
		}
	}
	return least;
}

/* Moves knot v to the cheapest of its tries when that is cheaper by gain
 * than where it is; whether it moved. */
static int move_if(struct tangle *w, size_t v, int far, double gain,
		   double (*at)[2])
{
	double to[2], now = knot_cost(w, v, w->k[v].at),
		      c = cheapest(w, v, far, at, to);

	if (c > now - gain)
		return 0;
	w->k[v].at[0] = to[0];
	w->k[v].at[1] = to[1];
	return 1;
}

/* A kept box that gains by moving far, and how much: most first. */
struct gain {
	size_t v;
	double by;
};

static int by_gain(const void *a, const void *b)
{
	const struct gain *p = a, *q = b;

	if (p->by != q->by)
		return p->by > q->by ? -1 : 1;
	return p->v < q->v ? -1 : p->v > q->v;
}

/*
 * Where a line is tangled, few boxes move: a new entity goes where its
 * lines cross least beside its neighbours (neato puts it where its
 * springs pull, across the drawing from them as often as not); each kept
 * box moves where its lines cross least within UNSEEN of its place, which
 * a reader does not see; then, one by one, the kept boxes that gain most
 * (at least FAR_GAIN) move beside their neighbours, one in FAR_SHARE at
 * most. A drawing by sfdp of 200 entities has some 130 crossings and its
 * layouts differ by a third (97 to 161 for single edits): a kept one
 * must untangle as well to stay within 1.2 times a fresh one's.
 */
static int untangle(struct tangle *w)
{
	size_t shared = 0, budget, most = 0, ng = 0;
	double (*at)[2];
	struct gain *g = malloc((w->n + 1) * sizeof(*g));

	for (size_t v = 0; v < w->n; v++) {
		size_t t = w->first[v + 1] - w->first[v];

		shared += w->k[v].kind == KNOT_SHARED;
		most = t > most ? t : most;
	}
	at = malloc((3 * TURNS + FAR_RINGS * TURNS * most + 1) * sizeof(*at));
	if (!at || !g) {
		free(at);
		free(g);
		return -1;
	}
	for (size_t v = 0; v < w->n; v++)
		if (w->k[v].kind == KNOT_NEW)
			move_if(w, v, 1, 1, at);
	/* (a box whose lines cross nothing has nothing to gain) */
	for (size_t v = 0; v < w->n; v++)
		if (w->k[v].kind == KNOT_SHARED &&
		    knot_cost(w, v, w->k[v].at) >= 1)
			move_if(w, v, 0, 1, at);
	/* the far moves by what they gained when all were where they
	 * were, each weighed again when its turn comes */
	for (size_t v = 0; v < w->n; v++) {
		double now, to[2], by;

		if (w->k[v].kind == KNOT_SHARED &&
		    (now = knot_cost(w, v, w->k[v].at)) >= FAR_GAIN &&
		    (by = now - cheapest(w, v, 1, at, to)) >= FAR_GAIN)
			g[ng++] = (struct gain){ v, by };
	}
	qsort(g, ng, sizeof(*g), by_gain);
	budget = shared / FAR_SHARE;
	for (size_t i = 0; i < ng && budget > 0; i++)
		if (move_if(w, g[i].v, 1, FAR_GAIN, at)) {
			w->k[g[i].v].far = 1;
			budget--;
		}
	free(at);
	free(g);
	return 0;
}

/* Lines u of w: from knot a to knot z (none for a loop or a knot not laid
 * out). */
static void tie(struct tangle *w, size_t a, size_t z)
{
	if (a == z || w->k[a].kind == KNOT_ABSENT ||
	    w->k[z].kind == KNOT_ABSENT)
		return;
	w->ties[w->nties][0] = a;
	w->ties[w->nties][1] = z;
	w->nties++;
	/* counted two along: see knots() */
	w->first[a + 2]++;
	w->first[z + 2]++;
}

/* The knots of d's nodes where laid has them, and their lines. */
static int knots(struct tangle *w, sg_drawing *d, const sg_graph *g,
		 const sg_layout *l, Agraph_t *laid)
{
	size_t edges = sg_drawing_count(d, SG_DEDGE);
	sg_buf id = SG_BUF_INIT;
	int r = 0;

	for (size_t i = 0; i < w->n && !r; i++) {
		sg_dobj *v = sg_drawing_nth(d, SG_DNODE, i);
		Agnode_t *an = agnode(laid, (char *)sg_drawing_name(v), 0);
		int64_t e = sg_drawing_entity(v);
		struct knot *k = &w->k[i];
		const struct place *p = NULL;

		k->kind = KNOT_ABSENT;
		if (!an)
			continue;
		k->at[0] = k->home[0] = ND_coord(an).x;
		k->at[1] = k->home[1] = ND_coord(an).y;
		k->half[0] = ND_width(an) * 36;
		k->half[1] = ND_height(an) * 36;
		sg_buf_reset(&id);
		if (!strncmp(sg_drawing_name(v), "words:\t", 7))
			k->kind = KNOT_WORDS;
		else if (e < 0)
			k->kind = KNOT_FIXED;
		else if (!(r = sg_svg_entity_id(&id, g, (uint32_t)e)))
			k->kind = (p = find(l, sg_buf_str(&id))) ? KNOT_SHARED :
								   KNOT_NEW;
		/* where the engine moved the old drawing to (all of it, as
		 * it was pinned) */
		if (k->kind == KNOT_SHARED && !w->shifted) {
			w->shift[0] = k->at[0] - p->x;
			w->shift[1] = k->at[1] - p->y;
			w->shifted = 1;
		}
		/* new boxes stay within the old ones' frame: a box past
		 * it moves the picture's edge, and every box with it */
		if (k->kind == KNOT_WORDS || k->kind == KNOT_NEW)
			continue;
		w->frame.lo[0] = fmin(w->frame.lo[0], k->at[0] - k->half[0]);
		w->frame.lo[1] = fmin(w->frame.lo[1], k->at[1] - k->half[1]);
		w->frame.hi[0] = fmax(w->frame.hi[0], k->at[0] + k->half[0]);
		w->frame.hi[1] = fmax(w->frame.hi[1], k->at[1] + k->half[1]);
	}
	sg_buf_release(&id);
	for (size_t i = 0; i < edges && !r; i++) {
		sg_dobj *e = sg_drawing_nth(d, SG_DEDGE, i);
		size_t t = sg_drawing_index(sg_drawing_end(e, 0)),
		       h = sg_drawing_index(sg_drawing_end(e, 1));

		if (w->k[h].kind == KNOT_WORDS) {
			w->k[h].end[0] = t;
			w->k[h].ends |= 1;
		}
		if (w->k[t].kind == KNOT_WORDS) {
			w->k[t].end[1] = h;
			w->k[t].ends |= 2;
		}
		if (w->k[t].kind != KNOT_WORDS && w->k[h].kind != KNOT_WORDS)
			tie(w, t, h);
	}
	for (size_t i = 0; i < w->n && !r; i++)
		if (w->k[i].kind == KNOT_WORDS && w->k[i].ends == 3)
			tie(w, w->k[i].end[0], w->k[i].end[1]);
	/* first[v + 1]: where v's lines go in of[], once the counts
	 * before it are summed; v's lines put there move it to where
	 * v's end, first[v + 1] of the finished index */
	for (size_t i = 0; i < w->n; i++)
		w->first[i + 1] += w->first[i];
	for (size_t u = 0; u < w->nties && !r; u++)
		for (int k = 0; k < 2; k++)
			w->of[w->first[w->ties[u][k] + 1]++] = u;
	return r;
}

/* Where along its line a relation's words are tried, in turn: halfway
 * first; then beside halfway, up, down, left, right, by their size and
 * further (two boxes close together leave no room between them). */
static const double words_along[] = { 0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8 };
static const double words_beside[][2] = {
	{ 0, 1 }, { 0, -1 }, { -1, 0 }, { 1, 0 }, { 0, 2 }, { 0, -2 },
	{ -2, 0 }, { 2, 0 }, { 0, 3 }, { 0, -3 }, { 0, 4 }, { 0, -4 }
};

/* Whether words knot v at p meet no box, nor the words placed before
 * them (knots before v). */
static int words_clear(const struct tangle *w, size_t v, const double p[2])
{
	for (size_t i = 0; i < w->n; i++)
		if (i != v && w->k[i].kind != KNOT_ABSENT &&
		    (w->k[i].kind != KNOT_WORDS || i < v) &&
		    boxes_meet(p, w->k[v].half, w->k[i].at, w->k[i].half, 0))
			return 0;
	return 1;
}

/*
 * Words knot v on its relation's line where they meet no box and no
 * words placed before them, else beside it, else halfway: pinned
 * halfway, 8 pairs of texts overlapped in a kept drawing of 200 entities
 * (layoutmove.py).
 */
static void place_words(struct tangle *w, size_t v)
{
	struct knot *k = &w->k[v];
	const double *a = w->k[k->end[0]].at, *b = w->k[k->end[1]].at;
	double mid[2] = { (a[0] + b[0]) / 2, (a[1] + b[1]) / 2 }, p[2];

	for (size_t t = 0; t < SG_ARRAY_SIZE(words_along); t++) {
		p[0] = a[0] + (b[0] - a[0]) * words_along[t];
		p[1] = a[1] + (b[1] - a[1]) * words_along[t];
		if (words_clear(w, v, p))
			goto found;
	}
	for (size_t t = 0; t < SG_ARRAY_SIZE(words_beside); t++) {
		p[0] = mid[0] + words_beside[t][0] * 2 * k->half[0];
		p[1] = mid[1] + words_beside[t][1] * 2 * k->half[1];
		if (words_clear(w, v, p))
			goto found;
	}
	p[0] = mid[0];
	p[1] = mid[1];
found:
	k->at[0] = p[0];
	k->at[1] = p[1];
}

int sg_keep_untangle(sg_drawing *d, const sg_graph *g, const sg_layout *l,
		     Agraph_t *laid)
{
	size_t n = sg_drawing_count(d, SG_DNODE),
	       edges = sg_drawing_count(d, SG_DEDGE);
	struct tangle w = { .k = calloc(n + 1, sizeof(*w.k)),
			    .n = n,
			    .ties = malloc((edges + 1) * sizeof(*w.ties)),
			    .first = calloc(n + 2, sizeof(*w.first)),
			    .of = malloc((2 * edges + 1) * sizeof(*w.of)),
			    .frame = { { HUGE_VAL, HUGE_VAL },
				       { -HUGE_VAL, -HUGE_VAL } } };
	sg_buf pos = SG_BUF_INIT;
	int r = w.k && w.ties && w.first && w.of ? 0 : -1;

	r = r || knots(&w, d, g, l, laid) || untangle(&w);
	for (size_t i = 0; i < n && !r; i++) {
		struct knot *k = &w.k[i];

		if (k->kind == KNOT_WORDS && k->ends == 3)
			place_words(&w, i);
		/* in the old drawing's points, as sg_keep_layout pinned */
		if (k->kind != KNOT_ABSENT)
			r = set_pos(sg_drawing_nth(d, SG_DNODE, i),
				    k->at[0] - w.shift[0],
				    k->at[1] - w.shift[1], 1, &pos);
	}
	sg_buf_release(&pos);
	free(w.k);
	free(w.ties);
	free(w.first);
	free(w.of);
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

/* Graphviz's arrowhead length at arrowsize 1 (points). */
#define ARROW_LENGTH 10.0

/* Whether point p, relative to node v's centre, is inside its shape. */
static int inside(Agnode_t *v, pointf p)
{
	inside_t in = { .s = { .n = v, .bp = NULL } };

	return ND_shape(v) && ND_shape(v)->fns->insidefn &&
	       ND_shape(v)->fns->insidefn(&in, p);
}

/*
 * The first piece of line (from v's centre, straight, the Bezier's points
 * p[0..3]) cut where it leaves v's shape, and shortened by an arrowhead
 * there when arrow: the arrow's tip in *tip.
 */
static void cut_at(Agnode_t *v, pointf *p, int arrow, double size,
		   pointf *tip)
{
	pointf c = ND_coord(v), d = { p[3].x - c.x, p[3].y - c.y };
	double lo = 0, hi = 1, len = hypot(d.x, d.y), at;

	if (len <= 0 || inside(v, d))
		return;
	for (int k = 0; k < 30; k++) {
		double mid = (lo + hi) / 2;

		if (inside(v, (pointf){ d.x * mid, d.y * mid }))
			lo = mid;
		else
			hi = mid;
	}
	*tip = (pointf){ c.x + d.x * hi, c.y + d.y * hi };
	at = arrow ? fmin(1, hi + ARROW_LENGTH * size / len) : hi;
	p[0] = (pointf){ c.x + d.x * at, c.y + d.y * at };
	p[1] = (pointf){ p[0].x + (p[3].x - p[0].x) / 3,
			 p[0].y + (p[3].y - p[0].y) / 3 };
	p[2] = (pointf){ p[0].x + 2 * (p[3].x - p[0].x) / 3,
			 p[0].y + 2 * (p[3].y - p[0].y) / 3 };
}

/* Whether relation e's arrowhead at its head (head 1) or tail is drawn. */
static int arrow_at(Agedge_t *e, int head)
{
	const char *dir = agget(e, "dir"),
		   *kind = agget(e, head ? "arrowhead" : "arrowtail");

	if (!dir || !*dir)
		dir = agisdirected(agraphof(e)) ? "forward" : "none";
	return strcmp(dir, "both") && strcmp(dir, head ? "forward" : "back") ?
		       0 :
		       !kind || strcmp(kind, "none");
}

static int near(pointf a, pointf b)
{
	return fabs(a.x - b.x) < 0.01 && fabs(a.y - b.y) < 0.01;
}

/*
 * A line route_across gave (from centre to centre, straight pieces) cut
 * at the edges of its ends' boxes, with its arrowheads, as Graphviz cuts
 * the lines it routes itself.
 */
static void cut_given(Agedge_t *e)
{
	bezier *b = ED_spl(e) && ED_spl(e)->size == 1 ? &ED_spl(e)->list[0] :
							 NULL;
	const char *as = agget(e, "arrowsize");
	double size = as && *as ? atof(as) : 1;
	pointf tip, reversed[4];
	size_t last;

	if (!b || b->size < 4 || b->sflag || b->eflag ||
	    !near(b->list[0], ND_coord(agtail(e))) ||
	    !near(b->list[b->size - 1], ND_coord(aghead(e))))
		return;
	last = (size_t)b->size - 4;
	tip = b->list[0];
	cut_at(agtail(e), b->list, arrow_at(e, 0), size, &tip);
	if (arrow_at(e, 0)) {
		b->sflag = 1;
		b->sp = tip;
	}
	for (int k = 0; k < 4; k++)
		reversed[k] = b->list[last + 3 - (size_t)k];
	tip = reversed[0];
	cut_at(aghead(e), reversed, arrow_at(e, 1), size, &tip);
	for (int k = 0; k < 4; k++)
		b->list[last + 3 - (size_t)k] = reversed[k];
	if (arrow_at(e, 1)) {
		b->eflag = 1;
		b->ep = tip;
	}
}

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

	for (Agnode_t *v = agfstnode(ag); v; v = agnxtnode(ag, v))
		for (Agedge_t *e = agfstout(ag, v); e; e = agnxtout(ag, e))
			cut_given(e);
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
