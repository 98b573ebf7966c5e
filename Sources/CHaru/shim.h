// CHaru: libharu 2.3.0 (Debian libhpdf-dev), which ships no pkg-config file. Besides hpdf.h, PDFRenderer uses
// libharu's installed internal headers: font definitions and streams (loading a TrueType font from memory and
// writing its glyph subset), objects and pages (the composite-font dictionaries, PDF/A metadata and the raw text
// operators libharu 2.3.0 cannot write for them), the document record and MD5 (the file identifier).
#ifndef AMELI_CHARU_SHIM_H
#define AMELI_CHARU_SHIM_H
#include <hpdf.h>
#include <hpdf_version.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

// Those structures are not libharu's API and may change in any release: refuse to build against any other libharu
// than the one PDFRenderer was written for, naming both versions, rather than read memory wrongly. The failed
// requirement in the compiler's message reads "found == required".
#define AMELI_CHARU_REQUIRED_VERSION_ID 20300
#if HPDF_VERSION_ID != AMELI_CHARU_REQUIRED_VERSION_ID
#pragma message("CHaru: found libharu " HPDF_VERSION_TEXT "; PDFRenderer requires libharu 2.3.0")
_Static_assert(HPDF_VERSION_ID == AMELI_CHARU_REQUIRED_VERSION_ID,
               "CHaru: PDFRenderer reads libharu 2.3.0's internal headers and requires libharu 2.3.0 "
               "(HPDF_VERSION_ID 20300); the libharu found is another version");
#endif
#endif
