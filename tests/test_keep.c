/* Keeping a layout (keep.c): reading an old drawing's places, and the
 * constraints a new drawing gets from them. */
#include <stdlib.h>

#include "draw.h"
#include "testutil.h"

static const char graph[] =
	"{\"entities\": [{\"id\": \"a\", \"name\": \"Alpha\"},"
	" {\"id\": \"b\", \"name\": \"Beta\"}, {\"id\": \"c\"},"
	" {\"id\": \"d\"}],"
	" \"relations\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"x\"},"
	" {\"from\": \"a\", \"to\": \"c\", \"type\": \"x\"},"
	" {\"from\": \"a\", \"to\": \"d\", \"type\": \"x\"}]}";

/* Three entities of one rank (one y) in the order b, d, c, and a above:
 * a drawing that flows down (TB), its background a frame 330 x 220 points
 * and the pad of a drawing for no page (0.3 inch) round it. */
static const char column_svg[] =
	"<?xml version=\"1.0\"?>\n"
	"<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
	"<g id=\"graph0\" class=\"graph\">\n"
	"<polygon fill=\"white\" points=\"-21.6,21.6 -21.6,-241.6 351.6,-241.6"
	" 351.6,21.6 -21.6,21.6\"/>\n"
	"<g id=\"e.a\" class=\"node person\"><title>a</title>"
	"<ellipse cx=\"150\" cy=\"-200\" rx=\"20\" ry=\"10\"/></g>\n"
	"<g id=\"e.b\" class=\"node\"><path d=\"M40,-90C50,-90 60,-90 60,-90"
	" 60,-110 40,-110 40,-90\"/></g>\n"
	"<g id=\"e.c\" class=\"node\"><polygon points=\"230,-90 270,-90 "
	"270,-110 230,-110\"/></g>\n"
	"<g id=\"e.d\" class=\"node\"><polygon points=\"140,-90 160,-90 "
	"160,-110 140,-110\"/></g>\n"
	"<g id=\"e.gone\" class=\"node\"><polygon points=\"0,0 1,1\"/></g>\n"
	"</g>\n</svg>\n";

/* The graph, a view of it all and its DOT, drawn by engine keeping the
 * places of svg (NULL: none). */
struct drawn {
	sg_graph *g;
	sg_view *v;
	sg_layout *l;
	char *dot;
};

static void draw(struct drawn *d, const char *engine, const char *svg)
{
	sg_error err = { 0 };
	sg_select_opts so = { .max_entities = 0 };
	sg_render_opts ro = { .engine = engine, .page = "none" };
	size_t len;

	d->l = svg ? sg_layout_read("old.svg", svg, strlen(svg), &err) : NULL;
	assert_true(!svg || d->l);
	ro.keep = d->l;
	assert_non_null(d->g = load(graph, &err));
	assert_non_null(d->v = sg_select(d->g, &so, &err));
	assert_int_equal(sg_render_buffer(d->v, &ro, "dot", &d->dot, &len,
					  &err), 0);
}

static void release(struct drawn *d)
{
	free(d->dot);
	sg_view_free(d->v);
	sg_graph_free(d->g);
	sg_layout_free(d->l);
}

static void test_reads_ranks_and_flow(void **state)
{
	sg_error err = { 0 };
	sg_layout *l = sg_layout_read("old.svg", column_svg,
				      strlen(column_svg), &err);

	(void)state;
	assert_non_null(l);
	assert_string_equal(sg_layout_flow(l), "TB");
	sg_layout_free(l);
}

static void test_dot_keeps_places(void **state)
{
	struct drawn d;

	(void)state;
	draw(&d, "dot", column_svg);
	/* laid out: every entity where the old drawing had it (SVG's y
	 * grows down, Graphviz's up), in its frame; the relations routed */
	assert_non_null(strstr(d.dot, "layout=nop2"));
	assert_non_null(strstr(d.dot, "bb=\"0,0,330,220\""));
	assert_non_null(strstr(d.dot, "pos=\"150,200\""));
	assert_non_null(strstr(d.dot, "pos=\"50,100\""));
	assert_non_null(strstr(d.dot, "pos=\"150,100\""));
	assert_non_null(strstr(d.dot, "pos=\"250,100\""));
	assert_non_null(strstr(d.dot, "label=x,\n\t\tlp="));
	assert_non_null(strstr(d.dot, "rankdir=TB"));
	release(&d);
}

static void test_other_engines_pin_positions(void **state)
{
	struct drawn d;

	(void)state;
	draw(&d, "neato", column_svg);
	/* SVG's y grows down, Graphviz's up */
	assert_non_null(strstr(d.dot, "pos=\"150.00,200.00!\""));
	assert_non_null(strstr(d.dot, "pos=\"250.00,100.00!\""));
	assert_non_null(strstr(d.dot, "inputscale=72"));
	release(&d);
}

static void test_no_layout_no_change(void **state)
{
	struct drawn d;

	(void)state;
	draw(&d, "dot", NULL);
	assert_null(strstr(d.dot, "invis"));
	assert_null(strstr(d.dot, "pos="));
	release(&d);
}

#define check_read_error(svg, code, line, column, text) \
	do { \
		sg_error e_ = { 0 }; \
		assert_null(sg_layout_read("old.svg", (svg), strlen(svg), \
					   &e_)); \
		check_error(&e_, (code), "old.svg", (line), (column), (text)); \
	} while (0)

static void test_errors_name_their_place(void **state)
{
	(void)state;
	check_read_error("<svg>\n<g id=\"e.a\" class=\"node\">\n</svg>",
			 SG_ESYNTAX, 3, 3, "not a drawing: mismatched tag");
	check_read_error("<graphml/>", SG_ESYNTAX, 1, 1,
			 "not a drawing: its root is no <svg>");
	check_read_error("{\"entities\": []}", SG_ESYNTAX, 1, 1,
			 "not a drawing: not well-formed (invalid token)");
	check_read_error("<svg><g id=\"graph0\" class=\"graph\"/></svg>",
			 SG_ENOTHING, 0, 0,
			 "no entity of a scograph drawing in it (groups with "
			 "ids e.ID)");
}

static void test_file_errors(void **state)
{
	sg_error err = { 0 };

	(void)state;
	assert_null(sg_layout_read_file("/nonexistent/old.svg", &err));
	assert_int_equal(err.code, SG_EIO);
	assert_string_equal(err.file, "/nonexistent/old.svg");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_ranks_and_flow),
		cmocka_unit_test(test_dot_keeps_places),
		cmocka_unit_test(test_other_engines_pin_positions),
		cmocka_unit_test(test_no_layout_no_change),
		cmocka_unit_test(test_errors_name_their_place),
		cmocka_unit_test(test_file_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
