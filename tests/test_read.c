/* The reader: every bad input gets a precise error, good input its model. */
#include <stdio.h>
#include <stdlib.h>

#include "testutil.h"
#include "read.h"

static void test_good_document(void **state)
{
	sg_error err;
	sg_graph *g = load(
		"{\"graph\": {\"title\": \"T\", \"sources\": [{\"id\": \"s\"}]},\n"
		" \"types\": {\"country\": {\"shape\": \"box\", \"penwidth\": 2}},\n"
		" \"relation_types\": {\"has\": {\"style\": \"dashed\"}},\n"
		" \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"type\": \"country\",\n"
		"                 \"aliases\": [\"Alpha\"], \"extra\": 1},\n"
		"                {\"id\": \"b\"}],\n"
		" \"relations\": [{\"from\": \"alpha\", \"to\": \"b\", \"type\": \"has\",\n"
		"                  \"source\": \"s\", \"evidence\": \"e\"}]}",
		&err);
	sg_view *v;
	sg_select_opts all = { 0 };
	sg_entity_info info;

	(void)state;
	assert_non_null(g);
	v = sg_select(g, &all, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_entity_count(v), 2);
	assert_int_equal(sg_view_relation_count(v), 1);
	assert_int_equal(sg_view_entity(v, 0, &info), 0);
	assert_string_equal(info.id, "a");
	assert_string_equal(info.name, "A");
	assert_string_equal(info.type, "country");
	assert_int_equal(info.degree, 1);
	assert_int_equal(sg_view_entity(v, 1, &info), 0);
	assert_string_equal(info.name, "b"); /* no name: the id */
	assert_string_equal(info.type, "");
	sg_view_free(v);
	sg_graph_free(g);
}

/* The neo4j driver's Integer {low, high}: two signed 32-bit halves of one
 * 64-bit number, here an identity, a node's and a relationship's end. */
static void test_driver_integers(void **state)
{
	sg_error err;
	sg_graph *g = load(
		"[{\"n\": {\"identity\": {\"low\": -1, \"high\": 0},"
		" \"labels\": [\"T\"], \"properties\": {}},\n"
		"  \"r\": {\"identity\": {\"low\": 5, \"high\": 0}, \"start\":"
		" {\"low\": -1, \"high\": 0}, \"end\": {\"low\": 2, \"high\": 0},"
		" \"type\": \"R\", \"properties\": {}},\n"
		"  \"m\": {\"identity\": {\"low\": 2, \"high\": 0},"
		" \"labels\": [\"T\"], \"properties\": {}}}]", &err);
	sg_select_opts all = { 0 };
	sg_entity_info info;
	sg_view *v;

	(void)state;
	assert_non_null(g);
	v = sg_select(g, &all, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_relation_count(v), 1);
	assert_int_equal(sg_view_entity(v, 0, &info), 0);
	assert_string_equal(info.id, "4294967295");
	assert_int_equal(info.degree, 1);
	sg_view_free(v);
	sg_graph_free(g);
}

/* A LangChain relationship whose end the document's nodes left out: the
 * end is read as that node, its type and properties too, as LangChain's
 * graph stores merge it. */
static void test_end_not_in_nodes(void **state)
{
	sg_error err;
	sg_graph *g = load(
		"{\"nodes\": [{\"id\": \"KZ\", \"type\": \"Country\","
		" \"properties\": {}}],\n"
		" \"relationships\": [{\"source\": {\"id\": \"Ghost\","
		" \"type\": \"Person\", \"properties\": {\"age\": 3}},"
		" \"target\": {\"id\": \"KZ\", \"type\": \"Country\","
		" \"properties\": {}}, \"type\": \"VISITS\","
		" \"properties\": {}}]}", &err);
	const sg_error *list;
	sg_select_opts all = { 0 };
	sg_entity_info info;
	sg_view *v;

	(void)state;
	assert_non_null(g);
	assert_int_equal(sg_graph_diagnostics(g, &list), 0);
	v = sg_select(g, &all, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_entity_count(v), 2);
	assert_int_equal(sg_view_relation_count(v), 1);
	assert_int_equal(sg_view_entity(v, 1, &info), 0);
	assert_string_equal(info.id, "Ghost");
	assert_string_equal(info.type, "Person");
	assert_int_equal(info.degree, 1);
	sg_view_free(v);
	sg_graph_free(g);
}

static void test_syntax_errors(void **state)
{
	(void)state;
	check_load_error("{\"entities\": [\n  {\"id\": tru}]}", SG_ESYNTAX, 2,
			 12, "invalid token near 'tru'");
	check_load_error("{\"entities\": []", SG_ESYNTAX, 1, 15,
			 "'}' expected near end of file");
	check_load_error("{\"entities\": [], \"entities\": []}", SG_ESYNTAX,
			 1, 27, "duplicate object key near '\"entities\"'");
}

/* The reader parses the top level one member, and lists one element, at a
 * time; errors must stand where they would in a reading of the whole. */
