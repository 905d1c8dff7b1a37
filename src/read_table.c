/*
 * Tables of text: CSV and TSV with a header (RFC 4180 quoting, through
 * libcsv), and KGTK's TSV (no quoting: its values escape with '\').
 *
 * The header names the columns' roles (struct rd_columns): a table with a
 * from and a to column is an edge list, a row a relation between entities
 * named by those cells; one with an id or name column and neither end is a
 * node list, a row an entity, so that a nodes file and an edges file read
 * together make one graph (Gephi, Neo4j's import, KGTK write them so).
 * Every other column is an attribute: a cell that is a JSON number is
 * that number, any other the text; an empty cell is no value. A column
 * without a name is not read, with a warning.
 *
 * libcsv gives no positions, so the text is handed to it in pieces that
 * end at a delimiter or a line's end: a field can end only there, so the
 * place after the piece in which one ended is where the next begins.
 */
#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read.h"

enum table_kind { TABLE_CSV, TABLE_TSV, TABLE_KGTK };

enum role {
	ROLE_ATTR,  /* an attribute */
	ROLE_FROM,
	ROLE_TO,
	ROLE_TYPE,  /* a relation's type, a node's */
	ROLE_LABEL, /* a relation's label, beside its type */
	ROLE_ID,    /* a relation's own id, a node's */
	ROLE_NAME,  /* a node's name */
	ROLE_LABELS, /* Neo4j's labels (":A:B"): a node's type, the first */
	ROLE_NONE,  /* a column without a name: not read */
	NROLES
};

/* The usual names of each role, as writers of tables name them: the first
 * column a list names takes the role. networkx and igraph write
 * source/target, R's igraph from/to, PyKEEN head/relation/tail, DGL and
 * PyG src/dst, KGTK node1/label/node2, Neo4j's import :START_ID/:END_ID,
 * Pathway Commons' extended SIF PARTICIPANT_A/INTERACTION_TYPE/
 * PARTICIPANT_B, Cytoscape's tables interaction. */
static const char *const from_names[] = {
	"source", "from", "subject", "head", "src", "start", "node1",
	"source_id", "from_id", "start_id", ":start_id", "participant_a", NULL
};
static const char *const to_names[] = {
	"target", "to", "object", "tail", "dst", "end", "node2", "target_id",
	"to_id", "end_id", ":end_id", "participant_b", NULL
};
static const char *const type_names[] = {
	"type", "relation", "relationship", "predicate", "relation_type",
	"edge_type", "relationship_type", "rel", ":type", "interaction_type",
	"interaction", "label", NULL
};
/* (igraph's data frames: "vertex ID", "edge ID") */
static const char *const id_names[] = {
	"id", "key", "edge_id", "edge id", "relation_id", ":id", "node",
	"node_id", "vertex id", NULL
};
/* a node list's */
static const char *const node_type_names[] = {
	"type", "category", "kind", "class", "group", ":label", NULL
};
static const char *const name_names[] = { "name", "label", "title", NULL };
/* KGTK's own names and their aliases (its "source" is provenance) */
static const char *const kgtk_from_names[] = { "node1", "from", "subject",
					       NULL };
static const char *const kgtk_to_names[] = { "node2", "to", "object", NULL };
static const char *const kgtk_type_names[] = { "label", "predicate",
	"relation", "relationship", NULL };
static const char *const kgtk_id_names[] = { "id", NULL };

/* A column of the header. */
struct column {
	const char *name; /* interned, trimmed */
	/* as an attribute of an entity [0] and of a relation [1]: the
	 * name, or NAME_ where it is one of scograph's own fields (APOC's
	 * table has rows of both) */
	const char *key[2];
	enum role role;
	struct pos at;
};

struct table {
	struct reader *rd;
	enum table_kind kind;
	char delim;
	struct csv_parser parser;
	const char *data, *end;
	struct pos here;     /* the next byte to parse; column 1-based */
	struct pos field_at; /* where the field being read began */
	int fired, in_field, ended; /* in the piece just parsed */
	/* the row being read: its fields' text one after the other, each
	 * ending in a NUL, and where each begins in text and in the input */
	sg_buf text;
	size_t *off, aoff;
	struct pos *at;
	size_t n, aat;
	/* the header, once read */
	struct column *cols;
	size_t ncols;
	int role[NROLES]; /* the column of each role; -1: none */
	int header_done, nodes, failed;
	/* Neo4j APOC's export.csv: nodes and relationships in one table,
	 * a row one or the other */
	int mixed;
	/* Cytoscape's edge table: an edge's ends only in its name, "SOURCE
	 * (INTERACTION) TARGET" */
	int cytoscape;
	int kgtk_comment; /* KGTK: inside a comment line */
	sg_buf scratch;
	/* KGTK: literal values gathered for each node (an edge to a number
	 * or a string is a value of its node1), added once all is read */
	sg_map gathered;
	struct gathered {
		const char *id, *name;
		json_t *attrs, *aliases;
		sg_loc loc;
	} *nodes_seen;
	size_t ngathered, agathered;
	/* KGTK: the relations read so far (this file's and those before it)
	 * by id, and the qualifiers of each (edges whose node1 is an edge's
	 * id), added as its attributes once all is read */
	sg_map edge_ids, qualified;
	int edge_ids_built;
	struct qualifiers {
		uint32_t relation;
		json_t *attrs;
		sg_loc loc;
	} *quals;
	size_t nquals, aquals;
	/* KGTK: the line of each row's id (interned), the last where an id
	 * is given twice, looked at once the header is read: a qualifier
	 * may come before the edge it qualifies. Such qualifiers wait for
	 * their edge, by its id (the first waiting; each, the next). */
	sg_map id_lines, waiting;
	int ids_read;
	struct wait {
		char *label, *node2;
		struct pos at;
		size_t next; /* SIZE_MAX: none */
	} *waits;
	size_t nwaits, awaits;
};

/* The text of field i of the row. */
static const char *field(const struct table *t, size_t i)
{
	return t->text.buf + t->off[i];
}

static int add_field(struct table *t, const char *s, size_t len)
{
	if (SG_GROW(t->off, t->n + 1, t->aoff) ||
	    SG_GROW(t->at, t->n + 1, t->aat) ||
	    (t->off[t->n] = t->text.len, 0) || sg_buf_add(&t->text, s, len) ||
	    sg_buf_add(&t->text, "", 1)) {
		t->failed = 1;
		return -1;
	}
	t->at[t->n++] = t->field_at;
	return 0;
}

