/* Where each value stands in the text (see struct positions in read.h),
 * and the scanner that walks the text beside Jansson's tree. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "read.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/asan_interface.h>
#endif
#endif
#ifndef ASAN_POISON_MEMORY_REGION
#define ASAN_POISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#define ASAN_UNPOISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#endif

void rd_forget(struct reader *rd)
{
	rd->ps.npos = 0;
	rd->ps.used = 0;
	rd->ps.gen++;
	rd->ps.cursor.container = NULL;
}

static size_t block_slot(const struct positions *ps, const json_t *container)
{
	uintptr_t p = (uintptr_t)container;

	return (size_t)((p >> 4) * 2654435761u) & (ps->nblocks - 1);
}

static void block_put(struct positions *ps, const json_t *c, size_t start)
{
	size_t i = block_slot(ps, c);

	while (ps->blocks[i].gen == ps->gen)
		i = (i + 1) & (ps->nblocks - 1);
	ps->blocks[i].container = c;
	ps->blocks[i].start = start;
	ps->blocks[i].gen = ps->gen;
	ps->used++;
}

/* Reserves n positions for the members of container c. */
static int block_add(struct positions *ps, const json_t *c, size_t n,
		     size_t *start)
{
	if ((ps->used + 1) * 2 > ps->nblocks) {
		struct positions bigger = { 0 };

		/* generation 0 marks the new table's slots empty */
		bigger.gen = 1;
		bigger.nblocks = ps->nblocks ? ps->nblocks * 2 : 256;
		bigger.blocks = calloc(bigger.nblocks, sizeof(*bigger.blocks));
		if (!bigger.blocks)
			return -1;
		for (size_t k = 0; k < ps->nblocks; k++)
			if (ps->blocks[k].gen == ps->gen)
				block_put(&bigger, ps->blocks[k].container,
					  ps->blocks[k].start);
		free(ps->blocks);
		ps->blocks = bigger.blocks;
		ps->nblocks = bigger.nblocks;
		ps->gen = 1;
	}
	if (SG_GROW(ps->pos, ps->npos + n, ps->apos))
		return -1;
	*start = ps->npos;
	ps->npos += n;
	block_put(ps, c, *start);
	return 0;
}

int rd_place_members(struct reader *rd, const json_t *c, const struct pos *at,
		     size_t n)
{
	size_t start;

	if (block_add(&rd->ps, c, n ? n : 1, &start))
		return rd_nomem(rd);
	memcpy(rd->ps.pos + start, at, (n ? n : 1) * sizeof(*at));
	return 0;
}

int rd_place(struct reader *rd, const json_t *c, struct pos at)
{
	return rd_place_members(rd, c, &at, 1);
}

/* The ordinal of member key of object c. Readers look the members of a
 * large object (JGF 2's nodes, keyed by id) up in document order, so the
 * search starts where the last one ended: linear over the object, where a
 * search from its first key every time would be quadratic. */
static int key_index(struct positions *ps, const json_t *c, const char *key,
		     size_t *index)
{
	struct cursor *k = &ps->cursor;
	void *it;
	size_t i;

	if (k->container == c && k->it) {
		it = k->it;
		i = k->index;
	} else {
		it = json_object_iter((json_t *)c);
		i = 0;
	}
	for (size_t passed = 0, n = json_object_size(c); passed < n;
	     passed++) {
		if (!it) { /* past the last key: go round from the first */
			it = json_object_iter((json_t *)c);
			i = 0;
		}
		if (!strcmp(json_object_iter_key(it), key)) {
			*k = (struct cursor){ c, it, i };
			*index = i;
			return 0;
		}
		it = json_object_iter_next((json_t *)c, it);
		i++;
	}
	return -1;
}

/* Where member key (or element index, when key is NULL) of c begins. */
static const struct pos *pos_find(struct positions *ps, const json_t *c,
				  const char *key, size_t index)
{
	size_t i;

	if (!ps->nblocks)
		return NULL;
	for (i = block_slot(ps, c); ps->blocks[i].gen != ps->gen ||
				    ps->blocks[i].container != c;
	     i = (i + 1) & (ps->nblocks - 1))
		if (ps->blocks[i].gen != ps->gen)
			return NULL;
	if (key && key_index(ps, c, key, &index))
		return NULL;
	return &ps->pos[ps->blocks[i].start + index];
}

sg_loc rd_loc(struct reader *rd, const json_t *parent, const char *key,
	      size_t index)
{
	const struct pos *p = parent ? pos_find(&rd->ps, parent, key, index) :
				       NULL;
	sg_loc loc = { rd->file, rd->root_line, rd->root_column };

	if (p) {
		loc.line = p->line;
		loc.column = p->column;
	}
	return loc;
}

