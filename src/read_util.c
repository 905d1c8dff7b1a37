/* What every reader uses: errors placed in the text, the shapes of JSON
 * values, attributes, and reading a file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read.h"

/* Records the error at hand among the graph's diagnostics, so that reading
 * can go on to the next entity or relation; -1 when it must stop. */
int rd_note(struct reader *rd)
{
	int r = rd->error.code == SG_OK ? 0 : sg_graph_note(rd->g, &rd->error);

	memset(&rd->error, 0, sizeof(rd->error));
	return r;
}

/* How many items v holds, for a message: " (7 objects)"; "" for a
 * scalar. */
static void holding(const json_t *v, char *buf, size_t size)
{
	size_t n = json_is_array(v) ? json_array_size(v) : json_object_size(v);
	int objects = json_is_array(v) && n &&
		      json_is_object(json_array_get(v, 0));

	*buf = '\0';
	if (json_is_array(v))
		snprintf(buf, size, " (%zu %s%s)", n,
			 objects ? "object" : "item", n == 1 ? "" : "s");
	else if (json_is_object(v))
		snprintf(buf, size, " (%zu key%s)", n, n == 1 ? "" : "s");
}

int rd_unread_at(struct reader *rd, sg_loc at, const char *key,
		 const json_t *v, const char *where)
{
	char items[48];

	holding(v, items, sizeof(items));
	if (sg_graph_warn(rd->g, SG_WUNREAD, at, "key '%s'%s%s%s%s was not "
			  "read", key, items, where ? " in '" : "",
			  where ? where : "", where ? "'" : ""))
		return rd_nomem(rd);
	return 0;
}

int rd_unread(struct reader *rd, const json_t *o, const char *key,
	      const char *where)
{
	return rd_unread_at(rd, rd_loc(rd, o, key, 0), key,
			    json_object_get(o, key), where);
}

static int note(struct reader *rd, struct rd_hints *h, const char *key,
		size_t n, sg_loc at)
{
	size_t k = 0;

	/* (a document has a few kinds of hints, however many of each) */
	while (k < h->nkeys && strcmp(h->keys[k].key, key))
		k++;
	if (k == h->nkeys) {
		if (SG_GROW(h->keys, h->nkeys + 1, h->akeys) ||
		    !(key = sg_graph_intern(rd->g, key)))
			return rd_nomem(rd);
		h->keys[h->nkeys++] = (struct rd_hint){ key, 0 };
	}
	if (!h->first.file)
		h->first = at;
	h->keys[k].n += n;
	return 0;
}

int rd_hint_at(struct reader *rd, const char *key, size_t n, sg_loc at)
{
	return note(rd, &rd->hints, key, n, at);
}

int rd_aside_at(struct reader *rd, const char *key, size_t n, sg_loc at)
{
	return note(rd, &rd->aside, key, n, at);
}

int rd_hint(struct reader *rd, const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	if (!v || json_is_null(v))
		return 0;
	return rd_hint_at(rd, key, 1, rd_loc(rd, o, key, 0));
}

int rd_hints_of(struct reader *rd, const json_t *o, const char *const *keys)
{
	const char *key;
	const json_t *v;
	int any = 0;

	/* (most objects hold no hint: their few keys are looked for among
	 * the hints, not each hint among them: a twelfth of reading a DOT) */
	json_object_foreach((json_t *)o, key, v) {
		for (size_t k = 0; keys[k] && !any; k++)
			any = rd_same_key(key, keys[k]);
		if (any)
			break;
	}
	for (size_t k = 0; any && keys[k]; k++)
		if (rd_hint(rd, o, keys[k]))
			return -1;
	return 0;
}

/* Warns of h, what, and forgets it. */
static int warn_noted(struct reader *rd, struct rd_hints *h, const char *what)
{
	sg_buf b = SG_BUF_INIT;
	int r = 0;

	for (size_t k = 0; !r && k < h->nkeys; k++)
		r = sg_buf_addf(&b, "%s'%s' (%zu)", k ? ", " : "",
				h->keys[k].key, h->keys[k].n);
	if (!r && h->nkeys &&
	    sg_graph_warn(rd->g, SG_WUNREAD, h->first, "%s: %s", what,
			  sg_buf_str(&b)))
		r = -1;
	sg_buf_release(&b);
	free(h->keys);
	memset(h, 0, sizeof(*h));
	return r ? rd_nomem(rd) : 0;
}

int rd_hints_warn(struct reader *rd)
{
	int r = warn_noted(rd, &rd->hints, "drawing hints were not read "
			   "(scograph lays out and styles its own)");

	return warn_noted(rd, &rd->aside, "parts with no place in the model "
			  "were not read") || r ? -1 : 0;
}

