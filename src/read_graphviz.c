/*
 * Graphviz's graphs: its JSON (dot -Tjson, -Tjson0, -Tdot_json) and DOT,
 * its language, which cgraph (Graphviz's own parser) reads. A DOT graph's
 * nodes and edges are read as the objects Graphviz's JSON writes of them,
 * so that both take one mapping: labels as Graphviz draws them, clusters
 * as entities holding their nodes, drawing attributes as hints.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cgraph.h>

#include "read.h"

/* What Graphviz adds of its own structure, and of its layout and drawing:
 * hints, named as such. (An "id", the SVG id a DOT file gives, is an
 * edge's relation's id, a node's attribute id_.) */
static const char *const graphviz_skip[] = {
	"_gvid", "name", "label", "nodes", "edges", "subgraphs", "tail",
	"head",
};
static const char *const graphviz_hints[] = {
	"pos", "width", "height", "bb", "lp", "xlp", "head_lp", "tail_lp",
	"_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_", "_tldraw_",
	"rects", "lwidth", "lheight", "headport", "tailport", "xdotversion",
	NULL
};

_Static_assert(SG_ARRAY_SIZE(graphviz_skip) +
		       SG_ARRAY_SIZE(graphviz_hints) - 1 <= RD_MAX_USED,
	       "struct fields holds every key Graphviz adds");

/* f's keys of Graphviz's own: used (with json, those of its JSON's
 * structure too; a DOT graph's "name" or "nodes" is an attribute like any
 * other), and its drawing's noted as hints. */
static int graphviz_fields(struct reader *rd, struct fields *f, int json)
{
	if (json) {
		memcpy(f->used, graphviz_skip, sizeof(graphviz_skip));
		f->nused = SG_ARRAY_SIZE(graphviz_skip);
	} else {
		f->used[0] = "label";
		f->nused = 1;
	}
	for (size_t k = 0; graphviz_hints[k]; k++)
		f->used[f->nused++] = graphviz_hints[k];
	return rd_hints_of(rd, f->o, graphviz_hints);
}

/* The names \N, \G, \T and \H stand for in a label (NULL: none). */
struct names {
	const char *node, *graph, *tail, *head;
};

