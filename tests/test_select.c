/* Selection: focus by depth and direction, filters, counts. */
#include <stdio.h>

#include "testutil.h"
#include "internal.h"

/* a -> b -> c -> d, e -> b; b is a "hub", the rest "leaf" */
static const char *chain =
	"{\"entities\": [{\"id\": \"a\", \"type\": \"leaf\"},"
	" {\"id\": \"b\", \"name\": \"Bee\", \"type\": \"hub\", "
	"\"aliases\": [\"B-alias\"]},"
	" {\"id\": \"c\", \"type\": \"leaf\"}, {\"id\": \"d\", \"type\": \"leaf\"},"
	" {\"id\": \"e\", \"type\": \"leaf\"}],"
	" \"relations\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"x\"},"
	" {\"from\": \"b\", \"to\": \"c\", \"type\": \"y\"},"
	" {\"from\": \"c\", \"to\": \"d\", \"type\": \"x\"},"
	" {\"from\": \"e\", \"to\": \"b\", \"type\": \"y\"}]}";

/* The ids a selection keeps, joined with spaces, in input order. */
static const char *selected(const sg_select_opts *o, sg_error *err)
{
	static char out[256];
	sg_graph *g = load(chain, err);
	sg_view *v;
	sg_entity_info info;

	assert_non_null(g);
	out[0] = '\0';
	v = sg_select(g, o, err);
	if (!v) {
		sg_graph_free(g);
		return NULL;
	}
	for (size_t i = 0; sg_view_entity(v, i, &info) == 0; i++) {
		strcat(out, i ? " " : "");
		strcat(out, info.id);
	}
	sg_view_free(v);
	sg_graph_free(g);
	return out;
}

/* p > q > r (r inside q inside p), s alone, r -> s; the ids a focus on s
 * keeps, and the parent each is drawn inside ("-": none). */
static void test_focus_keeps_parents(void **state)
{
	const char *s[] = { "s" }, *q[] = { "q" };
	sg_select_opts o = { .focus = s, .nfocus = 1, .depth = 1 };
	sg_error err = { 0 };
	sg_graph *g = load("{\"entities\": [{\"id\": \"p\"},"
			   " {\"id\": \"q\", \"parent\": \"p\"},"
			   " {\"id\": \"r\", \"parent\": \"q\"}, {\"id\": \"s\"}],"
			   " \"relations\": [{\"from\": \"r\", \"to\": \"s\","
			   " \"type\": \"x\"}]}", &err);
	sg_view *v;

	(void)state;
	assert_non_null(g);
	assert_int_equal(g->entities[2].parent, 1);
	assert_int_equal(g->entities[0].children, 1);
	v = sg_select(g, &o, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_entity_count(v), 4);
	assert_int_equal(v->up[2], 1);
	assert_int_equal(v->up[1], 0);
	assert_int_equal(v->up[0], SG_NONE);
	sg_view_free(v);
	/* a parent left out: r is drawn inside p */
	o.exclude = q;
	o.nexclude = 1;
	v = sg_select(g, &o, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_entity_count(v), 3);
	assert_int_equal(v->up[2], 0);
	sg_view_free(v);
	sg_graph_free(g);
}

static void test_parent_cycle(void **state)
{
	(void)state;
	check_load_error("{\"entities\": [{\"id\": \"a\", \"parent\": \"b\"}, "
			 "{\"id\": \"b\", \"parent\": \"a\"}], \"relations\": []}",
			 SG_ESHAPE, 1, 37,
			 "'a' is inside itself: its parents make a cycle");
	check_load_error("{\"entities\": [{\"id\": \"a\", \"parent\": \"A\"}], "
			 "\"relations\": []}", SG_ESHAPE, 1, 37,
			 "'a' is inside itself: its parents make a cycle");
}

static void test_focus_depth(void **state)
{
	const char *b[] = { "b" };
	sg_select_opts o = { .focus = b, .nfocus = 1 };
	sg_error err = { 0 };

	(void)state;
	assert_string_equal(selected(&o, &err), "b");
	o.depth = 1;
	assert_string_equal(selected(&o, &err), "a b c e");
	o.depth = 2;
	assert_string_equal(selected(&o, &err), "a b c d e");
}

static void test_focus_direction(void **state)
{
	const char *b[] = { "b" };
	sg_select_opts o = { .focus = b, .nfocus = 1, .depth = 5, .direction = SG_OUT };
	sg_error err = { 0 };

	(void)state;
	assert_string_equal(selected(&o, &err), "b c d");
	o.direction = SG_IN;
	assert_string_equal(selected(&o, &err), "a b e");
}

static void test_focus_by_name_and_alias(void **state)
{
	const char *names[] = { "BEE" };
	sg_select_opts o = { .focus = names, .nfocus = 1 };
	sg_error err = { 0 };

	(void)state;
	assert_string_equal(selected(&o, &err), "b");
	names[0] = "b-ALIAS";
	assert_string_equal(selected(&o, &err), "b");
}

