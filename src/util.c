/* The small tools under the model: errors, growth, buffers, arena, map. */
#define _DEFAULT_SOURCE /* madvise */
#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

int sg_fail(sg_error *err, sg_code code, const char *file, int line,
	    int column, const char *fmt, ...)
{
	va_list ap;

	if (!err || err->code != SG_OK)
		return -1;
	err->code = code;
	err->severity = SG_ERROR;
	err->line = line;
	err->column = column;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return -1;
}

int sg_render_warn(const sg_render_opts *opts, sg_error *err, sg_error *w)
{
	if (!opts->warn || !opts->warn(opts->warn_ctx, w))
		return 0;
	w->severity = SG_ERROR;
	if (err && err->code == SG_OK)
		*err = *w;
	return -1;
}

void sg_tell_begin(sg_teller *t, sg_stage stage, const char *subject,
		   size_t total)
{
	t->now = (sg_progress){ stage, subject, 0, total };
	if (t->fn)
		t->fn(t->ctx, &t->now);
}

void sg_tell_done(sg_teller *t, size_t done)
{
	if (!t->fn || done == t->now.done)
		return;
	t->now.done = done;
	t->fn(t->ctx, &t->now);
}

const char *sg_code_name(sg_code code)
{
	static const char *const names[] = {
		[SG_OK] = "ok",
		[SG_ENOMEM] = "out-of-memory",
		[SG_EIO] = "io",
		[SG_ESYNTAX] = "syntax",
		[SG_EENCODING] = "encoding",
		[SG_EEMPTY] = "empty",
		[SG_ESHAPE] = "shape",
		[SG_EMISSING] = "missing",
		[SG_ECONFLICT] = "conflict",
		[SG_EUNKNOWN] = "unknown",
		[SG_EAMBIGUOUS] = "ambiguous",
		[SG_EUSAGE] = "usage",
		[SG_ERENDER] = "render",
		[SG_ENOTGRAPH] = "not-a-graph",
		[SG_WUNUSED] = "unused-entity",
		[SG_WDUPLICATE] = "duplicate-relation",
		[SG_WSELF] = "self-relation",
		[SG_WIMPLICIT] = "implicit-entity",
		[SG_WNORELATIONS] = "no-relations",
		[SG_WURL] = "unsafe-url",
		[SG_WLARGE] = "large-drawing",
		[SG_WGLYPHS] = "missing-glyphs",
		[SG_WREMOTE] = "remote-context",
		[SG_WPAGE] = "small-text",
		[SG_WUNREAD] = "unread",
		[SG_ENOTHING] = "nothing-selected",
		[SG_WNEARMISS] = "near-miss",
		[SG_EFETCH] = "fetch",
	};
	_Static_assert(SG_ARRAY_SIZE(names) == SG_NCODES,
		       "every code has a name, and SG_NCODES comes last");

	return (size_t)code < SG_ARRAY_SIZE(names) && names[code] ?
		       names[code] : "unknown-code";
}

/*
 * Asks for huge pages (2 MiB, where the kernel has them for the asking)
 * under a large block: the model's arrays, its maps and a file's text are
 * written once through, and a page fault for every 4 KiB of them was a
 * fifth of a load (glibc's own glibc.malloc.hugetlb=1 tunable took 15-20 %
 * off; this is that, for the blocks that matter). Only the whole huge
 * pages inside the block are marked; a kernel without them says no, and
 * nothing changes.
 */
static void huge_pages(void *p, size_t bytes)
{
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t from = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	uintptr_t to = ((uintptr_t)p + bytes) & ~(huge - 1);

	if (bytes >= 2 * huge && to > from)
		madvise((void *)from, to - from, MADV_HUGEPAGE);
}

int sg_read_lines(void *chan, char *buf, int size)
{
	sg_lines *t = chan;
	const char *eol = memchr(t->p, '\n', (size_t)(t->end - t->p));
	size_t n = (size_t)((eol ? eol + 1 : t->end) - t->p);

	if (size < 1 || !n)
		return 0;
	if (n > (size_t)size - 1)
		n = (size_t)size - 1;
	memcpy(buf, t->p, n);
	buf[n] = '\0';
	if (!t->mid) {
		t->line++;
		t->bol = t->p;
	}
	t->mid = buf[n - 1] != '\n';
	t->p += n;
	return (int)n;
}