/* Adds line, trimmed, as a line of b, and empties it. */
static int add_line(sg_buf *b, sg_buf *line)
{
	const char *p = sg_buf_str(line), *end = p + line->len;
	int r;

	while (p < end && *p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	r = p < end && ((b->len && sg_buf_adds(b, "\n")) ||
			sg_buf_add(b, p, (size_t)(end - p)));
	sg_buf_reset(line);
	return r;
}

/*
 * A label as Graphviz draws it: escString's \n, \l and \r end lines, \N,
 * \G, \T and \H are names, \E the edge, another \x is x; a record's
 * fields (record shapes) come one a line, without their ports and braces.
 */
static int label_text(sg_buf *b, const char *label, int record,
		      const struct names *n)
{
	sg_buf line = SG_BUF_INIT;
	int r = 0, port = 0;

	for (const char *p = label; *p && !r; p++) {
		const char *name = NULL;

		if (*p == '\\' && p[1]) {
			switch (*++p) {
			case 'n': case 'l': case 'r':
				r = add_line(b, &line);
				continue;
			case 'N': name = n->node; break;
			case 'G': name = n->graph; break;
			case 'T': name = n->tail; break;
			case 'H': name = n->head; break;
			case 'E':
				r = n->tail && sg_buf_addf(&line, "%s→%s",
							   n->tail, n->head);
				continue;
			}
			r = name ? sg_buf_adds(&line, name) :
				   sg_buf_add(&line, p, 1);
		} else if (record && (*p == '<' || (port && *p == '>'))) {
			port = *p == '<';
		} else if (record && !port && strchr("{}|", *p)) {
			r = add_line(b, &line);
		} else if (!port) {
			r = sg_buf_add(&line, p, 1);
		}
	}
	r = r || add_line(b, &line);
	sg_buf_release(&line);
	return r ? -1 : 0;
}

/* Sets o's label to the text it draws. The tree is the reader's own, read
 * whole for this document: writing into it is safe. */
static int relabel(struct reader *rd, const json_t *o, const struct names *n)
{
	const char *label = json_string_value(json_object_get(o, "label"));
	const char *shape = json_string_value(json_object_get(o, "shape"));
	sg_buf b = SG_BUF_INIT;
	int r;

	if (!label)
		return 0;
	r = label_text(&b, label, shape && strstr(shape, "record") != NULL,
		       n) ||
	    json_object_set_new((json_t *)o, "label",
				json_string(sg_buf_str(&b)));
	sg_buf_release(&b);
	return r ? rd_nomem(rd) : 0;
}

/* Whether o is a subgraph Graphviz draws as a box: a cluster. */
static int is_cluster(const json_t *o)
{
	const char *name = json_string_value(json_object_get(o, "name"));

	return name && !strncmp(name, "cluster", 7) &&
	       (json_object_get(o, "nodes") || json_object_get(o, "subgraphs"));
}

/*
 * up[gvid]: the cluster the object numbered gvid stands in, the innermost
 * (the smallest one listing a node; the one listing a subgraph among its
 * own). Graphviz numbers subgraphs and nodes in one list, the objects.
 */
static void clusters(const json_t *objects, const char **up, size_t *size)
{
	size_t n = json_array_size(objects);

	for (size_t i = 0; i < n; i++) {
		const json_t *o = json_array_get(objects, i);
		const char *name = json_string_value(json_object_get(o, "name"));
		const json_t *nodes = json_object_get(o, "nodes");
		const json_t *subs = json_object_get(o, "subgraphs");

		if (!is_cluster(o))
			continue;
		for (size_t k = 0; k < json_array_size(nodes); k++) {
			json_int_t g = json_integer_value(json_array_get(nodes,
									 k));

			if (g >= 0 && (size_t)g < n &&
			    (!up[g] || json_array_size(nodes) < size[g])) {
				up[g] = name;
				size[g] = json_array_size(nodes);
			}
		}
		for (size_t k = 0; k < json_array_size(subs); k++) {
			json_int_t g = json_integer_value(json_array_get(subs,
									 k));

			if (g >= 0 && (size_t)g < n)
				up[g] = name;
		}
	}
}

/* The graph's own attributes, top (with json, its JSON's structure too,
 * whose name is graph): its label the title, its drawing hints; any other
 * is a graph attribute, which the model has no place for. */
static int graph_top(struct reader *rd, const json_t *top, int json,
		     const char *graph)
{
	static const char *const structure[] = { "name", "directed", "strict",
		"_subgraph_cnt", "objects", "edges", "label", NULL };
	/* Graphviz's attributes of a graph that say only how to draw it (and
	 * its clusters): hints, as the layout's are */
	static const char *const settings[] = {
		"bgcolor", "center", "charset", "clusterrank", "color",
		"colorscheme", "compound", "concentrate", "dpi", "fillcolor",
		"fontcolor", "fontname", "fontnames", "fontpath", "fontsize",
		"forcelabels", "gradientangle", "imagepath", "labeljust",
		"labelloc", "landscape", "layers", "layerselect", "layersep",
		"layout", "margin", "mclimit", "mindist", "newrank", "nodesep",
		"nojustify", "ordering", "orientation", "outputorder", "overlap",
		"pack", "packmode", "pad", "page", "pagedir", "pencolor",
		"penwidth", "peripheries", "quantum", "rankdir", "ranksep",
		"ratio", "remincross", "resolution", "rotate", "searchsize",
		"sep", "showboxes", "size", "smoothing", "sortv", "splines",
		"start", "style", "stylesheet", "truecolor", "viewport", NULL
	};
	const char *hints[SG_ARRAY_SIZE(settings) +
			  SG_ARRAY_SIZE(graphviz_hints)];
	const struct names names = { NULL, graph, NULL, NULL };
	size_t n = 0;

	for (size_t k = 0; graphviz_hints[k]; k++)
		hints[n++] = graphviz_hints[k];
	for (size_t k = 0; settings[k]; k++)
		hints[n++] = settings[k];
	hints[n] = NULL;
	return relabel(rd, top, &names) || rd_set_title(rd, top, "label") ||
	       rd_other_keys(rd, top, json ? structure : structure + 6, hints,
			     json ? NULL : "graph");
}

/* Adds node id, whose attributes are f->o (with json, in the structure
 * of Graphviz's JSON), standing in cluster (NULL: none), of graph. */
static int add_node(struct reader *rd, struct fields *f, int json,
		    const char *id, const char *cluster, const char *graph,
		    sg_loc loc)
{
	const struct names names = { id, graph, NULL, NULL };
	int r;

	rd->parent = cluster;
	r = graphviz_fields(rd, f, json) || relabel(rd, f->o, &names) ||
	    rd_element(rd, rd_add_node(rd, id,
				       json_string_value(json_object_get(
					       f->o, "label")),
				       f, loc));
	rd->parent = NULL;
	return r;
}

/* Adds the edge f->o from tail to head, as add_node a node. */
static int add_edge(struct reader *rd, struct fields *f, int json,
		    const char *tail, const char *head, const char *graph,
		    sg_loc loc)
{
	const struct names names = { NULL, graph, tail, head };

	return graphviz_fields(rd, f, json) || relabel(rd, f->o, &names) ||
	       rd_element(rd, rd_add_edge(rd, f, "tail", "head", tail, head,
					  loc));
}

static int read_graphviz(struct reader *rd, const json_t *root)
{
	int failed, edges_failed;
	const json_t *objects = rd_container(rd, root, "objects", 1, &failed);
	const json_t *edges = rd_container(rd, root, "edges", 1, &edges_failed);
	size_t n = json_array_size(objects);
	const char **names = calloc(n + 1, sizeof(*names));
	const char **up = calloc(n + 1, sizeof(*up));
	size_t *size = calloc(n + 1, sizeof(*size));
	int r = failed || edges_failed || !names || !up || !size ? -1 : 0;
	const char *graph = json_string_value(json_object_get(root, "name"));

	if (!r && !objects)
		r = rd_not_format(rd, "objects", "", "graphviz");
	else if (!failed && !edges_failed && (!names || !up || !size))
		rd_nomem(rd);
	else if (!r)
		clusters(objects, up, size);
	r = r || graph_top(rd, root, 1, graph);
	rd->undirected = json_is_false(json_object_get(root, "directed"));
	/* the subgraphs come first among the objects: the clusters are
	 * entities too, drawn as boxes around what stands in them */
	for (size_t i = 0; !r && i < n; i++) {
		const json_t *o = json_array_get(objects, i);
		struct fields f = { .o = o };
		json_int_t gvid = json_integer_value(json_object_get(o,
								     "_gvid"));
		const char *name = json_string_value(json_object_get(o, "name"));
		int known = gvid >= 0 && (size_t)gvid < n;

		if (!json_is_object(o) || !name ||
		    ((json_object_get(o, "nodes") ||
		      json_object_get(o, "subgraphs")) && !is_cluster(o)))
			continue;
		if (known)
			names[gvid] = name;
		r = add_node(rd, &f, 1, name, known ? up[gvid] : NULL, graph,
			     rd_loc(rd, objects, NULL, i));
	}
	for (size_t i = 0; !r && edges && i < json_array_size(edges); i++) {
		struct fields f = { .o = json_array_get(edges, i) };
		const char *ends[2] = { NULL, NULL };
		static const char *const keys[2] = { "tail", "head" };

		for (int k = 0; k < 2; k++) {
			const json_t *v = json_object_get(f.o, keys[k]);
			json_int_t id = json_integer_value(v);

			if (json_is_integer(v) && id >= 0 && (size_t)id < n &&
			    names[id])
				ends[k] = names[id];
		}
		if (!json_is_object(f.o)) {
			r = rd_element(rd, rd_wrong_kind(rd, edges, NULL, i,
						      "an object"));
		} else if (!ends[0] || !ends[1]) {
			const char *key = ends[0] ? "head" : "tail";
			sg_loc loc = rd_loc(rd, f.o, key, 0);

			r = rd_element(rd, sg_fail(rd->err, SG_EUNKNOWN, loc.file,
						loc.line, loc.column,
						"'%s' names no node's _gvid",
						key));
		} else {
			r = add_edge(rd, &f, 1, ends[0], ends[1], graph,
				     rd_loc(rd, edges, NULL, i));
		}
	}
	free(names);
	free(up);
	free(size);
	return r;
}

static enum rd_sure detect_graphviz(const json_t *doc)
{
	return json_object_get(doc, "objects") ||
			       json_object_get(doc, "_subgraph_cnt") ?
		       RD_LIKELY : RD_NOT;
}

/* (no list of keys: besides its own, the top level holds the graph's
 * Graphviz attributes, which graph_top names) */
const struct rd_format rd_graphviz = {
	.name = "graphviz",
	.about = "Graphviz dot -Tjson, -Tjson0, -Tdot_json",
	.detect = detect_graphviz,
	.read = read_graphviz,
};

/* ---- DOT ---- */

/* p past space and comments (C's, C++'s, and a line that begins with #,
 * as cpp leaves them), within end. */
static const char *past_space(const char *p, const char *end)
{
	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			p++;
		} else if (*p == '#' ||
			   (end - p > 1 && p[0] == '/' && p[1] == '/')) {
			const char *eol = memchr(p, '\n', (size_t)(end - p));

			p = eol ? eol + 1 : end;
		} else if (end - p > 1 && p[0] == '/' && p[1] == '*') {
			const char *q = p + 2;

			while (q + 1 < end && (q[0] != '*' || q[1] != '/'))
				q++;
			p = q + 1 < end ? q + 2 : end;
		} else {
			break;
		}
	}
	return p;
}