int rd_unread_keys(struct reader *rd, const json_t *o,
		   const char *const *known, const char *where)
{
	return rd_other_keys(rd, o, known, NULL, where);
}

/* Whether key is one of list (NULL-terminated, or NULL). */
static int listed(const char *key, const char *const *list)
{
	while (list && *list && strcmp(*list, key))
		list++;
	return list && *list;
}

/* Names each key of o but known: those of noted in h, others unread. */
static int other_keys(struct reader *rd, const json_t *o,
		      const char *const *known, const char *const *noted,
		      struct rd_hints *h, const char *where)
{
	const char *key;
	const json_t *v;

	json_object_foreach((json_t *)o, key, v) {
		/* (null holds nothing to lose) */
		if (listed(key, known) || json_is_null(v))
			continue;
		if (listed(key, noted) ?
			    note(rd, h, key, 1, rd_loc(rd, o, key, 0)) :
			    rd_unread(rd, o, key, where))
			return -1;
	}
	return 0;
}

int rd_other_keys(struct reader *rd, const json_t *o,
		  const char *const *known, const char *const *hints,
		  const char *where)
{
	return other_keys(rd, o, known, hints, &rd->hints, where);
}

int rd_aside_keys(struct reader *rd, const json_t *o,
		  const char *const *known, const char *const *aside,
		  const char *where)
{
	return other_keys(rd, o, known, aside, &rd->aside, where);
}

int rd_unread_wrapped(struct reader *rd, const json_t *v,
		      const char *(*wrapper)(const json_t *v),
		      const char *const *own)
{
	const char *key;
	const json_t *member;
	const char *name = json_is_object(v) ? wrapper(v) : NULL;

	for (size_t i = 0; json_is_array(v) && i < json_array_size(v); i++)
		if (rd_unread_wrapped(rd, json_array_get(v, i), wrapper, own))
			return -1;
	json_object_foreach((json_t *)v, key, member) {
		if (name && !listed(key, own) && !json_is_null(member) &&
		    rd_unread(rd, v, key, name))
			return -1;
		/* (what a wrapper holds may hold wrappers too) */
		if ((json_is_object(member) || json_is_array(member)) &&
		    rd_unread_wrapped(rd, member, wrapper, own))
			return -1;
	}
	return 0;
}

/* Whether v and had hold the same, out of rd's wrappers. */
static int same_plain(struct reader *rd, const json_t *v, const json_t *had)
{
	json_t *a, *b;
	int same;

	if (json_equal(v, had))
		return 1;
	if (!rd->unwrap)
		return 0;
	a = rd_plain(v, rd->unwrap);
	b = rd_plain(had, rd->unwrap);
	same = a && b && json_equal(a, b);
	json_decref(a);
	json_decref(b);
	return same;
}

/* Whether v is one of rd's wrappers: a value, not a container of keys. */
static int wrapped(struct reader *rd, const json_t *v)
{
	json_t *plain = NULL;
	int is = rd->unwrap && rd->unwrap(v, &plain);

	json_decref(plain);
	return is;
}

int rd_same_copy(struct reader *rd, const json_t *copy, const json_t *first,
		 const char *where)
{
	const char *key;
	const json_t *v;

	json_object_foreach((json_t *)copy, key, v) {
		const json_t *had = json_object_get(first, key);

		if (json_is_null(v) || (had && same_plain(rd, v, had)))
			continue;
		if (json_is_object(v) && json_is_object(had) &&
		    !wrapped(rd, v) && !wrapped(rd, had)) {
			if (rd_same_copy(rd, v, had, key))
				return -1;
			continue;
		}
		if (!had ? rd_unread(rd, copy, key, where) :
			   sg_graph_warn(rd->g, SG_WUNREAD,
					 rd_loc(rd, copy, key, 0),
					 "key '%s'%s%s%s differs from the copy "
					 "read before it and was not read", key,
					 where ? " in '" : "", where ? where : "",
					 where ? "'" : "") ?
				   rd_nomem(rd) : 0)
			return -1;
	}
	return 0;
}

const json_t *rd_first_copy(struct reader *rd, const char *key)
{
	int64_t at = sg_map_get(&rd->copies.index, key);

	return at >= 0 ? rd->copies.first[at] : NULL;
}

