/* NDEx's CX, the networks of network biology (NDEx, Cytoscape, ndex2): a
 * list of aspects, each an object of one key holding a list of elements,
 * an aspect possibly in several pieces. CX 1: nodes {"@id", "n", "r"},
 * edges {"@id", "s", "t", "i"}, and nodeAttributes and edgeAttributes
 * {"po", "n", "v", "d"} apart, which may come after what they describe.
 * CX 2 ("CXVersion": "2.0" first): nodes {"id", "v"} and edges {"id",
 * "s", "t", "v"} carry their attributes, named by attributeDeclarations
 * (which also gives aliases and defaults). A node's "name" is its
 * entity's name (CX 1's "n"), its "type" attribute its type; an edge's
 * interaction ("i") its relation's type; the network's "name" the title,
 * its "description" the description. Layout and visual aspects (and CX
 * 2's node positions) say how Cytoscape drew the network: they are named
 * in one warning; other aspects and keys not read, each in its own. Node
 * ids and edge ids are separate spaces. */
#include <stdlib.h>
#include <string.h>

#include "read.h"

/* An element of an aspect: list[index]. */
struct element {
	const json_t *list;
	size_t index;
};

struct cx {
	struct reader *rd;
	const json_t *doc;
	/* CX 1: the nodeAttributes (0) and edgeAttributes (1) elements, by
	 * the id of what they describe */
	sg_map by_po[2];
	struct element *attrs;
	size_t nattrs, aattrs;
	/* CX 2: the declarations of nodes' and edges' attributes */
	const json_t *declared[2];
};

/* Calls fn for each element of every piece of the aspect named name,
 * telling it edge: whether the elements are of edges (or of nodes). */
static int each(struct cx *cx, const char *name, int edge,
		int (*fn)(struct cx *, const json_t *list, size_t i,
			  const json_t *o, int edge))
{
	struct reader *rd = cx->rd;

	for (size_t a = 0; a < json_array_size(cx->doc); a++) {
		const json_t *aspect = json_array_get(cx->doc, a);
		const json_t *list = json_object_get(aspect, name);

		if (!list)
			continue;
		if (!json_is_array(list)) {
			if (rd_element(rd, rd_wrong_kind(rd, aspect, name, 0,
							  "an array")))
				return -1;
			continue;
		}
		for (size_t i = 0; i < json_array_size(list); i++) {
			const json_t *o = json_array_get(list, i);

			if (rd_element(rd, !json_is_object(o) ?
				rd_wrong_kind(rd, list, NULL, i, "an object") :
				fn(cx, list, i, o, edge)))
				return -1;
		}
	}
	return 0;
}

/* An id as the model's text, interned; NULL with the error when o[key]
 * is none. */
static const char *element_id(struct cx *cx, const json_t *list, size_t i,
			      const json_t *o, const char *key,
			      const char *what)
{
	char buf[32];
	const char *id = rd_id_text(json_object_get(o, key), buf, sizeof(buf));
	const char *interned;

	if (!id) {
		rd_bad_id(cx->rd, o, key, what, rd_loc(cx->rd, list, NULL, i));
		return NULL;
	}
	if (!(interned = sg_graph_intern(cx->rd->g, id)))
		rd_nomem(cx->rd);
	return interned;
}

/* ---- CX 1 ---- */

/* Notes a nodeAttributes (edge 0) or edgeAttributes element, o. */
static int note_attr(struct cx *cx, const json_t *list, size_t i,
		     const json_t *o, int edge)
{
	const char *po = element_id(cx, list, i, o, "po", "attribute");
	const char *name;

	if (!po || rd_string(cx->rd, o, i, list, "n", 1, "attribute", &name))
		return -1;
	if (cx->nattrs >= UINT32_MAX ||
	    SG_GROW(cx->attrs, cx->nattrs + 1, cx->aattrs) ||
	    sg_map_add(&cx->by_po[edge], po, (uint32_t)cx->nattrs))
		return rd_nomem(cx->rd);
	cx->attrs[cx->nattrs++] = (struct element){ list, i };
	return 0;
}

/* CX 1 writes numbers and booleans as text, their type in "d" ("double",
 * "list_of_integer", ...): read as what they are. */