static int id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' ||
	       (unsigned char)c >= 0x80;
}

/* p past keyword (DOT's ignore case) and what follows it, or NULL. */
static const char *past_keyword(const char *p, const char *end,
				const char *keyword)
{
	size_t n = strlen(keyword);

	if ((size_t)(end - p) < n || strncasecmp(p, keyword, n) ||
	    (p + n < end && id_char(p[n])))
		return NULL;
	return past_space(p + n, end);
}

/* p past a DOT ID: a name or number, a quoted or an HTML string. */
static const char *past_id(const char *p, const char *end)
{
	if (p < end && *p == '"') {
		for (p++; p < end && *p != '"'; p++)
			p += *p == '\\';
		return p < end ? p + 1 : end;
	}
	if (p < end && *p == '<') {
		int depth = 0;

		for (; p < end; p++) {
			depth += (*p == '<') - (*p == '>');
			if (!depth)
				return p + 1;
		}
		return end;
	}
	while (p < end && id_char(*p))
		p++;
	return p;
}

/* DOT is its graph: [strict] (graph | digraph) [ID] {. (GML begins as
 * "graph [".) */
static enum rd_sure sniff_dot(const char *head, size_t len)
{
	const char *end = head + len, *p = past_space(head, end), *kind;

	if ((kind = past_keyword(p, end, "strict")))
		p = kind;
	if (!(kind = past_keyword(p, end, "digraph")) &&
	    !(kind = past_keyword(p, end, "graph")))
		return RD_NOT;
	p = past_space(past_id(kind, end), end);
	return p == end ? RD_LIKELY : *p == '{' ? RD_SURE : RD_NOT;
}

