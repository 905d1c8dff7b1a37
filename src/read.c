/* The way in: tells a text's format from its content, hands it to that
 * format's reader, and reads scograph's own documents member by member. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>

#include "read.h"

/* Every format, in the order the list of formats shows them. */
static const struct rd_format *const formats[] = {
	&rd_native, &rd_jsonl, &rd_jgf, &rd_node_link, &rd_nx_adjacency,
	&rd_nx_tree, &rd_cytoscape, &rd_mcp, &rd_graphology, &rd_graphlib,
	&rd_ngraph, &rd_vis, &rd_elk, &rd_g6, &rd_canvas, &rd_kumu, &rd_arrows,
	&rd_langchain, &rd_lightrag, &rd_graphviz, &rd_dot, &rd_tgf,
	&rd_neo4j, &rd_neo4j_driver, &rd_graphson, &rd_cx, &rd_cx2,
	&rd_sparql, &rd_rdfjson, &rd_jsonld, &rd_graphml, &rd_gexf, &rd_csv,
	&rd_tsv, &rd_kgtk, &rd_triples, &rd_kggen, &rd_llamaindex, &rd_igraph,
	&rd_wikidata, &rd_ntriples, &rd_turtle, &rd_nquads, &rd_trig,
};

const char *sg_input_format(size_t i, const char **about)
{
	if (i >= SG_ARRAY_SIZE(formats))
		return NULL;
	if (about)
		*about = formats[i]->about;
	return formats[i]->name;
}

const struct rd_format *rd_format_at(size_t i)
{
	return i < SG_ARRAY_SIZE(formats) ? formats[i] : NULL;
}

static const struct rd_format *format_named(const char *name)
{
	for (size_t i = 0; i < SG_ARRAY_SIZE(formats); i++)
		if (!strcmp(formats[i]->name, name))
			return formats[i];
	return NULL;
}

static int unknown_format(struct reader *rd, const char *name)
{
	sg_buf names = SG_BUF_INIT;

	for (size_t i = 0; i < SG_ARRAY_SIZE(formats); i++)
		sg_buf_addf(&names, "%s%s", i ? ", " : "", formats[i]->name);
	sg_fail(rd->err, SG_EUSAGE, NULL, 0, 0,
		"unknown input format '%s' (scograph reads %s)", name,
		sg_buf_str(&names));
	sg_buf_release(&names);
	return -1;
}

/* Fails: several formats are as sure of the input (a text, or JSON whose
 * keys are theirs), named in names. */
static int mixed(struct reader *rd, int text, const char *names)
{
	sg_loc loc = rd_loc(rd, NULL, NULL, 0);

	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "%s (%s); name the one meant with --from-format",
		       text ? "the text reads as several formats" :
			      "the top-level keys mix formats",
		       names);
}

/*
 * The format the surest of the input: a JSON document (doc), the first
 * record of JSON Lines (doc, with line), or a text (head, len). Where none
 * is sure at all, dflt; where several are as sure, NULL with the error.
 */
static const struct rd_format *surest(struct reader *rd, const json_t *doc,
				      int line, const char *head, size_t len,
				      const struct rd_format *dflt,
				      enum rd_sure *how)
{
	const struct rd_format *found = dflt;
	sg_buf names = SG_BUF_INIT;
	enum rd_sure best = RD_NOT;
	int n = 0;

	for (size_t i = 0; i < SG_ARRAY_SIZE(formats); i++) {
		const struct rd_format *f = formats[i];
		enum rd_sure score = RD_NOT;

		if (head)
			score = f->sniff ? f->sniff(head, len) : RD_NOT;
		else if (line ? f->detect_line != NULL : f->detect != NULL)
			score = line ? f->detect_line(doc) : f->detect(doc);
		if (score == RD_NOT || score < best)
			continue;
		if (score > best) {
			best = score;
			n = 0;
			found = f;
			sg_buf_reset(&names);
		}
		n++;
		if (sg_buf_addf(&names, "%s%s", names.len ? ", " : "",
				f->name)) {
			rd_nomem(rd);
			found = NULL;
			break;
		}
	}
	if (found && n > 1) {
		mixed(rd, head != NULL, sg_buf_str(&names));
		found = NULL;
	}
	sg_buf_release(&names);
	if (how)
		*how = best;
	return found;
}

/* The format of doc, a document (or with line, the first record of JSON
 * Lines). Where none is sure, native, so that a mistyped key gets its
 * did-you-mean. */
static const struct rd_format *detect(struct reader *rd, const json_t *doc,
				      int line, enum rd_sure *how)
{
	return surest(rd, doc, line, NULL, 0, line ? &rd_jsonl : &rd_native,
		      how);
}

/* ---- documents ---- */

/* Fails when doc is JSON of another kind that lives beside graphs: their
 * JSON Schema, or a theme (--theme), so that a folder of graphs can hold
 * them. A graph may name its schema in "$schema" (editors read it). */
static int other_kind(struct reader *rd, const json_t *doc)
{
	static const char *const schema[] = { "$defs", "definitions",
					      "properties" };
	static const char *const theme[] = { "node", "edge", "palette",
					     "greyscale" };
	const char *what = NULL;
	const json_t *lc = json_object_get(doc, "lc");
	const char *type = json_string_value(json_object_get(doc, "type"));

	/* LangChain.js writes this of an object it cannot serialize, its
	 * GraphDocument among them: the class's name, and nothing else */
	if (json_is_integer(lc) && type && !strcmp(type, "not_implemented"))
		return sg_fail(rd->err, SG_ENOTGRAPH, rd->file, rd->root_line,
			       rd->root_column, "this is LangChain.js's "
			       "stand-in for an object it cannot write "
			       "(\"type\": \"not_implemented\"), which holds "
			       "no graph: write the GraphDocument's nodes and "
			       "relationships with their fields (id, type, "
			       "properties; source, target) instead");
	for (size_t i = 0; i < SG_ARRAY_SIZE(schema); i++)
		if (json_object_get(doc, "$schema") &&
		    json_object_get(doc, schema[i]))
			what = "a JSON Schema";
	for (size_t i = 0; i < SG_ARRAY_SIZE(theme); i++)
		if (json_object_get(doc, theme[i]))
			what = "a theme (scograph --theme)";
	if (!what)
		return 0;
	return sg_fail(rd->err, SG_ENOTGRAPH, rd->file, rd->root_line,
		       rd->root_column, "this is %s, not a graph", what);
}