static void on_field(void *s, size_t len, void *data)
{
	struct table *t = data;

	t->fired = 1;
	if (!t->failed)
		add_field(t, s ? s : "", len);
}

static void on_row(int c, void *data)
{
	(void)c;
	((struct table *)data)->ended = 1;
}

/* Spaces are a field's own (RFC 4180), and a tab is TSV's delimiter. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/*
 * The delimiter of a table of kind, whose text begins at head: TSV's and
 * KGTK's a tab; CSV's a comma, or a semicolon where the header holds more
 * of them than of commas, as Excel writes CSV where a comma is a decimal
 * point (most of Europe). Quoted names are not looked into.
 */
static char delimiter(const char *head, size_t len, enum table_kind kind)
{
	size_t commas = 0, semicolons = 0;
	int quoted = 0;

	if (kind != TABLE_CSV)
		return '\t';
	for (size_t i = 0; i < len && (quoted || !strchr("\n\r", head[i]));
	     i++) {
		quoted ^= head[i] == '"';
		commas += !quoted && head[i] == ',';
		semicolons += !quoted && head[i] == ';';
	}
	return semicolons > commas ? ';' : ',';
}

/* ---- the header ---- */

/* Whether name is one of names (NULL-ended), ignoring case. */
static int named(const char *name, const char *const *names)
{
	for (size_t i = 0; names[i]; i++)
		if (!strcasecmp(name, names[i]))
			return 1;
	return 0;
}

/* The column that takes a role: the one given (by --shape), else the
 * first the list of usual names names; -1 when none does. */
static int find_role(const struct table *t, const char *given,
		     const char *const *names)
{
	for (size_t k = 0; given ? k < 1 : names[k] != NULL; k++)
		for (size_t i = 0; i < t->ncols; i++)
			if (t->cols[i].role == ROLE_ATTR &&
			    !strcasecmp(t->cols[i].name, given ? given :
								 names[k]))
				return (int)i;
	return -1;
}

/* The header's first few columns' names, quoted, into b. */
static void header_names(sg_buf *b, const struct table *t)
{
	for (size_t i = 0; i < t->ncols && i < 6; i++)
		sg_buf_addf(b, "%s'%s'", i ? ", " : "", t->cols[i].name);
	if (t->ncols > 6)
		sg_buf_adds(b, "...");
}

/* Fails: the header has no column given, which --shape names. */
static int no_column(struct table *t, const char *given)
{
	sg_buf b = SG_BUF_INIT;
	const char *near = NULL;
	size_t least = 3, d;
	int r;

	for (size_t i = 0; i < t->ncols; i++)
		if ((d = sg_distance(given, t->cols[i].name, 2)) < least) {
			least = d;
			near = t->cols[i].name;
		}
	header_names(&b, t);
	if (near)
		sg_buf_addf(&b, "; did you mean '%s'?", near);
	r = rd_fail_at(t->rd, SG_EMISSING, t->at[0], "the header has no "
		       "column '%s': it has %s", given, sg_buf_str(&b));
	sg_buf_release(&b);
	return r;
}

static int take_role(struct table *t, enum role role, const char *given,
		     const char *const *names)
{
	int i = find_role(t, given, names);

	t->role[role] = i;
	if (i >= 0)
		t->cols[i].role = role;
	else if (given)
		return no_column(t, given);
	return 0;
}

/* The first few of names, for a message that must stay short. */
static void list_names(sg_buf *b, const char *const *names)
{
	for (size_t i = 0; names[i] && i < 5; i++)
		sg_buf_addf(b, "%s%s", i ? ", " : "", names[i]);
	sg_buf_adds(b, "...");
}

/* Whether the header is a row, as in an edge list written without one:
 * its first field begins one of the next lines too, where a header names
 * its columns once. */
static int header_is_row(const struct table *t)
{
	const char *name = t->cols[0].name, *p = t->data;
	size_t n = strlen(name);

	for (int line = 0; *name && line < 100 &&
			   (p = memchr(p, '\n', (size_t)(t->end - p))) &&
			   ++p < t->end;
	     line++)
		if ((size_t)(t->end - p) > n && !memcmp(p, name, n) &&
		    p[n] == t->delim)
			return 1;
	return 0;
}

/* Fails: the header names no role scograph can read a row by. */
static int no_roles(struct table *t)
{
	sg_buf b = SG_BUF_INIT;
	/* the ends guessed: the first two columns but one named a type
	 * (subject, predicate, object) */
	int type = find_role(t, NULL, type_names), ends[2] = { 0, 0 }, r;

	for (int i = 0, k = 0; k < 2 && i < (int)t->ncols; i++)
		if (i != type)
			ends[k++] = i;

	if (header_is_row(t))
		return rd_fail_at(t->rd, SG_ESHAPE, t->at[0], "the first "
				  "line is a row, not a header ('%s' begins "
				  "a later line too): give the file a header "
				  "line naming its columns, such as %s",
				  t->cols[0].name, t->ncols == 3 ?
				  "subject, predicate, object" :
				  "source, target, ...");
	header_names(&b, t);
	sg_buf_adds(&b, "; a source is a column named ");
	list_names(&b, from_names);
	sg_buf_adds(&b, " (a target: ");
	list_names(&b, to_names);
	sg_buf_addf(&b, "; a list of nodes: id or name); or say which: "
		    "--shape 'from=%s to=%s'", t->cols[ends[0]].name,
		    t->cols[ends[1]].name);
	r = rd_fail_at(t->rd, SG_ESHAPE, t->at[0], "no column names a "
		       "relation's ends: the header has %s", sg_buf_str(&b));
	sg_buf_release(&b);
	return r;
}

static int attr_keys(struct table *t);

/* APOC's columns: the nodes' and the relationships' own. */
static const char *const apoc_columns[] = { "_id", "_labels", "_start",
	"_end", "_type" };

static int apoc(const struct table *t)
{
	for (size_t k = 0; k < SG_ARRAY_SIZE(apoc_columns); k++)
		if (find_role(t, apoc_columns[k], NULL) < 0)
			return 0;
	return 1;
}

static int apoc_roles(struct table *t)
{
	static const enum role roles[] = { ROLE_ID, ROLE_LABELS, ROLE_FROM,
					   ROLE_TO, ROLE_TYPE };

	for (size_t k = 0; k < SG_ARRAY_SIZE(roles); k++)
		(void)take_role(t, roles[k], apoc_columns[k], NULL);
	/* (a node's name is a property of it, beside the others) */
	(void)take_role(t, ROLE_NAME, NULL, (const char *const[]){ "name",
								   NULL });
	return attr_keys(t);
}

