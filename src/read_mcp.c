/* The MCP memory server's knowledge graph: its memory file, JSON Lines of
 * entity and relation records, and its answers to read_graph. */
#include <string.h>

#include "read.h"

static int mcp_entity(struct reader *rd, const json_t *list, size_t i,
		      const json_t *o)
{
	struct fields f = { .o = o, .used = { "type", "name", "entityType",
				       "observations" }, .nused = 4 };
	const json_t *obs = json_object_get(o, "observations");
	sg_buf text = SG_BUF_INIT;
	sg_entity e = { 0 };
	int r;

	e.loc = rd_loc(rd, list, NULL, i);
	r = rd_string(rd, o, i, list, "name", 1, "entity", &e.id) ||
	    rd_string(rd, o, i, list, "entityType", 0, "", &e.type);
	if (!r && obs && !json_is_array(obs))
		r = rd_wrong_kind(rd, o, "observations", 0,
				  "an array of strings");
	/* the observations, one a line, describe the entity */
	for (size_t k = 0; !r && k < json_array_size(obs); k++) {
		const json_t *v = json_array_get(obs, k);

		if (!json_is_string(v))
			r = rd_wrong_kind(rd, obs, NULL, k, "a string");
		else if (sg_buf_addf(&text, "%s%s", k ? "\n" : "",
				     json_string_value(v)))
			r = rd_nomem(rd);
	}
	e.description = text.len ? sg_buf_str(&text) : NULL;
	r = r || rd_collect(rd, &f, 0, &e.attrs) ||
	    sg_graph_add_entity(rd->g, &e, rd->err);
	rd_attrs_release(&e.attrs);
	sg_buf_release(&text);
	return r;
}

static int mcp_relation(struct reader *rd, const json_t *list, size_t i,
			const json_t *o)
{
	struct fields f = { .o = o,
			    .used = { "type", "from", "to", "relationType" },
			    .nused = 4 };
	sg_relation rel = { 0 };
	sg_places at;
	int r;

	rel.loc = rd_loc(rd, list, NULL, i);
	at.from = sg_pos_of(rd_loc(rd, o, "from", 0));
	at.to = sg_pos_of(rd_loc(rd, o, "to", 0));
	at.source = sg_pos_of(rel.loc);
	r = rd_string(rd, o, i, list, "from", 1, "relation", &rel.from_ref) ||
	    rd_string(rd, o, i, list, "to", 1, "relation", &rel.to_ref) ||
	    rd_string(rd, o, i, list, "relationType", 1, "relation",
		      &rel.type) ||
	    rd_collect(rd, &f, 1, &rel.attrs) ||
	    sg_graph_add_relation_at(rd->g, &rel, &at, rd->err);
	rd_attrs_release(&rel.attrs);
	return r;
}

static int mcp_record(struct reader *rd, const json_t *list, const json_t *o)
{
	const char *type;
	sg_loc loc;

	if (rd_string(rd, o, 0, list, "type", 1, "record", &type))
		return -1;
	if (!strcmp(type, "entity"))
		return mcp_entity(rd, list, 0, o);
	if (!strcmp(type, "relation"))
		return mcp_relation(rd, list, 0, o);
	loc = rd_loc(rd, o, "type", 0);
	if (json_object_get(o, "id") || json_object_get(o, "relationType") ||
	    !json_object_get(o, "from"))
		return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line,
			       loc.column, "unknown record type '%s'; the MCP "
			       "memory file has 'entity' and 'relation' "
			       "records", type);
	loc = rd_loc(rd, list, NULL, 0);
	return sg_fail(rd->err, SG_ESHAPE, loc.file, loc.line, loc.column,
		       "a native relation in an MCP memory file (so its "
		       "first line made it); one file holds one format");
}

/* An MCP memory record, by its first line. */
static enum rd_sure looks_mcp(const json_t *o)
{
	const char *type = json_string_value(json_object_get(o, "type"));

	return type && ((!strcmp(type, "entity") && !json_object_get(o, "id")) ||
			(!strcmp(type, "relation") &&
			 json_object_get(o, "relationType"))) ?
		       RD_LIKELY : RD_NOT;
}

/* MCP relations may name entities that were never created: they are added,
 * untyped, with a warning. */
static int add_implicit(struct reader *rd, size_t first_relation)
{
	for (size_t i = first_relation; i < rd->g->nrelations; i++) {
		const sg_relation *r = &rd->g->relations[i];
		const char *ends[2] = { r->from_ref, r->to_ref };

		for (int k = 0; k < 2; k++) {
			sg_entity e = { 0 };

			if (sg_map_get(&rd->g->by_id, ends[k]) >= 0)
				continue;
			e.id = ends[k];
			e.loc = sg_graph_place(rd->g, i, k ? SG_END_TO :
							      SG_END_FROM);
			if (sg_graph_add_entity(rd->g, &e, rd->err) ||
			    sg_graph_warn(rd->g, SG_WIMPLICIT, e.loc,
					  "entity '%s' was never created; it "
					  "is added without a type", e.id))
				return -1;
		}
	}
	return 0;
}


/* The memory server's answer to read_graph (and search_nodes, open_nodes):
 * the same entities and relations, in two lists. */
static int read_graph(struct reader *rd, const json_t *root)
{
	size_t first_relation = rd->g->nrelations;

	if (!json_object_get(root, "entities"))
		return rd_not_format(rd, "entities", "", "mcp");
	return rd_list(rd, root, "entities", mcp_entity) ||
		       rd_list(rd, root, "relations", mcp_relation) ||
		       add_implicit(rd, first_relation) ?
		       -1 : 0;
}

/* Native entities have ids; the memory server's have names and types. */
static enum rd_sure detect_graph(const json_t *doc)
{
	return json_object_get(rd_first(doc, "entities"), "entityType") ||
			       json_object_get(rd_first(doc, "relations"),
					       "relationType") ?
		       RD_SURE : RD_NOT;
}

static const char *const mcp_keys[] = {
	"entities", "relations", NULL
};

const struct rd_format rd_mcp = {
	.name = "mcp",
	.about = "the MCP memory server: memory.jsonl, read_graph's answer",
	.detect = detect_graph,
	.read = read_graph,
	.detect_line = looks_mcp,
	.read_line = mcp_record,
	.finish = add_implicit,
	.keys = mcp_keys,
};
