// PNGDecodingTests: our own PNGs read back as grey, alpha over white, and every bad file a typed error, never a crash.

import DisplayList
@testable import PNGRenderer
import Testing

struct PNGDecodingTests {
    /// A raster with black, white and greys in known places, encoded by PNGEncoding (palette, then RGB).
    @Test(arguments: [false, true])
    func theEncodersOutputReadsBackAsItsGreys(_ manyColours: Bool) throws {
        var raster = Raster(width: 40, height: 30, background: Color(red: 255, green: 255, blue: 255))
        func paint(_ x: Int, _ y: Int, _ r: UInt8, _ g: UInt8, _ b: UInt8) {
            let offset = (y * raster.width + x) * 3
            raster.pixels[offset] = r
            raster.pixels[offset + 1] = g
            raster.pixels[offset + 2] = b
        }
        for y in 0..<10 { for x in 0..<10 { paint(x, y, 0, 0, 0) } }
        for x in 0..<40 { paint(x, 20, 128, 128, 128) }
        if manyColours {
            // More than 256 colours, so the encoder writes 8-bit RGB instead of a palette.
            for y in 21..<30 { for x in 0..<40 { paint(x, y, UInt8(x * 6), UInt8(y * 8), 200) } }
        }
        let png = try PNGEncoding.encode(raster)
        let image = try PNGDecoding.gray(png, maximumPixels: 1200)
        #expect(image.width == 40 && image.height == 30)
        #expect(image.pixels[0] == 0)
        #expect(image.pixels[9 * 40 + 9] == 0)
        #expect(image.pixels[10 * 40 + 10] == 255)
        #expect(image.pixels[19 * 40 + 39] == 255)
        // A neutral grey stays itself (libpng converts through linear light and back).
        #expect((127...129).contains(image.pixels[20 * 40 + 5]))
    }

    @Test func transparencyIsComposedOverWhite() throws {
        // Grey + alpha, 8 bits: opaque black, transparent black, opaque white, half-grey half-transparent.
        let png = HandmadePNG.bytes(width: 4, height: 1, colorType: 4, rows: [[0, 255, 0, 0, 255, 255, 100, 128]])
        let image = try PNGDecoding.gray(png, maximumPixels: 4)
        #expect(image.pixels[0] == 0)
        #expect(image.pixels[1] == 255)
        #expect(image.pixels[2] == 255)
        #expect((120...250).contains(image.pixels[3]), "between the grey and white, got \(image.pixels[3])")
    }

    @Test func anImageOfExactlyTheLimitIsAccepted() throws {
        let png = HandmadePNG.bytes(width: 3, height: 2, colorType: 0, rows: [[0, 80, 255], [255, 80, 0]])
        let image = try PNGDecoding.gray(png, maximumPixels: 6)
        #expect(image.pixels == [0, 80, 255, 255, 80, 0])
    }

