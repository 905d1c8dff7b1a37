/*
 * Between the readers (src/read*.c): the only files that know Jansson.
 *
 * read.c is the way in: it tells a text's format from its content through
 * the table of formats (struct rd_format), and reads scograph's own
 * documents member by member. Below it, one file per family of formats
 * (read_native.c, read_jgf.c, read_nodelink.c, ...) turns a document into
 * model calls, with the tools of read_elements.c (other formats' nodes and
 * edges), read_util.c (errors, JSON shapes) and read_pos.c (positions).
 * Calls go one way: down this list (tests/layers.sh checks it).
 */
#ifndef SG_READ_H
#define SG_READ_H

#include <string.h>

#include <jansson.h>

#include "internal.h"

/* Where a value begins in the text. */
struct pos {
	int line, column;
};

/*
 * Where every member of every container begins: Jansson reports positions
 * only for syntax errors, so once it has parsed a piece of text the reader
 * walks the text again beside the tree (objects keep their keys in document
 * order). Each container gets a block of positions, one per member in order,
 * found through its address; a member's own address would not do, since
 * true, false and null are shared singletons in Jansson.
 */
struct positions {
	struct pos *pos;        /* the blocks, one after the other */
	size_t npos, apos;
	struct block {          /* container -> its block */
		const json_t *container;
		size_t start;
		unsigned gen;   /* a slot of an older generation is empty */
	} *blocks;
	size_t nblocks, used;
	unsigned gen;
	/* the object member found last, where the next search starts */
	struct cursor {
		const json_t *container;
		void *it;
		size_t index;
	} cursor;
};

struct scanner {
	const char *p, *end;
	int line, column; /* column: characters already passed on this line */
	struct positions *ps;
};

/*
 * Which columns of a table (CSV, TSV, KGTK) hold what, by the names its
 * header gives them (matched ignoring case); NULL: the first column with
 * one of the usual names (source, from, subject, head, node1, ...; see
 * read_table.c). The seam for a shape spec: --shape 'from=COL to=COL
 * type=COL id=COL name=COL' fills these before the table is read. A
 * column named here that the header lacks is an error.
 */
struct rd_columns {
	const char *from, *to, *type, *id;
	const char *name; /* a node list's names; an edge list's labels */
};

/*
 * Where a format wraps its values (GraphSON's {"@type", "@value"}, the
 * neo4j driver's Integer {low, high}): 1 when v is such a wrapper, with
 * *plain a new reference to the value it stands for (NULL when out of
 * memory); 0 when v is a plain value or a container.
 */
typedef int rd_unwrap(const json_t *v, json_t **plain);

/* The rest of a text not yet read, for a format that reads it as it comes
 * (struct rd_format's streams). */
struct rd_rest {
	int fd;
	/* the whole text's size: a file's; a pipe's 0, until the reader has
	 * read it to its end */
	size_t size;
};

struct reader {
	sg_graph *g;
	const char *file; /* interned */
	struct positions ps;
	int root_line, root_column; /* where the document begins */
	sg_error *err;  /* where the functions below put an error */
	sg_error error; /* err, while reading: noted in the graph and cleared */
	/* the document's edges have no direction, unless one says otherwise */
	int undirected;
	/* the entity the next node stands in, where the format says so apart
	 * from the node's keys (Graphviz's clusters); NULL: its "parent" */
	const char *parent;
	/* the key of an edge's id where the format has its own (graphlib's
	 * "name"), tried before "id" and "key"; NULL: none */
	const char *edge_id;
	/* ids already read, where a format repeats its elements (Neo4j's
	 * query rows repeat a relationship for each path through it); keys
	 * interned in the graph */
	sg_map seen;
	/* a table's column roles (zeroed: by the header's names) */
	struct rd_columns columns;
	/* entities by another name a format's edges call them by (networkx's
	 * cytoscape_data names a tuple's node "(0, 1)", its edges [0,1]):
	 * keys interned in the graph */
	sg_map ends;
	/* the attributes' values, where the format wraps them; NULL: as
	 * they are */
	rd_unwrap *unwrap;
	/* the shape the document is read by (--shape); NULL: its format's */
	const sg_shape *shape;
	/* the drawing hints met so far (see rd_hint), and the parts of
	 * no place in the model (rd_aside_at) */
	struct rd_hints {
		struct rd_hint {
			const char *key; /* interned in the graph */
			size_t n;
		} *keys;
		size_t nkeys, akeys;
		sg_loc first;
	} hints, aside;
	/* the first copy of each element a format writes more than once
	 * (see rd_copy) */
	struct rd_copies {
		sg_map index; /* key (interned in the graph) -> first[] */
		json_t **first;
		size_t n, alloc;
	} copies;
	/* told how far into text the reading is (SG_STAGE_LOAD) */
	const char *text;
	sg_teller tell;
	/* the rest of the text, where read_text is handed only its
	 * beginning; NULL: the text handed to it is whole */
	struct rd_rest *rest;
};

