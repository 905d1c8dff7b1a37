/*
 * Shapes: where a JSON document keeps its nodes and edges, as data (the
 * words or the file of --shape, and the formats that are only such a
 * mapping), and the reading of a document by one.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"

#define ID_SIZE 64

/* The roles a list's paths may name, as the words and files spell them. */
static const char *const role_names[RD_NROLES] = {
	[RD_ID] = "id", [RD_NAME] = "name", [RD_TYPE] = "type",
	[RD_DESCRIPTION] = "description", [RD_PARENT] = "parent",
	[RD_CHILDREN] = "children", [RD_ATTRS] = "attrs",
	[RD_FROM] = "from", [RD_TO] = "to", [RD_LABEL] = "label",
	[RD_BOXES] = "boxes", [RD_DIRECTION] = "direction",
};

/* Which roles a list of nodes, or of edges, or the document has. */
static const enum rd_role node_roles[] = {
	RD_ID, RD_NAME, RD_TYPE, RD_DESCRIPTION, RD_PARENT, RD_CHILDREN,
	RD_ATTRS, RD_BOXES,
};
static const enum rd_role edge_roles[] = {
	RD_ID, RD_FROM, RD_TO, RD_TYPE, RD_LABEL, RD_ATTRS, RD_DIRECTION,
};
/* the document's own: its title and description, whether its edges have
 * a direction, and keys that hold no graph (a server's "is_truncated"),
 * read as known */
static const char *const doc_roles[] = { "title", "description", "directed",
					 "skip" };
/* a table's columns (CSV, TSV, KGTK), named before any list */
static const struct column_role {
	const char *name;
	size_t offset; /* of its field in struct rd_columns */
} column_roles[] = {
	{ "from", offsetof(struct rd_columns, from) },
	{ "to", offsetof(struct rd_columns, to) },
	{ "type", offsetof(struct rd_columns, type) },
	{ "id", offsetof(struct rd_columns, id) },
	{ "name", offsetof(struct rd_columns, name) },
};

static const char **column_of(sg_shape *s, const struct column_role *c)
{
	return (const char **)(void *)((char *)&s->columns + c->offset);
}

/* What an edge's direction= may say (Kumu's words): directed, then the
 * two without one direction. */
static const char *const direction_words[] = { "directed", "undirected",
					       "mutual" };

/* ---- paths ---- */

static void path_release(struct rd_path *p)
{
	for (size_t i = 0; i < p->nalt; i++) {
		for (size_t k = 0; k < p->alt[i].n; k++)
			free(p->alt[i].parts[k]);
		free(p->alt[i].parts);
	}
	free(p->alt);
	memset(p, 0, sizeof(*p));
}

/* One alternative of a path, text[0, len): JSON Pointer when it begins
 * with '/', else dotted; "" and "." are the value itself. */
static int parse_steps(const char *text, size_t len, struct rd_steps *s)
{
	int pointer = len && *text == '/';
	char sep = pointer ? '/' : '.';
	const char *p = text + pointer, *end = text + len;

	memset(s, 0, sizeof(*s));
	if ((len == 1 && *text == '.') || p == end)
		return 0;
	while (p <= end) {
		const char *stop = memchr(p, sep, (size_t)(end - p));
		size_t n = (size_t)((stop ? stop : end) - p);
		char *part = malloc(n + 1), *w = part;

		if (!part || SG_GROW(s->parts, s->n + 1, s->alloc)) {
			free(part);
			return -1;
		}
		for (size_t i = 0; i < n; i++) {
			/* JSON Pointer's escapes: ~1 is '/', ~0 is '~' */
			if (pointer && p[i] == '~' && i + 1 < n &&
			    (p[i + 1] == '0' || p[i + 1] == '1')) {
				*w++ = p[++i] == '1' ? '/' : '~';
				continue;
			}
			*w++ = p[i];
		}
		*w = '\0';
		s->parts[s->n++] = part;
		if (!stop)
			break;
		p = stop + 1;
	}
	return 0;
}

/* A path: alternatives separated by '|', the first present wins. */
static int parse_path(const char *text, struct rd_path *path)
{
	const char *p = text;

	memset(path, 0, sizeof(*path));
	for (;;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		/* (counted before it is parsed: a part parsed is released
		 * with the path when a later one fails) */
		if (SG_GROW(path->alt, path->nalt + 1, path->aalt) ||
		    parse_steps(p, len, &path->alt[path->nalt++])) {
			path_release(path);
			return -1;
		}
		if (!bar)
			return 0;
		p = bar + 1;
	}
}

/* v at steps s (no wildcard), or NULL. */
static const json_t *walk(const json_t *v, const struct rd_steps *s)
{
	for (size_t i = 0; v && i < s->n; i++) {
		char *end;
		unsigned long k;

		if (json_is_object(v)) {
			v = json_object_get(v, s->parts[i]);
			continue;
		}
		k = strtoul(s->parts[i], &end, 10);
		v = json_is_array(v) && *s->parts[i] && !*end ?
			    json_array_get(v, k) : NULL;
	}
	return v;
}

/* The value at the first alternative of p present in v, and which it is;
 * NULL when none is. */
static const json_t *get(const json_t *v, const struct rd_path *p,
			 const struct rd_steps **which)
{
	for (size_t i = 0; i < p->nalt; i++) {
		const json_t *found = walk(v, &p->alt[i]);

		if (found && !json_is_null(found)) {
			if (which)
				*which = &p->alt[i];
			return found;
		}
	}
	return NULL;
}

/* A value drawn as text: a string, an integer, the first of a list of
 * them (Neo4j's labels), a number or a boolean as written. */
static const char *text_of(const json_t *v, char *buf, size_t size)
{
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_real(v)) {
		snprintf(buf, size, "%.17g", json_real_value(v));
		return buf;
	}
	if (json_is_boolean(v))
		return json_is_true(v) ? "true" : "false";
	return json_is_array(v) ? NULL : rd_id_text(v, buf, size);
}

/* ---- the shape, from words or a file ---- */

static struct rd_shape_list *last_list(sg_shape *s)
{
	return s->n ? &s->lists[s->n - 1] : NULL;
}

/* Where a word or a key of a shape stands, for its errors. */
struct spot {
	const char *file;
	int line, column;
};

#define shape_error(err, at, ...) \
	sg_fail(err, SG_EUSAGE, (at).file, (at).line, (at).column, __VA_ARGS__)

/* The closest of names to key, or NULL. */
static const char *closest(const char *key, const char *const *names,
			   size_t n)
{
	const char *best = NULL;
	size_t d, least = 3;

	for (size_t i = 0; i < n; i++)
		if ((d = sg_distance(key, names[i], 2)) < least) {
			least = d;
			best = names[i];
		}
	return best;
}

/* Sets the document's role key to value. */
static int set_doc(sg_shape *s, const char *key, const char *value,
		   sg_error *err)
{
	struct rd_path *p = !strcmp(key, "title") ? &s->title :
			    !strcmp(key, "description") ? &s->description :
			    !strcmp(key, "directed") ? &s->directed : NULL;

	if (!strcmp(key, "skip")) {
		free(s->skip);
		if (!(s->skip = strdup(value)))
			return sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				       "out of memory");
		return 0;
	}
	path_release(p);
	return parse_path(value, p) ?
		       sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") : 0;
}

/* Sets the table's column c to value. */
static int set_column(sg_shape *s, const struct column_role *c,
		      const char *value, struct spot at, sg_error *err)
{
	const char **column = column_of(s, c);

	if (*column)
		return shape_error(err, at, "'%s' is given twice for the "
				   "columns", c->name);
	if (!(*column = strdup(value)))
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	s->has_columns = 1;
	return 0;
}

/* Sets key to value in the shape s: a new list (nodes, edges), a role of
 * the last list, or the document's (a table's columns among them). */
static int set_key(sg_shape *s, const char *key, const char *value,
		   struct spot at, sg_error *err)
{
	struct rd_shape_list *l = last_list(s);
	const char *names[RD_NROLES + SG_ARRAY_SIZE(doc_roles) +
			  SG_ARRAY_SIZE(column_roles) + 2];
	size_t n = 0;
	int edges = !strcmp(key, "edges");

