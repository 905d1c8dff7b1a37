/* The fetcher's answer path, shared with its fuzz target: an answer is
 * taken chunk by chunk as libcurl hands it over, then checked and read. */
#ifndef SG_SPARQL_H
#define SG_SPARQL_H

#include "internal.h"

/* An answer being received: at most max bytes; past them, over is set and
 * the rest refused. */
struct sparql_body {
	sg_buf text;
	size_t max;
	int over;
};

/* libcurl's write callback: appends n * size bytes of chunk to the
 * struct sparql_body at data; fewer than given (which ends the transfer)
 * past its limit or when out of memory. */
size_t sparql_take(char *chunk, size_t size, size_t n, void *data);

/* 0 when body looks like JSON; else SG_EFETCH naming url and what it is
 * instead (an HTML error page, as its type says, and its first line). */
int sparql_check_json(const struct sparql_body *body, const char *type,
		      const char *url, sg_error *err);

/* Reads an answer to the user's own query, of the type libcurl tells,
 * into g: SPARQL JSON results, N-Triples or Turtle; named by url. */
int sparql_read_answer(sg_graph *g, const struct sparql_body *body,
		       const char *type, const char *url, sg_error *err);

/* Reads one answer to a neighbourhood's query as the fetch does: its rows
 * of ?s gathered (each once, their IRIs the next step's), ordered, and
 * read; its others taken for the counts of a step cut to the page, from
 * those IRIs. */
int sparql_read_step(sg_graph *g, const struct sparql_body *body,
		     const char *type, const char *url, sg_error *err);

#endif