static void test_errors_in_pieces(void **state)
{
	(void)state;
	check_load_error("{\"entities\": [{\"id\": \"a\"}, {\"id\": \"b\" \"x\"}]}",
			 SG_ESYNTAX, 1, 41, "'}' expected near '\"x\"'");
	check_load_error("{\"graph\": {\"title\": \"t\"},\n \"entities\": [\n"
			 "  {\"id\": \"a\"},\n  {\"id\": \"b\", \"name\": 7}]}",
			 SG_ESHAPE, 4, 23, "'name' must be a string, not a number");
	check_load_error("{\"entities\": [{\"id\": \"a\"} {\"id\": \"b\"}]}",
			 SG_ESYNTAX, 1, 27, "']' expected near '{'");
	check_load_error("{\"entities\": [{\"id\": \"a\"}", SG_ESYNTAX, 1, 25,
			 "']' expected near end of file");
	check_load_error("{\"entities\": []} []", SG_ESYNTAX, 1, 18,
			 "end of file expected near '['");
	check_load_error("\"entities\"", SG_ESHAPE, 1, 1,
			 "expected an object with 'entities' and 'relations' "
			 "at the top, not a string");
	check_load_error("  \n  42", SG_ESHAPE, 2, 3,
			 "expected an object with 'entities' and 'relations' "
			 "at the top, not a number");
	check_load_error("{\"graph\": {\"title\": \"t\", \"title\": \"u\"}}",
			 SG_ESYNTAX, 1, 32, "duplicate object key near '\"title\"'");
	/* past a list's first element, and inside a member of one */
	check_load_error("{\"entities\": [{\"id\": \"a\"},\n {\"id\": \"b\", "
			 "\"name\": \"B\", \"id\": \"c\"}]}", SG_ESYNTAX, 2,
			 30, "duplicate object key near '\"id\"'");
	check_load_error("{\"entities\": [{\"id\": \"a\"},\n {\"id\": \"b\", "
			 "\"x\": [{\"y\": 1, \"y\": 2}], \"z\": 3}]}",
			 SG_ESYNTAX, 2, 31, "duplicate object key near '\"y\"'");
	check_load_error("{\"relations\": [{\"from\": \"a\", \"to\": \"a\", "
			 "\"type\": \"r\"},\n {\"from\": \"a\", \"to\": \"a\", "
			 "\"t\\u006f\": \"b\"}]}", SG_ESYNTAX, 2, 35, "duplicate object key near "
			 "'\"t\\u006f\"'");
}

static void test_pieces_read_like_a_whole(void **state)
{
	sg_error err;
	/* an escaped key, strings holding brackets and quotes, odd spacing */
	sg_graph *g = load(" {\"entit\\u0069es\" :[ {\"id\":\"a]\\\"}\"} ,\n"
			   "{\"id\": \"b\", \"aliases\": [\"[{\"]}\t] ,\r\n"
			   "\"relations\":[{\"from\":\"a]\\\"}\",\"to\":\"[{\","
			   "\"type\":\"t\"}],\"graph\":{}} \n", &err);
	sg_select_opts all = { 0 };
	sg_view *v;
	sg_entity_info info;

	(void)state;
	assert_non_null(g);
	v = sg_select(g, &all, &err);
	assert_int_equal(sg_view_entity_count(v), 2);
	assert_int_equal(sg_view_relation_count(v), 1);
	assert_int_equal(sg_view_entity(v, 0, &info), 0);
	assert_string_equal(info.id, "a]\"}");
	assert_int_equal(info.degree, 1);
	sg_view_free(v);
	sg_graph_free(g);
}

static void test_empty_and_encoding(void **state)
{
	(void)state;
	check_load_error("", SG_EEMPTY, 0, 0, "file is empty");
	check_load_error(" \n\t\n", SG_EEMPTY, 0, 0, "file is empty");
	check_load_error("{\"entities\": [{\"id\": \"caf\xe9\"}]}", SG_EENCODING,
			 1, 26, "not valid UTF-8: unable to decode byte 0xe9 "
				"near '\"caf'");
}

static void test_byte_order_mark_is_skipped(void **state)
{
	sg_error err;
	sg_graph *g = load("\xEF\xBB\xBF{\"entities\": [{\"id\": \"a\"}]}", &err);

	(void)state;
	assert_non_null(g);
	sg_graph_free(g);
}

/* Tables: positions counted through quoted line breaks and other
 * scripts, in CSV, TSV and KGTK alike. */
static void test_tables(void **state)
{
	sg_error err;
	sg_graph *g = load("source,target,type,note\r\n"
			   "a,b,r,\"two\r\nlines, \"\"quoted\"\"\"\r\n"
			   "\r\n"
			   "b,c,,7\r\n", &err);
	sg_select_opts all = { 0 };
	sg_view *v;

	(void)state;
	assert_non_null(g);
	v = sg_select(g, &all, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_entity_count(v), 3);
	assert_int_equal(sg_view_relation_count(v), 2);
	sg_view_free(v);
	sg_graph_free(g);
	check_load_error("source,target,note\na,b,\"x\ny\"\nc,\"d\n",
			 SG_ESYNTAX, 4, 3, "a quoted field that never ends");
	check_load_error("source,target\n\xd0\x90\xd1\x81,\"b\"x\n",
			 SG_ESYNTAX, 2, 7, "'x' after a quoted field's closing "
			 "quote (a quote inside a quoted field is written "
			 "twice)");
	check_load_error("source\ttarget\na\t\"b\nc\"\td\n", SG_ESHAPE, 3,
			 4, "a row of 3 fields where the header has 2");
	check_load_error("node1\tlabel\tnode2\n# a\tcomment\nx\tr\t\n",
			 SG_EMISSING, 3, 5, "a relation without its target "
			 "('node2' is empty)");
	check_load_error("id,name\n,\n", SG_EMISSING, 2, 1,
			 "a node without an id ('id' is empty)");
}

static void test_wrong_kinds(void **state)
{
	(void)state;
	check_load_error("[1, 2]", SG_ESHAPE, 1, 1,
			 "expected an object with 'entities' and 'relations' "
			 "at the top, not an array");
	check_load_error("{\"entities\": {}}", SG_ESHAPE, 1, 14,
			 "'entities' must be an array, not an object");
	check_load_error("{\"entities\": [\n  \"a\"]}", SG_ESHAPE, 2, 3,
			 "expected an object, not a string");
	check_load_error("{\"entities\": [{\"id\": \"a\",\n   \"name\": null}]}",
			 SG_ESHAPE, 2, 12, "'name' must be a string, not null");
	check_load_error("{\"entities\": [{\"id\": \"a\", \"aliases\": \"A\"}]}",
			 SG_ESHAPE, 1, 38,
			 "'aliases' must be an array of strings, not a string");
	check_load_error("{\"entities\": [{\"id\": \"a\", \"aliases\": [true]}]}",
			 SG_ESHAPE, 1, 39, "expected a string, not a boolean");
	check_load_error("{\"types\": {\"t\": {\"shape\": 3}}}", SG_ESHAPE, 1,
			 27, "'shape' must be a string, not a number");
	check_load_error("{\"graph\": {\"sources\": [{\"id\": 1}]}}", SG_ESHAPE,
			 1, 31, "'id' must be a string, not a number");
}