	if (edges || !strcmp(key, "nodes")) {
		if (SG_GROW(s->lists, s->n + 1, s->alloc))
			return sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				       "out of memory");
		l = &s->lists[s->n++];
		memset(l, 0, sizeof(*l));
		l->edges = edges;
		l->at_spot = at.column;
		if (!(l->at_text = strdup(value)) || parse_path(value, &l->at))
			return sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				       "out of memory");
		return 0;
	}
	for (size_t i = 0; !l && i < SG_ARRAY_SIZE(doc_roles); i++)
		if (!strcmp(key, doc_roles[i]))
			return set_doc(s, key, value, err);
	for (size_t i = 0; !l && i < SG_ARRAY_SIZE(column_roles); i++)
		if (!strcmp(key, column_roles[i].name))
			return set_column(s, &column_roles[i], value, at, err);
	if (l) {
		const enum rd_role *roles = l->edges ? edge_roles : node_roles;
		size_t nroles = l->edges ? SG_ARRAY_SIZE(edge_roles) :
					   SG_ARRAY_SIZE(node_roles);

		for (size_t i = 0; i < nroles; i++) {
			names[n++] = role_names[roles[i]];
			if (strcmp(key, role_names[roles[i]]))
				continue;
			if (l->has[roles[i]])
				return shape_error(err, at, "'%s' is given "
						   "twice for the %s", key,
						   l->edges ? "edges" :
							      "nodes");
			l->has[roles[i]] = 1;
			if (roles[i] == RD_BOXES)
				return (l->boxes = strdup(value)) ? 0 :
				       sg_fail(err, SG_ENOMEM, NULL, 0, 0,
					       "out of memory");
			return parse_path(value, &l->role[roles[i]]) ?
				       sg_fail(err, SG_ENOMEM, NULL, 0, 0,
					       "out of memory") : 0;
		}
	} else {
		for (size_t i = 0; i < SG_ARRAY_SIZE(doc_roles); i++)
			names[n++] = doc_roles[i];
		for (size_t i = 0; i < SG_ARRAY_SIZE(column_roles); i++)
			names[n++] = column_roles[i].name;
	}
	names[n++] = "nodes";
	names[n++] = "edges";
	if (closest(key, names, n))
		return shape_error(err, at, "unknown key '%s' in a shape; "
				   "did you mean '%s'?", key,
				   closest(key, names, n));
	if (l)
		return shape_error(err, at, "unknown key '%s' in a shape", key);
	return shape_error(err, at, "unknown key '%s' in a shape: a node's or "
			   "an edge's keys follow 'nodes=' or 'edges='", key);
}

/* Every list of edges has both ends; there is a list. */
static int check_shape(const sg_shape *s, struct spot at, sg_error *err)
{
	if (!s->n && !s->has_columns)
		return shape_error(err, at, "a shape names where the nodes or "
				   "the edges are: 'nodes=PATH', "
				   "'edges=PATH', or a table's columns: "
				   "'from=COLUMN to=COLUMN'");
	for (size_t i = 0; i < s->n; i++) {
		const struct rd_shape_list *l = &s->lists[i];

		at.column = l->at_spot;
		if (l->edges && (!l->has[RD_FROM] || !l->has[RD_TO]))
			return shape_error(err, at, "the edges at '%s' need "
					   "'from=' and 'to=': where their "
					   "ends are", l->at_text);
	}
	return 0;
}

/* The words KEY=VALUE of text, as the command line gives them. */
static int parse_words(sg_shape *s, const char *text, struct spot at,
		       sg_error *err)
{
	const char *p = text;
	int r = 0;

	while (!r && *(p += strspn(p, " \t\r\n"))) {
		size_t len = strcspn(p, " \t\r\n");
		const char *eq = memchr(p, '=', len);
		char *word = strndup(p, len);

		at.column = (int)(p - text) + 1;
		if (!word)
			return sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				       "out of memory");
		if (!eq || eq == p) {
			r = shape_error(err, at, "'%s' is no KEY=PATH word of "
					"a shape", word);
		} else {
			word[eq - p] = '\0';
			r = set_key(s, word, word + (eq - p) + 1, at, err);
		}
		free(word);
		p += len;
	}
	return r;
}

/* One list of a shape file: PATH, or {"at": PATH, ROLE: PATH, ...}. */
static int file_list(sg_shape *s, struct reader *rd, const char *key,
		     const json_t *parent, const char *pkey, size_t index,
		     const json_t *v, sg_error *err)
{
	sg_loc loc = rd_loc(rd, parent, pkey, index);
	struct spot at = { rd->file, loc.line, loc.column };
	const char *role;
	const json_t *path;

	if (json_is_string(v))
		return set_key(s, key, json_string_value(v), at, err);
	if (!json_is_object(v) || !json_is_string(json_object_get(v, "at")))
		return shape_error(err, at, "'%s' must be a path, or an object "
				   "with 'at' and the paths of a %s's keys",
				   key, strcmp(key, "edges") ? "node" : "edge");
	if (set_key(s, key, json_string_value(json_object_get(v, "at")), at,
		    err))
		return -1;
	json_object_foreach((json_t *)v, role, path) {
		loc = rd_loc(rd, v, role, 0);
		at = (struct spot){ rd->file, loc.line, loc.column };
		if (!strcmp(role, "at"))
			continue;
		if (!json_is_string(path))
			return shape_error(err, at, "'%s' must be a path, "
					   "not %s", role, rd_kind(path));
		if (set_key(s, role, json_string_value(path), at, err))
			return -1;
	}
	return 0;
}

/* A shape file: {"nodes": LIST or [LIST, ...], "edges": ..., "title":
 * PATH, ...}. */
static int parse_file(sg_shape *s, const char *text, size_t len,
		      const char *name, sg_error *err)
{
	struct reader rd = { .file = name, .err = err };
	struct scanner sc = rd_start(&rd, text, len);
	json_t *doc = rd_parse(&rd, &sc, sc.end);
	const char *key;
	const json_t *v;
	int r = doc && !rd_scan(&rd, sc, doc) ? 0 : -1;

	if (!r && !json_is_object(doc))
		r = sg_fail(err, SG_EUSAGE, name, rd.root_line, rd.root_column,
			    "a shape file holds an object, not %s",
			    rd_kind(doc));
	/* the document's keys first: a node's keys follow its list's */
	for (int lists = 0; !r && lists < 2; lists++)
		json_object_foreach(doc, key, v) {
			int list = !strcmp(key, "nodes") ||
				   !strcmp(key, "edges");
			sg_loc loc = rd_loc(&rd, doc, key, 0);
			struct spot at = { name, loc.line, loc.column };

			if (list != lists)
				continue;
			if (!list && !json_is_string(v))
				r = shape_error(err, at, "'%s' must be a path, "
						"not %s", key, rd_kind(v));
			else if (!list)
				r = set_key(s, key, json_string_value(v), at,
					    err);
			else if (!json_is_array(v))
				r = file_list(s, &rd, key, doc, key, 0, v, err);
			for (size_t i = 0; !r && json_is_array(v) &&
					   i < json_array_size(v); i++)
				r = file_list(s, &rd, key, v, NULL, i,
					      json_array_get(v, i), err);
			if (r)
				break;
		}
	if (!r)
		r = check_shape(s, (struct spot){ name, rd.root_line,
						  rd.root_column }, err);
	json_decref(doc);
	free(rd.ps.pos);
	free(rd.ps.blocks);
	return r;
}

void sg_shape_free(sg_shape *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->lists[i].at_text);
		free(s->lists[i].boxes);
		path_release(&s->lists[i].at);
		for (size_t k = 0; k < RD_NROLES; k++)
			path_release(&s->lists[i].role[k]);
	}
	free(s->lists);
	path_release(&s->title);
	path_release(&s->description);
	path_release(&s->directed);
	free(s->skip);
	for (size_t i = 0; i < SG_ARRAY_SIZE(column_roles); i++)
		free((void *)*column_of(s, &column_roles[i]));
	free(s);
}