/* Where a node or an edge was made, or Graphviz spoke: the line cgraph
 * was reading (it is given the text a line at a time) and where that
 * line begins. */
struct place {
	int line;
	const char *bol;
};

/*
 * What cgraph's reading said: its first message (or the first error after
 * warnings; cgraph reports through agerr, which prints unless given a
 * function, and the library never prints), and where each node and edge
 * was made, in the order made (AGSEQ's). Static: cgraph's reader is one
 * for the process, and its callbacks take no context (Graphviz's lock
 * held while it is used).
 */
static struct {
	const sg_lines *at; /* the text being read */
	int error, skip;
	struct place place;
	sg_buf text;
	struct place *made[2]; /* nodes, edges */
	size_t n[2], alloc[2];
	int nomem;
} said;

/* cgraph's naming of what it makes, noting where the reading had got to:
 * a node as its name is read, an edge at the end of its statement. */
static long noting_map(void *state, int kind, char *name, IDTYPE *id,
		       int create)
{
	int k = kind == AGEDGE;

	if (create && (kind == AGNODE || kind == AGEDGE)) {
		if (SG_GROW(said.made[k], said.n[k] + 1, said.alloc[k]))
			said.nomem = 1;
		else
			said.made[k][said.n[k]++] = (struct place){
				said.at->line, said.at->bol };
	}
	return AgIdDisc.map(state, kind, name, id, create);
}

