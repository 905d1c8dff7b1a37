/* Two threads reading and selecting different graphs at once, as the
 * header allows; `make check` also runs this under helgrind, which reports
 * any data race between them. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "testutil.h"

struct job {
	const char *file;   /* NULL: the built-in graph */
	const char *focus;
	int rounds;
	char summary[4096]; /* what the last round selected */
	int failed;
};

/* Reads, resolves and selects job's graph; its entities and relations
 * into job->summary. */
static void *run(void *arg)
{
	struct job *job = arg;

	for (int round = 0; round < job->rounds && !job->failed; round++) {
		sg_error err = { 0 };
		sg_graph *g = sg_graph_new();
		const char *focus[] = { job->focus };
		sg_select_opts o = { .focus = focus, .nfocus = 1, .depth = 2 };
		sg_view *v = NULL;
		sg_entity_info e;
		sg_relation_info r;
		size_t n = 0;

		job->failed = !g ||
			      (job->file ? sg_read_file(g, job->file, NULL, &err) :
					   sg_read_builtin(g, &err)) ||
			      sg_graph_resolve(g, &err) ||
			      !(v = sg_select(g, &o, &err));
		for (size_t i = 0; v && sg_view_entity(v, i, &e) == 0; i++)
			n += (size_t)snprintf(job->summary + n,
					      sizeof(job->summary) - n,
					      "%s ", e.id);
		for (size_t i = 0; v && sg_view_relation(v, i, &r) == 0; i++)
			n += (size_t)snprintf(job->summary + n,
					      sizeof(job->summary) - n,
					      "%s-%s->%s ", r.from, r.type, r.to);
		job->failed |= n >= sizeof(job->summary);
		sg_view_free(v);
		sg_graph_free(g);
	}
	return NULL;
}

/* Runs the jobs alone, then together, each in a thread: what each
 * selects together is what it does alone. */
static void alone_and_together(struct job *alone, struct job *together)
{
	pthread_t threads[2];

	for (int i = 0; i < 2; i++) {
		run(&alone[i]);
		assert_false(alone[i].failed);
	}
	for (int i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&threads[i], NULL, run,
						&together[i]), 0);
	for (int i = 0; i < 2; i++)
		assert_int_equal(pthread_join(threads[i], NULL), 0);
	for (int i = 0; i < 2; i++) {
		assert_false(together[i].failed);
		assert_string_equal(together[i].summary, alone[i].summary);
	}
}

static void test_two_graphs_at_once(void **state)
{
	struct job alone[2] = {
		{ NULL, "Kazakhstan", 1, "", 0 },
		{ "tests/formats/node-link/graph.json", "SCO", 1, "", 0 },
	};
	struct job together[2] = {
		{ NULL, "Kazakhstan", 5, "", 0 },
		{ "tests/formats/node-link/graph.json", "SCO", 5, "", 0 },
	};

	(void)state;
	alone_and_together(alone, together);
	assert_non_null(strstr(alone[0].summary, "kazakhstan "));
	assert_non_null(strstr(alone[1].summary, "->SCO "));
}

/* DOT is read by Graphviz's parser, whose state is global: two DOT files
 * read at once take turns. */
static void test_two_dot_files_at_once(void **state)
{
	struct job alone[2] = {
		{ "tests/formats/dot/graph.gv", "Kazakhstan", 1, "", 0 },
		{ "tests/tools/networkx/nx2/karate.gv", "0", 1, "", 0 },
	};
	struct job together[2] = {
		{ "tests/formats/dot/graph.gv", "Kazakhstan", 4, "", 0 },
		{ "tests/tools/networkx/nx2/karate.gv", "0", 4, "", 0 },
	};

	(void)state;
	alone_and_together(alone, together);
	assert_non_null(strstr(alone[0].summary, "Kazakhstan-member_of->SCO "));
	assert_non_null(strstr(alone[1].summary, "0-"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_graphs_at_once),
		cmocka_unit_test(test_two_dot_files_at_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