static void test_several_foci(void **state)
{
	const char *names[] = { "a", "d" };
	sg_select_opts o = { .focus = names, .nfocus = 2, .depth = 1 };
	sg_error err = { 0 };

	(void)state;
	assert_string_equal(selected(&o, &err), "a b c d");
}

static void test_unknown_focus(void **state)
{
	const char *names[] = { "Beee" };
	sg_select_opts o = { .focus = names, .nfocus = 1, .depth = 1 };
	sg_error err = { 0 };

	(void)state;
	assert_null(selected(&o, &err));
	check_error(&err, SG_EUNKNOWN, "", 0, 0,
		    "unknown entity 'Beee'; did you mean 'Bee'?");
}

static void test_relation_filter(void **state)
{
	const char *b[] = { "b" }, *types[] = { "X" };
	sg_select_opts o = { .focus = b, .nfocus = 1, .depth = 3, .relation_types = types, .nrelation_types = 1 };
	sg_error err = { 0 };
	sg_graph *g;
	sg_view *v;

	(void)state;
	/* b reaches only a along "x"; c -> d is "x" but not reachable */
	assert_string_equal(selected(&o, &err), "a b");
	/* without a focus, the entities those relations touch: not e, whose
	 * one relation is a "y" */
	o.nfocus = 0;
	assert_string_equal(selected(&o, &err), "a b c d");
	g = load(chain, &err);
	v = sg_select(g, &o, &err);
	assert_int_equal(sg_view_relation_count(v), 2);
	sg_view_free(v);
	sg_graph_free(g);
}

static void test_entity_type_filter(void **state)
{
	const char *types[] = { "leaf" }, *b[] = { "b" };
	sg_select_opts o = { .depth = 1, .entity_types = types, .nentity_types = 1 };
	sg_error err = { 0 };

	(void)state;
	assert_string_equal(selected(&o, &err), "a c d e");
	/* the focus stays, whatever its type */
	o.focus = b;
	o.nfocus = 1;
	assert_string_equal(selected(&o, &err), "a b c e");
}

static void test_where(void **state)
{
	static const char *json =
		"{\"entities\": [{\"id\": \"a\", \"region\": \"Central Asia\", "
		"\"since\": 2001}, {\"id\": \"b\", \"region\": \"Europe\"},"
		" {\"id\": \"c\", \"name\": \"Sea\", \"region\": \"central asia\"}],"
		" \"relations\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"t\"},"
		" {\"from\": \"b\", \"to\": \"c\", \"type\": \"t\"}]}";
	const char *where[2] = { "region=CENTRAL ASIA", "since=2001" };
	sg_select_opts o = { .where = where, .nwhere = 1 };
	sg_error err = { 0 };
	sg_graph *g = load(json, &err);
	sg_view *v = sg_select(g, &o, &err);
	sg_entity_info info;

	(void)state;
	assert_int_equal(sg_view_entity_count(v), 2);
	sg_view_free(v);
	o.nwhere = 2; /* all must hold */
	v = sg_select(g, &o, &err);
	assert_int_equal(sg_view_entity_count(v), 1);
	assert_int_equal(sg_view_entity(v, 0, &info), 0);
	assert_string_equal(info.id, "a");
	sg_view_free(v);
	where[0] = "name=sea";
	o.nwhere = 1;
	v = sg_select(g, &o, &err);
	assert_int_equal(sg_view_entity(v, 0, &info), 0);
	assert_string_equal(info.id, "c");
	sg_view_free(v);
	where[0] = "region";
	assert_null(sg_select(g, &o, &err));
	check_error(&err, SG_EUSAGE, "", 0, 0, "'region' is no KEY=VALUE");
	sg_graph_free(g);
}

/* Filters that leave nothing of what was asked for name themselves. */
static void test_nothing_selected(void **state)
{
	const char *tree[] = { "type=tree" }, *hub[] = { "type=hub" };
	const char *hubs[] = { "hub" }, *leafs[] = { "leaf" };
	const char *b[] = { "b" }, *d[] = { "d" };
	sg_select_opts o = { .depth = 1, .where = tree, .nwhere = 1 };
	sg_error err = { 0 };

	(void)state;
	assert_null(selected(&o, &err));
	check_error(&err, SG_ENOTHING, "", 0, 0, "nothing is selected: no "
		    "entity is left after --where type=tree (--allow-empty "
		    "draws an empty picture)");
	memset(&err, 0, sizeof(err));
	o.allow_empty = 1;
	assert_string_equal(selected(&o, &err), "");
	/* the first filter after which nothing is left, in the order they
	 * apply: types, then each --where */
	o = (sg_select_opts){ .depth = 1, .entity_types = leafs,
			      .nentity_types = 1, .where = hub, .nwhere = 1 };
	assert_null(selected(&o, &err));
	check_error(&err, SG_ENOTHING, "", 0, 0, "nothing is selected: no "
		    "entity is left after --where type=hub (--allow-empty "
		    "draws an empty picture)");
	memset(&err, 0, sizeof(err));
	/* a focus whose neighbours the filter leaves out */
	o = (sg_select_opts){ .focus = b, .nfocus = 1, .depth = 1,
			      .entity_types = hubs, .nentity_types = 1 };
	assert_null(selected(&o, &err));
	check_error(&err, SG_ENOTHING, "", 0, 0, "nothing is selected: no "
		    "entity within 1 step of 'b' is left after --type hub "
		    "(--allow-empty draws the focus alone)");
	memset(&err, 0, sizeof(err));
	/* alone before any filter: not the filter's doing */
	o.focus = d;
	o.direction = SG_OUT;
	assert_string_equal(selected(&o, &err), "d");
}

