/* The baseline scograph's load is measured against: Jansson parses the whole
 * file into a document, every entity's id and every relation's from, to and
 * type is looked at, and the document is freed. usage: parse FILE.json */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

static size_t touch(const json_t *list, const char *const *keys)
{
	size_t i, bytes = 0;
	const json_t *item;

	json_array_foreach(list, i, item)
		for (const char *const *k = keys; *k; k++)
			bytes += json_string_length(json_object_get(item, *k));
	return bytes;
}

int main(int argc, char **argv)
{
	static const char *const entity[] = { "id", 0 };
	static const char *const relation[] = { "from", "to", "type", 0 };
	json_error_t err;
	json_t *doc;
	size_t bytes;

	if (argc != 2) {
		fprintf(stderr, "usage: parse FILE.json\n");
		return 2;
	}
	if (!(doc = json_load_file(argv[1], 0, &err))) {
		fprintf(stderr, "%s:%d:%d: error: %s\n", argv[1], err.line,
			err.column, err.text);
		return 1;
	}
	bytes = touch(json_object_get(doc, "entities"), entity) +
		touch(json_object_get(doc, "relations"), relation);
	json_decref(doc);
	/* (printed, so that the walk cannot be optimised away) */
	printf("%zu\n", bytes);
	return 0;
}