/*
 * How sure a detector is that a document (or a text) is of its format.
 * The surest format wins; two formats equally sure is an error asking for
 * --from-format, so a detector says RD_SURE only of what no other format
 * writes.
 */
enum rd_sure {
	RD_NOT,    /* not this format */
	RD_MAYBE,  /* its keys are shared with other formats */
	RD_LIKELY, /* a key this format writes, which another may write too */
	RD_SURE,   /* a key or shape that only this format writes */
};

/* How much of a text's beginning a text format's sniff is shown. */
#define RD_HEAD 4096

/*
 * A format: one entry of the table in read.c, which drives detection,
 * --from-format and the list of formats. Each family's file defines its
 * entries.
 */
struct rd_format {
	const char *name;  /* as --from-format takes it */
	const char *about; /* who writes it, for the list of formats */
	/*
	 * How surely a JSON document is of this format. doc is the top-level
	 * object or array; detect looks only at its keys, at the keys of the
	 * objects in it and at the first element of each list in it (the
	 * rest may not have been read yet). NULL: never a JSON document.
	 */
	enum rd_sure (*detect)(const json_t *doc);
	int (*read)(struct reader *rd, const json_t *doc);
	int arrays; /* read reads top-level arrays too, not only objects */
	/* JSON Lines: how surely a first record is of this format, and the
	 * reading of one record o, standing in list; NULL: never lines. */
	enum rd_sure (*detect_line)(const json_t *o);
	int (*read_line)(struct reader *rd, const json_t *list,
			 const json_t *o);
	int array_lines; /* a record may be a list too, not only an object */
	/* After the last line (may be NULL): the relations read are those
	 * from first_relation on. */
	int (*finish)(struct reader *rd, size_t first_relation);
	/*
	 * A format of text other than JSON (RDF, XML, CSV): how surely the
	 * text is of it, shown its first len bytes (at most RD_HEAD, past a
	 * byte-order mark and space); and the reading of the whole text
	 * (which need not end in a NUL). NULL: not a text format. The surest
	 * text format reads a text that does not begin as JSON does ('{' or
	 * '['), or one it is RD_SURE of.
	 */
	enum rd_sure (*sniff)(const char *head, size_t len);
	int (*read_text)(struct reader *rd, const char *data, size_t len);
	/* read_text may be handed only the beginning of a file, the rest to
	 * read from rd->rest as it goes: a text of a statement a line
	 * (N-Triples, N-Quads), which is then never held whole */
	int streams;
	/*
	 * The top-level keys of a JSON document that read takes (or knows
	 * to hold no graph: a viewport's zoom), NULL-terminated; read.c warns
	 * of every other key (SG_WUNREAD), so a new reader lists what it
	 * reads and no more. NULL: read accounts for every key itself (it
	 * rejects unknown ones, or makes attributes of them). Besides, read.c
	 * fails a document whose objects with two ends (source and target,
	 * from and to, ...: rd_tally) outnumber the relations read made of it:
	 * a reader need do nothing for that.
	 */
	const char *const *keys;
	/* A format that is only a mapping: its shape, as --shape's words
	 * (read_shape.c), which read reads by (read is then NULL). */
	const char *shape;
	/* A table: read_text takes the roles of its columns from
	 * rd->columns, which --shape's from=, to=, ... fill. */
	int columns;
};

