// RGBImage: decoded 8-bit RGB pixels of a PNG (libpng's simplified read API), to inspect and compare.

import CPNG
import Foundation

public struct RGBImage: Equatable, Sendable {
    public var width: Int
    public var height: Int
    /// Rows top to bottom, 3 bytes a pixel.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public struct DecodingError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Decodes any PNG to 8-bit RGB (alpha, if any, composed over white; gamma untouched).
    public init(png: [UInt8]) throws {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        let begun = png.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard begun != 0 else { throw DecodingError(description: Self.message(image)) }
        image.format = png_uint_32(PNG_FORMAT_RGB)
        var pixels = [UInt8](repeating: 0, count: Int(image.width) * Int(image.height) * 3)
        var white = png_color(red: 255, green: 255, blue: 255)
        let finished = pixels.withUnsafeMutableBytes { png_image_finish_read(&image, &white, $0.baseAddress, 0, nil) }
        guard finished != 0 else {
            png_image_free(&image)
            throw DecodingError(description: Self.message(image))
        }
        self.init(width: Int(image.width), height: Int(image.height), pixels: pixels)
    }

    public init(contentsOf path: String) throws {
        try self.init(png: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    public subscript(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let offset = (y * width + x) * 3
        return (pixels[offset], pixels[offset + 1], pixels[offset + 2])
    }

    /// The pixels of a rectangle (clamped to the image), rows top to bottom.
    public func cropped(x: Int, y: Int, width: Int, height: Int) -> RGBImage {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(self.width, x + width), y1 = min(self.height, y + height)
        guard x1 > x0, y1 > y0 else { return RGBImage(width: 0, height: 0, pixels: []) }
        var out: [UInt8] = []
        out.reserveCapacity((x1 - x0) * (y1 - y0) * 3)
        for row in y0..<y1 {
            out += pixels[((row * self.width + x0) * 3)..<((row * self.width + x1) * 3)]
        }
        return RGBImage(width: x1 - x0, height: y1 - y0, pixels: out)
    }

    /// Writes the image as a PNG (for diff images a person looks at).
    public func pngData() -> [UInt8] {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = png_uint_32(PNG_FORMAT_RGB)
        var size = 0
        _ = pixels.withUnsafeBytes { png_image_write_to_memory(&image, nil, &size, 0, $0.baseAddress, 0, nil) }
        var out = [UInt8](repeating: 0, count: size)
        _ = out.withUnsafeMutableBytes { memory in
            pixels.withUnsafeBytes { png_image_write_to_memory(&image, memory.baseAddress, &size, 0, $0.baseAddress, 0, nil) }
        }
        return Array(out.prefix(size))
    }

    private static func message(_ image: png_image) -> String {
        withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
