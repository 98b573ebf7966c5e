// PNGDecoding: untrusted PNG bytes to 8-bit grey pixels with libpng's simplified API (the only libpng user).

import CPNG

/// An 8-bit grey image: `width × height` bytes, rows from the top, 0 black to 255 white.
public struct GrayImage: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height, "pixels must fill the image")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}

/// Why PNG bytes could not be decoded. The messages are libpng's own ("Not a PNG file", "IDAT: CRC error",
/// "Read Error" for a truncated file): they name the fault in the file, never anything about the process.
public enum PNGDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The header could not be read: not a PNG, or cut before its image header.
    case unreadable(message: String)
    /// The image is larger than the caller accepts; refused before its pixels were allocated or inflated.
    case tooLarge(width: Int, height: Int, maximumPixelCount: Int)
    /// The header was fine but the image data is not: truncated, corrupt (CRC, zlib), or inconsistent.
    case corrupt(message: String)

    public var description: String {
        switch self {
        case .unreadable(let message): "not a readable PNG: \(message)"
        case .tooLarge(let width, let height, let limit): "a \(width) × \(height) PNG exceeds \(limit) pixels"
        case .corrupt(let message): "corrupt PNG: \(message)"
        }
    }
}

public enum PNGDecoding {
    /// Decodes any PNG (grey, RGB, palette, with or without alpha, 8 or 16 bits, interlaced or not) to 8-bit
    /// grey, alpha composed over white, as libpng converts colour: sRGB luminance.
    ///
    /// The size is read from the header and checked against `maximumPixels` before any pixel memory exists, so a
    /// tiny file declaring a huge image (a "decompression bomb") costs nothing. libpng's simplified API runs
    /// its setjmp/longjmp error handling inside libpng and reports failure as a return value, so a hostile
    /// file ends in a `PNGDecodingError`, never in a longjmp across Swift frames.
    public static func gray(_ bytes: [UInt8], maximumPixels: Int) throws(PNGDecodingError) -> GrayImage {
        // An empty array may have no base address; libpng would answer "invalid argument" anyway.
        guard !bytes.isEmpty else { throw .unreadable(message: "no bytes") }
        // libpng keeps reading from the memory between begin and finish, so both run inside one borrow.
        let result = bytes.withUnsafeBytes { memory in
            decode(memory, maximumPixels: maximumPixels)
        }
        return try result.get()
    }

    private static func decode(_ memory: UnsafeRawBufferPointer,
                               maximumPixels: Int) -> Result<GrayImage, PNGDecodingError> {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        guard png_image_begin_read_from_memory(&image, memory.baseAddress, memory.count) != 0 else {
            // libpng has already freed what it allocated; freeing again is a no-op.
            png_image_free(&image)
            return .failure(.unreadable(message: message(of: image)))
        }
        let width = Int(image.width), height = Int(image.height)
        let (pixelCount, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, pixelCount <= maximumPixels, width <= Int(Int32.max) else {
            png_image_free(&image)
            return .failure(.tooLarge(width: width, height: height, maximumPixelCount: maximumPixels))
        }
        image.format = png_uint_32(PNG_FORMAT_GRAY)
        var pixels = [UInt8](repeating: 0, count: pixelCount)
        // Grey output uses the background's green channel (png.h, png_image_finish_read).
        var white = png_color(red: 255, green: 255, blue: 255)
        let finished = pixels.withUnsafeMutableBytes { buffer in
            png_image_finish_read(&image, &white, buffer.baseAddress, png_int_32(width), nil)
        }
        // finish_read frees the image whatever happens; this is for the day it does not.
        defer { png_image_free(&image) }
        guard finished != 0 else { return .failure(.corrupt(message: message(of: image))) }
        return .success(GrayImage(width: width, height: height, pixels: pixels))
    }

    /// libpng's message, a NUL-terminated string in a fixed 64-byte field.
    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