/* The table's format i, in the order of the list of formats; NULL past
 * its end (for the test that runs every fixture through every detector). */
const struct rd_format *rd_format_at(size_t i);

extern const struct rd_format rd_native, rd_jsonl, rd_jgf, rd_node_link,
	rd_nx_adjacency, rd_nx_tree, rd_cytoscape, rd_mcp, rd_graphology,
	rd_graphlib, rd_ngraph, rd_vis, rd_elk, rd_g6, rd_canvas, rd_kumu,
	rd_arrows, rd_tgf, rd_langchain, rd_lightrag, rd_graphviz, rd_neo4j,
	rd_neo4j_driver, rd_graphson, rd_cx, rd_cx2, rd_sparql, rd_rdfjson, rd_jsonld,
	rd_graphml, rd_gexf, rd_csv, rd_tsv, rd_kgtk, rd_triples, rd_kggen,
	rd_llamaindex, rd_igraph, rd_wikidata, rd_ntriples, rd_turtle,
	rd_nquads, rd_trig, rd_dot;

/* ---- positions and the scanner (read_pos.c) ---- */

/* Where parent[key], or parent[index] when key is NULL, begins; the start
 * of the document when unknown. */
sg_loc rd_loc(struct reader *rd, const json_t *parent, const char *key,
	      size_t index);
/* Jansson's reading of the text from s to end; NULL with its error, placed
 * in the file. */
json_t *rd_parse(struct reader *rd, const struct scanner *s, const char *end);
/* The same, telling rd->tell how far it is: for a whole document. */
json_t *rd_parse_telling(struct reader *rd, const struct scanner *s);
/* The same for the one value at s, however much text follows it. */
json_t *rd_parse_first(struct reader *rd, const struct scanner *s);
/* The same, for an element of a long list standing at at, as a list of
 * one (rd_wrap), and without a key written twice rejected: rd_scan_past
 * finds it. Its values live until the next such parse in this thread
 * (see the scratch in read_pos.c): nothing may keep one, nor add to it,
 * and it is released with rd_element_done. */
json_t *rd_parse_element(struct reader *rd, const struct scanner *s,
			 struct pos at);
void rd_element_done(json_t *list);
/* Whether Jansson failed for want of memory: it says so, or, on most of
 * its allocation failures, leaves the error's text empty. */
int rd_jansson_nomem(const json_error_t *e);
/* Notes where everything inside v stands; its text starts at s. */
int rd_scan(struct reader *rd, struct scanner s, const json_t *v);
/* The same, and moves s past v; 1 where the text writes a key of an
 * object twice, which v holds once (rd_parse_element). */
int rd_scan_past(struct reader *rd, struct scanner *s, const json_t *v);
/* Notes that the one member of container c stands at at. */
int rd_place(struct reader *rd, const json_t *c, struct pos at);
/* Notes that the n members of object c stand at at[0..n): a piece of
 * another format than JSON (XML's data of a node) read as an object. An
 * object without members (n 0) stands at at[0]. */
int rd_place_members(struct reader *rd, const json_t *c, const struct pos *at,
		     size_t n);
/* A list of one element, v, standing at at: a piece of the input read as
 * an element of a list. NULL when out of memory. */
json_t *rd_wrap(struct reader *rd, json_t *v, struct pos at);
/* Forgets every position, keeping the memory. */
void rd_forget(struct reader *rd);
/* The start of a document's text, past a byte-order mark and space; notes
 * where it begins. */
struct scanner rd_start(struct reader *rd, const char *data, size_t len);
/* Moving through the text without judging it (Jansson does that): one
 * character; space; a string (-1 when the text ends inside it); one value
 * (-1 where none starts or the text ends inside it). */
