// PNGEncoding: a Raster to PNG bytes with libpng's simplified API (the only libpng user).

import CPNG

enum PNGEncoding {
    /// Encodes 8-bit RGB, filter NONE at zlib level 3 (`PNG_IMAGE_FLAG_FAST`, the simplified API's only speed
    /// setting). Documents are flat colours with antialiased edges: the adaptive filters libpng uses otherwise
    /// cost several times more for little gain on such images (measured figures in the engine report).
    static func encode(_ raster: Raster) throws -> [UInt8] {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(raster.width)
        image.height = png_uint_32(raster.height)
        image.format = png_uint_32(PNG_FORMAT_RGB)
        image.flags = png_uint_32(PNG_IMAGE_FLAG_FAST)
        // One buffer large enough for any outcome, so the image is compressed once.
        var capacity = ameli_png_image_png_size_max(image)
        var output = [UInt8](repeating: 0, count: capacity)
        let ok = output.withUnsafeMutableBytes { memory in
            raster.pixels.withUnsafeBytes { pixels in
                png_image_write_to_memory(&image, memory.baseAddress, &capacity, 0, pixels.baseAddress, 0, nil)
            }
        }
        guard ok != 0 else {
            let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            png_image_free(&image)
            throw PNGRendererError.libpng(message: message)
        }
        output.removeSubrange(capacity...)
        return output
    }
}