sg_shape *rd_shape_parse(const char *text, size_t len, const char *name,
			 sg_error *err)
{
	sg_shape *s = calloc(1, sizeof(*s));
	const char *p = text;
	char *words;
	int r;

	if (!s) {
		sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	while (p < text + len && strchr(" \t\r\n", *p))
		p++;
	if (p < text + len && *p == '{') {
		r = parse_file(s, text, len, name, err);
	} else if (!(words = strndup(text, len))) {
		r = sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	} else {
		struct spot at = { name, 1, 1 };

		r = parse_words(s, words, at, err) || check_shape(s, at, err);
		free(words);
	}
	if (r) {
		sg_shape_free(s);
		return NULL;
	}
	return s;
}

sg_shape *sg_shape_new(const char *text, sg_error *err)
{
	return rd_shape_parse(text, strlen(text), "--shape", err);
}

sg_shape *sg_shape_load(const char *path, sg_error *err)
{
	sg_buf data = SG_BUF_INIT;
	sg_teller quiet = { 0 };
	sg_shape *s = NULL;

	if (!rd_slurp(path, &data, &quiet, err))
		s = rd_shape_parse(sg_buf_str(&data), data.len,
				   strcmp(path, "-") ? path : "<stdin>", err);
	sg_buf_release(&data);
	return s;
}

/* ---- reading by a shape ---- */

/* Whether attrs= takes v whole: an object, whose keys are the element's,
 * or text, its label where no role names one (a node's name, an edge's
 * type), as graphlib's and ngraph's are; anything else stays an
 * attribute. */
static int attrs_taken(const struct rd_shape_list *l, const json_t *v)
{
	return json_is_object(v) ||
	       (json_is_string(v) && !l->has[l->edges ? RD_TYPE : RD_NAME]);
}

/*
 * The keys of an element that its roles take, and the object its
 * attributes come from besides its own keys: that of attrs=, else the
 * first object a role's path goes through (G6's "data", LangChain's
 * "properties"), whose other keys are attributes too.
 */
static void roles_used(const struct rd_shape_list *l, const json_t *o,
		       struct fields *f)
{
	const json_t *attrs = get(o, &l->role[RD_ATTRS], NULL);
	const char *more_key = NULL;

	f->o = o;
	f->more = json_is_object(attrs) ? attrs : NULL;
	if (f->more && l->role[RD_ATTRS].alt[0].n == 1)
		more_key = l->role[RD_ATTRS].alt[0].parts[0];
	for (size_t k = 0; k < RD_NROLES; k++) {
		const struct rd_steps *which = NULL;
		size_t nalt = l->role[k].nalt;
		const json_t *v = get(o, &l->role[k], &which);
		char buf[ID_SIZE];
		/* a role drawn as text takes the first of a list (Neo4j's
		 * labels): a list of more, or a value with no text (an
		 * object: a label by language), is kept whole as an
		 * attribute */
		int partly = (k == RD_NAME || k == RD_TYPE ||
			      k == RD_DESCRIPTION || k == RD_LABEL) &&
			     (json_array_size(v) > 1 ||
			      (v && !json_is_null(v) &&
			       !text_of(v, buf, sizeof(buf))));

		/* of alternatives "a|b", the one read and those before it
		 * (absent or null): a later one present is not read */
		if (v)
			nalt = (size_t)(which - l->role[k].alt) + !partly;
		for (size_t a = 0; a < nalt; a++) {
			const struct rd_steps *s = &l->role[k].alt[a];
			const json_t *first;

			if (!s->n || f->nused + 2 > RD_MAX_USED)
				continue;
			first = json_object_get(o, s->parts[0]);
			if (k == RD_ATTRS && s->n == 1 &&
			    !attrs_taken(l, first))
				continue;
			/* an end, an id, a parent or children are read whole
			 * where they are (an end's object is the node's) */
			if (s->n == 1 || k == RD_FROM || k == RD_TO ||
			    k == RD_ID || k == RD_PARENT || k == RD_CHILDREN) {
				f->used[f->nused++] = s->parts[0];
				continue;
			}
			if (!f->more && json_is_object(first) && s->n == 2) {
				f->more = first;
				more_key = s->parts[0];
			}
			if (more_key && !strcmp(more_key, s->parts[0])) {
				f->in_more[f->nused] = 1;
				f->used[f->nused++] = s->parts[1];
			}
		}
	}
	if (more_key && f->nused < RD_MAX_USED)
		f->used[f->nused++] = more_key;
}

/* The text of role k of element o, into buf; NULL when it has none. */
static const char *role_text(const struct rd_shape_list *l, const json_t *o,
			     enum rd_role k, char *buf)
{
	return l->has[k] ? text_of(get(o, &l->role[k], NULL), buf, ID_SIZE) :
			   NULL;
}

/* The key a path begins with, for messages: "." for the value itself. */
static const char *first_key(const struct rd_path *p)
{
	return p->nalt && p->alt[0].n ? p->alt[0].parts[0] : ".";
}

/* A box of JSON Canvas's groups (boxes=): the nodes placed inside it are
 * inside it. */
struct box {
	const char *id;
	double x, y, w, h;
};

static int box_of(const json_t *o, struct box *b)
{
	const json_t *v[4] = { json_object_get(o, "x"), json_object_get(o, "y"),
			       json_object_get(o, "width"),
			       json_object_get(o, "height") };

	for (int i = 0; i < 4; i++)
		if (!json_is_number(v[i]))
			return 0;
	b->x = json_number_value(v[0]);
	b->y = json_number_value(v[1]);
	b->w = json_number_value(v[2]);
	b->h = json_number_value(v[3]);
	return 1;
}

/* The id of the smallest box of boxes (not o's own) that holds o. */
static const char *holder(const struct box *boxes, size_t n, const json_t *o,
			  const char *id)
{
	struct box b;
	const char *best = NULL;
	double area = 0;

	if (!box_of(o, &b))
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const struct box *g = &boxes[i];

		if (!strcmp(g->id, id) || b.x < g->x || b.y < g->y ||
		    b.x + b.w > g->x + g->w || b.y + b.h > g->y + g->h ||
		    (best && g->w * g->h >= area))
			continue;
		best = g->id;
		area = g->w * g->h;
	}
	return best;
}

struct walk {
	struct reader *rd;
	const struct rd_shape_list *l;
	struct box *boxes;
	size_t nboxes, aboxes;
	const sg_shape *s; /* the whole shape, l among its lists */
	/* its edges' ends are objects, copies of nodes (rd_copy) */
	int end_objects;
};

static int read_node(struct walk *w, const json_t *c, const char *key,
		     size_t index, const char *parent);

/* A node's nested nodes (children=), each inside it. */
static int read_children(struct walk *w, const json_t *o, const char *id)
{
	const json_t *list = get(o, &w->l->role[RD_CHILDREN], NULL);
	const char *up = sg_graph_intern(w->rd->g, id);

	if (!up)
		return rd_nomem(w->rd);
	for (size_t i = 0; i < json_array_size(list); i++)
		if (rd_element(w->rd, read_node(w, list, NULL, i, up)))
			return -1;
	return 0;
}

/* What the shape says of element o (over what its keys say): its
 * roles' values, and the label attrs= takes (attrs_taken). */
static void said_of(const struct rd_shape_list *l, const json_t *o,
		    struct rd_said *said, char bufs[][ID_SIZE])
{
	const json_t *attrs = get(o, &l->role[RD_ATTRS], NULL);

	said->name_said = l->has[l->edges ? RD_LABEL : RD_NAME];
	said->name = role_text(l, o, l->edges ? RD_LABEL : RD_NAME, bufs[0]);
	said->type_said = l->has[RD_TYPE];
	said->type = role_text(l, o, RD_TYPE, bufs[1]);
	said->description_said = l->has[RD_DESCRIPTION];
	said->description = role_text(l, o, RD_DESCRIPTION, bufs[2]);
	said->parent_said = l->has[RD_PARENT];
	said->parent = role_text(l, o, RD_PARENT, bufs[3]);
	if (json_is_string(attrs) && attrs_taken(l, attrs)) {
		if (l->edges) {
			said->type_said = 1;
			said->type = json_string_value(attrs);
		} else {
			said->name_said = 1;
			said->name = json_string_value(attrs);
		}
	}
}

