/* The scograph command: options, then read -> select -> render. */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "progress.h"
#include "watch.h"
#include "scograph.h"

enum { EXIT_BAD_INPUT = 1, EXIT_USAGE = 2, EXIT_CHANGED = 3 };

struct list {
	const char **items;
	size_t n;
};

struct config {
	struct list files, focus, relation_types, entity_types, where, outputs;
	struct list exclude, exclude_types, exclude_relations;
	struct list graph_attrs, node_attrs, edge_attrs, formats;
	const char *render_all, *engine, *rankdir, *title, *direction;
	const char *diagnostics, *from_format, *path_from, *path_to, *cluster;
	const char *theme, *diff, *page, *shape, *keep_layout;
	const char *sparql, *sparql_query, *lang;
	long depth, max_nodes, timeout, max_response;
	int list, stats, check, strict, legend, caption, help, version;
	int exit_code, allow_empty, watch, verbose, fresh_layout;
	int progress; /* 1 shown, -1 not, 0 on a terminal */
};

/* FLAG sets its field to 1, OFF to -1: the last of a pair wins. WORD and
 * WORDS are a STRING and a LIST of names matched without case (formats,
 * engines, pages): kept in lower case, as Graphviz knows them. */
enum kind { FLAG, OFF, STRING, LIST, NUMBER, WORD, WORDS };

struct option {
	char short_name;
	const char *long_name, *arg, *help;
	enum kind kind;
	size_t offset; /* of the field in struct config */
};

#define OPT(s, l, k, field, arg, help) \
	{ s, l, arg, help, k, offsetof(struct config, field) }

/* This table is the parser and the help text both. */
static const struct option options[] = {
	OPT('o', "output", LIST, outputs, "FILE",
	    "write to FILE (repeatable; '-' is standard output); the format "
	    "comes from the extension: .dot/.gv, .svg, .png, .pdf, .html "
	    "(a page to explore), .json, ..."),
	OPT(0, "from-format", WORD, from_format, "NAME",
	    "read every FILE as NAME (default: told from the content); "
	    "'--from-format list' lists the formats"),
	OPT(0, "shape", STRING, shape, "SHAPE",
	    "read every FILE by SHAPE instead of a format: where its nodes "
	    "and edges are, as words ('nodes=PATH name=KEY type=KEY "
	    "edges=PATH from=KEY to=KEY type=KEY') or a shape file (see "
	    "SHAPES in man scograph-formats)"),
	OPT('T', "format", WORDS, formats, "FMT",
	    "write every output as FMT: html, json, or any format this "
	    "Graphviz renders"),
	OPT(0, "render-all", STRING, render_all, "DIR",
	    "draw every graph file of DIR (*.json, *.gv, *.graphml, *.ttl "
	    "...) into the folder -o "
	    "names, as NAME.FMT for each -T FMT (default svg), in one run"),
	OPT(0, "sparql", STRING, sparql, "URL",
	    "draw from the SPARQL endpoint at URL instead of files: the "
	    "--focus's neighbourhood, --depth steps, asked for step by step "
	    "(credentials from ~/.netrc or SCOGRAPH_SPARQL_AUTH=user:password)"),
	OPT(0, "sparql-query", STRING, sparql_query, "FILE",
	    "with --sparql, send FILE's own SELECT or CONSTRUCT and draw the "
	    "answer"),
	OPT(0, "lang", STRING, lang, "LANG",
	    "with --sparql, the labels' language (default en; else English; "
	    "untagged text always)"),
	OPT(0, "timeout", NUMBER, timeout, "SECONDS",
	    "with --sparql, how long a request may take (default 60)"),
	OPT(0, "max-response", NUMBER, max_response, "MIB",
	    "with --sparql, the largest answer taken, in MiB (default 64)"),
	OPT(0, "verbose", FLAG, verbose, NULL,
	    "print each query sent to a SPARQL endpoint"),
	OPT(0, "focus", LIST, focus, "NAME",
	    "draw the neighbourhood of NAME: an id, name or alias, any case "
	    "(repeatable)"),
	OPT(0, "depth", NUMBER, depth, "N",
	    "steps from a focus entity to keep (default 1)"),
	OPT(0, "direction", STRING, direction, "DIR",
	    "follow relations out, in or both ways (default both)"),
	OPT(0, "relation", LIST, relation_types, "TYPE",
	    "keep only relations of TYPE (repeatable)"),
	OPT(0, "type", LIST, entity_types, "TYPE",
	    "keep only entities of TYPE (repeatable)"),
	OPT(0, "where", LIST, where, "KEY=VALUE",
	    "keep only entities whose attribute (or id, name, type, ...) KEY "
	    "is VALUE, any case (repeatable: all must hold)"),
	OPT(0, "max-nodes", NUMBER, max_nodes, "N",
	    "draw at most N boxes (default 60; 0: no limit): the entities "
	    "nearest the focus and most related as themselves, the others "
	    "folded into summaries (\"312 policies\") beside them"),
	OPT(0, "exclude", LIST, exclude, "NAME",
	    "leave out the entity NAME (repeatable)"),
	OPT(0, "exclude-type", LIST, exclude_types, "TYPE",
	    "leave out the entities of TYPE (repeatable)"),
	OPT(0, "exclude-relation", LIST, exclude_relations, "TYPE",
	    "leave out the relations of TYPE (repeatable)"),
	OPT(0, "allow-empty", FLAG, allow_empty, NULL,
	    "draw a selection the filters left empty, instead of failing"),
	OPT(0, "from", STRING, path_from, "NAME",
	    "with --to: draw every shortest path from NAME (following "
	    "--direction), instead of a focus"),
	OPT(0, "to", STRING, path_to, "NAME", "the end of the paths --from draws"),
	OPT('K', "engine", WORD, engine, "ENGINE",
	    "Graphviz layout: dot, neato, fdp, sfdp, circo, twopi, or auto "
	    "(default: dot for small drawings, sfdp for large ones and "
	    "where it reads better)"),
	OPT(0, "rankdir", STRING, rankdir, "DIR",
	    "flow of a dot drawing: TB, LR, BT or RL (default: LR, or TB "
	    "when that fits the page better)"),
	OPT(0, "page", WORD, page, "PAGE",
	    "make the drawing for a4 (the default: a report's text area), "
	    "letter, slide, or none (as large as it comes, for screens and "
	    "posters): its layout fits the page with its text readable, and "
	    "SVG and PDF come out at their printed size"),
	OPT('G', "graph-attr", LIST, graph_attrs, "NAME=VALUE",
	    "a Graphviz graph attribute, as dot -G takes it (repeatable)"),
	OPT('N', "node-attr", LIST, node_attrs, "NAME=VALUE",
	    "a default node attribute, as dot -N (repeatable)"),
	OPT('E', "edge-attr", LIST, edge_attrs, "NAME=VALUE",
	    "a default edge attribute, as dot -E (repeatable)"),
	OPT(0, "legend", FLAG, legend, NULL,
	    "add a legend of the entity and relation types drawn"),
	OPT(0, "cluster", STRING, cluster, "KEY",
	    "group entities into boxes by type, or by the attribute KEY"),
	OPT(0, "caption", FLAG, caption, NULL,
	    "put the title and the sources cited under the drawing"),
	OPT(0, "theme", STRING, theme, "NAME",
	    "light (the default: the types' colours), auto (light, and an "
	    "SVG turns dark for a reader who prefers dark), dark, print "
	    "(greys, for black and white pages), or a theme file (JSON)"),
	OPT(0, "title", STRING, title, "TEXT",
	    "title over the drawing (default: the graph's; '' for none)"),
	OPT(0, "diff", STRING, diff, "OLD",
	    "draw what changed from the graph in OLD (any format; '-' is "
	    "standard input) to the FILEs' and --depth steps around it: "
	    "added green, removed red, changed amber; -T json writes the "
	    "changes"),
	OPT(0, "keep-layout", STRING, keep_layout, "OLD",
	    "keep the places of the entities an earlier drawing shows: OLD "
	    "is its SVG, or (any other name) the earlier version of the "
	    "graph, drawn first with the same options"),
	OPT(0, "fresh-layout", FLAG, fresh_layout, NULL,
	    "with --diff: lay the drawing out afresh, compact, rather than "
	    "where OLD's own drawing has its entities"),
	OPT(0, "exit-code", FLAG, exit_code, NULL,
	    "with --diff: exit with 3 when the graphs differ"),
	OPT(0, "list", FLAG, list, NULL,
	    "print the selected entities (id, name, type, degree) instead; "
	    "with --diff, the changes, one a line"),
	OPT(0, "stats", FLAG, stats, NULL,
	    "print counts of the selection (with --diff, of the changes) "
	    "instead of drawing"),
	OPT(0, "watch", FLAG, watch, NULL,
	    "after drawing, draw again whenever a file it was drawn from "
	    "changes (the FILEs, --diff's OLD, a theme or shape file, "
	    "--render-all's graphs), until Ctrl-C; errors are printed and "
	    "the outputs kept; needs -o FILE, --render-all or --check"),
	OPT(0, "check", FLAG, check, NULL,
	    "only check the input; print its problems"),
	OPT(0, "strict", FLAG, strict, NULL,
	    "treat warnings as errors"),
	OPT(0, "diagnostics", STRING, diagnostics, "FORM",
	    "print problems as text (default) or json, one object a line"),
	OPT(0, "progress", FLAG, progress, NULL,
	    "show how far long work is, on one line of standard error, even "
	    "when that is no terminal (default: on a terminal, past a "
	    "second)"),
	OPT(0, "no-progress", OFF, progress, NULL,
	    "never show how far long work is"),
	OPT('h', "help", FLAG, help, NULL, "show this help"),
	OPT('V', "version", FLAG, version, NULL, "show the version"),
};

