/*
 * A page of a drawing (-T html): one HTML file that needs nothing else.
 * It holds the SVG Graphviz drew, the view as scograph's JSON with the
 * SVG element ids of its entities and relations, and the page's own style
 * and script (src/page.css, src/page.js, built in). Nothing of the input
 * becomes markup: the SVG is Graphviz's (its text escaped, see draw_text.c),
 * the JSON sits in a data block where '<' cannot end it, and the script
 * puts what it shows into the page as text. A Content-Security-Policy
 * lets only this style and this script run, by their hashes, and asks
 * for nothing over the network.
 */
#include <inttypes.h>
#include <nettle/base64.h>
#include <nettle/sha2.h>
#include <string.h>

#include "draw.h"
#include "internal.h"

extern const unsigned char sg_page_css[], sg_page_js[];
extern const size_t sg_page_css_len, sg_page_js_len;

/* Adds text to b as HTML text or an attribute's value. */
static int add_escaped(sg_buf *b, const char *text)
{
	int r = 0;

	for (const char *p = text; *p && !r; p++)
		switch (*p) {
		case '&': r = sg_buf_adds(b, "&amp;"); break;
		case '<': r = sg_buf_adds(b, "&lt;"); break;
		case '>': r = sg_buf_adds(b, "&gt;"); break;
		case '"': r = sg_buf_adds(b, "&quot;"); break;
		default: r = sg_buf_add(b, p, 1);
		}
	return r;
}

/* Adds the CSP source of len bytes at text, 'sha256-...'. */
static int add_hash(sg_buf *b, const void *text, size_t len)
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	char base64[BASE64_ENCODE_RAW_LENGTH(SHA256_DIGEST_SIZE) + 1];

	sha256_init(&ctx);
	sha256_update(&ctx, len, text);
	sha256_digest(&ctx, sizeof(digest), digest);
	base64_encode_raw(base64, sizeof(digest), digest);
	base64[sizeof(base64) - 1] = '\0';
	return sg_buf_addf(b, " 'sha256-%s'", base64);
}

/* The SVG's <style> element's text (theme auto's), in *at and *len; 0
 * when it has none. scograph writes it with no character reference, so
 * its text is its bytes. */
static int svg_style(const char *svg, const char **at, size_t *len)
{
	const char *open = strstr(svg, "<style>"), *close;

	if (!open)
		return 0;
	open += 7;
	if (!(close = strstr(open, "</style>")))
		return 0;
	*at = open;
	*len = (size_t)(close - open);
	return 1;
}

/* Adds Graphviz's SVG from its <svg> element on, without its comments
 * (which hold the nodes' names: nothing the page needs). */
static int add_svg(sg_buf *b, const char *svg)
{
	const char *p = strstr(svg, "<svg");
	int r = 0;

	while (p && !r) {
		const char *c = strstr(p, "<!--");

		r = c ? sg_buf_add(b, p, (size_t)(c - p)) : sg_buf_adds(b, p);
		if ((p = c ? strstr(c, "-->") : NULL))
			p += 3;
	}
	return r;
}

/* Adds JSON text to b where an HTML data block holds it: '<', '>' and
 * '&' as \u escapes (they appear only inside strings), so that nothing
 * in it ends the block or reads as markup. */
static int add_json_data(sg_buf *b, const char *json, size_t n)
{
	int r = 0;

	for (size_t i = 0; i < n && !r; i++) {
		char c = json[i];

		r = c == '<' || c == '>' || c == '&' ?
			    sg_buf_addf(b, "\\u%04x", (unsigned)c) :
			    sg_buf_add(b, &json[i], 1);
	}
	return r;
}

/* Adds the SVG element ids of the view's entities and relations, in the
 * order its JSON lists them, as two JSON arrays. */
static int add_svg_ids(sg_buf *b, const sg_view *v, sg_buf *id)
{
	const sg_graph *g = v->graph;
	int r = sg_buf_adds(b, "{\"entities\": [");

	for (size_t k = 0; k < v->nshown && !r; k++) {
		sg_buf_reset(id);
		r = sg_svg_entity_id(id, g, v->shown[k]) ||
		    sg_buf_adds(b, k ? ", " : "") ||
		    sg_buf_add_json(b, sg_buf_str(id));
	}
	r = r || sg_buf_adds(b, "], \"relations\": [");
	for (size_t i = 0, n = 0; i < g->nrelations && !r; i++) {
		if (!v->relation_on[i])
			continue;
		sg_buf_reset(id);
		r = sg_svg_relation_id(id, g, i) ||
		    sg_buf_adds(b, n++ ? ", " : "") ||
		    sg_buf_add_json(b, sg_buf_str(id));
	}
	return r || sg_buf_adds(b, "]}");
}

/* Adds each summary's own drawing that there is, in a template the page
 * opens in place of the drawing (its element ids repeat the drawing's,
 * and a template's content is no part of the document until then). */
