/*
 * RDF as text, through serd: N-Triples, N-Quads, Turtle and TriG. serd
 * parses the text a page at a time and hands each statement over as it
 * ends; the statements become the triples read_rdf.c maps, and no tree of
 * the document is ever built. The document's prefixes shorten names as a
 * JSON-LD document's @context does. A statement in a named graph keeps the
 * graph's name (see read_rdf.c).
 *
 * serd tells where its own errors are, but not where a statement stands:
 * in N-Triples and N-Quads, one statement a line, the reader counts the
 * lines itself; a Turtle or TriG statement is placed in its file alone.
 *
 * A file of N-Triples or N-Quads is read as it comes (struct rd_format's
 * streams), a piece of whole lines at a time into a window the pieces
 * share: a text held whole was a third of the memory a million triples
 * took, each page of it zeroed by the kernel, then written once and read
 * once.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* (serd's header marks its pointers with clang's nullability words, an
 * extension to -Wpedantic's eyes) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#include <serd/serd.h>
#pragma GCC diagnostic pop

#include "read_rdf.h"

/* How much of the text serd is handed at a time. */
#define PAGE 65536
/* serd 0.30's N-Quads reader (N-Triples' too, here) keeps each statement's
 * subject and predicate on its stack until the document ends: for a
 * million lines 145 MB, and page faults that doubled serd's own time. A
 * text of a statement a line is read in pieces of whole lines of about
 * this size, each by a reader of its own. */
#define PIECE ((size_t)1 << 20)

struct text {
	struct rdf x;
	struct context prefixes;
	SerdEnv *env;
	/* the text in hand: all of it, or (read as it comes) the window,
	 * which begins at a line's start, line first_line, at byte off of
	 * the text */
	const char *data;
	size_t len, fed;  /* fed: the bytes handed to serd */
	int first_line;
	size_t off;
	sg_buf window;
	int ended;         /* the text is all in hand or past */
	const char *piece; /* where the piece serd reads now begins */
	size_t end;        /* and where it ends */
	int lines;        /* a statement a line: N-Triples, N-Quads */
	const char *next; /* there: where the next statement is sought */
	int line;         /* and its line */
	sg_map kept;      /* words kept (predicates, graphs, datatypes) */
	const char **words;
	size_t nwords, awords;
	/* words kept, by their length and last bytes: a statement's
	 * predicate found again without hashing it whole and a look through
	 * kept (3 % of loading a million triples of N-Triples) */
	const char *memo[64];
	sg_buf scratch;
	/* A statement goes into the graph in steps, one a statement serd
	 * reads, each looking up what the step before began to fetch (a
	 * wait on memory: nodes among a hundred thousand, the relations
	 * said): read (its nodes' slots fetched: rd_rdf_prefetch), staged
	 * (its nodes found: rd_rdf_stage), taken in (rd_rdf_take).
	 * pending[now] is the statement being read, the one before it
	 * next, then the one before that. */
	struct pending {
		sg_buf subject, object;
		const char *p, *graph;
		struct term o;
		uint32_t s_hash, o_hash; /* (rd_rdf_prefetch's) */
		sg_loc loc;
		struct staged st;
		enum { EMPTY, READ, STAGED } step;
	} pending[3];
	int now;
};

static size_t feed(void *buf, size_t size, size_t nmemb, void *stream)
{
	struct text *t = stream;
	size_t n = t->end - t->fed < nmemb ? t->end - t->fed : nmemb;

	(void)size; /* serd asks for bytes */
	memcpy(buf, t->data + t->fed, n);
	t->fed += n;
	sg_tell(&t->x.rd->tell, t->off + t->fed);
	return n;
}

static int feed_error(void *stream)
{
	(void)stream; /* the piece is in memory: it cannot fail to be read */
	return 0;
}

/* Where byte at of the text in hand is: its line and, counted in
 * characters, its column. */
