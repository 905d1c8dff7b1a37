/*
 * A neighbourhood fetched from a SPARQL endpoint. The store does the
 * walking: one query per step of the depth (the frontier's IRIs in
 * VALUES, the direction and the type filters in the pattern), then one
 * for what the drawing needs of every entity reached (types, labels in
 * the chosen language, other literals, the links among them), and one
 * before them when the focus is a label. The answers' rows, merged and in
 * one order, are read as one SPARQL results file: whatever follows is the
 * same code as for a file.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>
#include <dlfcn.h>
#include <jansson.h>
#include <pthread.h>

#include "read_rdf.h"
#include "sparql.h"

#define DEFAULT_TIMEOUT 60L
#define DEFAULT_MAX_BYTES ((size_t)64 << 20)
/* a GET's URL past this many bytes is sent as a POST (servers cut URLs
 * near 8 KiB) */
#define LONGEST_GET 2000
#define TRIES 3
/* retries after 429 and 503 wait this long at most, in all */
#define RETRY_SECONDS 30L
#define REDIRECTS 5L

/* The prefixes a focus or a type may be written with (Wikidata's and
 * DBpedia's, and the vocabularies every store has). */
static const char *const prefixes[][2] = {
	{ "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#" },
	{ "rdfs", "http://www.w3.org/2000/01/rdf-schema#" },
	{ "owl", "http://www.w3.org/2002/07/owl#" },
	{ "xsd", "http://www.w3.org/2001/XMLSchema#" },
	{ "skos", "http://www.w3.org/2004/02/skos/core#" },
	{ "schema", "http://schema.org/" },
	{ "foaf", "http://xmlns.com/foaf/0.1/" },
	{ "dcterms", "http://purl.org/dc/terms/" },
	{ "wd", "http://www.wikidata.org/entity/" },
	{ "wdt", "http://www.wikidata.org/prop/direct/" },
	{ "dbr", "http://dbpedia.org/resource/" },
	{ "dbo", "http://dbpedia.org/ontology/" },
};

/* The predicates a label is looked up by (those read_rdf.c names by). */
static const char *const label_predicates =
	"<http://www.w3.org/2000/01/rdf-schema#label> "
	"<http://www.w3.org/2004/02/skos/core#prefLabel> "
	"<http://schema.org/name>";

size_t sparql_take(char *chunk, size_t size, size_t n, void *data)
{
	struct sparql_body *b = data;
	size_t len = size * n;

	if (b->text.len + len > b->max) {
		b->over = 1;
		return 0;
	}
	return sg_buf_add(&b->text, chunk, len) ? 0 : len;
}

int sparql_check_json(const struct sparql_body *body, const char *type,
		      const char *url, sg_error *err)
{
	const char *s = sg_buf_str(&body->text), *end;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '{')
		return 0;
	if (!*s)
		return sg_fail(err, SG_EFETCH, url, 0, 0, "the endpoint "
			       "answered nothing");
	end = s + strcspn(s, "\r\n");
	return sg_fail(err, SG_EFETCH, url, 0, 0, "the answer is not SPARQL "
		       "JSON results but %s: '%.*s'", type && *type ? type :
		       "of no type", (int)(end - s > 80 ? 80 : end - s), s);
}

int sparql_read_answer(sg_graph *g, const struct sparql_body *body,
		       const char *type, const char *url, sg_error *err)
{
	const char *format = "sparql";

	if (type && !strncasecmp(type, "application/n-triples", 21))
		format = "ntriples";
	else if (type && !strncasecmp(type, "text/turtle", 11))
		format = "turtle";
	else if (sparql_check_json(body, type, url, err))
		return -1;
	return sg_read_buffer(g, sg_buf_str(&body->text), body->text.len, url,
			      format, err);
}

/* ---- HTTP ---- */

/*
 * libcurl, loaded the first time a store is asked: linked, it and the 27
 * libraries it brings (TLS, LDAP, Kerberos, ...) cost every run of
 * scograph ~45 ms more to start, measured, and almost no run asks a store.
 */
static struct curl_api {
	CURLcode (*global_init)(long);
	void (*global_cleanup)(void);
	CURL *(*easy_init)(void);
	void (*easy_cleanup)(CURL *);
	CURLcode (*setopt)(CURL *, CURLoption, ...);
	CURLcode (*perform)(CURL *);
	CURLcode (*getinfo)(CURL *, CURLINFO, ...);
	char *(*escape)(CURL *, const char *, int);
	void (*free)(void *);
	const char *(*strerror)(CURLcode);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void (*slist_free_all)(struct curl_slist *);
} cu;
static const struct {
	const char *name;
	size_t offset;
} curl_symbols[] = {
	{ "curl_global_init", offsetof(struct curl_api, global_init) },
	{ "curl_global_cleanup", offsetof(struct curl_api, global_cleanup) },
	{ "curl_easy_init", offsetof(struct curl_api, easy_init) },
	{ "curl_easy_cleanup", offsetof(struct curl_api, easy_cleanup) },
	{ "curl_easy_setopt", offsetof(struct curl_api, setopt) },
	{ "curl_easy_perform", offsetof(struct curl_api, perform) },
	{ "curl_easy_getinfo", offsetof(struct curl_api, getinfo) },
	{ "curl_easy_escape", offsetof(struct curl_api, escape) },
	{ "curl_free", offsetof(struct curl_api, free) },
	{ "curl_easy_strerror", offsetof(struct curl_api, strerror) },
	{ "curl_slist_append", offsetof(struct curl_api, slist_append) },
	{ "curl_slist_free_all", offsetof(struct curl_api, slist_free_all) },
};
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static int curl_missing = 1;

/* (kept loaded for the process's life: its handles may outlive a call) */
static void load_curl(void)
{
	void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);

	for (size_t i = 0; lib && i < SG_ARRAY_SIZE(curl_symbols); i++)
		/* (POSIX's way to a function from dlsym's void *) */
		if (!(*(void **)((char *)&cu + curl_symbols[i].offset) =
			      dlsym(lib, curl_symbols[i].name)))
			return;
	curl_missing = !lib;
}

struct fetch {
	const sg_sparql_opts *o;
	CURL *curl;
	struct curl_slist *headers;
	char problem[CURL_ERROR_SIZE];
	long waited; /* seconds spent waiting to retry */
	int started; /* libcurl loaded and initialised */
};

/* The first lines of an error's body, on one line, into b. */
static void first_lines(const sg_buf *body, sg_buf *b)
{
	const char *s = sg_buf_str(body);
	int lines = 0;

	for (; *s && b->len < 200 && lines < 3; s++) {
		if (*s == '\n' || *s == '\r') {
			lines += *s == '\n';
			if (b->len && b->buf[b->len - 1] != ' ')
				sg_buf_add(b, " ", 1);
		} else if ((unsigned char)*s >= ' ') {
			sg_buf_add(b, s, 1);
		}
	}
	while (b->len && b->buf[b->len - 1] == ' ')
		b->buf[--b->len] = '\0';
}

/* Sends query (form, urlencoded) and receives the answer into body; its
 * type into *type (libcurl's, valid until the next request). */