int rd_copy(struct reader *rd, const char *key, const json_t *o,
	    const char *where, int *again)
{
	int64_t at = sg_map_get(&rd->copies.index, key);
	const char *k;

	*again = at >= 0;
	if (*again)
		return rd_same_copy(rd, o, rd->copies.first[at], where);
	if (!(k = sg_graph_intern(rd->g, key)) || SG_GROW(rd->copies.first, rd->copies.n + 1,
			  rd->copies.alloc) ||
	    sg_map_add(&rd->copies.index, k, (uint32_t)rd->copies.n))
		return rd_nomem(rd);
	/* (a line of JSON Lines is released once read: this copy stays) */
	rd->copies.first[rd->copies.n++] = json_incref((json_t *)o);
	return 0;
}

void rd_copies_release(struct rd_copies *c)
{
	for (size_t i = 0; i < c->n; i++)
		json_decref(c->first[i]);
	free(c->first);
	sg_map_release(&c->index);
	memset(c, 0, sizeof(*c));
}

const char *rd_kind(const json_t *v)
{
	if (!v)
		return "nothing";
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	default: return "null";
	}
}

/* The value of parent[key] or parent[index] has the wrong kind. */
int rd_wrong_kind(struct reader *rd, const json_t *parent,
		      const char *key, size_t index, const char *expected)
{
	sg_loc loc = rd_loc(rd, parent, key, index);
	const json_t *v = key ? json_object_get(parent, key) :
				json_array_get(parent, index);

	if (key)
		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "'%s' must be %s, not %s", key,
			       expected, rd_kind(v));
	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "expected %s, not %s", expected, rd_kind(v));
}

/* Reads optional string member key of obj into *out (NULL when absent or
 * empty); required ones must be present and non-empty. */
int rd_string(struct reader *rd, const json_t *obj, size_t index,
		      const json_t *parent, const char *key, int required,
		      const char *what, const char **out)
{
	return rd_string_of(rd, obj, index, parent, key,
			    json_object_get(obj, key), required, what, out);
}

int rd_string_of(struct reader *rd, const json_t *obj, size_t index,
		 const json_t *parent, const char *key, const json_t *v,
		 int required, const char *what, const char **out)
{
	*out = NULL;
	if (v && !json_is_string(v))
		return rd_wrong_kind(rd, obj, key, 0, "a string");
	if (v && json_string_length(v))
		*out = json_string_value(v);
	if (required && !*out) {
		sg_loc loc = v ? rd_loc(rd, obj, key, 0) :
				 rd_loc(rd, parent, NULL, index);

		return sg_fail(rd->err, SG_EMISSING, loc.file, loc.line,
			       loc.column, v ? "%s has an empty '%s'" :
					       "%s has no '%s'", what, key);
	}
	return 0;
}

/* Rejects a key not allowed, suggesting the closest. */
int rd_check_keys(struct reader *rd, const json_t *obj,
		  const char *const *allowed, size_t nallowed,
		  const char *what)
{
	const char *key;
	const json_t *v;

	json_object_foreach((json_t *)obj, key, v) {
		const char *close = NULL;
		size_t best = 3, i;
		sg_loc loc;

		/* (the distances only for an unknown key: each allocates) */
		for (i = 0; i < nallowed && strcmp(key, allowed[i]); i++)
			;
		if (i < nallowed)
			continue;
		for (i = 0; i < nallowed; i++) {
			size_t d = sg_distance(key, allowed[i], 2);

			if (d == SIZE_MAX)
				return rd_nomem(rd);
			if (d < best) {
				best = d;
				close = allowed[i];
			}
		}
		loc = rd_loc(rd, obj, key, 0);
		if (close)
			return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
				       loc.column,
				       "unknown key '%s' in %s; did you mean '%s'?",
				       key, what, close);
		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "unknown key '%s' in %s", key, what);
	}
	return 0;
}

/* The object or array parent[key]; NULL with no error when absent. */
const json_t *rd_container(struct reader *rd, const json_t *parent,
				   const char *key, int array, int *failed)
{
	const json_t *v = json_object_get(parent, key);

	*failed = 0;
	if (v && (array ? !json_is_array(v) : !json_is_object(v))) {
		rd_wrong_kind(rd, parent, key, 0, array ? "an array" : "an object");
		*failed = 1;
		return NULL;
	}
	return v;
}

/* Reads the objects of list parent[key] one by one with read_one. */
int rd_items(struct reader *rd, const json_t *list,
	     int (*read_one)(struct reader *, const json_t *list, size_t i,
			     const json_t *o))
{
	for (size_t i = 0; i < json_array_size(list); i++) {
		const json_t *o = json_array_get(list, i);

		/* a bad element spoils only itself */
		if ((!json_is_object(o) ?
			     rd_wrong_kind(rd, list, NULL, i, "an object") :
			     read_one(rd, list, i, o)) &&
		    rd_note(rd))
			return -1;
	}
	return 0;
}

