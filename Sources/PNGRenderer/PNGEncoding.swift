// PNGEncoding: a Raster to PNG bytes through libpng (the only libpng writer).

import CPNG
import Glibc

enum PNGEncoding {
    /// Encodes the raster with a palette when it has at most 256 colours (documents almost always do, see `Blend`):
    /// filter NONE, zlib's run-length strategy at level 1, the rows compressed in one call (CPNG's shim). As 8-bit
    /// RGB through the simplified API otherwise (`PNG_IMAGE_FLAG_FAST`).
    ///
    /// Measured on the card at 300 dpi (1011 × 638, 78 colours; release, `bench --phases`): 1.55 ms of its 1.96 ms
    /// were encoding, of which zlib about 0.95 ms, building the palette 0.37 ms and libpng's row-by-row writing the
    /// rest. Runs read 8 pixels at a time and one deflate call over all rows brought the card to 1.70 ms, with the
    /// same bytes (except the zlib window of an image of at most 16 KiB of rows: see CPNG's shim).
    static func encode(_ raster: Raster) throws -> [UInt8] {
        if let indexed = Palette(raster) {
            return try writeIndexed(raster, palette: indexed)
        }
        return try writeRGB(raster)
    }

    /// zlib's run-length strategy at level 1, which png_image cannot ask for. Measured on the card at 300 dpi
    /// (release, `bench --phases`): its encoding took most of the render with png_image's FAST setting.
    static let indexedLevel: Int32 = 1
    static let indexedStrategy = Z_RLE

    /// An indexed PNG through the full write API (in CPNG's shim, which keeps libpng's longjmp in C).
    private static func writeIndexed(_ raster: Raster, palette: Palette) throws -> [UInt8] {
        var output = ameli_png_output(data: nil, size: 0, capacity: 0)
        let status = palette.rows.withUnsafeBufferPointer { rows in
            palette.colors.withUnsafeBufferPointer { colors in
                ameli_png_write_indexed(rows.baseAddress, UInt32(raster.width), UInt32(raster.height), colors.baseAddress,
                                        Int32(palette.colors.count / 3), indexedLevel, indexedStrategy, &output)
            }
        }
        defer { free(output.data) }
        guard status == 0, let data = output.data else { throw PNGRendererError.libpng(message: "indexed PNG write failed") }
        return Array(UnsafeBufferPointer(start: data, count: output.size))
    }

    /// 8-bit RGB through the simplified API, for a raster of more than 256 colours.
    private static func writeRGB(_ raster: Raster) throws -> [UInt8] {
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

/// The raster as palette indices, when it has at most 256 distinct colours. Colours are numbered in order of
/// first appearance (rows top to bottom), so the same pixels always give the same palette.
struct Palette {
    /// RGB triplets, one per entry.
    var colors: [UInt8]
    /// The PNG's rows as they are compressed: each its filter byte (0, NONE) then one index per pixel.
    var rows: [UInt8]

    init?(_ raster: Raster) {
        let width = raster.width
        let stride = width + 1
        let count = stride * raster.height
        var table = ColorTable()
        let rows = [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            initialized = 0
            raster.pixels.withUnsafeBytes { raw in
                let pixels = raw.baseAddress!
                let rowBytes = width * 3
                var previous = UInt32.max
                var previousIndex: UInt8 = 0
                // The previous colour's 3 bytes repeated over 24 bytes, and its index repeated over 8 (none
                // before the first pixel: `previous` is then no colour).
                var run = Self.repeated(0)
                var runIndices: UInt64 = 0
                for row in 0..<raster.height {
                    let rowStart = pixels + row * rowBytes
                    let rowIndices = out.baseAddress! + row * stride + 1
                    rowIndices[-1] = 0   // filter NONE
                    // Rows equal to the one above (margins, gaps between lines) reuse its indices.
                    if row > 0, memcmp(rowStart - rowBytes, rowStart, rowBytes) == 0 {
                        rowIndices.update(from: rowIndices - stride, count: width)
                        continue
                    }
                    let rowOut = UnsafeMutableRawPointer(rowIndices)
                    var column = 0
                    while column < width {
                        // Runs of the previous colour (most of a flat page), eight pixels at a time: 24 bytes
                        // compared as three words against the colour repeated, eight indices written at once.
                        while previous <= 0xFF_FFFF, column + 8 <= width,
                              rowStart.loadUnaligned(fromByteOffset: column * 3, as: UInt64.self) == run.0,
                              rowStart.loadUnaligned(fromByteOffset: column * 3 + 8, as: UInt64.self) == run.1,
                              rowStart.loadUnaligned(fromByteOffset: column * 3 + 16, as: UInt64.self) == run.2 {
                            rowOut.storeBytes(of: runIndices, toByteOffset: column, as: UInt64.self)
                            column += 8
                        }
                        guard column < width else { break }
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
                            run = Self.repeated(key)
                            runIndices = UInt64(index) &* 0x0101_0101_0101_0101
                        }
                        rowIndices[column] = previousIndex
                        column += 1
                    }
                }
                initialized = count
            }
        }
        guard rows.count == count else { return nil }
        self.colors = table.colors
        self.rows = rows
    }
}

extension Palette {
    /// Eight pixels of colour `key` (3 bytes, little-endian) as the three little-endian words their 24 bytes load
    /// as: the bytes r g b repeat with period 3, so the words start at r, at b and at g.
    @inline(__always)
    static func repeated(_ key: UInt32) -> (UInt64, UInt64, UInt64) {
        let k = UInt64(key & 0xFF_FFFF)
        return (k | k << 24 | k << 48, k >> 16 | k << 8 | k << 32 | k << 56, k >> 8 | k << 16 | k << 40)
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