static void test_unknown_keys(void **state)
{
	(void)state;
	check_load_error("{\"entites\": []}", SG_ESHAPE, 1, 13,
			 "unknown key 'entites' in the top-level object; did "
			 "you mean 'entities'?");
	check_load_error("{\"types\": {\"t\": {\"colour\": \"red\"}}}",
			 SG_ESHAPE, 1, 28,
			 "unknown key 'colour' in a type; did you mean 'color'?");
	check_load_error("{\"graph\": {\"zzz\": 1}}", SG_ESHAPE, 1, 19,
			 "unknown key 'zzz' in 'graph'");
}

static void test_missing_fields(void **state)
{
	(void)state;
	check_load_error("{\"entities\": [{\"name\": \"A\"}]}", SG_EMISSING, 1,
			 15, "entity has no 'id'");
	check_load_error("{\"entities\": [{\"id\": \"\"}]}", SG_EMISSING, 1, 22,
			 "entity has an empty 'id'");
	check_load_error("{\"entities\": [{\"id\": \"a\"}],\n"
			 " \"relations\": [{\"from\": \"a\", \"to\": \"a\"}]}",
			 SG_EMISSING, 2, 16, "relation has no 'type'");
	check_load_error("{\"graph\": {\"sources\": [{\"title\": \"x\"}]}}",
			 SG_EMISSING, 1, 24, "source has no 'id'");
}

static void test_conflicts(void **state)
{
	(void)state;
	check_load_error("{\"entities\": [{\"id\": \"a\", \"name\": \"A\"},\n"
			 "  {\"id\": \"a\", \"name\": \"B\"}]}",
			 SG_ECONFLICT, 2, 3,
			 "entity 'a' is defined again with a different name "
			 "('B', was 'A' at test.json:1:15)");
	check_load_error("{\"types\": {\"t\": {\"shape\": \"box\"}}, \"entities\": "
			 "[], \"relation_types\": {}, \"graph\": {\"sources\": "
			 "[{\"id\": \"s\", \"date\": \"1\"}, {\"id\": \"s\", "
			 "\"date\": \"2\"}]}}",
			 SG_ECONFLICT, 1, 122,
			 "source 's' is defined again with a different date "
			 "('2', was '1' at test.json:1:96)");
}

static void test_same_entity_twice_merges(void **state)
{
	sg_error err;
	sg_graph *g = load("{\"entities\": [{\"id\": \"a\", \"name\": \"A\"},\n"
			   "  {\"id\": \"a\", \"description\": \"d\", "
			   "\"aliases\": [\"x\"]}],"
			   " \"relations\": [{\"from\": \"X\", \"to\": \"A\", "
			   "\"type\": \"self\"}]}",
			   &err);
	sg_select_opts all = { 0 };
	sg_view *v;

	(void)state;
	assert_non_null(g);
	v = sg_select(g, &all, &err);
	assert_int_equal(sg_view_entity_count(v), 1);
	assert_int_equal(sg_view_relation_count(v), 1);
	sg_view_free(v);
	sg_graph_free(g);
}

static void test_dangling_references(void **state)
{
	(void)state;
	check_load_error("{\"entities\": [{\"id\": \"kazakhstan\", \"name\": "
			 "\"Kazakhstan\"}],\n \"relations\": [{\"from\": "
			 "\"Kazakstan\", \"to\": \"kazakhstan\", \"type\": \"t\"}]}",
			 SG_EUNKNOWN, 2, 25,
			 "unknown entity 'Kazakstan'; did you mean 'Kazakhstan'?");
	check_load_error("{\"entities\": [{\"id\": \"a\"}],\n \"relations\": "
			 "[{\"from\": \"a\", \"to\": \"zzzz\", \"type\": \"t\"}]}",
			 SG_EUNKNOWN, 2, 36, "unknown entity 'zzzz'");
	check_load_error("{\"graph\": {\"sources\": [{\"id\": \"miraj2024\"}]},\n"
			 " \"entities\": [{\"id\": \"a\"}],\n \"relations\": "
			 "[{\"from\": \"a\", \"to\": \"a\", \"type\": \"t\", "
			 "\"source\": \"miraj2042\"}]}",
			 SG_EUNKNOWN, 3, 64,
			 "unknown source 'miraj2042'; did you mean 'miraj2024'?");
	check_load_error("{\"entities\": [{\"id\": \"a\", \"name\": \"Same\"},"
			 " {\"id\": \"b\", \"aliases\": [\"same\"]}],\n"
			 " \"relations\": [{\"from\": \"SAME\", \"to\": \"a\", "
			 "\"type\": \"t\"}]}",
			 SG_EAMBIGUOUS, 2, 25,
			 "entity name 'SAME' is ambiguous: it matches 'a' (Same), "
			 "'b' (b)");
}

/* An element larger than the reader's scratch (read_pos.c), between two
 * that fit: its values spill into malloc's memory, and all of it is read,
 * its place and the next elements' too. */
static char *past_the_scratch(const char *end, size_t n)
{
	static const char head[] = "{\"entities\": [{\"id\": \"a\"},\n"
				   "{\"id\": \"b\", \"name\": \"";
	char *json = malloc(sizeof(head) + n + 256);

	assert_non_null(json);
	memcpy(json, head, sizeof(head) - 1);
	memset(json + sizeof(head) - 1, 'x', n);
	sprintf(json + sizeof(head) - 1 + n, "\", \"note\": [\"\\u00e9\", "
		"{\"x\": 1}]},\n{\"id\": \"c\"}],\n\"relations\": [{\"from\": "
		"\"a\", \"to\": \"b\", \"type\": \"r\"},\n {\"from\": \"b\", "
		"\"to\": \"%s\", \"type\": \"r\"}]}", end);
	return json;
}