/* A message comes in pieces: "Error" or "Warning", ": ", its text, whose
 * "in line N (of input)" goes (cgraph's count goes on from an earlier
 * read's). */
static int keep_said(char *text)
{
	size_t n = strlen(text);
	char *at;

	if (!strcmp(text, "Error") || !strcmp(text, "Warning")) {
		said.skip = said.text.len && (said.error || *text == 'W');
		if (!said.skip) {
			said.error = *text == 'E';
			said.place = (struct place){ said.at->line,
						     said.at->bol };
			sg_buf_reset(&said.text);
		}
		return 0;
	}
	if (said.skip || !strcmp(text, ": "))
		return 0;
	while (n && text[n - 1] == '\n')
		n--;
	/* (its lines joined: a message is one line) */
	for (const char *p = text, *end = text + n; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t k = (size_t)((nl ? nl : end) - p);

		if (sg_buf_add(&said.text, p, k) ||
		    (nl && sg_buf_adds(&said.text, "; ")))
			return 0;
		p += k + (nl != NULL);
	}
	if ((at = strstr(said.text.buf, " in line "))) {
		const char *past = at + 9;

		while (*past >= '0' && *past <= '9')
			past++;
		if (!strncmp(past, " of input", 9))
			past += 9;
		memmove(at, past, strlen(past) + 1);
		said.text.len = strlen(said.text.buf);
	}
	return 0;
}

/* The place at, as a location: its column that of the first text[0..n)
 * on its line, else its line's first. */
static sg_loc place_loc(const struct reader *rd, const struct place *at,
			const char *end, const char *text, size_t n)
{
	sg_loc loc = { rd->file, at->line, 1 };
	const char *eol;

	if (!at->bol)
		return (sg_loc){ rd->file, 0, 0 };
	eol = memchr(at->bol, '\n', (size_t)(end - at->bol));
	if (!eol)
		eol = end;
	for (const char *p = at->bol; n && p + n <= eol; p++) {
		/* (a name whole, not inside another) */
		if (!memcmp(p, text, n) && (p == at->bol || !id_char(p[-1]) ||
					    !id_char(*text)) &&
		    (p + n == eol || !id_char(p[n]) || !id_char(text[n - 1])))
			return loc;
		loc.column += p + 1 < eol && ((unsigned char)p[1] & 0xC0) != 0x80;
	}
	loc.column = 1;
	return loc;
}

/* Where the i-th node (k 0) or edge (k 1) made was, near text. */
static sg_loc made_loc(const struct reader *rd, int k, uint64_t seq,
		       const char *end, const char *text)
{
	static const struct place none = { 0, NULL };

	return place_loc(rd, seq && seq <= said.n[k] ?
				     &said.made[k][seq - 1] : &none,
			 end, text, strlen(text));
}

/* Fails (error), or warns, with what Graphviz said, placed at the text it
 * quotes ("near ';'"). */
static int dot_said(struct reader *rd, const char *end, int error)
{
	const char *quote, *q;
	sg_loc loc;

	if (!said.text.len)
		sg_buf_adds(&said.text, "graphviz could not read it");
	quote = strchr(sg_buf_str(&said.text), '\'');
	q = quote ? strchr(quote + 1, '\'') : NULL;
	loc = place_loc(rd, &said.place, end, q ? quote + 1 : "",
			q ? (size_t)(q - quote - 1) : 0);
	if (error)
		return sg_fail(rd->err, SG_ESYNTAX, loc.file, loc.line,
			       loc.column, "%s (DOT)", sg_buf_str(&said.text));
	return sg_graph_warn(rd->g, SG_WNEARMISS, loc, "graphviz: %s",
			     sg_buf_str(&said.text)) ? rd_nomem(rd) : 0;
}