static sg_loc place(const struct text *t, const char *at)
{
	sg_loc loc = { t->x.rd->file, t->first_line, 1 };

	for (const char *p = t->data; p < at; p++) {
		if (*p == '\n') {
			loc.line++;
			loc.column = 1;
		} else if ((*p & 0xC0) != 0x80) {
			loc.column++;
		}
	}
	return loc;
}

/* Where the statement serd has just read stands: its line, in a text of a
 * statement a line; else the file alone. */
static sg_loc statement_loc(struct text *t)
{
	const char *p = t->next, *end = t->data + t->len;
	sg_loc loc = { t->x.rd->file, 0, 0 };

	if (!t->lines)
		return loc;
	/* past blank lines and comments: the statement's line */
	while (p < end) {
		if (*p == '\n') {
			t->line++;
		} else if (*p == '#') {
			const char *eol = memchr(p, '\n', (size_t)(end - p));

			p = eol ? eol : end;
			continue;
		} else if (!strchr(" \t\r", *p)) {
			break;
		}
		p++;
	}
	loc.line = t->line;
	/* (counted from the line's start: place() counts from the text's) */
	loc.column = 1;
	for (const char *c = p; c > t->data && c[-1] != '\n'; c--)
		loc.column += (c[-1] & 0xC0) != 0x80;
	p = memchr(p, '\n', (size_t)(end - p));
	t->next = p ? p + 1 : end;
	if (p)
		t->line++;
	return loc;
}

/* serd's report of an error in the text: at its line and column, which
 * serd counts in bytes, from 1 on the first line and from 0 on the others,
 * in the piece it reads. */
static SerdStatus serd_error(void *handle, const SerdError *e)
{
	static const char end[] = "the end of the text";
	struct text *t = handle;
	struct reader *rd = t->x.rd;
	char text[256], *q;
	const char *at = t->piece;
	va_list args;
	sg_loc loc;
	size_t n;

	va_copy(args, *e->args);
	/* (serd's own format, for its own arguments) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(text, sizeof(text), e->fmt, args);
#pragma GCC diagnostic pop
	va_end(args);
	n = strlen(text);
	while (n && (text[n - 1] == '\n' || text[n - 1] == '.'))
		text[--n] = '\0';
	/* serd quotes as `this'; scograph's messages as 'this' */
	for (q = text; (q = strchr(q, '`'));)
		*q = '\'';
	/* and the end of the text as the byte 0xFF, EOF as a char */
	if ((q = strstr(text, "'\xFF'")) &&
	    (size_t)(q - text) + sizeof(end) <= sizeof(text))
		memcpy(q, end, sizeof(end));
	for (unsigned line = 1; line < e->line && at < t->data + t->len;
	     line++) {
		const char *eol = memchr(at, '\n',
					 (size_t)(t->data + t->len - at));

		at = eol ? eol + 1 : t->data + t->len;
	}
	n = e->col ? e->col - (e->line == 1) : 0;
	at = (size_t)(t->data + t->len - at) < n ? t->data + t->len : at + n;
	loc = place(t, at);
	sg_fail(rd->err, SG_ESYNTAX, loc.file, loc.line, loc.column, "%s",
		text);
	return e->status;
}

/* A character of a name: of a prefixed name, a blank node's label, a
 * number, a keyword. */
static int name_char(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
	       c == ':' || c == '%' || c == '\\';
}

/* Where name is first written as a name (a word of its own), or the file
 * alone: where a Turtle statement stands, serd does not tell. */
static sg_loc first_use(const struct text *t, const char *name)
{
	size_t n = strlen(name);
	const char *p = t->data, *end = t->data + t->len;
	sg_loc none = { t->x.rd->file, 0, 0 };

	while (n && (p = memchr(p, *name, (size_t)(end - p)))) {
		if ((size_t)(end - p) < n || memcmp(p, name, n)) {
			p++;
			continue;
		}
		if ((p == t->data || !name_char((unsigned char)p[-1])) &&
		    (p + n == end || !name_char((unsigned char)p[n]) ||
		     p[n] == '.'))
			return place(t, p);
		p++;
	}
	return none;
}