/* Names as people type them: any case and accents, words of a name. */
static void test_lookup(void **state)
{
	sg_error err = { 0 };
	sg_graph *g = load("{\"entities\": ["
			   "{\"id\": \"sco\", \"name\": \"Shanghai Cooperation "
			   "Organization\", \"type\": \"organization\"},"
			   " {\"id\": \"es\", \"name\": \"SCO Energy Strategy\", "
			   "\"type\": \"strategy\"},"
			   " {\"id\": \"ds\", \"name\": \"SCO Development "
			   "Strategy\", \"type\": \"strategy\"},"
			   " {\"id\": \"kz\", \"name\": \"Kazakhstan\", "
			   "\"aliases\": [\"Qazaqstan Respublikasy\"]}],"
			   " \"relations\": [{\"from\": \"kz\", \"to\": \"sco\", "
			   "\"type\": \"r\"}, {\"from\": \"kz\", \"to\": \"es\", "
			   "\"type\": \"r\"}, {\"from\": \"kz\", \"to\": \"ds\", "
			   "\"type\": \"r\"}]}", &err);
	const char *shanghai[] = { "shanghai" };
	sg_select_opts o = { .focus = shanghai, .nfocus = 1, .depth = 1 };
	sg_entity_info e;
	sg_match how;
	sg_view *v;

	(void)state;
	assert_int_equal(sg_graph_lookup(g, "KAZAKHSTÁN", &e, &how, &err), 0);
	assert_string_equal(e.id, "kz");
	assert_int_equal(how, SG_MATCH_WHOLE);
	assert_int_equal(sg_graph_lookup(g, "qazaqstan-respublikasy", &e, &how,
					 &err), 0);
	assert_string_equal(e.id, "kz");
	assert_int_equal(how, SG_MATCH_WHOLE);
	assert_int_equal(sg_graph_lookup(g, "Shanghai", &e, &how, &err), 0);
	assert_string_equal(e.id, "sco");
	assert_string_equal(e.name, "Shanghai Cooperation Organization");
	assert_string_equal(e.type, "organization");
	assert_int_equal(how, SG_MATCH_WORDS);
	/* (whole words: "shang" is none) */
	assert_int_equal(sg_graph_lookup(g, "energy strategy", &e, &how, &err),
			 0);
	assert_string_equal(e.id, "es");
	assert_int_equal(sg_graph_lookup(g, "strategy", &e, &how, &err), -1);
	check_error(&err, SG_EAMBIGUOUS, "", 0, 0, "'strategy' matches 2 "
		    "entities by their words: 'es' (SCO Energy Strategy, "
		    "strategy), 'ds' (SCO Development Strategy, strategy); "
		    "give one's id or whole name");
	memset(&err, 0, sizeof(err));
	assert_int_equal(sg_graph_lookup(g, "shang", &e, &how, &err), -1);
	check_error(&err, SG_EUNKNOWN, "", 0, 0, "unknown entity 'shang': no "
		    "id, name or alias is it or holds its words (--list lists "
		    "them)");
	memset(&err, 0, sizeof(err));
	assert_int_equal(sg_graph_lookup(g, "Kazakstan", &e, &how, &err), -1);
	check_error(&err, SG_EUNKNOWN, "", 0, 0, "unknown entity 'Kazakstan'; "
		    "did you mean 'Kazakhstan'?");
	memset(&err, 0, sizeof(err));
	/* selections find their foci so */
	v = sg_select(g, &o, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_entity_count(v), 2);
	sg_view_free(v);
	sg_graph_free(g);
}

static void test_shortest_paths(void **state)
{
	sg_select_opts o = { 0 };
	sg_error err = { 0 };

	(void)state;
	o.path_from = "a";
	o.path_to = "d";
	o.direction = SG_OUT;
	assert_string_equal(selected(&o, &err), "a b c d");
	o.path_from = "d";
	o.path_to = "e";
	o.direction = SG_BOTH;
	assert_string_equal(selected(&o, &err), "b c d e");
	o.direction = SG_OUT;
	assert_null(selected(&o, &err));
	check_error(&err, SG_EUNKNOWN, "", 0, 0,
		    "no path from 'd' to 'e' in that direction");
}

