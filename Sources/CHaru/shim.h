// CHaru: libharu 2.3.0 (Debian libhpdf-dev), which ships no pkg-config file. hpdf.h brings the document,
// encoder and font-definition structures that PDFRenderer uses to register per-document encodings.
#ifndef AMELI_CHARU_SHIM_H
#define AMELI_CHARU_SHIM_H
#include <hpdf.h>
#include <hpdf_encoder.h>

// libharu 2.3.0 loads TrueType fonts from a path only, so PDFRenderer hands it an anonymous in-memory file
// (/proc/self/fd/N). glibc declares memfd_create only under _GNU_SOURCE, which the Swift Glibc module is not
// built with; this is glibc's own prototype (glibc >= 2.27).
extern int memfd_create(const char *name, unsigned int flags);

#endif
