/* Comparing two versions: matching, renames, fields, the text forms. */
#include <stdlib.h>

#include "testutil.h"
#include "internal.h"

/* The change list from old to new (both JSON), or the format's text. */
static char *diff_text(const char *old, const char *new, const char *format)
{
	sg_error err;
	sg_graph *a = load(old, &err), *b;
	sg_diff *d;
	char *text;
	size_t len;

	assert_non_null(a);
	b = load(new, &err);
	assert_non_null(b);
	d = sg_diff_new(a, b, &err);
	assert_non_null(d);
	assert_int_equal(sg_diff_write(d, format, &text, &len, &err), 0);
	assert_int_equal(strlen(text), len);
	sg_diff_free(d);
	sg_graph_free(b);
	sg_graph_free(a);
	return text;
}

#define check_list(old, new, want) \
	do { \
		char *t_ = diff_text((old), (new), "list"); \
		assert_string_equal(t_, (want)); \
		free(t_); \
	} while (0)

#define ABC "{\"entities\": [{\"id\": \"a\", \"name\": \"A\"}, " \
	"{\"id\": \"b\", \"name\": \"B\", \"type\": \"t\"}], " \
	"\"relations\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"r\"}]}"

static void test_unchanged(void **state)
{
	(void)state;
	check_list(ABC, ABC, "");
}

static void test_added_and_removed(void **state)
{
	(void)state;
	check_list(ABC,
		   "{\"entities\": [{\"id\": \"a\", \"name\": \"A\"}, "
		   "{\"id\": \"c\", \"name\": \"C\", \"type\": \"t\"}], "
		   "\"relations\": [{\"from\": \"c\", \"to\": \"a\", "
		   "\"type\": \"r\"}]}",
		   "+ entity c \"C\" (t)\n"
		   "- entity b \"B\" (t)\n"
		   "+ relation c -[r]-> a\n"
		   "- relation a -[r]-> b\n");
}

static void test_changed_fields(void **state)
{
	(void)state;
	check_list(ABC,
		   "{\"entities\": [{\"id\": \"a\", \"name\": \"A2\", "
		   "\"size\": 3}, {\"id\": \"b\", \"name\": \"B\", "
		   "\"type\": \"u\", \"aliases\": [\"bee\"]}], "
		   "\"relations\": [{\"from\": \"a\", \"to\": \"b\", "
		   "\"type\": \"r\", \"label\": \"says\"}]}",
		   "~ entity a: name \"A\" → \"A2\"\n"
		   "~ entity a: size (none) → 3\n"
		   "~ entity b: type \"t\" → \"u\"\n"
		   "~ entity b: aliases (none) → [\"bee\"]\n"
		   "~ relation a -[r]-> b: label (none) → \"says\"\n");
}

/* The old id an alias now: renamed, and its relations still the same. */
static void test_renamed_by_alias(void **state)
{
	(void)state;
	check_list(ABC,
		   "{\"entities\": [{\"id\": \"a\", \"name\": \"A\"}, "
		   "{\"id\": \"bb\", \"name\": \"Bee\", \"type\": \"t\", "
		   "\"aliases\": [\"b\"]}], \"relations\": [{\"from\": "
		   "\"a\", \"to\": \"bb\", \"type\": \"r\"}]}",
		   "~ entity bb: id \"b\" → \"bb\"\n"
		   "~ entity bb: name \"B\" → \"Bee\"\n"
		   "~ entity bb: aliases (none) → [\"b\"]\n");
}