/* Which of a native document's two long lists key names: 1 'entities',
 * 2 'relations', 0 neither. */
static int list_kind(const char *key)
{
	return !strcmp(key, "entities") ? 1 : !strcmp(key, "relations") ? 2 : 0;
}

/*
 * The value at s as detection sees it (struct rd_format's detect): at the
 * top (depth 0) and one level in, containers with their keys, lists with
 * their first element whole; deeper, null. Reading only that much lets a
 * native document be read one element at a time afterwards. NULL where
 * the text is not JSON of that shape (the whole parse will say why).
 * *elements (when not NULL) becomes the number of elements of a list at
 * s; lists (at the top) those of the members 'entities' and 'relations'.
 */
static json_t *sketch(struct reader *rd, struct scanner *s, int depth,
		      size_t *elements, size_t lists[2])
{
	struct scanner at = *s;
	json_t *v = NULL, *key = NULL, *member;
	size_t n = 0;
	int more = 1, k;

	/* (a container read here is walked once, by the loop below: the
	 * text is long, and each walk of it costs) */
	if (depth > 1 || at.p >= at.end || (*at.p != '{' && *at.p != '[')) {
		if (rd_skip_value(s))
			return NULL;
		return depth > 1 ? json_null() : rd_parse(rd, &at, s->p);
	}
	v = *at.p == '{' ? json_object() : json_array();
	rd_step(&at);
	rd_skip_space(&at);
	if (at.p < at.end && (*at.p == '}' || *at.p == ']')) {
		rd_step(&at);
		*s = at;
		return v;
	}
	while (v && more > 0) {
		if (json_is_object(v)) {
			struct scanner name = at;

			if (at.p >= at.end || *at.p != '"' ||
			    rd_skip_string(&at) ||
			    !(key = rd_parse(rd, &name, at.p)) ||
			    json_object_get(v, json_string_value(key)))
				goto fail;
			rd_skip_space(&at);
			if (at.p >= at.end || *at.p != ':')
				goto fail;
			rd_step(&at);
			rd_skip_space(&at);
			member = sketch(rd, &at, depth + 1, &n, NULL);
			if (!member || json_object_set_new(v,
					json_string_value(key), member))
				goto fail;
			if (lists && (k = list_kind(json_string_value(key))))
				lists[k - 1] = n;
			n = 0;
			json_decref(key);
			key = NULL;
		} else if (!json_array_size(v)) {
			struct scanner first = at;

			if (rd_skip_value(&at) ||
			    !(member = rd_parse(rd, &first, at.p)) ||
			    json_array_append_new(v, member))
				goto fail;
		} else if (rd_skip_value(&at)) {
			goto fail;
		}
		n += json_is_array(v);
		more = rd_separator(&at, json_is_object(v) ? '}' : ']');
	}
	if (!more) {
		if (elements && json_is_array(v))
			*elements = n;
		*s = at;
		return v;
	}
fail:
	json_decref(key);
	json_decref(v);
	return NULL;
}

/* Reads the value of top-level member key, standing at at, as if the
 * document held only that member. */
static int read_alone(struct reader *rd, const char *key, json_t *v,
		      struct pos at)
{
	json_t *root = json_object();
	int r;

	if (!root || json_object_set(root, key, v))
		r = rd_nomem(rd);
	else
		r = rd_place(rd, root, at) || rd_members(rd, root);
	json_decref(root);
	return r;
}

/* Parses and reads the value at s, a whole member or, with element, one
 * element of the list 'entities' or 'relations' (key), and moves s past it.
 * Jansson finds where a container ends (the sketch has checked what
 * follows it), so that the text of a large list is walked once, by
 * rd_scan, not once more to find each element's end; a scalar's end is
 * the scanner's, as Jansson would stop inside "5x". */
static int take_value(struct reader *rd, struct scanner *s, const char *key,
		      int element)
{
	struct pos at = { s->line, s->column + 1 };
	struct scanner from = *s;
	int container = s->p < s->end && (*s->p == '{' || *s->p == '[');
	json_t *v, *list = NULL;
	int r;

	if (!container)
		rd_skip_value(s);
	rd_forget(rd);
	if (element)
		v = (list = rd_parse_element(rd, &from, at)) ?
			    json_array_get(list, 0) : NULL;
	else
		v = container ? rd_parse_first(rd, &from) :
				rd_parse(rd, &from, s->p);
	if (!v)
		return -1;
	r = rd_scan_past(rd, &from, v);
	/* a key written twice: Jansson's own words, where it stands */
	if (r > 0) {
		json_t *again = rd_parse_first(rd, s);

		json_decref(again);
		r = again ? sg_fail(rd->err, SG_ESYNTAX, rd->file, at.line,
				    at.column, "a key written twice") : -1;
	}
	*s = from;
	/* an element is read as the list's own are, without a document
	 * around it: a million of them make a million documents otherwise */
	if (!r)
		r = list ? rd_items(rd, list, strcmp(key, "entities") ?
						      rd_relation : rd_entity) :
			   read_alone(rd, key, v, at);
	if (list)
		rd_element_done(list);
	else
		json_decref(v);
	return r;
}

/* The same for the elements of a list, one by one, with room made in the
 * model for the n of them at once: grown as they came, a million
 * relations were copied as they grew, their pages faulted in twice, and
 * the indexes of ids and names rehashed each time. */
static int take_list(struct reader *rd, struct scanner *s, const char *key,
		     size_t n)
{
	int kind = list_kind(key);
	sg_error unused = { 0 };

	/* (no room made leaves the growing to do, which says when memory is
	 * short) */
	(void)sg_graph_reserve(rd->g, kind == 1 ? n : 0, kind == 2 ? n : 0,
			       &unused);
	rd_step(s);
	rd_skip_space(s);
	if (s->p < s->end && *s->p == ']') {
		rd_step(s);
		return 0;
	}
	do {
		if (take_value(rd, s, key, 1))
			return -1;
		sg_tell(&rd->tell, (size_t)(s->p - rd->text));
	} while (rd_separator(s, ']') > 0);
	return 0;
}

