/* Helpers shared by the cmocka unit tests. */
#ifndef SG_TESTUTIL_H
#define SG_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "scograph.h"

/* Reads json as "test.json" and resolves it; NULL with err filled on
 * failure (the graph is then freed). */
static inline sg_graph *load(const char *json, sg_error *err)
{
	sg_graph *g = sg_graph_new();

	memset(err, 0, sizeof(*err));
	assert_non_null(g);
	if (sg_read_buffer(g, json, strlen(json), "test.json", NULL, err) ||
	    sg_graph_resolve(g, err)) {
		sg_graph_free(g);
		return NULL;
	}
	return g;
}

/* Every field of an error, as Jansson's own test suite checks them. */
#define check_error(err, want_code, want_file, want_line, want_column, \
		    want_text) \
	do { \
		assert_int_equal((err)->code, (want_code)); \
		assert_string_equal((err)->file, (want_file)); \
		assert_int_equal((err)->line, (want_line)); \
		assert_int_equal((err)->column, (want_column)); \
		assert_string_equal((err)->text, (want_text)); \
	} while (0)

/* Loading json must fail exactly so. */
#define check_load_error(json, code, line, column, text) \
	do { \
		sg_error e_; \
		assert_null(load((json), &e_)); \
		check_error(&e_, (code), "test.json", (line), (column), \
			    (text)); \
	} while (0)

/* What a progress function was told, in order (record_progress). */
#define MAX_TOLD 1024
struct told {
	size_t n;
	sg_progress at[MAX_TOLD];
	char subject[MAX_TOLD][64]; /* "" for none */
};

static inline void record_progress(void *ctx, const sg_progress *p)
{
	struct told *t = ctx;

	assert_true(t->n < MAX_TOLD);
	t->at[t->n] = *p;
	snprintf(t->subject[t->n], sizeof(t->subject[0]), "%s",
		 p->subject ? p->subject : "");
	t->at[t->n].subject = NULL;
	t->n++;
}

#endif