/* Fails: what the statement read holds, or means, cannot be taken in. */
static SerdStatus refuse(struct text *t, sg_code code, sg_loc loc,
			 const char *what, const char *node)
{
	sg_fail(t->x.rd->err, code, loc.file, loc.line, loc.column, "%s '%s'",
		what, node);
	return SERD_ERR_BAD_SYNTAX;
}

/* A word of which a document has few (a predicate, a graph's name, a
 * datatype, a language), of n bytes, interned once. */
static const char *keep(struct text *t, const char *s, size_t n)
{
	size_t tail = n < 8 ? n : 8;
	uint64_t w = n;
	const char **memo, *k;
	int64_t i;

	memcpy(&w, s + n - tail, tail);
	memo = &t->memo[((w ^ n) * 0x9E3779B97F4A7C15u) >> 58];
	if (*memo && !strcmp(*memo, s))
		return *memo;
	if ((i = sg_map_get(&t->kept, s)) >= 0)
		return *memo = t->words[i];
	if (t->nwords >= UINT32_MAX ||
	    SG_GROW(t->words, t->nwords + 1, t->awords) ||
	    !(k = rd_rdf_intern(&t->x, s)) ||
	    sg_map_add(&t->kept, k, (uint32_t)t->nwords)) {
		rd_nomem(t->x.rd);
		return NULL;
	}
	t->words[t->nwords] = k;
	return *memo = t->words[t->nwords++];
}

/* The text of node n as the mapping takes it, in b: an IRI in full (a
 * prefixed name expanded, a relative one resolved against the base when
 * the document has one), a blank node as "_:id", a literal as it is. NULL
 * with the error. */
static const char *node_text(struct text *t, const SerdNode *n, sg_buf *b,
			     sg_loc loc)
{
	SerdChunk prefix, suffix;
	int failed = 0;

	sg_buf_reset(b);
	if (memchr(n->buf, '\0', n->n_bytes)) {
		refuse(t, SG_ESYNTAX, loc, "a NUL character (\\u0000) in",
		       (const char *)n->buf);
		return NULL;
	}
	switch (n->type) {
	case SERD_CURIE:
		if (serd_env_expand(t->env, n, &prefix, &suffix)) {
			refuse(t, SG_EUNKNOWN, loc.line ? loc :
			       first_use(t, (const char *)n->buf),
			       "undefined prefix in", (const char *)n->buf);
			return NULL;
		}
		failed = sg_buf_add(b, (const char *)prefix.buf, prefix.len) ||
			 sg_buf_add(b, (const char *)suffix.buf, suffix.len);
		break;
	case SERD_URI:
		/* (an absolute IRI, the most of them, stands as it is) */
		if (!serd_uri_string_has_scheme(n->buf)) {
			SerdNode full = serd_env_expand_node(t->env, n);

			failed = sg_buf_add(b, full.buf ? (const char *)full.buf :
					    (const char *)n->buf,
					    full.buf ? full.n_bytes : n->n_bytes);
			serd_node_free(&full);
			break;
		}
		failed = sg_buf_add(b, (const char *)n->buf, n->n_bytes);
		break;
	case SERD_LITERAL:
		failed = sg_buf_add(b, (const char *)n->buf, n->n_bytes);
		break;
	case SERD_BLANK:
		failed = sg_buf_addf(b, "_:%s", (const char *)n->buf);
		break;
	case SERD_NOTHING:
		break;
	}
	if (failed) {
		rd_nomem(t->x.rd);
		return NULL;
	}
	return sg_buf_str(b);
}

/* node_text, kept (see keep). */
static const char *kept_text(struct text *t, const SerdNode *n, sg_loc loc)
{
	const char *s = n ? node_text(t, n, &t->scratch, loc) : NULL;

	return s ? keep(t, s, t->scratch.len) : NULL;
}

/* Takes statement w a step further (see struct pending); -1 with the
 * error. */