static void test_element_past_the_scratch(void **state)
{
	enum { LONG = 100000 };
	char *json = past_the_scratch("d", LONG);
	sg_error err;
	sg_graph *g;

	(void)state;
	assert_null(load(json, &err));
	check_error(&err, SG_EUNKNOWN, "test.json", 5, 22,
		    "unknown entity 'd'");
	free(json);
	json = past_the_scratch("c", LONG);
	g = load(json, &err);
	free(json);
	assert_non_null(g);
	assert_int_equal(g->nentities, 3);
	assert_int_equal(g->nrelations, 2);
	assert_int_equal(strlen(g->entities[1].name), LONG);
	assert_int_equal(g->entities[1].attrs.n, 2);
	assert_string_equal(g->entities[1].attrs.kv[0], "note");
	assert_string_equal(g->entities[1].attrs.kv[1],
			    "[\"\u00e9\",{\"x\":1}]");
	assert_string_equal(g->entities[2].id, "c");
	sg_graph_free(g);
}

static void test_every_problem_is_reported(void **state)
{
	sg_graph *g = sg_graph_new();
	sg_error err = { 0 };
	const sg_error *list;
	const char *json = "{\"entities\": [{\"id\": 1},\n"
			   " {\"id\": \"a\"}, {\"name\": \"b\"}]}";

	(void)state;
	assert_int_equal(sg_read_buffer(g, json, strlen(json), "t", NULL, &err), -1);
	/* the first error is the function's; all are the graph's */
	check_error(&err, SG_ESHAPE, "t", 1, 22, "'id' must be a string, not a number");
	assert_int_equal(sg_graph_diagnostics(g, &list), 2);
	check_error(&list[0], SG_ESHAPE, "t", 1, 22,
		    "'id' must be a string, not a number");
	check_error(&list[1], SG_EMISSING, "t", 2, 15, "entity has no 'id'");
	sg_graph_free(g);
}

static void test_errors_stop_at_the_limit(void **state)
{
	sg_graph *g = sg_graph_new();
	sg_error err = { 0 };
	const sg_error *list;
	char json[8192] = "{\"entities\": [";

	(void)state;
	for (int i = 0; i < SG_MAX_ERRORS + 20; i++)
		strcat(json, i ? ", {}" : "{}");
	strcat(json, "]}");
	assert_int_equal(sg_read_buffer(g, json, strlen(json), "t", NULL, &err), -1);
	assert_int_equal(sg_graph_diagnostics(g, &list), SG_MAX_ERRORS + 1);
	check_error(&list[SG_MAX_ERRORS], SG_EUSAGE, "", 0, 0,
		    "too many errors, stopping");
	sg_graph_free(g);
}

static void test_warnings(void **state)
{
	sg_error err;
	sg_graph *g = load("{\"entities\": [{\"id\": \"a\"}, {\"id\": \"b\"},\n"
			   " {\"id\": \"c\"}], \"relations\": [\n"
			   " {\"from\": \"a\", \"to\": \"a\", \"type\": \"t\"},\n"
			   " {\"from\": \"a\", \"to\": \"b\", \"type\": \"t\"},\n"
			   " {\"from\": \"a\", \"to\": \"b\", \"type\": \"u\"},\n"
			   " {\"from\": \"A\", \"to\": \"b\", \"type\": \"t\"}]}",
			   &err);
	const sg_error *list;
	sg_select_opts all = { 0 };
	sg_view *v;

	(void)state;
	assert_non_null(g);
	assert_int_equal(sg_graph_diagnostics(g, &list), 3);
	assert_int_equal(list[0].severity, SG_WARNING);
	check_error(&list[0], SG_WUNUSED, "test.json", 2, 2,
		    "entity 'c' is in no relation");
	check_error(&list[1], SG_WSELF, "test.json", 3, 2,
		    "relation from 'a' to itself");
	check_error(&list[2], SG_WDUPLICATE, "test.json", 6, 2,
		    "relation 'a' t 'b' is listed again (first at "
		    "test.json:4:2); it is drawn once");
	v = sg_select(g, &all, &err);
	assert_int_equal(sg_view_relation_count(v), 3);
	sg_view_free(v);
	sg_graph_free(g);
}

static void test_warnings_past_the_limit_are_counted(void **state)
{
	sg_error err;
	char json[4096] = "{\"entities\": [";
	const sg_error *list;
	sg_graph *g;

	(void)state;
	for (int i = 0; i < SG_MAX_WARNINGS + 5; i++)
		snprintf(json + strlen(json), sizeof(json) - strlen(json),
			 "%s{\"id\": \"e%d\"}", i ? ", " : "", i);
	strcat(json, "]}");
	g = load(json, &err);
	assert_non_null(g);
	assert_int_equal(sg_graph_diagnostics(g, &list), SG_MAX_WARNINGS + 1);
	check_error(&list[SG_MAX_WARNINGS], SG_WUNUSED, "", 0, 0,
		    "5 more 'unused-entity' warnings not shown");
	sg_graph_free(g);
}

/* Duplicates: the same ends (either way round without direction), type and
 * id (or none); each warning names the first. */