/* A new id, the same name and relations: renamed; another name: not. */
static void test_renamed_by_name_and_relations(void **state)
{
	(void)state;
	check_list(ABC,
		   "{\"entities\": [{\"id\": \"a\", \"name\": \"A\"}, "
		   "{\"id\": \"b2\", \"name\": \"B\", \"type\": \"t\"}], "
		   "\"relations\": [{\"from\": \"a\", \"to\": \"b2\", "
		   "\"type\": \"r\"}]}",
		   "~ entity b2: id \"b\" → \"b2\"\n");
	/* the same name, another relation: a new entity */
	check_list(ABC,
		   "{\"entities\": [{\"id\": \"a\", \"name\": \"A\"}, "
		   "{\"id\": \"b2\", \"name\": \"B\", \"type\": \"t\"}], "
		   "\"relations\": [{\"from\": \"b2\", \"to\": \"a\", "
		   "\"type\": \"r\"}]}",
		   "+ entity b2 \"B\" (t)\n- entity b \"B\" (t)\n"
		   "+ relation b2 -[r]-> a\n- relation a -[r]-> b\n");
}

/* Without direction the ends' order is no change; a relation's own id
 * tells two of the same ends and type apart. */
static void test_relation_identity(void **state)
{
	const char *undirected =
		"{\"entities\": [{\"id\": \"a\"}, {\"id\": \"b\"}], "
		"\"relations\": [{\"from\": \"a\", \"to\": \"b\", \"type\": "
		"\"r\", \"directed\": false}]}";
	const char *swapped =
		"{\"entities\": [{\"id\": \"a\"}, {\"id\": \"b\"}], "
		"\"relations\": [{\"from\": \"b\", \"to\": \"a\", \"type\": "
		"\"r\", \"directed\": false}]}";
	const char *with_id =
		"{\"entities\": [{\"id\": \"a\"}, {\"id\": \"b\"}], "
		"\"relations\": [{\"from\": \"a\", \"to\": \"b\", \"type\": "
		"\"r\", \"id\": \"r1\", \"directed\": false}]}";

	(void)state;
	check_list(undirected, swapped, "");
	check_list(undirected, with_id, "+ relation a -[r]- b (id r1)\n"
					"- relation a -[r]- b\n");
}

static void test_stats_and_json(void **state)
{
	const char *new = "{\"entities\": [{\"id\": \"a\", \"name\": \"A\"}, "
			  "{\"id\": \"b\", \"name\": \"B\", \"type\": \"t\"},"
			  " {\"id\": \"c\"}], \"relations\": []}";
	char *t = diff_text(ABC, new, "stats");

	(void)state;
	assert_string_equal(t, "entities added: 1\nentities removed: 0\n"
			    "entities changed: 0\nentities unchanged: 2\n"
			    "relations added: 0\nrelations removed: 1\n"
			    "relations changed: 0\nrelations unchanged: 0\n");
	free(t);
	t = diff_text(ABC, new, "json");
	assert_string_equal(t,
		"{\n  \"stats\": {\"entities\": {\"added\": 1, \"removed\": 0, "
		"\"changed\": 0, \"same\": 2}, \"relations\": {\"added\": 0, "
		"\"removed\": 1, \"changed\": 0, \"same\": 0}},\n"
		"  \"entities\": [\n    {\"status\": \"added\", \"id\": \"c\"}"
		"\n  ],\n  \"relations\": [\n    {\"status\": \"removed\", "
		"\"from\": \"a\", \"to\": \"b\", \"type\": \"r\", "
		"\"directed\": true}\n  ]\n}\n");
	free(t);
}

