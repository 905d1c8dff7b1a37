/* Which characters the installed fonts can draw, as fontconfig tells it:
 * Graphviz's cairo and gd renderers draw from the same catalogue, and a
 * character no font has comes out as a box. */
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>

#include "draw.h"

struct sg_glyphs {
	FcCharSet *all; /* every character of every installed font */
};

sg_glyphs *sg_glyphs_open(void)
{
	sg_glyphs *gl = calloc(1, sizeof(*gl));
	FcPattern *any = FcPatternCreate();
	FcObjectSet *charsets = FcObjectSetBuild(FC_CHARSET, (char *)NULL);
	FcFontSet *fonts = any && charsets ? FcFontList(NULL, any, charsets) :
					     NULL;

	if (gl && fonts && (gl->all = FcCharSetCreate())) {
		for (int i = 0; i < fonts->nfont; i++) {
			FcCharSet *cs;

			if (FcPatternGetCharSet(fonts->fonts[i], FC_CHARSET, 0,
						&cs) == FcResultMatch &&
			    !FcCharSetMerge(gl->all, cs, NULL))
				break;
		}
	}
	if (fonts)
		FcFontSetDestroy(fonts);
	if (charsets)
		FcObjectSetDestroy(charsets);
	if (any)
		FcPatternDestroy(any);
	if (gl && !gl->all) {
		free(gl);
		gl = NULL;
	}
	return gl;
}

void sg_glyphs_close(sg_glyphs *gl)
{
	if (!gl)
		return;
	FcCharSetDestroy(gl->all);
	free(gl);
}

uint32_t sg_glyphs_missing(const sg_glyphs *gl, const char *text)
{
	const FcChar8 *p = (const FcChar8 *)text;
	int left = (int)strlen(text);

	while (left > 0) {
		FcChar32 c;
		int n = FcUtf8ToUcs4(p, &c, left);

		if (n <= 0)
			return 0;
		/* spaces and controls draw as nothing, in any font */
		if (c > 0x7F && c != 0xA0 && !FcCharSetHasChar(gl->all, c))
			return c;
		p += n;
		left -= n;
	}
	return 0;
}

/*
 * The scripts of Unicode's blocks, and the Debian package of fonts that has
 * them: fonts-noto-cjk for Chinese, Japanese and Korean, which
 * fonts-noto-core leaves out; fonts-noto-core for most others.
 */
static const struct script {
	uint32_t first, last;
	const char *name, *package;
} scripts[] = {
	{ 0x0370, 0x03FF, "Greek", "fonts-noto-core" },
	{ 0x0400, 0x052F, "Cyrillic", "fonts-noto-core" },
	{ 0x0530, 0x058F, "Armenian", "fonts-noto-core" },
	{ 0x0590, 0x05FF, "Hebrew", "fonts-noto-core" },
	{ 0x0600, 0x08FF, "Arabic", "fonts-noto-core" },
	{ 0x0900, 0x097F, "Devanagari", "fonts-noto-core" },
	{ 0x0980, 0x09FF, "Bengali", "fonts-noto-core" },
	{ 0x0A00, 0x0A7F, "Gurmukhi", "fonts-noto-core" },
	{ 0x0A80, 0x0AFF, "Gujarati", "fonts-noto-core" },
	{ 0x0B00, 0x0B7F, "Oriya", "fonts-noto-core" },
	{ 0x0B80, 0x0BFF, "Tamil", "fonts-noto-core" },
	{ 0x0C00, 0x0C7F, "Telugu", "fonts-noto-core" },
	{ 0x0C80, 0x0CFF, "Kannada", "fonts-noto-core" },
	{ 0x0D00, 0x0D7F, "Malayalam", "fonts-noto-core" },
	{ 0x0D80, 0x0DFF, "Sinhala", "fonts-noto-core" },
	{ 0x0E00, 0x0E7F, "Thai", "fonts-noto-core" },
	{ 0x0E80, 0x0EFF, "Lao", "fonts-noto-core" },
	{ 0x0F00, 0x0FFF, "Tibetan", "fonts-noto-core" },
	{ 0x1000, 0x109F, "Myanmar", "fonts-noto-core" },
	{ 0x10A0, 0x10FF, "Georgian", "fonts-noto-core" },
	{ 0x1100, 0x11FF, "Hangul", "fonts-noto-cjk" },
	{ 0x1200, 0x139F, "Ethiopic", "fonts-noto-core" },
	{ 0x1780, 0x17FF, "Khmer", "fonts-noto-core" },
	{ 0x1800, 0x18AF, "Mongolian", "fonts-noto-core" },
	{ 0x2E80, 0x2FDF, "Han", "fonts-noto-cjk" },
	{ 0x3000, 0x303F, "CJK punctuation", "fonts-noto-cjk" },
	{ 0x3040, 0x309F, "Hiragana", "fonts-noto-cjk" },
	{ 0x30A0, 0x30FF, "Katakana", "fonts-noto-cjk" },
	{ 0x3100, 0x312F, "Bopomofo", "fonts-noto-cjk" },
	{ 0x3130, 0x318F, "Hangul", "fonts-noto-cjk" },
	{ 0x3400, 0x4DBF, "Han", "fonts-noto-cjk" },
	{ 0x4E00, 0x9FFF, "Han", "fonts-noto-cjk" },
	{ 0xAC00, 0xD7AF, "Hangul", "fonts-noto-cjk" },
	{ 0xF900, 0xFAFF, "Han", "fonts-noto-cjk" },
	{ 0xFF00, 0xFFEF, "CJK full-width", "fonts-noto-cjk" },
	{ 0x1F000, 0x1FAFF, "emoji", "fonts-noto-color-emoji" },
	{ 0x20000, 0x3FFFF, "Han", "fonts-noto-cjk" },
};

const char *sg_script_of(uint32_t c, const char **package)
{
	for (size_t i = 0; i < SG_ARRAY_SIZE(scripts); i++)
		if (c >= scripts[i].first && c <= scripts[i].last) {
			*package = scripts[i].package;
			return scripts[i].name;
		}
	*package = "fonts-noto-core";
	return NULL;
}