    /// The limit is checked from the header, before the pixels exist: a 60-byte file declaring 10¹⁰ pixels
    /// is refused at once.
    @Test func oversizedImagesAreRefusedBeforeDecoding() {
        let small = HandmadePNG.bytes(width: 3, height: 2, colorType: 0, rows: [[0, 0, 0], [0, 0, 0]])
        #expect(throws: PNGDecodingError.tooLarge(width: 3, height: 2, maximumPixelCount: 5)) {
            try PNGDecoding.gray(small, maximumPixels: 5)
        }
        let bomb = HandmadePNG.bytes(width: 100_000, height: 100_000, colorType: 0, rows: [[0]])
        #expect(throws: PNGDecodingError.tooLarge(width: 100_000, height: 100_000, maximumPixelCount: 40_000_000)) {
            try PNGDecoding.gray(bomb, maximumPixels: 40_000_000)
        }
    }

    @Test(arguments: [[], [0x89, 0x50, 0x4E, 0x47], Array("not a png at all, just text".utf8),
                      [UInt8](repeating: 0xFF, count: 4096)] as [[UInt8]])
    func garbageIsUnreadable(_ bytes: [UInt8]) {
        do {
            _ = try PNGDecoding.gray(bytes, maximumPixels: 1_000_000)
            Issue.record("garbage decoded")
        } catch {
            guard case .unreadable = error else { Issue.record("expected unreadable, got \(error)"); return }
        }
    }

    /// Cut anywhere: before the image data it is unreadable, inside it corrupt; never a crash.
    @Test func everyTruncationIsATypedError() throws {
        let png = try PNGEncoding.encode(Raster(width: 64, height: 64, background: Color(red: 10, green: 20, blue: 30)))
        let imageData = try #require(HandmadePNG.offset(of: "IDAT", in: png))
        for length in 0..<png.count {
            do {
                _ = try PNGDecoding.gray(Array(png.prefix(length)), maximumPixels: 64 * 64)
                // Only the IEND chunk may be missing: libpng stops reading once the image is complete.
                #expect(length >= png.count - 12, "cut at \(length) of \(png.count) decoded")
            } catch {
                switch error {
                case .unreadable: #expect(length < imageData + 8, "cut at \(length), in the image data, unreadable")
                case .corrupt: #expect(length >= imageData, "cut at \(length), before the image data, corrupt")
                case .tooLarge: Issue.record("cut at \(length): \(error)")
                }
            }
        }
    }

    @Test func aCRCErrorInTheImageDataIsCorrupt() throws {
        var png = HandmadePNG.bytes(width: 3, height: 2, colorType: 0, rows: [[0, 80, 255], [255, 80, 0]])
        let idat = try #require(HandmadePNG.offset(of: "IDAT", in: png))
        let length = png[idat..<idat + 4].reduce(0) { $0 << 8 | Int($1) }
        png[idat + 8 + length] ^= 0x01   // the chunk's CRC: the data itself is intact
        #expect {
            try PNGDecoding.gray(png, maximumPixels: 6)
        } throws: { error in
            guard case PNGDecodingError.corrupt(let message) = error else { return false }
            return message.contains("CRC")
        }
    }

    @Test func aCRCErrorInTheHeaderIsUnreadable() throws {
        var png = HandmadePNG.bytes(width: 3, height: 2, colorType: 0, rows: [[0, 80, 255], [255, 80, 0]])
        png[16 + 3] ^= 0x01   // IHDR's width, low byte
        #expect {
            try PNGDecoding.gray(png, maximumPixels: 100)
        } throws: { error in
            guard case PNGDecodingError.unreadable = error else { return false }
            return true
        }
    }

    /// Random bytes after a valid signature and header, many times: errors or images, no crash.
    @Test func randomDamageNeverTraps() throws {
        let orange = Color(red: 200, green: 100, blue: 0)
        let png = try PNGEncoding.encode(Raster(width: 30, height: 20, background: orange))
        var state: UInt64 = 12345
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<2000 {
            var damaged = png
            for _ in 0..<(1 + next() % 4) {
                damaged[8 + next() % (damaged.count - 8)] = UInt8(truncatingIfNeeded: next())
            }
            _ = try? PNGDecoding.gray(damaged, maximumPixels: 10_000)
        }
    }
}

/// PNG files written by hand (stored deflate blocks), to state exactly what a test feeds libpng.
enum HandmadePNG {
    /// An 8-bit PNG of `colorType` (0 grey, 4 grey + alpha, 2 RGB, 6 RGBA); each row is its samples, without
    /// the filter byte (filter 0 is added).
    static func bytes(width: Int, height: Int, colorType: UInt8, rows: [[UInt8]]) -> [UInt8] {
        var header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, colorType, 0, 0, 0]
        let raw: [UInt8] = rows.flatMap { [0] + $0 }
        // zlib: deflate with one stored block (at most 65535 bytes, plenty here), then Adler-32.
        var zlib: [UInt8] = [0x78, 0x01, 0x01]
        let length = UInt16(raw.count)
        zlib += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        zlib += raw + bigEndian(adler32(raw))
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", [])
    }

    /// Where a chunk starts (its length field).
    static func offset(of type: String, in png: [UInt8]) -> Int? {
        var offset = 8
        while offset + 8 <= png.count {
            let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            if Array(png[offset + 4..<offset + 8]) == Array(type.utf8) { return offset }
            offset += 12 + length
        }
        return nil
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
}