/* The drawing's view: the change and depth steps around it, or nothing. */
static void test_select_around_changes(void **state)
{
	const char *chain =
		"{\"entities\": [{\"id\": \"a\"}, {\"id\": \"b\"}, "
		"{\"id\": \"c\"}, {\"id\": \"d\"}], \"relations\": ["
		"{\"from\": \"a\", \"to\": \"b\", \"type\": \"r\"}, "
		"{\"from\": \"b\", \"to\": \"c\", \"type\": \"r\"}, "
		"{\"from\": \"c\", \"to\": \"d\", \"type\": \"r\"}]}";
	const char *changed_d =
		"{\"entities\": [{\"id\": \"a\"}, {\"id\": \"b\"}, "
		"{\"id\": \"c\"}, {\"id\": \"d\", \"name\": \"Dee\"}], "
		"\"relations\": [{\"from\": \"a\", \"to\": \"b\", \"type\": "
		"\"r\"}, {\"from\": \"b\", \"to\": \"c\", \"type\": \"r\"}, "
		"{\"from\": \"c\", \"to\": \"d\", \"type\": \"r\"}]}";
	sg_error err;
	sg_graph *a = load(chain, &err), *b = load(changed_d, &err);
	sg_diff *same = sg_diff_new(a, a, &err), *d = sg_diff_new(a, b, &err);
	sg_select_opts o = { .depth = 1 };
	sg_view *v;

	(void)state;
	assert_non_null(same);
	assert_non_null(d);
	assert_int_equal(sg_diff_any(same), 0);
	assert_int_equal(sg_diff_any(d), 1);
	/* what a drawing's table of changes lists: d's name, from none */
	{
		size_t n = 9;
		const sg_change *c = sg_diff_entity_changes(d, 3, &n);

		assert_int_equal(n, 1);
		assert_string_equal(c->field, "name");
		assert_null(c->before);
		assert_string_equal(c->after, "\"Dee\"");
		assert_null(sg_diff_entity_changes(d, 0, &n));
		assert_int_equal(n, 0);
		assert_null(sg_diff_relation_changes(d, 0, &n));
		assert_int_equal(n, 0);
	}
	v = sg_diff_select(same, &o, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_entity_count(v), 0);
	sg_view_free(v);
	v = sg_diff_select(d, &o, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_entity_count(v), 2); /* c, d */
	sg_view_free(v);
	o.depth = 3;
	v = sg_diff_select(d, &o, &err);
	assert_int_equal(sg_view_entity_count(v), 4);
	sg_view_free(v);
	sg_diff_free(d);
	sg_graph_free(b);
	/* a changed relation: its ends are the step around it, at any depth */
	b = load("{\"entities\": [{\"id\": \"a\"}, {\"id\": \"b\"}, "
		 "{\"id\": \"c\"}, {\"id\": \"d\"}], \"relations\": ["
		 "{\"from\": \"a\", \"to\": \"b\", \"type\": \"r\"}, "
		 "{\"from\": \"b\", \"to\": \"c\", \"type\": \"r\", "
		 "\"label\": \"new\"}, {\"from\": \"c\", \"to\": \"d\", "
		 "\"type\": \"r\"}]}", &err);
	assert_non_null(b);
	d = sg_diff_new(a, b, &err);
	for (o.depth = 0; o.depth < 2; o.depth++) {
		v = sg_diff_select(d, &o, &err);
		assert_int_equal(sg_view_entity_count(v), 2); /* b, c */
		assert_int_equal(sg_view_relation_count(v), 1);
		sg_view_free(v);
	}
	sg_diff_free(same);
	sg_diff_free(d);
	sg_graph_free(a);
	sg_graph_free(b);
}

static void test_bad_use(void **state)
{
	sg_error err = { 0 };
	sg_graph *g = sg_graph_new(), *a = load(ABC, &err);
	sg_diff *d;
	char *text;
	size_t len;

	(void)state;
	assert_null(sg_diff_new(g, a, &err));
	check_error(&err, SG_EUSAGE, "", 0, 0,
		    "both graphs must be resolved before they are compared");
	d = sg_diff_new(a, a, &err);
	memset(&err, 0, sizeof(err));
	assert_int_equal(sg_diff_write(d, "xml", &text, &len, &err), -1);
	assert_null(text);
	check_error(&err, SG_EUSAGE, "", 0, 0,
		    "unknown change format 'xml'; use list, stats or json");
	sg_diff_free(d);
	sg_graph_free(a);
	sg_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unchanged),
		cmocka_unit_test(test_added_and_removed),
		cmocka_unit_test(test_changed_fields),
		cmocka_unit_test(test_renamed_by_alias),
		cmocka_unit_test(test_renamed_by_name_and_relations),
		cmocka_unit_test(test_relation_identity),
		cmocka_unit_test(test_stats_and_json),
		cmocka_unit_test(test_select_around_changes),
		cmocka_unit_test(test_bad_use),
	};

	return cmocka_run_group_tests_name("diff", tests, NULL, NULL);
}