static int header(struct table *t)
{
	const struct rd_columns *c = &t->rd->columns;
	struct reader *rd = t->rd;
	int kgtk = t->kind == TABLE_KGTK;

	t->header_done = 1;
	if (!(t->cols = calloc(t->n, sizeof(*t->cols))))
		return rd_nomem(rd);
	t->ncols = t->n;
	for (size_t i = 0; i < t->n; i++) {
		const char *s = field(t, i), *e = s + strlen(s);
		struct column *col = &t->cols[i];

		while (*s == ' ')
			s++;
		while (e > s && e[-1] == ' ')
			e--;
		sg_buf_reset(&t->scratch);
		if (sg_buf_add(&t->scratch, s, (size_t)(e - s)) ||
		    !(col->name = sg_graph_intern(rd->g,
						  sg_buf_str(&t->scratch))))
			return rd_nomem(rd);
		col->at = t->at[i];
		col->role = *col->name ? ROLE_ATTR : ROLE_NONE;
		for (size_t k = 0; k < i; k++)
			if (*col->name && !strcmp(t->cols[k].name, col->name))
				return rd_fail_at(rd, SG_ECONFLICT, col->at,
						  "column '%s' is named again "
						  "(column %zu)", col->name,
						  k + 1);
	}
	t->mixed = !kgtk && !c->from && !c->to && apoc(t);
	if (t->mixed)
		return apoc_roles(t);
	if (take_role(t, ROLE_FROM, c->from, kgtk ? kgtk_from_names :
						    from_names) ||
	    take_role(t, ROLE_TO, c->to, kgtk ? kgtk_to_names : to_names))
		return -1;
	t->nodes = t->role[ROLE_FROM] < 0 && t->role[ROLE_TO] < 0;
	if (!t->nodes && (t->role[ROLE_FROM] < 0 || t->role[ROLE_TO] < 0))
		return no_roles(t);
	if (take_role(t, ROLE_ID, c->id, kgtk ? kgtk_id_names : id_names) ||
	    take_role(t, ROLE_TYPE, c->type,
		      t->nodes ? node_type_names :
		      kgtk ? kgtk_type_names : type_names) ||
	    take_role(t, t->nodes ? ROLE_NAME : ROLE_LABEL, c->name,
		      t->nodes ? name_names : (const char *const[]){
			      "label", NULL }))
		return -1;
	if (t->nodes && t->role[ROLE_ID] < 0 && t->role[ROLE_NAME] < 0)
		return no_roles(t);
	if (t->nodes && !kgtk && !c->id && !c->name && !c->type &&
	    t->role[ROLE_NAME] >= 0 && find_role(t, "interaction", NULL) >= 0 &&
	    find_role(t, "shared interaction", NULL) >= 0) {
		t->cytoscape = 1;
		t->nodes = 0;
		(void)take_role(t, ROLE_TYPE, "interaction", NULL);
	}
	return attr_keys(t);
}

/* The attribute columns' keys; a column without a name warned of. */
static int attr_keys(struct table *t)
{
	struct reader *rd = t->rd;

	for (size_t i = 0; i < t->ncols; i++) {
		struct column *col = &t->cols[i];

		if (col->role == ROLE_NONE &&
		    sg_graph_warn(rd->g, SG_WUNREAD, rd_at(t->rd, col->at),
				  "column %zu has no name: its values were "
				  "not read", i + 1))
			return -1;
		if (col->role == ROLE_ATTR &&
		    (!(col->key[0] = rd_own_key(rd, col->name, 0)) ||
		     !(col->key[1] = rd_own_key(rd, col->name, 1))))
			return rd_nomem(rd);
	}
	return 0;
}

/* ---- values ---- */

