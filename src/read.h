/* Between the readers (src/read*.c): the only files that know Jansson. */
#ifndef SG_READ_H
#define SG_READ_H

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
};

struct scanner {
	const char *p, *end;
	int line, column; /* column: characters already passed on this line */
	struct positions *ps;
};

struct reader {
	sg_graph *g;
	const char *file; /* interned */
	struct positions ps;
	int root_line, root_column; /* where the document begins */
	sg_error *err;  /* where the functions below put an error */
	sg_error error; /* err, while reading: noted in the graph and cleared */
};

/* Records the error at hand (rd->error) among the graph's diagnostics and
 * clears it, so that reading can go on; -1 when it must stop. */
int rd_note(struct reader *rd);
int rd_nomem(struct reader *rd);

/* Where parent[key], or parent[index] when key is NULL, begins; the start
 * of the document when unknown. */
sg_loc rd_loc(const struct reader *rd, const json_t *parent, const char *key,
	      size_t index);
/* "an object", "a string", ...: for messages. */
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
/* The object (array 0) or array (array 1) parent[key]; NULL with *failed 0
 * when absent, NULL with *failed 1 (and the error) when of another kind. */
const json_t *rd_container(struct reader *rd, const json_t *parent,
			   const char *key, int array, int *failed);
/* Reads each object of the list parent[key] with read_one; a bad element
 * is noted and skipped. */
int rd_list(struct reader *rd, const json_t *parent, const char *key,
	    int (*read_one)(struct reader *, const json_t *list, size_t i,
			    const json_t *o));
/* Jansson's reading of the text from s to end; NULL with its error, placed
 * in the file. */
json_t *rd_parse(struct reader *rd, const struct scanner *s, const char *end);
/* Notes where everything inside v stands; its text starts at s. */
int rd_scan(struct reader *rd, struct scanner s, const json_t *v);
/* A list of one element, v, standing at at: a piece of the input read as
 * an element of a list. NULL when out of memory. */
json_t *rd_wrap(struct reader *rd, json_t *v, struct pos at);
/* The start of a document's text, past a byte-order mark and space; notes
 * where it begins. */
struct scanner rd_start(struct reader *rd, const char *data, size_t len);
/* Fails: the document is empty. */
int rd_empty(struct reader *rd);
/* Appends the whole file at path ("-": standard input) to data. */
int rd_slurp(const char *path, sg_buf *data, sg_error *err);
/* Rejects a key of obj that is not one of allowed, suggesting the closest;
 * what names obj in the message ("a type"). */
int rd_check_keys(struct reader *rd, const json_t *obj,
		  const char *const *allowed, size_t nallowed,
		  const char *what);
/* The value of o[key] as a Graphviz attribute's: a string, or, when numeric,
 * a number too (written as text, interned in the graph). */
int rd_style_value(struct reader *rd, const json_t *o, const char *key,
		   int numeric, const char **out);
/* Fails: value, parent[key] (or a colour at parent[index]), holds ", <, >
 * or &, which no Graphviz attribute of a style needs. */
int rd_no_markup(struct reader *rd, const json_t *parent, const char *key,
		 size_t index, const char *value);
/* Reads root's "types" (or, with relation, "relation_types") section. */
int rd_types(struct reader *rd, const json_t *root, int relation);
/* Forgets every position, keeping the memory. */
void rd_forget(struct reader *rd);

/*
 * Adds the keys of o outside known to attrs (zeroed at first), as
 * attributes: values in compact JSON. Release with rd_attrs_release.
 */
int rd_attrs(struct reader *rd, const json_t *o, const char *const *known,
	     size_t nknown, sg_attrs *attrs);
void rd_attrs_release(sg_attrs *attrs);

/* Native objects: an entity or relation, list[i]; a document's members. */
int rd_entity(struct reader *rd, const json_t *list, size_t i,
	      const json_t *o);
int rd_relation(struct reader *rd, const json_t *list, size_t i,
		const json_t *o);
int rd_members(struct reader *rd, const json_t *root);

/* The formats other than native JSON (read_formats.c). */
enum rd_format {
	RD_NATIVE, RD_JSONL, RD_JGF, RD_NODE_LINK, RD_CYTOSCAPE, RD_MCP,
	RD_GRAPHOLOGY, RD_GRAPHVIZ
};
/* The format's name ("native", "jgf", ...), and back: -1 when unknown. */
const char *rd_format_name(enum rd_format f);
int rd_format_named(const char *name);
/* Reads root, a whole document of format f (not native). */
int rd_foreign(struct reader *rd, enum rd_format f, const json_t *root);
/* Tells a JSON document's format from its top-level keys; -1 with the error
 * when they belong to none, or to several. */
int rd_detect(struct reader *rd, const json_t *keys);
/* Reads JSON Lines: native entities and relations, or MCP memory records. */
int rd_lines(struct reader *rd, const char *data, size_t len, int format);

#endif
