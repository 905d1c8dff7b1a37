/* The graph libraries of JavaScript: Cytoscape.js, Graphology (and Gephi's
 * export of it) and vis-network. graphlib's and ngraph's formats are only
 * shapes (read_shape.c). */
#include <string.h>

#include "read.h"

/* The end data[key] of an edge, as text into buf: the id of the node
 * whose value it is where that differs. NULL when it is no id. */
static const char *cytoscape_end(struct reader *rd, const json_t *data,
				 const char *key, char *buf, size_t size)
{
	const char *text = rd_id_text(json_object_get(data, key), buf, size);
	int64_t i = text ? sg_map_get(&rd->ends, text) : -1;

	return i >= 0 ? rd->g->entities[i].id : text;
}

/* Notes that the node id is named by value where edges name it, when that
 * is other than its id (networkx writes each node's own value). */
static int cytoscape_value(struct reader *rd, const char *id,
			   const json_t *data)
{
	char buf[64];
	const char *value = rd_id_text(json_object_get(data, "value"), buf,
				       sizeof(buf));
	int64_t i = sg_map_get(&rd->g->by_id, id);

	if (!value || !strcmp(value, id) || i < 0 ||
	    sg_map_get(&rd->g->by_id, value) >= 0)
		return 0;
	if (!(value = sg_graph_intern(rd->g, value)) ||
	    sg_map_add(&rd->ends, value, (uint32_t)i))
		return rd_nomem(rd);
	return 0;
}

/* An element's keys but its data and group: how Cytoscape drew it and
 * its state on the screen (cy.json() writes them all), hints. */
static const char *const cytoscape_element_hints[] = {
	"position", "renderedPosition", "style", "classes", "selected",
	"selectable", "locked", "grabbed", "grabbable", "pannable", "removed",
	NULL
};

static int cytoscape_element(struct reader *rd, const json_t *list, size_t i,
			     const char *group)
{
	static const char *const known[] = { "data", "group", NULL };
	const json_t *el = json_array_get(list, i);
	const json_t *data = json_object_get(el, "data");
	const char *g = json_string_value(json_object_get(el, "group"));
	struct fields f = { .o = data,
			    .used = { "source", "target", "id" },
			    .nused = 3 };
	char buf[32], tbuf[64];
	const char *id, *to;

	if (!json_is_object(el))
		return rd_wrong_kind(rd, list, NULL, i, "an object");
	if (!json_is_object(data))
		return data ? rd_wrong_kind(rd, el, "data", 0, "an object") :
			      rd_bad_id(rd, el, "data", "element",
				     rd_loc(rd, list, NULL, i));
	if (rd_other_keys(rd, el, known, cytoscape_element_hints,
			  "an element"))
		return -1;
	if (!group)
		group = g ? g : json_object_get(data, "source") ||
					json_object_get(data, "target") ?
			    "edges" : "nodes";
	if (!strcmp(group, "edges")) {
		sg_loc at = rd_loc(rd, list, NULL, i);

		f.nused = 2; /* an edge's id is the relation's */
		if (!(id = cytoscape_end(rd, data, "source", buf,
					 sizeof(buf))))
			return rd_bad_id(rd, data, "source", "edge", at);
		if (!(to = cytoscape_end(rd, data, "target", tbuf,
					 sizeof(tbuf))))
			return rd_bad_id(rd, data, "target", "edge", at);
		return rd_add_edge(rd, &f, "source", "target", id, to, at);
	}
	id = rd_id_text(json_object_get(data, "id"), buf, sizeof(buf));
	if (!id)
		return rd_bad_id(rd, data, "id", "node", rd_loc(rd, list, NULL, i));
	return rd_add_node(rd, id, NULL, &f, rd_loc(rd, list, NULL, i)) ||
	       cytoscape_value(rd, id, data);
}

/* Reads a list of elements, each with its group or told by its keys. */
static int cytoscape_list(struct reader *rd, const json_t *list,
			  const char *group)
{
	for (size_t i = 0; i < json_array_size(list); i++)
		if (rd_element(rd, cytoscape_element(rd, list, i, group)))
			return -1;
	return 0;
}

/* cy.json()'s viewport and renderer: how the graph was shown, hints */
#define CYTOSCAPE_HINTS "style", "zoomingEnabled", "userZoomingEnabled", \
	"zoom", "minZoom", "maxZoom", "panningEnabled", "userPanningEnabled", \
	"pan", "boxSelectionEnabled", "renderer", "hideEdgesOnViewport", \
	"textureOnViewport", "wheelSensitivity", "motionBlur", \
	"multiClickDebounceTime"
static const char *const cytoscape_hints[] = { CYTOSCAPE_HINTS, NULL };