static json_t *typed_value(const json_t *v, const char *d)
{
	static const char *const typed[] = { "double", "integer", "long",
					     "boolean", "float" };
	json_t *out, *x;
	size_t k = 0;

	if (d && !strncmp(d, "list_of_", 8))
		d += 8;
	while (d && k < SG_ARRAY_SIZE(typed) && strcmp(d, typed[k]))
		k++;
	if (json_is_array(v)) {
		if (!(out = json_array()))
			return NULL;
		for (size_t i = 0; i < json_array_size(v); i++)
			if (json_array_append_new(out, typed_value(
					json_array_get(v, i), d))) {
				json_decref(out);
				return NULL;
			}
		return out;
	}
	if (!d || k == SG_ARRAY_SIZE(typed) || !json_is_string(v) ||
	    !(x = json_loads(json_string_value(v), JSON_DECODE_ANY, NULL)))
		return json_incref((json_t *)v);
	if (json_is_number(x) || json_is_boolean(x))
		return x;
	json_decref(x);
	return json_incref((json_t *)v);
}

struct gather {
	struct cx *cx;
	json_t *into;
	int failed;
};

static int gather_one(uint32_t i, void *data)
{
	struct gather *g = data;
	const json_t *a = json_array_get(g->cx->attrs[i].list,
					 g->cx->attrs[i].index);
	const char *name = json_string_value(json_object_get(a, "n"));
	json_t *v = typed_value(json_object_get(a, "v") ?
				json_object_get(a, "v") : json_null(),
				json_string_value(json_object_get(a, "d")));

	g->failed = !v || json_object_set_new(g->into, name, v);
	return g->failed;
}

/* The attributes of node (edge 0) or edge id, and those given (CX 1's "r"
 * of a node), as one object to free; NULL when out of memory. */
static json_t *gather(struct cx *cx, const char *id, int edge)
{
	struct gather g = { cx, json_object(), 0 };

	if (g.into)
		sg_map_each(&cx->by_po[edge], id, gather_one, &g);
	if (g.failed || !g.into) {
		json_decref(g.into);
		rd_nomem(cx->rd);
		return NULL;
	}
	return g.into;
}

/* The keys of each version's nodes and edges that are read; x, y and z
 * are CX 2's positions, drawing (see unread_aspects). */
static const char *const element_keys[2][2][6] = {
	{ { "@id", "n", "r", NULL }, { "@id", "s", "t", "i", NULL } },
	{ { "id", "v", "x", "y", "z", NULL }, { "id", "s", "t", "v", NULL } },
};

/* Names the keys of node or edge o that are not read. */
static int element_unread(struct cx *cx, const json_t *o, int version,
			  int edge)
{
	return rd_unread_keys(cx->rd, o, element_keys[version - 1][edge],
			      edge ? "edges" : "nodes");
}

/* ---- both ---- */

/*
 * Adds the entity (edge 0) or relation made of o, list[i], with id, whose
 * attributes are attrs (taken); name_key (a node's name) and type_key
 * are looked up in o first, then in attrs.
 */
static int add(struct cx *cx, const json_t *list, size_t i, const json_t *o,
	       const char *id, json_t *attrs, int edge)
{
	struct reader *rd = cx->rd;
	struct fields f = { .o = attrs, .used = { NULL } };
	const char *name, *type;
	int r;

	/* (CX 1's name and interaction, text as its spec has them) */
	if (rd_string(rd, o, i, list, "n", 0, "node", &name) ||
	    rd_string(rd, o, i, list, "i", 0, "edge", &type)) {
		json_decref(attrs);
		return -1;
	}
	if (!name && (name = json_string_value(json_object_get(attrs,
							       "name"))))
		f.used[f.nused++] = "name";
	if (!type && (type = json_string_value(json_object_get(attrs, edge ?
							       "interaction" :
							       "type"))))
		f.used[f.nused++] = edge ? "interaction" : "type";
	if (!edge) {
		sg_entity e = { 0 };

		e.id = id;
		e.name = name;
		e.type = type;
		e.loc = rd_loc(rd, list, NULL, i);
		r = rd_collect(rd, &f, 0, &e.attrs) ||
		    sg_graph_add_entity(rd->g, &e, rd->err);
		rd_attrs_release(&e.attrs);
	} else {
		sg_relation rel = { 0 };
		sg_places at;

		rel.id = id;
		rel.type = type ? type : SG_UNTYPED;
		rel.loc = rd_loc(rd, list, NULL, i);
		at.from = sg_pos_of(rd_loc(rd, o, "s", 0));
		at.to = sg_pos_of(rd_loc(rd, o, "t", 0));
		at.source = sg_pos_of(rel.loc);
		r = !(rel.from_ref = element_id(cx, list, i, o, "s", "edge")) ||
		    !(rel.to_ref = element_id(cx, list, i, o, "t", "edge")) ||
		    rd_collect(rd, &f, 1, &rel.attrs) ||
		    sg_graph_add_relation_at(rd->g, &rel, &at, rd->err);
		rd_attrs_release(&rel.attrs);
	}
	json_decref(attrs);
	return r;
}