static int send_once(struct fetch *f, const char *query, int construct,
		     struct sparql_body *body, const char **type, long *status,
		     sg_error *err)
{
	const char *url = f->o->url;
	char *escaped = cu.escape(f->curl, query, 0);
	sg_buf get = SG_BUF_INIT;
	CURLcode rc;
	int r = -1;

	if (!escaped)
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	sg_buf_reset(&body->text);
	body->over = 0;
	f->problem[0] = '\0';
	/* the SPARQL 1.1 Protocol's GET, or its POST of a form when long */
	if (strlen(escaped) + strlen(url) < LONGEST_GET) {
		if (sg_buf_addf(&get, "%s%squery=%s", url,
				strchr(url, '?') ? "&" : "?", escaped)) {
			sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		cu.setopt(f->curl, CURLOPT_URL, sg_buf_str(&get));
		cu.setopt(f->curl, CURLOPT_HTTPGET, 1L);
	} else {
		if (sg_buf_addf(&get, "query=%s", escaped)) {
			sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		cu.setopt(f->curl, CURLOPT_URL, url);
		cu.setopt(f->curl, CURLOPT_POSTFIELDS, sg_buf_str(&get));
		cu.setopt(f->curl, CURLOPT_POSTFIELDSIZE_LARGE,
				 (curl_off_t)get.len);
	}
	cu.slist_free_all(f->headers);
	f->headers = cu.slist_append(NULL, construct ?
		"Accept: application/n-triples, text/turtle;q=0.9" :
		"Accept: application/sparql-results+json");
	cu.setopt(f->curl, CURLOPT_HTTPHEADER, f->headers);
	cu.setopt(f->curl, CURLOPT_WRITEDATA, body);
	rc = cu.perform(f->curl);
	*status = 0;
	*type = NULL;
	cu.getinfo(f->curl, CURLINFO_RESPONSE_CODE, status);
	cu.getinfo(f->curl, CURLINFO_CONTENT_TYPE, type);
	if (rc == CURLE_OK) {
		r = 0;
	} else if (body->over) {
		sg_fail(err, SG_EFETCH, url, 0, 0, "the answer is larger than "
			"%zu bytes (--max-response)", body->max);
	} else if (rc == CURLE_OPERATION_TIMEDOUT) {
		sg_fail(err, SG_EFETCH, url, 0, 0, "no answer within %ld s "
			"(--timeout)", f->o->timeout > 0 ? f->o->timeout :
			DEFAULT_TIMEOUT);
	} else if (rc == CURLE_PARTIAL_FILE) {
		sg_fail(err, SG_EFETCH, url, 0, 0, "the answer was cut off "
			"after %zu bytes", body->text.len);
	} else if (rc == CURLE_COULDNT_CONNECT) {
		long os_errno = 0;
		char what[128];

		cu.getinfo(f->curl, CURLINFO_OS_ERRNO, &os_errno);
		/* (strerror's words, lowercase as every message here) */
		snprintf(what, sizeof(what), "%s", os_errno ?
			 strerror((int)os_errno) : "no answer");
		what[0] = (char)tolower((unsigned char)what[0]);
		sg_fail(err, SG_EFETCH, url, 0, 0, "cannot connect: %s", what);
	} else if (rc == CURLE_COULDNT_RESOLVE_HOST) {
		sg_fail(err, SG_EFETCH, url, 0, 0, "cannot find the host");
	} else if (rc == CURLE_TOO_MANY_REDIRECTS) {
		sg_fail(err, SG_EFETCH, url, 0, 0, "more than %ld redirects",
			REDIRECTS);
	} else {
		sg_fail(err, SG_EFETCH, url, 0, 0, "%s", f->problem[0] ?
			f->problem : cu.strerror(rc));
	}
done:
	sg_buf_release(&get);
	cu.free(escaped);
	return r;
}

/* Sends query and receives its answer into body, retrying a busy
 * endpoint's 429 and 503 (after its Retry-After, or 1, 2, 4 s) while
 * the tries and the time allow. */
static int ask(struct fetch *f, const char *query, int construct,
	       struct sparql_body *body, const char **type, sg_error *err)
{
	const char *url = f->o->url;
	long status = 0;

	if (f->o->sent)
		f->o->sent(f->o->data, query);
	for (int tries = 1;; tries++) {
		curl_off_t after = -1;
		long wait;

		if (send_once(f, query, construct, body, type, &status, err))
			return -1;
		if (status < 400)
			return 0;
		cu.getinfo(f->curl, CURLINFO_RETRY_AFTER, &after);
		wait = after >= 0 ? (long)after : 1L << (tries - 1);
		if ((status != 429 && status != 503) || tries == TRIES ||
		    f->waited + wait > RETRY_SECONDS)
			break;
		f->waited += wait;
		nanosleep(&(struct timespec){ .tv_sec = wait }, NULL);
	}
	{
		sg_buf msg = SG_BUF_INIT;
		int r;

		first_lines(&body->text, &msg);
		r = sg_fail(err, SG_EFETCH, url, 0, 0, "the endpoint answered "
			    "HTTP %ld%s%s", status, msg.len ? ": " : "",
			    sg_buf_str(&msg));
		sg_buf_release(&msg);
		return r;
	}
}

static int fetch_init(struct fetch *f, const sg_sparql_opts *o,
		      struct sparql_body *body, sg_error *err)
{
	const char *auth = getenv("SCOGRAPH_SPARQL_AUTH");

	memset(f, 0, sizeof(*f));
	f->o = o;
	body->max = o->max_bytes ? o->max_bytes : DEFAULT_MAX_BYTES;
	if (pthread_once(&curl_once, load_curl) || curl_missing)
		return sg_fail(err, SG_EFETCH, o->url, 0, 0, "cannot load "
			       "libcurl.so.4 (Debian's libcurl4 package)");
	f->started = 1;
	if (cu.global_init(CURL_GLOBAL_DEFAULT) ||
	    !(f->curl = cu.easy_init()))
		return sg_fail(err, SG_EFETCH, o->url, 0, 0, "cannot start "
			       "libcurl");
	cu.setopt(f->curl, CURLOPT_USERAGENT, "scograph/" SG_VERSION
			 " (+scograph, a knowledge-graph drawer)");
	cu.setopt(f->curl, CURLOPT_ERRORBUFFER, f->problem);
	cu.setopt(f->curl, CURLOPT_WRITEFUNCTION, sparql_take);
	cu.setopt(f->curl, CURLOPT_NOSIGNAL, 1L);
	cu.setopt(f->curl, CURLOPT_TIMEOUT, o->timeout > 0 ?
			 o->timeout : DEFAULT_TIMEOUT);
	/* "" asks for every encoding libcurl decodes: gzip at least */
	cu.setopt(f->curl, CURLOPT_ACCEPT_ENCODING, "");
	cu.setopt(f->curl, CURLOPT_FOLLOWLOCATION, 1L);
	cu.setopt(f->curl, CURLOPT_MAXREDIRS, REDIRECTS);
	cu.setopt(f->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	cu.setopt(f->curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	/* a redirected POST stays a POST (the query is its body) */
	cu.setopt(f->curl, CURLOPT_POSTREDIR, CURL_REDIR_POST_ALL);
	/* (libcurl verifies HTTPS by default; nothing here turns it off) */
	cu.setopt(f->curl, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
	if (auth && *auth) {
		cu.setopt(f->curl, CURLOPT_USERPWD, auth);
		/* not sent on to another host a redirect names */
		cu.setopt(f->curl, CURLOPT_UNRESTRICTED_AUTH, 0L);
	}
	return 0;
}

static void fetch_release(struct fetch *f)
{
	if (!f->started)
		return;
	cu.slist_free_all(f->headers);
	if (f->curl)
		cu.easy_cleanup(f->curl);
	cu.global_cleanup();
}

/* ---- queries ---- */

/* Adds s to b as a SPARQL string literal. */
static int add_literal(sg_buf *b, const char *s)
{
	int r = sg_buf_add(b, "\"", 1);

	for (; *s && !r; s++)
		r = strchr("\"\\\n\r\t", *s) ?
			    sg_buf_addf(b, "\\%c", *s == '\n' ? 'n' :
						   *s == '\r' ? 'r' :
						   *s == '\t' ? 't' : *s) :
			    sg_buf_add(b, s, 1);
	return r || sg_buf_add(b, "\"", 1);
}

/* Whether iri may be written <iri> as it is (IRIREF's characters). */
static int plain_iri(const char *iri)
{
	for (; *iri; iri++)
		if ((unsigned char)*iri <= ' ' || strchr("<>\"{}|^`\\", *iri))
			return 0;
	return 1;
}

/* The full IRI name means, into b, when it is one (<iri>, an http(s) or
 * urn IRI, or a known prefix's name): 1; 0 when it is a label. */
static int as_iri(const char *name, sg_buf *b)
{
	size_t n = strlen(name);
	const char *colon = strchr(name, ':');

	sg_buf_reset(b);
	if (n > 2 && name[0] == '<' && name[n - 1] == '>')
		return sg_buf_add(b, name + 1, n - 2) ? -1 : 1;
	if (!colon || strchr(name, ' '))
		return 0;
	if (!strncmp(colon, "://", 3) || !strncmp(name, "urn:", 4))
		return sg_buf_adds(b, name) ? -1 : 1;
	for (size_t i = 0; i < SG_ARRAY_SIZE(prefixes); i++)
		if (strlen(prefixes[i][0]) == (size_t)(colon - name) &&
		    !strncmp(name, prefixes[i][0], (size_t)(colon - name)))
			return sg_buf_addf(b, "%s%s", prefixes[i][1],
					   colon + 1) ? -1 : 1;
	return 0;
}

/* A filter on ?var's predicate or type to the names given: an IRI is
 * itself; a word is the end of one, any case (the short form read_rdf.c
 * gives it), as select.c matches types; turned round when not is "!".
 * Nothing when none are given. */
static int add_filter(sg_buf *q, const char *not, const char *var,
		      const char *const *names, size_t n)
{
	sg_buf iri = SG_BUF_INIT;
	int r = 0;

	if (!n)
		return 0;
	r = sg_buf_addf(q, " FILTER(%s(", not);
	for (size_t i = 0; i < n && !r; i++) {
		int full = as_iri(names[i], &iri);

		r = full < 0 || sg_buf_adds(q, i ? " || " : "");
		if (!r && full && plain_iri(sg_buf_str(&iri)))
			r = sg_buf_addf(q, "%s = <%s>", var, sg_buf_str(&iri));
		else if (!r)
			for (int k = 0; k < 3 && !r; k++) {
				static const char *const cuts[] = { "/", "#",
								    ":" };
				sg_buf end = SG_BUF_INIT;

				r = sg_buf_addf(&end, "%s%s", cuts[k],
						names[i]);
				for (size_t c = 0; c < end.len; c++)
					end.buf[c] = (char)tolower(
						(unsigned char)end.buf[c]);
				r = r || sg_buf_addf(q, "%sSTRENDS(LCASE(STR("
						     "%s)), ", k ? " || " : "",
						     var) ||
				    add_literal(q, sg_buf_str(&end)) ||
				    sg_buf_adds(q, ")");
				sg_buf_release(&end);
			}
	}
	sg_buf_release(&iri);
	return r || sg_buf_adds(q, "))");
}

/* The filter to the names given (add_filter). */
static int add_type_filter(sg_buf *q, const char *var,
			   const char *const *names, size_t n)
{
	return add_filter(q, "", var, names, n);
}

/* The filters so asks of a link's predicate p: of the relation types
 * asked for, of none left out (--exclude-relation): the first's FILTER
 * turned round. */
static int link_filters(sg_buf *q, const sg_select_opts *so, const char *p)
{
	return add_type_filter(q, p, so->relation_types,
			       so->nrelation_types) ||
	       add_filter(q, "!", p, so->exclude_relations,
			  so->nexclude_relations);
}

/* The filters so asks of an entity var a link reaches: of the types
 * asked for (--type), of none left out (--exclude-type): what the file's
 * selection neither draws nor follows. (--exclude's names are left to
 * the selection: see ask_step.) */
static int end_filters(sg_buf *q, const sg_select_opts *so, const char *var)
{
	int r = 0;

	for (int out = 0; out < 2 && !r; out++) {
		const char *const *names = out ? so->exclude_types :
						 so->entity_types;
		size_t n = out ? so->nexclude_types : so->nentity_types;

		if (n)
			r = sg_buf_addf(q, " FILTER %sEXISTS { %s <" RDF_TYPE
					"> ?etype", out ? "NOT " : "", var) ||
			    add_type_filter(q, "?etype", names, n) ||
			    sg_buf_adds(q, " }");
	}
	return r;
}

/* The IRIs in list, <iri>, between each two sep. */
static int add_iris(sg_buf *q, const json_t *list, const char *sep)
{
	size_t i;
	json_t *v;
	int r = 0;

	json_array_foreach(list, i, v)
		r = r || sg_buf_addf(q, "%s<%s>", i ? sep : "",
				     json_string_value(v));
	return r;
}

/* Whether list holds the IRI iri. */
static int holds(const json_t *list, const char *iri)
{
	size_t i;
	json_t *v;

	json_array_foreach(list, i, v)
		if (!strcmp(json_string_value(v), iri))
			return 1;
	return 0;
}

/* A label's focus while the first step's request looks it up (see
 * fetch_neighbourhood): the first of list, {"label": its text, "terms":
 * the literals it is looked up as, VALUES's}; NULL in a list of IRIs. */
static const json_t *label_of(const json_t *list)
{
	const json_t *first = json_array_get(list, 0);

	return json_is_object(first) ? first : NULL;
}

/* The entities var a label predicate gives one of focus's literals
 * (label_of), each as often as it has such labels: an object the store
 * looks up, as a constant (through FILTER(STR(?lname) = ...) Virtuoso 7
 * took more than 30 s to rank the 1M hub's first step, against 0.5 s). */
static int label_pattern(sg_buf *q, const char *var, const json_t *focus)
{
	return sg_buf_addf(q, "VALUES ?lp { %s } VALUES ?lname { %s } "
			   "%s ?lp ?lname .", label_predicates,
			   json_string_value(json_object_get(focus, "terms")),
			   var);
}

/* The literals a label's focus is looked up as (label_pattern), as
 * VALUES's, into b: label untagged (as a plain literal and as an
 * xsd:string: a store of RDF 1.0's terms tells them apart) and in lang,
 * when lang is a language tag (letters, then "-" and letters or digits). */
static int label_terms(sg_buf *b, const char *label, const char *lang)
{
	static const char tag[] = "abcdefghijklmnopqrstuvwxyz"
				  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
	size_t n = strlen(lang);
	int tagged = isalpha((unsigned char)*lang) && strspn(lang, tag) == n &&
		     lang[n - 1] != '-' && !strstr(lang, "--");

	return add_literal(b, label) || sg_buf_adds(b, " ") ||
	       add_literal(b, label) || sg_buf_adds(b, "^^<" XSD "string>") ||
	       (tagged && (sg_buf_adds(b, " ") || add_literal(b, label) ||
			   sg_buf_addf(b, "@%s", lang)));
}

/* VALUES ?var { <iri> ... } of the IRIs in list, or the entities its
 * label reads (label_of), once each. */
static int add_values(sg_buf *q, const char *var, const json_t *list)
{
	const json_t *label = label_of(list);
	char v[24];

	snprintf(v, sizeof(v), "?%s", var);
	return label ? sg_buf_addf(q, "{ SELECT DISTINCT %s WHERE { ", v) ||
		       label_pattern(q, v, label) || sg_buf_adds(q, " } }") :
		       sg_buf_addf(q, "VALUES %s { ", v) ||
		       add_iris(q, list, " ") || sg_buf_adds(q, " }");
}

/* The pattern of one step out from the IRIs of frontier: the links
 * (?s ?p ?o) of the direction and relation types asked for, to entities
 * of the types asked for; ?f the frontier's end, ?n the other, ?dir
 * "out" or "in" as the link runs from ?f or to it. */
static int step_pattern(sg_buf *q, const sg_select_opts *so,
			const json_t *frontier)
{
	static const char *const ends[2][2] = { { "s", "o" }, { "o", "s" } };
	static const char *const dirs[2] = { "out", "in" };
	int r = 0, first = 1;

	for (int way = 0; way < 2 && !r; way++) {
		/* out: the frontier is the subject; in: the object */
		if ((way == 0 && so->direction == SG_IN) ||
		    (way == 1 && so->direction == SG_OUT))
			continue;
		r = sg_buf_adds(q, first ? " {" : " UNION {") ||
		    add_values(q, ends[way][0], frontier) ||
		    sg_buf_addf(q, " ?s ?p ?o FILTER(!isLiteral(?o) && ?p != "
				"<" RDF_TYPE ">)") ||
		    link_filters(q, so, "?p") ||
		    end_filters(q, so, way ? "?s" : "?o");
		first = 0;
		r = r || sg_buf_addf(q, " BIND(?%s AS ?f) BIND(?%s AS ?n) "
				     "BIND(\"%s\" AS ?dir) }", ends[way][0],
				     ends[way][1], dirs[way]);
	}
	return r;
}

/* One step out from the IRIs of frontier, limit rows at most (0: all). */
static int step_query(sg_buf *q, const sg_select_opts *so,
		      const json_t *frontier, size_t limit)
{
	return sg_buf_adds(q, "SELECT ?s ?p ?o WHERE {") ||
	       step_pattern(q, so, frontier) || sg_buf_adds(q, " }") ||
	       (limit && sg_buf_addf(q, " LIMIT %zu", limit));
}

/* One step between ?a and ?b through ?p, as so's direction (from ?a)
 * and filters allow (link_filters, end_filters of b); its own variables'
 * names, so that it may stand inside a query of other steps. way, when
 * not NULL: the variable told "out" or "in" as the link runs from a or
 * to it. */
static int hop(sg_buf *q, const sg_select_opts *so, const char *a,
	       const char *p, const char *b, const char *way)
{
	int r = sg_buf_adds(q, " {");

	for (int in = 0; in < 2 && !r; in++) {
		if (so->direction == (in ? SG_OUT : SG_IN))
			continue;
		r = (in && so->direction == SG_BOTH &&
		     sg_buf_adds(q, " UNION")) ||
		    sg_buf_addf(q, " { %s %s %s", in ? b : a, p, in ? a : b) ||
		    (way && sg_buf_addf(q, " BIND(\"%s\" AS %s)",
					in ? "in" : "out", way)) ||
		    sg_buf_adds(q, " }");
	}
	return r || sg_buf_addf(q, " FILTER(!isLiteral(%s) && %s != <"
				RDF_TYPE ">)", b, p) ||
	       link_filters(q, so, p) || end_filters(q, so, b) ||
	       sg_buf_adds(q, " }");
}

/* so's relation types, either way, and nothing else: the links a
 * selection counts between two entities it holds. */
static sg_select_opts any_way(const sg_select_opts *so)
{
	return (sg_select_opts){ .relation_types = so->relation_types,
				 .nrelation_types = so->nrelation_types,
				 .exclude_relations = so->exclude_relations,
				 .nexclude_relations = so->nexclude_relations,
				 .direction = SG_BOTH };
}

/* One step out from the IRIs of frontier to the limit entities it
 * reaches first (the ones a page draws first of a step too large to
 * fetch), with ?links, each one's rank: past reached, the entities the
 * file ranks after them (fold in select.c: nearest, then most related
 * within the selection, then input order: the IRIs' for a sorted file);
 * within the selection, when last (the selection ends at this step),
 * the links to reached and to the step's own; else all of them, as all
 * lie within it (a slice counts the step's own of its IRIs only). */
static int top_query(sg_buf *q, const sg_select_opts *so,
		     const json_t *frontier, const json_t *reached, int last,
		     size_t limit)
{
	const sg_select_opts links = any_way(so);
	/* a label's focus, all reached, is ?f, kept beside each entity
	 * ranked; its links to those are an OPTIONAL after them (joined,
	 * Virtuoso 7 went out from the focus first, as if it had few links,
	 * and ranked again for each of the 1M hub's: past 120 s) */
	const json_t *label = label_of(frontier);
	const char *f = label ? " ?f" : "";

	return sg_buf_adds(q, "SELECT ?s ?p ?o ?n ?links WHERE {") ||
	       (!label && step_pattern(q, so, frontier)) ||
	       sg_buf_addf(q, " { SELECT ?n%s (COUNT(?x) AS ?links) WHERE { "
			   "{ SELECT DISTINCT ?n%s WHERE {", f, f) ||
	       step_pattern(q, so, frontier) ||
	       sg_buf_adds(q, " FILTER(isIRI(?n))") ||
	       /* (Virtuoso 7 fails a MINUS of VALUES here: "side effect
		* var passed") */
	       (label ? sg_buf_adds(q, " FILTER(?n != ?f)") :
		reached && (sg_buf_adds(q, " FILTER(?n NOT IN (") ||
			    add_iris(q, reached, ", ") ||
			    sg_buf_adds(q, "))"))) ||
	       sg_buf_adds(q, " } }") ||
	       /* (links to any entity: the last step's are kept to the
		* selection below) */
	       hop(q, &links, "?n", "?q", "?x", NULL) ||
	       /* (a VALUES in a branch of a UNION: Virtuoso 7 finds
		* nothing) */
	       (last && reached &&
		(sg_buf_adds(q, label ? " FILTER(?x = ?f" : " FILTER(?x IN (") ||
		 (!label && (add_iris(q, reached, ", ") ||
			     sg_buf_adds(q, ")"))) ||
		 sg_buf_adds(q, " || EXISTS { ") ||
		 (!label && add_values(q, "f", frontier)) ||
		 hop(q, so, "?f", "?px", "?x", NULL) ||
		 sg_buf_adds(q, " })"))) ||
	       sg_buf_addf(q, " } GROUP BY ?n%s ORDER BY DESC(?links) ?n "
			   "LIMIT %zu }", f, limit) ||
	       (label && (sg_buf_adds(q, " OPTIONAL {") ||
			  hop(q, so, "?f", "?p", "?n", "?dir") ||
			  sg_buf_adds(q, " BIND(IF(?dir = \"out\", ?f, ?n) AS ?s)"
				      " BIND(IF(?dir = \"out\", ?n, ?f) AS ?o) }"))) ||
	       sg_buf_adds(q, " }");
}

/* A filter that keeps ?var only when it is neither one of the IRIs of
 * inner nor a step from one: past them. */
static int beyond(sg_buf *q, const sg_select_opts *so, const char *var,
		  const json_t *inner)
{
	return sg_buf_adds(q, " FILTER NOT EXISTS {") ||
	       add_values(q, "inner", inner) ||
	       hop(q, so, "?inner", "?innerp", var, NULL) ||
	       sg_buf_addf(q, " } FILTER(%s NOT IN (", var) ||
	       add_iris(q, inner, ", ") || sg_buf_adds(q, "))");
}

/* The links between the IRI near and ?n, either way, of the relation
 * types so asks for: ?nq, ?nway (a selection counts them so). */
static int near_hop(sg_buf *q, const sg_select_opts *so, const char *near)
{
	const sg_select_opts links = any_way(so);
	sg_buf a = SG_BUF_INIT;
	int r = sg_buf_addf(&a, "<%s>", near) ||
		hop(q, &links, sg_buf_str(&a), "?nq", "?n", "?nway") ||
		sg_buf_addf(q, " FILTER(?n != <%s>)", near);

	sg_buf_release(&a);
	return r;
}

/* Each entity one step out from the IRIs of frontier reaches, ?n, once,
 * in the group ?k ("F DIR P") the least of its links to the frontier
 * makes, and of its least type ?t (see add_unloaded, which finds the same
 * of those it loaded), with ?m, that group and "|" and how many links it
 * has to F (a file's summary counts links, not entities); inner, when
 * not NULL: only the entities past those IRIs and their step (the
 * frontier one step past a cut); near, when not NULL: with ?la, how many
 * links join each to that IRI (near_hop), 0 or more. */
static int group_query(sg_buf *q, const sg_select_opts *so,
		       const json_t *frontier, const json_t *inner,
		       const char *near)
{
	/* near one of the frontier, both ways: its links are the step's
	 * own, counted as they come (joined to its 30,000 links, Virtuoso
	 * 7 took 4.3 s against 0.4 for the 1M hub's second step) */
	int within = near && so->direction == SG_BOTH &&
		     holds(frontier, near);
	sg_buf a = SG_BUF_INIT;
	int r = within ? sg_buf_addf(&a, " (SUM(IF(?f = <%s>, 1, 0)) AS ?a)",
				     near) :
		near ? sg_buf_adds(&a, " (COUNT(DISTINCT CONCAT(?nway, "
				       "STR(?nq))) AS ?a)") : 0;

	/* (each entity's least link to each of the frontier, with how many
	 * it has, and then the least of those: its links to one are the
	 * group's only when it is the one the group names; the links to
	 * near inside: Virtuoso 7 fails a join of this query to another,
	 * "SQ156 Bad dfe") */
	r = r || sg_buf_addf(q, "{ SELECT ?n (MIN(CONCAT(?kf, \"|\", STR(?l)))"
			     " AS ?m) (MIN(STR(?class)) AS ?t)%s WHERE { { "
			     "SELECT ?n ?f (MIN(CONCAT(STR(?f), \" \", ?dir, "
			     "\" \", STR(?p))) AS ?kf) (COUNT(*) AS ?l)%s "
			     "WHERE {", within ? " (SUM(?a) AS ?la)" :
			     near ? " (MAX(?a) AS ?la)" : "", sg_buf_str(&a));
	sg_buf_release(&a);
	return r || step_pattern(q, so, frontier) ||
	       sg_buf_adds(q, " FILTER(isIRI(?n))") ||
	       (inner && beyond(q, so, "?n", inner)) ||
	       (within && sg_buf_addf(q, " FILTER(?n != <%s>)", near)) ||
	       (near && !within && near_hop(q, so, near)) ||
	       sg_buf_adds(q, " } GROUP BY ?n ?f } OPTIONAL { ?n <" RDF_TYPE
			      "> ?class } } GROUP BY ?n } "
			      "BIND(STRBEFORE(?m, \"|\") AS ?k)");
}

/* How many entities one step out from the IRIs of frontier reaches, by
 * group (group_query), and their links ?l to the group's entity; and how
 * many links ?d each of the frontier has by predicate (its rank, see fold
 * in select.c). */
static int count_query(sg_buf *q, const sg_select_opts *so,
		       const json_t *frontier, const json_t *inner)
{
	return sg_buf_adds(q, "SELECT ?k ?t ?c ?l ?f ?p ?d WHERE { { SELECT ?k "
			      "?t (COUNT(?n) AS ?c) (SUM(<http://www.w3.org/2001/"
			      "XMLSchema#integer>(STRAFTER(?m, \"|\"))) AS ?l) "
			      "WHERE { ") ||
	       group_query(q, so, frontier, inner, NULL) ||
	       sg_buf_adds(q, " } GROUP BY ?k ?t } UNION { "
			      "SELECT ?f ?p (COUNT(*) AS ?d) WHERE {") ||
	       step_pattern(q, so, frontier) ||
	       sg_buf_adds(q, " FILTER(isIRI(?n)) } GROUP BY ?f ?p } }");
}

/* How many entities the hops steps from the IRIs of inner hold, each
 * once, past inner's own (which add_unloaded adds: Virtuoso 7 left a
 * focus out of a branch that named it, 681 for 682): the selection from
 * the cut's step to the last (add_unloaded counts those past the
 * entities not fetched from it). */
static int total_query(sg_buf *q, const sg_select_opts *so,
		       const json_t *inner, int hops)
{
	/* (a VALUES in a branch of the UNION: Virtuoso 7 counts 1) */
	int r = sg_buf_adds(q, "SELECT (COUNT(DISTINCT ?x) AS ?total) WHERE "
			       "{ ") ||
		add_values(q, "from", inner);

	for (int h = 1; h <= hops && !r; h++) {
		r = sg_buf_adds(q, h > 1 ? " UNION {" : " {");
		for (int k = 1; k <= h && !r; k++) {
			char a[16], p[16], b[16];

			snprintf(a, sizeof(a), k > 1 ? "?m%d" : "?from", k - 1);
			snprintf(p, sizeof(p), "?p%d", k);
			snprintf(b, sizeof(b), k < h ? "?m%d" : "?x", k);
			r = hop(q, so, a, p, b, NULL) ||
			    (k < h && sg_buf_addf(q, " FILTER(isIRI(%s))", b));
		}
		r = r || sg_buf_adds(q, " }");
	}
	return r || sg_buf_adds(q, " FILTER(isIRI(?x) && ?x NOT IN (") ||
	       add_iris(q, inner, ", ") || sg_buf_adds(q, ")) }");
}

/* What the drawing needs of the entity var: its statements ?p ?o, types,
 * literals (labels and the other literals in lang, else English, else
 * untagged) and links. */
static int needs_pattern(sg_buf *q, const char *var, const char *lang)
{
	int r = sg_buf_addf(q, "%s ?p ?o FILTER(!isLiteral(?o) || "
			       "lang(?o) = \"\" || langMatches(lang(?o), ",
			    var) ||
		add_literal(q, lang) || sg_buf_adds(q, ")");

	/* English where lang has nothing (Wikidata's labels are in 300
	 * languages: the others are not fetched) */
	if (!r && strcasecmp(lang, "en"))
		r = sg_buf_addf(q, " || (langMatches(lang(?o), \"en\") && "
			       "NOT EXISTS { %s ?p ?other FILTER("
			       "langMatches(lang(?other), ", var) ||
		    add_literal(q, lang) || sg_buf_adds(q, ")) })");
	return r || sg_buf_adds(q, ")");
}

/* What the drawing needs of the entities reached (needs_pattern), their
 * links to one another among the rest. */
static int needs_query(sg_buf *q, const json_t *reached, const char *lang)
{
	return sg_buf_adds(q, "SELECT ?s ?p ?o WHERE { ") ||
	       add_values(q, "s", reached) ||
	       needs_pattern(q, "?s", lang) || sg_buf_adds(q, " }");
}

/* ---- answers ---- */

/* The rows of a SPARQL JSON answer to one of our queries (?s ?p ?o, each
 * term an object of strings). */
static json_t *answer_rows(const struct sparql_body *body, const char *type,
			   const char *url, json_t **root, sg_error *err)
{
	json_error_t je;
	json_t *rows;

	if (sparql_check_json(body, type, url, err))
		return NULL;
	if (!(*root = json_loadb(sg_buf_str(&body->text), body->text.len, 0,
				 &je))) {
		sg_fail(err, SG_ESYNTAX, url, je.line, je.column, "the answer "
			"is not JSON: %s", je.text);
		return NULL;
	}
	rows = json_object_get(json_object_get(*root, "results"), "bindings");
	if (!json_is_array(rows))
		sg_fail(err, SG_EFETCH, url, 0, 0, "the answer is not SPARQL "
			"JSON results: it has no results.bindings");
	return json_is_array(rows) ? rows : NULL;
}

static const char *term_part(const json_t *row, const char *var,
			     const char *key)
{
	const char *s = json_string_value(json_object_get(
		json_object_get(row, var), key));

	return s ? s : "";
}

/*
 * Rows in one order, as a file sorted so would hold them: the rdf:type
 * statements first, then the rest, each part by subject, predicate,
 * object (value, language, datatype), by their bytes. A store answers in
 * an order of its own, which may change from one run to the next; and a
 * reader numbers entities as their IRIs are first met: typed entities
 * then are in the order of their IRIs, whichever of them the fetch
 * reached, and so are their relations and their colours (each type's
 * in the order its first entity has). A file that declares its entities'
 * types first, sorted so (tests/sparql/gen.py writes one), draws the same.
 */
static int by_triple(const void *a, const void *b)
{
	const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	static const char *const parts[][2] = {
		{ "s", "value" }, { "p", "value" }, { "o", "value" },
		{ "o", "xml:lang" }, { "o", "datatype" }, { "o", "type" },
	};
	int d = (strcmp(term_part(x, "p", "value"), RDF_TYPE) != 0) -
		(strcmp(term_part(y, "p", "value"), RDF_TYPE) != 0);

	for (size_t i = 0; i < SG_ARRAY_SIZE(parts) && !d; i++)
		d = strcmp(term_part(x, parts[i][0], parts[i][1]),
			   term_part(y, parts[i][0], parts[i][1]));
	return d;
}

/* What a neighbourhood's fetch gathers: its rows, each once, and its
 * entities' IRIs, each once, in the order reached; the counts of what
 * it did not fetch (count_query's rows, each answer with the slice of
 * IRIs it counted from). Once cut (a step too large to
 * fetch), a link to an entity not reached is left out: that entity is
 * counted, not drawn. */
struct gathered {
	json_t *rows, *row_keys, *reached, *seen, *counts;
	/* each IRI fetched as one a cut step ranks first: its rank (links
	 * within the selection, as the store counted them) */
	json_t *ranks;
	int cut;
	/* once cut: the IRIs the cut step went out from, and those it
	 * fetched */
	json_t *inner, *top;
	/* once cut: the steps from inner to the last, the cut's one */
	int hops;
	/* the IRIs named (see take_named) past the cut's step: the only
	 * ones loaded there */
	json_t *past;
	/* a summary holds entities further out whose names were not asked
	 * for (see named_query) */
	int unnamed;
	/* the groups a summary holds beside another entity than its own,
	 * "B\x1fK\x1fT" (the batch in counts, the group, its type): {"near":
	 * the summary's entity, "links": how many the store counted between
	 * it and the group's entities}; and the relation types of such
	 * links, "NEAR\x1fP" (see near_query) */
	json_t *near, *near_types;
	/* a step cut to the page went out from more IRIs than a request
	 * holds (its counts overlap), or ranked all links (see ask_step):
	 * how many IRIs */
	size_t sliced, ranked_all;
};

static int gathered_init(struct gathered *g, sg_error *err)
{
	*g = (struct gathered){ .rows = json_array(),
				.row_keys = json_object(),
				.reached = json_array(), .seen = json_object(),
				.counts = json_array(), .ranks = json_object(),
				.past = json_object(), .near = json_object(),
				.near_types = json_object() };
	return g->rows && g->row_keys && g->reached && g->seen && g->counts &&
	       g->ranks && g->past && g->near && g->near_types ?
	       0 : sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
}

static void gathered_release(struct gathered *g)
{
	json_decref(g->rows);
	json_decref(g->row_keys);
	json_decref(g->reached);
	json_decref(g->seen);
	json_decref(g->counts);
	json_decref(g->ranks);
	json_decref(g->inner);
	json_decref(g->top);
	json_decref(g->past);
	json_decref(g->near);
	json_decref(g->near_types);
}

/* Adds the answer's rows; the IRIs not reached before to next (when not
 * NULL) and to reached. */
static int gather(struct gathered *g, const json_t *rows, json_t *next,
		  const char *url, sg_error *err)
{
	sg_buf key = SG_BUF_INIT;
	size_t i;
	json_t *row;
	int r = 0;

	json_array_foreach(rows, i, row) {
		static const char *const vars[] = { "s", "p", "o" };

		for (size_t k = 0; k < 3 && !r; k++)
			if (!json_is_object(json_object_get(row, vars[k])) ||
			    !json_is_string(json_object_get(json_object_get(
					  row, vars[k]), "value")))
				r = sg_fail(err, SG_EFETCH, url, 0, 0, "row %zu "
					    "of the answer has no ?%s term",
					    i + 1, vars[k]);
		sg_buf_reset(&key);
		for (size_t k = 0; k < 3 && !r; k++)
			r = sg_buf_addf(&key, "%s\x1f%s\x1f%s\x1f",
					term_part(row, vars[k], "value"),
					term_part(row, vars[k], "xml:lang"),
					term_part(row, vars[k], "datatype"));
		if (r)
			break;
		if (json_object_get(g->row_keys, sg_buf_str(&key)) ||
		    (g->cut && !next &&
		     strcmp(term_part(row, "p", "value"), RDF_TYPE) &&
		     strcmp(term_part(row, "o", "type"), "literal") &&
		     strcmp(term_part(row, "o", "type"), "typed-literal") &&
		     !json_object_get(g->seen,
				      term_part(row, "o", "value"))))
			continue;
		if (json_object_set(g->row_keys, sg_buf_str(&key),
				    json_true()) ||
		    json_array_append(g->rows, row)) {
			r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				    "out of memory");
			break;
		}
		for (size_t k = 0; k < 3 && !r && next; k += 2) {
			const char *iri = term_part(row, vars[k], "value");

			/* (a blank node has no name another query knows) */
			if (strcmp(term_part(row, vars[k], "type"), "uri") ||
			    json_object_get(g->seen, iri) || !plain_iri(iri))
				continue;
			if (json_object_set(g->seen, iri, json_true()) ||
			    json_array_append_new(next, json_string(iri)) ||
			    json_array_append_new(g->reached,
						  json_string(iri)))
				r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
					    "out of memory");
		}
	}
	sg_buf_release(&key);
	return r;
}

/*
 * IRIs a query names in IN lists (or VALUES beside them) are asked for
 * VALUES_AT_ONCE at a time, a request a slice: a store compiles them into
 * an expression of bounded size (Virtuoso 7 refuses a few thousand IRIs:
 * "too many arguments").
 */
#define VALUES_AT_ONCE 500
#define RANKED_AT_ONCE 50
/* (the refusal is of IN lists: the query of what the drawing needs has
 * VALUES only, and Virtuoso 7 takes 4,000 IRIs in one; 3,000, a 60-box
 * page's links, make it one request for a page) */
#define NEEDS_AT_ONCE 3000
/* A step's own request names its frontier in VALUES only (its IN lists
 * are of those reached, VALUES_AT_ONCE at most): 1,000 make the 10k
 * graph's frontier of 533 one request, its counts exact (1,411 entities,
 * not 1,439), 5.3 s against 8.1; a request of 3,000 took Virtuoso 7 more
 * than 60 s. */
#define STEP_AT_ONCE 1000

/* What the answers to one step hold, slice by slice, until it is known
 * whether the step fits the page. */
struct step_answers {
	json_t *rows;   /* the step's links, while they fit */
	json_t *top;    /* the links to the entities ranked first */
	json_t *counts; /* count_query's answers: {slice, rows, beyond} */
	json_t *ranks;  /* the entities ranked first: their ranks */
	size_t left;    /* the links the step may still have */
	int over;       /* it has more: cut */
};

static int step_answers_init(struct step_answers *sa, size_t most)
{
	*sa = (struct step_answers){ json_array(), json_array(), json_array(),
				     json_object(), most, 0 };
	return sa->rows && sa->top && sa->counts && sa->ranks ? 0 : -1;
}

static void step_answers_release(struct step_answers *sa)
{
	json_decref(sa->rows);
	json_decref(sa->top);
	json_decref(sa->counts);
	json_decref(sa->ranks);
}

/* An answer to one slice (step_query, past_query or a step's answer
 * fed whole, see sparql_read_step), its rows told apart by what they
 * bind: a link's ?s (with ?links: to one ranked first, ?n), or else a
 * count's, or total_query's ?total, into sa. */
static int split_answer(struct step_answers *sa, const json_t *rows,
			json_t *slice, int beyond)
{
	json_t *counts = json_array(), *totals = json_array(), *row;
	size_t i, links = 0;
	int r = counts && totals ? 0 : -1;

	json_array_foreach(r ? NULL : rows, i, row) {
		const char *n = term_part(row, "n", "value");
		const json_t *rank = json_object_get(row, "links");

		/* (take_focus's) */
		if (json_object_get(row, "focus"))
			continue;
		if (!json_object_get(row, "s"))
			r = json_array_append(json_object_get(row, "total") ?
					      totals : counts, row);
		else if (!rank)
			r = json_array_append(sa->rows, row) ? -1 : (links++, 0);
		else
			r = (*n && json_object_set_new(sa->ranks, n,
				    json_integer(strtoll(term_part(row,
					"links", "value"), NULL, 10)))) ||
			    /* (the rank's, not the link's: not read) */
			    json_object_del(row, "n") ||
			    json_object_del(row, "links") ||
			    json_array_append(sa->top, row);
	}
	if (links > sa->left)
		sa->over = 1;
	else
		sa->left -= links;
	for (int k = 0; k < 2 && !r; k++) {
		json_t *part = k ? totals : counts;

		if (json_array_size(part))
			r = json_array_append_new(sa->counts, json_pack(
				"{s:O, s:O, s:b}", "slice", slice, "rows", part,
				"beyond", beyond)) ? -1 : 0;
	}
	json_decref(counts);
	json_decref(totals);
	return r;
}

/* The step's answers into g: its links when they fit (IRIs not reached
 * before to next); else those to the entities ranked first, their ranks
 * and the counts of the rest, and g is cut. */
static int take_step(struct gathered *g, const struct step_answers *sa,
		     json_t *next, const char *url, sg_error *err)
{
	const char *n;
	json_t *v;
	size_t i;
	int r;

	if (!sa->over)
		return gather(g, sa->rows, next, url, err);
	g->cut = 1;
	r = gather(g, sa->top, next, url, err);
	json_array_foreach(r ? NULL : sa->counts, i, v)
		if (json_array_append(g->counts, v))
			r = -1;
	json_object_foreach(r ? NULL : sa->ranks, n, v)
		if (json_object_set(g->ranks, n, v))
			r = -1;
	return r < 0 ? sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") :
	       r;
}

/* Asks query; its rows (owned by *root) into *rows. */
static int ask_rows(struct fetch *f, const sg_buf *query,
		    struct sparql_body *body, json_t **root, json_t **rows,
		    sg_error *err)
{
	const char *type;

	*root = NULL;
	return ask(f, sg_buf_str(query), 0, body, &type, err) ||
	       !(*rows = answer_rows(body, type, f->o->url, root, err)) ?
	       -1 : 0;
}

/* The IRIs of list from at, n at most, into slice (a new array). */
static int slice_of(const json_t *list, size_t at, size_t n, json_t **slice)
{
	*slice = json_array();
	for (size_t i = at; *slice && i < json_array_size(list) &&
			    i < at + n; i++)
		if (json_array_append(*slice, json_array_get(list, i))) {
			json_decref(*slice);
			*slice = NULL;
		}
	return *slice ? 0 : -1;
}

/* 0 when iri may be written in a query; else -1, and why. */
static int nameable(const char *iri, sg_error *err)
{
	return plain_iri(iri) ? 0 : sg_fail(err, SG_EUSAGE, NULL, 0, 0, "'%s' "
					    "is no IRI a query can name", iri);
}

/* The IRI of the one entity label names, into iri, from the rows of an
 * answer that bind var (label_pattern's, LIMIT 11). */
static int one_named(const struct fetch *f, const char *label,
		     const json_t *rows, const char *var, sg_buf *iri,
		     sg_error *err)
{
	sg_buf names = SG_BUF_INIT;
	const char *one = NULL;
	size_t i, n = 0;
	json_t *row;
	int r = 0;

	json_array_foreach(rows, i, row) {
		const char *s = term_part(row, var, "value");

		if (!*s)
			continue;
		if (n < 10)
			sg_buf_addf(&names, "%s'%s'", n ? ", " : "", s);
		one = s;
		n++;
	}
	if (n == 1)
		r = sg_buf_adds(iri, one) ?
		    sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") :
		    nameable(one, err);
	else if (!n)
		r = sg_fail(err, SG_EUNKNOWN, f->o->url, 0, 0, "unknown "
			    "entity '%s': no rdfs:label, skos:prefLabel or "
			    "schema:name reads it", label);
	else
		r = sg_fail(err, SG_EAMBIGUOUS, f->o->url, 0, 0, "entity name "
			    "'%s' is ambiguous: it matches %s%s", label,
			    sg_buf_str(&names), n > 10 ? " and more" : "");
	sg_buf_release(&names);
	return r;
}

/* The IRI iri in place of a label's focus, first of ga->reached and of
 * list, and seen: the step goes out from it. */
static int focus_found(struct gathered *ga, json_t *list, const char *iri,
		       sg_error *err)
{
	return json_array_set_new(ga->reached, 0, json_string(iri)) ||
	       json_array_set_new(list, 0, json_string(iri)) ||
	       json_object_set(ga->seen, iri, json_true()) ?
	       sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") : 0;
}

/* The IRI of the one entity a label's focus (label_of) reads, as the
 * first step's request found it (its rows that bind ?focus), in place of
 * the label (focus_found); none found leaves the label. */
static int take_focus(const struct fetch *f, struct gathered *ga,
		      const json_t *label, const json_t *rows, json_t *slice,
		      sg_error *err)
{
	sg_buf iri = SG_BUF_INIT;
	size_t i;
	json_t *row;
	int found = 0, r;

	json_array_foreach(rows, i, row)
		found = found || json_object_get(row, "focus");
	r = found && (one_named(f, json_string_value(json_object_get(label,
				"label")), rows, "focus", &iri, err) ||
		      focus_found(ga, slice, sg_buf_str(&iri), err));
	sg_buf_release(&iri);
	return r ? -1 : 0;
}

/*
 * One step out from the IRIs of frontier, a request a slice. With a page
 * (most: the links a step may have), each request asks for the links
 * (one past most tells it has more), for those to the entities ranked
 * first and for the counts of what they reach, at once: a store that
 * answers "too many" has done the rest of the step in the same round
 * trip. last: the selection ends at this step (see top_query).
 */
static int ask_step(struct fetch *f, struct gathered *ga,
		    const json_t *frontier, const sg_select_opts *so,
		    size_t most, int last, struct sparql_body *body,
		    json_t *next, sg_error *err)
{
	struct step_answers sa;
	sg_buf q = SG_BUF_INIT;
	/* (past VALUES_AT_ONCE reached, none are named: see top_query) */
	const json_t *reached = json_array_size(ga->reached) <=
				VALUES_AT_ONCE ? ga->reached : NULL;

	/* Virtuoso 7 takes seconds to rank within the selection from a
	 * frontier of hundreds (8.7 s for 322 IRIs, against 0.75 s for all
	 * links): past RANKED_AT_ONCE, all links rank */
	int ranked_all = last && (json_array_size(frontier) > RANKED_AT_ONCE ||
				  !reached);
	int r = step_answers_init(&sa, most);
	/* (a label's focus is found by the request of its first step) */
	const json_t *label = label_of(frontier);

	last = last && !ranked_all;
	for (size_t at = 0; at < json_array_size(frontier) && !r;
	     at += STEP_AT_ONCE) {
		json_t *slice = NULL, *root = NULL, *rows = NULL;
		int page = most != SIZE_MAX, joined = page || label;

		sg_buf_reset(&q);
		r = slice_of(frontier, at, STEP_AT_ONCE, &slice) ||
		    (joined && sg_buf_adds(&q, "SELECT * WHERE { {")) ||
		    (!sa.over && step_query(&q, so, slice, page ?
					    sa.left + 1 : 0)) ||
		    (page && !sa.over && sg_buf_adds(&q, " } UNION {")) ||
		    (page && (top_query(&q, so, slice, reached, last,
					so->max_entities) ||
			      sg_buf_adds(&q, " } UNION {") ||
			      count_query(&q, so, slice, NULL))) ||
		    (label && (sg_buf_adds(&q, " } UNION { SELECT DISTINCT "
					   "?focus WHERE { ") ||
			       label_pattern(&q, "?focus", label) ||
			       sg_buf_adds(&q, " } LIMIT 11"))) ||
		    (joined && sg_buf_adds(&q, " } }"));
		if (r)
			r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				    "out of memory");
		else if (!(r = ask_rows(f, &q, body, &root, &rows, err)) &&
			 label)
			r = take_focus(f, ga, label, rows, slice, err);
		if (!r && split_answer(&sa, rows, slice, 0))
			r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				    "out of memory");
		json_decref(root);
		json_decref(slice);
	}
	/* (the store counts what it walks: --where and --exclude choose
	 * by what only the selection reads, names and attributes) */
	if (!r && sa.over && (so->nwhere || so->nexclude))
		r = sg_fail(err, SG_EUSAGE, f->o->url, 0, 0, "a step of more "
			    "than %zu links passes the page, and the store "
			    "cannot count it as --%s leaves it: draw it with "
			    "--max-nodes 0, or from a file", most,
			    so->nwhere ? "where" : "exclude");
	if (sa.over && json_array_size(frontier) > STEP_AT_ONCE)
		ga->sliced = json_array_size(frontier);
	if (sa.over && ranked_all)
		ga->ranked_all = json_array_size(frontier);
	/* (a label no entity was found by: the caller asks otherwise) */
	if (!r && !label_of(ga->reached))
		r = take_step(ga, &sa, next, f->o->url, err);
	step_answers_release(&sa);
	sg_buf_release(&q);
	return r;
}

/* One step past a cut, a request a slice of frontier: only counted
 * (count_query), and with the first, what lies past the entities the
 * cut's step did not fetch (total_query), when ga->inner names them. */
static int ask_past(struct fetch *f, struct gathered *ga,
		    const json_t *frontier, const sg_select_opts *so,
		    struct sparql_body *body, sg_error *err)
{
	struct step_answers sa;
	sg_buf q = SG_BUF_INIT;
	int r = step_answers_init(&sa, 0);

	for (size_t at = 0; at < json_array_size(frontier) && !r;
	     at += VALUES_AT_ONCE) {
		json_t *slice = NULL, *root = NULL, *rows = NULL;
		int total = !at && ga->inner;

		sg_buf_reset(&q);
		if (slice_of(frontier, at, VALUES_AT_ONCE, &slice) ||
		    sg_buf_adds(&q, "SELECT * WHERE { {") ||
		    count_query(&q, so, slice, ga->inner) ||
		    (total && (sg_buf_adds(&q, " } UNION {") ||
			       total_query(&q, so, ga->inner, ga->hops))) ||
		    sg_buf_adds(&q, " } }"))
			r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				    "out of memory");
		else if (!(r = ask_rows(f, &q, body, &root, &rows, err)) &&
			 split_answer(&sa, rows, slice, ga->top != NULL))
			r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				    "out of memory");
		json_decref(root);
		json_decref(slice);
	}
	sa.over = 1;
	r = r || take_step(ga, &sa, NULL, f->o->url, err);
	step_answers_release(&sa);
	sg_buf_release(&q);
	return r;
}