/* The node c[key] (or c[index]); parent, when not NULL, holds it. A node
 * may be a bare id (a list of names). */
static int read_node(struct walk *w, const json_t *c, const char *key,
		     size_t index, const char *parent)
{
	struct reader *rd = w->rd;
	const struct rd_shape_list *l = w->l;
	const json_t *o = key ? json_object_get(c, key) :
				json_array_get(c, index);
	char ibuf[ID_SIZE], bufs[4][ID_SIZE];
	sg_loc loc = rd_loc(rd, c, key, index);
	struct fields f = { .o = 0 };
	struct rd_said said = { 0 };
	const char *id;

	if (!json_is_object(o)) {
		if (!(id = rd_id_text(o, ibuf, sizeof(ibuf))))
			return rd_wrong_kind(rd, c, key, index,
					     "a node: an object or an id");
		return rd_add_entity(rd, id, &said, &f, loc);
	}
	id = l->has[RD_ID] ? role_text(l, o, RD_ID, ibuf) :
			     rd_id_text(json_object_get(o, "id"), ibuf,
					sizeof(ibuf));
	roles_used(l, o, &f);
	if (!l->has[RD_ID] && id && f.nused < RD_MAX_USED)
		f.used[f.nused++] = "id";
	if (!id && key)
		id = key;
	if (!id)
		return rd_bad_id(rd, o, l->has[RD_ID] ?
				 first_key(&l->role[RD_ID]) : "id", "node",
				 loc);
	/* (an edge's end that repeats it is compared with it) */
	if (w->end_objects && !rd_first_copy(rd, id)) {
		int again;

		if (rd_copy(rd, id, o, NULL, &again))
			return -1;
	}
	said_of(l, o, &said, bufs);
	if (parent || l->boxes) {
		said.parent_said = 1;
		said.parent = parent ? parent :
				       holder(w->boxes, w->nboxes, o, id);
	}
	if (rd_add_entity(rd, id, &said, &f, loc))
		return -1;
	return l->has[RD_CHILDREN] ? read_children(w, o, id) : 0;
}

/* The ends of edge o on one side (role k): ids, each a string, an
 * integer or an object with an id; a list of them. */
static const json_t *ends_of(const struct rd_shape_list *l, const json_t *o,
			     enum rd_role k, const char **key, size_t *n)
{
	const struct rd_steps *which = NULL;
	const json_t *v = get(o, &l->role[k], &which);

	*key = which && which->n ? which->parts[0] : NULL;
	*n = json_is_array(v) ? json_array_size(v) : 1;
	return v;
}

static const char *end_id(const json_t *v, size_t i, char *buf)
{
	if (json_is_array(v))
		v = json_array_get(v, i);
	if (json_is_object(v))
		v = json_object_get(v, "id") ? json_object_get(v, "id") :
					       json_object_get(v, "name");
	return rd_id_text(v, buf, ID_SIZE);
}

/* Whether a node of shape s would read its key: the first key of a path
 * of a list of nodes. */
static int node_key(const sg_shape *s, const char *key)
{
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; !s->lists[i].edges && k < RD_NROLES; k++)
			for (size_t a = 0; a < s->lists[i].role[k].nalt; a++) {
				const struct rd_steps *st =
					&s->lists[i].role[k].alt[a];

				if (st->n && !strcmp(st->parts[0], key))
					return 1;
			}
	return 0;
}

/* The shape's first list of nodes, or NULL. */
static const struct rd_shape_list *node_list(const sg_shape *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (!s->lists[i].edges)
			return &s->lists[i];
	return NULL;
}

/*
 * An edge's end read through an object (LangChain's source.id): the
 * object is the node at that end, a copy of the shape's node of its id,
 * with which it is compared. One whose node the lists of nodes left out
 * is read as a node of the first list, as LangChain's graph stores merge
 * such an end into a node of its own. Without a list of nodes, the end is
 * all there is of its node: every key but its id is named.
 */
static int end_rest(struct walk *w, const json_t *o, enum rd_role k)
{
	const struct rd_steps *which = NULL;
	const struct rd_shape_list *nodes = node_list(w->s);
	const json_t *end, *node, *holder;
	const char *key;
	const json_t *v;
	char buf[ID_SIZE];

	if (!get(o, &w->l->role[k], &which) || which->n < 2)
		return 0;
	end = walk(o, &(struct rd_steps){ which->parts, which->n - 1, 0 });
	key = rd_id_text(json_object_get(end, which->parts[which->n - 1]), buf,
			 sizeof(buf));
	if (key && (node = rd_first_copy(w->rd, key)))
		return rd_same_copy(w->rd, end, node,
				    which->parts[which->n - 2]);
	holder = walk(o, &(struct rd_steps){ which->parts, which->n - 2, 0 });
	if (key && nodes && json_is_object(holder)) {
		struct walk nw = { w->rd, nodes, NULL, 0, 0, w->s, 1 };

		return read_node(&nw, holder, which->parts[which->n - 2], 0,
				 NULL);
	}
	json_object_foreach((json_t *)end, key, v)
		if (strcmp(key, which->parts[which->n - 1]) &&
		    !json_is_null(v) && !node_key(w->s, key) &&
		    rd_unread(w->rd, end, key, which->parts[which->n - 2]))
			return -1;
	return 0;
}

/*
 * Edge o's own direction (direction=) into *said: Kumu's "directed",
 * "undirected" or "mutual" (both ways: one relation that selection
 * follows either way, as it does an undirected one; its count is Kumu's),
 * or a boolean, whether it is directed, but under a key "undirected"
 * (Graphology's) the opposite. Absent or null, the document's direction
 * stands.
 */
static int direction_of(struct reader *rd, const struct rd_shape_list *l,
			const json_t *o, struct rd_said *said)
{
	const struct rd_steps *which = NULL;
	const json_t *v = get(o, &l->role[RD_DIRECTION], &which);
	const char *text = json_string_value(v);
	const char *last = which && which->n ? which->parts[which->n - 1] :
					       NULL;
	sg_loc loc;

	if (!v)
		return 0;
	said->direction_said = 1;
	if (json_is_boolean(v)) {
		said->undirected = json_is_true(v) == (last &&
						       !strcmp(last,
							       "undirected"));
		return 0;
	}
	for (size_t i = 0; text && i < SG_ARRAY_SIZE(direction_words); i++)
		if (!strcmp(text, direction_words[i])) {
			said->undirected = i > 0;
			return 0;
		}
	loc = last ? rd_loc(rd, walk(o, &(struct rd_steps){
					     which->parts, which->n - 1, 0 }),
			    last, 0) :
		     rd_loc(rd, o, NULL, 0);
	if (text)
		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "unknown direction '%s': one of "
			       "directed, undirected, mutual, or a boolean",
			       text);
	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "a direction must be a string or a boolean, not %s",
		       rd_kind(v));
}

