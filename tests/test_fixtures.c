/*
 * Every fixture in the repository, found by the globs below (so a format
 * added later is checked from its first fixture on):
 * - through every detector (JSON documents, the first record of JSON
 *   Lines, the sniff of text formats): exactly one format is the surest
 *   of it, and it is the format the fixture is for (tests/detect.tsv,
 *   else the format its file or folder is named after; "none" there:
 *   no format takes it);
 * - through the reader: no object with two ends that made no relation
 *   (what a reader leaves unread it names in a warning, shown here).
 */
#include <fnmatch.h>
#include <glob.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <jansson.h>

#include "testutil.h"
#include "read.h"

/* Where fixtures are: every file in these, but the ones skipped below. */
static const char *const places[] = {
	"tests/formats/*/*", "tests/tools/*/*", "tests/tools/*/*/*",
	"tests/valid/*/*", "tests/diff/*", "tests/links/*", "tests/text/*",
	"graphs/*", "examples/*", "tests/unread/*/*",
};

/* What lives beside fixtures and is none: goldens, the tools' scripts and
 * counts, notes, pictures, themes and schemas (other kinds of JSON). */
static const char *const not_fixtures[] = {
	"expected*", "*README*", "make.*", "package*.json", "counts.tsv",
	"*.dot", "*.txt", "*.py", "*.mjs", "*.sh", "*.svg", "*.png", "*.pdf",
	"*.html",
	"*.md", "*theme*", "*schema*", "*.conf", "*.gvpr", "args", "*.c",
};

struct rule {
	char *pattern, *format;
};

static struct rule *rules;
static size_t nrules;

static void load_rules(void)
{
	FILE *f = fopen("tests/detect.tsv", "r");
	char line[512];

	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		char *tab = strchr(line, '\t');

		if (*line == '#' || !tab)
			continue;
		*tab = '\0';
		tab[strcspn(tab + 1, "\r\n") + 1] = '\0';
		rules = realloc(rules, (nrules + 1) * sizeof(*rules));
		assert_non_null(rules);
		rules[nrules].pattern = strdup(line);
		rules[nrules++].format = strdup(tab + 1);
	}
	fclose(f);
}

/* The format path is for: its rule, else a text format's extension,
 * else the longest format name that begins its file's name or, from the
 * innermost out, a folder's; NULL when nothing says (then only a single
 * winner is asked for). */
static const char *meant(const char *path)
{
	char copy[4096];
	char *part;

	const char *dot = strrchr(path, '.');
	const struct rd_format *f;

	for (size_t i = 0; i < nrules; i++)
		if (!fnmatch(rules[i].pattern, path, 0))
			return rules[i].format;
	/* a text format's own extension (.graphml, .csv) */
	for (size_t i = 0; dot && (f = rd_format_at(i)); i++)
		if (f->sniff && !strcmp(dot + 1, f->name))
			return f->name;
	snprintf(copy, sizeof(copy), "%s", path);
	while ((part = strrchr(copy, '/')) || *copy) {
		const char *name = part ? part + 1 : copy;
		const char *best = NULL;
		for (size_t i = 0; (f = rd_format_at(i)); i++)
			if (!strncmp(name, f->name, strlen(f->name)) &&
			    (!best || strlen(f->name) > strlen(best)))
				best = f->name;
		if (best)
			return best;
		if (!part)
			break;
		*part = '\0';
	}
	return NULL;
}

static int skipped(const char *path)
{
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct stat st;

	if (stat(path, &st) || !S_ISREG(st.st_mode) || !st.st_size)
		return 1;

	for (size_t i = 0; i < SG_ARRAY_SIZE(not_fixtures); i++)
		if (!fnmatch(not_fixtures[i], name, 0))
			return 1;
	return 0;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t n = 0, got;
	char chunk[65536];

	assert_non_null(f);
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		data = realloc(data, n + got + 1);
		assert_non_null(data);
		memcpy(data + n, chunk, got);
		n += got;
	}
	fclose(f);
	if (!data)
		data = calloc(1, 1);
	data[n] = '\0';
	*len = n;
	return data;
}

/* The first record when the text is JSON Lines (as read.c tells them: a
 * first line that is a whole object or list, and more after it); else
 * NULL. */