/* What the drawing needs of every entity reached, a request a slice. */
static int ask_needs(struct fetch *f, struct gathered *ga,
		     struct sparql_body *body, sg_error *err)
{
	const char *lang = f->o->lang ? f->o->lang : "en";
	sg_buf q = SG_BUF_INIT;
	int r = 0;

	for (size_t at = 0; at < json_array_size(ga->reached) && !r;
	     at += NEEDS_AT_ONCE) {
		json_t *slice = NULL, *root = NULL, *rows = NULL;

		sg_buf_reset(&q);
		if (slice_of(ga->reached, at, NEEDS_AT_ONCE, &slice) ||
		    needs_query(&q, slice, lang))
			r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				    "out of memory");
		else if (!(r = ask_rows(f, &q, body, &root, &rows, err)))
			r = gather(ga, rows, NULL, f->o->url, err);
		json_decref(root);
		json_decref(slice);
	}
	sg_buf_release(&q);
	return r;
}

/* The IRI of the one entity label names in the store, in any language,
 * into iri. */
static int find_label(struct fetch *f, const char *label,
		      struct sparql_body *body, sg_buf *iri, sg_error *err)
{
	sg_buf q = SG_BUF_INIT;
	json_t *root = NULL, *rows = NULL;
	int r = sg_buf_adds(&q, "SELECT DISTINCT ?s WHERE { VALUES ?p { ") ||
		sg_buf_adds(&q, label_predicates) ||
		sg_buf_adds(&q, " } ?s ?p ?name FILTER(STR(?name) = ") ||
		add_literal(&q, label) || sg_buf_adds(&q, ") } LIMIT 11");