/* Prints text after column indent, breaking lines at spaces before width. */
static void print_wrapped(FILE *out, const char *text, int indent, int width)
{
	int column = indent;

	while (*text) {
		int word = (int)strcspn(text, " ");

		if (column > indent && column + 1 + word > width) {
			fprintf(out, "\n%*s", indent, "");
			column = indent;
		}
		fprintf(out, " %.*s", word, text);
		column += 1 + word;
		text += word;
		text += strspn(text, " ");
	}
	fputc('\n', out);
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: scograph [OPTION]... [FILE]...\n"
		"Draws a knowledge graph read from JSON FILEs (merged; '-' is "
		"standard input;\nnone: the built-in SCO graph) through "
		"Graphviz. Prints DOT unless told otherwise.\n\n");
	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		const struct option *o = &options[i];
		char left[40];

		snprintf(left, sizeof(left), "%c%c%s--%s%s%s",
			 o->short_name ? '-' : ' ',
			 o->short_name ? o->short_name : ' ',
			 o->short_name ? ", " : "  ", o->long_name,
			 o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(out, "  %-22s", left);
		print_wrapped(out, o->help, 24, 79);
	}
	fprintf(out, "\nexit status: 0 success, 1 bad input or failed "
		     "output, 2 bad usage, 3 changes\n(with --diff and "
		     "--exit-code)\n");
}

__attribute__((format(printf, 1, 2)))
static int usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "scograph: error: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\ntry 'scograph --help'\n");
	return -1;
}

static int push(struct list *l, const char *s)
{
	const char **items = realloc(l->items, (l->n + 1) * sizeof(*items));

	if (!items)
		return usage_error("%s", "out of memory");
	items[l->n++] = s;
	l->items = items;
	return 0;
}

static int take(struct config *c, const struct option *o, char *arg)
{
	void *field = (char *)c + o->offset;
	char *end;

	if (o->kind == WORD || o->kind == WORDS)
		for (end = arg; *end; end++)
			*end = (char)tolower((unsigned char)*end);
	switch (o->kind) {
	case FLAG:
	case OFF:
		*(int *)field = o->kind == FLAG ? 1 : -1;
		return 0;
	case STRING:
	case WORD:
		*(const char **)field = arg;
		return 0;
	case LIST:
	case WORDS:
		return push(field, arg);
	case NUMBER:
		errno = 0;
		*(long *)field = strtol(arg, &end, 10);
		if (errno || *end || end == arg || *(long *)field < 0 ||
		    *(long *)field > 1000000)
			return usage_error("'%s' is not a number from 0 up",
					   arg);
		return 0;
	}
	return 0;
}

static int takes_value(const struct option *o)
{
	return o->kind != FLAG && o->kind != OFF;
}

static const struct option *find_option(const char *name, size_t len,
					char short_name)
{
	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		const struct option *o = &options[i];

		if (short_name ? o->short_name == short_name :
				 strlen(o->long_name) == len &&
					 !strncmp(o->long_name, name, len))
			return o;
	}
	return NULL;
}

static int parse(struct config *c, int argc, char **argv)
{
	int only_files = 0;

	for (int i = 1; i < argc; i++) {
		char *a = argv[i], *value = NULL;
		const struct option *o;

		if (only_files || a[0] != '-' || !a[1]) {
			if (push(&c->files, a))
				return -1;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_files = 1;
			continue;
		}
		if (a[1] == '-') {
			char *eq = strchr(a + 2, '=');
			size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);

			o = find_option(a + 2, len, 0);
			if (!o)
				return usage_error("unknown option '%s'", a);
			value = eq ? eq + 1 : NULL;
			if (eq && !takes_value(o))
				return usage_error("option '%s' takes no value",
						   a);
		} else {
			o = find_option(NULL, 0, a[1]);
			if (!o)
				return usage_error("unknown option '%s'", a);
			if (a[2] && !takes_value(o))
				return usage_error("unknown option '%s'", a);
			value = a[2] ? a + 2 : NULL;
		}
		if (takes_value(o) && !value) {
			if (i + 1 >= argc)
				return usage_error("option '%s' needs a value",
						   a);
			value = argv[++i];
		}
		if (take(c, o, value))
			return -1;
	}
	return 0;
}

static int one_of(const char *value, const char *const *allowed, size_t n,
		  const char *what)
{
	for (size_t i = 0; i < n; i++)
		if (!strcasecmp(value, allowed[i]))
			return (int)i;
	fprintf(stderr, "scograph: error: unknown %s '%s'", what, value);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "%s%s", i ? ", " : "; use ", allowed[i]);
	fprintf(stderr, "\n");
	return -1;
}