/*
 * Reads a native document whose shape sketch() took, one member at a
 * time, and 'entities' and 'relations' one element at a time, so that
 * Jansson never holds more than one of them in memory: a large graph costs
 * little more than its model.
 */
static int read_members(struct reader *rd, struct scanner s,
			const size_t lists[2])
{
	rd_step(&s); /* { */
	rd_skip_space(&s);
	while (s.p < s.end && *s.p == '"') {
		struct scanner at = s;
		json_t *name;
		int r, kind;

		rd_skip_string(&s);
		if (!(name = rd_parse(rd, &at, s.p)))
			return -1;
		rd_skip_space(&s);
		rd_step(&s); /* : */
		rd_skip_space(&s);
		kind = list_kind(json_string_value(name));
		r = kind && *s.p == '[' ?
			    take_list(rd, &s, json_string_value(name),
				      lists[kind - 1]) :
			    take_value(rd, &s, json_string_value(name), 0);
		json_decref(name);
		if (r)
			return -1;
		rd_separator(&s, '}');
	}
	return 0;
}

/* Warns of each key of doc that is not one of keys (NULL-terminated, or
 * NULL) and that shape (when not NULL) does not read. */
static int unread_keys(struct reader *rd, const json_t *doc,
		       const char *const *keys, const sg_shape *shape)
{
	const char *key;
	const json_t *v;

	json_object_foreach((json_t *)doc, key, v) {
		size_t k = 0;

		while (keys && keys[k] && strcmp(keys[k], key))
			k++;
		/* (null holds nothing to lose: pydantic writes what a tool
		 * has not made as null) */
		if ((keys && keys[k]) || (shape && rd_shape_keys(shape, key)) ||
		    json_is_null(v))
			continue;
		if (rd_unread(rd, doc, key, NULL))
			return -1;
	}
	return 0;
}

/*
 * After a reading of doc as f without errors, from the relation numbered
 * first_relation on: its unread keys are named, and its edges must all
 * have become relations. They are counted again, each id once, only
 * where they seem too many: that costs memory.
 */
static int account(struct reader *rd, const char *name,
		   const char *const *keys, const sg_shape *shape,
		   const json_t *doc, size_t first_relation)
{
	size_t made = rd->g->nrelations - first_relation;
	struct rd_tally t = { 0 };
	int r;

	if (json_is_object(doc) && (keys || shape) &&
	    unread_keys(rd, doc, keys, shape))
		return -1;
	/* (a list of documents of a shape: LangChain's GraphDocuments) */
	for (size_t i = 0; shape && i < json_array_size(doc); i++)
		if (json_is_object(json_array_get(doc, i)) &&
		    unread_keys(rd, json_array_get(doc, i), NULL, shape))
			return -1;
	r = rd_tally(rd, &t, doc);
	if (!r && t.n > made) {
		sg_buf guess = SG_BUF_INIT;
		int g;

		rd_tally_release(&t);
		t.distinct = 1;
		r = rd_tally(rd, &t, doc);
		if (!r && t.n > made)
			r = (g = rd_guess_shape(doc, &guess)) < 0 ?
				    rd_nomem(rd) :
				    rd_lost_relations(rd, &t, name, made,
						      g ? sg_buf_str(&guess) :
							  NULL);
		sg_buf_release(&guess);
	}
	rd_tally_release(&t);
	return r;
}

/* Whether a key of doc is a native section's, or one mistyped: native's
 * did-you-mean says more of it than a shape would. */
static int native_like(const json_t *doc)
{
	static const char *const sections[] = { "entities", "relations",
		"types", "relation_types", "graph" };
	const char *key;
	const json_t *v;

	json_object_foreach((json_t *)doc, key, v)
		for (size_t i = 0; i < SG_ARRAY_SIZE(sections); i++)
			if (sg_distance(key, sections[i], 2) <= 2)
				return 1;
	return 0;
}

/* The format whose top-level keys doc has most of, or NULL. */
static const struct rd_format *resembles(const json_t *doc)
{
	const struct rd_format *best = NULL;
	size_t most = 0;

	for (size_t i = 0; i < SG_ARRAY_SIZE(formats); i++) {
		const struct rd_format *f = formats[i];
		sg_shape *s = f->shape ? rd_shape_parse(f->shape,
					strlen(f->shape), f->name, NULL) : NULL;
		const char *key;
		const json_t *v;
		size_t n = 0;

		json_object_foreach((json_t *)doc, key, v)
			for (size_t k = 0; f->keys && f->keys[k]; k++)
				n += !strcmp(f->keys[k], key);
		json_object_foreach((json_t *)doc, key, v)
			n += s && rd_shape_keys(s, key);
		sg_shape_free(s);
		if (n > most) {
			most = n;
			best = f;
		}
	}
	return best;
}

/* Fails: no format reads doc. Says what it holds, what it most resembles,
 * and the --shape that would read it, guessed from its keys: that whole,
 * ready to paste, where the message has room for no more. */
static int no_format(struct reader *rd, const json_t *doc)
{
	const struct rd_format *like = resembles(doc);
	sg_buf what = SG_BUF_INIT, guess = SG_BUF_INIT;
	int g = rd_guess_shape(doc, &guess);
	size_t room = sizeof(rd->err->text) - 160;

	if (g < 0 || rd_describe(doc, &what)) {
		g = -1;
		rd_nomem(rd);
	} else {
		room = guess.len < room ? room - guess.len : 0;
		if (what.len > room)
			what.buf[room > 3 ? room - 3 : 0] = '\0';
		sg_fail(rd->err, SG_ESHAPE, rd->file, rd->root_line,
			rd->root_column, "no format scograph knows reads this "
			"(%s%s)%s%s; %s%s", sg_buf_str(&what),
			what.len > room ? "..." : "",
			like ? "; it most resembles " : "",
			like ? like->name : "",
			g ? "read it with " : "say where its nodes and edges "
			"are with --shape (see SHAPES in man scograph)",
			sg_buf_str(&guess));
	}
	sg_buf_release(&what);
	sg_buf_release(&guess);
	return -1;
}