static int step(struct text *t, struct pending *w)
{
	switch (w->step) {
	case EMPTY:
		return 0;
	case READ:
		w->step = STAGED;
		return rd_rdf_stage(&t->x, sg_buf_str(&w->subject), w->s_hash,
				    w->p, 0, &w->o, w->o_hash, w->loc, w->loc,
				    &w->st);
	case STAGED:
		w->step = EMPTY;
		t->x.graph = w->graph;
		return rd_rdf_take(&t->x, w->p, 0, &w->o, w->loc, &w->st);
	}
	return 0;
}

static SerdStatus on_statement(void *handle, SerdStatementFlags flags,
			       const SerdNode *graph, const SerdNode *subject,
			       const SerdNode *predicate,
			       const SerdNode *object,
			       const SerdNode *datatype, const SerdNode *lang)
{
	struct text *t = handle;
	struct reader *rd = t->x.rd;
	struct pending *s = &t->pending[t->now];
	const char *value;
	SerdStatus st = SERD_ERR_BAD_SYNTAX;

	(void)flags;
	s->loc = statement_loc(t);
	s->o = (struct term){ TERM_LITERAL, NULL, NULL, NULL, NULL };
	s->graph = NULL;
	/* (serd 0.30's N-Quads reader, given Turtle's "[", hands over a
	 * statement without its subject: found by fuzzing) */
	if (!subject || !predicate || !object) {
		sg_fail(rd->err, SG_ESYNTAX, s->loc.file, s->loc.line,
			s->loc.column, "a statement without its %s",
			!subject ? "subject" : !predicate ? "predicate" :
							    "object");
		goto done;
	}
	if ((graph && !(s->graph = kept_text(t, graph, s->loc))) ||
	    !(s->p = kept_text(t, predicate, s->loc)) ||
	    !node_text(t, subject, &s->subject, s->loc) ||
	    !(value = node_text(t, object, &s->object, s->loc)))
		goto done;
	if (object->type == SERD_LITERAL) {
		/* (a literal's text is its own: one seldom repeats) */
		if (!(s->o.value = sg_arena_strndup(&rd->g->arena, value,
						    s->object.len)) ||
		    (datatype &&
		     !(s->o.datatype = kept_text(t, datatype, s->loc))) ||
		    (lang && !(s->o.lang = kept_text(t, lang, s->loc))))
			goto done;
	} else {
		s->o.kind = object->type == SERD_BLANK ? TERM_BNODE : TERM_IRI;
		/* a class (rdf:type's object) is no node: kept here */
		s->o.value = strcmp(s->p, RDF_TYPE) ? value :
			     keep(t, value, s->object.len);
		if (!s->o.value)
			goto done;
		s->o_hash = rd_rdf_prefetch(&t->x, s->o.value);
	}
	s->s_hash = rd_rdf_prefetch(&t->x, sg_buf_str(&s->subject));
	s->step = READ;
	/* (the oldest first: statements go in in the order read) */
	t->now = (t->now + 1) % 3;
	if (!step(t, &t->pending[t->now]) &&
	    !step(t, &t->pending[(t->now + 1) % 3]))
		st = SERD_SUCCESS;
done:
	if (st && rd->error.code == SG_OK)
		rd_nomem(rd);
	return st;
}

static SerdStatus on_base(void *handle, const SerdNode *uri)
{
	struct text *t = handle;

	return serd_env_set_base_uri(t->env, uri);
}

/* A prefix: serd's, to expand names, and a definition of the document's
 * own, to shorten them. */
static SerdStatus on_prefix(void *handle, const SerdNode *name,
			    const SerdNode *uri)
{
	struct text *t = handle;
	sg_loc loc = { t->x.rd->file, 0, 0 };
	struct def d = { 0 };
	SerdStatus st = serd_env_set_prefix(t->env, name, uri);

	if (st)
		return st;
	if (!(d.term = kept_text(t, name, loc)) ||
	    !(d.iri = kept_text(t, uri, loc)) ||
	    rd_rdf_def(&t->x, &t->prefixes, &d))
		return SERD_ERR_UNKNOWN;
	return SERD_SUCCESS;
}

