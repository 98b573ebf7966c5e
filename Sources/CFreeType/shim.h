// CFreeType: FreeType 2 for Swift (Debian libfreetype-dev). FreeType's headers are included through its
// ft2build.h configuration macros, which Swift cannot expand itself.
#ifndef AMELI_CFREETYPE_SHIM_H
#define AMELI_CFREETYPE_SHIM_H
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_STROKER_H
#include FT_ADVANCES_H
#include FT_GLYPH_H
#include FT_BITMAP_H
#include FT_TRUETYPE_TABLES_H
#endif