static int read_edge(struct walk *w, const json_t *c, const char *key,
		     size_t index)
{
	struct reader *rd = w->rd;
	const struct rd_shape_list *l = w->l;
	const json_t *o = key ? json_object_get(c, key) :
				json_array_get(c, index);
	char ibuf[ID_SIZE], bufs[4][ID_SIZE];
	sg_loc loc = rd_loc(rd, c, key, index);
	const char *from_key, *to_key;
	const json_t *from, *to;
	struct rd_said direction = { 0 };
	size_t nfrom, nto;
	int r = 0;

	if (!json_is_object(o))
		return rd_wrong_kind(rd, c, key, index, "an object");
	if (direction_of(rd, l, o, &direction))
		return -1;
	from = ends_of(l, o, RD_FROM, &from_key, &nfrom);
	to = ends_of(l, o, RD_TO, &to_key, &nto);
	if (end_rest(w, o, RD_FROM) || end_rest(w, o, RD_TO))
		return -1;
	for (size_t a = 0; !r && a < nfrom; a++)
		for (size_t b = 0; !r && b < nto; b++) {
			struct fields f = { .o = 0 };
			struct rd_said said = direction;
			char fbuf[ID_SIZE], obuf[ID_SIZE];
			const char *fid = end_id(from, a, fbuf);
			const char *tid = end_id(to, b, obuf);

			roles_used(l, o, &f);
			if (!fid || !tid) {
				r = rd_bad_id(rd, o, fid ?
					      (to_key ? to_key :
					       first_key(&l->role[RD_TO])) :
					      (from_key ? from_key :
					       first_key(&l->role[RD_FROM])),
					      "edge", loc);
				break;
			}
			said_of(l, o, &said, bufs);
			/* a hyperedge's relations share no id; one of a list
			 * keyed by id has its key */
			said.id_said = l->has[RD_ID] || nfrom * nto > 1 || key;
			said.id = nfrom * nto > 1 ? NULL :
				  l->has[RD_ID] ? role_text(l, o, RD_ID, ibuf) :
				  key;
			r = rd_add_said_edge(rd, &f, from_key ? from_key : "",
					    to_key ? to_key : "", fid, tid,
					    &said, loc);
		}
	return r;
}

/* The boxes of the nodes of container c of type boxes=. */
static int find_boxes(struct walk *w, const json_t *c)
{
	char tbuf[ID_SIZE], ibuf[ID_SIZE];

	for (size_t i = 0; i < json_array_size(c); i++) {
		const json_t *o = json_array_get(c, i);
		const char *type = role_text(w->l, o, RD_TYPE, tbuf);
		const char *id = w->l->has[RD_ID] ?
			role_text(w->l, o, RD_ID, ibuf) :
			rd_id_text(json_object_get(o, "id"), ibuf, ID_SIZE);
		struct box b;

		if (!type || !id || strcmp(type, w->l->boxes) || !box_of(o, &b))
			continue;
		if (!(b.id = sg_graph_intern(w->rd->g, id)) ||
		    SG_GROW(w->boxes, w->nboxes + 1, w->aboxes))
			return rd_nomem(w->rd);
		w->boxes[w->nboxes++] = b;
	}
	return 0;
}

/* Reads the nodes or edges in c: a list, or an object keyed by id. */
static int read_container(struct walk *w, const json_t *c)
{
	const char *key;
	const json_t *v;
	size_t i = 0;

	if (w->l->boxes && find_boxes(w, c))
		return -1;
	/* a tree's root: one node, its children inside it */
	if (json_is_object(c) && w->l->has[RD_CHILDREN] &&
	    get(c, &w->l->role[RD_CHILDREN], NULL)) {
		json_t *one = json_pack("[O]", c);
		int r;

		if (!one)
			return rd_nomem(w->rd);
		r = rd_place(w->rd, one, (struct pos){ w->rd->root_line,
						   w->rd->root_column }) ||
		    read_node(w, one, NULL, 0, NULL);
		json_decref(one);
		return r;
	}
	json_object_foreach((json_t *)c, key, v)
		if (rd_element(w->rd, w->l->edges ? read_edge(w, c, key, 0) :
					  read_node(w, c, key, 0, NULL)))
			return -1;
	for (i = 0; i < json_array_size(c); i++)
		if (rd_element(w->rd, w->l->edges ? read_edge(w, c, NULL, i) :
					  read_node(w, c, NULL, i, NULL)))
			return -1;
	return 0;
}

/* Reads what stands at steps s of v, from step i on ("*": each element
 * or member). */
static int read_at(struct walk *w, const json_t *v, const struct rd_steps *s,
		   size_t i)
{
	const char *key;
	json_t *member;

	if (i == s->n)
		return json_is_array(v) || json_is_object(v) ?
			       read_container(w, v) :
			       rd_wrong_kind(w->rd, v, NULL, 0,
					     "a list or an object of them");
	if (strcmp(s->parts[i], "*")) {
		struct rd_steps one = { &s->parts[i], 1, 0 };
		const json_t *next = walk(v, &one);

		return next ? read_at(w, next, s, i + 1) : 0;
	}
	json_object_foreach((json_t *)v, key, member)
		if (read_at(w, member, s, i + 1))
			return -1;
	for (size_t k = 0; k < json_array_size(v); k++)
		if (read_at(w, json_array_get(v, k), s, i + 1))
			return -1;
	return 0;
}

/* Whether the shape's paths take a top-level list as it is: one of them
 * is the document itself, or goes through each element ("*"). */
static int from_each(const sg_shape *s)
{
	for (size_t i = 0; i < s->n; i++)
		for (size_t a = 0; a < s->lists[i].at.nalt; a++)
			if (!s->lists[i].at.alt[a].n ||
			    !strcmp(s->lists[i].at.alt[a].parts[0], "*"))
				return 1;
	return 0;
}

/* A shape of edges alone (triples): their ends are the entities, added
 * as the relations from first on name them. */
static int add_ends(struct reader *rd, size_t first)
{
	for (size_t i = first; i < rd->g->nrelations; i++) {
		const sg_relation *rel = &rd->g->relations[i];

		for (int k = 0; k < 2; k++) {
			sg_entity e = { 0 };

			e.id = k ? rel->to_ref : rel->from_ref;
			e.loc = sg_graph_place(rd->g, i, k ? SG_END_TO :
							      SG_END_FROM);
			if (sg_map_get(&rd->g->by_id, e.id) < 0 &&
			    sg_graph_add_entity(rd->g, &e, rd->err))
				return -1;
		}
	}
	return 0;
}

/* Whether an edge's end is an object holding its id (from=source.id). */
static int ends_in_objects(const sg_shape *s)
{
	for (size_t i = 0; i < s->n; i++)
		for (enum rd_role k = RD_FROM; k <= RD_TO; k++)
			for (size_t a = 0; s->lists[i].edges &&
					   a < s->lists[i].role[k].nalt; a++)
				if (s->lists[i].role[k].alt[a].n > 1)
					return 1;
	return 0;
}

/* Whether skip= names key: a top-level key, or one deeper by its whole
 * dotted path ("options.multigraph"). */
static int skipped(const sg_shape *s, const char *key)
{
	/* (an empty key is in every text: it is none of skip's) */
	if (s->skip && *key) {
		size_t n = strlen(key);

		for (const char *p = s->skip; (p = strstr(p, key)); p += n)
			if ((p == s->skip || p[-1] == ',') &&
			    (p[n] == ',' || !p[n]))
				return 1;
	}
	return 0;
}

/* A key an object on a path of the shape's is read by: the path's step
 * number k. */
struct step_read {
	const json_t *holder;
	const struct rd_steps *path;
	size_t k;
};

/* Notes the objects path passes through below the top, each with the key
 * it takes, into *at (room made): -1 out of memory. */
static int note_steps(const json_t *doc, const struct rd_steps *path,
		      struct step_read **at, size_t *n, size_t *alloc)
{
	const json_t *v = doc;

	for (size_t k = 0; v && k + 1 < path->n; k++) {
		struct rd_steps up = { path->parts, k + 1, 0 };

		if (!(v = walk(doc, &up)))
			break;
		if (!json_is_object(v))
			continue;
		if (SG_GROW(*at, *n + 1, *alloc))
			return -1;
		(*at)[(*n)++] = (struct step_read){ v, path, k + 1 };
	}
	return 0;
}

/*
 * The objects the shape's paths read through (title=, description=,
 * directed=, and the lists': arrows.app's nodes=graph.nodes) hold more
 * than those paths read (graphlib's value holds the graph's label and any
 * other attribute of it; LangChain's source its text and metadata;
 * arrows.app's graph its style): their other keys are named, but those
 * skip= names by their whole path. The model keeps no other attribute of
 * a graph.
 */