/* The format path's extension names, in lower case ("out.PNG": png); NULL
 * where it names none (or memory ran out: then no format is found). */
static char *lower_extension(const char *path)
{
	sg_output out = { path, NULL };
	const char *ext = sg_output_format(&out);
	char *lower = ext ? strdup(ext) : NULL;

	for (char *p = lower; p && *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return lower;
}

/* How problems are printed: the user's choice, and GitHub Actions. */
struct printer {
	int json, github, strict;
	int stopped; /* the exit status a warning stopped the rendering with */
	struct progress *line; /* erased before anything is printed */
	/* the file a problem of no file is of: --render-all draws many */
	const char *file;
};

static void json_string(const char *s)
{
	putc('"', stderr);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(stderr, "\\%c", c);
		else if (c < 0x20)
			fprintf(stderr, "\\u%04x", c);
		else
			putc(c, stderr);
	}
	putc('"', stderr);
}

/* A workflow command's data: '%', CR and LF escaped, and in a property
 * also ':' and ','. */
static void github_escaped(const char *s, int property)
{
	for (; *s; s++) {
		if (*s == '%' || *s == '\r' || *s == '\n' ||
		    (property && (*s == ':' || *s == ',')))
			fprintf(stderr, "%%%02X", (unsigned char)*s);
		else
			putc(*s, stderr);
	}
}

/* Prints one problem; returns the exit status it calls for. */
static int print_problem(const struct printer *p, const sg_error *e)
{
	int error = e->severity == SG_ERROR || p->strict;
	const char *severity = error ? "error" : "warning";
	sg_error named;

	if (!e->file[0] && p->file) {
		named = *e;
		snprintf(named.file, sizeof(named.file), "%s", p->file);
		e = &named;
	}

	progress_hush(p->line);
	if (p->json) {
		fprintf(stderr, "{\"file\": ");
		json_string(e->file);
		fprintf(stderr, ", \"line\": %d, \"column\": %d, \"severity\": "
			"\"%s\", \"code\": \"%s\", \"message\": ", e->line,
			e->column, severity, sg_code_name(e->code));
		json_string(e->text);
		fprintf(stderr, "}\n");
	} else {
		fprintf(stderr, "scograph: ");
		if (e->file[0] && e->line)
			fprintf(stderr, "%s:%d:%d: ", e->file, e->line,
				e->column);
		else if (e->file[0])
			fprintf(stderr, "%s: ", e->file);
		fprintf(stderr, "%s: %s\n", severity, e->text);
	}
	/* stderr: stdout may carry the drawing; the runner reads both */
	if (p->github) {
		fprintf(stderr, "::%s ", severity);
		if (e->file[0]) {
			fprintf(stderr, "file=");
			github_escaped(e->file, 1);
			if (e->line)
				fprintf(stderr, ",line=%d,col=%d", e->line,
					e->column);
			putc(',', stderr);
		}
		fprintf(stderr, "title=scograph::");
		github_escaped(e->text, 0);
		putc('\n', stderr);
	}
	if (!error)
		return 0;
	return e->code == SG_EUSAGE ? EXIT_USAGE : EXIT_BAD_INPUT;
}

/* Prints a note about file ("": none): neither a warning nor an error,
 * whatever --strict says. */
static void print_note(const struct printer *p, const char *file,
		       const char *code, const char *text)
{
	progress_hush(p->line);
	if (p->json) {
		fprintf(stderr, "{\"file\": ");
		json_string(file);
		fprintf(stderr, ", \"line\": 0, \"column\": 0, \"severity\": "
			"\"note\", \"code\": \"%s\", \"message\": ", code);
		json_string(text);
		fprintf(stderr, "}\n");
	} else {
		fprintf(stderr, "scograph: %s%snote: %s\n", file,
			*file ? ": " : "", text);
	}
	if (p->github) {
		fprintf(stderr, "::notice title=scograph::");
		github_escaped(text, 0);
		putc('\n', stderr);
	}
}

/* Tells what --max-nodes folded in the view of file, whatever the view is
 * used for. */
static void note_folded(const struct printer *p, const sg_view *v,
			long max)
{
	char text[200], why[80];
	size_t n = sg_view_entity_count(v) + sg_view_cut_count(v);

	if (!sg_view_cut_count(v))
		return;
	/* (few enough entities are folded for their lines: a page's) */
	if (n > (size_t)max)
		snprintf(why, sizeof(why), "more than --max-nodes %ld", max);
	else
		snprintf(why, sizeof(why), "with more relations than the %d "
			 "lines a page holds", SG_PAGE_LINES);
	snprintf(text, sizeof(text), "%zu entities, %s: %zu drawn, %zu "
		 "folded into %zu %s", n, why,
		 sg_view_entity_count(v), sg_view_cut_count(v),
		 sg_view_summary_count(v),
		 sg_view_summary_count(v) == 1 ? "summary" : "summaries");
	print_note(p, p->file ? p->file : "", "folded", text);
}

/* Says which entity a name the user gave was taken for, where it was
 * found by the words it holds ("shanghai"), not by a whole name. */
static void note_found(const struct printer *p, const sg_graph *g,
		       const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sg_error err = { 0 };
		sg_entity_info e;
		sg_match how;
		char text[300];

		if (sg_graph_lookup(g, names[i], &e, &how, &err) ||
		    how != SG_MATCH_WORDS)
			continue;
		snprintf(text, sizeof(text), "'%s' is taken for %s ('%s')",
			 names[i], e.name, e.id);
		print_note(p, p->file ? p->file : "", "found-by-words", text);
	}
}

/* Prints everything reading and resolving found; the exit status. */
static int print_diagnostics(const struct printer *p, sg_graph *g)
{
	const sg_error *list;
	size_t n = sg_graph_diagnostics(g, &list);
	int r = 0;

	for (size_t i = 0; i < n; i++) {
		int status = print_problem(p, &list[i]);

		if (!r)
			r = status;
	}
	return r;
}

/* One field of a tab-separated line: tabs, line breaks and backslashes
 * are escaped so that every entity stays on one line. */
static void print_field(const char *s, char end)
{
	for (; *s; s++) {
		if (*s == '\t' || *s == '\n' || *s == '\r' || *s == '\\')
			printf("\\%c", *s == '\t' ? 't' : *s == '\n' ? 'n' :
				       *s == '\r' ? 'r' : '\\');
		else
			putchar(*s);
	}
	putchar(end);
}

static void print_entity(const sg_entity_info *e, char end)
{
	print_field(e->id, '\t');
	print_field(e->name, '\t');
	print_field(e->type, '\t');
	printf("%zu%c", e->degree, end);
}

/* What summary s stands for, as --list shows it: "12 persons
 * -[member of]-> e0", "+3 more beside e0". */