void rd_step(struct scanner *s);
void rd_skip_space(struct scanner *s);
int rd_skip_string(struct scanner *s);
int rd_skip_value(struct scanner *s);
/* After a member or element: 1 when a comma leads to another, 0 when
 * closer ends them (and is passed), -1 when neither stands there. */
int rd_separator(struct scanner *s, char closer);

/* ---- errors and JSON shapes (read_util.c) ---- */

/* Records the error at hand (rd->error) among the graph's diagnostics and
 * clears it, so that reading can go on; -1 when it must stop. */
int rd_note(struct reader *rd);
/* Fails: out of memory. Here, so that read_pos.c, below the errors of
 * read_util.c, can say it too. */
static inline int rd_nomem(struct reader *rd)
{
	return sg_fail(rd->err, SG_ENOMEM, NULL, 0, 0, "out of memory");
}
/* Whether keys a and b are one: the first letters tell most keys apart,
 * and strcmp's call on each was a twentieth of reading a large graph. */
static inline int rd_same_key(const char *a, const char *b)
{
	return a[0] == b[0] && !strcmp(a, b);
}
/* Where at stands in the text rd reads: a text format's place, which
 * has no JSON value to find it by. */
static inline sg_loc rd_at(const struct reader *rd, struct pos at)
{
	return (sg_loc){ rd->file, at.line, at.column };
}
/* Fails with code at at, a place in the text rd reads; sg_fail's format
 * and arguments follow. */
#define rd_fail_at(rd, code, at, ...) \
	sg_fail((rd)->err, code, (rd)->file, (at).line, (at).column, \
		__VA_ARGS__)
/* Fails: the document is empty. */
int rd_empty(struct reader *rd);
/* Fails where data (of format, for the message) is not text: a NUL byte,
 * or what is not UTF-8. */
int rd_not_text(struct reader *rd, const char *data, size_t len,
		const char *format);
/* Fails: a document read as format lacks key (in where: "" or " in
 * 'graph'"), without which it is none. */
/* Whether the first element of the text head, past its prolog (the XML
 * declaration, comments, a DOCTYPE), is named root, with any prefix. */
int rd_xml_root_is(const char *head, size_t len, const char *root);
int rd_not_format(struct reader *rd, const char *key, const char *where,
		  const char *format);
/* Warns (SG_WUNREAD) that o[key] was not read, saying how many items it
 * holds and, when where is not NULL, in what it stands: "key 'x' (3
 * objects) in 'graph' was not read". */
int rd_unread(struct reader *rd, const json_t *o, const char *key,
	      const char *where);
/* The same for key = v standing at at (a pair of a list, not a member). */
int rd_unread_at(struct reader *rd, sg_loc at, const char *key,
		 const json_t *v, const char *where);
/* The same for each key of o that is not one of known (NULL-terminated):
 * a part of the input below the top level that a reader does not take. */
int rd_unread_keys(struct reader *rd, const json_t *o,
		   const char *const *known, const char *where);
/*
 * Drawing hints: how a tool drew the graph (positions, styles, drawing
 * operations), which the model has no place for (scograph lays out and
 * styles its own). The reading of a file notes them in rd->hints; once it
 * is read, read.c names them in one warning, each key with how many
 * values it had, at the first: "drawing hints were not read (...):
 * '_draw_' (12), 'pos' (7)".
 */
/* Notes o[key] (when o has it, and it holds something) as a hint. */
int rd_hint(struct reader *rd, const json_t *o, const char *key);
/* The same for n values of key, of which the first stands at at. */
int rd_hint_at(struct reader *rd, const char *key, size_t n, sg_loc at);
/* rd_hint for each of keys (NULL-terminated). */
int rd_hints_of(struct reader *rd, const json_t *o, const char *const *keys);
/*
 * Parts a format keeps that the model has no place for and that a file
 * holds many of (Wikidata's references and qualifiers, sitelinks, labels
 * in other languages): noted as hints are, by key, and named in one
 * warning of their own: "parts with no place in the model were not read:
 * 'references' (34), ...".
 */
