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

/// An 8-bit indexed PNG (sRGB, as png_image writes it) from rows already filtered: each row is its filter byte
/// (0, NONE: the documents' rows are runs of a few palette indices) then its indices. The rows are compressed in
/// one deflate call at zlib `level` with `strategy` (Z_RLE), not row by row as png_write_row would: libpng's 638
/// calls on a card at 300 dpi cost a fifth of the encoding. The bytes are libpng's for any image of more than 16 KiB
/// of rows; for a smaller one libpng narrowed zlib's window, which this always opens at 32 KiB (same pixels).
/// libpng writes the signature, the header, sRGB and the palette, then the IDAT chunks (as libpng cuts them, 8 KiB
/// each) and IEND through png_write_chunk, so every CRC is still libpng's. Returns 0, or -1 with nothing to free.
static inline int ameli_png_write_indexed(const unsigned char *rows, unsigned width, unsigned height,
                                          const unsigned char *palette_rgb, int palette_count, int level,
                                          int strategy, ameli_png_output *output) {
    size_t length = ((size_t)width + 1) * height;
    if (length > 0xFFFFFFFFu) return -1;   // zlib takes a 32-bit length in one call
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, level, Z_DEFLATED, 15, 8, strategy) != Z_OK) return -1;
    uLong bound = deflateBound(&z, (uLong)length);
    unsigned char *compressed = (unsigned char *)malloc(bound);
    if (compressed == NULL) { deflateEnd(&z); return -1; }
    z.next_in = (Bytef *)rows;
    z.avail_in = (uInt)length;
    z.next_out = compressed;
    z.avail_out = (uInt)bound;
    int status = deflate(&z, Z_FINISH);
    size_t compressed_size = bound - z.avail_out;
    deflateEnd(&z);
    if (status != Z_STREAM_END) { free(compressed); return -1; }

    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (png == NULL) { free(compressed); return -1; }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) { png_destroy_write_struct(&png, NULL); free(compressed); return -1; }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(compressed);
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
    png_write_info(png, info);
    for (size_t offset = 0; offset < compressed_size; offset += 8192) {
        size_t chunk = compressed_size - offset < 8192 ? compressed_size - offset : 8192;
        png_write_chunk(png, (png_const_bytep)"IDAT", compressed + offset, chunk);
    }
    png_write_chunk(png, (png_const_bytep)"IEND", NULL, 0);
    png_destroy_write_struct(&png, &info);
    free(compressed);
    return 0;
}
#endif