static void print_summary(const sg_summary_info *s)
{
	static const char *const arrows[][2] = {
		[SG_BOTH] = { "-", "-" }, [SG_OUT] = { "<-", "-" },
		[SG_IN] = { "-", "->" },
	};

	printf("%s: ", s->id);
	print_field(s->label, ' ');
	if (s->further && s->entity) {
		printf("beside ");
		print_field(s->entity, '\n');
	} else if (s->entity) {
		printf("%s[", arrows[s->direction][0]);
		print_field(s->relation ? s->relation : "several", ']');
		printf("%s ", arrows[s->direction][1]);
		print_field(s->entity, '\n');
	} else {
		printf("unrelated\n");
	}
}

/* The entities of the view; when some were folded, a fifth column says
 * into what, and the folded ones follow, summary by summary. */
static int print_list(const sg_view *v)
{
	size_t n = sg_view_summary_count(v);
	sg_summary_info s;
	sg_entity_info e;

	printf("id\tname\ttype\tdegree%s\n", n ? "\tfolded into" : "");
	for (size_t i = 0; sg_view_entity(v, i, &e) == 0; i++) {
		print_entity(&e, n ? '\t' : '\n');
		if (n)
			putchar('\n');
	}
	for (size_t i = 0; sg_view_summary(v, i, &s) == 0; i++)
		for (size_t j = 0; sg_view_folded(v, i, j, &e) == 0; j++) {
			print_entity(&e, '\t');
			print_summary(&s);
		}
	return 0;
}

static int print_stats(const sg_view *v, sg_error *err)
{
	sg_stats s;

	if (sg_view_stats(v, &s, err))
		return -1;
	/* each line says which stage it counts: a drawing's boxes read as
	 * the graph's size would look like data lost */
	printf("entities read: %zu\nrelations read: %zu\n"
	       "entities selected: %zu\nrelations selected: %zu\n"
	       "entities drawn: %zu\nsummaries drawn: %zu\n"
	       "entities folded: %zu\nentities named in summaries: %zu\n"
	       "relations drawn: %zu\n"
	       "entity types drawn: %zu\nrelation types drawn: %zu\n"
	       "sources drawn: %zu\n",
	       s.read_entities, s.read_relations, s.selected_entities,
	       s.selected_relations, s.entities, s.summaries, s.folded,
	       s.named, s.relations, s.entity_types, s.relation_types, s.sources);
	return 0;
}

/* Binary data on a terminal is noise and can upset it. */
static int refuse_binary_on_terminal(const sg_output *outs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *format = sg_output_format(&outs[i]);

		if (!strcmp(outs[i].path, "-") && format &&
		    sg_format_is_binary(format) && isatty(STDOUT_FILENO)) {
			fprintf(stderr, "scograph: error: will not write %s "
					"to a terminal; use -o FILE or a pipe\n",
				format);
			return -1;
		}
	}
	return 0;
}

/* Prints a warning sg_render finds; under --strict it stops the run. */
static int render_warning(void *printer, const sg_error *w)
{
	struct printer *p = printer;

	p->stopped = print_problem(p, w);
	return p->stopped;
}

/* What every graph of a run shares: the options, how problems print, the
 * selection. */
struct run {
	const struct config *c;
	struct printer p;
	sg_select_opts so;
	int skip_other; /* a file that is no graph is passed over, noted */
	const sg_shape *shape; /* --shape's */
};

/* Whether path names an SVG file. */
static int is_svg_name(const char *path)
{
	size_t n = strlen(path);

	return n > 4 && !strcmp(path + n - 4, ".svg");
}

/* The places of graph old, read from path, drawn with the run's options
 * ro; NULL with err, or without when it has no entity to keep (a graph
 * new since). */
static sg_layout *drawn_places(const struct run *run,
			       const sg_render_opts *ro, const sg_graph *old,
			       const char *path, sg_error *err)
{
	sg_render_opts quiet = *ro;
	sg_view *v = NULL;
	sg_layout *l = NULL;
	char *svg = NULL;
	size_t len = 0;

	/* its warnings were the old version's to mend */
	quiet.warn = NULL;
	quiet.progress = NULL;
	if ((v = sg_select(old, &run->so, err)) && sg_view_entity_count(v) &&
	    !sg_render_buffer(v, &quiet, "svg", &svg, &len, err))
		l = sg_layout_read(path, svg, len, err);
	free(svg);
	sg_view_free(v);
	return l;
}

/* The places --keep-layout keeps: an SVG's, or those of the earlier
 * version of the graph, drawn with the run's options ro; NULL with err,
 * or without when that version had no entity to keep. */
static sg_layout *kept_layout(const struct run *run, const sg_render_opts *ro,
			      sg_error *err)
{
	const char *path = run->c->keep_layout;
	sg_graph *old;
	sg_layout *l = NULL;

	if (is_svg_name(path))
		return sg_layout_read_file(path, err);
	if (!(old = sg_graph_new())) {
		*err = (sg_error){ .code = SG_ENOMEM, .text = "out of memory" };
		return NULL;
	}
	if (!sg_read_file(old, path, run->c->from_format, err) &&
	    !sg_graph_resolve(old, err))
		l = drawn_places(run, ro, old, path, err);
	sg_graph_free(old);
	return l;
}

/* Draws v into outs; base (NULL: none), the version a diff compares
 * with, read from the run's --diff OLD, gives its places unless the run
 * asks for a fresh layout or other places. */
static int draw(struct run *run, const sg_view *v, const sg_output *outs,
		size_t n, const sg_graph *base, sg_error *err)
{
	static const char *const rankdirs[] = { "TB", "LR", "BT", "RL" };
	const struct config *c = run->c;
	struct printer *p = &run->p;
	sg_layout *keep = NULL;
	sg_render_opts ro = {
		.engine = c->engine, .title = c->title, .legend = c->legend,
		.page = c->page,
		.cluster = c->cluster, .caption = c->caption,
		.graph_attrs = c->graph_attrs.items,
		.ngraph_attrs = c->graph_attrs.n,
		.node_attrs = c->node_attrs.items,
		.nnode_attrs = c->node_attrs.n,
		.edge_attrs = c->edge_attrs.items,
		.nedge_attrs = c->edge_attrs.n,
		.warn = render_warning, .warn_ctx = p,
		.progress = p->line ? progress_tell : NULL,
		.progress_ctx = p->line,
	};
	sg_theme *theme = NULL;
	int r = 0, k;

	if (c->rankdir) {
		k = one_of(c->rankdir, rankdirs, 4, "rankdir");
		if (k < 0)
			r = EXIT_USAGE;
		else
			ro.rankdir = rankdirs[k];
	}
	if (!r && refuse_binary_on_terminal(outs, n))
		r = EXIT_USAGE;
	if (!r && !(ro.theme = theme = sg_theme_open(
			    c->theme ? c->theme : "light", err)))
		r = -1;
	if (!r && (c->keep_layout || (base && c->fresh_layout <= 0))) {
		sg_error why = { 0 };

		ro.keep = keep = c->keep_layout ?
			kept_layout(run, &ro, &why) :
			drawn_places(run, &ro, base, c->diff, &why);
		if (!keep && why.code) {
			*err = why;
			r = -1;
		}
	}
	if (!r && sg_render(v, &ro, outs, n, err))
		r = -1;
	progress_hush(p->line);
	sg_layout_free(keep);
	sg_theme_free(theme);
	return r;
}