/* The attributes of obj (kind AGRAPH, AGNODE or AGEDGE, in root g) that
 * have a value, as JSON strings in o; with up, a subgraph's that its
 * parent up does not give it. */
static int dot_attrs(struct reader *rd, Agraph_t *g, void *obj, int kind,
		     Agraph_t *up, json_t *o)
{
	for (Agsym_t *a = agnxtattr(g, kind, NULL); a;
	     a = agnxtattr(g, kind, a)) {
		const char *v = agxget(obj, a);
		json_t *s;

		/* (the text is UTF-8: see not_text) */
		if (!*v || (up && !strcmp(v, agxget(up, a))))
			continue;
		if (!(s = json_string(v)))
			return rd_nomem(rd);
		if (json_object_set_new(o, a->name, s))
			return rd_nomem(rd);
	}
	return 0;
}

static int by_seq(const void *a, const void *b)
{
	uint64_t x = AGSEQ(*(void *const *)a), y = AGSEQ(*(void *const *)b);

	return (x > y) - (x < y);
}

/* The subgraphs of g in the order written. */
static Agraph_t **dot_subgraphs(Agraph_t *g, size_t *n)
{
	Agraph_t **s = malloc(((size_t)agnsubg(g) + 1) * sizeof(*s));

	*n = 0;
	for (Agraph_t *x = agfstsubg(g); s && x; x = agnxtsubg(x))
		s[(*n)++] = x;
	if (s)
		qsort(s, *n, sizeof(*s), by_seq);
	return s;
}

/* The clusters in sub (itself in cluster up; NULL: none), each an entity
 * beside the nodes, in the order written; inside[AGSEQ(node)] the
 * innermost cluster each node stands in. */
static int dot_clusters(struct reader *rd, Agraph_t *g, Agraph_t *sub,
			const char *up, const char **inside, size_t n)
{
	size_t nsubs;
	Agraph_t **subs = dot_subgraphs(sub, &nsubs);
	int r = subs ? 0 : rd_nomem(rd);

	for (size_t i = 0; !r && i < nsubs; i++) {
		Agraph_t *s = subs[i];
		const char *name = agnameof(s), *in = up, *key;
		json_t *o = json_object(), *v;
		struct fields f = { .o = o };

		r = !o ? rd_nomem(rd) : dot_attrs(rd, g, s, AGRAPH, sub, o);
		if (!r && !strncmp(name, "cluster", 7) &&
		    (agfstnode(s) || agfstsubg(s))) {
			/* (where a subgraph was made is not noted) */
			r = add_node(rd, &f, 0, name, up, agnameof(g),
				     (sg_loc){ rd->file, 0, 0 });
			for (Agnode_t *x = agfstnode(s); !r && x;
			     x = agnxtnode(s, x))
				if ((size_t)AGSEQ(x) < n)
					inside[AGSEQ(x)] = name;
			in = name;
		} else if (!r) {
			/* another subgraph's (rank=same), or an empty
			 * cluster's, only say how to draw it */
			json_object_foreach(o, key, v)
				if ((r = rd_hint(rd, o, key)))
					break;
		}
		json_decref(o);
		r = r || dot_clusters(rd, g, s, in, inside, n);
	}
	free(subs);
	return r;
}

/* The edges of g in the order written. */
static Agedge_t **dot_edges(Agraph_t *g, size_t *n)
{
	Agedge_t **e = malloc(((size_t)agnedges(g) + 1) * sizeof(*e));

	*n = 0;
	for (Agnode_t *v = agfstnode(g); e && v; v = agnxtnode(g, v))
		for (Agedge_t *x = agfstout(g, v); x; x = agnxtout(g, x))
			e[(*n)++] = x;
	if (e)
		qsort(e, *n, sizeof(*e), by_seq);
	return e;
}