/* After doc, told to be of format f from its keys alone (not sure),
 * failed to read as f and gave nothing (the reading's outcome r): one
 * more error, the --shape that would read it if it is none, where one
 * can be guessed. */
static int suggest(struct reader *rd, const struct rd_format *f,
		   const json_t *doc, int r)
{
	sg_buf guess = SG_BUF_INIT;
	int g = rd_guess_shape(doc, &guess);

	if (g < 0) {
		rd_note(rd);
		rd_nomem(rd);
	} else if (g && !rd_note(rd)) {
		sg_fail(rd->err, SG_ESHAPE, rd->file, rd->root_line,
			rd->root_column, "read as %s, told from its keys alone; "
			"if it is none, read it with %s", f->name,
			sg_buf_str(&guess));
	} else {
		/* the reading's own outcome, and error if any */
		g = r;
	}
	sg_buf_release(&guess);
	return g ? -1 : 0;
}

/* Reads doc by the shape s (a format's, named name, when not --shape's),
 * and accounts for it. */
static int read_shaped(struct reader *rd, const sg_shape *s, const char *name,
		       const json_t *doc)
{
	size_t first_relation = rd->g->nrelations, errors = rd->g->nerrors;

	if (rd_read_shape(rd, s, doc))
		return -1;
	return rd->g->nerrors == errors ?
		       account(rd, name, NULL, s, doc, first_relation) : 0;
}

/* Reads doc by the shape of format f, a mapping. */
static int read_format_shape(struct reader *rd, const struct rd_format *f,
			     const json_t *doc)
{
	sg_shape *s = rd_shape_parse(f->shape, strlen(f->shape), f->name,
				     rd->err);
	int r = s ? read_shaped(rd, s, f->name, doc) : -1;

	sg_shape_free(s);
	return r;
}

/* Reads a whole document of format f (NULL: told from it). */
static int read_whole(struct reader *rd, struct scanner s,
		      const struct rd_format *f, enum rd_sure how)
{
	json_t *root = rd_parse_telling(rd, &s);
	size_t first_relation = rd->g->nrelations, errors = rd->g->nerrors;
	size_t first_entity = rd->g->nentities;
	int r = -1;

	if (!root)
		return -1;
	if (rd_scan(rd, s, root))
		;
	else if (rd->shape)
		r = read_shaped(rd, rd->shape, "--shape", root);
	else if (!f && !(f = detect(rd, root, 0, &how)))
		;
	else if (how == RD_NOT && !native_like(root) &&
		 (json_is_object(root) ||
		  json_is_object(json_array_get(root, 0))))
		r = no_format(rd, root);
	else if (!json_is_object(root) &&
		 (!json_is_array(root) || !f->arrays))
		sg_fail(rd->err, SG_ESHAPE, rd->file, rd->root_line,
			rd->root_column, f == &rd_native ?
			"expected an object with 'entities' and 'relations' "
			"at the top, not %s" : "expected an object at the top, "
			"not %s", rd_kind(root));
	else if (f->shape)
		r = read_format_shape(rd, f, root);
	else if (!f->read)
		sg_fail(rd->err, SG_ESHAPE, rd->file, rd->root_line,
			rd->root_column, "%s is read as JSON Lines, one "
			"object a line, not as one document", f->name);
	else if (!(r = f->read(rd, root)) && rd->g->nerrors == errors)
		r = account(rd, f->name, f->keys, NULL, root, first_relation);
	else if (how < RD_SURE && rd->g->nentities == first_entity &&
		 rd->g->nrelations == first_relation)
		r = suggest(rd, f, root, r);
	json_decref(root);
	return r;
}

/* A document: native ones are read member by member where they can be. */
static int read_document(struct reader *rd, struct scanner s,
			 const struct rd_format *f)
{
	struct scanner at = s;
	size_t lists[2] = { 0, 0 };
	json_t *doc = sketch(rd, &at, 0, NULL, lists);
	/* a format named is sure */
	enum rd_sure how = f ? RD_SURE : RD_NOT;
	int r;

	rd_skip_space(&at);
	if (doc && at.p == at.end && !f && other_kind(rd, doc)) {
		json_decref(doc);
		return -1;
	}
	if (doc && at.p == at.end && json_is_object(doc) && !f &&
	    (f = detect(rd, doc, 0, &how)) && how == RD_NOT &&
	    !native_like(doc))
		f = NULL; /* no format is sure: told again from all of it */
	if (f == &rd_native && doc && at.p == at.end && json_is_object(doc)) {
		json_decref(doc);
		return read_members(rd, s, lists);
	}
	json_decref(doc);
	/* anything else is read whole, and its errors are Jansson's */
	memset(&rd->error, 0, sizeof(rd->error));
	r = read_whole(rd, s, f, how);
	return r;
}

/* ---- formats not read ---- */

/*
 * Graph formats that scograph does not read, told by how they begin (past
 * comment lines, or by their root element), each with the way to one it
 * reads: a file of one would otherwise be taken for JSON gone wrong, and
 * be told so.
 */
struct other {
	const char *what;
	/* a tool that makes a format scograph reads of it, and its command
	 * (before the file's name, then after it); or, without a command,
	 * what to do */
	const char *way, *before, *after;
};

/* "write it as GraphML or GML with the tool that made it" */
#define OTHER_TOOL(what) \
	{ what, "write it as GraphML or GML with the tool that made it", \
	  NULL, NULL }
/* the way of a picture, after its name */
#define PICTURE "a picture holds no graph: give it the graph it was drawn " \
	"from", NULL, NULL

/* Fails: the text is of format o, which scograph does not read. */
static int other(struct reader *rd, const struct other *o)
{
	/* (standard input has no name a command could take) */
	int piped = !strcmp(rd->file, "<stdin>");

	if (!o->before)
		return sg_fail(rd->err, SG_ESYNTAX, rd->file, rd->root_line,
			       rd->root_column, "this is %s, which scograph "
			       "does not read; %s", o->what, o->way);
	return sg_fail(rd->err, SG_ESYNTAX, rd->file, rd->root_line,
		       rd->root_column, "this is %s, which scograph does not "
		       "read; %s, which it reads%s: %s%s%s", o->what, o->way,
		       piped ? ", standard input saved as FILE" : "",
		       o->before, piped ? "FILE" : rd->file, o->after);
}