/* Past this many entities, a drawing is past reading. */
#define LARGE_DRAWING 1000

static int warn_large(const struct printer *p, const sg_view *v)
{
	sg_error e = { SG_WLARGE, SG_WARNING, 0, 0, "", "" };

	snprintf(e.text, sizeof(e.text), "the drawing has %zu entities, too "
		 "many to read; draw a part with --focus, or cap it with "
		 "--max-nodes", sg_view_entity_count(v));
	return print_problem(p, &e);
}


/* Prints a diff's changes as text (--list, --stats); the exit status. */
static int print_changes(const struct printer *p, const sg_diff *d,
			 const char *format)
{
	sg_error err = { 0 };
	char *text;
	size_t len;

	if (sg_diff_write(d, format, &text, &len, &err))
		return print_problem(p, &err);
	fwrite(text, 1, len, stdout);
	free(text);
	return 0;
}

/* --diff: reads OLD, compares g with it, and prints or draws the changes;
 * the exit status. */
static int compare(struct run *run, const sg_graph *g, const sg_output *outs,
		   size_t nouts)
{
	const struct config *c = run->c;
	struct printer *p = &run->p;
	sg_error err = { 0 };
	sg_graph *old = sg_graph_new();
	sg_diff *d = NULL;
	sg_view *v = NULL;
	int r = 0;

	if (!old)
		return print_problem(p, &(sg_error){ .code = SG_ENOMEM,
					  .text = "out of memory" });
	if (p->line)
		sg_graph_set_progress(old, progress_tell, p->line);
	/* OLD is told from its content: it may be in another format */
	if (sg_read_file(old, c->diff, NULL, &err) ||
	    sg_graph_resolve(old, &err)) {
		/* its warnings were the old version's to mend */
		r = print_diagnostics(p, old);
		if (!r)
			r = print_problem(p, &err);
	}
	progress_hush(p->line);
	if (!r && !(d = sg_diff_new(old, g, &err)))
		r = print_problem(p, &err);
	if (!r && c->list)
		r = print_changes(p, d, "list");
	else if (!r && c->stats)
		r = print_changes(p, d, "stats");
	else if (!r && !(v = sg_diff_select(d, &run->so, &err)))
		r = print_problem(p, &err);
	/* a picture of no change holds only its title: say why */
	if (!r && v && !sg_diff_any(d))
		print_note(p, c->diff, "no-change", "nothing changed: the "
			   "picture holds no entity");
	/* before, after and the difference look alike: laid out as OLD's
	 * own drawing is */
	if (!r && v && draw(run, v, outs, nouts, old, &err))
		r = p->stopped ? p->stopped :
		    err.code ? print_problem(p, &err) : EXIT_USAGE;
	if (!r && c->exit_code && sg_diff_any(d))
		r = EXIT_CHANGED;
	sg_view_free(v);
	sg_diff_free(d);
	sg_graph_free(old);
	return r;
}

/* --verbose: a query as it is sent. */
static void print_query(void *data, const char *query)
{
	(void)data;
	fprintf(stderr, "scograph: query: %s\n", query);
}

/* The text of the file at path, NUL-terminated; NULL with errno set. */
static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL, *more;
	size_t len = 0, got;

	while (f && (more = realloc(text, len + 65536 + 1))) {
		text = more;
		got = fread(text + len, 1, 65536, f);
		len += got;
		if (got < 65536)
			break;
	}
	if (!f || !more || ferror(f)) {
		int e = f && !more ? ENOMEM : errno;

		if (f)
			fclose(f);
		free(text);
		errno = e;
		return NULL;
	}
	fclose(f);
	text[len] = '\0';
	return text;
}

/* --sparql: what the endpoint holds read into g, and the focus as the
 * graph names it into focus; 0, or -1 with err filled. */
static int read_endpoint(const struct config *c, sg_graph *g,
			 const sg_select_opts *so, const char **focus,
			 sg_error *err)
{
	sg_sparql_opts o = {
		.url = c->sparql, .lang = c->lang, .timeout = c->timeout,
		.max_bytes = (size_t)c->max_response << 20,
		.sent = c->verbose ? print_query : NULL,
	};
	char *query = NULL;
	int r;

	if (c->sparql_query && !(o.query = query = read_text(c->sparql_query))) {
		snprintf(err->file, sizeof(err->file), "%s", c->sparql_query);
		snprintf(err->text, sizeof(err->text), "cannot read: %s",
			 strerror(errno));
		err->code = SG_EIO;
		return -1;
	}
	r = sg_read_sparql(g, &o, so, focus, err);
	free(query);
	return r;
}

/* Reads files (none: the built-in graph; --sparql: an endpoint) as one
 * graph, selects, and prints the selection or draws it to outs; the exit
 * status. */
static int one_graph(struct run *run, const char *const *files,
		     size_t nfiles, const sg_output *outs, size_t nouts)
{
	const struct config *c = run->c;
	struct printer *p = &run->p;
	sg_error err = { 0 };
	sg_graph *g = sg_graph_new();
	const sg_error *seen;
	sg_view *v = NULL;
	/* --sparql's focus, as the graph names it (an IRI) */
	const char **focus = calloc(run->so.nfocus + 1, sizeof(*focus));
	const char *const *asked = run->so.focus;
	int r = 0, failed = 0;

	if (!g || !focus) {
		sg_graph_free(g);
		free(focus);
		fprintf(stderr, "scograph: error: out of memory\n");
		return EXIT_BAD_INPUT;
	}
	if (p->line)
		sg_graph_set_progress(g, progress_tell, p->line);
	/* Every file is read, so that one run reports all their problems;
	 * relations are linked only when all of them read well. */
	if (c->sparql) {
		failed = read_endpoint(c, g, &run->so, focus, &err);
		if (!failed && !c->sparql_query)
			run->so.focus = focus;
	} else if (!nfiles) {
		failed = sg_read_builtin(g, &err);
	}
	for (size_t i = 0; i < nfiles; i++)
		failed |= run->shape ? sg_read_file_shaped(g, files[i],
							   run->shape, &err) :
			  sg_read_file(g, files[i], c->from_format, &err);
	progress_hush(p->line);
	if (failed && run->skip_other && err.code == SG_ENOTGRAPH &&
	    sg_graph_diagnostics(g, &seen) == 1) {
		fprintf(stderr, "scograph: %s: note: %s; passed over\n",
			err.file, err.text);
		goto done;
	}
	if (!failed)
		failed = sg_graph_resolve(g, &err);
	progress_hush(p->line);
	r = print_diagnostics(p, g);
	/* a failure no diagnostic tells of (out of memory) is still one */
	if (failed && !r)
		r = print_problem(p, &err);
	if (!r && !c->check) {
		note_found(p, g, run->so.focus, run->so.nfocus);
		note_found(p, g, run->so.exclude, run->so.nexclude);
		note_found(p, g, &run->so.path_from, run->so.path_from != NULL);
		note_found(p, g, &run->so.path_to, run->so.path_to != NULL);
	}
	if (!r && !c->check && c->diff) {
		r = compare(run, g, outs, nouts);
		goto done;
	}
	if (!r && !c->check && !(v = sg_select(g, &run->so, &err)))
		r = print_problem(p, &err);
	if (v)
		note_folded(p, v, c->max_nodes);
	if (!r && v && !c->list && !c->stats &&
	    sg_view_entity_count(v) > LARGE_DRAWING)
		r = warn_large(p, v);
	if (!r && v && c->list)
		r = print_list(v);
	else if (!r && v && c->stats)
		r = print_stats(v, &err) ? print_problem(p, &err) : 0;
	else if (!r && v && draw(run, v, outs, nouts, NULL, &err))
		r = p->stopped ? p->stopped :
		    err.code ? print_problem(p, &err) : EXIT_USAGE;
done:
	run->so.focus = asked;
	free(focus);
	sg_view_free(v);
	sg_graph_free(g);
	return r;
}