static void test_excludes(void **state)
{
	const char *b[] = { "b" }, *c[] = { "c" }, *x[] = { "x" };
	const char *hub[] = { "hub" };
	sg_select_opts o = { 0 };
	sg_error err = { 0 };

	(void)state;
	o.focus = b;
	o.nfocus = 1;
	o.depth = 5;
	o.exclude = c;
	o.nexclude = 1;
	/* c is neither drawn nor followed: d is out of reach */
	assert_string_equal(selected(&o, &err), "a b e");
	o.nexclude = 0;
	o.exclude_relations = x;
	o.nexclude_relations = 1;
	assert_string_equal(selected(&o, &err), "b c e");
	o.nexclude_relations = 0;
	o.nfocus = 0;
	o.exclude_types = hub;
	o.nexclude_types = 1;
	assert_string_equal(selected(&o, &err), "a c d e");
	o.nexclude_types = 0;
	o.focus = b;
	o.nfocus = 1;
	o.exclude = b;
	o.nexclude = 1;
	assert_null(selected(&o, &err));
	check_error(&err, SG_EUSAGE, "", 0, 0,
		    "'b' is both the focus and excluded");
}

/* The id, label, entity, relation, direction, type and counts of summary
 * i, in a line. */
static const char *summary(const sg_view *v, size_t i)
{
	static char out[256];
	sg_summary_info s;

	if (sg_view_summary(v, i, &s))
		return "none";
	snprintf(out, sizeof(out), "%s '%s' %s %s %d %s %d %zu %zu", s.id,
		 s.label, s.entity ? s.entity : "-",
		 s.relation ? s.relation : "-", (int)s.direction,
		 s.type ? s.type : "-", s.further, s.entities, s.relations);
	return out;
}

static void test_max_entities(void **state)
{
	const char *b[] = { "b" };
	sg_select_opts o = { .focus = b, .nfocus = 1, .depth = 5,
			     .max_entities = 3 };
	sg_error err = { 0 };
	sg_graph *g = load(chain, &err);
	sg_view *v = sg_select(g, &o, &err);
	sg_entity_info e;
	sg_stats st;

	(void)state;
	/* names first: b and c (the most related of b's neighbours) and one
	 * summary of the rest, "more" since a and e are beside b, d beside
	 * c: not b alone with a summary of its neighbours and one of d */
	assert_int_equal(sg_view_entity_count(v), 2);
	assert_int_equal(sg_view_cut_count(v), 3);
	assert_int_equal(sg_view_summary_count(v), 1);
	assert_string_equal(summary(v, 0), "fold:1 '+3 more' b - 0 leaf 1 3 2");
	assert_string_equal(summary(v, 1), "none");
	assert_int_equal(sg_view_folded(v, 0, 1, &e), 0);
	assert_string_equal(e.id, "d"); /* in input order: a, d, e */
	assert_int_equal(e.degree, 1);
	assert_int_equal(sg_view_folded(v, 0, 3, &e), -1);
	assert_int_equal(sg_view_folded(v, 1, 0, &e), -1);
	assert_int_equal(sg_view_stats(v, &st, &err), 0);
	assert_int_equal(st.summaries, 1);
	assert_int_equal(st.folded, 3);
	/* what was read and selected, whatever the folding */
	assert_int_equal(st.read_entities, 5);
	assert_int_equal(st.read_relations, 4);
	assert_int_equal(st.selected_entities, 5);
	assert_int_equal(st.selected_relations, 4);
	assert_int_equal(st.entities, 2);
	sg_view_free(v);
	/* b, c, and a, e in a summary of relations into b; d alone would be
	 * a summary of one, and is drawn as itself instead */
	o.max_entities = 4;
	v = sg_select(g, &o, &err);
	assert_string_equal(summary(v, 0), "fold:1 '2 leafs' b - 2 leaf 0 2 2");
	assert_int_equal(sg_view_entity_count(v), 3);
	assert_true(v->entity_on[1] && v->entity_on[2] && v->entity_on[3]);
	sg_view_free(v);
	/* more lines than that allows are the same */
	o.max_lines = 7;
	v = sg_select(g, &o, &err);
	assert_int_equal(sg_view_entity_count(v), 3);
	sg_view_free(v);
	/* a page of two lines: b, c, d and a summary have three (b-c, c-d
	 * and the summary's), so b and c with one summary */
	o.max_lines = 2;
	v = sg_select(g, &o, &err);
	assert_int_equal(sg_view_entity_count(v), 2);
	assert_int_equal(sg_view_summary_count(v), 1);
	sg_view_free(v);
	o.max_lines = 0;
	/* enough room: nothing folded */
	o.max_entities = 5;
	v = sg_select(g, &o, &err);
	assert_int_equal(sg_view_entity_count(v), 5);
	assert_int_equal(sg_view_summary_count(v), 0);
	sg_view_free(v);
	sg_graph_free(g);
}