/* Fails: the text, head, is XML, but of no format the table reads (their
 * sniffs have looked at its first element). */
static int xml(struct reader *rd, const char *head, size_t len)
{
	static const struct {
		const char *root;
		struct other o;
	} roots[] = {
		{ "RDF", { "RDF/XML", "rapper (Debian's raptor2-utils) makes "
			   "N-Triples of it", "rapper -q -i rdfxml -o ntriples ",
			   " | scograph -" } },
		{ "TriX", { "TriX (as rdflib writes a dataset)", "rdflib "
			    "makes N-Quads of it", "python3 -c 'import sys, "
			    "rdflib; d = rdflib.Dataset(); d.parse(sys.argv[1]"
			    ", format=\"trix\"); print(d.serialize(format="
			    "\"nquads\"))' ", " | scograph -" } },
		{ "svg", { "an SVG picture", PICTURE } },
		{ "mxfile", { "a draw.io diagram", "a drawing keeps shapes, "
			      "not a graph's data: give it the graph it was "
			      "drawn from", NULL, NULL } },
		{ "gxl", OTHER_TOOL("GXL") },
		{ "DirectedGraph", OTHER_TOOL("DGML (as Visual Studio writes "
					      "it)") },
		/* (GraphML's graph is inside its graphml) */
		{ "graph", { "XGMML (as Cytoscape writes it)", "Cytoscape "
			     "writes GraphML too (File, Export, Network to "
			     "File), which it reads", NULL, NULL } },
	};

	if (len > RD_HEAD)
		len = RD_HEAD;
	for (size_t i = 0; i < SG_ARRAY_SIZE(roots); i++)
		if (rd_xml_root_is(head, len, roots[i].root))
			return other(rd, &roots[i].o);
	return sg_fail(rd->err, SG_ESYNTAX, rd->file, rd->root_line,
		       rd->root_column, "this is XML, but neither GraphML nor "
		       "GEXF, the XML that scograph reads");
}

/* Fails where the first record of JSON Lines, o, is HexTuples' (rdflib
 * writes it): [subject, predicate, value, datatype, language, graph],
 * whose datatype says "globalId" of an IRI and "localId" of a blank
 * node. */
static int hextuples(struct reader *rd, const json_t *o)
{
	static const struct other hext = {
		"HexTuples", "write it as N-Triples or Turtle with the tool "
		"that made it", NULL, NULL
	};
	const char *type = json_string_value(json_array_get(o, 3));

	if (json_array_size(o) != 6 || !type ||
	    (strcmp(type, "globalId") && strcmp(type, "localId") &&
	     strncmp(type, "http", 4)))
		return 0;
	return other(rd, &hext);
}

/* ---- JSON Lines ---- */

/* Whether the text is JSON Lines: a first line that is a whole object
 * (or list: a triple), and more after it; -1 when memory ran out
 * telling. */
static int is_lines(struct reader *rd, struct scanner s)
{
	const char *eol = memchr(s.p, '\n', (size_t)(s.end - s.p));
	struct scanner after;
	json_error_t jerr;
	json_t *first;
	int r;

	if (!eol)
		return 0;
	after = (struct scanner){ eol, s.end, 0, 0, NULL };
	rd_skip_space(&after);
	/* a document of one line is parsed once, as a document */
	if (after.p == after.end)
		return 0;
	first = json_loadb(s.p, (size_t)(eol - s.p), 0, &jerr);
	if (!first && rd_jansson_nomem(&jerr))
		return rd_nomem(rd);
	r = json_is_object(first) || json_is_array(first);
	json_decref(first);
	return r;
}

/* Whether a text of format f (NULL: any) is read as JSON Lines. */
static int as_lines(struct reader *rd, struct scanner s,
		    const struct rd_format *f)
{
	if (f && (!f->read_line || !f->read))
		return f->read_line != NULL;
	return is_lines(rd, s);
}

/* Reads JSON Lines of format f (NULL: told from the first record). */
static int read_lines(struct reader *rd, const char *data, size_t len,
		      const struct rd_format *f)
{
	const char *p = data, *end = data + len;
	size_t first_relation = rd->g->nrelations, errors = rd->g->nerrors;
	struct rd_tally t = { .distinct = 1 };
	int line = 1, r = 0, stop = 0;

	for (; p < end && !r; p++, line++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		struct scanner s = { p, eol ? eol : end, line, 0, &rd->ps };
		json_t *o, *list = NULL;
		struct pos at;

		if (!eol)
			eol = end;
		while (s.p < eol && strchr(" \t\r", *s.p)) {
			s.p++;
			s.column++;
		}
		at = (struct pos){ line, s.column + 1 };
		if (s.p < eol) {
			rd_forget(rd);
			o = rd_parse(rd, &s, eol);
			if (!o || rd_scan(rd, s, o) || !(list = rd_wrap(rd, o, at)))
				r = -1;
			else if (!json_is_object(o) && !json_is_array(o))
				r = rd_wrong_kind(rd, list, NULL, 0,
						  "an object");
			else if (!f && json_is_array(o) && hextuples(rd, o))
				r = stop = -1;
			else if (!f && !(f = detect(rd, o, 1, NULL)))
				r = -1;
			else if (json_is_array(o) && !f->array_lines)
				r = rd_wrong_kind(rd, list, NULL, 0,
						  "an object");
			else
				r = f->read_line(rd, list, o) ||
				    rd_tally(rd, &t, list);
			json_decref(list);
			json_decref(o);
			/* a bad line spoils only itself; a format not read,
			 * all */
			r = r && (stop || rd_note(rd)) ? -1 : 0;
		}
		p = eol;
		sg_tell(&rd->tell, (size_t)(p - data));
	}
	if (!r && f && f->finish)
		r = f->finish(rd, first_relation);
	if (!r && f && rd->g->nerrors == errors)
		r = rd_lost_relations(rd, &t, f->name,
				      rd->g->nrelations - first_relation, NULL);
	rd_tally_release(&t);
	return r ? -1 : 0;
}

/* ---- the way in ---- */

/* Whether the text from p to end begins with word (with nocase, in any
 * case): the text need not end in a NUL. */