int sg_grow(void *ptr, size_t *alloc, size_t nr, size_t size)
{
	void *p;
	int fresh;
	size_t n = *alloc < 8 ? 8 : *alloc;

	memcpy(&p, ptr, sizeof(p));
	fresh = !p;
	while (n < nr)
		n = n / 2 * 3 + 8;
	if (n > SIZE_MAX / size)
		return -1;
	p = realloc(p, n * size);
	if (!p)
		return -1;
	/* (only a block made whole at once, as room reserved is: one moved
	 * by realloc's mremap faulted more, not less) */
	if (fresh)
		huge_pages(p, n * size);
	memcpy(ptr, &p, sizeof(p));
	*alloc = n;
	return 0;
}

void *sg_zeroed(size_t n, size_t size)
{
	size_t line = 64, bytes = n * size;
	void *p = (n && size > SIZE_MAX / n) || bytes > SIZE_MAX - line ? NULL :
		  aligned_alloc(line, (bytes + line - 1) / line * line);

	if (p) {
		huge_pages(p, bytes);
		memset(p, 0, bytes);
	}
	return p;
}

int sg_grow32(void *ptr, uint32_t *alloc, size_t nr, size_t size)
{
	size_t a = *alloc;

	if (nr > UINT32_MAX || sg_grow(ptr, &a, nr, size))
		return -1;
	/* (room past what 32 bits count is only left unused) */
	*alloc = a > UINT32_MAX ? UINT32_MAX : (uint32_t)a;
	return 0;
}

/* A merge sort: stable, and unlike qsort it passes the caller's context. */
int sg_sort(void *base, size_t n, size_t size,
	    int (*cmp)(const void *a, const void *b, void *ctx), void *ctx)
{
	char *a = base, *tmp;

	if (n < 2)
		return 0;
	tmp = malloc(n * size);
	if (!tmp)
		return -1;
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;

			while (i < mid && j < hi)
				if (cmp(a + j * size, a + i * size, ctx) < 0)
					memcpy(tmp + k++ * size, a + j++ * size, size);
				else
					memcpy(tmp + k++ * size, a + i++ * size, size);
			memcpy(tmp + k * size, a + i * size, (mid - i) * size);
			k += mid - i;
			memcpy(tmp + k * size, a + j * size, (hi - j) * size);
		}
		memcpy(a, tmp, n * size);
	}
	free(tmp);
	return 0;
}

/* ---- sg_buf ---- */

int sg_buf_add(sg_buf *b, const char *s, size_t n)
{
	if (SG_GROW(b->buf, b->len + n + 1, b->alloc))
		return -1;
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
	return 0;
}

int sg_buf_adds(sg_buf *b, const char *s)
{
	return sg_buf_add(b, s, strlen(s));
}

int sg_buf_addf(sg_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || SG_GROW(b->buf, b->len + (size_t)n + 1, b->alloc))
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

const char *sg_buf_str(const sg_buf *b)
{
	return b->buf ? b->buf : "";
}

void sg_buf_reset(sg_buf *b)
{
	b->len = 0;
	if (b->buf)
		b->buf[0] = '\0';
}

void sg_buf_release(sg_buf *b)
{
	free(b->buf);
	b->buf = NULL;
	b->len = b->alloc = 0;
}

/* ---- arena: strings in large blocks, freed together ---- */

struct sg_arena {
	struct sg_arena *next;
	size_t used, size;
	char data[];
};

/* n bytes of the arena at a multiple of align (a power of two); NULL when
 * out of memory. */
static char *take(sg_arena **a, size_t n, size_t align)
{
	size_t pad = *a ? (align - (uintptr_t)((*a)->data + (*a)->used) %
					   align) % align : 0;
	char *p;

	if (!*a || (*a)->size - (*a)->used < n + pad) {
		size_t size = n + align > 65536 ? n + align : 65536;
		sg_arena *block = malloc(sizeof(*block) + size);

		if (!block)
			return NULL;
		block->next = *a;
		block->used = 0;
		block->size = size;
		*a = block;
		pad = (align - (uintptr_t)block->data % align) % align;
	}
	p = (*a)->data + (*a)->used + pad;
	(*a)->used += pad + n;
	return p;
}