/* the graph's (networkx's cytoscape_data: its direction, and whether
 * parallel edges may be, which their keys tell apart anyway), and the
 * hints, which read_cytoscape names */
static const char *const cytoscape_keys[] = {
	"elements", "data", "directed", "multigraph", CYTOSCAPE_HINTS, NULL
};

/* The elements, an array or {nodes, edges}. */
static int cytoscape_elements(struct reader *rd, const json_t *root)
{
	static const char *const groups[] = { "nodes", "edges", NULL };
	const json_t *elements = json_object_get(root, "elements");

	if (json_is_array(elements))
		return cytoscape_list(rd, elements, NULL);
	if (!json_is_object(elements))
		return rd_wrong_kind(rd, root, "elements", 0,
				     "an array or an object of nodes and edges");
	if (rd_unread_keys(rd, elements, groups, "elements"))
		return -1;
	for (size_t k = 0; k < 2; k++) {
		int failed;
		const json_t *list = rd_container(rd, elements, groups[k], 1,
						  &failed);

		if (failed || cytoscape_list(rd, list, groups[k]))
			return -1;
	}
	return 0;
}

/*
 * cy.json(): elements, an array or {nodes, edges}, among the viewport's
 * and the renderer's keys (zoom, pan, style, ...), which a drawing of the
 * data has no use for but names; cy.elements().jsons(): the elements
 * alone, a bare array.
 */
static int read_cytoscape(struct reader *rd, const json_t *root)
{
	if (json_is_array(root))
		return cytoscape_list(rd, root, NULL);
	if (!json_object_get(root, "elements"))
		return rd_not_format(rd, "elements", "", "cytoscape");
	/* networkx's cytoscape_data says whether the graph is directed */
	rd->undirected = json_is_false(json_object_get(root, "directed"));
	return rd_graph_attrs(rd, root, "data", "name", NULL) ||
	       rd_hints_of(rd, root, cytoscape_hints) ||
	       cytoscape_elements(rd, root);
}

/* An array whose first element is an element: an object with data, and
 * a group or no key but Cytoscape's own. */
static enum rd_sure detect_cytoscape(const json_t *doc)
{
	const json_t *first = json_array_get(doc, 0), *elements;
	const char *group = json_string_value(json_object_get(first, "group"));

	if (json_is_array(doc))
		return json_is_object(json_object_get(first, "data")) &&
			       (!group || !strcmp(group, "nodes") ||
				!strcmp(group, "edges")) ?
		       RD_SURE : RD_NOT;
	elements = json_object_get(doc, "elements");
	first = json_array_get(elements, 0);
	/* (Kumu's blueprints hold elements too: without data) */
	return !elements || (json_is_object(first) &&
			     !json_object_get(first, "data")) ?
		       RD_NOT : RD_LIKELY;
}

const struct rd_format rd_cytoscape = {
	.name = "cytoscape",
	.about = "Cytoscape.js cy.json(), cy.elements().jsons()",
	.detect = detect_cytoscape,
	.read = read_cytoscape,
	.arrays = 1,
	.keys = cytoscape_keys,
};

/* Graphology's options: its kind of graph (whether parallel edges and
 * loops may be, which its edges show anyway) */
static const char *const graphology_options[] = { "type", "multi",
	"allowSelfLoops", NULL };

static int read_graphology(struct reader *rd, const json_t *root)
{
	int failed, edges_failed;
	const json_t *nodes = rd_container(rd, root, "nodes", 1, &failed);
	const json_t *edges = rd_container(rd, root, "edges", 1, &edges_failed);
	const char *type;

	if (!failed && !nodes)
		return rd_not_format(rd, "nodes", "", "graphology");
	if (failed || edges_failed ||
	    rd_graph_attrs(rd, root, "attributes", "name", NULL))
		return -1;
	if (rd_unread_keys(rd, json_object_get(root, "options"),
			   graphology_options, "options"))
		return -1;
	type = json_string_value(json_object_get(json_object_get(root,
								 "options"),
						 "type"));
	rd->undirected = type && !strcmp(type, "undirected");
	if (rd_nodes(rd, nodes, "key", "attributes"))
		return -1;
	return rd_edges(rd, edges, "attributes", (const char *const[]){
		"source", "target", "attributes", "undirected" }, 4);
}


/* Graphology's nodes carry "key"s (node-link's carry "id"s); its options
 * are not graphlib's. */
static enum rd_sure detect_graphology(const json_t *doc)
{
	const json_t *options = json_object_get(doc, "options");

	return json_object_get(rd_first(doc, "nodes"), "key") ||
			       json_object_get(options, "type") ||
			       json_object_get(options, "multi") ||
			       json_object_get(options, "allowSelfLoops") ?
		       RD_SURE : options ? RD_MAYBE : RD_NOT;
}

