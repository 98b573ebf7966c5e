// CHaru: libharu 2.3.0 (Debian libhpdf-dev), which ships no pkg-config file. Besides hpdf.h, PDFRenderer uses
// three of libharu's installed internal headers: encoders (per-document encodings), font definitions and
// streams (loading a TrueType font from memory, which the public API cannot: it takes a path only).
#ifndef AMELI_CHARU_SHIM_H
#define AMELI_CHARU_SHIM_H
#include <hpdf.h>
#include <hpdf_encoder.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>
#endif