	if (r)
		r = sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	r = r || ask_rows(f, &q, body, &root, &rows, err) ||
	    one_named(f, label, rows, "s", iri, err);
	json_decref(root);
	sg_buf_release(&q);
	return r;
}

/* The gathered rows, in one order, read into g as one SPARQL answer. */
static int read_gathered(sg_graph *g, struct gathered *ga, const char *url,
			 sg_error *err)
{
	size_t n = json_array_size(ga->rows);
	json_t **rows = malloc((n + 1) * sizeof(*rows));
	json_t *doc = NULL, *sorted = json_array();
	char *text = NULL;
	int r = -1;

	if (!rows || !sorted)
		goto oom;
	for (size_t i = 0; i < n; i++)
		rows[i] = json_array_get(ga->rows, i);
	qsort(rows, n, sizeof(*rows), by_triple);
	for (size_t i = 0; i < n; i++)
		if (json_array_append(sorted, rows[i]))
			goto oom;
	doc = json_pack("{s:{s:[sss]}, s:{s:O}}", "head", "vars", "s", "p",
			"o", "results", "bindings", sorted);
	/* one row a line: an error's line is the row's */
	if (!doc || !(text = json_dumps(doc, JSON_INDENT(0) |
					JSON_PRESERVE_ORDER)))
		goto oom;
	r = sg_read_buffer(g, text, strlen(text), url, "sparql", err);
	goto done;
oom:
	sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
done:
	free(text);
	json_decref(doc);
	json_decref(sorted);
	free(rows);
	return r;
}