static int add_unfolded(sg_buf *b, const sg_view *v, const char *unfolded,
			const size_t *at)
{
	int r = 0;

	for (size_t i = 0; at && i < v->nfolds && !r; i++)
		if (at[i])
			r = sg_buf_addf(b, "<template id=\"unfold-%zu\">",
					i + 1) ||
			    add_svg(b, unfolded + at[i] - 1) ||
			    sg_buf_adds(b, "</template>\n");
	return r;
}

int sg_html_page(const sg_view *v, const sg_render_opts *o, const char *svg,
		 int unnamed, const char *unfolded, const size_t *at,
		 sg_buf *out)
{
	const char *title = o->title ? o->title : v->graph->title;
	const char *style = NULL;
	size_t style_len = 0;
	sg_buf json = SG_BUF_INIT, id = SG_BUF_INIT, diff = SG_BUF_INIT;
	int r = sg_write_json(v, unnamed, &json) ||
		(v->diff && sg_diff_json(v->diff, &diff));

	if (!title || !*title)
		title = "scograph";
	r = r || sg_buf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n"
				  "<head>\n<meta charset=\"utf-8\">\n"
				  "<meta http-equiv=\"Content-Security-Policy\" "
				  "content=\"default-src 'none'; script-src") ||
	    add_hash(out, sg_page_js, sg_page_js_len) ||
	    sg_buf_adds(out, "; style-src") ||
	    add_hash(out, sg_page_css, sg_page_css_len) ||
	    (svg_style(svg, &style, &style_len) &&
	     add_hash(out, style, style_len)) ||
	    sg_buf_adds(out, "; img-src data:; base-uri 'none'; "
			     "form-action 'none'\">\n"
			     "<meta name=\"viewport\" content=\"width=device-"
			     "width, initial-scale=1\">\n"
			     "<meta name=\"generator\" content=\"scograph " SG_VERSION
			     "\">\n<title>") ||
	    add_escaped(out, title) || sg_buf_adds(out, "</title>\n<style>") ||
	    sg_buf_add(out, (const char *)sg_page_css, sg_page_css_len) ||
	    sg_buf_adds(out, "</style>\n</head>\n<body>\n<header>\n<h1>") ||
	    add_escaped(out, title) ||
	    sg_buf_adds(out,
			"</h1>\n<div id=\"search-box\" role=\"combobox\" "
			"aria-expanded=\"false\" aria-owns=\"results\" "
			"aria-haspopup=\"listbox\">\n<input id=\"search\" "
			"type=\"search\" placeholder=\"Search (/)\" "
			"aria-label=\"Search entities by name, alias, id or type\" "
			"aria-autocomplete=\"list\" aria-controls=\"results\" "
			"autocomplete=\"off\">\n<ul id=\"results\" role=\"listbox\" "
			"aria-label=\"Entities found\"></ul>\n</div>\n"
			"<button id=\"zoom-in\" type=\"button\" aria-label=\"Zoom "
			"in\">+</button>\n<button id=\"zoom-out\" type=\"button\" "
			"aria-label=\"Zoom out\">\xe2\x88\x92</button>\n"
			"<button id=\"fit\" type=\"button\">Fit</button>\n"
			"<details id=\"types\"><summary>Types</summary>"
			"<fieldset id=\"type-list\"><legend>Show</legend>"
			"</fieldset></details>\n</header>\n<main>\n"
			"<nav id=\"changes\" aria-label=\"Changes\" hidden></nav>\n"
			"<div id=\"view\" role=\"application\" "
			"aria-label=\"The drawing: drag to move, the wheel or + "
			"and \xe2\x88\x92 to zoom, Tab to go through its entities\">\n") ||
	    add_svg(out, svg) ||
	    sg_buf_adds(out, "</div>\n<aside id=\"panel\" aria-live=\"polite\" "
			     "hidden></aside>\n</main>\n") ||
	    add_unfolded(out, v, unfolded, at) ||
	    sg_buf_adds(out, "<script type=\"application/"
			     "json\" id=\"graph\">{\"graph\": ") ||
	    add_json_data(out, json.buf, json.len) ||
	    sg_buf_adds(out, ",\n\"svg\": ") || add_svg_ids(out, v, &id) ||
	    (diff.len && (sg_buf_adds(out, ",\n\"diff\": ") ||
			  add_json_data(out, diff.buf, diff.len))) ||
	    sg_buf_adds(out, "}</script>\n<script>") ||
	    sg_buf_add(out, (const char *)sg_page_js, sg_page_js_len) ||
	    sg_buf_adds(out, "</script>\n</body>\n</html>\n");
	sg_buf_release(&json);
	sg_buf_release(&id);
	sg_buf_release(&diff);
	return r ? -1 : 0;
}