static void test_duplicates(void **state)
{
	sg_error err;
	sg_graph *g = load("{\"entities\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n"
			   "\"relations\": [\n"
			   " {\"from\": \"a\", \"to\": \"b\", \"type\": \"t\"},\n"
			   " {\"from\": \"b\", \"to\": \"a\", \"type\": \"t\", "
			   "\"directed\": false},\n"
			   " {\"from\": \"a\", \"to\": \"b\", \"type\": \"t\", "
			   "\"directed\": false},\n"
			   " {\"from\": \"b\", \"to\": \"a\", \"type\": \"t\"},\n"
			   " {\"from\": \"a\", \"to\": \"b\", \"type\": \"u\", "
			   "\"id\": \"x\"},\n"
			   " {\"from\": \"a\", \"to\": \"b\", \"type\": \"u\", "
			   "\"id\": \"x\"},\n"
			   " {\"from\": \"a\", \"to\": \"b\", \"type\": \"u\", "
			   "\"id\": \"y\"},\n"
			   " {\"from\": \"a\", \"to\": \"b\", \"type\": \"t\"}]}",
			   &err);
	const sg_error *list;
	sg_select_opts all = { 0 };
	sg_view *v;

	(void)state;
	assert_non_null(g);
	assert_int_equal(sg_graph_diagnostics(g, &list), 3);
	check_error(&list[0], SG_WDUPLICATE, "test.json", 5, 2,
		    "relation 'a' t 'b' is listed again (first at "
		    "test.json:4:2); it is drawn once");
	check_error(&list[1], SG_WDUPLICATE, "test.json", 8, 2,
		    "relation 'a' u 'b' is listed again (first at "
		    "test.json:7:2); it is drawn once");
	check_error(&list[2], SG_WDUPLICATE, "test.json", 10, 2,
		    "relation 'a' t 'b' is listed again (first at "
		    "test.json:3:2); it is drawn once");
	v = sg_select(g, &all, &err);
	assert_int_equal(sg_view_relation_count(v), 5);
	sg_view_free(v);
	sg_graph_free(g);
}

/* Past the limit, the duplicates shown are the first in the order of their
 * ends (as they always were), not of the file: here the file repeats e24's
 * relation first and e0's last. */
static void test_duplicates_past_the_limit(void **state)
{
	sg_error err;
	char json[8192] = "{\"entities\": [{\"id\": \"h\"}";
	const sg_error *list;
	sg_graph *g;
	int n = SG_MAX_WARNINGS + 5;

	(void)state;
	for (int i = 0; i < n; i++)
		snprintf(json + strlen(json), sizeof(json) - strlen(json),
			 ", {\"id\": \"e%d\"}", i);
	strcat(json, "],\n\"relations\": [");
	for (int i = 0; i < 2 * n; i++)
		snprintf(json + strlen(json), sizeof(json) - strlen(json),
			 "%s\n{\"from\": \"e%d\", \"to\": \"h\", \"type\": \"t\"}",
			 i ? "," : "", i < n ? i : 2 * n - 1 - i);
	strcat(json, "]}");
	g = load(json, &err);
	assert_non_null(g);
	assert_int_equal(sg_graph_diagnostics(g, &list), SG_MAX_WARNINGS + 1);
	/* e19's repetition, on line 3 + 2n - 1 - 19, is the last shown */
	check_error(&list[0], SG_WDUPLICATE, "test.json", 3 + 2 * n - 20, 1,
		    "relation 'e19' t 'h' is listed again (first at "
		    "test.json:22:1); it is drawn once");
	check_error(&list[SG_MAX_WARNINGS - 1], SG_WDUPLICATE, "test.json",
		    3 + 2 * n - 1, 1, "relation 'e0' t 'h' is listed again "
		    "(first at test.json:3:1); it is drawn once");
	check_error(&list[SG_MAX_WARNINGS], SG_WDUPLICATE, "", 0, 0,
		    "5 more 'duplicate-relation' warnings not shown");
	sg_graph_free(g);
}

static void test_files(void **state)
{
	sg_graph *g = sg_graph_new();
	sg_error err = { 0 };

	(void)state;
	assert_int_equal(sg_read_file(g, "/nonexistent/x.json", NULL, &err), -1);
	check_error(&err, SG_EIO, "/nonexistent/x.json", 0, 0,
		    "cannot open file: No such file or directory");
	memset(&err, 0, sizeof(err));
	assert_int_equal(sg_read_file(g, "tests", NULL, &err), -1);
	check_error(&err, SG_EIO, "tests", 0, 0,
		    "cannot read file: Is a directory");
	sg_graph_free(g);
}

/* GraphML is fed to expat in pieces: a value across the seam of two
 * pieces is read whole, and an error past the first piece stands at its
 * line and column; what is not read is counted, at its first place. */
static void test_graphml_in_pieces(void **state)
{
	static char text[70000];
	const char *last = "<node id=\"last\"><data key=\"k\">a name that "
			   "crosses the seam</data><port name=\"p\"/></node>\n";
	sg_graph *g = sg_graph_new();
	sg_error err = { 0 };
	const sg_error *list;
	sg_view *v;
	sg_select_opts all = { 0 };
	sg_entity_info info;
	const char *port, *line;
	size_t len, n, nodes;

	(void)state;
	len = (size_t)snprintf(text, sizeof(text), "<graphml>\n<key id=\"k\" "
			       "for=\"node\" attr.name=\"label\"/>\n<graph>\n");
	/* nodes, and space, until the last one's label begins 10 bytes
	 * before the end of the first 64 KiB */
	for (n = 0; len < 65536 - 100; n++)
		len += (size_t)snprintf(text + len, sizeof(text) - len,
					"<node id=\"n%zu\"/>\n", n);
	while (len + (size_t)(strstr(last, "a name") - last) < 65536 - 10)
		text[len++] = ' ';
	len += (size_t)snprintf(text + len, sizeof(text) - len,
				"%s<edge source=\"n0\" target=\"n1\"><port/>"
				"</edge>\n</graph>\n</graphml>\n", last);
	for (port = strstr(text, "<port"), line = port; line[-1] != '\n';)
		line--;
	assert_int_equal(sg_read_buffer(g, text, len, "t.graphml", NULL,
					&err), 0);
	assert_int_equal(sg_graph_resolve(g, &err), 0);
	v = sg_select(g, &all, &err);
	nodes = n;
	assert_int_equal(sg_view_entity_count(v), n + 1);
	assert_int_equal(sg_view_relation_count(v), 1);
	assert_int_equal(sg_view_entity(v, n, &info), 0);
	assert_string_equal(info.name, "a name that crosses the seam");
	sg_view_free(v);
	/* (beside the warnings of entities in no relation) */
	for (n = sg_graph_diagnostics(g, &list);
	     n && list->code != SG_WUNREAD; n--)
		list++;
	assert_true(n > 0);
	check_error(list, SG_WUNREAD, "t.graphml", 4 + (int)nodes,
		    (int)(port - line) + 1,
		    "element 'port' (2 of them, the first here) was not read");
	sg_graph_free(g);

	/* the same text, cut inside its last line */
	g = sg_graph_new();
	assert_int_equal(sg_read_buffer(g, text, len - 5, "t.graphml",
					"graphml", &err), -1);
	check_error(&err, SG_ESYNTAX, "t.graphml", 7 + (int)nodes, 1,
		    "unclosed token");
	sg_graph_free(g);
}