/* Adds one to the count of key in counts. */
static int add_one(json_t *counts, const char *key)
{
	return json_object_set_new(counts, key, json_integer(
		json_integer_value(json_object_get(counts, key)) + 1));
}

/* The group count_query puts entity n of the loaded ones in, as the
 * store finds it, into best (n: "F DIR P"): the least of its links (rows)
 * to the IRIs of slice, of the predicates counted (counted) and the
 * direction asked for; the links of each of slice among those, into
 * links; and those between n and each of slice f, into pairs ("n\x1ff");
 * those between n and an entity near_query counted links of, of the
 * relation types it counted (near_types), into near ("n\x1fNEAR"). */
static int least_links(json_t *best, json_t *links, json_t *pairs,
		       json_t *near, const json_t *rows, const json_t *slice,
		       const json_t *counted, const json_t *near_types,
		       sg_direction direction, sg_buf *key)
{
	size_t i;
	json_t *row;
	int r = 0;

	json_array_foreach(rows, i, row) {
		const char *ends[2] = { term_part(row, "s", "value"),
					term_part(row, "o", "value") };
		const char *p = term_part(row, "p", "value");

		if (strcmp(term_part(row, "o", "type"), "uri"))
			continue;
		for (int way = 0; way < 2 && !r; way++) {
			/* out: the slice's is the subject, n the object */
			const char *f = ends[way], *n = ends[!way];
			const char *had;

			sg_buf_reset(key);
			r = sg_buf_addf(key, "%s\x1f%s", f, p);
			/* (a link to itself is none a summary has) */
			if (!r && strcmp(f, n) &&
			    json_object_get(near_types, sg_buf_str(key))) {
				sg_buf_reset(key);
				r = sg_buf_addf(key, "%s\x1f%s", n, f) ||
				    add_one(near, sg_buf_str(key));
			}
			if (r || !json_object_get(counted, p) ||
			    !json_object_get(slice, f) ||
			    direction == (way ? SG_OUT : SG_IN))
				continue;
			sg_buf_reset(key);
			had = json_string_value(json_object_get(best, n));
			r = sg_buf_addf(key, "%s %s %s", f, way ? "in" : "out",
					p) ||
			    ((!had || strcmp(sg_buf_str(key), had) < 0) &&
			     json_object_set_new(best, n, json_string(
				     sg_buf_str(key)))) ||
			    add_one(links, f);
			sg_buf_reset(key);
			r = r || sg_buf_addf(key, "%s\x1f%s", n, f) ||
			    add_one(pairs, sg_buf_str(key));
		}
	}
	return r;
}

/* Notes in origins, when not NULL, where g's last sg_unloaded came from
 * (new: a new reference taken): {"batch": the index of its answer in
 * ga->counts, "k", "t": its group, "loaded": those of the group loaded}
 * for a group's count, {"further": true} for those further out. */
static int note_origin(json_t *origins, const sg_graph *g, json_t *new)
{
	char at[24];

	if (!origins) {
		json_decref(new);
		return 0;
	}
	snprintf(at, sizeof(at), "%zu", g->nunloaded - 1);
	return !new || json_object_set_new(origins, at, new);
}

/*
 * The counts of one answer of count_query (the b-th of ga->counts: its
 * rows and the slice of IRIs it counted from) into g: each group's count
 * less the entities of it the fetch loaded, found as the store found
 * them from the links among what was gathered (least: each entity's
 * least type); each of the slice's links not loaded. The entities
 * counted are added to *sum; where each count came from, to origins
 * (note_origin).
 */