int rd_aside_at(struct reader *rd, const char *key, size_t n, sg_loc at);
/* rd_other_keys, the keys of o among aside being parts aside. */
int rd_aside_keys(struct reader *rd, const json_t *o,
		  const char *const *known, const char *const *aside,
		  const char *where);
/* The warnings of hints and parts aside, which are forgotten. */
int rd_hints_warn(struct reader *rd);
/* rd_unread_keys, but a key of o among hints (NULL-terminated, or NULL)
 * is a hint. */
int rd_other_keys(struct reader *rd, const json_t *o,
		  const char *const *known, const char *const *hints,
		  const char *where);
/*
 * A format's wrappers of values (GraphSON's {"@type", "@value"}, the neo4j
 * driver's Integer {low, high}: see rd_unwrap) hold their own keys only:
 * read as the value they stand for, any other key of theirs would be
 * lost. Names each key but own (NULL-terminated) of every object in v
 * that wrapper takes for one (by its own keys, whatever else it holds),
 * as a key in what wrapper calls it ("g:Int64", "Integer"); wrapper
 * returns NULL for any other object.
 */
int rd_unread_wrapped(struct reader *rd, const json_t *v,
		      const char *(*wrapper)(const json_t *v),
		      const char *const *own);
/*
 * Elements a format writes more than once (an adjacency list's edge at
 * both its ends, a path's node at the end of one segment and the start
 * of the next): the first copy met is read, and each later one compared
 * with it. rd_copy notes o as the copy of key (*again 0), or, when key
 * has a copy already (*again 1), names what o holds beyond it, as
 * rd_same_copy does. Released by read.c once a file is read.
 */
int rd_copy(struct reader *rd, const char *key, const json_t *o,
	    const char *where, int *again);
void rd_copies_release(struct rd_copies *c);
/* The copy of key noted, or NULL. */
const json_t *rd_first_copy(struct reader *rd, const char *key);
/* Names each key of copy (in where, or NULL) that first lacks or holds
 * another value of (out of rd->unwrap's wrappers), and within objects
 * both hold, each of theirs: a copy of first that is not read. */
int rd_same_copy(struct reader *rd, const json_t *copy, const json_t *first,
		 const char *where);
/* "an object", "a string", ...: for messages; "nothing" for NULL. */
const char *rd_kind(const json_t *v);
/* Fails: the value of parent[key] (or [index]) is not of kind expected. */
int rd_wrong_kind(struct reader *rd, const json_t *parent, const char *key,
		  size_t index, const char *expected);
/* Reads the optional string obj[key] into *out (NULL when absent or empty);
 * a required one must be present and non-empty, else the error names what
 * (an "entity") and stands at parent[index], the object's own place. */
int rd_string(struct reader *rd, const json_t *obj, size_t index,
	      const json_t *parent, const char *key, int required,
	      const char *what, const char **out);
/* The same of v, obj[key] already looked up. */
int rd_string_of(struct reader *rd, const json_t *obj, size_t index,
		 const json_t *parent, const char *key, const json_t *v,
		 int required, const char *what, const char **out);
/* The object (array 0) or array (array 1) parent[key]; NULL with *failed 0
 * when absent, NULL with *failed 1 (and the error) when of another kind. */
const json_t *rd_container(struct reader *rd, const json_t *parent,
			   const char *key, int array, int *failed);
/* Reads each object of the list parent[key] with read_one; a bad element
 * is noted and skipped. */
int rd_list(struct reader *rd, const json_t *parent, const char *key,
	    int (*read_one)(struct reader *, const json_t *list, size_t i,
			    const json_t *o));
/* The same for the elements of list. */
int rd_items(struct reader *rd, const json_t *list,
	     int (*read_one)(struct reader *, const json_t *list, size_t i,
			     const json_t *o));
/* Rejects a key of obj that is not one of allowed, suggesting the closest;
 * what names obj in the message ("a type"). */
int rd_check_keys(struct reader *rd, const json_t *obj,
		  const char *const *allowed, size_t nallowed,
		  const char *what);
/* v with every wrapper inside it unwrapped: a new reference, NULL when out
 * of memory. */
