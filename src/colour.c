/* Colours: a drawing's colours turned dark, and an SVG that turns dark for
 * a reader whose screen prefers it. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/*
 * The dark drawing keeps every contrast of the light one. WCAG's contrast
 * of two colours is (Y1 + 0.05) / (Y2 + 0.05), Y their relative luminance;
 * Y' = K / (Y + 0.05) - 0.05 turns that ratio upside down and so keeps it,
 * text on its fill and a line on the background alike. K makes white the
 * luminance of GitHub's dark background, #0d1117 (0.0055); a colour darker
 * than that luminance in the light drawing (near black) comes out white,
 * the one place a contrast shrinks. Each colour keeps its hue: its OKLab
 * a and b stay, and its lightness L is found that gives Y'.
 */
#define DARK_BACKGROUND_Y 0.0055
#define K ((DARK_BACKGROUND_Y + 0.05) * (1 + 0.05))

static double to_linear(double c)
{
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double to_srgb(double c)
{
	c = c < 0 ? 0 : c > 1 ? 1 : c;
	return c <= 0.0031308 ? c * 12.92 : 1.055 * pow(c, 1 / 2.4) - 0.055;
}

static double luminance(const double rgb[3])
{
	return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

/* Linear sRGB of OKLab (L, a, b) into rgb, each clipped to 0..1. */
static void from_oklab(double L, double a, double b, double rgb[3])
{
	double l = L + 0.3963377774 * a + 0.2158037573 * b;
	double m = L - 0.1055613458 * a - 0.0638541728 * b;
	double s = L - 0.0894841775 * a - 1.2914855480 * b;

	l = l * l * l;
	m = m * m * m;
	s = s * s * s;
	rgb[0] = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
	rgb[1] = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
	rgb[2] = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s;
	for (int i = 0; i < 3; i++)
		rgb[i] = rgb[i] < 0 ? 0 : rgb[i] > 1 ? 1 : rgb[i];
}

/* OKLab a and b of linear sRGB rgb (L is found again). */
static void to_oklab(const double rgb[3], double *a, double *b)
{
	double l = cbrt(0.4122214708 * rgb[0] + 0.5363325363 * rgb[1] +
			0.0514459929 * rgb[2]);
	double m = cbrt(0.2119034982 * rgb[0] + 0.6806995451 * rgb[1] +
			0.1073969566 * rgb[2]);
	double s = cbrt(0.0883024619 * rgb[0] + 0.2817188376 * rgb[1] +
			0.6299787005 * rgb[2]);

	*a = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
	*b = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
}

/* The colour of value, "#rrggbb", "#rrggbbaa", "white" or "black", as
 * linear sRGB; *alpha the "aa" or "". -1 for any other value. */
static int read_colour(const char *value, double rgb[3], const char **alpha)
{
	unsigned c[3];
	size_t n = strlen(value);

	*alpha = "";
	if (!strcmp(value, "white") || !strcmp(value, "black")) {
		rgb[0] = rgb[1] = rgb[2] = value[1] == 'h';
		return 0;
	}
	if ((n != 7 && n != 9) || value[0] != '#' ||
	    strspn(value + 1, "0123456789abcdefABCDEF") != n - 1 ||
	    sscanf(value + 1, "%2x%2x%2x", &c[0], &c[1], &c[2]) != 3)
		return -1;
	for (int i = 0; i < 3; i++)
		rgb[i] = to_linear(c[i] / 255.0);
	*alpha = value + 7;
	return 0;
}

const char *sg_colour_dark(const char *value, char *buf)
{
	double rgb[3], a, b, want, lo = 0, hi = 1;
	const char *alpha;
	unsigned out[3];

	if (read_colour(value, rgb, &alpha))
		return NULL;
	want = K / (luminance(rgb) + 0.05) - 0.05;
	to_oklab(rgb, &a, &b);
	/* the luminance grows with L: halve the interval of L to the
	 * nearest 8-bit step */
	for (int i = 0; i < 30; i++) {
		double mid = (lo + hi) / 2;

		from_oklab(mid, a, b, rgb);
		*(luminance(rgb) < want ? &lo : &hi) = mid;
	}
	from_oklab((lo + hi) / 2, a, b, rgb);
	for (int i = 0; i < 3; i++)
		out[i] = (unsigned)lround(to_srgb(rgb[i]) * 255);
	snprintf(buf, SG_COLOUR_SIZE, "#%02x%02x%02x%.2s", out[0], out[1],
		 out[2], alpha);
	return buf;
}

/* Adds to css the dark rule of attribute name's value, once a value
 * (seen: the values with rules); -1 when the value is no colour. */
static int add_rule(sg_buf *css, sg_map *seen, sg_arena **keys,
		    const char *name, const char *value, size_t n)
{
	char buf[SG_COLOUR_SIZE], key[SG_COLOUR_SIZE + sizeof("stroke=")];
	const char *k;

	if (n >= SG_COLOUR_SIZE)
		return -1;
	snprintf(key, sizeof(key), "%s=%.*s", name, (int)n, value);
	if (sg_map_get(seen, key) >= 0)
		return 0;
	if (!(k = sg_arena_strdup(keys, key)) || sg_map_add(seen, k, 0))
		return -2;
	if (!sg_colour_dark(strchr(k, '=') + 1, buf))
		return -1;
	return sg_buf_addf(css, "svg.scograph [%s=\"%.*s\"]{%s:%s}", name,
			   (int)n, value, name, buf) ? -2 : 0;
}

/* The first "<svg " of the len bytes at svg; NULL when none. */
static const char *svg_element(const char *svg, size_t len)
{
	for (const char *p = svg; p + 5 <= svg + len; p++)
		if (!memcmp(p, "<svg ", 5))
			return p;
	return NULL;
}

/*
 * What Graphviz's SVG paints is in fill and stroke attributes (a '"' in a
 * text or a value is written "&quot;"); a text of the default colour,
 * black, has none. Colours Graphviz writes by name (other than white and
 * black: -N fillcolor=gold) or as gradients have no dark counterpart here,
 * and a drawing that has one stays light: half turned, it might put light
 * text on light. The rules are the root's, class "scograph": an SVG put
 * inline in a page has its style apply to the whole page.
 */
int sg_svg_follow_scheme(sg_buf *out, const char *svg, size_t len)
{
	static const char *const attrs[] = { "fill", "stroke" };
	const char *end = svg + len, *open = svg_element(svg, len), *gt;
	sg_buf css = SG_BUF_INIT;
	sg_map seen = { 0 };
	sg_arena *keys = NULL;
	char black[SG_COLOUR_SIZE];
	int r, light = !open || !memchr(open, '>', (size_t)(end - open));

	r = sg_buf_addf(&css, "\n<style>@media screen and "
			"(prefers-color-scheme: dark){svg.scograph "
			"text:not([fill]){fill:%s}",
			sg_colour_dark("black", black));
	for (const char *p = svg; p < end && !r && !light; p++)
		for (size_t i = 0; i < SG_ARRAY_SIZE(attrs) && !r; i++) {
			size_t n = strlen(attrs[i]), v;
			int k;

			if ((size_t)(end - p) <= n + 3 || p[0] != ' ' ||
			    memcmp(p + 1, attrs[i], n) ||
			    memcmp(p + 1 + n, "=\"", 2) ||
			    !memchr(p + n + 3, '"', (size_t)(end - p) - n - 3))
				continue;
			p += n + 3;
			v = (size_t)((const char *)memchr(p, '"', (size_t)(end - p)) -
				     p);
			if ((v == 4 && !memcmp(p, "none", 4)) ||
			    (v == 11 && !memcmp(p, "transparent", 11)))
				continue;
			k = add_rule(&css, &seen, &keys, attrs[i], p, v);
			r = k == -2;
			light = k == -1;
		}
	r = r || sg_buf_adds(&css, "}</style>");
	sg_buf_reset(out);
	if (!r && light) {
		r = sg_buf_add(out, svg, len);
	} else if (!r) {
		gt = (const char *)memchr(open, '>', (size_t)(end - open)) + 1;
		r = sg_buf_add(out, svg, (size_t)(gt - 1 - svg)) ||
		    sg_buf_adds(out, " class=\"scograph\">") ||
		    sg_buf_add(out, css.buf, css.len) ||
		    sg_buf_add(out, gt, (size_t)(end - gt));
	}
	sg_buf_release(&css);
	sg_map_release(&seen);
	sg_arena_free(keys);
	return r ? -1 : 0;
}