int rd_list(struct reader *rd, const json_t *parent, const char *key,
	    int (*read_one)(struct reader *, const json_t *list, size_t i,
			    const json_t *o))
{
	int failed;
	const json_t *list = rd_container(rd, parent, key, 1, &failed);

	return (list && rd_items(rd, list, read_one)) || failed ? -1 : 0;
}

struct dump {
	sg_buf text;
	int failed;
};

static int add_text(const char *buffer, size_t size, void *data)
{
	struct dump *d = data;

	d->failed |= sg_buf_add(&d->text, buffer, size);
	return d->failed ? -1 : 0;
}

/*
 * The fewest significant digits, 15 to 17, that write every real number
 * in v so that it reads back the same: Jansson writes 17 unless told,
 * and 0.9 would come out as 0.90000000000000002. Jansson nests at most
 * 2048 levels, which bounds the recursion.
 */
static int digits(const json_t *v)
{
	char buf[32];
	int most = 15, d;
	size_t i;
	const char *key;
	json_t *m;

	switch (json_typeof(v)) {
	case JSON_REAL:
		for (; most < 17; most++) {
			snprintf(buf, sizeof(buf), "%.*g", most,
				 json_real_value(v));
			if (strtod(buf, NULL) == json_real_value(v))
				break;
		}
		return most;
	case JSON_ARRAY:
		for (i = 0; i < json_array_size(v) && most < 17; i++)
			if ((d = digits(json_array_get(v, i))) > most)
				most = d;
		return most;
	case JSON_OBJECT:
		json_object_foreach((json_t *)v, key, m)
			if ((d = digits(m)) > most)
				most = d;
		return most;
	default:
		return most;
	}
}

/* Jansson's json_dumps drops an object's key when memory runs out on it,
 * and still succeeds; its callback is told every failure. */
char *rd_dumps(const json_t *v)
{
	struct dump d = { SG_BUF_INIT, 0 };

	if (json_dump_callback(v, add_text, &d,
			       JSON_COMPACT | JSON_ENCODE_ANY |
			       JSON_REAL_PRECISION(digits(v))) || d.failed) {
		sg_buf_release(&d.text);
		return NULL;
	}
	return d.text.buf;
}

int rd_known(const char *key, const char *const *known, size_t nknown)
{
	for (size_t k = 0; k < nknown; k++)
		if (rd_same_key(known[k], key))
			return 1;
	return 0;
}

int rd_attrs(struct reader *rd, const json_t *o, const char *const *known,
	     size_t nknown, sg_attrs *attrs)
{
	const char *key;
	const json_t *v;

	json_object_foreach((json_t *)o, key, v)
		if (!rd_known(key, known, nknown) && rd_attr(rd, attrs, key, v))
			return -1;
	return 0;
}

int rd_add_value(json_t *attrs, const char *key, json_t *value)
{
	json_t *had = json_object_get(attrs, key);
	json_t *list = json_is_array(had) ? had : NULL;

	if (!value)
		return -1;
	if (!had)
		return json_object_set_new(attrs, key, value);
	for (size_t i = 0; i < (list ? json_array_size(list) : 1); i++)
		if (json_equal(list ? json_array_get(list, i) : had, value)) {
			json_decref(value);
			return 0;
		}
	if (!list) {
		/* (json_object_set_new releases list when it fails) */
		if (!(list = json_array()) || json_array_append(list, had)) {
			json_decref(list);
			json_decref(value);
			return -1;
		}
		if (json_object_set_new(attrs, key, list)) {
			json_decref(value);
			return -1;
		}
	}
	return json_array_append_new(list, value);
}

int rd_attr(struct reader *rd, sg_attrs *attrs, const char *key,
	    const json_t *v)
{
	json_t *value = rd->unwrap ? rd_plain(v, rd->unwrap) :
				     json_incref((json_t *)v);
	char *text = value ? rd_dumps(value) : NULL;

	json_decref(value);
	if (!text || SG_GROW(attrs->kv, attrs->n + 2, attrs->alloc)) {
		free(text);
		return rd_nomem(rd);
	}
	attrs->kv[attrs->n++] = key;
	attrs->kv[attrs->n++] = text;
	return 0;
}