static json_t *first_record(const char *text)
{
	const char *eol = strchr(text, '\n');

	if (!eol || !*(eol + strspn(eol, " \t\r\n")))
		return NULL;
	json_t *o = json_loadb(text, (size_t)(eol - text), 0, NULL);

	if (!json_is_object(o) && !json_is_array(o)) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* Runs text through every detector; fails unless one format is surest,
 * and is want (when not NULL). */
static int one_winner(const char *path, const char *text, size_t len,
		      const char *want)
{
	const char *start = text + strspn(text, " \t\r\n");
	size_t head = len - (size_t)(start - text);
	int json = *start == '{' || *start == '[';
	json_t *record = json ? first_record(start) : NULL;
	json_t *doc = json && !record ?
			      json_loadb(start, head, JSON_DECODE_ANY, NULL) :
			      NULL;
	const struct rd_format *f, *winner = NULL;
	enum rd_sure best = RD_NOT;
	int n = 0, ok = 1;
	char names[1024] = "";

	if (json && !record && !doc) {
		printf("%s: not JSON\n", path);
		return 0;
	}
	for (size_t i = 0; (f = rd_format_at(i)); i++) {
		enum rd_sure text_score = f->sniff ?
			f->sniff(start, head < RD_HEAD ? head : RD_HEAD) :
			RD_NOT;
		enum rd_sure score = RD_NOT;

		if (record && f->detect_line)
			score = f->detect_line(record);
		else if (doc && f->detect && (json_is_object(doc) ||
					      f->arrays))
			score = f->detect(doc);
		else if (!json)
			score = text_score;
		/* JSON is a text format's only when the format is sure */
		if (json && text_score == RD_SURE) {
			printf("%s: %s's sniff is sure of JSON\n", path,
			       f->name);
			ok = 0;
		}
		if (score == RD_NOT || score < best)
			continue;
		if (score > best) {
			best = score;
			n = 0;
			*names = '\0';
			winner = f;
		}
		n++;
		snprintf(names + strlen(names), sizeof(names) - strlen(names),
			 "%s%s", *names ? ", " : "", f->name);
	}
	/* JSON of no format ("none": a stand-in that holds no graph) */
	if (want && !strcmp(want, "none")) {
		if (winner) {
			printf("%s: holds no graph, but %s takes it\n", path,
			       winner->name);
			ok = 0;
		}
		want = NULL;
		winner = rd_format_at(0);
	}
	/* as read.c does when no format is sure at all */
	if (!winner && json)
		winner = rd_format_at(record ? 1 : 0);
	if (n > 1) {
		printf("%s: several formats are as sure: %s\n", path, names);
		ok = 0;
	} else if (!winner) {
		printf("%s: no format is sure of it\n", path);
		ok = 0;
	} else if (want && strcmp(want, winner->name)) {
		printf("%s: read as %s, not %s\n", path, winner->name, want);
		ok = 0;
	}
	json_decref(record);
	json_decref(doc);
	return ok;
}

/* Reads text as path; fails when its edges made fewer relations (read.c's
 * account). What went unread is shown: named in a warning, it is
 * accounted for, as the rule asks. */
static int nothing_lost(const char *path, const char *text, size_t len)
{
	sg_graph *g = sg_graph_new();
	const sg_error *list;
	sg_error err;
	size_t n;
	int ok = 1;

	assert_non_null(g);
	sg_read_buffer(g, text, len, path, NULL, &err);
	n = sg_graph_diagnostics(g, &list);
	for (size_t i = 0; i < n; i++)
		if (list[i].code == SG_WUNREAD ||
		    strstr(list[i].text, "two ends")) {
			printf("%s:%d:%d: %s\n", list[i].file, list[i].line,
			       list[i].column, list[i].text);
			ok &= list[i].code == SG_WUNREAD;
		}
	sg_graph_free(g);
	return ok;
}

static void test_every_fixture(void **state)
{
	size_t checked = 0, failed = 0, lost = 0;

	(void)state;
	load_rules();
	assert_non_null(rd_format_at(1));
	assert_string_equal(rd_format_at(1)->name, "jsonl");
	for (size_t p = 0; p < SG_ARRAY_SIZE(places); p++) {
		glob_t g;

		if (glob(places[p], 0, NULL, &g))
			continue;
		for (size_t i = 0; i < g.gl_pathc; i++) {
			const char *path = g.gl_pathv[i];
			size_t len;
			char *text;

			if (skipped(path) || strstr(path, "node_modules"))
				continue;
			text = slurp(path, &len);
			if (!memchr(text, '\0', len)) {
				checked++;
				failed += !one_winner(path, text, len,
						      meant(path));
				lost += !nothing_lost(path, text, len);
			}
			free(text);
		}
		globfree(&g);
	}
	printf("fixtures: %zu, %zu with no single right format, %zu with "
	       "edges lost\n", checked, failed, lost);
	assert_true(checked > 50);
	assert_int_equal(failed, 0);
	assert_int_equal(lost, 0);
	for (size_t i = 0; i < nrules; i++) {
		free(rules[i].pattern);
		free(rules[i].format);
	}
	free(rules);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_fixture),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
