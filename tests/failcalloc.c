/*
 * LD_PRELOAD=build/failcalloc.so SG_FAIL_CALLOC=BYTES: calloc fails for a
 * request of exactly BYTES, so that a CLI test can run out of memory at one
 * chosen place (an array sized by the input, as the adjacency that
 * sg_graph_resolve builds) and see how the command reports it.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>

void *calloc(size_t n, size_t size)
{
	static void *(*real)(size_t, size_t);
	const char *fail = getenv("SG_FAIL_CALLOC");

	if (fail && n * size == strtoull(fail, NULL, 10))
		return NULL;
	if (!real)
		real = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
	return real(n, size);
}