static int doc_rest(struct reader *rd, const sg_shape *s, const json_t *doc)
{
	const struct rd_path *paths[] = { &s->title, &s->description,
					  &s->directed };
	struct step_read *at = NULL;
	size_t n = 0, alloc = 0;
	sg_buf b = SG_BUF_INIT;
	int r = 0;

	for (size_t i = 0; !r && i < SG_ARRAY_SIZE(paths) + s->n; i++) {
		const struct rd_path *p = i < SG_ARRAY_SIZE(paths) ?
			paths[i] : &s->lists[i - SG_ARRAY_SIZE(paths)].at;
		const struct rd_steps *read;

		if (get(doc, p, &read) && note_steps(doc, read, &at, &n,
						     &alloc))
			r = rd_nomem(rd);
	}
	for (size_t i = 0; !r && i < n; i++) {
		const char *key;
		const json_t *v;
		size_t j = 0;

		/* (each holder once) */
		while (j < i && at[j].holder != at[i].holder)
			j++;
		if (j < i)
			continue;
		json_object_foreach((json_t *)at[i].holder, key, v) {
			size_t k = i;

			while (k < n && !(at[k].holder == at[i].holder &&
					  !strcmp(at[k].path->parts[at[k].k],
						  key)))
				k++;
			if (k < n || json_is_null(v))
				continue;
			sg_buf_reset(&b);
			for (size_t q = 0; !r && q < at[i].k; q++)
				r = sg_buf_addf(&b, "%s.", at[i].path->parts[q]);
			if (r || sg_buf_adds(&b, key)) {
				r = rd_nomem(rd);
				break;
			}
			if (!skipped(s, sg_buf_str(&b)) &&
			    rd_unread(rd, at[i].holder, key,
				      at[i].path->parts[at[i].k - 1]))
				r = -1;
		}
	}
	free(at);
	sg_buf_release(&b);
	return r;
}

int rd_read_shape(struct reader *rd, const sg_shape *s, const json_t *doc)
{
	char tbuf[ID_SIZE * 4], dbuf[ID_SIZE * 4];
	const char *title, *description;
	size_t first = rd->g->nrelations;
	int r = 0;

	/* a list of documents of the shape (LangChain's GraphDocuments) */
	if (json_is_array(doc) && !from_each(s)) {
		/* (each document's edges repeat its own nodes) */
		for (size_t i = 0; !r && i < json_array_size(doc); i++) {
			rd_copies_release(&rd->copies);
			r = rd_read_shape(rd, s, json_array_get(doc, i));
		}
		return r;
	}
	title = text_of(get(doc, &s->title, NULL), tbuf, sizeof(tbuf));
	description = text_of(get(doc, &s->description, NULL), dbuf,
			      sizeof(dbuf));
	if ((title || description) &&
	    sg_graph_set_title(rd->g, title, description, rd_loc(rd, NULL,
							 NULL, 0), rd->err))
		return -1;
	if (s->directed.nalt)
		rd->undirected = json_is_false(get(doc, &s->directed, NULL));
	if (doc_rest(rd, s, doc))
		return -1;
	for (size_t i = 0; !r && i < s->n; i++) {
		struct walk w = { rd, &s->lists[i], NULL, 0, 0, s,
				  ends_in_objects(s) };
		/* each alternative of a list's place that the document has */
		for (size_t a = 0; !r && a < w.l->at.nalt; a++)
			r = read_at(&w, doc, &w.l->at.alt[a], 0);
		free(w.boxes);
	}
	return r || (!node_list(s) && add_ends(rd, first)) ? -1 : 0;
}

int rd_shape_keys(const sg_shape *s, const char *key)
{
	const struct rd_path *doc_paths[] = { &s->title, &s->description,
					      &s->directed };

	for (size_t i = 0; i < s->n; i++)
		for (size_t a = 0; a < s->lists[i].at.nalt; a++) {
			const struct rd_steps *st = &s->lists[i].at.alt[a];

			if (!st->n || !strcmp(st->parts[0], "*") ||
			    !strcmp(st->parts[0], key))
				return 1;
		}
	for (size_t i = 0; i < SG_ARRAY_SIZE(doc_paths); i++)
		for (size_t a = 0; a < doc_paths[i]->nalt; a++)
			if (doc_paths[i]->alt[a].n &&
			    !strcmp(doc_paths[i]->alt[a].parts[0], key))
				return 1;
	return skipped(s, key);
}

/* ---- the formats that are only a shape ---- */

static int is_object_at(const json_t *o, const char *key)
{
	return json_is_object(json_object_get(o, key));
}

/* LangChain's GraphDocument (Python's model_dump, LangChain.js's fields):
 * relationships whose ends are nodes; a list of them. */
static enum rd_sure detect_langchain(const json_t *doc)
{
	const json_t *d = json_is_array(doc) ? json_array_get(doc, 0) : doc;

	/* (arrows.app's relationships join fromId to toId) */
	return json_is_array(json_object_get(d, "relationships")) &&
			       json_is_array(json_object_get(d, "nodes")) &&
			       !json_object_get(rd_first(d, "relationships"),
						"fromId") ?
		       RD_SURE : RD_NOT;
}

const struct rd_format rd_langchain = {
	.name = "langchain",
	.about = "LangChain GraphDocument, a list of them",
	.detect = detect_langchain,
	.arrays = 1,
	/* (source.type: pydantic's name of the class, "Document") */
	.shape = "description=source.page_content|source.pageContent "
		 "skip=source.type "
		 "nodes=nodes id=id type=type attrs=properties "
		 "edges=relationships from=source.id to=target.id type=type "
		 "attrs=properties",
};

/* LightRAG's answer to GET /graphs: its entities' and relations' fields
 * in properties; every edge typed DIRECTED, its words its keywords. */
static enum rd_sure detect_lightrag(const json_t *doc)
{
	const json_t *props = json_object_get(rd_first(doc, "nodes"),
					      "properties");

	return json_object_get(props, "entity_id") ||
			       json_object_get(props, "entity_type") ?
		       RD_SURE : RD_NOT;
}

const struct rd_format rd_lightrag = {
	.name = "lightrag",
	.about = "LightRAG's GET /graphs answer",
	.detect = detect_lightrag,
	.shape = "skip=is_truncated "
		 "nodes=nodes id=id type=properties.entity_type "
		 "description=properties.description attrs=properties "
		 "edges=edges id=id from=source to=target "
		 "type=properties.keywords attrs=properties",
};

/* AntV G6 5's data: names and types under each element's data (or its
 * style's labelText, what G6 draws), combos the boxes nodes are in. */
static enum rd_sure detect_g6(const json_t *doc)
{
	const json_t *node = rd_first(doc, "nodes");

	return json_is_array(json_object_get(doc, "combos")) ||
			       (is_object_at(node, "data") &&
				json_object_get(node, "id") &&
				json_object_get(rd_first(doc, "edges"),
						"source")) ?
		       RD_SURE : RD_NOT;
}

const struct rd_format rd_g6 = {
	.name = "g6",
	.about = "AntV G6 5 graph data (nodes, edges, combos)",
	.detect = detect_g6,
	.shape = "nodes=nodes|combos id=id "
		 "name=style.labelText|data.label|data.name "
		 "type=data.type|data.category parent=combo attrs=data "
		 "edges=edges id=id from=source to=target "
		 "type=style.labelText|data.label|data.type attrs=data",
};

/* JSON Canvas (Obsidian's .canvas): nodes of type text, file, link and
 * group, whose boxes hold the nodes placed inside them. */
static enum rd_sure detect_canvas(const json_t *doc)
{
	const json_t *node = rd_first(doc, "nodes");
	const char *type = json_string_value(json_object_get(node, "type"));
	static const char *const types[] = { "text", "file", "link", "group" };

	if (json_object_get(rd_first(doc, "edges"), "fromNode"))
		return RD_SURE;
	for (size_t i = 0; type && i < SG_ARRAY_SIZE(types); i++)
		if (!strcmp(type, types[i]) && json_object_get(node, "x"))
			return RD_SURE;
	return RD_NOT;
}

const struct rd_format rd_canvas = {
	.name = "canvas",
	.about = "JSON Canvas: Obsidian's .canvas",
	.detect = detect_canvas,
	.shape = "nodes=nodes id=id name=text|file|url|label type=type "
		 "boxes=group "
		 "edges=edges id=id from=fromNode to=toNode type=label",
};