json_t *rd_plain(const json_t *v, rd_unwrap *unwrap);
/* Whether key is one of the nknown of known. */
int rd_known(const char *key, const char *const *known, size_t nknown);
/*
 * Adds the keys of o outside known to attrs (zeroed at first), as
 * attributes: values in compact JSON, unwrapped with rd->unwrap. Release
 * with rd_attrs_release.
 */
int rd_attrs(struct reader *rd, const json_t *o, const char *const *known,
	     size_t nknown, sg_attrs *attrs);
void rd_attrs_release(sg_attrs *attrs);
/* Adds value (whose reference it takes) to attrs[key]: a second value
 * makes an array, a value already there is dropped; -1 when out of
 * memory. */
int rd_add_value(json_t *attrs, const char *key, json_t *value);
/* Adds the one attribute key (which must outlive attrs) = v, unwrapped
 * with rd->unwrap. */
int rd_attr(struct reader *rd, sg_attrs *attrs, const char *key,
	    const json_t *v);
/* v as compact JSON, to free; NULL when out of memory. */
char *rd_dumps(const json_t *v);
/* The first element of the list doc[key], or NULL: what detection sees. */
const json_t *rd_first(const json_t *doc, const char *key);
/* Reads the whole file at path ("-": standard input) into data (empty),
 * telling tell how much came (SG_STAGE_READ). */
int rd_slurp(const char *path, sg_buf *data, sg_teller *tell, sg_error *err);
/* The file at path ("-": standard input) opened for reading, its size into
 * *size (0 where it has none: a pipe); -1 with the error. */
int rd_open(const char *path, size_t *size, sg_error *err);
/* Appends to data at least want bytes more of fd (of size bytes, 0 when
 * not known), the file name, telling tell how much data holds: 0 when
 * they came, 1 when the file ended first, -1 with the error. */
int rd_read_fd(int fd, const char *name, size_t size, sg_buf *data,
	       size_t want, sg_teller *tell, sg_error *err);

/* ---- shapes (read_shape.c) ---- */

/*
 * A shape (sg_shape, --shape): where a document keeps its lists of nodes
 * and of edges, and where in each element its id, name, type, ends ...
 * are. A path is JSON Pointer ("/graph/nodes") or dotted ("graph.nodes"),
 * "*" each element or member; alternatives "a|b", the first present wins.
 */
struct rd_steps {
	char **parts;
	size_t n, alloc;
};
struct rd_path {
	struct rd_steps *alt;
	size_t nalt, aalt;
};
enum rd_role {
	RD_ID, RD_NAME, RD_TYPE, RD_DESCRIPTION, RD_PARENT, RD_CHILDREN,
	RD_ATTRS, RD_FROM, RD_TO, RD_LABEL, RD_BOXES, RD_DIRECTION, RD_NROLES
};
struct rd_shape_list {
	int edges;        /* a list of edges, not of nodes */
	char *at_text;    /* where it is, as given */
	int at_spot;      /* the column it was given at */
	struct rd_path at;
	struct rd_path role[RD_NROLES];
	int has[RD_NROLES];
	/* nodes: the type whose boxes hold the nodes placed inside them
	 * (JSON Canvas's groups); NULL: none */
	char *boxes;
};
struct sg_shape {
	struct rd_shape_list *lists;
	size_t n, alloc;
	struct rd_path title, description;
	/* a boolean, false when the document's edges have no direction
	 * (graphlib's options.directed) */
	struct rd_path directed;
	char *skip; /* top-level keys that hold no graph, comma-separated */
	/* a table's columns (from=, to=, ... before any list; strings the
	 * shape's): a CSV, TSV or KGTK text is read by them */
	struct rd_columns columns;
	int has_columns;
};

/* A shape from words ("nodes=... edges=... from=... to=...") or a shape
 * file's JSON, text[0, len), standing in name; NULL with the error. */
sg_shape *rd_shape_parse(const char *text, size_t len, const char *name,
			 sg_error *err);