/* DOT is read by cgraph, whose reader is one for the process and reports
 * through a callback: a text it refused leaves nothing to the next one (a
 * text cgraph refuses without a word was placed by the message of the text
 * before, which had been freed: found by fuzzing), its messages are
 * placed within the text, and its own count of lines, which goes on from
 * the text before, is not the one told. */
static void test_dot_one_after_another(void **state)
{
	static const char silent[] = "@prefix x: <http://e.org/> .\n",
			  cut[] = "graph {\n a -- <b",
			  good[] = "digraph {\n  a -> b;\n  \"c\";\n}\n";
	char *bad = strdup("digraph {\n a -> ] }\n");
	sg_graph *g = sg_graph_new();
	sg_error err = { 0 };
	const sg_error *list;

	(void)state;
	assert_non_null(bad);
	assert_int_equal(sg_read_buffer(g, bad, strlen(bad), "bad.gv", "dot",
					&err), -1);
	check_error(&err, SG_ESYNTAX, "bad.gv", 2, 7,
		    "syntax error near ']' (DOT)");
	free(bad);
	sg_graph_free(g);
	g = sg_graph_new();
	err = (sg_error){ 0 };
	assert_int_equal(sg_read_buffer(g, silent, strlen(silent), "silent.gv",
					"dot", &err), -1);
	check_error(&err, SG_ESYNTAX, "silent.gv", 0, 0,
		    "graphviz could not read it (DOT)");
	sg_graph_free(g);
	/* a message placed on a last line without its newline, in a text
	 * that ends there (no NUL after it): read to its end, not past */
	g = sg_graph_new();
	err = (sg_error){ 0 };
	assert_non_null(bad = malloc(sizeof(cut) - 1));
	memcpy(bad, cut, sizeof(cut) - 1);
	assert_int_equal(sg_read_buffer(g, bad, sizeof(cut) - 1, "cut.gv",
					"dot", &err), -1);
	assert_int_equal(err.line, 2);
	free(bad);
	sg_graph_free(g);
	g = sg_graph_new();
	assert_int_equal(sg_read_buffer(g, good, strlen(good), "good.gv", NULL,
					&err), 0);
	assert_int_equal(sg_graph_resolve(g, &err), 0);
	assert_int_equal(sg_graph_diagnostics(g, &list), 1);
	check_error(list, SG_WUNUSED, "good.gv", 3, 4,
		    "entity 'c' is in no relation");
	sg_graph_free(g);
}

/* The formats a text is told not to be (GML, Pajek, graph6, LGL, Matrix
 * Market, edge lists)
 * are told within the text, which need not end in a NUL: texts cut where
 * a comparison would run past them (a comment line alone, past which the
 * GML test read: found by fuzzing), each an exact copy (valgrind, ASan). */
static void test_other_formats_within_text(void **state)
{
	static const char *const texts[] = {
		"# a comment alone\n", "*Vert", ">>graph6", "grap", "0 1",
		"Creator \"x\"\n", "# 0\n", "# 0\n1", "%%MatrixMar",
	};

	(void)state;
	for (size_t i = 0; i < SG_ARRAY_SIZE(texts); i++) {
		size_t len = strlen(texts[i]);
		char *text = malloc(len);
		sg_graph *g = sg_graph_new();
		sg_error err = { 0 };

		assert_non_null(text);
		memcpy(text, texts[i], len);
		assert_int_equal(sg_read_buffer(g, text, len, "t", NULL, &err),
				 -1);
		assert_int_not_equal(err.code, SG_OK);
		free(text);
		sg_graph_free(g);
	}
}

static void test_builtin_graph(void **state)
{
	sg_graph *g = sg_graph_new();
	sg_error err = { 0 };
	sg_select_opts all = { 0 };
	sg_view *v;

	(void)state;
	assert_int_equal(sg_read_builtin(g, &err), 0);
	assert_int_equal(sg_graph_resolve(g, &err), 0);
	v = sg_select(g, &all, &err);
	assert_non_null(v);
	assert_true(sg_view_entity_count(v) >= 15);
	assert_true(sg_view_relation_count(v) >= 20);
	sg_view_free(v);
	sg_graph_free(g);
}

/* A graph of n entities and n relations, about 100 bytes a pair, in one
 * of the forms below. */
enum form { NATIVE, LINES, NODE_LINK };

