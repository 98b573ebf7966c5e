// PNGEncoding: a Raster to PNG bytes with libpng's simplified API (the only libpng user).

import CPNG
import Glibc

enum PNGEncoding {
    /// Encodes the raster, with a palette when it has at most 256 colours (documents almost always do, see
    /// `Blend`), as 8-bit RGB otherwise. Filter NONE at zlib level 3 (`PNG_IMAGE_FLAG_FAST`, the simplified API's
    /// only speed setting): on flat colours the adaptive filters cost several times more for little gain.
    ///
    /// Measured on a card at 300 dpi (1011 × 638, 110 colours; release build, `ameli-docs bench`): RGB with
    /// FAST 4.5 ms and 66 KB; with the palette 2.9 ms (0.5 ms of it building the palette) and 27.5 KB.
    static func encode(_ raster: Raster) throws -> [UInt8] {
        if let indexed = Palette(raster) {
            return try writeIndexed(raster, palette: indexed)
        }
        return try write(raster, format: png_uint_32(PNG_FORMAT_RGB), palette: nil)
    }

    /// zlib's run-length strategy at level 1, which png_image cannot ask for. Measured on the card at 300 dpi
    /// (release, `bench --phases`): its encoding took most of the render with png_image's FAST setting.
    static let indexedLevel: Int32 = 1
    static let indexedStrategy = Z_RLE

    /// An indexed PNG through the full write API (in CPNG's shim, which keeps libpng's longjmp in C).
    private static func writeIndexed(_ raster: Raster, palette: Palette) throws -> [UInt8] {
        var output = ameli_png_output(data: nil, size: 0, capacity: 0)
        let status = palette.indices.withUnsafeBufferPointer { indices in
            palette.colors.withUnsafeBufferPointer { colors in
                ameli_png_write_indexed(indices.baseAddress, UInt32(raster.width), UInt32(raster.height), colors.baseAddress,
                                        Int32(palette.colors.count / 3), indexedLevel, indexedStrategy, &output)
            }
        }
        defer { free(output.data) }
        guard status == 0, let data = output.data else { throw PNGRendererError.libpng(message: "indexed PNG write failed") }
        return Array(UnsafeBufferPointer(start: data, count: output.size))
    }

    private static func write(_ raster: Raster, format: png_uint_32, palette: Palette?) throws -> [UInt8] {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(raster.width)
        image.height = png_uint_32(raster.height)
        image.format = format
        image.flags = png_uint_32(PNG_IMAGE_FLAG_FAST)
        image.colormap_entries = png_uint_32((palette?.colors.count ?? 0) / 3)
        // One buffer large enough for any outcome, so the image is compressed once.
        var capacity = ameli_png_image_png_size_max(image)
        var output = [UInt8](repeating: 0, count: capacity)
        let ok = output.withUnsafeMutableBytes { memory in
            if let palette {
                return palette.indices.withUnsafeBytes { indices in
                    palette.colors.withUnsafeBytes { colors in
                        png_image_write_to_memory(&image, memory.baseAddress, &capacity, 0, indices.baseAddress, 0,
                                                  colors.baseAddress)
                    }
                }
            }
            return raster.pixels.withUnsafeBytes { pixels in
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

/// The raster as palette indices, when it has at most 256 distinct colours. Colours are numbered in order of
/// first appearance (rows top to bottom), so the same pixels always give the same palette.
struct Palette {
    /// RGB triplets, one per entry.
    var colors: [UInt8]
    /// One index per pixel.
    var indices: [UInt8]

    init?(_ raster: Raster) {
        let width = raster.width
        let count = width * raster.height
        var table = ColorTable()
        let indices = [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            initialized = 0
            raster.pixels.withUnsafeBytes { raw in
                let pixels = raw.baseAddress!
                let rowBytes = width * 3
                var previous = UInt32.max
                var previousIndex: UInt8 = 0
                for row in 0..<raster.height {
                    let rowStart = pixels + row * rowBytes
                    // Rows equal to the one above (margins, gaps between lines) reuse its indices.
                    if row > 0, memcmp(rowStart - rowBytes, rowStart, rowBytes) == 0 {
                        (out.baseAddress! + row * width).update(from: out.baseAddress! + (row - 1) * width, count: width)
                        continue
                    }
                    for column in 0..<width {
                        let offset = column * 3
                        // Little-endian 4-byte load, keeping the pixel's 3 bytes; the raster's last byte is
                        // read byte by byte so nothing is read past the end.
                        let key: UInt32
                        if row == raster.height - 1 && column == width - 1 {
                            let bytes = rowStart.assumingMemoryBound(to: UInt8.self) + offset
                            key = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16
                        } else {
                            key = rowStart.loadUnaligned(fromByteOffset: offset, as: UInt32.self) & 0xFF_FFFF
                        }
                        if key != previous {
                            guard let index = table.index(of: key) else { return }
                            previous = key
                            previousIndex = index
                        }
                        out[row * width + column] = previousIndex
                    }
                }
                initialized = count
            }
        }
        guard indices.count == count else { return nil }
        self.colors = table.colors
        self.indices = indices
    }
}

/// Up to 256 colours by their 24-bit little-endian key, in order of first appearance.
private struct ColorTable {
    // Open addressing; 1024 slots keep the table under 40 % full at 256 colours.
    private static let slots = 1024
    private var keys = [UInt32](repeating: .max, count: slots)
    private var values = [UInt8](repeating: 0, count: slots)
    private(set) var colors: [UInt8] = []

    /// The colour's palette index, adding it if new; nil when a 257th colour appears.
    mutating func index(of key: UInt32) -> UInt8? {
        var slot = Int((key &* 2_654_435_761) >> 22)
        while keys[slot] != key && keys[slot] != .max { slot = (slot + 1) & (Self.slots - 1) }
        if keys[slot] == key { return values[slot] }
        guard colors.count < 256 * 3 else { return nil }
        keys[slot] = key
        values[slot] = UInt8(colors.count / 3)
        colors += [UInt8(key & 0xFF), UInt8((key >> 8) & 0xFF), UInt8(key >> 16)]
        return values[slot]
    }
}