static int add_counts(sg_graph *g, const struct gathered *ga, size_t b,
		      const json_t *least, sg_direction direction,
		      json_t *origins, long long *sum, sg_error *err)
{
	const json_t *batch = json_array_get(ga->counts, b);
	json_t *slice = json_object(), *counted = json_object();
	json_t *best = json_object(), *tally = json_object();
	json_t *links = json_object(), *degree = json_object(), *row, *v;
	/* the loaded entities' links: to each of slice, and by group to
	 * the group's entity, and to the entity want_near noted (near) */
	json_t *pairs = json_object(), *tally_links = json_object();
	json_t *near = json_object(), *tally_near = json_object(), *w;
	const json_t *rows = json_object_get(batch, "rows");
	sg_buf key = SG_BUF_INIT, f = SG_BUF_INIT;
	const char *n;
	void *tmp;
	size_t i;
	int r = slice && counted && best && tally && links && degree &&
		pairs && tally_links && near && tally_near ? 0 : -1;

	json_array_foreach(json_object_get(batch, "slice"), i, v)
		r = r || json_object_set(slice, json_string_value(v),
					 json_true());
	/* the predicates counted: of the groups, and of the links */
	json_array_foreach(rows, i, row) {
		const char *p = term_part(row, "p", "value");
		const char *fe = term_part(row, "f", "value");
		const char *gk = strchr(term_part(row, "k", "value"), ' ');

		gk = gk ? strchr(gk + 1, ' ') : NULL;
		r = r || (gk && json_object_set(counted, gk + 1,
						json_true())) ||
		    (*p && json_object_set(counted, p, json_true())) ||
		    (*fe && json_object_set_new(degree, fe, json_integer(
			    json_integer_value(json_object_get(degree, fe)) +
			    strtoll(term_part(row, "d", "value"), NULL,
				    10))));
	}
	r = r || least_links(best, links, pairs, near, ga->rows, slice,
			     counted, ga->near_types, direction, &key);
	/* (past the cut's step, as counted, only what was named there
	 * was loaded: the others linked to slice lie within it) */
	if (json_is_true(json_object_get(batch, "beyond")))
		json_object_foreach_safe(best, tmp, n, v)
			if (!json_object_get(ga->past, n))
				json_object_del(best, n);
	json_object_foreach(r ? NULL : best, n, v) {
		const char *t = json_string_value(json_object_get(least, n));
		const char *k = json_string_value(v);

		sg_buf_reset(&f);
		r = sg_buf_addf(&f, "%s\x1f%.*s", n, (int)strcspn(k, " "), k);
		sg_buf_reset(&key);
		r = r || sg_buf_addf(&key, "%s\x1f%s", k, t ? t : "") ||
		    add_one(tally, sg_buf_str(&key)) ||
		    json_object_set_new(tally_links, sg_buf_str(&key),
			    json_integer(json_integer_value(json_object_get(
				    tally_links, sg_buf_str(&key))) +
					 json_integer_value(json_object_get(
						 pairs, sg_buf_str(&f)))));
		sg_buf_reset(&f);
		r = r || sg_buf_addf(&f, "%zu\x1f%s", b, sg_buf_str(&key));
		w = r ? NULL : json_object_get(ga->near, sg_buf_str(&f));
		sg_buf_reset(&f);
		r = r || (w && (sg_buf_addf(&f, "%s\x1f%s", n,
					    json_string_value(json_object_get(
						    w, "near"))) ||
				json_object_set_new(tally_near,
					sg_buf_str(&key), json_integer(
					json_integer_value(json_object_get(
						tally_near, sg_buf_str(&key))) +
					json_integer_value(json_object_get(
						near, sg_buf_str(&f)))))));
	}
	json_object_foreach(r ? NULL : degree, n, v) {
		long long d = json_integer_value(v) -
			      json_integer_value(json_object_get(links, n));

		if (d > 0 && d <= UINT32_MAX)
			r = sg_graph_add_unloaded(g, &(sg_unloaded){
				.entity = n, .links = (uint32_t)d }, err);
	}
	json_array_foreach(r ? NULL : rows, i, row) {
		const char *gk = term_part(row, "k", "value");
		const char *t = term_part(row, "t", "value");
		const char *dir = strchr(gk, ' ');
		const char *p = dir ? strchr(dir + 1, ' ') : NULL;
		long long c = strtoll(term_part(row, "c", "value"), NULL, 10);
		long long l = strtoll(term_part(row, "l", "value"), NULL, 10);
		long long nl;
		json_int_t loaded;

		sg_buf_reset(&key);
		sg_buf_reset(&f);
		/* (an answer's own words: a group none of ours names) */
		if (!p || !*rd_rdf_local_name(p + 1) ||
		    sg_buf_addf(&key, "%s\x1f%s", gk, t))
			continue;
		loaded = json_integer_value(json_object_get(tally,
							    sg_buf_str(&key)));
		c -= loaded;
		l -= json_integer_value(json_object_get(tally_links,
							sg_buf_str(&key)));
		nl = -json_integer_value(json_object_get(tally_near,
							 sg_buf_str(&key)));
		if (c <= 0 || c > UINT32_MAX)
			continue;
		*sum += c;
		r = sg_buf_addf(&f, "%zu\x1f%s", b, sg_buf_str(&key));
		w = r ? NULL : json_object_get(ga->near, sg_buf_str(&f));
		nl += json_integer_value(json_object_get(w, "links"));
		sg_buf_reset(&f);
		/* (named as the reader names predicates and classes) */
		r = r || sg_buf_add(&f, gk, (size_t)(dir - gk)) ||
		    sg_graph_add_unloaded(g, &(sg_unloaded){
			    .entity = sg_buf_str(&f),
			    .relation_type = rd_rdf_local_name(p + 1),
			    .type = *t ? rd_rdf_local_name(t) : NULL,
			    .dir = strncmp(dir + 1, "in ", 3) ? SG_OUT : SG_IN,
			    .count = (uint32_t)c,
			    .relations = l >= c && l <= UINT32_MAX ?
					 (uint32_t)l : 0,
			    .near = nl > 0 ? json_string_value(json_object_get(
					     w, "near")) : NULL,
			    .near_relations = nl > 0 && nl <= UINT32_MAX ?
					      (uint32_t)nl : 0 }, err) ||
		    note_origin(origins, g, json_pack("{s:I, s:s, s:s, s:I}",
			    "batch", (json_int_t)b, "k", gk, "t", t,
			    "loaded", loaded));
	}
	json_decref(slice);
	json_decref(counted);
	json_decref(best);
	json_decref(tally);
	json_decref(links);
	json_decref(degree);
	json_decref(pairs);
	json_decref(tally_links);
	json_decref(near);
	json_decref(tally_near);
	sg_buf_release(&key);
	sg_buf_release(&f);
	return r;
}

/*
 * The counts of what the fetch did not load, into g (add_counts); and
 * of the entities past those not fetched (total_query's answer, less
 * what was loaded and counted), "+N more" beside the first IRI the cut's
 * step went out from. That is exact for a cut at the first three steps:
 * past them, loaded entities further in than total_query reaches are
 * taken for some it counted.
 */
static int add_unloaded(sg_graph *g, const struct gathered *ga,
			sg_direction direction, json_t *origins,
			sg_error *err)
{
	json_t *least = json_object(), *batch, *row, *rank;
	long long sum = (long long)json_array_size(ga->reached);
	const char *n;
	size_t i;
	int r = least ? 0 : -1;

	/* each entity's least type, as the store's MIN(STR(?class)) */
	json_array_foreach(r ? NULL : ga->rows, i, row) {
		const char *s = term_part(row, "s", "value");
		const char *t = term_part(row, "o", "value");
		const char *had = json_string_value(json_object_get(least, s));

		if (!strcmp(term_part(row, "p", "value"), RDF_TYPE) &&
		    (!had || strcmp(t, had) < 0))
			r = json_object_set_new(least, s, json_string(t));
	}
	json_array_foreach(r ? NULL : ga->counts, i, batch) {
		const json_t *total = json_object_get(json_array_get(
			json_object_get(batch, "rows"), 0), "total");
		long long c;

		if (!total) {
			r = add_counts(g, ga, i, least, direction, origins,
				       &sum, err);
			continue;
		}
		c = strtoll(term_part(json_array_get(json_object_get(
			batch, "rows"), 0), "total", "value"), NULL, 10) +
		    (long long)json_array_size(ga->inner) - sum;
		if (c > 0 && c <= UINT32_MAX && json_array_size(ga->inner))
			r = sg_graph_add_unloaded(g, &(sg_unloaded){
				.entity = json_string_value(json_array_get(
					ga->inner, 0)),
				.further = 1, .count = (uint32_t)c }, err) ||
			    note_origin(origins, g, json_pack("{s:b}",
							      "further", 1));
	}
	json_object_foreach(r ? NULL : ga->ranks, n, rank) {
		long long d = json_integer_value(rank);

		if (d > 0 && d <= UINT32_MAX)
			r = sg_graph_add_unloaded(g, &(sg_unloaded){
				.entity = n, .degree = (uint32_t)d }, err);
	}
	json_decref(least);
	return r ? sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") : 0;
}