/* Reads the graph g, whose text ends at end, as Graphviz's JSON of it is
 * read: its attributes, clusters, nodes, then edges. */
static int dot_graph(struct reader *rd, Agraph_t *g, const char *end)
{
	const char *graph = agnameof(g);
	size_t n = (size_t)agnnodes(g) + 1, nedges = 0;
	const char **inside = calloc(n, sizeof(*inside));
	Agedge_t **edges = dot_edges(g, &nedges);
	json_t *top = json_object();
	int r = !inside || !edges || !top || said.nomem ? rd_nomem(rd) : 0;

	rd->undirected = !agisdirected(g);
	/* (what is not noted stands in the file: no line) */
	rd->root_line = rd->root_column = 0;
	r = r || dot_attrs(rd, g, g, AGRAPH, NULL, top) ||
	    graph_top(rd, top, 0, graph) ||
	    dot_clusters(rd, g, g, NULL, inside, n);
	for (Agnode_t *v = agfstnode(g); !r && v; v = agnxtnode(g, v)) {
		json_t *o = json_object();
		struct fields f = { .o = o };
		const char *name = agnameof(v);

		r = !o ? rd_nomem(rd) :
			 dot_attrs(rd, g, v, AGNODE, NULL, o) ||
				 add_node(rd, &f, 0, name,
					  (size_t)AGSEQ(v) < n ?
						  inside[AGSEQ(v)] :
						  NULL,
					  graph,
					  made_loc(rd, 0, AGSEQ(v), end, name));
		json_decref(o);
	}
	for (size_t i = 0; !r && i < nedges; i++) {
		Agedge_t *e = edges[i];
		const char *key = agnameof(e), *tail = agnameof(agtail(e));
		json_t *o = json_object();
		struct fields f = { .o = o };

		/* (an edge's name is its key: a -> b [key=k]) */
		r = !o || (key && *key &&
			   json_object_set_new(o, "key", json_string(key))) ?
			    rd_nomem(rd) :
			    dot_attrs(rd, g, e, AGEDGE, NULL, o) ||
				    add_edge(rd, &f, 0, tail,
					     agnameof(aghead(e)), graph,
					     made_loc(rd, 1, AGSEQ(e), end,
						      tail));
		json_decref(o);
	}
	json_decref(top);
	free(inside);
	free(edges);
	return r;
}

static int read_dot(struct reader *rd, const char *data, size_t len)
{
	sg_lines t = { data, data + len, 0, 0, NULL };
	Agiddisc_t ids = AgIdDisc;
	Agiodisc_t io = AgIoDisc;
	Agdisc_t disc = { &AgMemDisc, &ids, &io };
	agusererrf was;
	Agraph_t *g;
	int r;

	/* (UTF-8 is DOT's charset, unless the graph says another, which
	 * is not read) */
	if (rd_not_text(rd, data, len, "DOT"))
		return -1;
	ids.map = noting_map;
	io.afread = sg_read_lines;
	sg_graphviz_lock();
	said.at = &t;
	said.error = said.skip = said.nomem = 0;
	said.place = (struct place){ 0, NULL };
	said.n[0] = said.n[1] = 0;
	was = agseterrf(keep_said);
	g = agread(&t, &disc);
	agseterrf(was);
	r = !g ? dot_said(rd, t.end, 1) :
	    said.text.len && dot_said(rd, t.end, 0) ? -1 :
							dot_graph(rd, g, t.end);
	if (g)
		agclose(g);
	sg_buf_release(&said.text);
	for (int k = 0; k < 2; k++) {
		free(said.made[k]);
		said.made[k] = NULL;
		said.alloc[k] = 0;
	}
	sg_graphviz_unlock();
	return r;
}

const struct rd_format rd_dot = {
	.name = "dot",
	.about = "DOT, Graphviz's language: dot, networkx write_dot, "
		 "pygraphviz, gml2gv",
	.sniff = sniff_dot,
	.read_text = read_dot,
};