/* Two stars: h relates 6 p's (r), 9 c's are related to k (s). */
static const char *const star =
	"{\"entities\": [{\"id\": \"h\"}, {\"id\": \"k\"},"
	" {\"id\": \"p1\", \"type\": \"p\"}, {\"id\": \"p2\", \"type\": \"p\"},"
	" {\"id\": \"p3\", \"type\": \"p\"}, {\"id\": \"p4\", \"type\": \"p\"},"
	" {\"id\": \"p5\", \"type\": \"p\"}, {\"id\": \"p6\", \"type\": \"p\"},"
	" {\"id\": \"c1\", \"type\": \"c\"}, {\"id\": \"c2\", \"type\": \"c\"},"
	" {\"id\": \"c3\", \"type\": \"c\"}, {\"id\": \"c4\", \"type\": \"c\"},"
	" {\"id\": \"c5\", \"type\": \"c\"}, {\"id\": \"c6\", \"type\": \"c\"},"
	" {\"id\": \"c7\", \"type\": \"c\"}, {\"id\": \"c8\", \"type\": \"c\"},"
	" {\"id\": \"c9\", \"type\": \"c\"}],"
	" \"relations\": ["
	"{\"from\": \"h\", \"to\": \"p1\", \"type\": \"r\"},"
	" {\"from\": \"h\", \"to\": \"p2\", \"type\": \"r\"},"
	" {\"from\": \"h\", \"to\": \"p3\", \"type\": \"r\"},"
	" {\"from\": \"h\", \"to\": \"p4\", \"type\": \"r\"},"
	" {\"from\": \"h\", \"to\": \"p5\", \"type\": \"r\"},"
	" {\"from\": \"h\", \"to\": \"p6\", \"type\": \"r\"},"
	" {\"from\": \"c1\", \"to\": \"k\", \"type\": \"s\"},"
	" {\"from\": \"c2\", \"to\": \"k\", \"type\": \"s\"},"
	" {\"from\": \"c3\", \"to\": \"k\", \"type\": \"s\"},"
	" {\"from\": \"c4\", \"to\": \"k\", \"type\": \"s\"},"
	" {\"from\": \"c5\", \"to\": \"k\", \"type\": \"s\"},"
	" {\"from\": \"c6\", \"to\": \"k\", \"type\": \"s\"},"
	" {\"from\": \"c7\", \"to\": \"k\", \"type\": \"s\"},"
	" {\"from\": \"c8\", \"to\": \"k\", \"type\": \"s\"},"
	" {\"from\": \"c9\", \"to\": \"k\", \"type\": \"s\"}]}";

/* Summaries name their entities as far as the boxes a page holds, less
 * those drawn, go: all of them, or none when they are more; never those
 * further out. */
static void test_summaries_name(void **state)
{
	const char *hk[] = { "h", "k" };
	sg_select_opts o = { .focus = hk, .nfocus = 1, .depth = 1,
			     .max_entities = 30, .max_lines = 1 };
	sg_error err = { 0 };
	sg_graph *g = load(star, &err);
	sg_view *v = sg_select(g, &o, &err);
	sg_summary_info s;
	sg_entity_info e;
	sg_stats st;

	(void)state;
	/* h and a summary of its 6 p's, one line: 28 names to spare */
	assert_string_equal(summary(v, 0), "fold:1 '6 ps' h r 1 p 0 6 6");
	assert_int_equal(sg_view_summary(v, 0, &s), 0);
	assert_int_equal(s.named, 6);
	assert_int_equal(sg_view_folded(v, 0, 0, &e), 0);
	assert_string_equal(e.id, "p1");
	assert_int_equal(sg_view_stats(v, &st, &err), 0);
	assert_int_equal(st.named, 6);
	assert_int_equal(st.folded, 6);
	sg_view_free(v);
	/* a page of 7 boxes, 2 drawn: 5 names cannot say who the 6 are */
	o.max_entities = 7;
	v = sg_select(g, &o, &err);
	assert_int_equal(sg_view_summary(v, 0, &s), 0);
	assert_int_equal(s.entities, 6);
	assert_int_equal(s.named, 0);
	assert_int_equal(sg_view_stats(v, &st, &err), 0);
	assert_int_equal(st.named, 0);
	sg_view_free(v);
	/* h and k, a line to spare: "+N more" beside h, never named */
	o.nfocus = 2;
	o.max_entities = 30;
	o.max_lines = 2;
	v = sg_select(g, &o, &err);
	assert_int_equal(sg_view_summary(v, 0, &s), 0);
	assert_int_equal(s.further, 1);
	assert_int_equal(s.named, 0);
	sg_view_free(v);
	sg_graph_free(g);
}

/* Entities no relation joins to what is drawn are summarised apart;
 * an English plural for each type. */