int sparql_read_step(sg_graph *g, const struct sparql_body *body,
		     const char *type, const char *url, sg_error *err)
{
	struct gathered ga;
	struct step_answers sa;
	json_t *root = NULL, *rows, *next = json_array();
	int r = -1;

	if (gathered_init(&ga, err) || step_answers_init(&sa, SIZE_MAX) ||
	    !next) {
		sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	if (!(rows = answer_rows(body, type, url, &root, err)))
		goto done;
	/* (the counts are of the IRIs the links reach: next, once taken) */
	if (split_answer(&sa, rows, next, 0)) {
		sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	sa.over = json_array_size(sa.counts) || json_array_size(sa.top);
	if (take_step(&ga, &sa, next, url, err))
		goto done;
	ga.inner = json_incref(next);
	r = read_gathered(g, &ga, url, err) ||
	    add_unloaded(g, &ga, SG_BOTH, NULL, err) ? -1 : 0;
done:
	json_decref(root);
	json_decref(next);
	step_answers_release(&sa);
	gathered_release(&ga);
	return r;
}

/* The types so's filters name, into g (as types of nothing more the
 * store holds, beside entity, one reached): the store left out what they
 * name, or the neighbourhood has none, where the file has them, and a
 * filter's type a graph does not know is an error. After every type the
 * answers give, as resolving takes them: in the file's order. */
static int declare_filtered(sg_graph *g, const sg_select_opts *so,
			    const char *entity, sg_error *err)
{
	const struct {
		int relation;
		const char *const *names;
		size_t n;
	} lists[] = {
		{ 0, so->entity_types, so->nentity_types },
		{ 0, so->exclude_types, so->nexclude_types },
		{ 1, so->relation_types, so->nrelation_types },
		{ 1, so->exclude_relations, so->nexclude_relations },
	};
	sg_buf iri = SG_BUF_INIT;
	int r = 0;

	for (size_t l = 0; l < SG_ARRAY_SIZE(lists) && !r; l++)
		for (size_t i = 0; i < lists[l].n && !r; i++) {
			const char *name = lists[l].names[i];
			int full = as_iri(name, &iri);

			if (full < 0) {
				r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
					    "out of memory");
				break;
			}
			if (full)
				name = rd_rdf_local_name(sg_buf_str(&iri));
			r = sg_graph_add_unloaded(g, &(sg_unloaded){
				.entity = entity,
				.relation_type = lists[l].relation ? name :
								     NULL,
				.type = lists[l].relation ? NULL : name }, err);
		}
	sg_buf_release(&iri);
	return r;
}

/* The entities of ga not to ask for again: NOT IN a list of those
 * reached while it is short enough (VALUES_AT_ONCE), else none (*all:
 * those loaded are asked for too, and passed over). */
static int not_reached(sg_buf *q, const struct gathered *ga, int *all)
{
	*all = json_array_size(ga->reached) <= VALUES_AT_ONCE;
	return *all && (sg_buf_adds(q, " FILTER(?n NOT IN (") ||
			add_iris(q, ga->reached, ", ") ||
			sg_buf_adds(q, "))"));
}

/* The first entities of one group of batch (the b-th of ga->counts)
 * that a summary holds and the fetch did not load, most at most, by IRI:
 * a subquery of named_query binding ?n and its group ?k. groups: the
 * origins (note_origin) of its counts in the summary; all: they are all
 * of the batch's, and the entities are chosen first, their groups found
 * after (Virtuoso 7 groups a hub's 28,000 in seconds). */
static int named_part(sg_buf *q, const struct gathered *ga,
		      const sg_select_opts *so, size_t b, const json_t *groups,
		      int all, size_t most)
{
	const json_t *batch = json_array_get(ga->counts, b), *o;
	const json_t *slice = json_object_get(batch, "slice");
	const json_t *inner = json_is_true(json_object_get(batch, "beyond")) ?
			      ga->inner : NULL;
	size_t i;
	int out = 0, r;

	if (all)
		r = sg_buf_adds(q, " { SELECT ?n (MIN(CONCAT(STR(?f), \" \", "
				   "?dir, \" \", STR(?p))) AS ?k) WHERE { { "
				   "SELECT DISTINCT ?n WHERE {") ||
		    step_pattern(q, so, slice) ||
		    sg_buf_adds(q, " FILTER(isIRI(?n))") ||
		    (inner && beyond(q, so, "?n", inner)) ||
		    not_reached(q, ga, &out);
	else
		r = sg_buf_adds(q, " { SELECT ?n ?k WHERE { ") ||
		    group_query(q, so, slice, inner, NULL);
	json_array_foreach(all ? NULL : groups, i, o)
		r = r || sg_buf_adds(q, i ? " || (?k = " : " FILTER((?k = ") ||
		    add_literal(q, json_string_value(json_object_get(o,
								     "k"))) ||
		    sg_buf_adds(q, " && COALESCE(?t, \"\") = ") ||
		    add_literal(q, json_string_value(json_object_get(o,
								     "t"))) ||
		    sg_buf_adds(q, ")");
	r = r || (!all && (sg_buf_adds(q, ")") ||
			   not_reached(q, ga, &out)));
	json_array_foreach(out ? NULL : groups, i, o)
		most += (size_t)json_integer_value(json_object_get(o,
								   "loaded"));
	r = r || sg_buf_addf(q, " } ORDER BY STR(?n) LIMIT %zu }", most);
	return r || (all && (step_pattern(q, so, slice) ||
			     sg_buf_adds(q, " } GROUP BY ?n }")));
}

/* The entities one step from the IRIs of list, each once, with ?past
 * 1: a branch of further_part's UNION. */
static int near_branch(sg_buf *q, const sg_select_opts *so, const char *var,
		       const json_t *list)
{
	char hopped[24], link[24];

	snprintf(hopped, sizeof(hopped), "?%s", var);
	snprintf(link, sizeof(link), "?%sp", var);
	return sg_buf_adds(q, " UNION { SELECT DISTINCT ?x (1 AS ?past) "
			      "WHERE { ") ||
	       add_values(q, var, list) ||
	       hop(q, so, hopped, link, "?x", NULL) || sg_buf_adds(q, " } }");
}

/*
 * The first entities further out than the step past a cut (total_query's,
 * not fetched), most at most, by IRI, two steps from the IRIs the cut
 * step went out from (those three or more steps out are not asked for),
 * each with the entity of that step it is reached through, by the least
 * of such links, and that one's least link to those IRIs: a subquery of
 * named_query binding each of the two as ?n with its group ?k, the link
 * that places it ("F DIR P"). The entities past the step are told from
 * those in it, or a step from the ones fetched, by a mark each (?past)
 * and the least of them, not by NOT EXISTS: Virtuoso 7 took 57 s over
 * that for the 1M hub's 30,000 a step from those fetched, 1.3 s so.
 */
static int further_part(sg_buf *q, const struct gathered *ga,
			const sg_select_opts *so, size_t most)
{
	return sg_buf_adds(q, " { { SELECT ?x (MIN(?v) AS ?via) WHERE { "
			      "{ SELECT ?x (CONCAT(STR(?n), \" \", ?way, "
			      "\" \", STR(?q), \"|\", STR(?f), \" \", ?dir, "
			      "\" \", STR(?p), \"|\") AS ?v) (0 AS ?past) "
			      "WHERE {") ||
	       step_pattern(q, so, ga->inner) ||
	       sg_buf_adds(q, " FILTER(isIRI(?n))") ||
	       hop(q, so, "?n", "?q", "?x", "?way") ||
	       sg_buf_adds(q, " FILTER(isIRI(?x)) } }") ||
	       near_branch(q, so, "inner", ga->inner) ||
	       near_branch(q, so, "top", ga->top) ||
	       sg_buf_adds(q, " FILTER(?x NOT IN (") ||
	       add_iris(q, ga->reached, ", ") ||
	       sg_buf_addf(q, ")) } GROUP BY ?x HAVING(MAX(?past) = 0) "
			   "ORDER BY STR(?x) LIMIT %zu }", most) ||
	       /* (each twice: the entity, then the one it is reached
		* through; by a VALUES joined, as a UNION of two has
		* Virtuoso 7 find them twice over: 14.8 s against 7.4) */
	       sg_buf_adds(q, " VALUES ?w { 1 2 } "
			      "BIND(IF(?w = 1, ?x, IRI(STRBEFORE(?via, \" \")))"
			      " AS ?n) BIND(IF(?w = 1, STRBEFORE(?via, \"|\"), "
			      "STRBEFORE(STRAFTER(?via, \"|\"), \"|\")) AS ?k) "
			      "}");
}

/* Notes in ga->near the group of origin o (of the b-th batch) when
 * v's summary s, which holds it, lies beside another entity than the
 * group's: a file's summary has the relations of its entity to all it
 * holds, and the store's count of a group has those to the group's. */
static int want_near(struct gathered *ga, const sg_view *v, uint32_t s,
		     size_t b, const json_t *o)
{
	uint32_t a = v->folds[s].anchor;
	const char *k = json_string_value(json_object_get(o, "k"));
	const char *id = a != SG_NONE ? v->graph->entities[a].id : NULL;
	sg_buf key = SG_BUF_INIT;
	int r;

	if (!id || (!strncmp(k, id, strlen(id)) && k[strlen(id)] == ' '))
		return 0;
	r = sg_buf_addf(&key, "%zu\x1f%s\x1f%s", b, k, json_string_value(
				json_object_get(o, "t"))) ||
	    json_object_set_new(ga->near, sg_buf_str(&key),
				json_pack("{s:s}", "near", id));
	sg_buf_release(&key);
	return r;
}

/* The branches of named_query that count, for each batch and entity
 * want_near noted, the links between that entity (?near) and the
 * entities of each group of the batch (?nl, by ?k and ?t, with ?batch);
 * and the relation types of that entity's links (?nq): how many of the
 * links counted were loaded, see add_counts. *parts: one more each. */
static int near_query(sg_buf *q, const struct gathered *ga,
		      const sg_select_opts *so, size_t *parts)
{
	json_t *asked = json_object(), *w;
	const char *key;
	sg_buf pair = SG_BUF_INIT;
	int r = asked ? 0 : -1;

	json_object_foreach(r ? NULL : ga->near, key, w) {
		size_t b = strtoul(key, NULL, 10);
		const json_t *batch = json_array_get(ga->counts, b);
		const char *near = json_string_value(json_object_get(w,
								     "near"));
		int first = !json_object_get(asked, near);

		sg_buf_reset(&pair);
		if ((r = sg_buf_addf(&pair, "%zu\x1f%s", b, near)))
			break;
		if (json_object_get(asked, sg_buf_str(&pair)))
			continue;
		r = json_object_set(asked, sg_buf_str(&pair), json_true()) ||
		    json_object_set(asked, near, json_true()) ||
		    (*parts && sg_buf_adds(q, " UNION")) ||
		    sg_buf_addf(q, " { SELECT ?k ?t (SUM(?la) AS ?nl) (<%s> AS "
				"?near) (%zu AS ?batch) WHERE { ", near, b) ||
		    group_query(q, so, json_object_get(batch, "slice"),
				json_is_true(json_object_get(batch, "beyond")) ?
				ga->inner : NULL, near) ||
		    sg_buf_adds(q, " } GROUP BY ?k ?t HAVING(SUM(?la) > 0) }") ||
		    (first && (sg_buf_addf(q, " UNION { SELECT DISTINCT ?nq "
					  "(<%s> AS ?near) WHERE {", near) ||
			       near_hop(q, so, near) ||
			       sg_buf_adds(q, " } }")));
		*parts += 1 + first;
	}
	json_decref(asked);
	sg_buf_release(&pair);
	return r;
}

/* The query of the first entities of each of v's summaries that the fetch
 * did not load, as many as it names (SG_SUMMARY_NAMES at least), with
 * what the drawing needs of them, into out; and of the links between a
 * summary's entity and the groups it holds beside others (want_near,
 * near_query); *parts: how many subqueries it has (none: nothing to
 * ask). origins: where each of v's graph's counts came from. */
static int named_query(sg_buf *out, struct gathered *ga,
		       const sg_select_opts *so, const char *lang,
		       const sg_view *v, const json_t *origins, size_t *parts)
{
	size_t batches = json_array_size(ga->counts);
	/* by summary, by batch: the origins of its counts */
	json_t *want = json_array(), *per = json_array(), *o;
	sg_buf names = SG_BUF_INIT, *q = &names;
	const char *at;
	int r = want && per ? 0 : -1;

	for (size_t b = 0; b < batches && !r; b++)
		r = json_array_append_new(per, json_integer(0));
	for (size_t i = 0; i < v->nfolds && !r; i++)
		r = json_array_append_new(want, json_object());
	json_object_foreach(r ? NULL : (json_t *)origins, at, o) {
		uint32_t s = v->fold_of_unloaded[strtoul(at, NULL, 10)];
		size_t b = (size_t)json_integer_value(json_object_get(o,
								      "batch"));
		json_t *mine, *groups;
		char key[24];

		if (json_is_true(json_object_get(o, "further"))) {
			r = s == SG_NONE ? 0 : json_object_set_new(json_array_get(
				want, s), "further", json_true());
			continue;
		}
		r = json_array_set_new(per, b, json_integer(json_integer_value(
			json_array_get(per, b)) + 1));
		if (s == SG_NONE || r || (r = want_near(ga, v, s, b, o)))
			continue;
		snprintf(key, sizeof(key), "%zu", b);
		mine = json_array_get(want, s);
		if (!(groups = json_object_get(mine, key)))
			r = json_object_set_new(mine, key,
						groups = json_array()) ||
			    !groups;
		r = r || json_array_append(groups, o);
	}
	*parts = 0;
	r = r || sg_buf_adds(q, "SELECT ?n ?k ?p ?o WHERE { { SELECT DISTINCT "
			       "?n ?k WHERE {");
	for (size_t i = 0; i < v->nfolds && !r; i++) {
		const struct sg_fold *s = &v->folds[i];
		size_t most = s->share > SG_SUMMARY_NAMES ? s->share :
			      SG_SUMMARY_NAMES;

		for (size_t b = 0; b < batches && !r; b++) {
			char key[24];
			const json_t *groups;

			snprintf(key, sizeof(key), "%zu", b);
			groups = json_object_get(json_array_get(want, i), key);
			if (!groups)
				continue;
			r = (*parts && sg_buf_adds(q, " UNION")) ||
			    named_part(q, ga, so, b, groups,
				       json_array_size(groups) ==
				       (size_t)json_integer_value(
					       json_array_get(per, b)),
				       most);
			++*parts;
		}
		if (r || !json_object_get(json_array_get(want, i), "further"))
			continue;
		/* (what further_part asks needs IN lists: VALUES_AT_ONCE) */
		if (ga->inner && ga->top && ga->hops > 1 &&
		    json_array_size(ga->reached) <= VALUES_AT_ONCE) {
			r = (*parts && sg_buf_adds(q, " UNION")) ||
			    further_part(q, ga, so, most);
			++*parts;
		}
		ga->unnamed |= !ga->inner || !ga->top || ga->hops > 2 ||
			      json_array_size(ga->reached) > VALUES_AT_ONCE;
	}
	r = r || sg_buf_adds(q, " } } OPTIONAL { ") ||
	    needs_pattern(q, "?n", lang) || sg_buf_adds(q, " } }");
	q = out;
	if (!r && !json_object_size(ga->near))
		r = sg_buf_add(q, names.buf, names.len);
	else if (!r)
		r = sg_buf_adds(q, "SELECT * WHERE {") ||
		    (*parts && sg_buf_addf(q, " { %s }", sg_buf_str(&names))) ||
		    near_query(q, ga, so, parts) || sg_buf_adds(q, " }");
	sg_buf_release(&names);
	json_decref(want);
	json_decref(per);
	return r;
}

/* The term of an IRI, as an answer binds it. */
static json_t *iri_term(const char *iri, size_t n)
{
	return json_pack("{s:s, s:s%}", "type", "uri", "value", iri, n);
}

/* A row of near_query's branches into ga: a relation type of ?near's
 * links, or a group's count of them where want_near asked for it. */
static int take_near(struct gathered *ga, const json_t *row, const char *near)
{
	const char *nq = term_part(row, "nq", "value");
	sg_buf key = SG_BUF_INIT;
	json_t *w;
	int r;

	if (*nq) {
		r = sg_buf_addf(&key, "%s\x1f%s", near, nq) ||
		    json_object_set(ga->near_types, sg_buf_str(&key),
				    json_true());
	} else {
		r = sg_buf_addf(&key, "%s\x1f%s\x1f%s",
				term_part(row, "batch", "value"),
				term_part(row, "k", "value"),
				term_part(row, "t", "value"));
		w = r ? NULL : json_object_get(ga->near, sg_buf_str(&key));
		if (w && !strcmp(near, json_string_value(json_object_get(
						w, "near"))))
			r = json_object_set_new(w, "links", json_integer(
				strtoll(term_part(row, "nl", "value"), NULL,
					10)));
	}
	sg_buf_release(&key);
	return r;
}

/* The answer to named_query into ga: its entities reached, each one's
 * statements, and the link its group ?k names where that runs to it (the
 * store placed it by that link; its own statements have those that run
 * from it); those its group places past the cut's step (reached from
 * another than the IRIs it went out from), into ga->past. */
static int take_named(struct gathered *ga, const json_t *rows,
		      const char *url, sg_error *err)
{
	json_t *taken = json_array(), *row;
	size_t i;
	int r = taken ? 0 : -1;

	json_array_foreach(r ? NULL : rows, i, row) {
		const char *n = term_part(row, "n", "value");
		const char *k = term_part(row, "k", "value");
		const char *near = term_part(row, "near", "value");
		const char *dir = strchr(k, ' ');

		if (*near) {
			r = take_near(ga, row, near);
			continue;
		}
		if (!*n || strcmp(term_part(row, "n", "type"), "uri") ||
		    !plain_iri(n))
			continue;
		if (!json_object_get(ga->seen, n)) {
			sg_buf f = SG_BUF_INIT;

			r = json_object_set(ga->seen, n, json_true()) ||
			    json_array_append_new(ga->reached,
						  json_string(n)) ||
			    (dir && (sg_buf_add(&f, k, (size_t)(dir - k)) ||
				     (!holds(ga->inner, sg_buf_str(&f)) &&
				      json_object_set(ga->past, n,
						      json_true()))));
			sg_buf_release(&f);
		}
		if (!r && dir && !strncmp(dir, " out ", 5))
			r = json_array_append_new(taken, json_pack(
				"{s:o, s:o, s:o}", "s", iri_term(k,
				(size_t)(dir - k)), "p", iri_term(dir + 5,
				strlen(dir + 5)), "o", iri_term(n,
				strlen(n))));
		if (!r && json_object_get(row, "p") &&
		    json_object_get(row, "o"))
			r = json_array_append_new(taken, json_pack(
				"{s:o, s:O, s:O}", "s", iri_term(n, strlen(n)),
				"p", json_object_get(row, "p"),
				"o", json_object_get(row, "o")));
	}
	r = r ? sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory") :
		gather(ga, taken, NULL, url, err);
	json_decref(taken);
	return r;
}

/*
 * The names a drawing past the page gives: each summary names its first
 * entities in the file's order (their IRIs', see by_triple), in its box
 * and its tooltip, where a store sent only those ranked first. What was
 * gathered is drawn as it will be (read, counted, selected and folded),
 * and the store is asked, in one request, for the first of each
 * summary's entities it did not send, group by group as count_query made
 * them, as many as the summary names (SG_SUMMARY_NAMES at least), with
 * what the drawing needs of them; and for the first of those further
 * out (total_query's) with the entity each is reached through, so that
 * it is as far from the focus as in a file (further_part).
 */
static int ask_named(struct fetch *f, struct gathered *ga,
		     const sg_select_opts *so, const char **focus,
		     struct sparql_body *body, sg_error *err)
{
	sg_graph *g = sg_graph_new();
	json_t *origins = json_object(), *root = NULL, *rows;
	sg_select_opts look = *so;
	sg_error quiet = { 0 };
	sg_view *v = NULL;
	sg_buf q = SG_BUF_INIT;
	size_t parts = 0;
	int r = 0;

	if (!g || !origins) {
		r = sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	look.focus = focus;
	/* (what fails here fails again when drawn, and is told then) */
	if (read_gathered(g, ga, f->o->url, &quiet) ||
	    add_unloaded(g, ga, so->direction, origins, &quiet) ||
	    declare_filtered(g, so, json_string_value(json_array_get(
		    ga->reached, 0)), &quiet) ||
	    sg_graph_resolve(g, &quiet) || !(v = sg_select(g, &look, &quiet)))
		goto done;
	if (named_query(&q, ga, so, f->o->lang ? f->o->lang : "en", v,
			origins, &parts))
		r = sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	else if (parts && !(r = ask_rows(f, &q, body, &root, &rows, err)))
		r = take_named(ga, rows, f->o->url, err);
done:
	json_decref(root);
	json_decref(origins);
	sg_view_free(v);
	sg_graph_free(g);
	sg_buf_release(&q);
	return r;
}

/*
 * A page draws max_entities boxes; a step of more than this many links a
 * box is not fetched whole but cut (see ask_step): the store
 * counts what the drawing would fold, so that what scograph holds is
 * bounded by the page, not by the store. Below it everything reached is
 * fetched, and the drawing is the file's, byte for byte.
 */
#define LINKS_A_BOX 50

/* Warnings into g of what the fetch ga drew otherwise than a file would
 * (the store at url not asked, for its time or Virtuoso's limits). */
static int warn_inexact(sg_graph *g, const struct gathered *ga,
			const char *url)
{
	const sg_loc at = { url, 0, 0 };

	return (ga->sliced &&
		sg_graph_warn(g, SG_WUNREAD, at, "a step cut to the page went "
			      "out from %zu entities, more than %d a request: "
			      "an entity reached from two requests is counted "
			      "twice, and what lies past the cut is not counted "
			      "(--max-nodes 0, or a file, draws it exactly)",
			      ga->sliced, STEP_AT_ONCE)) ||
	       (ga->ranked_all &&
		sg_graph_warn(g, SG_WUNREAD, at, "the last step cut to the "
			      "page went out from %zu entities (more than %d, "
			      "or more than %d reached): its entities were "
			      "ranked by all their links, not those within the "
			      "selection, and the ones drawn may not be a "
			      "file's", ga->ranked_all, RANKED_AT_ONCE,
			      VALUES_AT_ONCE)) ||
	       (ga->unnamed &&
		sg_graph_warn(g, SG_WUNREAD, at, "the entities further out "
			      "than the step past the page's cut are counted, "
			      "not named: a summary that holds them lists "
			      "other names than a file's"));
}

/* The neighbourhood: the focus looked up, depth steps, what is needed. */
static int fetch_neighbourhood(struct fetch *f, sg_graph *g,
			       const sg_select_opts *so, const char **focus,
			       struct sparql_body *body, sg_error *err)
{
	struct gathered ga;
	json_t *frontier = json_array(), *next = NULL, *label = NULL;
	sg_buf iri = SG_BUF_INIT;
	/* the links a step fetches at most (none without a page) */
	size_t most = so->max_entities ? so->max_entities * LINKS_A_BOX :
					 SIZE_MAX;
	int r = gathered_init(&ga, err);

	if (!r && !frontier)
		r = sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	for (size_t i = 0; i < so->nfocus && !r; i++) {
		int full = as_iri(so->focus[i], &iri);

		/* a label, the only focus: the first step's request finds
		 * it (see take_focus), and the label stands for it until
		 * then, first of those reached */
		if (!full && so->nfocus == 1 && so->depth > 0) {
			sg_buf terms = SG_BUF_INIT;

			if (label_terms(&terms, so->focus[i], f->o->lang ?
					f->o->lang : "en") ||
			    !(label = json_pack("{s:s, s:s}", "label",
						so->focus[i], "terms",
						sg_buf_str(&terms))) ||
			    json_array_append(ga.reached, label) ||
			    json_array_append(frontier, label))
				r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
					    "out of memory");
			sg_buf_release(&terms);
			continue;
		}
		if (full < 0)
			r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				    "out of memory");
		else if (!full)
			r = find_label(f, so->focus[i], body, &iri, err);
		else
			r = nameable(sg_buf_str(&iri), err);
		if (!r && !(focus[i] = sg_graph_intern(g, sg_buf_str(&iri))))
			r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				    "out of memory");
		if (!r && !json_object_get(ga.seen, focus[i]) &&
		    (json_object_set(ga.seen, focus[i], json_true()) ||
		     json_array_append_new(frontier, json_string(focus[i])) ||
		     json_array_append_new(ga.reached,
					   json_string(focus[i]))))
			r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				    "out of memory");
	}
	for (int step = 0; step < so->depth && !r &&
			   json_array_size(frontier); step++) {
		int cut = ga.cut;

		if (!(next = json_array()))
			r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				    "out of memory");
		else if (cut)
			/* one step past the cut: only counted, the last */
			r = ask_past(f, &ga, frontier, so, body, err);
		else
			r = ask_step(f, &ga, frontier, so, most,
				     step == so->depth - 1, body, next, err);
		/* no entity has the label as label_pattern asks (in another
		 * language, say): found by its text, as for a file, and the
		 * step asked again: two requests more */
		if (!r && label_of(ga.reached))
			r = find_label(f, so->focus[0], body, &iri, err) ||
			    focus_found(&ga, frontier, sg_buf_str(&iri), err) ||
			    ask_step(f, &ga, frontier, so, most,
				     step == so->depth - 1, body, next, err);
		if (!r && label && !step &&
		    (json_array_set(frontier, 0, json_array_get(ga.reached,
								 0)) ||
		     !(focus[0] = sg_graph_intern(g, json_string_value(
				json_array_get(ga.reached, 0))))))
			r = sg_fail(err, SG_ENOMEM, NULL, 0, 0,
				    "out of memory");
		/* a cut step's IRIs and those it fetched, when one request
		 * holds them: what lies past the others is counted */
		if (!r && !cut && ga.cut &&
		    json_array_size(frontier) <= VALUES_AT_ONCE &&
		    json_array_size(next) <= VALUES_AT_ONCE) {
			ga.inner = json_incref(frontier);
			ga.top = json_incref(next);
			ga.hops = so->depth - step;
		}
		json_decref(frontier);
		frontier = next;
		next = NULL;
	}
	if (!r)
		r = ask_needs(f, &ga, body, err);
	if (!r && ga.cut)
		r = ask_named(f, &ga, so, focus, body, err);
	if (!r)
		r = read_gathered(g, &ga, f->o->url, err) ||
		    add_unloaded(g, &ga, so->direction, NULL, err) ||
		    declare_filtered(g, so, json_string_value(json_array_get(
			    ga.reached, 0)), err);
	if (!r && warn_inexact(g, &ga, f->o->url))
		r = sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	json_decref(frontier);
	json_decref(label);
	gathered_release(&ga);
	sg_buf_release(&iri);
	return r;
}