const char *sg_arena_strndup(sg_arena **a, const char *s, size_t n)
{
	char *p = take(a, n + 1, 1);

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *sg_arena_alloc(sg_arena **a, size_t size)
{
	/* a type's alignment divides its size: a 24-byte object needs no
	 * more than 8 (max_align_t's 16 made a million of them 32 bytes) */
	size_t align = size & -size;
	char *p = take(a, size, align && align < _Alignof(max_align_t) ?
					align : _Alignof(max_align_t));

	return p ? memset(p, 0, size) : NULL;
}

const char *sg_arena_strdup(sg_arena **a, const char *s)
{
	return sg_arena_strndup(a, s, strlen(s));
}

int sg_arena_holds(const sg_arena *a, const char *s)
{
	uintptr_t at = (uintptr_t)s;

	for (; a; a = a->next)
		if (at >= (uintptr_t)a->data && at < (uintptr_t)a->data + a->used)
			return 1;
	return 0;
}

void sg_arena_free(sg_arena *a)
{
	while (a) {
		sg_arena *next = a->next;

		free(a);
		a = next;
	}
}

/* ---- folding, hashing, distance ---- */

static unsigned fold_rune(unsigned c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0xC0)
		return c;
	if (c <= 0xDE)
		return c == 0xD7 ? c : c + 32;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) ||
	    (c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
	    (c >= 0x4D0 && c <= 0x52F))
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E) ||
	    (c >= 0x4C1 && c <= 0x4CE))
		return c & 1 ? c + 1 : c;
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return c + 32;
	if (c == 0x386)
		return 0x3AC;
	if (c >= 0x388 && c <= 0x38A)
		return c + 37;
	if (c == 0x38C || c == 0x38E || c == 0x38F)
		return c + 64 - (c != 0x38C);
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	return c;
}

/* Decodes one UTF-8 sequence at s; a malformed byte stands for itself. */
static unsigned next_rune(const unsigned char **s)
{
	const unsigned char *p = *s;
	unsigned c = *p++;
	int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

	if (c >= 0x80 && c < 0xC0)
		extra = 0;
	for (int i = 0; i < extra; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*s += 1;
			return c;
		}
	}
	if (extra)
		c &= 0x3F >> extra;
	for (int i = 0; i < extra; i++)
		c = c << 6 | (*p++ & 0x3F);
	*s = p;
	return c;
}

uint32_t sg_utf8_next(const char **s)
{
	const unsigned char *start = (const unsigned char *)*s, *p = start;
	unsigned c = next_rune(&p);
	size_t n = (size_t)(p - start);

	/* a stray byte, a lead byte past F4, an overlong form, a surrogate,
	 * or past U+10FFFF */
	if ((n == 1 && c >= 0x80) || *start > 0xF4 ||
	    (n == 2 && c < 0x80) || (n == 3 && c < 0x800) ||
	    (n == 4 && c < 0x10000) || (c >= 0xD800 && c < 0xE000) ||
	    c > 0x10FFFF) {
		*s += 1;
		return SG_NOT_CHAR;
	}
	*s = (const char *)p;
	return c;
}

