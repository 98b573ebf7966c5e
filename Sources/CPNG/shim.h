// CPNG: libpng 1.6 (Debian libpng-dev). The simplified write API (png_image) keeps libpng's setjmp/longjmp error
// handling inside libpng. The one function below uses the full write API for what png_image cannot choose (the
// zlib strategy), and keeps setjmp and every longjmp inside itself: no longjmp ever crosses a Swift frame.
#ifndef AMELI_CPNG_SHIM_H
#define AMELI_CPNG_SHIM_H
#include <png.h>
#include <setjmp.h>
#include <zlib.h>
#include <stdlib.h>
#include <string.h>

// PNG_IMAGE_PNG_SIZE_MAX is a function-like macro, which Swift cannot import: the largest PNG the simplified
// API can write for this image, so one buffer is always enough and the image is compressed only once.
static inline size_t ameli_png_image_png_size_max(png_image image) {
    return PNG_IMAGE_PNG_SIZE_MAX(image);
}

/// The bytes written so far, in a buffer the caller frees with free().
typedef struct {
    unsigned char *data;
    size_t size;
    size_t capacity;
} ameli_png_output;

static void ameli_png_append(png_structp png, png_bytep bytes, size_t length) {
    ameli_png_output *output = (ameli_png_output *)png_get_io_ptr(png);
    if (output->size + length > output->capacity) {
        size_t capacity = output->capacity * 2 + length;
        unsigned char *data = (unsigned char *)realloc(output->data, capacity);
        if (data == NULL) png_error(png, "out of memory");   // longjmps to the setjmp below, in this file
        output->data = data;
        output->capacity = capacity;
    }
    memcpy(output->data + output->size, bytes, length);
    output->size += length;
}

static void ameli_png_flush(png_structp png) { (void)png; }

/// An 8-bit indexed PNG (sRGB, as png_image writes it) with filter NONE at zlib `level` with `strategy`
/// (Z_RLE: the documents' rows are runs of a few palette indices). Returns 0, or -1 with nothing to free.
static inline int ameli_png_write_indexed(const unsigned char *indices, unsigned width, unsigned height,
                                          const unsigned char *palette_rgb, int palette_count, int level,
                                          int strategy, ameli_png_output *output) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (png == NULL) return -1;
    png_infop info = png_create_info_struct(png);
    if (info == NULL) { png_destroy_write_struct(&png, NULL); return -1; }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(output->data);
        output->data = NULL;
        output->size = output->capacity = 0;
        return -1;
    }
    png_set_write_fn(png, output, ameli_png_append, ameli_png_flush);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
    png_color colors[256];
    for (int i = 0; i < palette_count && i < 256; i++) {
        colors[i].red = palette_rgb[3 * i];
        colors[i].green = palette_rgb[3 * i + 1];
        colors[i].blue = palette_rgb[3 * i + 2];
    }
    png_set_PLTE(png, info, colors, palette_count);
    png_set_filter(png, 0, PNG_FILTER_NONE);
    png_set_compression_level(png, level);
    png_set_compression_strategy(png, strategy);
    png_write_info(png, info);
    for (unsigned row = 0; row < height; row++) png_write_row(png, indices + (size_t)row * width);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return 0;
}
#endif