json_t *rd_plain(const json_t *v, rd_unwrap *unwrap)
{
	const char *key;
	const json_t *member;
	json_t *copy, *out;
	int failed = 0;

	if (unwrap(v, &out))
		return out;
	if (json_is_array(v)) {
		copy = json_array();
		for (size_t i = 0; copy && !failed && i < json_array_size(v); i++)
			failed = json_array_append_new(copy, rd_plain(
				json_array_get(v, i), unwrap));
	} else if (json_is_object(v)) {
		copy = json_object();
		json_object_foreach((json_t *)v, key, member)
			if (copy && !failed)
				failed = json_object_set_new(copy, key,
						rd_plain(member, unwrap));
	} else {
		return json_incref((json_t *)v);
	}
	if (failed) {
		json_decref(copy);
		return NULL;
	}
	return copy;
}

void rd_attrs_release(sg_attrs *attrs)
{
	for (size_t i = 1; i < attrs->n; i += 2)
		free((char *)attrs->kv[i]);
	free(attrs->kv);
	memset(attrs, 0, sizeof(*attrs));
}

int rd_empty(struct reader *rd)
{
	return sg_fail(rd->err, SG_EEMPTY, rd->file, 0, 0, "file is empty");
}

int rd_open(const char *path, size_t *size, sg_error *err)
{
	int fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) :
				     STDIN_FILENO;
	struct stat st;

	if (fd < 0)
		return sg_fail(err, SG_EIO, path, 0, 0, "cannot open file: %s",
			       strerror(errno));
	/* (a pipe has no size to tell) */
	*size = !fstat(fd, &st) && S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
	return fd;
}

int rd_read_fd(int fd, const char *name, size_t size, sg_buf *data,
	       size_t want, sg_teller *tell, sg_error *err)
{
	size_t since = data->len, more = size ? size + 1 : SG_PROGRESS_STEP;
	ssize_t n;

	/* a file's room is made at once, not doubled (and copied) on the
	 * way, with a byte more to see its end in, and read into straight
	 * (stdio would copy it twice more) */
	while (data->len - since < want) {
		size_t room = data->alloc - data->len;

		if (room <= 1) {
			if (SG_GROW(data->buf, data->len + more + 1,
				    data->alloc))
				return sg_fail(err, SG_ENOMEM, NULL, 0, 0,
					       "out of memory");
			/* (a file that grows as it is read is read to its
			 * end) */
			more = SG_PROGRESS_STEP;
			room = data->alloc - data->len;
			data->buf[data->len] = '\0';
		}
		if (room - 1 > SG_PROGRESS_STEP)
			room = SG_PROGRESS_STEP + 1;
		n = read(fd, data->buf + data->len, room - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return sg_fail(err, SG_EIO, name, 0, 0,
				       "cannot read file: %s", strerror(errno));
		if (!n)
			return 1;
		data->len += (size_t)n;
		data->buf[data->len] = '\0';
		sg_tell(tell, data->len);
	}
	return 0;
}

int rd_slurp(const char *path, sg_buf *data, sg_teller *tell, sg_error *err)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	size_t size;
	int fd = rd_open(path, &size, err), r;

	if (fd < 0)
		return -1;
	sg_tell_begin(tell, SG_STAGE_READ, name, size);
	r = rd_read_fd(fd, name, size, data, SIZE_MAX, tell, err);
	sg_tell_done(tell, data->len);
	if (fd != STDIN_FILENO)
		close(fd);
	return r < 0 ? -1 : 0;
}

int rd_not_format(struct reader *rd, const char *key, const char *where,
		  const char *format)
{
	sg_loc loc = rd_loc(rd, NULL, NULL, 0);

	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "no '%s'%s: this is no %s document", key, where, format);
}

const json_t *rd_first(const json_t *doc, const char *key)
{
	return json_array_get(json_object_get(doc, key), 0);
}

int rd_not_text(struct reader *rd, const char *data, size_t len,
		const char *format)
{
	const char *p = data, *end = data + len;
	int line = 1, column = 1;

	while (p < end) {
		/* (a character cut short at the end read where NULs follow) */
		char tail[5] = { 0 };
		const char *c = p, *q = tail;
		uint32_t ch;

		if (*p == '\n' || (*p > 0 && *p < 0x7F)) {
			line += *p == '\n';
			column = *p++ == '\n' ? 1 : column + 1;
			continue;
		}
		if (end - p < 4) {
			memcpy(tail, p, (size_t)(end - p));
			ch = sg_utf8_next(&q);
			p += q - tail;
		} else {
			ch = sg_utf8_next(&p);
		}
		if (!*c)
			return sg_fail(rd->err, SG_EENCODING, rd->file, line,
				       column, "a NUL byte: %s is text", format);
		if (ch == SG_NOT_CHAR)
			return sg_fail(rd->err, SG_EENCODING, rd->file, line,
				       column, "not valid UTF-8: byte 0x%02x",
				       (unsigned char)*c);
		column++;
	}
	return 0;
}
