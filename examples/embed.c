/*
 * scograph from C: load a graph file, focus on an entity, list the
 * relations of the view, and render it as SVG into memory, as a server
 * answering with the picture would.
 *
 *     cc embed.c $(pkg-config --cflags --libs scograph) -o embed
 *     ./embed graph.json Kazakhstan
 */
#include <stdio.h>
#include <stdlib.h>

#include <scograph.h>

int main(int argc, char **argv)
{
	sg_error err = { 0 };
	sg_graph *g = sg_graph_new();
	sg_view *v = NULL;
	const char *focus[1];
	sg_select_opts so = { .focus = focus, .nfocus = 1, .depth = 1 };
	sg_render_opts ro = { 0 };
	sg_relation_info r;
	char *svg = NULL;
	size_t len = 0;
	int status = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: %s GRAPH.json ENTITY\n", argv[0]);
		sg_graph_free(g);
		return 2;
	}
	focus[0] = argv[2];
	if (!g || sg_read_file(g, argv[1], NULL, &err) ||
	    sg_graph_resolve(g, &err) || !(v = sg_select(g, &so, &err)) ||
	    sg_render_buffer(v, &ro, "svg", &svg, &len, &err)) {
		if (err.line)
			fprintf(stderr, "%s:%d:%d: ", err.file, err.line,
				err.column);
		fprintf(stderr, "error: %s\n", err.text);
		goto done;
	}
	for (size_t i = 0; sg_view_relation(v, i, &r) == 0; i++)
		printf("%s -[%s]-%s %s\n", r.from,
		       r.label[0] ? r.label : r.type, r.directed ? ">" : "-",
		       r.to);
	printf("%zu entities, %zu relations, SVG of %zu bytes\n",
	       sg_view_entity_count(v), sg_view_relation_count(v), len);
	status = 0;
done:
	free(svg);
	sg_view_free(v);
	sg_graph_free(g);
	return status;
}