static void test_fold_unrelated(void **state)
{
	const char *json =
		"{\"types\": {\"p\": {\"label\": \"policy\"}, "
		"\"c\": {\"label\": \"church\"}, \"n\": {\"label\": \"N°\"}},"
		" \"entities\": [{\"id\": \"h\", \"type\": \"c\"},"
		" {\"id\": \"c\", \"type\": \"c\"}, {\"id\": \"d\", \"type\": \"c\"},"
		" {\"id\": \"a\", \"type\": \"p\"}, {\"id\": \"b\", \"type\": \"p\"},"
		" {\"id\": \"x\", \"type\": \"n\"}, {\"id\": \"y\", \"type\": \"n\"},"
		" {\"id\": \"z\"}, {\"id\": \"w\"}],"
		" \"relations\": [{\"from\": \"h\", \"to\": \"a\", \"type\": \"r\"},"
		" {\"from\": \"h\", \"to\": \"b\", \"type\": \"r\"},"
		" {\"from\": \"c\", \"to\": \"h\", \"type\": \"s\"},"
		" {\"from\": \"d\", \"to\": \"h\", \"type\": \"s\"}]}";
	const char *h[] = { "h" };
	sg_select_opts o = { .focus = h, .nfocus = 1, .depth = 1,
			     .max_entities = 4 };
	sg_error err = { 0 };
	sg_graph *g = load(json, &err);
	sg_view *v = sg_select(g, &o, &err);

	(void)state;
	assert_string_equal(summary(v, 0), "fold:1 '2 policies' h r 1 p 0 2 2");
	assert_int_equal(sg_view_summary_count(v), 1);
	sg_view_free(v);
	/* the whole graph: h, c, d, a by name, and the rest, b beside h
	 * and what no relation joins to them, as more beside h (not a box
	 * each for b and for the unrelated, with one fewer by name) */
	o.nfocus = 0;
	o.max_entities = 5;
	v = sg_select(g, &o, &err);
	assert_int_equal(sg_view_entity_count(v), 4);
	assert_string_equal(summary(v, 0), "fold:1 '+5 more' h - 0 - 1 5 1");
	assert_string_equal(summary(v, 1), "none");
	sg_view_free(v);
	/* what no relation joins to the drawing, by itself */
	o.max_entities = 7;
	v = sg_select(g, &o, &err);
	assert_int_equal(sg_view_entity_count(v), 6);
	assert_string_equal(summary(v, 0), "fold:1 '3 entities' - - 0 - 0 3 0");
	sg_view_free(v);
	/* a type's name that ends in no letter has no plural ending */
	o.focus = h;
	o.nfocus = 1;
	o.max_entities = 2;
	sg_graph_free(g);
	g = load("{\"types\": {\"n\": {\"label\": \"N°\"}},"
		 " \"entities\": [{\"id\": \"h\"},"
		 " {\"id\": \"x\", \"type\": \"n\"},"
		 " {\"id\": \"y\", \"type\": \"n\"}],"
		 " \"relations\": [{\"from\": \"h\", \"to\": \"x\", \"type\": \"r\"},"
		 " {\"from\": \"h\", \"to\": \"y\", \"type\": \"r\"}]}", &err);
	v = sg_select(g, &o, &err);
	assert_string_equal(summary(v, 0), "fold:1 '2 N°' h r 1 n 0 2 2");
	sg_view_free(v);
	sg_graph_free(g);
}

/* h, of type c, and a and b, of type p, each joined to h by r, and b to
 * a by s: read, not resolved, for a source's counts to be added. */
static sg_graph *counted(sg_error *err)
{
	const char *json =
		"{\"entities\": [{\"id\": \"h\", \"type\": \"c\"},"
		" {\"id\": \"a\", \"type\": \"p\"}, {\"id\": \"b\", \"type\": \"p\"}],"
		" \"relations\": [{\"from\": \"h\", \"to\": \"a\", \"type\": \"r\"},"
		" {\"from\": \"h\", \"to\": \"b\", \"type\": \"r\"},"
		" {\"from\": \"a\", \"to\": \"b\", \"type\": \"s\"}]}";
	sg_graph *g = sg_graph_new();

	assert_non_null(g);
	assert_int_equal(sg_read_buffer(g, json, strlen(json), "test.json",
					NULL, err), 0);
	return g;
}

/* Neighbours a source counted but did not load (a store's, past the
 * page) are folded as those it loaded would be: in the summaries' sizes
 * and the selection's count, never named, never drawn. */
static void test_fold_unloaded(void **state)
{
	const char *h[] = { "h" };
	sg_select_opts o = { .focus = h, .nfocus = 1, .depth = 2,
			     .max_entities = 4 };
	sg_error err = { 0 };
	sg_graph *g = counted(&err);
	sg_view *v;
	sg_summary_info s;
	sg_entity_info e;
	sg_stats st;
	size_t folded = 0;

	(void)state;
	/* h has 5 more of type p through r; b, 7 further out */
	assert_int_equal(sg_graph_add_unloaded(g, &(sg_unloaded){
		.entity = "h", .relation_type = "r", .type = "p",
		.dir = SG_OUT, .count = 5, .links = 5 }, &err), 0);
	assert_int_equal(sg_graph_add_unloaded(g, &(sg_unloaded){
		.entity = "b", .further = 1, .count = 7, .links = 9 }, &err),
		0);
	assert_int_equal(sg_graph_resolve(g, &err), 0);
	v = sg_select(g, &o, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_entity_count(v), 3);
	assert_string_equal(summary(v, 0), "fold:1 '+12 more' h - 0 - 1 12 5");
	assert_string_equal(summary(v, 1), "none");
	assert_int_equal(sg_view_summary(v, 0, &s), 0);
	assert_int_equal(s.unloaded, 12);
	/* none of them loaded: no name to list */
	assert_int_equal(sg_view_folded(v, 0, 0, &e), -1);
	assert_int_equal(sg_view_stats(v, &st, &err), 0);
	assert_int_equal(st.selected_entities, 15);
	assert_int_equal(st.folded, 12);
	sg_view_free(v);
	/* one box fewer: b, whose links not loaded make it the most
	 * related, is drawn, and a folded with them */
	o.max_entities = 3;
	v = sg_select(g, &o, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_entity_count(v), 2);
	assert_int_equal(sg_view_entity(v, 1, &e), 0);
	assert_string_equal(e.id, "b");
	assert_int_equal(sg_view_summary(v, 0, &s), 0);
	assert_int_equal(s.entities, 13);
	while (!sg_view_folded(v, 0, folded, &e))
		folded++;
	assert_int_equal(folded, 1);
	assert_string_equal(e.id, "a");
	sg_view_free(v);
	sg_graph_free(g);
}