static char *many(int n, enum form form)
{
	static const char *const keys[][4] = {
		[NATIVE] = { "entities", "relations", "from", "to" },
		[LINES] = { "", "", "from", "to" },
		[NODE_LINK] = { "nodes", "links", "source", "target" },
	};
	const char *const *k = keys[form], *sep = form == LINES ? "\n" : ",";
	size_t size = (size_t)n * 120 + 64, len = 0;
	char *text = malloc(size);

	assert_non_null(text);
	if (form != LINES)
		len += (size_t)sprintf(text, "{\"%s\": [", k[0]);
	for (int i = 0; i < n; i++)
		len += (size_t)sprintf(text + len, "%s{\"id\": \"e%d\", "
				       "\"name\": \"Entity %d\"}",
				       i ? sep : "", i, i);
	if (form != LINES)
		len += (size_t)sprintf(text + len, "], \"%s\": [", k[1]);
	for (int i = 0; i < n; i++)
		len += (size_t)sprintf(text + len, "%s{\"%s\": \"e%d\", "
				       "\"%s\": \"e%d\", \"type\": \"r\"}",
				       i || form == LINES ? sep : "", k[2], i,
				       k[3], (i + 1) % n);
	sprintf(text + len, form == LINES ? "\n" : "]}");
	return text;
}

/* Checks that t told of a counted stage from its call first on: done 0
 * first, then counts SG_PROGRESS_STEP apart (and one piece more: an
 * element, a line, what Jansson asks for at a time; at the end, less),
 * rising to total; the index past its last call. */
static size_t check_counted(const struct told *t, size_t first,
			    sg_stage stage, const char *subject, size_t total)
{
	size_t i = first;

	assert_true(i < t->n);
	assert_int_equal(t->at[i].done, 0);
	for (; i < t->n && t->at[i].stage == stage; i++) {
		assert_string_equal(t->subject[i], subject);
		assert_int_equal(t->at[i].total, total);
		assert_true(t->at[i].done <= total);
		if (i > first)
			assert_true(t->at[i].done > t->at[i - 1].done &&
				    t->at[i].done - t->at[i - 1].done <=
					    SG_PROGRESS_STEP + 1024);
		if (i > first + 1)
			assert_true(t->at[i - 1].done - t->at[i - 2].done >=
				    SG_PROGRESS_STEP);
	}
	assert_int_equal(t->at[i - 1].done, total);
	return i;
}

/* Reading tells how far into the file it is, and resolving how many
 * relations it has linked, whether the document is streamed (native), read
 * a line at a time (JSON Lines) or whole (any other format). */