/* A new string, as printf would write it; NULL when out of memory. */
__attribute__((format(printf, 1, 2)))
static char *new_string(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* The files of a folder --render-all draws (and --watch watches): those of
 * the formats scograph reads whose names say graph. CSV and TSV are not:
 * a folder of graphs keeps its tables too, and a table is read as edges
 * whatever it holds; name one on the command line to draw it. */
static const char *const graph_files[] = {
	".json", ".jsonl", ".jsonld", ".gv", ".dot", ".graphml", ".gexf",
	".nt", ".nq", ".ttl", ".trig",
};
#define NGRAPH_FILES (sizeof(graph_files) / sizeof(graph_files[0]))

static int is_graph_file(const char *name)
{
	const char *ext = strrchr(name, '.');

	for (size_t i = 0; ext && ext != name && i < NGRAPH_FILES; i++)
		if (!strcmp(ext, graph_files[i]))
			return 1;
	return 0;
}

/* Graph files by the name they are drawn under (theirs without their
 * extension), then by that extension; bytes, not the locale's order. Two
 * files drawn under one name are then neighbours, wherever others sort
 * (a.json, a.jsonb.json, a.jsonl). */
static int by_name(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t nx = (size_t)(strrchr(x, '.') - x);
	size_t ny = (size_t)(strrchr(y, '.') - y);
	int d = memcmp(x, y, nx < ny ? nx : ny);

	if (d || nx == ny)
		return d ? d : strcmp(x + nx, y + ny);
	return nx < ny ? -1 : 1;
}

/* The graphs of folder dir: its graph_files, by_name. NULL
 * with the error printed. */
static char **graphs_in(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	size_t alloc = 8;
	char **names = malloc(alloc * sizeof(*names));
	struct dirent *e = NULL;

	*n = 0;
	if (d && !names) {
		closedir(d);
		d = NULL;
		errno = ENOMEM;
	}
	if (!d) {
		free(names);
		fprintf(stderr, "scograph: %s: error: cannot open folder: %s\n",
			dir, strerror(errno));
		return NULL;
	}
	while ((e = readdir(d))) {
		char **more = names;

		if (!is_graph_file(e->d_name))
			continue;
		if (*n == alloc &&
		    !(more = realloc(names, (alloc *= 2) * sizeof(*names))))
			break;
		names = more;
		if (!(names[*n] = strdup(e->d_name)))
			break;
		++*n;
	}
	closedir(d);
	if (e) {
		fprintf(stderr, "scograph: error: out of memory\n");
		while (*n)
			free(names[--*n]);
		free(names);
		return NULL;
	}
	qsort(names, *n, sizeof(*names), by_name);
	return names;
}

/* --render-all: each graph of the folder drawn on its own, into the -o
 * folder; a bad graph is reported and skipped, the others still drawn. */
static int render_all(struct run *run)
{
	const struct config *c = run->c;
	static const char *const svg[] = { "svg" };
	const char *const *formats = c->formats.n ? c->formats.items : svg;
	const char *outdir = c->outputs.n ? c->outputs.items[0] : NULL;
	/* --check draws nothing */
	size_t nformats = !outdir ? 0 : c->formats.n ? c->formats.n : 1, n, k;
	char **names = graphs_in(c->render_all, &n);
	sg_output *outs = calloc(nformats + 1, sizeof(*outs));

	/* a folder of graphs may hold their schema and themes too */
	run->skip_other = 1;
	int worst = names && outs ? 0 : EXIT_BAD_INPUT;

	if (!worst && !n) {
		fprintf(stderr, "scograph: %s: error: no graphs to draw (",
			c->render_all);
		for (size_t i = 0; i < NGRAPH_FILES; i++)
			fprintf(stderr, "%s*%s", i ? ", " : "", graph_files[i]);
		fprintf(stderr, ")\n");
		worst = EXIT_BAD_INPUT;
	}
	if (!worst && outdir && mkdir(outdir, 0777) && errno != EEXIST) {
		fprintf(stderr, "scograph: %s: error: cannot make folder: %s\n",
			outdir, strerror(errno));
		worst = EXIT_BAD_INPUT;
	}
	/* with no folder to draw into, no graph is tried */
	for (k = worst ? n : 0; k < n && worst != EXIT_USAGE; k++) {
		int base = (int)(strrchr(names[k], '.') - names[k]);
		char *path = new_string("%s/%s", c->render_all, names[k]);
		int r = !path;

		/* sorted by_name, a.json and a.gv are neighbours */
		if (k && !strncmp(names[k - 1], names[k], (size_t)base + 1) &&
		    strrchr(names[k - 1], '.') - names[k - 1] == base) {
			fprintf(stderr, "scograph: %s: error: %s is drawn "
					"under the same name; rename one\n",
				path ? path : names[k], names[k - 1]);
			free(path);
			worst = EXIT_BAD_INPUT;
			continue;
		}
		for (size_t f = 0; f < nformats && !r; f++) {
			outs[f].format = formats[f];
			r = !(outs[f].path = new_string("%s/%.*s.%s", outdir,
							base, names[k],
							formats[f]));
		}
		run->p.file = path;
		r = r ? (fprintf(stderr, "scograph: error: out of memory\n"),
			 EXIT_BAD_INPUT) :
			one_graph(run, (const char *const *)&path, 1, outs,
				  nformats);
		run->p.file = NULL;
		if (r > worst)
			worst = r;
		free(path);
		for (size_t f = 0; f < nformats; f++) {
			free((char *)outs[f].path);
			outs[f].path = NULL;
		}
	}
	while (names && n)
		free(names[--n]);
	free(names);
	free(outs);
	return worst;
}

/* Whether path names a file (a theme or shape may be a name or words). */
static int is_file(const char *path)
{
	struct stat st;

	return path && !stat(path, &st) && S_ISREG(st.st_mode);
}

/* Reads every graph and draws it into outs (n of them), or --render-all's
 * folder; the exit status. */
static int draw_once(struct run *run, const sg_output *outs, size_t n)
{
	const struct config *c = run->c;
	sg_shape *shape = NULL;
	sg_error err = { 0 };
	int r;

	/* a shape file, else the words of one: read each time, for --watch */
	if (c->shape && !(shape = is_file(c->shape) ?
					  sg_shape_load(c->shape, &err) :
					  sg_shape_new(c->shape, &err))) {
		print_problem(&run->p, &err);
		return EXIT_USAGE;
	}
	run->shape = shape;
	r = c->render_all ? render_all(run) :
			    one_graph(run, c->files.items, c->files.n, outs, n);
	run->shape = NULL;
	sg_shape_free(shape);
	return r;
}

/* The -o that names a graph file the drawing is read from (NULL: none):
 * under --watch each drawing would change it and be drawn again. */
static const char *output_read(const struct config *c)
{
	struct stat out, in;

	for (size_t i = 0; i < c->outputs.n; i++) {
		if (stat(c->outputs.items[i], &out))
			continue;
		for (size_t j = 0; j < c->files.n + 1; j++) {
			const char *f = j < c->files.n ? c->files.items[j] :
							 c->diff;

			if (f && !stat(f, &in) && in.st_dev == out.st_dev &&
			    in.st_ino == out.st_ino)
				return c->outputs.items[i];
		}
	}
	return NULL;
}

/* The files a drawing is made from, in w; -1 printed. */
static int watch_inputs(struct watch *w, const struct config *c)
{
	int r = 0;

	for (size_t i = 0; i < c->files.n && !r; i++)
		r = watch_file(w, c->files.items[i]);
	if (!r && c->render_all)
		r = watch_folder(w, c->render_all, graph_files,
				 NGRAPH_FILES);
	if (!r && c->diff)
		r = watch_file(w, c->diff);
	if (!r && is_file(c->theme))
		r = watch_file(w, c->theme);
	if (!r && is_file(c->shape))
		r = watch_file(w, c->shape);
	return r;
}

/* Says what a redraw after a change to first (and more others) did, with
 * status r, in ms milliseconds. */
static void tell_redrawn(const struct run *run, const char *first,
			 size_t more, int r, long ms, const sg_output *outs,
			 size_t n)
{
	const struct config *c = run->c;
	/* (a --diff that found changes drew them) */
	int drawn = !r || r == EXIT_CHANGED;
	char *text = NULL;
	size_t len;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return;
	fprintf(f, "changed");
	if (more)
		fprintf(f, " (and %zu more)", more);
	if (c->check)
		fprintf(f, "; checked%s", drawn ? "" : ": problems found");
	else if (!drawn)
		fprintf(f, "; %s", c->render_all ? "the graphs that failed "
			"keep their drawings" : "not drawn: the outputs are as "
			"they were");
	else if (c->render_all)
		fprintf(f, "; drew %s into %s", c->render_all,
			c->outputs.items[0]);
	for (size_t i = 0; drawn && !c->check && outs && i < n; i++)
		fprintf(f, "%s%s", i ? ", " : "; wrote ", outs[i].path);
	fprintf(f, " (%.2f s)", (double)ms / 1000);
	if (!fclose(f))
		print_note(&run->p, first, "redrawn", text);
	free(text);
}

/* --watch: draws, then again whenever an input changes, until a signal
 * ends it; the exit status of the last drawing. */
static int watch_and_draw(struct run *run, const sg_output *outs, size_t n)
{
	struct watch *w = watch_new();
	enum watch_end end = WATCH_FAILED;
	const char *first;
	size_t more;
	int r = EXIT_BAD_INPUT;

	if (w && !watch_inputs(w, run->c)) {
		r = draw_once(run, outs, n);
		print_note(&run->p, "", "watching", "watching the input files "
			   "for changes; Ctrl-C stops");
		while ((end = watch_wait(w, &first, &more)) == WATCH_CHANGED) {
			long start = watch_now_ms();

			r = draw_once(run, outs, n);
			tell_redrawn(run, first, more, r,
				     watch_now_ms() - start, outs, n);
		}
	}
	watch_free(w);
	return end == WATCH_FAILED ? EXIT_BAD_INPUT : r;
}

static int run(const struct config *c)
{
	static const char *const directions[] = { "both", "out", "in" };
	static const char *const forms[] = { "text", "json" };
	const char *github = getenv("GITHUB_ACTIONS");
	const char *term = getenv("TERM");
	struct run run = {
		c,
		{ 0, github && !strcmp(github, "true"), c->strict, 0, NULL, NULL },
		{
			.focus = c->focus.items, .nfocus = c->focus.n,
			.depth = (int)c->depth, .direction = SG_BOTH,
			.relation_types = c->relation_types.items,
			.nrelation_types = c->relation_types.n,
			.entity_types = c->entity_types.items,
			.nentity_types = c->entity_types.n,
			.where = c->where.items, .nwhere = c->where.n,
			.exclude = c->exclude.items, .nexclude = c->exclude.n,
			.exclude_types = c->exclude_types.items,
			.nexclude_types = c->exclude_types.n,
			.exclude_relations = c->exclude_relations.items,
			.nexclude_relations = c->exclude_relations.n,
			.path_from = c->path_from, .path_to = c->path_to,
			.max_entities = (size_t)c->max_nodes,
			/* a page holds fewer lines than a poster */
			.max_lines = c->page && !strcmp(c->page, "none") ?
					     0 : SG_PAGE_LINES,
			.allow_empty = c->allow_empty,
		},
		0,
		NULL,
	};
	size_t n = c->outputs.n ? c->outputs.n : 1;
	/* --render-all names its outputs itself */
	sg_output *outs = c->render_all ? NULL : calloc(n, sizeof(*outs));
	int r, k;

	if (c->direction) {
		if ((k = one_of(c->direction, directions, 3, "direction")) < 0)
			return EXIT_USAGE;
		run.so.direction = (sg_direction)k;
	}
	if (c->diagnostics) {
		if ((k = one_of(c->diagnostics, forms, 2, "diagnostics")) < 0)
			return EXIT_USAGE;
		run.p.json = k == 1;
	}
	/* (a terminal that cannot erase a line is none to draw one on) */
	if (c->progress > 0 ||
	    (!c->progress && isatty(STDERR_FILENO) && term &&
	     strcmp(term, "dumb")))
		run.p.line = progress_start();
	if (!c->render_all && !outs) {
		fprintf(stderr, "scograph: error: out of memory\n");
		r = EXIT_BAD_INPUT;
	} else {
		/* an extension, like -T, is a format's name in any case */
		for (size_t i = 0; outs && i < n; i++) {
			outs[i].path = c->outputs.n ? c->outputs.items[i] : "-";
			outs[i].format = c->formats.n ? c->formats.items[0] :
					 lower_extension(outs[i].path);
		}
		r = c->watch ? watch_and_draw(&run, outs, n) :
			       draw_once(&run, outs, n);
		for (size_t i = 0; outs && !c->formats.n && i < n; i++)
			free((char *)outs[i].format);
		free(outs);
	}
	progress_stop(run.p.line);
	return r;
}

static int has(const struct list *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->items[i], s))
			return 1;
	return 0;
}

