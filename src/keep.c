/*
 * Keeping a layout (--keep-layout): where an earlier drawing put its
 * entities, read from its SVG (each entity's group carries its id,
 * sg_svg_entity_id), and laid on a new drawing as constraints Graphviz
 * honours, so that the entities both show stay where a reader saw them.
 */
#include <expat.h>
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
	k->from = end_id(id, 1);
	k->to = end_id(id, 3);
	if (!k->from || !k->to) {
		s->failed = 1;
		XML_StopParser(s->parser, XML_FALSE);
	}
}

static void on_start(void *data, const char *name, const char **atts)
{
	struct svg *s = data;
	const char *id = attr(atts, "id"), *cls = attr(atts, "class");

	if (++s->depth == 1)
		s->svg = !strcmp(name, "svg");
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

sg_layout *sg_layout_read_file(const char *path, sg_error *err)
{
	sg_buf data = SG_BUF_INIT;
	sg_teller quiet = { 0 };
	sg_layout *l = NULL;

	if (!rd_slurp(path, &data, &quiet, err))
		l = sg_layout_read(strcmp(path, "-") ? path : "<stdin>",
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