static int begins(const char *p, const char *end, const char *word,
		  int nocase)
{
	size_t n = strlen(word);

	return (size_t)(end - p) >= n &&
	       !(nocase ? strncasecmp(p, word, n) : strncmp(p, word, n));
}

/* p past the blank lines and the lines that begin with one of comments
 * (or with one of words), up to end. */
static const char *past_lines(const char *p, const char *end,
			      const char *comments, const char *const *words)
{
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *q = p;
		int skip = 0;

		while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
			q++;
		if (q == end)
			return q;
		skip = *q == '\n' || (*q && strchr(comments, *q));
		for (size_t k = 0; words && words[k] && !skip; k++)
			skip = begins(q, end, words[k], 0);
		if (!skip)
			return q;
		p = eol ? eol + 1 : end;
	}
	return p;
}

/* The number of fields of the line at p (space-separated), the first two
 * of which are names or numbers; 0 when they are not. */
static int fields(const char *p, const char *end)
{
	int n = 0;

	while (p < end && *p != '\n' && *p != '\r') {
		const char *q = p;

		/* (a NUL is no text: strchr would take it for a space) */
		for (; q < end && !strchr(" \t\r\n", *q); q++)
			;
		if (q < end && !*q)
			return 0;
		if (n < 2 && (q == p || strchr("{[\"<,;:", *p) ||
			      memchr(p, ',', (size_t)(q - p))))
			return 0;
		n++;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		p = q;
	}
	return n;
}

/* Whether the line at p is LGL's: a vertex's line, "# NAME", followed by
 * a line of its neighbours (a name and perhaps a weight). An edge list's
 * comment line has words, not one name. */
static int is_lgl(const char *p, const char *end)
{
	const char *eol = memchr(p, '\n', (size_t)(end - p));

	if (!eol || !begins(p, end, "# ", 0) || fields(p + 2, eol) != 1)
		return 0;
	p = eol + 1;
	return p < end && *p != '#' && fields(p, end) >= 1 &&
	       fields(p, end) <= 2;
}

/* Whether the text at p is word, then a space, a parenthesis or the end of
 * its line (with nocase, word in any case). */
static int word_at(const char *p, const char *end, const char *word,
		   int nocase)
{
	size_t n = strlen(word);

	return begins(p, end, word, nocase) &&
	       ((size_t)(end - p) == n || strchr(" \t\r\n(;", p[n]));
}

/* Whether the text at p (past its comments) is a Mermaid diagram: past
 * a front matter between lines of "---", its kind. A flowchart's says
 * which way it goes ("graph TD"), unlike GML's "graph [". */
static int is_mermaid(const char *p, const char *end)
{
	static const char *const kinds[] = {
		"sequenceDiagram", "classDiagram", "stateDiagram",
		"stateDiagram-v2", "erDiagram", "mindmap", "journey",
		"gitGraph", "requirementDiagram", "C4Context", "block-beta"
	};
	static const char *const ways[] = { "TD", "TB", "BT", "LR", "RL" };

	if (begins(p, end, "---", 0)) {
		const char *close = p + 3;

		while ((close = memchr(close, '\n', (size_t)(end - close))) &&
		       !begins(++close, end, "---", 0))
			;
		if (!close)
			return 0;
		p = past_lines(close + 3, end, "%", NULL);
	}
	for (size_t i = 0; i < SG_ARRAY_SIZE(kinds); i++)
		if (word_at(p, end, kinds[i], 0))
			return 1;
	if (!word_at(p, end, "graph", 0) && !word_at(p, end, "flowchart", 0))
		return 0;
	p += *p == 'g' ? 5 : 9;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (size_t i = 0; i < SG_ARRAY_SIZE(ways); i++)
		if (word_at(p, end, ways[i], 0))
			return 1;
	return p == end || *p == '\n' || *p == '\r' || *p == ';';
}

/* Whether the lines at p are a square matrix of numbers: as many lines
 * as each has fields (more than two), the first two fields numbers. */
static int is_matrix(const char *p, const char *end)
{
	int n = fields(p, end), lines = 0;

	if (n < 3 || !strchr("0123456789-.", *p))
		return 0;
	for (const char *q = p; q < end && lines <= n;) {
		const char *eol = memchr(q, '\n', (size_t)(end - q));

		/* (blank lines, as at the end, are no rows) */
		if (!strchr("\r\n", *q) && fields(q, end) != n)
			return 0;
		lines += !strchr("\r\n", *q);
		q = eol ? eol + 1 : end;
	}
	return lines == n;
}

static const struct other *other_format(const char *p, const char *end)
{
	static const char *const gml_head[] = { "Creator", "Version", NULL };
	static const struct other gml = {
		"GML (as networkx, igraph and yEd write it)",
		"Graphviz makes DOT of it", "gml2gv ", " | scograph -"
	}, pajek = OTHER_TOOL("Pajek's .net (as networkx and igraph write it)"),
	   graph6 = OTHER_TOOL("graph6 or sparse6"),
	   dimacs = OTHER_TOOL("DIMACS"), matrix = OTHER_TOOL("Matrix Market"),
	   lgl = OTHER_TOOL("LGL (as igraph writes it)"),
	   leda = OTHER_TOOL("LEDA's graph format (as igraph writes it)"),
	   matrix_text = OTHER_TOOL("an adjacency matrix (as igraph writes "
				    "it)"), list = {
		"an edge list without a header (as networkx and igraph write "
		"it)", "give it a header line (source, target, ...) and read "
		"it as CSV or TSV", NULL, NULL
	}, mermaid = {
		"a Mermaid diagram", "write its graph as DOT, which it reads "
		"(Mermaid's A -->|label| B is DOT's A -> B [label=\"label\"])",
		NULL, NULL
	}, plantuml = {
		"PlantUML", "write its graph as DOT, which it reads", NULL, NULL
	}, cypher = {
		"Cypher", "run it in Neo4j and export the graph with "
		"apoc.export.json.all, which it reads", NULL, NULL
	};
	static const char *const clauses[] = { "CREATE", "MERGE", "MATCH",
					       "UNWIND" };
	const char *q = past_lines(p, end, "#", gml_head);

	if (begins(q, end, "graph", 0)) {
		q += 5;
		while (q < end && strchr(" \t\r\n", *q))
			q++;
		if (q < end && *q == '[')
			return &gml;
	}
	if (begins(p, end, "%%MatrixMarket", 1))
		return &matrix;
	q = past_lines(p, end, "%", NULL);
	if (is_mermaid(q, end))
		return &mermaid;
	if (begins(q, end, "@start", 0))
		return &plantuml;
	if (begins(q, end, "*vertices", 1) || begins(q, end, "*network", 1))
		return &pajek;
	if (begins(q, end, ">>graph6<<", 0) || begins(q, end, ">>sparse6<<", 0) ||
	    begins(q, end, ">>digraph6<<", 0))
		return &graph6;
	q = past_lines(p, end, "/", NULL);
	for (size_t i = 0; i < SG_ARRAY_SIZE(clauses); i++)
		if (word_at(q, end, clauses[i], 1))
			return &cypher;
	q = past_lines(p, end, "c", NULL);
	if (end - q > 2 && q[0] == 'p' && q[1] == ' ')
		return &dimacs;
	q = past_lines(p, end, "", NULL);
	if (is_lgl(q, end))
		return &lgl;
	if (word_at(q, end, "LEDA.GRAPH", 0))
		return &leda;
	if (is_matrix(q, end))
		return &matrix_text;
	q = past_lines(p, end, "#%", NULL);
	return fields(q, end) >= 2 ? &list : NULL;
}