/* Whether s is a number as JSON writes one. */
static int is_number(const char *s)
{
	s += *s == '-';
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		if (!(*++s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		s += *s == '+' || *s == '-';
		if (!(*s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return !*s;
}

/* KGTK: the text a value stands for: a string's ("..." with escapes, or
 * 'text'@lang) without its quotes, anything else as written. Into b. */
static int kgtk_text(sg_buf *b, const char *s)
{
	const char *end = s + strlen(s), *close;
	char quote = *s;

	sg_buf_reset(b);
	if ((quote != '"' && quote != '\'') ||
	    !(close = strrchr(s + 1, quote)) ||
	    (close[1] && (quote == '"' || close[1] != '@')))
		return sg_buf_add(b, s, (size_t)(end - s));
	for (s++; s < close; s++) {
		static const char from[] = "tnr", to[] = "\t\n\r";
		const char *esc;

		if (*s == '\\' && s + 1 < close) {
			s++;
			esc = strchr(from, *s);
			if (sg_buf_add(b, esc && *s ? &to[esc - from] : s, 1))
				return -1;
		} else if (sg_buf_add(b, s, 1)) {
			return -1;
		}
	}
	return 0;
}

/* KGTK: whether a value is a literal (a number, string, date, place...),
 * not a node's symbol. */
static int kgtk_literal(const char *s)
{
	return *s && strchr("0123456789+-.\"^@'!", *s) != NULL;
}

/* KGTK: whether an edge's node2 is a value of its node1, not a node: a
 * number, a date, a place, a language's text; a string ("...") where it
 * is a name (label), as KGTK's own examples name nodes by strings. */
static int kgtk_value(const char *label, const char *node2)
{
	return kgtk_literal(node2) &&
	       (*node2 != '"' || !strcmp(label, "label"));
}

/* One value as JSON, appended to b. */
static int one_value(const struct table *t, sg_buf *b, const char *s)
{
	sg_buf text = SG_BUF_INIT;
	int r;

	if (is_number(s))
		return sg_buf_adds(b, s);
	if (t->kind != TABLE_KGTK || !kgtk_literal(s))
		return sg_buf_add_json(b, s);
	r = kgtk_text(&text, s) || sg_buf_add_json(b, sg_buf_str(&text));
	sg_buf_release(&text);
	return r;
}

/* The cell s as an attribute's value (JSON text), appended to b with its
 * NUL; KGTK's lists (values between unescaped '|') an array. */
static int value_json(const struct table *t, sg_buf *b, const char *s)
{
	sg_buf one = SG_BUF_INIT;
	const char *p = s;
	int r = 0, list = 0;

	while (t->kind == TABLE_KGTK && *p && !list) {
		list = *p == '|';
		p += *p == '\\' && p[1] ? 2 : 1;
	}
	if (!list)
		return one_value(t, b, s) || sg_buf_add(b, "", 1);
	r = sg_buf_adds(b, "[");
	for (p = s; !r; p++) {
		if (*p && *p != '|') {
			r = sg_buf_add(&one, p, *p == '\\' && p[1] ? 2 : 1);
			p += *p == '\\' && p[1];
			continue;
		}
		r = one_value(t, b, sg_buf_str(&one)) ||
		    sg_buf_adds(b, *p ? "," : "]");
		sg_buf_reset(&one);
		if (!*p)
			break;
	}
	sg_buf_release(&one);
	return r || sg_buf_add(b, "", 1);
}

/* The attributes of the row, an entity's or (relation) a relation's: its
 * attribute columns' non-empty cells. */
static int row_attrs(struct table *t, int relation, sg_attrs *attrs)
{
	size_t start = 0;

	sg_buf_reset(&t->scratch);
	for (size_t i = 0; i < t->ncols; i++) {
		if (t->cols[i].role != ROLE_ATTR || !*field(t, i))
			continue;
		if (SG_GROW(attrs->kv, attrs->n + 2, attrs->alloc) ||
		    value_json(t, &t->scratch, field(t, i)))
			return rd_nomem(t->rd);
		attrs->kv[attrs->n++] = t->cols[i].key[relation];
		/* an offset until the buffer has stopped moving */
		attrs->kv[attrs->n++] = (const char *)start;
		start = t->scratch.len;
	}
	for (size_t i = 1; i < attrs->n; i += 2)
		attrs->kv[i] = t->scratch.buf + (size_t)attrs->kv[i];
	return 0;
}

/* The cell of role, or NULL; KGTK's strings without their quotes (into
 * b, which must outlive the use). */
static const char *cell(const struct table *t, enum role role, sg_buf *b,
			struct pos *at)
{
	const char *s;

	if (t->role[role] < 0)
		return NULL;
	s = field(t, (size_t)t->role[role]);
	*at = t->at[t->role[role]];
	if (t->kind == TABLE_KGTK && *s) {
		if (kgtk_text(b, s))
			return NULL;
		s = sg_buf_str(b);
	}
	return s;
}

/* ---- rows ---- */

static int end_entity(struct table *t, const char *id, struct pos at)
{
	sg_entity e = { .id = id, .loc = rd_at(t->rd, at) };

	return sg_graph_add_entity(t->rd->g, &e, t->rd->err);
}

/* The cell s as a JSON value (a new reference), or NULL when out of
 * memory. (Through json_loadb, as every parse here: short of memory inside
 * its lexer, Jansson may drop a byte rather than fail, so test_alloc fails
 * json_loadb whole, and json_loads would escape it.) */
static json_t *cell_value(struct table *t, const char *s)
{
	sg_buf_reset(&t->scratch);
	if (value_json(t, &t->scratch, s))
		return NULL;
	return json_loadb(t->scratch.buf, t->scratch.len - 1, JSON_DECODE_ANY,
			  NULL);
}

/* KGTK: value, an edge's literal node2, becomes a value of node1: its
 * label a name, a description or an attribute named by the label. */
static int gather(struct table *t, const char *node1, const char *label,
		  const char *value, struct pos at)
{
	struct gathered *n;
	int64_t i = sg_map_get(&t->gathered, node1);
	const char *id = node1;
	json_t *v;

	if (i < 0) {
		if (!(id = sg_graph_intern(t->rd->g, node1)) ||
		    SG_GROW(t->nodes_seen, t->ngathered + 1, t->agathered) ||
		    sg_map_add(&t->gathered, id, (uint32_t)t->ngathered))
			return rd_nomem(t->rd);
		i = (int64_t)t->ngathered++;
		t->nodes_seen[i] = (struct gathered){ .id = id,
						      .loc = rd_at(t->rd, at) };
		if (!(t->nodes_seen[i].attrs = json_object()) ||
		    !(t->nodes_seen[i].aliases = json_array()))
			return rd_nomem(t->rd);
	}
	n = &t->nodes_seen[i];
	if (!strcmp(label, "label") && (*value == '"' || *value == '\'')) {
		/* a name; several (one a language) are its aliases */
		if (kgtk_text(&t->scratch, value))
			return rd_nomem(t->rd);
		if (!n->name)
			return (n->name = sg_graph_intern(
					t->rd->g, sg_buf_str(&t->scratch))) ?
				       0 : rd_nomem(t->rd);
		if (!strcmp(n->name, sg_buf_str(&t->scratch)))
			return 0;
		return json_array_append_new(n->aliases,
				json_string(sg_buf_str(&t->scratch))) ?
			       rd_nomem(t->rd) : 0;
	}
	if (!(v = cell_value(t, value)))
		return rd_nomem(t->rd);
	return rd_add_value(n->attrs, label, v) ? rd_nomem(t->rd) : 0;
}

/* KGTK: notes the relations read so far by id (relations from i on). */
static int index_edges(struct table *t, size_t i)
{
	const sg_graph *g = t->rd->g;

	for (t->edge_ids_built = 1; i < g->nrelations; i++)
		if (g->relations[i].id &&
		    sg_map_add(&t->edge_ids, g->relations[i].id, (uint32_t)i))
			return rd_nomem(t->rd);
	return 0;
}

/* KGTK: node2 (as written), under label, is a qualifier of relation i:
 * one of its attributes, as KGTK's users see a statement's qualifiers. */
static int qualify(struct table *t, uint32_t i, const char *label,
		   const char *node2, struct pos at)
{
	const char *id = t->rd->g->relations[i].id;
	const char *key = rd_own_key(t->rd, label, 1);
	int64_t k = sg_map_get(&t->qualified, id);
	json_t *v;

	if (!key)
		return rd_nomem(t->rd);
	if (k < 0) {
		if (SG_GROW(t->quals, t->nquals + 1, t->aquals) ||
		    sg_map_add(&t->qualified, id, (uint32_t)t->nquals))
			return rd_nomem(t->rd);
		k = (int64_t)t->nquals++;
		t->quals[k] = (struct qualifiers){ .relation = i,
						   .loc = rd_at(t->rd, at) };
		if (!(t->quals[k].attrs = json_object()))
			return rd_nomem(t->rd);
	}
	if (!(v = cell_value(t, node2)))
		return rd_nomem(t->rd);
	return rd_add_value(t->quals[k].attrs, key, v) ? rd_nomem(t->rd) : 0;
}

/* KGTK: notes the line of each row's id (the first, of an id given
 * twice) in the text [p, end) that follows the header, which begins on
 * line. A row's fields are plain text between tabs; a line ends as
 * advance counts it (at "\n", "\r\n" or "\r"); a comment's begins
 * with '#'. */
static int read_ids(struct table *t, const char *p, const char *end,
		    int line)
{
	sg_buf id = SG_BUF_INIT;
	int r = 0;

	t->ids_read = 1;
	for (; !r && p < end; line++) {
		const char *q = p, *f = p, *e;
		const char *key;
		int comment = *p == '#';

		while (q < end && *q != '\n' && *q != '\r')
			q++;
		for (int k = 0; f && k < t->role[ROLE_ID]; k++)
			if ((f = memchr(f, '\t', (size_t)(q - f))))
				f++;
		p = q + (q < end) + (q + 1 < end && q[0] == '\r' &&
				     q[1] == '\n');
		if (comment || !f || f >= q)
			continue;
		if (!(e = memchr(f, '\t', (size_t)(q - f))))
			e = q;
		sg_buf_reset(&id);
		r = sg_buf_add(&id, f, (size_t)(e - f)) ||
		    !(key = sg_graph_intern(t->rd->g, sg_buf_str(&id))) ||
		    (sg_map_get(&t->id_lines, key) < 0 &&
		     sg_map_add(&t->id_lines, key, (uint32_t)line));
	}
	sg_buf_release(&id);
	return r ? rd_nomem(t->rd) : 0;
}

/* KGTK: whether the row at at, whose node1 is id, qualifies an edge that
 * a row below gives that id. */
static int qualifies_later(const struct table *t, const char *id,
			   struct pos at)
{
	int64_t line = sg_map_get(&t->id_lines, id);

	return line > at.line;
}

/* KGTK: the qualifier label = node2 at at waits for the edge id. */
static int wait_for(struct table *t, const char *id, const char *label,
		    const char *node2, struct pos at)
{
	const char *key = sg_graph_intern(t->rd->g, id);
	int64_t first = key ? sg_map_get(&t->waiting, key) : -1;
	struct wait *w;

	if (!key || SG_GROW(t->waits, t->nwaits + 1, t->awaits))
		return rd_nomem(t->rd);
	w = &t->waits[t->nwaits];
	*w = (struct wait){ strdup(label), strdup(node2), at, SIZE_MAX };
	if (!w->label || !w->node2) {
		free(w->label);
		free(w->node2);
		return rd_nomem(t->rd);
	}
	t->nwaits++;
	if (first < 0)
		return sg_map_add(&t->waiting, key, (uint32_t)(t->nwaits - 1)) ?
			       rd_nomem(t->rd) :
			       0;
	while (t->waits[first].next != SIZE_MAX)
		first = (int64_t)t->waits[first].next;
	t->waits[first].next = t->nwaits - 1;
	return 0;
}

/* KGTK: relation i is read; the qualifiers that came before it are its. */
static int qualify_waiting(struct table *t, uint32_t i)
{
	const char *id = t->rd->g->relations[i].id;
	int64_t k = id ? sg_map_get(&t->waiting, id) : -1;

	for (; k >= 0; k = t->waits[k].next == SIZE_MAX ?
				   -1 :
				   (int64_t)t->waits[k].next) {
		struct wait *w = &t->waits[k];

		if (!w->label)
			continue;
		if (qualify(t, i, w->label, w->node2, w->at))
			return -1;
		free(w->label);
		free(w->node2);
		w->label = w->node2 = NULL;
	}
	return 0;
}

/* KGTK: the qualifiers whose id turned out no relation's (a literal's,
 * another qualifier's) are named, when warn, so none is lost without a
 * word; and the waiting is over. */
static int unqualified(struct table *t, int warn)
{
	int r = 0;

	for (size_t k = 0; k < t->nwaits; k++) {
		struct wait *w = &t->waits[k];

		if (w->label && warn && !r &&
		    sg_graph_warn(t->rd->g, SG_WUNREAD, rd_at(t->rd, w->at),
				  "qualifier '%s' was not read: its node1 is "
				  "the id of no edge", w->label))
			r = rd_nomem(t->rd);
		free(w->label);
		free(w->node2);
	}
	free(t->waits);
	sg_map_release(&t->waiting);
	sg_map_release(&t->id_lines);
	return r;
}

/* KGTK: the qualifiers, added to their relations. */
static int add_qualifiers(struct table *t)
{
	for (size_t i = 0; i < t->nquals; i++) {
		const struct qualifiers *q = &t->quals[i];
		sg_attrs attrs = { 0 };
		int r = rd_attrs(t->rd, q->attrs, NULL, 0, &attrs) ||
			sg_graph_add_relation_attrs(t->rd->g, q->relation,
						    &attrs, q->loc,
						    t->rd->err);

		rd_attrs_release(&attrs);
		if (r)
			return -1;
	}
	return 0;
}

/* KGTK: the gathered nodes, merged into their entities. */
static int add_gathered(struct table *t)
{
	for (size_t i = 0; i < t->ngathered; i++) {
		struct gathered *n = &t->nodes_seen[i];
		sg_entity e = { .id = n->id, .name = n->name, .loc = n->loc };
		const char **aliases = NULL;
		size_t k;
		json_t *a;
		int r;

		if (!(aliases = calloc(json_array_size(n->aliases) + 1,
				       sizeof(*aliases))))
			return rd_nomem(t->rd);
		json_array_foreach(n->aliases, k, a)
			aliases[e.naliases++] = json_string_value(a);
		e.aliases = aliases;
		r = rd_attrs(t->rd, n->attrs, NULL, 0, &e.attrs) ||
		    sg_graph_add_entity(t->rd->g, &e, t->rd->err);
		rd_attrs_release(&e.attrs);
		free(aliases);
		if (r)
			return -1;
	}
	return 0;
}

/* Neo4j's labels, ":A:B": the first into type, the rest as JSON into
 * more (empty where there are none); -1 out of memory. */
static int labels(const char *s, sg_buf *type, sg_buf *more)
{
	json_t *rest = json_array();
	int r = !rest;

	for (int first = 1; !r && *s; first = 0) {
		size_t n;

		s += *s == ':';
		n = strcspn(s, ":");
		r = first ? sg_buf_add(type, s, n) :
			    json_array_append_new(rest, json_stringn(s, n));
		s += n;
	}
	if (!r && json_array_size(rest)) {
		char *text = json_dumps(rest, JSON_COMPACT);

		r = !text || sg_buf_adds(more, text);
		free(text);
	}
	json_decref(rest);
	return r;
}

static int node_row(struct table *t)
{
	sg_buf idb = SG_BUF_INIT, nameb = SG_BUF_INIT, typeb = SG_BUF_INIT,
	       more = SG_BUF_INIT;
	struct pos at = t->at[0], name_at;
	const char *id = cell(t, ROLE_ID, &idb, &at);
	sg_entity e = { 0 };
	int r;

	e.name = cell(t, ROLE_NAME, &nameb, &name_at);
	e.type = cell(t, ROLE_TYPE, &typeb, &name_at);
	if (t->role[ROLE_LABELS] >= 0) {
		if (labels(field(t, (size_t)t->role[ROLE_LABELS]), &typeb,
			   &more))
			return rd_nomem(t->rd);
		e.type = sg_buf_str(&typeb);
	}
	if (e.name && !*e.name)
		e.name = NULL;
	if (e.type && !*e.type)
		e.type = NULL;
	e.id = id && *id ? id : e.name;
	if (e.id == e.name) {
		e.name = NULL;
		at = t->at[t->role[ROLE_ID] < 0 ? t->role[ROLE_NAME] :
						   t->role[ROLE_ID]];
	}
	e.loc = rd_at(t->rd, at);
	if (!e.id || !*e.id) {
		r = rd_fail_at(t->rd, SG_EMISSING, at, "a node without an id "
			       "('%s' is empty)", t->cols[t->role[ROLE_ID] < 0 ?
							t->role[ROLE_NAME] :
							t->role[ROLE_ID]].name);
	} else if (row_attrs(t, 0, &e.attrs) ||
		   (more.len && SG_GROW(e.attrs.kv, e.attrs.n + 2,
					e.attrs.alloc))) {
		r = rd_nomem(t->rd);
	} else {
		if (more.len) {
			e.attrs.kv[e.attrs.n++] = "labels";
			e.attrs.kv[e.attrs.n++] = sg_buf_str(&more);
		}
		r = sg_graph_add_entity(t->rd->g, &e, t->rd->err);
	}
	free(e.attrs.kv);
	sg_buf_release(&more);
	sg_buf_release(&idb);
	sg_buf_release(&nameb);
	sg_buf_release(&typeb);
	return r;
}

/* Fails: the row's cell of role is empty. */
static int empty_end(struct table *t, enum role role, struct pos at)
{
	const char *end = role == ROLE_FROM ? "source" : "target";

	if (t->cytoscape)
		return rd_fail_at(t->rd, SG_EMISSING, at, "a relation without "
				  "its %s: its name has none %s ' (%s) '", end,
				  role == ROLE_FROM ? "before" : "after",
				  field(t, (size_t)t->role[ROLE_TYPE]));
	return rd_fail_at(t->rd, SG_EMISSING, at, "a relation without its %s "
			  "('%s' is empty)", end, t->cols[t->role[role]].name);
}

/* Cytoscape's edge: its ends from its name, "SOURCE (INTERACTION)
 * TARGET", into b[0] and b[1], and where they stand. */
static int named_ends(struct table *t, const char *interaction, sg_buf b[2],
		      struct pos at_end[2])
{
	int col = t->role[ROLE_NAME];
	const char *name = field(t, (size_t)col), *mid = NULL;
	struct pos at = t->at[col];

	sg_buf_reset(&t->scratch);
	if (sg_buf_addf(&t->scratch, " (%s) ", interaction))
		return rd_nomem(t->rd);
	/* (the last: a source's name may hold the words too) */
	for (const char *p = name; (p = strstr(p, t->scratch.buf)); p++)
		mid = p;
	if (!mid)
		return rd_fail_at(t->rd, SG_ESHAPE, at, "an edge of Cytoscape's "
				  "table whose name is not 'SOURCE (%s) "
				  "TARGET'", interaction);
	if (sg_buf_add(&b[0], name, (size_t)(mid - name)) ||
	    sg_buf_adds(&b[1], mid + t->scratch.len))
		return rd_nomem(t->rd);
	at_end[0] = at;
	for (const char *p = name; p < mid + t->scratch.len; p++)
		at.column += ((unsigned char)*p & 0xC0) != 0x80;
	at_end[1] = at;
	return 0;
}

static int edge_row(struct table *t)
{
	sg_buf b[5] = { SG_BUF_INIT, SG_BUF_INIT, SG_BUF_INIT, SG_BUF_INIT,
			SG_BUF_INIT };
	sg_relation rel = { 0 };
	sg_places ends;
	struct pos at, at_end[2] = { { 0, 0 }, { 0, 0 } };
	int r = 0;

	rel.loc = rd_at(t->rd, t->at[0]);
	rel.type = cell(t, ROLE_TYPE, &b[2], &at);
	if (t->cytoscape) {
		if (rel.type && named_ends(t, rel.type, b, at_end)) {
			r = -1;
			goto done;
		}
		rel.from_ref = sg_buf_str(&b[0]);
		rel.to_ref = sg_buf_str(&b[1]);
	} else {
		rel.from_ref = cell(t, ROLE_FROM, &b[0], &at_end[0]);
		rel.to_ref = cell(t, ROLE_TO, &b[1], &at_end[1]);
	}
	ends.from = sg_pos_of(rd_at(t->rd, at_end[0]));
	ends.to = sg_pos_of(rd_at(t->rd, at_end[1]));
	ends.source = sg_pos_of(rel.loc);
	rel.id = cell(t, ROLE_ID, &b[3], &at);
	rel.label = cell(t, ROLE_LABEL, &b[4], &at);
	if (!rel.from_ref || !rel.to_ref ||
	    (t->role[ROLE_TYPE] >= 0 && !rel.type) ||
	    (t->role[ROLE_ID] >= 0 && !rel.id) ||
	    (t->role[ROLE_LABEL] >= 0 && !rel.label)) {
		r = rd_nomem(t->rd);
		goto done;
	}
	if (!*rel.from_ref || !*rel.to_ref) {
		r = empty_end(t, *rel.from_ref ? ROLE_TO : ROLE_FROM,
			      at_end[!!*rel.from_ref]);
		goto done;
	}
	if (rel.id && !*rel.id)
		rel.id = NULL;
	if (rel.label && !*rel.label)
		rel.label = NULL;
	if (!rel.type || !*rel.type)
		rel.type = SG_UNTYPED;
	if (t->kind == TABLE_KGTK) {
		int64_t q;

		if (!t->edge_ids_built && index_edges(t, 0)) {
			r = -1;
			goto done;
		}
		q = sg_map_get(&t->edge_ids, rel.from_ref);
		if (q >= 0) {
			r = qualify(t, (uint32_t)q, rel.type,
				    field(t, (size_t)t->role[ROLE_TO]),
				    t->at[0]);
			goto done;
		}
		if (qualifies_later(t, rel.from_ref, t->at[0])) {
			r = wait_for(t, rel.from_ref, rel.type,
				     field(t, (size_t)t->role[ROLE_TO]),
				     t->at[0]);
			goto done;
		}
	}
	/* Gephi's edge table says a direction where others say a type;
	 * KGTK's labels "_" and "_x" have none */
	if (!strcasecmp(rel.type, "directed") ||
	    !strcasecmp(rel.type, "undirected")) {
		rel.undirected = !strcasecmp(rel.type, "undirected");
		rel.type = SG_UNTYPED;
	} else if (t->kind == TABLE_KGTK && *rel.type == '_') {
		rel.undirected = 1;
		rel.type = rel.type[1] ? rel.type + 1 : SG_UNTYPED;
	}
	if (end_entity(t, rel.from_ref, at_end[0])) {
		r = -1;
	} else if (t->kind == TABLE_KGTK &&
		   kgtk_value(rel.type, field(t, (size_t)t->role[ROLE_TO]))) {
		r = gather(t, rel.from_ref, rel.type,
			   field(t, (size_t)t->role[ROLE_TO]), t->at[0]);
	} else {
		r = end_entity(t, rel.to_ref, at_end[1]) ||
		    row_attrs(t, 1, &rel.attrs) ||
		    sg_graph_add_relation_at(t->rd->g, &rel, &ends, t->rd->err) ||
		    (t->kind == TABLE_KGTK && rel.id &&
		     (index_edges(t, t->rd->g->nrelations - 1) ||
		      qualify_waiting(t, (uint32_t)(t->rd->g->nrelations -
						    1))));
	}
done:
	free(rel.attrs.kv);
	for (size_t i = 0; i < SG_ARRAY_SIZE(b); i++)
		sg_buf_release(&b[i]);
	return r;
}

/* Fails: a field of the row is not text: it holds a NUL byte, or is not
 * UTF-8 (where JSON, whose parser judges that, never does). */
static int not_text(struct table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		const char *s = field(t, i), *end = t->text.buf +
			(i + 1 < t->n ? t->off[i + 1] : t->text.len) - 1;
		struct pos at = t->at[i];

		while (s < end) {
			const char *c = s;

			if (!*s)
				return rd_fail_at(t->rd, SG_EENCODING, at,
						  "a NUL byte in a field");
			if (sg_utf8_next(&s) == SG_NOT_CHAR)
				return rd_fail_at(t->rd, SG_EENCODING, at,
						  "not valid UTF-8: byte 0x%02x "
						  "in a field", (unsigned char)*c);
		}
	}
	return 0;
}

/* Reads the row just ended; a bad row is noted and skipped. */
static int row(struct table *t, struct pos end)
{
	int r;

	if (!t->n)
		return 0;
	if (not_text(t))
		return -1;
	if (!t->header_done) {
		r = header(t);
		t->n = 0;
		sg_buf_reset(&t->text);
		return r;
	}
	if (t->n != t->ncols)
		r = sg_fail(t->rd->err, SG_ESHAPE, t->rd->file,
			    t->n > t->ncols ? t->at[t->ncols].line : end.line,
			    t->n > t->ncols ? t->at[t->ncols].column :
					      end.column,
			    "a row of %zu field%s where the header has %zu",
			    t->n, t->n == 1 ? "" : "s", t->ncols);
	else
		r = t->nodes || (t->mixed &&
				 !*field(t, (size_t)t->role[ROLE_FROM]) &&
				 !*field(t, (size_t)t->role[ROLE_TO])) ?
			    node_row(t) :
			    edge_row(t);
	t->n = 0;
	sg_buf_reset(&t->text);
	return r && (t->rd->error.code == SG_ENOMEM || rd_note(t->rd)) ? -1 :
									 0;
}

/* ---- the text ---- */

/* Moves at past the bytes [p, q) of text that ends at end. */
static void advance(struct pos *at, const char *p, const char *q,
		    const char *end)
{
	for (; p < q; p++)
		if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n'))) {
			at->line++;
			at->column = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			at->column++;
		}
}

/* Fails: libcsv stopped at p. */
static int syntax(struct table *t, const char *p, struct pos at)
{
	return rd_fail_at(t->rd, SG_ESYNTAX, at, *p == '"' ?
			  "a quote inside a field that does not begin with one "
			  "(quote the whole field, and write a quote in it "
			  "twice)" :
			  "'%c' after a quoted field's closing quote (a quote "
			  "inside a quoted field is written twice)", *p);
}

/* KGTK: the piece [p, q) holds a field (no quoting: values escape tabs
 * and line ends), and may end the row; a line of '#' is a comment. */
static void kgtk_piece(struct table *t, const char *p, const char *q,
		       const char *end)
{
	const char *e = q;
	int eol = q == end || q[-1] == '\n' || q[-1] == '\r';

	if (q < end || (q > p && strchr("\t\n\r", q[-1])))
		e--;
	if (t->kgtk_comment || (!t->n && !t->in_field && *p == '#')) {
		t->kgtk_comment = !eol;
		return;
	}
	if (!t->n && eol && e == p)
		return; /* a blank line */
	on_field((void *)p, (size_t)(e - p), t);
	t->ended = eol;
}

static int parse(struct table *t, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	char delim = t->delim;

	t->here = t->field_at = (struct pos){ 1, 1 };
	while (p < end) {
		const char *q = p;
		struct pos start = t->here;

		while (q < end && *q != delim && *q != '\n' && *q != '\r')
			q++;
		if (q < end)
			q++;
		t->fired = t->ended = 0;
		if (t->kind == TABLE_KGTK) {
			kgtk_piece(t, p, q, end);
		} else {
			size_t n = csv_parse(&t->parser, p, (size_t)(q - p),
					     on_field, on_row, t);

			if (n < (size_t)(q - p) && !t->failed) {
				advance(&start, p, p + n, end);
				return syntax(t, p + n, start);
			}
		}
		if (t->failed)
			return rd_nomem(t->rd);
		t->in_field = !t->fired &&
			      (t->in_field || (q - p > 1) ||
			       (q == end && q > p && !strchr("\n\r", q[-1])));
		advance(&t->here, p, q, end);
		if (!t->in_field)
			t->field_at = t->here;
		/* (a row ends at the piece's last byte) */
		advance(&start, p, q - 1, end);
		if (t->ended && row(t, start))
			return -1;
		/* (the header read, a KGTK edge table's ids ahead) */
		if (t->kind == TABLE_KGTK && t->header_done && !t->ids_read &&
		    !t->nodes && t->role[ROLE_ID] >= 0 &&
		    read_ids(t, q, end, t->here.line))
			return -1;
		sg_tell(&t->rd->tell, (size_t)(q - t->data));
		p = q;
	}
	if (t->kind != TABLE_KGTK) {
		t->ended = 0;
		if (csv_fini(&t->parser, on_field, on_row, t))
			return rd_fail_at(t->rd, SG_ESYNTAX, t->field_at,
					  "a quoted field that never ends");
		if (t->failed)
			return rd_nomem(t->rd);
	}
	return row(t, t->here);
}

static int read_table(struct reader *rd, const char *data, size_t len,
		      enum table_kind kind)
{
	struct table t = { .rd = rd, .kind = kind, .data = data,
			   .end = data + len,
			   .delim = delimiter(data, len, kind),
			   .role = { -1, -1, -1, -1, -1, -1, -1, -1 } };
	int r;

	if (csv_init(&t.parser, CSV_STRICT | CSV_STRICT_FINI |
					CSV_APPEND_NULL))
		return rd_nomem(rd);
	csv_set_space_func(&t.parser, no_space);
	/* (ours, not libcsv's own: the allocation-failure test fails them) */
	csv_set_realloc_func(&t.parser, realloc);
	csv_set_free_func(&t.parser, free);
	csv_set_delim(&t.parser, t.delim);
	r = parse(&t, data, len);
	if (!r && !t.header_done)
		r = rd_empty(rd);
	if (!r)
		r = add_gathered(&t) || add_qualifiers(&t);
	if (unqualified(&t, !r))
		r = -1;
	csv_free(&t.parser);
	for (size_t i = 0; i < t.nquals; i++)
		json_decref(t.quals[i].attrs);
	free(t.quals);
	sg_map_release(&t.edge_ids);
	sg_map_release(&t.qualified);
	for (size_t i = 0; i < t.ngathered; i++) {
		json_decref(t.nodes_seen[i].attrs);
		json_decref(t.nodes_seen[i].aliases);
	}
	free(t.nodes_seen);
	sg_map_release(&t.gathered);
	free(t.cols);
	free(t.off);
	free(t.at);
	sg_buf_release(&t.text);
	sg_buf_release(&t.scratch);
	return r;
}

/* ---- telling a table from its beginning ---- */

struct sniff {
	enum table_kind kind;
	size_t row, fields, header_fields;
	int ragged, unnamed;
	int has[NROLES];
	int kgtk; /* KGTK's own names: node1, label and node2 */
};

static void sniff_field(void *s, size_t len, void *data)
{
	struct sniff *x = data;
	char name[32];
	const char *p = s ? s : "";

	x->fields++;
	if (x->row)
		return;
	while (len && *p == ' ') {
		p++;
		len--;
	}
	while (len && p[len - 1] == ' ')
		len--;
	x->unnamed |= !len;
	if (!len || len >= sizeof(name))
		return;
	memcpy(name, p, len);
	name[len] = '\0';
	x->has[ROLE_FROM] |= named(name, from_names);
	x->has[ROLE_TO] |= named(name, to_names);
	x->kgtk += !strcmp(name, "node1") || !strcmp(name, "label") ||
		   !strcmp(name, "node2");
}

static void sniff_row(int c, void *data)
{
	struct sniff *x = data;

	(void)c;
	if (!x->row)
		x->header_fields = x->fields;
	else if (x->fields != x->header_fields)
		x->ragged = 1;
	x->row++;
	x->fields = 0;
}

/*
 * How surely head, a text's first len bytes, is a table of kind: sure of
 * KGTK's own header; likely where the header names a relation's ends;
 * maybe where the header and the rows after it have as many fields, two
 * at least. Never of what begins as JSON, XML or RDF do ('{', '[', '<',
 * '@', '#'), so that a table never takes their place.
 */
static enum rd_sure sniff_table(const char *head, size_t len,
				enum table_kind kind)
{
	struct sniff x = { .kind = kind };
	struct csv_parser p;

	if (!len || strchr("{[<@#", *head) || csv_init(&p, CSV_APPEND_NULL))
		return RD_NOT;
	csv_set_space_func(&p, no_space);
	csv_set_delim(&p, delimiter(head, len, kind));
	csv_parse(&p, head, len, sniff_field, sniff_row, &x);
	/* a shorter head is the whole text: its last row ends with it */
	if (len < RD_HEAD)
		csv_fini(&p, sniff_field, sniff_row, &x);
	csv_free(&p);
	if (!x.row || x.header_fields < 2)
		return RD_NOT;
	if (kind == TABLE_KGTK)
		return x.kgtk == 3 ? RD_SURE : RD_NOT;
	if (x.has[ROLE_FROM] && x.has[ROLE_TO])
		return RD_LIKELY;
	return x.ragged || x.unnamed ? RD_NOT : RD_MAYBE;
}

static enum rd_sure sniff_csv(const char *head, size_t len)
{
	return sniff_table(head, len, TABLE_CSV);
}

static enum rd_sure sniff_tsv(const char *head, size_t len)
{
	return sniff_table(head, len, TABLE_TSV);
}

static enum rd_sure sniff_kgtk(const char *head, size_t len)
{
	return sniff_table(head, len, TABLE_KGTK);
}

static int read_csv(struct reader *rd, const char *data, size_t len)
{
	return read_table(rd, data, len, TABLE_CSV);
}

static int read_tsv(struct reader *rd, const char *data, size_t len)
{
	return read_table(rd, data, len, TABLE_TSV);
}

static int read_kgtk(struct reader *rd, const char *data, size_t len)
{
	return read_table(rd, data, len, TABLE_KGTK);
}

const struct rd_format rd_csv = {
	.name = "csv",
	.about = "CSV with a header: an edge list (source, target, type ... "
		 "columns) or a node list (id, name ...)",
	.sniff = sniff_csv,
	.read_text = read_csv,
	.columns = 1,
};

const struct rd_format rd_tsv = {
	.name = "tsv",
	.about = "TSV with a header: the same as csv, tab-separated",
	.sniff = sniff_tsv,
	.read_text = read_tsv,
	.columns = 1,
};

const struct rd_format rd_kgtk = {
	.name = "kgtk",
	.about = "KGTK's TSV: edge files (node1, label, node2, id) and node "
		 "files (id ...)",
	.sniff = sniff_kgtk,
	.read_text = read_kgtk,
	.columns = 1,
};