/* Reads the text from t->fed to t->end, by a reader of its own. */
static SerdStatus read_piece(struct text *t, SerdSyntax syntax)
{
	SerdReader *reader = serd_reader_new(syntax, t, NULL, on_base,
					     on_prefix, on_statement, NULL);
	SerdStatus st;

	if (!reader) {
		rd_nomem(t->x.rd);
		return SERD_ERR_UNKNOWN;
	}
	t->piece = t->data + t->fed;
	serd_reader_set_error_sink(reader, serd_error, t);
	st = serd_reader_read_source(reader, feed, feed_error, t,
				     (const uint8_t *)t->x.rd->file, PAGE);
	serd_reader_free(reader);
	return st;
}

/* Fails at the first NUL byte of the text in hand from byte from on: no
 * RDF text holds one. */
static int no_nul(struct text *t, size_t from)
{
	const char *nul = memchr(t->data + from, '\0', t->len - from);
	sg_loc loc;

	if (!nul)
		return 0;
	loc = place(t, nul);
	return sg_fail(t->x.rd->err, SG_EENCODING, loc.file, loc.line,
		       loc.column, "a NUL byte, which no RDF text holds");
}

/* Brings into the window, past the lines serd has read, the text's next
 * piece whole: past fed + PIECE to a line's end, or to the text's end.
 * Nothing to do for a text all in hand. -1 with the error. */
static int more(struct text *t)
{
	struct reader *rd = t->x.rd;
	size_t keep = (size_t)(t->next - t->data), had;
	const char *eol = NULL;
	int r;

	if (t->ended)
		return 0;
	/* (the window begins where the next statement is sought: each
	 * before it is read, and a place is counted from its line) */
	if (t->data == t->window.buf) {
		memmove(t->window.buf, t->data + keep, t->len - keep);
		t->window.len = t->len - keep;
		t->window.buf[t->window.len] = '\0';
	} else if (sg_buf_add(&t->window, t->next, t->len - keep)) {
		return rd_nomem(rd);
	}
	t->first_line = t->line;
	t->off += keep;
	t->fed -= keep;
	while (!eol && !t->ended) {
		had = t->window.len;
		r = rd_read_fd(rd->rest->fd, rd->file, 0, &t->window, PIECE,
			       &(sg_teller){ 0 }, rd->err);
		if (r < 0)
			return -1;
		t->ended = r;
		t->data = t->next = t->window.buf;
		t->len = t->window.len;
		if (no_nul(t, had))
			return -1;
		if (t->len - t->fed > PIECE) {
			size_t from = had > t->fed + PIECE ? had :
							     t->fed + PIECE;

			eol = memchr(t->data + from, '\n', t->len - from);
		}
	}
	if (t->ended)
		rd->rest->size = t->off + t->len;
	return 0;
}

/* Makes room for the triples of a text of a statement a line: one a
 * line at most, as many as the text in hand has for its size. */
static int expect(struct text *t)
{
	size_t n = 1, size = t->x.rd->rest ? t->x.rd->rest->size : 0;

	for (const char *p = t->data; (p = memchr(p, '\n', (size_t)(t->data +
					     t->len - p))); p++)
		n++;
	if (!t->ended && size > t->len)
		n = (size_t)((double)n / (double)t->len * (double)size *
			     1.0625);
	return rd_rdf_expect(&t->x, n);
}

/* Reads text data of syntax, which lines says has a statement a line: from
 * rd->rest as it comes, where data is only the text's beginning. */