/* The format of a file that is no text, told by its first bytes (p to
 * end): compressed text, an archive, a table or a picture; or NULL. */
static const struct other *binary_format(const char *p, const char *end)
{
	static const struct {
		const char *magic;
		size_t n;
		struct other o;
	} magics[] = {
		{ "\x1f\x8b", 2, { "gzip-compressed", "zcat makes its text",
				   "zcat ", " | scograph -" } },
		{ "BZh", 3, { "bzip2-compressed", "bzcat makes its text",
			      "bzcat ", " | scograph -" } },
		{ "\xfd" "7zXZ\0", 6, { "xz-compressed", "xzcat makes its text",
				       "xzcat ", " | scograph -" } },
		{ "\x28\xb5\x2f\xfd", 4, { "zstd-compressed",
					   "zstdcat makes its text",
					   "zstdcat ", " | scograph -" } },
		{ "PK\x03\x04", 4, { "a ZIP archive (an Excel workbook is "
				     "one)", "unpack the graph from it, or save "
				     "a sheet as CSV, which it reads", NULL,
				     NULL } },
		{ "PAR1", 4, { "Parquet (as GraphRAG writes its tables)",
			       "write each table as CSV (pandas: read_parquet, "
			       "then to_csv), which it reads", NULL, NULL } },
		{ "SQLite format 3", 16, { "an SQLite database", "write its "
					   "tables as CSV (sqlite3 -csv "
					   "-header), which it reads", NULL,
					   NULL } },
		{ "\xff\xfe", 2, { "UTF-16 text (as Windows PowerShell "
				   "writes it)", "iconv makes UTF-8 of it",
				   "iconv -f UTF-16 -t UTF-8 ", " | scograph -" } },
		{ "\xfe\xff", 2, { "UTF-16 text", "iconv makes UTF-8 of it",
				   "iconv -f UTF-16 -t UTF-8 ", " | scograph -" } },
		/* (protocol 2 on: what Python's pickle writes by default) */
		{ "\x80\x04", 2, OTHER_TOOL("a Python pickle") },
		{ "\x80\x05", 2, OTHER_TOOL("a Python pickle") },
		{ "\x80\x02", 2, OTHER_TOOL("a Python pickle") },
		{ "\x80\x03", 2, OTHER_TOOL("a Python pickle") },
		{ "\x89PNG", 4, { "a PNG image", PICTURE } },
		{ "\xff\xd8\xff", 3, { "a JPEG image", PICTURE } },
		{ "%PDF-", 5, { "a PDF document", PICTURE } },
	};

	for (size_t i = 0; i < SG_ARRAY_SIZE(magics); i++)
		if ((size_t)(end - p) >= magics[i].n &&
		    !memcmp(p, magics[i].magic, magics[i].n))
			return &magics[i].o;
	return NULL;
}

/* The text format of the text at s, when a text format is sure enough of
 * it: any sureness of a text that does not begin as JSON does, RD_SURE of
 * one that does. NULL when none is, or with the error. */
static const struct rd_format *text_format(struct reader *rd,
					   struct scanner s)
{
	size_t n = (size_t)(s.end - s.p);
	enum rd_sure how;
	const struct rd_format *f = surest(rd, NULL, 0, s.p,
					   n < RD_HEAD ? n : RD_HEAD, NULL,
					   &how);

	return f && (how == RD_SURE || (*s.p != '{' && *s.p != '[')) ? f :
								      NULL;
}

/* Reads the text data of text format f, past a byte-order mark. */
static int read_text(struct reader *rd, const struct rd_format *f,
		     const char *data, size_t len)
{
	static const char bom[] = "\xEF\xBB\xBF";

	if (len >= 3 && !memcmp(data, bom, 3)) {
		data += 3;
		len -= 3;
	}
	return f->read_text(rd, data, len);
}

/* Reads the text at s (data, len) by --shape: a table by the columns it
 * names, anything else as the one JSON document its lists are in. */
static int read_by_shape(struct reader *rd, struct scanner s,
			 const char *data, size_t len)
{
	const sg_shape *shape = rd->shape;
	const struct rd_format *t = text_format(rd, s);

	if (rd->error.code != SG_OK)
		return -1;
	if (t && t->columns && shape->has_columns) {
		rd->columns = shape->columns;
		return read_text(rd, t, data, len);
	}
	if (t && t->columns)
		return sg_fail(rd->err, SG_ESHAPE, rd->file, rd->root_line,
			       rd->root_column, "this is %s, and the shape "
			       "names no columns: say which with --shape "
			       "'from=COLUMN to=COLUMN'", t->name);
	if (!shape->n)
		return sg_fail(rd->err, SG_ESHAPE, rd->file, rd->root_line,
			       rd->root_column, "the shape names only a "
			       "table's columns, and this is no CSV, TSV or "
			       "KGTK: say where its nodes or edges are with "
			       "'nodes=PATH' or 'edges=PATH'");
	return read_whole(rd, s, NULL, RD_SURE);
}

