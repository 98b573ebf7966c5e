// CPNG: libpng 1.6's simplified write API (Debian libpng-dev). Only png_image is used: it keeps libpng's
// setjmp/longjmp error handling inside libpng, so no longjmp ever crosses a Swift frame.
#ifndef AMELI_CPNG_SHIM_H
#define AMELI_CPNG_SHIM_H
#include <png.h>

// PNG_IMAGE_PNG_SIZE_MAX is a function-like macro, which Swift cannot import: the largest PNG the simplified
// API can write for this image, so one buffer is always enough and the image is compressed only once.
static inline size_t ameli_png_image_png_size_max(png_image image) {
    return PNG_IMAGE_PNG_SIZE_MAX(image);
}
#endif