/* Kumu's blueprints: elements named by their labels (or by ids, where
 * labels repeat), connections from and to those, each directed,
 * undirected or mutual. */
static enum rd_sure detect_kumu(const json_t *doc)
{
	const json_t *element = rd_first(doc, "elements");
	const json_t *connection = rd_first(doc, "connections");

	/* (Cytoscape's elements keep theirs under data) */
	return (json_object_get(element, "label") &&
		!json_object_get(element, "data")) ||
			       (json_object_get(connection, "from") &&
				json_object_get(connection, "to")) ?
		       RD_SURE : RD_NOT;
}

const struct rd_format rd_kumu = {
	.name = "kumu",
	.about = "Kumu's JSON blueprint",
	.detect = detect_kumu,
	.shape = "nodes=elements id=id|label name=label type=type "
		 "description=description "
		 "edges=connections id=id from=from to=to type=type "
		 "direction=direction",
};

/* Neo4j's arrows.app, its export (the graph under "graph", its name
 * beside) or the same lists at the top: relationships join fromId to
 * toId, a node's caption is what it draws, its first label its type. */
static enum rd_sure detect_arrows(const json_t *doc)
{
	/* (what detection sees of the export stops at graph's keys) */
	return (json_is_object(json_object_get(doc, "graph")) &&
		json_is_string(json_object_get(doc, "diagramName"))) ||
			       json_object_get(rd_first(doc, "relationships"),
					       "fromId") ?
		       RD_SURE : RD_NOT;
}

const struct rd_format rd_arrows = {
	.name = "arrows",
	.about = "Neo4j arrows.app's JSON",
	.detect = detect_arrows,
	.shape = "title=diagramName "
		 "nodes=graph.nodes|nodes id=id name=caption type=labels "
		 "attrs=properties "
		 "edges=graph.relationships|relationships id=id from=fromId "
		 "to=toId type=type attrs=properties",
};

static enum rd_sure detect_graphlib(const json_t *doc)
{
	const json_t *options = json_object_get(doc, "options");

	return json_object_get(rd_first(doc, "nodes"), "v") ||
			       json_object_get(rd_first(doc, "edges"), "w") ||
			       json_object_get(options, "directed") ||
			       json_object_get(options, "multigraph") ||
			       json_object_get(options, "compound") ?
		       RD_SURE : RD_NOT;
}

/*
 * graphlib's json.write(g): options {directed, multigraph, compound},
 * nodes [{v, value, parent}], edges [{v, w, name, value}], value {label}.
 * What a node or edge carries (value) is anything the program hung on
 * it: an object's keys are the element's own; a string its label (a
 * node's name, an edge's type), as g.setNode("a", "A") means. A
 * multigraph's parallel edges have names.
 */
const struct rd_format rd_graphlib = {
	.name = "graphlib",
	.about = "graphlib (dagre) json.write(g)",
	.detect = detect_graphlib,
	.shape = "title=value.label directed=options.directed "
		 "skip=options.multigraph,options.compound "
		 "nodes=nodes id=v attrs=value "
		 "edges=edges from=v to=w id=name attrs=value",
};

static enum rd_sure detect_ngraph(const json_t *doc)
{
	return json_object_get(rd_first(doc, "links"), "fromId") ? RD_SURE :
								    RD_NOT;
}

/* ngraph.tojson: nodes [{id, data}], links [{fromId, toId, data}], its
 * data carried as graphlib's value is. */
const struct rd_format rd_ngraph = {
	.name = "ngraph",
	.about = "ngraph.tojson",
	.detect = detect_ngraph,
	.shape = "nodes=nodes attrs=data "
		 "edges=links from=fromId to=toId attrs=data",
};

/* ---- a shape guessed from a document's keys ---- */

/* Keys that name a node's id, its name, its type, its parent; an edge's
 * type; and objects that hold an element's fields (G6's data, Neo4j's
 * and LangChain's properties), looked in after the element's own keys. */
static const char *const guess_ids[] = {
	"id", "_id", "key", "_key", "@id", "uuid", "entity_id", "name", "v",
	"label",
};
/* (a name anywhere before a label: Neo4j's and AGE's labels are types,
 * beside a name in properties) */
static const char *const guess_names[] = {
	"name", "title", "displayName", "display_name",
};
static const char *const guess_labels[] = { "label", "caption", "text" };
static const char *const guess_types[] = {
	"type", "entity_type", "entityType", "category", "kind", "labels",
	"label", "group", "class", "node_type",
};
static const char *const guess_parents[] = {
	"parent", "parentId", "parent_id", "combo",
};
static const char *const guess_edge_types[] = {
	"type", "predicate", "relation", "relationship", "relationType",
	"relation_type", "rel", "label", "kind", "keywords", "name",
};
static const char *const guess_holders[] = {
	"data", "properties", "props", "attributes", "attrs", "metadata",
};

struct guess {
	sg_buf *b;
	const json_t *edges, *nodes; /* the first element of each list */
	char edges_at[128], nodes_at[128];
	int tree; /* nodes nest in their "children" */
};

/* Whether key can stand in a word as it is: no space or quote, no '|'
 * (alternatives), '=' or '/'. Dotted paths need no '.' either. */
static int plain_key(const char *key)
{
	return *key && !key[strcspn(key, " \t\r\n'\"|=/.*")];
}

/* Whether v can be drawn as a name or a type: a string, a number, a
 * list of strings (Neo4j's labels). */
static int texty(const json_t *v)
{
	if (json_is_array(v))
		v = json_array_get(v, 0);
	return (json_is_string(v) && json_string_length(v)) ||
	       json_is_integer(v);
}

/* The path of the first of keys that o, or an object of its holders,
 * has as text, but avoid; into out ("" none). */
static void find_role(const json_t *o, const char *const *keys, size_t n,
		      const char *avoid, const char *avoid2, char *out,
		      size_t size)
{
	*out = '\0';
	for (size_t h = 0; h <= SG_ARRAY_SIZE(guess_holders); h++) {
		const char *holder = h ? guess_holders[h - 1] : NULL;
		const json_t *in = holder ? json_object_get(o, holder) : o;

		if (!json_is_object(in) || (holder && !plain_key(holder)))
			continue;
		for (size_t i = 0; i < n; i++) {
			char path[128];

			snprintf(path, sizeof(path), "%s%s%s",
				 holder ? holder : "", holder ? "." : "",
				 keys[i]);
			if (!texty(json_object_get(in, keys[i])) ||
			    (avoid && !strcmp(path, avoid)) ||
			    (avoid2 && !strcmp(path, avoid2)))
				continue;
			snprintf(out, size, "%s", path);
			return;
		}
	}
}

/* The object a holder path names ("properties" of "properties.type"). */
static const char *holder_of(const char *path)
{
	for (size_t h = 0; h < SG_ARRAY_SIZE(guess_holders); h++) {
		size_t n = strlen(guess_holders[h]);

		if (!strncmp(path, guess_holders[h], n) && path[n] == '.')
			return guess_holders[h];
	}
	return NULL;
}

/* Adds " role=path" when path is not "". */
static int word(sg_buf *b, const char *role, const char *path)
{
	return *path ? sg_buf_addf(b, " %s=%s", role, path) : 0;
}

/* An end's path: key, or key.id where the end is an object (LangChain's
 * source: {id, type}). */
static void end_path(const json_t *edge, const char *key, char *out,
		     size_t size)
{
	const json_t *v = json_object_get(edge, key);
	static const char *const inner[] = { "id", "_id", "name", "key" };

	snprintf(out, size, "%s", key);
	for (size_t i = 0; json_is_object(v) && i < SG_ARRAY_SIZE(inner); i++)
		if (json_object_get(v, inner[i])) {
			snprintf(out, size, "%s.%s", key, inner[i]);
			return;
		}
}

/* The key of the nodes whose values the edges' ends name: the first of
 * guess_ids that holds the first edge's end in some node of list. */