/* A summary beside h that holds a group a source counted beside b has
 * the relations joining h to that group's entities too, where the source
 * counted them (near): a file's summary counts all of h's to what it
 * holds. */
static void test_fold_unloaded_near(void **state)
{
	sg_error err = { 0 };
	sg_graph *g = counted(&err);
	const char *h[] = { "h" };
	sg_select_opts o = { .max_entities = 4, .depth = 2, .focus = h,
			     .nfocus = 1 };
	sg_view *v;

	(void)state;
	/* h has 5 more through r; b 3 through s, 2 of whose relations
	 * join them to h, and a 4 through s, none to h */
	assert_int_equal(sg_graph_add_unloaded(g, &(sg_unloaded){
		.entity = "h", .relation_type = "r", .type = "p",
		.dir = SG_OUT, .count = 5 }, &err), 0);
	assert_int_equal(sg_graph_add_unloaded(g, &(sg_unloaded){
		.entity = "b", .relation_type = "s", .type = "p",
		.dir = SG_OUT, .count = 3, .near = "h",
		.near_relations = 2 }, &err), 0);
	assert_int_equal(sg_graph_add_unloaded(g, &(sg_unloaded){
		.entity = "a", .relation_type = "s", .type = "p",
		.dir = SG_OUT, .count = 4 }, &err), 0);
	assert_int_equal(sg_graph_resolve(g, &err), 0);
	v = sg_select(g, &o, &err);
	assert_non_null(v);
	assert_string_equal(summary(v, 0), "fold:1 '+12 more' h - 1 p 1 12 7");
	assert_string_equal(summary(v, 1), "none");
	sg_view_free(v);
	/* a summary of its own beside b: its relations to b, not to h */
	o.max_entities = 6;
	v = sg_select(g, &o, &err);
	assert_non_null(v);
	assert_string_equal(summary(v, 2), "fold:3 '3 ps' b s 1 p 0 3 3");
	sg_view_free(v);
	sg_graph_free(g);
}

/* An entity whose links within the selection a source counted (a
 * store's, ranking the entities of a step cut to the page) ranks by
 * them, not by those it loaded: the file's rank. */
static void test_fold_ranked(void **state)
{
	const char *json =
		"{\"entities\": [{\"id\": \"h\"}, {\"id\": \"a\"},"
		" {\"id\": \"b\"}, {\"id\": \"c\"}],"
		" \"relations\": [{\"from\": \"h\", \"to\": \"a\", \"type\": \"r\"},"
		" {\"from\": \"h\", \"to\": \"b\", \"type\": \"r\"},"
		" {\"from\": \"h\", \"to\": \"c\", \"type\": \"r\"},"
		" {\"from\": \"b\", \"to\": \"c\", \"type\": \"s\"}]}";
	const char *h[] = { "h" };
	sg_select_opts o = { .focus = h, .nfocus = 1, .depth = 1,
			     .max_entities = 3 };
	sg_error err = { 0 };
	sg_graph *g = sg_graph_new();
	sg_view *v;
	sg_entity_info e;

	(void)state;
	assert_int_equal(sg_read_buffer(g, json, strlen(json), "test.json",
					NULL, &err), 0);
	/* loaded, b has 2 links and a 1; counted, a has 4 */
	assert_int_equal(sg_graph_add_unloaded(g, &(sg_unloaded){
		.entity = "a", .degree = 4 }, &err), 0);
	assert_int_equal(sg_graph_resolve(g, &err), 0);
	v = sg_select(g, &o, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_entity_count(v), 2);
	assert_int_equal(sg_view_entity(v, 1, &e), 0);
	assert_string_equal(e.id, "a");
	sg_view_free(v);
	sg_graph_free(g);
}

static void test_unknown_types(void **state)
{
	const char *types[] = { "lef" };
	sg_select_opts o = { .depth = 1, .entity_types = types, .nentity_types = 1 };
	sg_error err = { 0 };

	(void)state;
	assert_null(selected(&o, &err));
	check_error(&err, SG_EUNKNOWN, "", 0, 0,
		    "unknown entity type 'lef'; did you mean 'leaf'?");
	memset(&err, 0, sizeof(err));
	o.nentity_types = 0;
	o.relation_types = types;
	o.nrelation_types = 1;
	assert_null(selected(&o, &err));
	check_error(&err, SG_EUNKNOWN, "", 0, 0,
		    "unknown relation type 'lef'");
}