static const char *const graphology_keys[] = {
	"nodes", "edges", "attributes", "options", NULL
};

const struct rd_format rd_graphology = {
	.name = "graphology",
	.about = "Graphology export(), Gephi Lite",
	.detect = detect_graphology,
	.read = read_graphology,
	.keys = graphology_keys,
};

/* ---- vis-network ---- */

/*
 * The ends of a vis edge that have an arrowhead: arrows is "to", "from",
 * "middle" (pointing as "to" does) or several of them ("to, from"), or an
 * object {to: true, from: {enabled: true}, ...}. Bit 1: to, bit 2: from.
 */
static const char *const ends[] = { "to", "middle", "from", NULL };

static int arrowheads(const json_t *arrows)
{
	const char *s = json_string_value(arrows);
	int heads = 0;

	for (size_t k = 0; ends[k]; k++) {
		const json_t *v = json_object_get(arrows, ends[k]);

		if (json_is_true(v) ||
		    json_is_true(json_object_get(v, "enabled")) ||
		    (s && strstr(s, ends[k])))
			heads |= k == 2 ? 2 : 1;
	}
	return heads;
}

static int vis_node(struct reader *rd, const json_t *list, size_t i,
		    const json_t *o)
{
	struct fields f = { .o = o, .used = { "id" }, .nused = 1 };
	sg_loc loc = rd_loc(rd, list, NULL, i);
	char buf[32];
	const char *id = rd_id_text(json_object_get(o, "id"), buf,
				    sizeof(buf));

	return id ? rd_add_node(rd, id, NULL, &f, loc) :
		    rd_bad_id(rd, o, "id", "node", loc);
}

/* An edge's arrows object: its ends read, how each is drawn hints. */
static int vis_arrows(struct reader *rd, const json_t *arrows)
{
	static const char *const known[] = { "enabled", NULL };
	static const char *const hints[] = { "type", "scaleFactor", "src",
		"imageWidth", "imageHeight", NULL };

	if (!json_is_object(arrows))
		return 0;
	if (rd_other_keys(rd, arrows, ends, NULL, "arrows"))
		return -1;
	for (size_t k = 0; ends[k]; k++) {
		const json_t *end = json_object_get(arrows, ends[k]);

		if (json_is_object(end) &&
		    rd_other_keys(rd, end, known, hints, ends[k]))
			return -1;
	}
	return 0;
}

/*
 * A vis edge points where its one arrowhead does: "from" turns it round.
 * No arrowhead (vis's default, unless the document's options.edges.arrows,
 * given as arrows, say otherwise), or one at each end, is no direction.
 */
static int vis_edge(struct reader *rd, const json_t *list, size_t i,
		    const json_t *arrows)
{
	const json_t *o = json_array_get(list, i);
	const json_t *own = json_object_get(o, "arrows");
	struct fields f = { .o = o,
			    .used = { "from", "to", "arrows" },
			    .nused = 3 };
	int heads = arrowheads(own ? own : arrows), back = heads == 2;

	if (!json_is_object(o))
		return rd_wrong_kind(rd, list, NULL, i, "an object");
	if (vis_arrows(rd, own))
		return -1;
	/* each edge's arrows are its direction */
	rd->undirected = heads != 1 && heads != 2;
	return rd_read_edge(rd, &f, back ? "to" : "from", back ? "from" : "to",
			    rd_loc(rd, list, NULL, i));
}

/* vis-network's data: nodes [{id, label, group, title}], edges [{id,
 * from, to, label, arrows}], and the Network's options, if kept beside. */
static int read_vis(struct reader *rd, const json_t *root)
{
	int failed;
	const json_t *edges = rd_container(rd, root, "edges", 1, &failed);
	const json_t *arrows = json_object_get(
		json_object_get(json_object_get(root, "options"), "edges"),
		"arrows");

	if (!failed && !edges)
		return rd_not_format(rd, "edges", "", "vis");
	if (failed || rd_list(rd, root, "nodes", vis_node))
		return -1;
	for (size_t i = 0; i < json_array_size(edges); i++)
		if (rd_element(rd, vis_edge(rd, edges, i, arrows)))
			return -1;
	return 0;
}

static enum rd_sure detect_vis(const json_t *doc)
{
	const json_t *first = rd_first(doc, "edges");

	return !json_object_get(doc, "multigraph") &&
			       (json_object_get(first, "from") ||
				json_object_get(first, "to")) ?
		       RD_SURE : RD_NOT;
}

static const char *const vis_keys[] = {
	"nodes", "edges", "options", NULL
};

const struct rd_format rd_vis = {
	.name = "vis",
	.about = "vis-network's nodes and edges DataSets",
	.detect = detect_vis,
	.read = read_vis,
	.keys = vis_keys,
};