static int add_rune(sg_buf *b, unsigned c)
{
	char u[4];
	size_t n;

	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | c >> 12);
		u[1] = (char)(0x80 | (c >> 6 & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | c >> 18);
		u[1] = (char)(0x80 | (c >> 12 & 0x3F));
		u[2] = (char)(0x80 | (c >> 6 & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	return sg_buf_add(b, u, n);
}

int sg_fold(sg_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		const unsigned char *start = p;
		unsigned c;

		/* (a run of ASCII, the most of any key, folded at once) */
		while (*p && *p < 0x80)
			p++;
		if (p > start) {
			size_t at = b->len;

			if (sg_buf_add(b, (const char *)start,
				       (size_t)(p - start)))
				return -1;
			for (char *q = b->buf + at; q < b->buf + b->len; q++)
				if (*q >= 'A' && *q <= 'Z')
					*q = (char)(*q + 32);
			continue;
		}
		c = next_rune(&p);
		if (p == start + 1 && c >= 0x80) {
			/* a malformed byte: keep it as it is */
			if (sg_buf_add(b, (const char *)start, 1))
				return -1;
		} else if (add_rune(b, fold_rune(c))) {
			return -1;
		}
	}
	return sg_buf_add(b, "", 0);
}

/* The Latin letter each of U+00C0..U+017F is, without its accent; a
 * space where there is none (×, ÷, Þ, þ: kept as they are). */
static const char unaccented[] =
	"aaaaaaaceeeeiiiidnooooo ouuuuy saaaaaaaceeeeiiiidnooooo ouuuuy y"
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkk"
	"llllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyy"
	"zzzzzzs";

int sg_fold_loose(sg_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int space = 0;

	_Static_assert(sizeof(unaccented) - 1 == 0x180 - 0xC0,
		       "a letter for each of U+00C0..U+017F");
	while (*p) {
		unsigned c = fold_rune(next_rune(&p));

		if (c >= 0xC0 && c < 0x180 && unaccented[c - 0xC0] != ' ')
			c = (unsigned char)unaccented[c - 0xC0];
		if (c < 0x80 && !isalnum((int)c)) {
			space = b->len > 0;
			continue;
		}
		if ((space && sg_buf_add(b, " ", 1)) || add_rune(b, c))
			return -1;
		space = 0;
	}
	return sg_buf_add(b, "", 0);
}

int sg_json_display(sg_buf *b, const char *json)
{
	const char *p = json + 1;

	if (*json != '"')
		return sg_buf_adds(b, json);
	while (*p && *p != '"') {
		unsigned c = (unsigned char)*p++;

		if (c == '\\' && *p) {
			const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
			const char *k = strchr(from, *p);

			if (*p == 'u') {
				c = (unsigned)strtoul((char[5]){ p[1], p[2], p[3],
								 p[4], 0 },
						      NULL, 16);
				p += 5;
				/* a surrogate pair is one character */
				if (c >= 0xD800 && c < 0xDC00 && p[0] == '\\' &&
				    p[1] == 'u') {
					unsigned lo = (unsigned)strtoul(
						(char[5]){ p[2], p[3], p[4], p[5],
							   0 }, NULL, 16);

					c = 0x10000 + ((c - 0xD800) << 10) +
					    (lo - 0xDC00);
					p += 6;
				}
				if (add_rune(b, c))
					return -1;
				continue;
			}
			c = k ? (unsigned char)to[k - from] : (unsigned char)*p;
			p++;
		}
		if (sg_buf_add(b, (char[]){ (char)c }, 1))
			return -1;
	}
	return 0;
}

/* Eight bytes a step, each mixed in by a multiplication, and the whole
 * finished as murmur3 finishes: FNV-1a's byte a step took a chain of
 * thirty multiplications for an IRI, a sixth of loading N-Triples. (The
 * words are the host's order: a hash lives in memory only.) */
uint32_t sg_hash(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = 0x9E3779B97F4A7C15u ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0xFF51AFD7ED558CCDu;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53u;
	h ^= h >> 33;
	return (uint32_t)h;
}

size_t sg_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b), best = 0;
	/* three rows: two letters swapped look two rows back */
	size_t *rows, *back, *prev, *row;

	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	rows = malloc(3 * (lb + 1) * sizeof(*rows));
	if (!rows)
		return SIZE_MAX;
	back = rows;
	prev = rows + lb + 1;
	row = rows + 2 * (lb + 1);
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la && best <= limit; i++) {
		size_t *t;

		row[0] = best = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (row[j - 1] + 1 < cost)
				cost = row[j - 1] + 1;
			if (prev[j] + 1 < cost)
				cost = prev[j] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && back[j - 2] + 1 < cost)
				cost = back[j - 2] + 1;
			row[j] = cost;
			if (cost < best)
				best = cost;
		}
		t = back;
		back = prev;
		prev = row;
		row = t;
	}
	best = best > limit ? best : prev[lb];
	free(rows);
	return best > limit ? limit + 1 : best;
}

/*
 * ---- sg_map: open addressing, linear probing, never shrinks ----
 * A key has one slot, whatever its number of values: its first value in
 * the slot, the others on a list in values[]. Were each value a slot, equal
 * keys (40,000 entities of one name) would fill a run of slots that every
 * probe through it, and every add of that key, walks: quadratic.
 */

/* The slot of key (hash its hash), or the empty slot where it would go;
 * with pair, the slot of key and value, as sg_map_add_unique keeps them. */
static size_t map_slot(const sg_map *m, const char *key, uint32_t hash,
		       const uint32_t *pair)
{
	size_t i = hash & (m->nslots - 1);

	for (; m->slots[i].key; i = (i + 1) & (m->nslots - 1))
		if (m->slots[i].hash == hash &&
		    (!pair || m->slots[i].value == *pair) &&
		    !strcmp(m->slots[i].key, key))
			break;
	return i;
}

/* Room for more slots: at most three quarters in use. */
static int map_grow(sg_map *m, size_t more)
{
	size_t n = m->nslots ? m->nslots * 2 : 64;
	struct sg_map_slot *slots;

	if ((m->used + more) * 4 <= m->nslots * 3)
		return 0;
	while ((m->used + more) * 4 > n * 3)
		n *= 2;
	if (!(slots = sg_zeroed(n, sizeof(*slots))))
		return -1;
	for (size_t i = 0; i < m->nslots; i++) {
		size_t k = m->slots[i].hash & (n - 1);

		if (!m->slots[i].key)
			continue;
		while (slots[k].key) /* every key differs: the first empty */
			k = (k + 1) & (n - 1);
		slots[k] = m->slots[i];
	}
	free(m->slots);
	m->slots = slots;
	m->nslots = n;
	return 0;
}

int sg_map_reserve(sg_map *m, size_t n)
{
	return map_grow(m, n);
}