static void test_degree_and_stats(void **state)
{
	sg_error err = { 0 };
	sg_graph *g = load(chain, &err);
	sg_select_opts all = { 0 };
	sg_view *v = sg_select(g, &all, &err);
	sg_entity_info info;
	sg_stats s;

	(void)state;
	assert_int_equal(sg_view_entity(v, 1, &info), 0);
	assert_string_equal(info.id, "b");
	assert_int_equal(info.degree, 3);
	assert_int_equal(sg_view_entity(v, 5, &info), -1);
	assert_int_equal(sg_view_stats(v, &s, &err), 0);
	assert_int_equal(s.entities, 5);
	assert_int_equal(s.relations, 4);
	assert_int_equal(s.entity_types, 2);
	assert_int_equal(s.relation_types, 2);
	assert_int_equal(s.sources, 0);
	sg_view_free(v);
	sg_graph_free(g);
}

static void test_select_needs_resolve(void **state)
{
	sg_graph *g = sg_graph_new();
	sg_select_opts all = { 0 };
	sg_error err = { 0 };

	(void)state;
	assert_int_equal(sg_read_buffer(g, chain, strlen(chain), "x", NULL, &err), 0);
	assert_null(sg_select(g, &all, &err));
	assert_int_equal(err.code, SG_EUSAGE);
	sg_graph_free(g);
}

/* A view's relations in input order, each once, with its ends by id, its
 * label as written, else its type's, and whether it has a direction. */
static void test_view_relations(void **state)
{
	static const char json[] =
		"{\"relation_types\": {\"y\": {\"label\": \"why\"}},"
		" \"entities\": [{\"id\": \"a\", \"name\": \"A\"},"
		" {\"id\": \"b\"}, {\"id\": \"c\"}],"
		" \"relations\": [{\"from\": \"A\", \"to\": \"b\", \"type\": \"x\"},"
		" {\"from\": \"b\", \"to\": \"c\", \"type\": \"y\"},"
		" {\"from\": \"c\", \"to\": \"a\", \"type\": \"x\","
		" \"label\": \"own\"},"
		" {\"from\": \"a\", \"to\": \"b\", \"type\": \"x\"},"
		" {\"from\": \"c\", \"to\": \"b\", \"type\": \"z\","
		" \"directed\": false}]}";
	const char *b[] = { "b" };
	sg_select_opts all = { 0 }, focus = { .focus = b, .nfocus = 1 };
	sg_error err = { 0 };
	sg_graph *g = load(json, &err);
	sg_view *v;
	sg_relation_info r;

	(void)state;
	assert_non_null(g);
	v = sg_select(g, &all, &err);
	assert_non_null(v);
	/* the fourth repeats the first: drawn once, listed once */
	assert_int_equal(sg_view_relation_count(v), 4);
	assert_int_equal(sg_view_relation(v, 0, &r), 0);
	assert_string_equal(r.from, "a");
	assert_string_equal(r.to, "b");
	assert_string_equal(r.type, "x");
	assert_string_equal(r.label, "");
	assert_int_equal(r.directed, 1);
	assert_int_equal(sg_view_relation(v, 1, &r), 0);
	assert_string_equal(r.from, "b");
	assert_string_equal(r.label, "why");
	assert_int_equal(sg_view_relation(v, 2, &r), 0);
	assert_string_equal(r.from, "c");
	assert_string_equal(r.to, "a");
	assert_string_equal(r.label, "own");
	assert_int_equal(sg_view_relation(v, 3, &r), 0);
	assert_string_equal(r.from, "c");
	assert_string_equal(r.to, "b");
	assert_int_equal(r.directed, 0);
	assert_int_equal(sg_view_relation(v, 4, &r), -1);
	sg_view_free(v);
	/* depth 0: b alone, and no relation */
	v = sg_select(g, &focus, &err);
	assert_non_null(v);
	assert_int_equal(sg_view_relation_count(v), 0);
	assert_int_equal(sg_view_relation(v, 0, &r), -1);
	sg_view_free(v);
	sg_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_focus_depth),
		cmocka_unit_test(test_focus_direction),
		cmocka_unit_test(test_focus_by_name_and_alias),
		cmocka_unit_test(test_several_foci),
		cmocka_unit_test(test_unknown_focus),
		cmocka_unit_test(test_relation_filter),
		cmocka_unit_test(test_entity_type_filter),
		cmocka_unit_test(test_where),
		cmocka_unit_test(test_shortest_paths),
		cmocka_unit_test(test_excludes),
		cmocka_unit_test(test_max_entities),
		cmocka_unit_test(test_fold_unrelated),
		cmocka_unit_test(test_fold_unloaded),
		cmocka_unit_test(test_fold_unloaded_near),
		cmocka_unit_test(test_fold_ranked),
		cmocka_unit_test(test_summaries_name),
		cmocka_unit_test(test_unknown_types),
		cmocka_unit_test(test_degree_and_stats),
		cmocka_unit_test(test_nothing_selected),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_select_needs_resolve),
		cmocka_unit_test(test_view_relations),
		cmocka_unit_test(test_focus_keeps_parents),
		cmocka_unit_test(test_parent_cycle),
	};

	return cmocka_run_group_tests_name("select", tests, NULL, NULL);
}