static void test_progress(void **state)
{
	/* (make check runs this test and its run under valgrind at once) */
	char path[] = "/tmp/sg-test-progress-XXXXXX";
	int fd = mkstemp(path);
	char *native = many(3000, NATIVE), *lines = many(3000, LINES);
	char *whole = many(3000, NODE_LINK);
	struct told *t = calloc(1, sizeof(*t));
	sg_graph *g = sg_graph_new();
	sg_error err = { 0 };
	size_t len = strlen(native), i;
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;

	(void)state;
	assert_non_null(f);
	assert_int_equal(fwrite(native, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	sg_graph_set_progress(g, record_progress, t);
	assert_int_equal(sg_read_file(g, path, NULL, &err), 0);
	assert_int_equal(sg_graph_resolve(g, &err), 0);
	i = check_counted(t, 0, SG_STAGE_READ, path, len);
	i = check_counted(t, i, SG_STAGE_LOAD, path, len);
	i = check_counted(t, i, SG_STAGE_RESOLVE, "", 3000);
	assert_int_equal(i, t->n);
	sg_graph_free(g);
	remove(path);

	t->n = 0;
	g = sg_graph_new();
	sg_graph_set_progress(g, record_progress, t);
	assert_int_equal(sg_read_buffer(g, lines, strlen(lines), "g.jsonl",
					NULL, &err), 0);
	assert_int_equal(check_counted(t, 0, SG_STAGE_LOAD, "g.jsonl",
				       strlen(lines)), t->n);
	sg_graph_free(g);

	t->n = 0;
	g = sg_graph_new();
	sg_graph_set_progress(g, record_progress, t);
	assert_int_equal(sg_read_buffer(g, whole, strlen(whole), "nl.json",
					"node-link", &err), 0);
	assert_int_equal(check_counted(t, 0, SG_STAGE_LOAD, "nl.json",
				       strlen(whole)), t->n);
	sg_graph_free(g);
	free(t);
	free(native);
	free(lines);
	free(whole);
}

/* The RDF text formats are told apart by their sniffers, each sure of its
 * own syntax only; other texts are none of theirs. */
static void test_rdf_text_told_apart(void **state)
{
	static const struct rd_format *const rdf[] = {
		&rd_ntriples, &rd_turtle, &rd_nquads, &rd_trig,
	};
	static const struct {
		const char *text, *format; /* NULL: none of the four */
	} cases[] = {
		{ "<http://e/a> <http://e/r> <http://e/b> .\n", "ntriples" },
		{ "# c\n_:x <http://e/r> \"x\\\"y\"@en-GB . # c\n"
		  "<http://e/a> <http://e/n> \"5\"^^<http://e/int> .\n",
		  "ntriples" },
		{ "<http://e/a> <http://e/r> <http://e/b> <http://e/g> .\n",
		  "nquads" },
		{ "<http://e/a> <http://e/r> <http://e/b> .\n"
		  "<http://e/a> <http://e/r> \"b\" _:g .\n", "nquads" },
		{ "@prefix e: <http://e/> .\ne:a e:r e:b .\n", "turtle" },
		{ "PREFIX e: <http://e/>\ne:a a e:C ; e:r [ e:n 1.5 ] .\n",
		  "turtle" },
		{ "<http://e/a> <http://e/r> <http://e/b> ,\n"
		  "  <http://e/c> .\n", "turtle" },
		{ "[ <http://e/r> <http://e/b> ] .\n", "turtle" },
		{ "@prefix e: <http://e/> .\n", "turtle" },
		{ "@prefix e: <http://e/> .\ne:g { e:a e:r e:b }\n", "trig" },
		{ "{ <http://e/a> <http://e/r> <http://e/b> . }\n", "trig" },
		{ "GRAPH <http://e/g> { <http://e/a> <http://e/r> 1 }\n",
		  "trig" },
		{ "<http://e/a> <http://e/r>", "ntriples" }, /* begun */
		{ "{\"entities\": [], \"relations\": []}", NULL },
		{ "{}", NULL },
		{ "[]", NULL },
		{ "[{\"data\": {\"id\": \"a\"}}]", NULL },
		{ "<?xml version=\"1.0\"?>\n<graphml>\n", NULL },
		{ "<graphml>\n<graph>\n</graph>\n</graphml>\n", NULL },
		{ "source,target\na,b\n", NULL },
		{ "node1\tlabel\tnode2\tid\nQ1\tP31\tQ5\te1\n", NULL },
		{ "digraph { a -> b }\n", NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *text = cases[i].text, *best = NULL;
		enum rd_sure top = RD_NOT;
		int ties = 0;

		for (size_t k = 0; k < sizeof(rdf) / sizeof(rdf[0]); k++) {
			enum rd_sure how = rdf[k]->sniff(text, strlen(text));

			if (how > top) {
				top = how;
				best = rdf[k]->name;
				ties = 0;
			} else if (how == top && how != RD_NOT) {
				ties++;
			}
		}
		if (!cases[i].format) {
			if (top != RD_NOT)
				fail_msg("'%s' taken for %s", text, best);
			continue;
		}
		if (!best || strcmp(best, cases[i].format) || ties)
			fail_msg("'%s' taken for %s (%d ties), not %s", text,
				 best ? best : "nothing", ties,
				 cases[i].format);
	}
}

/* RDF text from a buffer that does not end in a NUL, read statement by
 * statement: a warning stands on its statement's line in N-Triples, and
 * in the file alone in Turtle, where serd does not tell. */
static void test_rdf_text_read(void **state)
{
	static const char nt[] =
		"# SCO\n\n<http://e/a> <http://e/r> <http://e/b> .\n"
		"<http://e/b> <http://e/r> <http://e/b> .XXXX";
	static const char ttl[] =
		"@prefix e: <http://e/> .\ne:b e:r e:b .\n";
	sg_graph *g = sg_graph_new();
	sg_error err;
	const sg_error *w;

	(void)state;
	assert_non_null(g);
	assert_int_equal(sg_read_buffer(g, nt, sizeof(nt) - 5, "a.nt", NULL,
					&err), 0);
	assert_int_equal(sg_graph_resolve(g, &err), 0);
	assert_int_equal(sg_graph_diagnostics(g, &w), 1);
	check_error(w, SG_WSELF, "a.nt", 4, 1, "relation from 'b' to itself");
	sg_graph_free(g);
	assert_non_null(g = sg_graph_new());
	assert_int_equal(sg_read_buffer(g, ttl, strlen(ttl), "a.ttl", NULL,
					&err), 0);
	assert_int_equal(sg_graph_resolve(g, &err), 0);
	assert_int_equal(sg_graph_diagnostics(g, &w), 1);
	check_error(w, SG_WSELF, "a.ttl", 0, 0,
		    "relation from 'e:b' to itself");
	sg_graph_free(g);
}

/* A shape's from= and to= name a table's columns, in any case; one the
 * header lacks is an error at the header, listing its columns. */
static void test_shape_columns(void **state)
{
	static const char csv[] = "Who,Whom,Since\na,b,1833\nb,c,1834\n";
	sg_shape *s = sg_shape_new("from=who to=WHOM", NULL);
	sg_shape *bad = sg_shape_new("from=who to=whim", NULL);
	sg_graph *g = sg_graph_new();
	sg_select_opts all = { 0 };
	sg_error err = { 0 };
	sg_view *v;

	(void)state;
	assert_non_null(s);
	assert_non_null(bad);
	assert_non_null(g);
	assert_int_equal(sg_read_buffer_shaped(g, csv, strlen(csv), "t.csv", s,
					       &err), 0);
	assert_int_equal(sg_graph_resolve(g, &err), 0);
	assert_non_null(v = sg_select(g, &all, &err));
	assert_int_equal(sg_view_entity_count(v), 3);
	assert_int_equal(sg_view_relation_count(v), 2);
	sg_view_free(v);
	sg_graph_free(g);
	assert_non_null(g = sg_graph_new());
	assert_int_equal(sg_read_buffer_shaped(g, csv, strlen(csv), "t.csv",
					       bad, &err), -1);
	check_error(&err, SG_EMISSING, "t.csv", 1, 1,
		    "the header has no column 'whim': it has 'Who', 'Whom', "
		    "'Since'; did you mean 'Whom'?");
	sg_graph_free(g);
	sg_shape_free(s);
	sg_shape_free(bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_document),
		cmocka_unit_test(test_driver_integers),
		cmocka_unit_test(test_end_not_in_nodes),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_errors_in_pieces),
		cmocka_unit_test(test_pieces_read_like_a_whole),
		cmocka_unit_test(test_empty_and_encoding),
		cmocka_unit_test(test_byte_order_mark_is_skipped),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_wrong_kinds),
		cmocka_unit_test(test_unknown_keys),
		cmocka_unit_test(test_missing_fields),
		cmocka_unit_test(test_conflicts),
		cmocka_unit_test(test_same_entity_twice_merges),
		cmocka_unit_test(test_dangling_references),
		cmocka_unit_test(test_element_past_the_scratch),
		cmocka_unit_test(test_every_problem_is_reported),
		cmocka_unit_test(test_errors_stop_at_the_limit),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_warnings_past_the_limit_are_counted),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_duplicates_past_the_limit),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_builtin_graph),
		cmocka_unit_test(test_graphml_in_pieces),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_rdf_text_told_apart),
		cmocka_unit_test(test_rdf_text_read),
		cmocka_unit_test(test_dot_one_after_another),
		cmocka_unit_test(test_other_formats_within_text),
		cmocka_unit_test(test_shape_columns),
	};

	return cmocka_run_group_tests_name("read", tests, NULL, NULL);
}