/* Whether query is a CONSTRUCT or DESCRIBE (its first keyword past the
 * prologue and comments). */
static int is_construct(const char *query)
{
	const char *s = query;

	for (;;) {
		while (isspace((unsigned char)*s))
			s++;
		if (*s == '#') {
			s += strcspn(s, "\n");
		} else if (!strncasecmp(s, "PREFIX", 6) ||
			   !strncasecmp(s, "BASE", 4)) {
			/* (the prologue: PREFIX p: <iri>, BASE <iri>) */
			s = strchr(s, '>');
			if (!s)
				return 0;
			s++;
		} else {
			return !strncasecmp(s, "CONSTRUCT", 9) ||
			       !strncasecmp(s, "DESCRIBE", 8);
		}
	}
}

int sg_read_sparql(sg_graph *g, const sg_sparql_opts *o,
		   const sg_select_opts *so, const char **focus, sg_error *err)
{
	struct sparql_body body = { SG_BUF_INIT, 0, 0 };
	struct fetch f;
	const char *type;
	int r;

	const char *host = strstr(o->url, "://");

	if (strncasecmp(o->url, "http://", 7) &&
	    strncasecmp(o->url, "https://", 8))
		return sg_fail(err, SG_EUSAGE, o->url, 0, 0, "a SPARQL "
			       "endpoint is an http:// or https:// URL");
	/* (the URL is printed with every error: no password in it) */
	if (memchr(host + 3, '@', strcspn(host + 3, "/?#")))
		return sg_fail(err, SG_EUSAGE, NULL, 0, 0, "credentials go in "
			       "~/.netrc or SCOGRAPH_SPARQL_AUTH, not in the "
			       "--sparql URL");
	if (!(r = fetch_init(&f, o, &body, err))) {
		if (o->query)
			r = ask(&f, o->query, is_construct(o->query), &body,
				&type, err) ||
			    sparql_read_answer(g, &body, type, o->url, err);
		else
			r = fetch_neighbourhood(&f, g, so, focus, &body, err);
	}
	fetch_release(&f);
	sg_buf_release(&body.text);
	return r ? -1 : 0;
}