static int cx1_element(struct cx *cx, const json_t *list, size_t i,
		       const json_t *o, int edge)
{
	const char *id = element_id(cx, list, i, o, "@id",
				    edge ? "edge" : "node");
	json_t *attrs = id ? gather(cx, id, edge) : NULL;
	const json_t *r = json_object_get(o, "r");

	if (!attrs || element_unread(cx, o, 1, edge)) {
		json_decref(attrs);
		return -1;
	}
	/* what a node stands for: an identifier in a database */
	if (!edge && r && json_object_set(attrs, "represents", (json_t *)r)) {
		json_decref(attrs);
		return rd_nomem(cx->rd);
	}
	return add(cx, list, i, o, id, attrs, edge);
}

/* ---- CX 2 ---- */

/* The attributes of a CX 2 node or edge: its "v" under their declared
 * names (an alias "a" stands for its name), with the declared defaults
 * ("v") of those it lacks; a new object, NULL when out of memory or
 * (with the error) when "v" is not an object. */
static json_t *cx2_attrs(struct cx *cx, const json_t *o, int edge)
{
	const json_t *v = json_object_get(o, "v"), *value, *decl;
	const json_t *declared = cx->declared[edge];
	json_t *attrs;
	const char *key, *name;

	if (v && !json_is_object(v)) {
		rd_wrong_kind(cx->rd, o, "v", 0, "an object");
		return NULL;
	}
	if (!(attrs = json_object())) {
		rd_nomem(cx->rd);
		return NULL;
	}
	json_object_foreach((json_t *)v, key, value) {
		name = key;
		json_object_foreach((json_t *)declared, name, decl)
			if (!strcmp(key, name) ||
			    (json_string_value(json_object_get(decl, "a")) &&
			     !strcmp(key, json_string_value(
				     json_object_get(decl, "a")))))
				break;
		if (json_object_set(attrs, name ? name : key, (json_t *)value))
			goto nomem;
	}
	json_object_foreach((json_t *)declared, name, decl)
		if (json_object_get(decl, "v") && !json_object_get(attrs, name) &&
		    json_object_set(attrs, name, json_object_get(decl, "v")))
			goto nomem;
	return attrs;
nomem:
	json_decref(attrs);
	rd_nomem(cx->rd);
	return NULL;
}

static int cx2_element(struct cx *cx, const json_t *list, size_t i,
		       const json_t *o, int edge)
{
	const char *id = element_id(cx, list, i, o, "id",
				    edge ? "edge" : "node");
	json_t *attrs = id ? cx2_attrs(cx, o, edge) : NULL;

	if (!attrs || element_unread(cx, o, 2, edge)) {
		json_decref(attrs);
		return -1;
	}
	return add(cx, list, i, o, id, attrs, edge);
}

static int declarations(struct cx *cx, const json_t *list, size_t i,
			const json_t *o, int unused)
{
	(void)list;
	(void)i;
	(void)unused;
	for (int edge = 0; edge < 2; edge++) {
		const json_t *d = json_object_get(o, edge ? "edges" : "nodes");

		if (d && !json_is_object(d))
			return rd_wrong_kind(cx->rd, o, edge ? "edges" :
						       "nodes", 0, "an object");
		if (d)
			cx->declared[edge] = d;
	}
	return 0;
}