static int read_rdf_text(struct reader *rd, const char *data, size_t len,
			 SerdSyntax syntax, int lines)
{
	struct text t = { .x = { .rd = rd }, .data = data, .len = len,
			  .end = len, .lines = lines, .next = data, .line = 1,
			  .first_line = 1, .ended = !rd->rest };
	SerdStatus st = SERD_SUCCESS;
	int r = -1;

	if (no_nul(&t, 0))
		return -1;
	t.x.shorts = &t.prefixes;
	if (!(t.env = serd_env_new(NULL))) {
		rd_nomem(rd);
		goto done;
	}
	for (int pieces = 0;; pieces++) {
		const char *eol = NULL;

		if (more(&t) || (lines && !pieces && expect(&t)))
			goto done;
		if (pieces && t.fed == t.len)
			break;
		/* (a piece ends at a line's end: see PIECE) */
		if (lines && t.len - t.fed > PIECE)
			eol = memchr(t.data + t.fed + PIECE, '\n',
				     t.len - t.fed - PIECE);
		t.end = eol ? (size_t)(eol + 1 - t.data) : t.len;
		st = read_piece(&t, syntax);
		if (!lines || st > SERD_FAILURE || t.fed != t.end)
			break;
	}
	/* (the last statements read wait no more) */
	for (int i = 0; st <= SERD_FAILURE && i < 3; i++)
		while (t.pending[(t.now + i) % 3].step)
			if (step(&t, &t.pending[(t.now + i) % 3]))
				goto done;
	if (st > SERD_FAILURE) {
		if (rd->error.code == SG_OK) {
			sg_loc loc = place(&t, t.data + t.fed);

			sg_fail(rd->err, SG_ESYNTAX, loc.file, loc.line,
				loc.column, "%s",
				(const char *)serd_strerror(st));
		}
		goto done;
	}
	r = rd_rdf_emit(&t.x);
done:
	serd_env_free(t.env);
	free(t.prefixes.defs);
	free(t.words);
	sg_map_release(&t.kept);
	for (int i = 0; i < 3; i++) {
		sg_buf_release(&t.pending[i].subject);
		sg_buf_release(&t.pending[i].object);
	}
	sg_buf_release(&t.scratch);
	sg_buf_release(&t.window);
	rd_rdf_release(&t.x);
	return r;
}

/* N-Quads' reading is N-Triples' with a fourth term allowed: a text told
 * to be N-Triples that names graphs further on than its beginning showed
 * is read too. */
static int read_ntriples(struct reader *rd, const char *data, size_t len)
{
	return read_rdf_text(rd, data, len, SERD_NQUADS, 1);
}

static int read_turtle(struct reader *rd, const char *data, size_t len)
{
	return read_rdf_text(rd, data, len, SERD_TURTLE, 0);
}

static int read_trig(struct reader *rd, const char *data, size_t len)
{
	return read_rdf_text(rd, data, len, SERD_TRIG, 0);
}

/* ---- telling the syntaxes apart ---- */

/*
 * What the beginning of a text shows: the statements seen whole, by shape
 * (three or four plain terms, N-Triples' and N-Quads'; anything Turtle
 * adds), directives (@prefix, PREFIX, @base, BASE) and graph blocks ({ or
 * GRAPH). Looking stops at the first thing no RDF syntax has (a NUL
 * byte among them).
 */
struct look {
	int triples, quads, others, directives, graphs;
	int begun; /* the text begins with an IRI or a blank node */
};

/* A keyword at p (case ignored), standing alone. */
static int keyword(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - p) > n && !strncasecmp(p, word, n) &&
	       !name_char((unsigned char)p[n]);
}

/* Past an IRI, <...>, at p; NULL where none ends there (XML, say). */
static const char *past_iri(const char *p, const char *end)
{
	for (p++; p < end && *p != '>'; p++)
		if (strchr(" \t\r\n<\"{}|^`", *p))
			return NULL;
	return p < end ? p + 1 : NULL;
}

/* Past a name at p (a prefixed name, a number, a, true, false); NULL
 * where it is none of these: a bare word is no RDF. */
static const char *past_name(const char *p, const char *end)
{
	const char *w = p;
	unsigned char c = (unsigned char)*p;

	while (p < end && name_char((unsigned char)*p))
		p++;
	/* a name's last dot ends the statement */
	if (p - w > 1 && p[-1] == '.')
		p--;
	if (memchr(w, ':', (size_t)(p - w)) || (c >= '0' && c <= '9') ||
	    c == '-' || c == '+' || (p - w == 1 && c == 'a') ||
	    (p - w == 4 && !strncmp(w, "true", 4)) ||
	    (p - w == 5 && !strncmp(w, "false", 5)))
		return p;
	return NULL;
}