/* Reads doc by the shape s; a list of documents, each. */
int rd_read_shape(struct reader *rd, const sg_shape *s, const json_t *doc);
/* Whether s reads the top-level key. */
int rd_shape_keys(const sg_shape *s, const char *key);
/* A shape guessed from doc's keys, as a --shape option ready to paste
 * ("--shape 'nodes=... edges=...'"), into b: 1 when it found a list of
 * edges or of nested nodes, 0 when none, -1 out of memory. */
int rd_guess_shape(const json_t *doc, sg_buf *b);
/* What doc holds, for a message: its keys, with what each holds and the
 * keys of the first element of each list, into b; -1 out of memory. */
int rd_describe(const json_t *doc, sg_buf *b);

/* ---- scograph's own format (read_native.c) ---- */

/* Native objects: an entity or relation, list[i]; a document's members. */
int rd_entity(struct reader *rd, const json_t *list, size_t i,
	      const json_t *o);
int rd_relation(struct reader *rd, const json_t *list, size_t i,
		const json_t *o);
int rd_members(struct reader *rd, const json_t *root);
/* Reads root's "types" (or, with relation, "relation_types") section. */
int rd_types(struct reader *rd, const json_t *root, int relation);
/* The value of o[key] as a Graphviz attribute's: a string, or, when numeric,
 * a number too (written as text, interned in the graph). */
int rd_style_value(struct reader *rd, const json_t *o, const char *key,
		   int numeric, const char **out);
/* Fails: value, parent[key] (or a colour at parent[index]), holds ", <, >
 * or &, which no Graphviz attribute of a style needs. */
int rd_no_markup(struct reader *rd, const json_t *parent, const char *key,
		 size_t index, const char *value);

/* ---- other formats' nodes and edges (read_elements.c) ---- */

/*
 * A foreign node or edge: its own object, and the object of attributes it
 * carries (JGF's metadata, Graphology's attributes), either of which may be
 * NULL. The keys that name a field scograph knows are looked up in both,
 * first found first; every other key but the used ones becomes an
 * attribute.
 */
#define RD_MAX_USED 32
struct fields {
	const json_t *o, *more;
	const char *used[RD_MAX_USED];
	size_t nused;
	/* used[i] is a key of more, not of o: the same key in the other is
	 * still the element's */
	unsigned char in_more[RD_MAX_USED];
};

/* An attribute's key, renamed KEY_ where it names a field of scograph's
 * own entities (or with relation, relations) that it is not: written back
 * as KEY, it would be read as that field. NULL when out of memory. */
const char *rd_own_key(struct reader *rd, const char *key, int relation);
/* Adds the keys of f's objects but the used ones to attrs, those of an
 * entity's (or with relation, a relation's) own fields renamed KEY_. */
int rd_collect(struct reader *rd, struct fields *f, int relation,
	       sg_attrs *attrs);
/* An id as text: a string as it is, an integer in decimal (networkx and
 * Graphviz number their nodes), a list in compact JSON (networkx's tuples)
 * when it fits in size; NULL for anything else. */
const char *rd_id_text(const json_t *v, char *buf, size_t size);
/* Fails: o[key] is no id; o stands at at. */
int rd_bad_id(struct reader *rd, const json_t *o, const char *key,
	      const char *what, sg_loc at);
/* Adds the entity id made of f; name, when given, overrides f's. */
int rd_add_node(struct reader *rd, const char *id, const char *name,
		struct fields *f, sg_loc loc);
/*
 * What a format (a shape) says outright of an element, over what its keys
 * say: a field said (X_said) is that value, even NULL; one not said is
 * found among the element's keys as every format finds it. For a
 * relation, name is its label; parent and description are an entity's.
 */
struct rd_said {
	const char *id, *name, *type, *description, *parent;
	int id_said, name_said, type_said, description_said, parent_said;
	/* an edge's own direction (a shape's direction=), over its
	 * "directed" and "undirected" keys and the document's */
	int direction_said, undirected;
};
int rd_add_entity(struct reader *rd, const char *id,
		  const struct rd_said *said, struct fields *f, sg_loc loc);