/* ---- the scanner ----
 *
 * The moves over long stretches (space, strings, whole values) keep their
 * place in locals, written back to the scanner once: moved through the
 * pointer, each byte stored the place to memory again.
 */

/* Where a walk stands: the text is s's. */
struct walk {
	const char *p;
	int line, column;
};

static struct walk walk_of(const struct scanner *s)
{
	return (struct walk){ s->p, s->line, s->column };
}

static void walk_end(struct scanner *s, struct walk w)
{
	s->p = w.p;
	s->line = w.line;
	s->column = w.column;
}

/* One byte passed: a character, or the rest of one (UTF-8). */
static inline void pass(struct walk *w)
{
	if (*w->p == '\n') {
		w->line++;
		w->column = 0;
	} else {
		w->column += ((unsigned char)*w->p & 0xC0) != 0x80;
	}
	w->p++;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static inline void walk_step(struct walk *w, const char *end)
{
	if (w->p < end)
		pass(w);
}

static inline void walk_space(struct walk *w, const char *end)
{
	while (w->p < end && is_space(*w->p))
		pass(w);
}

/* How many characters the bytes from p to end are: those that are not
 * the rest of one (UTF-8), eight at a time. */
static size_t chars(const char *p, const char *end)
{
	size_t n = (size_t)(end - p), rest = 0;

	for (; end - p >= 8; p += 8) {
		uint64_t x, m;

		memcpy(&x, p, 8);
		/* (a byte 10xxxxxx: its top bit set, the next one clear) */
		m = x & ~(x << 1) & 0x8080808080808080u;
		rest += (size_t)(((m >> 7) * 0x0101010101010101u) >> 56);
	}
	for (; p < end; p++)
		rest += ((unsigned char)*p & 0xC0) == 0x80;
	return n - rest;
}

/* w moved to to, over text whose line ends are found by memchr. */
static void walk_to(struct walk *w, const char *to)
{
	const char *nl;

	while ((nl = memchr(w->p, '\n', (size_t)(to - w->p)))) {
		w->line++;
		w->column = 0;
		w->p = nl + 1;
	}
	w->column += (int)chars(w->p, to);
	w->p = to;
}

/* Past the string whose opening quote p stands at; NULL where it has no
 * closing one. An escape's backslash takes the next byte with it. */
static const char *past_string(const char *p, const char *end)
{
	for (p++; p < end && *p != '"'; p++)
		if (*p == '\\' && ++p >= end)
			break;
	return p < end ? p + 1 : NULL;
}

/* w past the string whose opening quote it stands at: -1 (w at end)
 * where it has no closing one. An escape's backslash takes the next byte
 * with it. (Passed a byte at a time, not by past_string: the strings a
 * scan passes are short, and memchr's call cost more than they.) */
static inline int skip_string(struct walk *w, const char *end)
{
	pass(w);
	while (w->p < end && *w->p != '"') {
		if (*w->p == '\\') {
			pass(w);
			if (w->p >= end)
				break;
		}
		pass(w);
	}
	if (w->p >= end)
		return -1;
	pass(w);
	return 0;
}

void rd_step(struct scanner *s)
{
	struct walk w = walk_of(s);

	walk_step(&w, s->end);
	walk_end(s, w);
}

void rd_skip_space(struct scanner *s)
{
	struct walk w = walk_of(s);

	walk_space(&w, s->end);
	walk_end(s, w);
}

int rd_skip_string(struct scanner *s)
{
	struct walk w = walk_of(s);
	int r;

	if (w.p >= s->end)
		return -1;
	r = skip_string(&w, s->end);
	walk_end(s, w);
	return r;
}

/* Past a scalar: a string, or a token (a number, true, false, null, or
 * what is none of them) up to the next structural character, space or
 * NUL. */
static inline void walk_scalar(struct walk *w, const char *end)
{
	if (*w->p == '"')
		skip_string(w, end);
	else
		while (w->p < end && *w->p && !is_space(*w->p) &&
		       *w->p != ',' && *w->p != ']' && *w->p != '}')
			pass(w);
}

static void skip_scalar(struct scanner *s)
{
	struct walk w = walk_of(s);

	walk_scalar(&w, s->end);
	walk_end(s, w);
}

/* (a container is passed by its bytes alone, and its place counted once
 * at its end: the sketch passes every element of a long list so) */
int rd_skip_value(struct scanner *s)
{
	struct walk w = walk_of(s);
	const char *p = w.p;
	int depth = 0;

	if (p >= s->end || strchr(",:]}", *p))
		return -1;
	if (*p != '{' && *p != '[') {
		skip_scalar(s);
		return 0;
	}
	while (p < s->end) {
		if (*p == '"') {
			if (!(p = past_string(p, s->end)))
				return -1;
			continue;
		}
		depth += (*p == '{' || *p == '[') - (*p == '}' || *p == ']');
		p++;
		if (!depth) {
			walk_to(&w, p);
			walk_end(s, w);
			return 0;
		}
	}
	return -1;
}

int rd_separator(struct scanner *s, char closer)
{
	rd_skip_space(s);
	if (s->p < s->end && *s->p == ',') {
		rd_step(s);
		rd_skip_space(s);
		return 1;
	}
	if (s->p < s->end && *s->p == closer) {
		rd_step(s);
		return 0;
	}
	return -1;
}

/* The scan of the members' places: one walk, kept in locals and passed
 * down, not stored back through the scanner at each step. */
static int scan_walk(struct positions *ps, struct walk *w, const char *end,
		     const json_t *v)
{
	size_t start, i = 0;
	int r;

	walk_space(w, end);
	if (w->p >= end)
		return 0;
	if (json_is_object(v)) {
		void *it = json_object_iter((json_t *)v);

		if (block_add(ps, v, json_object_size(v), &start))
			return -1;
		walk_step(w, end); /* { */
		while (it) {
			void *next = json_object_iter_next((json_t *)v, it);

			walk_space(w, end);
			if (w->p < end)
				skip_string(w, end);
			walk_space(w, end);
			walk_step(w, end); /* : */
			walk_space(w, end);
			ps->pos[start + i].line = w->line;
			ps->pos[start + i++].column = w->column + 1;
			if ((r = scan_walk(ps, w, end,
					   json_object_iter_value(it))))
				return r;
			walk_space(w, end);
			/* a key written twice is one member of v: past its
			 * last member, the text goes on */
			if (!next && w->p < end && *w->p != '}')
				return 1;
			walk_step(w, end); /* , or } */
			it = next;
		}
		if (!i) {
			walk_space(w, end);
			walk_step(w, end);
		}
	} else if (json_is_array(v)) {
		size_t n = json_array_size(v);

		if (block_add(ps, v, n, &start))
			return -1;
		walk_step(w, end); /* [ */
		for (; i < n; i++) {
			walk_space(w, end);
			ps->pos[start + i].line = w->line;
			ps->pos[start + i].column = w->column + 1;
			if ((r = scan_walk(ps, w, end, json_array_get(v, i))))
				return r;
			walk_space(w, end);
			walk_step(w, end); /* , or ] */
		}
		if (!n) {
			walk_space(w, end);
			walk_step(w, end);
		}
	} else {
		walk_scalar(w, end);
	}
	return 0;
}

int rd_scan_past(struct reader *rd, struct scanner *s, const json_t *v)
{
	struct walk w = walk_of(s);
	int r;

	s->ps = &rd->ps;
	r = scan_walk(s->ps, &w, s->end, v);
	walk_end(s, w);
	return r < 0 ? rd_nomem(rd) : r;
}

int rd_scan(struct reader *rd, struct scanner s, const json_t *v)
{
	return rd_scan_past(rd, &s, v);
}

int rd_jansson_nomem(const json_error_t *e)
{
	return !e->text[0] || json_error_code(e) == json_error_out_of_memory;
}

/* Jansson's error, placed in the file where the text at s begins. */
static json_t *parse_failed(struct reader *rd, const struct scanner *s,
			    json_error_t *jerr)
{
	if (jerr->line > 0) {
		if (jerr->line == 1)
			jerr->column += s->column;
		jerr->line += s->line - 1;
	}
	/* (Jansson's column is the last character it could read: the byte
	 * it could not is the next) */
	if (json_error_code(jerr) == json_error_invalid_utf8)
		sg_fail(rd->err, SG_EENCODING, rd->file, jerr->line,
			jerr->column + 1, "not valid UTF-8: %s", jerr->text);
	else if (rd_jansson_nomem(jerr))
		rd_nomem(rd);
	else
		sg_fail(rd->err, SG_ESYNTAX, rd->file, jerr->line,
			jerr->column, "%s", jerr->text);
	return NULL;
}

static json_t *parse(struct reader *rd, const struct scanner *s,
		     const char *end, size_t flags)
{
	json_error_t jerr;
	json_t *v = json_loadb(s->p, (size_t)(end - s->p),
			       JSON_DECODE_ANY | flags, &jerr);

	return v ? v : parse_failed(rd, s, &jerr);
}

json_t *rd_parse(struct reader *rd, const struct scanner *s, const char *end)
{
	return parse(rd, s, end, JSON_REJECT_DUPLICATES);
}

json_t *rd_parse_first(struct reader *rd, const struct scanner *s)
{
	return parse(rd, s, s->end,
		     JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES);
}

/* ---- scratch: where an element's values live while it is read ----
 *
 * Each element of a long list is parsed by itself, read into the model
 * (which keeps text, never Jansson's values) and released: a relation of
 * three members is a dozen mallocs and frees, a tenth of the instructions
 * of reading one. Parsed into a bump allocator instead, its values cost a
 * pointer's move each and are freed all at once, when the next element is
 * parsed. The allocator is this thread's and on only while Jansson parses
 * an element; any other allocation is malloc's, and a free of memory that
 * is not the scratch's is free's. */

enum { SCRATCH_SIZE = 64 * 1024 };

static _Thread_local struct scratch {
	char *base, *at, *end;
	int on;
	int whole; /* the last element lies wholly in it */
} scratch;

static void *scratch_alloc(size_t n)
{
	n = (n + 15) & ~(size_t)15; /* malloc's alignment */
	if (scratch.on && n <= (size_t)(scratch.end - scratch.at)) {
		void *p = scratch.at;

		scratch.at += n;
		ASAN_UNPOISON_MEMORY_REGION(p, n);
		return p;
	}
	scratch.whole = 0;
	return malloc(n);
}

static void scratch_free(void *p)
{
	if ((char *)p < scratch.base || (char *)p >= scratch.end)
		free(p);
}

/* frees a thread's scratch when the thread ends */
static pthread_key_t scratch_owner;

/* (only over Jansson's own malloc and free: a program that gave Jansson
 * allocation functions of its own keeps them, and scograph goes without) */
static void scratch_install(void)
{
	json_malloc_t m;
	json_free_t f;

	json_get_alloc_funcs(&m, &f);
	if (m == malloc && f == free &&
	    !pthread_key_create(&scratch_owner, free))
		json_set_alloc_funcs(scratch_alloc, scratch_free);
}

/* The scratch made ready for a parse, emptied of the last; where Jansson
 * allocates otherwise, or memory is short, the parse goes without. */
static void scratch_begin(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	json_malloc_t m;
	json_free_t f;

	pthread_once(&once, scratch_install);
	scratch.whole = 0;
	json_get_alloc_funcs(&m, &f);
	if (m != scratch_alloc)
		return;
	if (!scratch.base) {
		if (!(scratch.base = malloc(SCRATCH_SIZE)))
			return;
		if (pthread_setspecific(scratch_owner, scratch.base)) {
			free(scratch.base);
			scratch.base = NULL;
			return;
		}
	}
	scratch.end = scratch.base + SCRATCH_SIZE;
	/* (for a sanitizer, what the last element left behind is freed: a
	 * value of it still held is a use after free) */
	ASAN_POISON_MEMORY_REGION(scratch.base, SCRATCH_SIZE);
	scratch.at = scratch.base;
	scratch.on = scratch.whole = 1;
}

json_t *rd_parse_element(struct reader *rd, const struct scanner *s,
			 struct pos at)
{
	json_t *v, *list = NULL;

	scratch_begin();
	/* (keys written twice are left to rd_scan_past to find, which
	 * walks every key anyway: Jansson looks each one up first) */
	if ((v = parse(rd, s, s->end, JSON_DISABLE_EOF_CHECK)))
		list = rd_wrap(rd, v, at);
	json_decref(v);
	scratch.on = 0;
	return list;
}

/* (an element wholly in the scratch is not walked to be freed: the next
 * element's parse takes its memory back) */
void rd_element_done(json_t *list)
{
	if (!scratch.whole)
		json_decref(list);
}

/* Jansson's text, a piece at a time: where the next piece starts. */
struct feed {
	struct reader *rd;
	const char *p, *end;
};

static size_t next_piece(void *buf, size_t size, void *data)
{
	struct feed *f = data;
	size_t n = (size_t)(f->end - f->p) < size ? (size_t)(f->end - f->p) :
						     size;

	memcpy(buf, f->p, n);
	f->p += n;
	sg_tell(&f->rd->tell, (size_t)(f->p - f->rd->text));
	return n;
}

json_t *rd_parse_telling(struct reader *rd, const struct scanner *s)
{
	struct feed f = { rd, s->p, s->end };
	json_error_t jerr;
	json_t *v = json_load_callback(next_piece, &f,
				       JSON_REJECT_DUPLICATES |
					       JSON_DECODE_ANY, &jerr);

	return v ? v : parse_failed(rd, s, &jerr);
}

json_t *rd_wrap(struct reader *rd, json_t *v, struct pos at)
{
	json_t *list = json_array();

	if (!list || json_array_append(list, v)) {
		json_decref(list);
		rd_nomem(rd);
		return NULL;
	}
	if (rd_place(rd, list, at)) {
		json_decref(list);
		return NULL;
	}
	return list;
}

struct scanner rd_start(struct reader *rd, const char *data, size_t len)
{
	struct scanner s;

	/* A byte-order mark is no content: editors on Windows write it. */
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	s = (struct scanner){ data, data + len, 1, 0, &rd->ps };
	rd_skip_space(&s);
	rd->root_line = s.line;
	rd->root_column = s.column + 1;
	return s;
}