/* Past a literal at p, with its language or datatype; *plain is cleared
 * where it is written as only Turtle writes. NULL where none ends. */
static const char *past_literal(const char *p, const char *end, int *plain)
{
	char quote = *p;

	if (end - p >= 3 && p[1] == quote && p[2] == quote) {
		for (p += 3; p + 2 < end && !(p[0] == quote &&
					      p[1] == quote && p[2] == quote);)
			p += *p == '\\' ? 2 : 1;
		if (p + 2 >= end)
			return NULL;
		p += 3;
		*plain = 0;
	} else {
		for (p++; p < end && *p != quote && *p != '\n';)
			p += *p == '\\' ? 2 : 1;
		if (p >= end || *p != quote)
			return NULL;
		p++;
		*plain &= quote == '"';
	}
	if (p < end && *p == '@') {
		for (p++; p < end && ((*p >= 'a' && *p <= 'z') ||
				      (*p >= 'A' && *p <= 'Z') ||
				      (*p >= '0' && *p <= '9') || *p == '-');)
			p++;
	} else if (end - p > 2 && p[0] == '^' && p[1] == '^') {
		p += 2;
		if (*p != '<')
			*plain = 0;
		p = *p == '<' ? past_iri(p, end) : past_name(p, end);
	}
	return p;
}

/* Whether a graph block's { stands at p: what follows it begins a
 * statement (JSON's { is followed by a string). */
static int block(const char *p, const char *end)
{
	for (p++; p < end && strchr(" \t\r\n", *p); p++)
		;
	return p < end && (strchr("<[(", *p) || (*p == '_' && p + 1 < end &&
						  p[1] == ':') ||
			   (name_char((unsigned char)*p) &&
			    past_name(p, end)));
}

/* Whether a TriG graph's name follows p: an IRI, a blank node or a
 * prefixed name. */
static int graph_name(const char *p, const char *end)
{
	const char *past;

	while (p < end && strchr(" \t\r\n", *p))
		p++;
	if (p >= end)
		return 0;
	if (*p == '<' || (*p == '_' && p + 1 < end && p[1] == ':'))
		return 1;
	/* (a blank node's [] is empty: GML's "graph [" is no name) */
	if (*p == '[') {
		while (++p < end && strchr(" \t\r\n", *p))
			;
		return p < end && *p == ']';
	}
	past = past_name(p, end);
	return past && memchr(p, ':', (size_t)(past - p));
}

static struct look look(const char *head, size_t len)
{
	const char *p = head, *end = head + len;
	struct look l = { 0 };
	/* the statement at hand: its terms, whether it is a directive or
	 * written as only Turtle writes, how deep in [ and ( it is, and
	 * whether it has stayed on its first line */
	int terms = 0, directive = 0, plain = 1, depth = 0, one_line = 1;