static const char *node_id(const json_t *list, const json_t *edge,
			   const char *from)
{
	char want[ID_SIZE], have[ID_SIZE];
	const json_t *end = json_object_get(edge, from);
	const char *w;

	if (json_is_object(end))
		end = json_object_get(end, "id") ? json_object_get(end, "id") :
						   json_object_get(end, "name");
	w = rd_id_text(end, want, sizeof(want));
	for (size_t k = 0; w && k < SG_ARRAY_SIZE(guess_ids); k++)
		for (size_t i = 0; i < json_array_size(list); i++) {
			const char *h = rd_id_text(json_object_get(
				json_array_get(list, i), guess_ids[k]), have,
				sizeof(have));

			if (h && !strcmp(h, w))
				return guess_ids[k];
		}
	for (size_t k = 0; k < SG_ARRAY_SIZE(guess_ids); k++)
		if (json_object_get(json_array_get(list, 0), guess_ids[k]))
			return guess_ids[k];
	return NULL;
}

/* Looks through v (at path, depth steps down) for a list of edges and a
 * list of nodes: lists of objects, the edges' with two ends. */
static void find_lists(struct guess *g, const json_t *v, const char *path,
		       int depth)
{
	const char *key;
	const json_t *member;
	const json_t *first = json_array_get(v, 0);
	const char *from, *to;

	if (json_is_array(v) && json_is_object(first)) {
		if (!g->edges && rd_ends(first, &from, &to)) {
			g->edges = v;
			snprintf(g->edges_at, sizeof(g->edges_at), "%s", path);
		} else if (!g->nodes && !rd_ends(first, &from, &to)) {
			for (size_t k = 0; k < SG_ARRAY_SIZE(guess_ids); k++)
				if (json_object_get(first, guess_ids[k])) {
					g->nodes = v;
					snprintf(g->nodes_at,
						 sizeof(g->nodes_at), "%s",
						 path);
					break;
				}
		}
		return;
	}
	if (!json_is_object(v) || depth > 2)
		return;
	json_object_foreach((json_t *)v, key, member) {
		char sub[128];

		if (!plain_key(key))
			continue;
		snprintf(sub, sizeof(sub), "%s%s%s", strcmp(path, ".") ? path :
			 "", strcmp(path, ".") ? "." : "", key);
		find_lists(g, member, sub, depth + 1);
	}
}

/* The words of a list's element o: its roles, and attrs= the holder its
 * name or type is in, so that the holder's other keys are attributes. */
static int element_words(sg_buf *b, const json_t *o, const char *id, int edge,
			 const char *from, const char *to)
{
	char name[128] = "", type[128] = "", parent[128] = "", fp[128],
		tp[128];
	const char *holder;

	if (edge) {
		end_path(o, from, fp, sizeof(fp));
		end_path(o, to, tp, sizeof(tp));
		const char *way = json_string_value(json_object_get(o,
							"direction"));

		find_role(o, guess_edge_types, SG_ARRAY_SIZE(guess_edge_types),
			  NULL, NULL, type, sizeof(type));
		if (word(b, "from", fp) || word(b, "to", tp))
			return -1;
		for (size_t i = 0; way && i < SG_ARRAY_SIZE(direction_words);
		     i++)
			if (!strcmp(way, direction_words[i]) &&
			    word(b, "direction", "direction"))
				return -1;
	} else {
		find_role(o, guess_names, SG_ARRAY_SIZE(guess_names), id, NULL,
			  name, sizeof(name));
		if (!*name)
			find_role(o, guess_labels, SG_ARRAY_SIZE(guess_labels),
				  id, NULL, name, sizeof(name));
		find_role(o, guess_types, SG_ARRAY_SIZE(guess_types), id, name,
			  type, sizeof(type));
		find_role(o, guess_parents, SG_ARRAY_SIZE(guess_parents), NULL,
			  NULL, parent, sizeof(parent));
		if ((strcmp(id, "id") && word(b, "id", id)) ||
		    word(b, "name", name))
			return -1;
	}
	holder = holder_of(*name ? name : type);
	for (size_t h = 0; !holder && h < SG_ARRAY_SIZE(guess_holders); h++)
		if (json_is_object(json_object_get(o, guess_holders[h])))
			holder = guess_holders[h];
	return word(b, "type", type) || word(b, "parent", parent) ||
		       (holder && word(b, "attrs", holder)) ?
		       -1 : 0;
}

int rd_guess_shape(const json_t *doc, sg_buf *b)
{
	struct guess g = { b, NULL, NULL, "", "", 0 };
	const json_t *first = json_array_get(doc, 0);
	const char *from = NULL, *to = NULL, *id;
	const json_t *node;
	size_t start = b->len;

	/* a list of documents (lists in its first element): the first one's
	 * shape, read for each; else a list of nodes or of edges */
	if (json_is_array(doc) && json_is_object(first)) {
		struct guess inner = g;

		find_lists(&inner, first, ".", 0);
		if (inner.edges || inner.nodes)
			doc = first;
	}
	/* a tree: a root node, the others in their parents' "children" */
	g.tree = json_is_object(json_array_get(json_object_get(doc,
				"children"), 0)) &&
		 (json_object_get(doc, "id") || json_object_get(doc, "name"));
	if (!g.tree)
		find_lists(&g, doc, ".", 0);
	if (!g.edges && !g.nodes && !g.tree)
		return 0;
	if (g.edges)
		rd_ends(json_array_get(g.edges, 0), &from, &to);
	node = g.tree ? doc : json_array_get(g.nodes, 0);
	id = g.tree ? (json_object_get(doc, "id") ? "id" : "name") :
		      g.nodes ? node_id(g.nodes, json_array_get(g.edges, 0),
					from) : NULL;
	if (sg_buf_adds(b, "--shape '"))
		return -1;
	if ((g.nodes || g.tree) &&
	    (sg_buf_addf(b, "nodes=%s", g.tree ? "." : g.nodes_at) ||
	     element_words(b, node, id ? id : "id", 0, NULL, NULL) ||
	     (json_is_array(json_object_get(node, "children")) &&
	      sg_buf_adds(b, " children=children"))))
		return -1;
	if (g.edges && (sg_buf_addf(b, "%sedges=%s", g.nodes ? " " : "",
				    g.edges_at) ||
			element_words(b, json_array_get(g.edges, 0), NULL, 1,
				      from, to)))
		return -1;
	if (sg_buf_adds(b, "'"))
		return -1;
	return b->len > start ? 1 : 0;
}

/* What v holds: " (3 objects: 'id', 'type')", " (an object)", "". */
static int holds(sg_buf *b, const json_t *v)
{
	const json_t *first = json_array_get(v, 0);
	const char *key, *sep = ": ";
	const json_t *member;
	size_t n = json_array_size(v), k = 0;

	if (json_is_object(v))
		return sg_buf_addf(b, " (an object of %zu key%s)",
				   json_object_size(v),
				   json_object_size(v) == 1 ? "" : "s");
	if (!json_is_array(v))
		return 0;
	if (!json_is_object(first))
		return sg_buf_addf(b, " (%zu item%s)", n, n == 1 ? "" : "s");
	if (sg_buf_addf(b, " (%zu object%s", n, n == 1 ? "" : "s"))
		return -1;
	json_object_foreach((json_t *)first, key, member) {
		if (k++ == 6)
			return sg_buf_adds(b, ", ...)");
		if (sg_buf_addf(b, "%s'%s'", sep, key))
			return -1;
		sep = ", ";
	}
	return sg_buf_adds(b, ")");
}

int rd_describe(const json_t *doc, sg_buf *b)
{
	const char *key;
	const json_t *v;
	size_t k = 0;

	if (json_is_array(doc))
		return sg_buf_adds(b, "a list") || holds(b, doc);
	if (sg_buf_adds(b, json_object_size(doc) == 1 ? "one key, " :
							"the keys "))
		return -1;
	json_object_foreach((json_t *)doc, key, v) {
		if (k++ == 8)
			return sg_buf_adds(b, ", ...");
		if (sg_buf_addf(b, "%s'%s'", k > 1 ? ", " : "", key) ||
		    holds(b, v))
			return -1;
	}
	return 0;
}