int sg_map_add(sg_map *m, const char *key, uint32_t value)
{
	uint32_t hash = sg_hash(key);
	struct sg_map_slot *s;

	if (map_grow(m, 1))
		return -1;
	s = &m->slots[map_slot(m, key, hash, NULL)];
	if (!s->key) {
		*s = (struct sg_map_slot){ key, hash, value, 0, 0 };
		m->used++;
		return 0;
	}
	if (m->nvalues >= UINT32_MAX - 1 ||
	    SG_GROW(m->values, m->nvalues + 1, m->avalues))
		return -1;
	m->values[m->nvalues].value = value;
	m->values[m->nvalues].next = 0;
	if (s->last)
		m->values[s->last - 1].next = (uint32_t)m->nvalues + 1;
	else
		s->more = (uint32_t)m->nvalues + 1;
	s->last = (uint32_t)++m->nvalues;
	return 0;
}

/* The hash of key and value together, for sg_map_add_unique. */
static uint32_t pair_hash(const char *key, uint32_t value)
{
	return sg_hash(key) ^ (value * 2654435761u);
}

int sg_map_add_unique(sg_map *m, const char *key, uint32_t value)
{
	uint32_t hash = pair_hash(key, value);
	struct sg_map_slot *s;

	if (map_grow(m, 1))
		return -1;
	s = &m->slots[map_slot(m, key, hash, &value)];
	if (s->key)
		return 0;
	*s = (struct sg_map_slot){ key, hash, value, 0, 0 };
	m->used++;
	return 1;
}

int sg_map_each(const sg_map *m, const char *key,
		int (*fn)(uint32_t value, void *data), void *data)
{
	const struct sg_map_slot *s;
	int r;

	if (!m->nslots)
		return 0;
	s = &m->slots[map_slot(m, key, sg_hash(key), NULL)];
	if (!s->key)
		return 0;
	r = fn(s->value, data);
	for (uint32_t k = s->more; k && !r; k = m->values[k - 1].next)
		r = fn(m->values[k - 1].value, data);
	return r;
}

const char *sg_map_key(const sg_map *m, const char *key)
{
	const struct sg_map_slot *s;

	if (!m->nslots)
		return NULL;
	s = &m->slots[map_slot(m, key, sg_hash(key), NULL)];
	return s->key;
}

void sg_map_prefetch(const sg_map *m, uint32_t hash, int step)
{
	const struct sg_map_slot *s;

	if (!m->nslots)
		return;
	s = &m->slots[hash & (m->nslots - 1)];
#if defined(__GNUC__)
	if (!step)
		__builtin_prefetch(s);
	else if (s->key && s->hash == hash)
		__builtin_prefetch(s->key);
#else
	(void)s;
	(void)step;
#endif
}

int64_t sg_map_get_hashed(const sg_map *m, const char *key, uint32_t hash)
{
	const struct sg_map_slot *s;

	if (!m->nslots)
		return -1;
	s = &m->slots[map_slot(m, key, hash, NULL)];
	return s->key ? (int64_t)s->value : -1;
}

int64_t sg_map_get(const sg_map *m, const char *key)
{
	return sg_map_get_hashed(m, key, sg_hash(key));
}

void sg_map_release(sg_map *m)
{
	free(m->slots);
	free(m->values);
	memset(m, 0, sizeof(*m));
}

int sg_buf_add_json(sg_buf *b, const char *s)
{
	int r = sg_buf_add(b, "\"", 1);

	for (; *s && !r; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			r = sg_buf_addf(b, "\\%c", c);
		else if (c == '\n')
			r = sg_buf_adds(b, "\\n");
		else if (c < 0x20)
			r = sg_buf_addf(b, "\\u%04x", c);
		else
			r = sg_buf_add(b, s, 1);
	}
	return r || sg_buf_add(b, "\"", 1);
}

/* Graphviz keeps its state in globals: cgraph's parser (reading DOT, and
 * reading back the DOT a render lays out), its error function, the
 * layouts. Whatever goes through it takes this lock, so that threads take
 * turns. Recursive: the turn of a render may include a reading. */
static pthread_mutex_t graphviz;
static pthread_once_t graphviz_made = PTHREAD_ONCE_INIT;

static void make_graphviz_lock(void)
{
	pthread_mutexattr_t a;

	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&graphviz, &a);
	pthread_mutexattr_destroy(&a);
}

void sg_graphviz_lock(void)
{
	pthread_once(&graphviz_made, make_graphviz_lock);
	pthread_mutex_lock(&graphviz);
}

void sg_graphviz_unlock(void)
{
	pthread_mutex_unlock(&graphviz);
}