	/* a line cut short by the head's end tells nothing */
	if (len == RD_HEAD)
		while (end > head && end[-1] != '\n')
			end--;
	while (p && p < end && *p) {
		unsigned char c = (unsigned char)*p;

		if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
			one_line &= c != '\n' || !terms;
			p++;
			continue;
		}
		if (c == '#') {
			while (p < end && *p != '\n')
				p++;
			continue;
		}
		if (c == '.' && !depth && terms) {
			if (directive)
				l.directives++;
			else if (!plain || !one_line || terms < 3 || terms > 4)
				l.others++;
			else if (terms == 3)
				l.triples++;
			else
				l.quads++;
			terms = directive = depth = 0;
			plain = one_line = 1;
			p++;
			continue;
		}
		if (!terms && (keyword(p, end, "PREFIX") ||
			       keyword(p, end, "BASE"))) {
			/* SPARQL's directives, a line without a dot */
			l.directives++;
			p = memchr(p, '\n', (size_t)(end - p));
			continue;
		}
		if (!terms && keyword(p, end, "GRAPH")) {
			/* (TriG's graph has a name; DOT's "graph {" and
			 * "graph G {" are none) */
			if (!graph_name(p + 5, end))
				break;
			l.graphs++;
			p += 5;
			continue;
		}
		if (c == '{' || c == '}') {
			if (c == '{' && !block(p, end))
				break;
			l.graphs += c == '{';
			l.others += c == '}' && terms;
			terms = directive = depth = 0;
			plain = one_line = 1;
			p++;
			continue;
		}
		terms++;
		if (c == '<') {
			/* (an IRI with a scheme: XML's <graphml> is none) */
			l.begun |= p == head && past_iri(p, end) &&
				   serd_uri_string_has_scheme(
					   (const uint8_t *)p + 1);
			p = past_iri(p, end);
		} else if (c == '"' || c == '\'') {
			p = past_literal(p, end, &plain);
		} else if (c == '_' && p + 1 < end && p[1] == ':') {
			l.begun |= p == head;
			for (p += 2; p < end && name_char((unsigned char)*p);)
				p++;
			if (p[-1] == '.')
				p--;
		} else if (terms == 1 && (keyword(p, end, "@prefix") ||
					  keyword(p, end, "@base"))) {
			directive = 1;
			p += 5;
			while (p < end && name_char((unsigned char)*p) &&
			       *p != ':')
				p++;
		} else if (strchr("[(", c) || (strchr("])", c) && depth) ||
			   (strchr(";,", c) && terms > 1)) {
			depth += strchr("[(", c) ? 1 : strchr("])", c) ? -1 : 0;
			terms -= !strchr("[(", c);
			plain = 0;
			p++;
		} else if (name_char(c) && c != '.') {
			p = past_name(p, end);
			plain = 0;
		} else {
			break;
		}
	}
	return l;
}

/* (a text that begins as a statement does but holds none whole is read
 * as N-Triples, to be told what is wrong with it) */
static enum rd_sure sniff_ntriples(const char *head, size_t len)
{
	struct look l = look(head, len);

	if (l.quads || l.others || l.directives || l.graphs)
		return RD_NOT;
	return l.triples ? RD_SURE : l.begun ? RD_MAYBE : RD_NOT;
}

static enum rd_sure sniff_nquads(const char *head, size_t len)
{
	struct look l = look(head, len);

	return l.quads && !l.others && !l.directives && !l.graphs ? RD_SURE :
								    RD_NOT;
}

/* Turtle's own: its directives or its shorthand, in no graph block. Only
 * directives seen (a long list of prefixes), Turtle the likelier. */
static enum rd_sure sniff_turtle(const char *head, size_t len)
{
	struct look l = look(head, len);

	if (l.graphs || !(l.others || l.directives))
		return RD_NOT;
	return l.triples || l.quads || l.others ? RD_SURE : RD_LIKELY;
}

static enum rd_sure sniff_trig(const char *head, size_t len)
{
	struct look l = look(head, len);

	if (l.graphs)
		return RD_SURE;
	return l.directives && !l.triples && !l.quads && !l.others ?
		       RD_MAYBE : RD_NOT;
}

const struct rd_format rd_ntriples = {
	.name = "ntriples",
	.about = "N-Triples (RDF 1.1), a triple a line",
	.sniff = sniff_ntriples,
	.read_text = read_ntriples,
	.streams = 1,
};

const struct rd_format rd_turtle = {
	.name = "turtle",
	.about = "Turtle (RDF 1.1)",
	.sniff = sniff_turtle,
	.read_text = read_turtle,
};

const struct rd_format rd_nquads = {
	.name = "nquads",
	.about = "N-Quads (RDF 1.1), a triple or quad a line",
	.sniff = sniff_nquads,
	.read_text = read_ntriples,
	.streams = 1,
};

const struct rd_format rd_trig = {
	.name = "trig",
	.about = "TriG (RDF 1.1): Turtle with named graphs",
	.sniff = sniff_trig,
	.read_text = read_trig,
};