/* CX 1's {"n": "name", "v": ...}, one an attribute; CX 2's {"name": ...,
 * "description": ...}, all in one. */
static int network_attr(struct cx *cx, const json_t *list, size_t i,
			const json_t *o, int unused)
{
	const char *n = json_string_value(json_object_get(o, "n"));
	const json_t *v = json_object_get(o, "v");
	struct reader *rd = cx->rd;

	(void)unused;
	if (!n)
		return rd_graph_attrs(rd, o, NULL, "name", NULL);
	if (json_is_string(v) && (!strcmp(n, "name") ||
				  !strcmp(n, "description")))
		return sg_graph_set_title(rd->g, strcmp(n, "name") ? NULL :
					  json_string_value(v),
					  strcmp(n, "name") ?
					  json_string_value(v) : NULL,
					  rd_loc(rd, list, NULL, i), rd->err);
	return rd_unread_at(rd, rd_loc(rd, list, NULL, i), n, v,
			    "networkAttributes");
}

/* Names what the aspects hold that is not read: the drawing (layouts,
 * visual properties, CX 2's positions) as hints, which read.c names in
 * one warning, and every other aspect but those that only frame the
 * document (its version, counts and status) in its own. */
static int unread_aspects(struct cx *cx, int version)
{
	static const char *const read[] = { "networkAttributes", "nodes",
		"edges", "nodeAttributes", "edgeAttributes",
		"attributeDeclarations", "CXVersion", "hasFragments",
		"numberVerification", "metaData", "status", NULL };
	static const char *const drawing[] = { "cartesianLayout",
		"visualProperties", "cyVisualProperties",
		"visualEditorProperties", "nodeBypasses", "edgeBypasses" };
	static const char *const position[] = { "x", "y", "z", NULL };
	struct reader *rd = cx->rd;
	int r = 0;

	for (size_t a = 0; !r && a < json_array_size(cx->doc); a++) {
		const json_t *aspect = json_array_get(cx->doc, a), *v;
		const json_t *nodes = json_object_get(aspect, "nodes");
		const char *name;

		for (size_t i = 0; version == 2 && !r &&
				   i < json_array_size(nodes); i++)
			r = rd_hints_of(rd, json_array_get(nodes, i), position);
		json_object_foreach((json_t *)aspect, name, v) {
			size_t k = 0, d = 0;

			while (read[k] && strcmp(read[k], name))
				k++;
			while (d < SG_ARRAY_SIZE(drawing) &&
			       strcmp(drawing[d], name))
				d++;
			/* (an empty aspect holds nothing to lose) */
			if (r || (read[k] && (version == 2 ||
					      strcmp(name,
						     "attributeDeclarations"))) ||
			    (json_is_array(v) && !json_array_size(v)))
				continue;
			r = d == SG_ARRAY_SIZE(drawing) ?
				    rd_unread(rd, aspect, name, NULL) :
				    rd_hint_at(rd, name, json_array_size(v),
					       rd_loc(rd, aspect, name, 0));
		}
	}
	return r;
}

/* The keys each element of an aspect holds, of the aspects that frame the
 * document and of CX 1's attributes (CX 2's networkAttributes are keyed
 * by the attributes' names): version 0, either. NULL-terminated. */
static const struct framing {
	const char *aspect;
	int version;
	const char *const keys[9];
} framing[] = {
	{ "metaData", 0, { "name", "elementCount", "idCounter", "version",
			   "consistencyGroup", "properties", "checksum",
			   "lastUpdate" } },
	{ "status", 0, { "error", "success" } },
	{ "numberVerification", 1, { "longNumber" } },
	{ "networkAttributes", 1, { "n", "v", "d", "s" } },
	{ "nodeAttributes", 1, { "po", "n", "v", "d", "s" } },
	{ "edgeAttributes", 1, { "po", "n", "v", "d", "s" } },
	{ "attributeDeclarations", 2, { "networkAttributes", "nodes",
					"edges" } },
};

/* CX 2's declarations, {"nodes": {NAME: {d, a, v}}, ...}: each an object
 * of its type, alias and default value. */