/* Reads data as format (NULL: told from the content), or by shape; data
 * is only the beginning of the text where rest is not NULL. */
static int read_buffer(sg_graph *g, const char *data, size_t len,
		       struct rd_rest *rest, const char *name,
		       const char *format, const sg_shape *shape,
		       sg_error *err)
{
	struct reader rd = { .g = g, .file = sg_graph_intern(g, name),
			     .text = data, .shape = shape, .rest = rest,
			     .tell = { g->progress, g->progress_ctx, { 0 } } };
	size_t since = g->nnotes;
	const struct rd_format *f = format ? format_named(format) : NULL;
	const struct rd_format *t = NULL;
	const struct other *o;
	struct scanner s;
	int r, lines = 0;

	rd.err = &rd.error;
	if (!rd.file)
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	s = rd_start(&rd, data, len);
	sg_tell_begin(&rd.tell, SG_STAGE_LOAD, rd.file,
		      rest ? rest->size : len);
	if (format && !f)
		r = unknown_format(&rd, format);
	else if (s.p == s.end)
		r = rd_empty(&rd);
	else if (!f && (o = binary_format(data, data + len)))
		r = other(&rd, o);
	else if (shape)
		r = read_by_shape(&rd, s, data, len);
	else if ((f && f->read_text) || (!f && (t = text_format(&rd, s))))
		r = read_text(&rd, f ? f : t, data, len);
	else if (rd.error.code != SG_OK)
		r = -1;
	else if (*s.p == '<')
		r = xml(&rd, s.p, (size_t)(s.end - s.p));
	else if (!f && (o = other_format(s.p, s.end)))
		r = other(&rd, o);
	else if ((lines = as_lines(&rd, s, f)) < 0)
		r = -1;
	else if (lines)
		r = read_lines(&rd, data, len, f);
	else
		r = read_document(&rd, s, f);
	/* the drawing hints met, named once (where the file was read) */
	if (r)
		rd.hints.nkeys = rd.aside.nkeys = 0;
	if (rd_hints_warn(&rd))
		r = -1;
	/* r without an error at hand: a note stopped the reading, or memory
	 * ran out on the way */
	if (r && rd.error.code == SG_OK && g->nerrors < SG_MAX_ERRORS)
		rd_nomem(&rd);
	else if (!r)
		sg_tell_done(&rd.tell, rest ? rest->size : len);
	rd_note(&rd);
	free(rd.ps.pos);
	free(rd.ps.blocks);
	sg_map_release(&rd.seen);
	sg_map_release(&rd.ends);
	rd_copies_release(&rd.copies);
	return sg_graph_first_error(g, since, err);
}

int sg_read_buffer(sg_graph *g, const char *data, size_t len,
		   const char *name, const char *format, sg_error *err)
{
	return read_buffer(g, data, len, NULL, name, format, NULL, err);
}

int sg_read_buffer_shaped(sg_graph *g, const char *data, size_t len,
			  const char *name, const sg_shape *shape,
			  sg_error *err)
{
	return read_buffer(g, data, len, NULL, name, NULL, shape, err);
}

/* Records e, a file that could not be read, as sg_read_buffer records the
 * errors in a file. */
static int unreadable(sg_graph *g, const sg_error *e, sg_error *err)
{
	sg_graph_note(g, e);
	if (err && err->code == SG_OK)
		*err = *e;
	return -1;
}

/* Whether the text head begins, of a file named name, is read as it comes
 * (struct rd_format's streams) as format (NULL: told from the content), or
 * by shape. */
static int streams(const char *head, size_t len, const char *name,
		   const char *format, const sg_shape *shape)
{
	struct reader rd = { .file = name };
	const struct rd_format *f;
	struct scanner s;

	rd.err = &rd.error;
	if (shape)
		return 0;
	if (format)
		return (f = format_named(format)) && f->streams;
	s = rd_start(&rd, head, len);
	/* (detection is shown RD_HEAD bytes: a head shorter than that
	 * would not show what the whole text does) */
	if (s.end - s.p < RD_HEAD)
		return 0;
	f = text_format(&rd, s);
	return f && f->streams && rd.error.code == SG_OK;
}

/* Reads the file at path as format, or by shape: a format that reads its
 * text as it comes (see streams) from its beginning on, any other from the
 * whole of it. */
static int read_file(sg_graph *g, const char *path, const char *format,
		     const sg_shape *shape, sg_error *err)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	sg_buf data = SG_BUF_INIT;
	sg_error e = { 0 };
	sg_teller tell = { g->progress, g->progress_ctx, { 0 } };
	struct rd_rest rest = { -1, 0 };
	int ended = -1, r;

	if ((rest.fd = rd_open(path, &rest.size, &e)) >= 0) {
		sg_tell_begin(&tell, SG_STAGE_READ, name, rest.size);
		ended = rd_read_fd(rest.fd, name, rest.size, &data,
				   SG_PROGRESS_STEP, &tell, &e);
		if (!ended && !streams(sg_buf_str(&data), data.len, name,
				       format, shape))
			ended = rd_read_fd(rest.fd, name, rest.size, &data,
					   SIZE_MAX, &tell, &e);
		sg_tell_done(&tell, data.len);
	}
	r = ended < 0 ? unreadable(g, &e, err) :
	    read_buffer(g, sg_buf_str(&data), data.len, ended ? NULL : &rest,
			name, format, shape, err);
	if (rest.fd >= 0 && strcmp(path, "-"))
		close(rest.fd);
	sg_buf_release(&data);
	return r;
}

int sg_read_file(sg_graph *g, const char *path, const char *format,
		 sg_error *err)
{
	return read_file(g, path, format, NULL, err);
}

int sg_read_file_shaped(sg_graph *g, const char *path, const sg_shape *shape,
			sg_error *err)
{
	return read_file(g, path, NULL, shape, err);
}

extern const unsigned char sg_builtin_json[];
extern const size_t sg_builtin_json_len;

int sg_read_builtin(sg_graph *g, sg_error *err)
{
	return sg_read_buffer(g, (const char *)sg_builtin_json,
			      sg_builtin_json_len, "<built-in>", "native", err);
}