/* Whether name is an input format; with "list", prints them. */
static int input_format(const char *name)
{
	const char *f, *about;
	size_t i;

	for (i = 0; (f = sg_input_format(i, &about)); i++) {
		if (!strcmp(name, "list"))
			printf("%-12s %s\n", f, about);
		else if (!strcmp(name, f))
			return 1;
	}
	if (!strcmp(name, "list"))
		return 1;
	fprintf(stderr, "scograph: error: unknown input format '%s'; the "
		"formats are:", name);
	for (i = 0; (f = sg_input_format(i, NULL)); i++)
		fprintf(stderr, " %s", f);
	fprintf(stderr, "\ntry 'scograph --from-format list'\n");
	return 0;
}

/* A signal that ends the process: the files being written go first, then
 * the process ends by the signal, as it would have. */
static void end_by_signal(int sig)
{
	progress_erase_now();
	sg_remove_temporaries();
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * Graphviz ends the process itself on what its layouts cannot handle
 * (abort(), an assert, glibc's abort on a corrupted heap, or exit()):
 * the files being written go first then too, SIGABRT as the signals
 * above, exit() by atexit (sg_remove_temporaries does nothing outside
 * sg_render). None has been seen: see "Graphviz's own failures" in the
 * README.
 */
static void handle_signals(void)
{
	static const int ending[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT,
				      SIGPIPE, SIGABRT };
	struct sigaction sa = { .sa_handler = end_by_signal }, old;

	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(ending) / sizeof(ending[0]); i++)
		sigaddset(&sa.sa_mask, ending[i]);
	for (size_t i = 0; i < sizeof(ending) / sizeof(ending[0]); i++)
		/* a signal ignored from the start (nohup, a background
		 * job's SIGINT) stays ignored */
		if (!sigaction(ending[i], NULL, &old) &&
		    old.sa_handler != SIG_IGN)
			sigaction(ending[i], &sa, NULL);
	/* past a file-size limit, a write fails as on a full disk, with an
	 * error naming the file, instead of killing the process */
	signal(SIGXFSZ, SIG_IGN);
	atexit(sg_remove_temporaries);
}

int main(int argc, char **argv)
{
	struct config c = { 0 };
	int r;

	handle_signals();
	c.depth = 1;
	c.max_nodes = SG_MAX_ENTITIES_DEFAULT;
	if (parse(&c, argc, argv)) {
		r = EXIT_USAGE;
	} else if (c.help) {
		usage(stdout);
		r = 0;
	} else if (c.version) {
		printf("scograph %s\n", SG_VERSION);
		r = 0;
	} else if (c.from_format && !input_format(c.from_format)) {
		r = EXIT_USAGE;
	} else if (c.from_format && !strcmp(c.from_format, "list")) {
		r = 0;
	} else if (c.shape && c.from_format) {
		r = EXIT_USAGE;
		usage_error("%s", "--shape reads every FILE as its words say: "
				  "no --from-format with it");
	} else if (!c.path_from != !c.path_to || (c.path_from && c.focus.n)) {
		r = EXIT_USAGE;
		usage_error("%s", "--from and --to go together, and not with "
				  "--focus");
	} else if ((c.list || c.stats) && c.outputs.n) {
		r = EXIT_USAGE;
		usage_error("%s", "--list and --stats print to standard "
				  "output; they take no -o");
	} else if (c.render_all && (c.files.n || c.list || c.stats ||
				    c.outputs.n > 1 ||
				    (!c.check && !c.outputs.n) ||
				    (c.outputs.n &&
				     !strcmp(c.outputs.items[0], "-")))) {
		r = EXIT_USAGE;
		usage_error("%s", "--render-all DIR takes one -o FOLDER, and "
				  "no FILE, --list or --stats");
	} else if (c.diff && (c.render_all || c.path_from ||
			      (!strcmp(c.diff, "-") &&
			       has(&c.files, "-")))) {
		r = EXIT_USAGE;
		usage_error("%s", "--diff takes no --render-all or --from, "
				  "and standard input once");
	} else if (!c.diff && (c.fresh_layout > 0 || c.exit_code)) {
		r = EXIT_USAGE;
		usage_error("%s", "--fresh-layout and --exit-code go with "
				  "--diff OLD");
	} else if (c.keep_layout && (c.render_all ||
				     (!strcmp(c.keep_layout, "-") &&
				      (has(&c.files, "-") ||
				       (c.diff && !strcmp(c.diff, "-")))))) {
		r = EXIT_USAGE;
		usage_error("%s", "--keep-layout takes no --render-all (its "
				  "graphs have a drawing each), and standard "
				  "input once");
	} else if (c.watch && (c.list || c.stats || has(&c.files, "-") ||
			       (c.diff && !strcmp(c.diff, "-")) ||
			       (!c.check && !c.render_all &&
				(!c.outputs.n || has(&c.outputs, "-"))))) {
		r = EXIT_USAGE;
		usage_error("%s", "--watch draws into files again and again: "
				  "it takes -o FILE, --render-all or --check, "
				  "and no standard input or output");
	} else if (c.watch && !c.files.n && !c.render_all && !c.diff &&
		   !is_file(c.theme) && !is_file(c.shape)) {
		r = EXIT_USAGE;
		usage_error("%s", "--watch has nothing to watch: the built-in "
				  "graph never changes; name a FILE");
	} else if (c.watch && output_read(&c)) {
		r = EXIT_USAGE;
		usage_error("--watch: '%s' is an output and an input: each "
			    "drawing would change it and be drawn again",
			    output_read(&c));
	} else if (c.sparql && !c.sparql_query && c.path_from) {
		/* (a store's paths are not walked: a SPARQL property path
		 * answers whether, not through what) */
		r = EXIT_USAGE;
		usage_error("%s", "--sparql does not fetch paths: draw --from "
				  "and --to from a file, or from the answer "
				  "to your own --sparql-query");
	} else if (c.sparql && (c.files.n || c.render_all || c.watch ||
				(!c.sparql_query && !c.focus.n))) {
		r = EXIT_USAGE;
		usage_error("%s", "--sparql draws a --focus's neighbourhood, "
				  "or the answer to --sparql-query: no FILE, "
				  "--render-all or --watch");
	} else if (!c.sparql && (c.sparql_query || c.lang || c.timeout ||
				 c.max_response || c.verbose)) {
		r = EXIT_USAGE;
		usage_error("%s", "--sparql-query, --lang, --timeout, "
				  "--max-response and --verbose go with "
				  "--sparql URL");
	} else if (!c.render_all && c.formats.n > 1) {
		r = EXIT_USAGE;
		usage_error("%s", "-T once: outputs of several formats are "
				  "named by their extensions");
	} else {
		r = run(&c);
	}
	free(c.files.items);
	free(c.focus.items);
	free(c.relation_types.items);
	free(c.entity_types.items);
	free(c.where.items);
	free(c.exclude.items);
	free(c.exclude_types.items);
	free(c.exclude_relations.items);
	free(c.graph_attrs.items);
	free(c.node_attrs.items);
	free(c.edge_attrs.items);
	free(c.outputs.items);
	free(c.formats.items);
	/* A write error on stdout (a full disk, a closed pipe) is a failure. */
	if (fflush(stdout) || ferror(stdout) || fclose(stdout)) {
		fprintf(stderr, "scograph: error: cannot write to standard "
				"output: %s\n", strerror(errno));
		return r ? r : EXIT_BAD_INPUT;
	}
	return r;
}