static int unread_declarations(struct reader *rd, const json_t *el)
{
	static const char *const keys[] = { "d", "a", "v", NULL };
	const char *kind, *name;
	const json_t *decls, *d;

	json_object_foreach((json_t *)el, kind, decls)
		json_object_foreach((json_t *)decls, name, d)
			if (json_is_object(d) ?
				    rd_unread_keys(rd, d, keys, name) :
				    rd_unread(rd, decls, name, kind))
				return -1;
	return 0;
}

/* Names any other key of an element of those aspects, and of an
 * attribute's declaration. */
static int unread_framing(struct cx *cx, int version)
{
	for (size_t a = 0; a < json_array_size(cx->doc); a++) {
		const json_t *aspect = json_array_get(cx->doc, a);

		for (size_t k = 0; k < SG_ARRAY_SIZE(framing); k++) {
			const struct framing *fr = &framing[k];
			const json_t *list = json_object_get(aspect,
							     fr->aspect);

			if (fr->version && fr->version != version)
				continue;
			for (size_t i = 0; i < json_array_size(list); i++) {
				const json_t *el = json_array_get(list, i);

				if (rd_unread_keys(cx->rd, el, fr->keys,
						   fr->aspect) ||
				    (version == 2 && fr->version == 2 &&
				     unread_declarations(cx->rd, el)))
					return -1;
			}
		}
	}
	return 0;
}

static int read_cx(struct reader *rd, const json_t *doc, int version)
{
	struct cx cx = { .rd = rd, .doc = doc };
	int r;

	if (!json_is_array(doc))
		return rd_wrong_kind(rd, NULL, NULL, 0, "a list of aspects");
	r = each(&cx, "networkAttributes", 0, network_attr) ||
	    unread_aspects(&cx, version) || unread_framing(&cx, version);
	if (!r && version == 1)
		r = each(&cx, "nodeAttributes", 0, note_attr) ||
		    each(&cx, "edgeAttributes", 1, note_attr) ||
		    each(&cx, "nodes", 0, cx1_element) ||
		    each(&cx, "edges", 1, cx1_element);
	else if (!r)
		r = each(&cx, "attributeDeclarations", 0, declarations) ||
		    each(&cx, "nodes", 0, cx2_element) ||
		    each(&cx, "edges", 1, cx2_element);
	sg_map_release(&cx.by_po[0]);
	sg_map_release(&cx.by_po[1]);
	free(cx.attrs);
	return r;
}

static int read_cx1(struct reader *rd, const json_t *doc)
{
	return read_cx(rd, doc, 1);
}

static int read_cx2(struct reader *rd, const json_t *doc)
{
	return read_cx(rd, doc, 2);
}

/* CX 1 begins with numberVerification or metaData (or, written by hand,
 * with its nodes, whose ids are "@id"). */
static enum rd_sure detect_cx1(const json_t *doc)
{
	const json_t *first = json_array_get(doc, 0);

	if (!json_is_array(doc) || json_object_size(first) != 1)
		return RD_NOT;
	if (json_is_array(json_object_get(first, "numberVerification")) ||
	    json_is_array(json_object_get(first, "metaData")) ||
	    json_object_get(rd_first(first, "nodes"), "@id") ||
	    json_object_get(rd_first(first, "edges"), "@id"))
		return RD_SURE;
	return RD_NOT;
}

/* CX 2 begins with {"CXVersion": "2.0"}. */
static enum rd_sure detect_cx2(const json_t *doc)
{
	return json_is_array(doc) &&
			       json_object_get(json_array_get(doc, 0),
					       "CXVersion") ?
		       RD_SURE :
		       RD_NOT;
}

const struct rd_format rd_cx = {
	.name = "cx",
	.about = "NDEx CX (network biology): its aspects nodes, edges, "
		 "nodeAttributes, edgeAttributes",
	.detect = detect_cx1,
	.read = read_cx1,
	.arrays = 1,
};

const struct rd_format rd_cx2 = {
	.name = "cx2",
	.about = "NDEx CX2 (Cytoscape Web): nodes and edges with their "
		 "attributes, attributeDeclarations",
	.detect = detect_cx2,
	.read = read_cx2,
	.arrays = 1,
};