/* Adds the relation made of f, whose endpoints are f->o[from_key] and
 * f->o[to_key]; where the format names no type, it is SG_UNTYPED. Its id
 * is f->o's "id" or "key", unless used. It has a
 * direction as the edge's "directed" or "undirected" says, else as
 * rd->undirected does. */
int rd_add_edge(struct reader *rd, struct fields *f, const char *from_key,
		const char *to_key, const char *from, const char *to,
		sg_loc loc);
/* Adds rel, whose ends, id, direction and places the format has set, with
 * the type, label and evidence f names where rel has none (SG_UNTYPED
 * where neither does), and f's other keys as its attributes: for a format
 * whose edges are not JSON objects (XML). */
int rd_add_relation(struct reader *rd, struct fields *f, sg_relation *rel,
		    const sg_places *at);
/* The name of a property graph's node (Neo4j's, TinkerPop's), whose
 * properties are f->o: its "name", else its "title" property, noted as
 * used; NULL when it has neither. */
const char *rd_property_name(struct fields *f);
/* rd_add_edge, with what the format says outright (id, type, name,
 * direction). */
int rd_add_said_edge(struct reader *rd, struct fields *f,
		     const char *from_key, const char *to_key,
		     const char *from, const char *to,
		     const struct rd_said *said, sg_loc loc);
/* Reads edge f->o, whose endpoints are its members from_key and to_key. */
int rd_read_edge(struct reader *rd, struct fields *f, const char *from_key,
		 const char *to_key, sg_loc loc);
/* Notes a bad element and goes on, as rd_list does; -1 to stop. */
int rd_element(struct reader *rd, int failed);
/* The graph's title from o[key], when that is a string. */
int rd_set_title(struct reader *rd, const json_t *o, const char *key);
/*
 * Reads the graph's own attributes, parent[key] (or with key NULL, parent
 * itself), an object or a list of [name, value] pairs: its title_key the
 * title, its "description" the description.
 * The model keeps no other attribute of a graph, so every other key but
 * the known ones (NULL-terminated, or NULL: what the format reads there
 * itself) is named unread.
 */
int rd_graph_attrs(struct reader *rd, const json_t *parent, const char *key,
		   const char *title_key, const char *const *known);
/* An object f->more = f->o[key], or NULL; -1 when it is something else. */
int rd_attributes(struct reader *rd, struct fields *f, const char *key);
/* Reads the list nodes (may be NULL): objects whose id is their member
 * id_key, and whose other keys, and those of their object attrs_key (when
 * not NULL), are the entity's. */
int rd_nodes(struct reader *rd, const json_t *nodes, const char *id_key,
	     const char *attrs_key);
/*
 * What read.c checks after a reader (see struct rd_format's keys): the
 * objects in lists anywhere in a document that hold a relation's two ends
 * ("source" and "target", "from" and "to", ...), counted once each; with
 * distinct, one listed again with the same id and ends is counted once.
 * Zeroed at first; release with rd_tally_release.
 */
struct rd_tally {
	size_t n;
	sg_loc first;           /* where the first stands */
	const char *from, *to;  /* and the keys of its ends */
	int distinct;
	sg_map seen;            /* with distinct: the keys counted */
	char **keys;
	size_t nkeys, akeys;
};
int rd_tally(struct reader *rd, struct rd_tally *t, const json_t *v);
void rd_tally_release(struct rd_tally *t);
/* Fails: t counted more edges than reading them as format made (made);
 * shape, when not NULL, is a --shape option that would read them. */
int rd_lost_relations(struct reader *rd, const struct rd_tally *t,
		      const char *format, size_t made, const char *shape);
/* Whether o holds a relation's two ends, and their keys. */
int rd_ends(const json_t *o, const char **from, const char **to);

/* Reads the list edges (may be NULL): objects with "source" and "target",
 * whose keys but skip, and those of their object attrs_key (JGF's metadata,
 * Graphology's attributes), are the relation's. */
int rd_edges(struct reader *rd, const json_t *edges, const char *attrs_key,
	     const char *const *skip, size_t nskip);

#endif
