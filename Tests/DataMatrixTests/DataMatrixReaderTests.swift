// DataMatrixReaderTests: codes found on synthetic A4 pages among text-like noise; blank, hostile, bad input.

@testable import DataMatrix
import EngineTestSupport
import Testing

struct DataMatrixReaderTests {
    static let payload = SealLikePayload.bytes(250)
    static let symbol = Result { try DataMatrixSymbol(encoding: payload) }

    /// An A4 page at 300 dpi (2480 × 3508) with lines of word-like blocks, rules and filled boxes, and the
    /// symbol near the bottom right as the documents place it (0.4 mm a module is 4.7 px at 300 dpi).
    @Test(arguments: [3, 4, 5, 6])
    func theCodeIsFoundOnAnA4PageAt300dpi(_ pixelsPerModule: Int) throws {
        var page = GreyPage(width: 2480, height: 3508)
        page.addTextLikeNoise(seed: UInt64(pixelsPerModule), avoiding: (1900, 2900, 560, 560))
        page.draw(try Self.symbol.get(), x: 1950, y: 2950, pixelsPerModule: pixelsPerModule)
        let found = try Self.timed("A4 300 dpi, \(pixelsPerModule) px/module, bottom right", page, timeout: 10_000)
        #expect(found == [Self.payload])
    }

    @Test func theCodeIsFoundAtTheTopOfThePage() throws {
        var page = GreyPage(width: 2480, height: 3508)
        page.addTextLikeNoise(seed: 11, avoiding: (100, 100, 500, 500))
        page.draw(try Self.symbol.get(), x: 150, y: 150, pixelsPerModule: 5)
        let found = try Self.timed("A4 300 dpi, 5 px/module, top left", page, timeout: 10_000)
        #expect(found == [Self.payload])
    }

    /// At 150 dpi a 0.4 mm module is 2.4 px; the documents print at least 3 px per module in a PNG.
    @Test(arguments: [2, 3])
    func theCodeIsFoundOnAnA4PageAt150dpi(_ pixelsPerModule: Int) throws {
        var page = GreyPage(width: 1240, height: 1754)
        page.addTextLikeNoise(seed: 150, avoiding: (900, 1400, 300, 300))
        page.draw(try Self.symbol.get(), x: 920, y: 1420, pixelsPerModule: pixelsPerModule)
        let found = try Self.timed("A4 150 dpi, \(pixelsPerModule) px/module", page, timeout: 10_000)
        #expect(found == [Self.payload])
    }

    /// A 600 dpi scan (4961 × 7016, 34.8 Mpx) is searched at half resolution; 0.4 mm is 9.4 px a module.
    @Test func aPageAt600dpiIsSearchedAtHalfResolution() throws {
        var page = GreyPage(width: 4961, height: 7016)
        page.addTextLikeNoise(seed: 600, avoiding: (3900, 5900, 700, 700))
        page.draw(try Self.symbol.get(), x: 4000, y: 6000, pixelsPerModule: 9)
        let found = try Self.timed("A4 600 dpi, 9 px/module", page, timeout: 10_000)
        #expect(found == [Self.payload])
    }

    @Test func aBlankPageHasNoCode() throws {
        let found = try Self.timed("blank A4 300 dpi", GreyPage(width: 2480, height: 3508), timeout: 10_000)
        #expect(found.isEmpty)
    }

    /// Scanning a whole page of dense text takes seconds; the deadline cuts it short.
    @Test func aPageOfTextIsSearchedUntilTheDeadline() throws {
        var page = GreyPage(width: 2480, height: 3508)
        page.addTextLikeNoise(seed: 99, avoiding: (0, 0, 0, 0))
        let started = ContinuousClock.now
        let found = try Self.timed("A4 300 dpi text, no code, 1 s budget", page, timeout: 1_000)
        #expect(found.isEmpty)
        #expect(ContinuousClock.now - started < .milliseconds(1_500))
    }

    static func timed(_ label: String, _ page: GreyPage, timeout: Int) throws -> [[UInt8]] {
        let started = ContinuousClock.now
        let found = try DataMatrixReader.decode(gray: page.pixels, width: page.width, height: page.height,
                                                timeoutMilliseconds: timeout)
        print("\(label): \(found.count) code(s) in \(ContinuousClock.now - started)")
        return found
    }

    @Test func twoCodesAreBothFoundOnce() throws {
        let other = Array("DC04FR01 SECOND".utf8)
        var page = GreyPage(width: 1200, height: 900)
        page.draw(try Self.symbol.get(), x: 60, y: 60, pixelsPerModule: 4)
        page.draw(try DataMatrixSymbol(encoding: other), x: 700, y: 400, pixelsPerModule: 5)
        let started = ContinuousClock.now
        let found = try DataMatrixReader.decode(gray: page.pixels, width: page.width, height: page.height,
                                                timeoutMilliseconds: 10_000, maximumCount: 5)
        // Each symbol is flagged as searched once read, so the scan ends long before the deadline.
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(found.count == 2)
        #expect(Set(found) == [Self.payload, other])
    }

    @Test func aLightOnDarkCodeIsFound() throws {
        var page = GreyPage(width: 500, height: 500)
        page.draw(try Self.symbol.get(), x: 100, y: 100, pixelsPerModule: 4)
        let inverted = GreyPage(width: page.width, height: page.height, pixels: page.pixels.map { 255 - $0 })
        let found = try DataMatrixReader.decode(gray: inverted.pixels, width: inverted.width, height: inverted.height,
                                                timeoutMilliseconds: 10_000)
        #expect(found == [Self.payload])
    }

    /// A symbol whose data stream would abort libdmtx's own decoder is located, refused, and nothing crashes;
    /// the same size with a benign stream, drawn the same way, is read (so the refusal is not a miss).
    @Test func aHostileSymbolIsRefused() throws {
        let size = try #require(SymbolSize.with(rows: 12, columns: 12))
        for (stream, expected) in [([66, 67, 68, 129, 129], [Array("ABC".utf8)]), ([230, 0x13, 0x39, 0x00, 0x00], [])]
            as [([UInt8], [[UInt8]])] {
            let symbol = try #require(DataMatrixSymbol(size: size, dataCodewords: stream))
            var page = GreyPage(width: 300, height: 300)
            page.draw(symbol, x: 100, y: 100, pixelsPerModule: 6)
            let found = try DataMatrixReader.decode(gray: page.pixels, width: page.width, height: page.height,
                                                    timeoutMilliseconds: 5_000)
            #expect(found == expected)
        }
    }

    @Test func noiseIsSearchedWithinTheTimeout() throws {
        var generator = SeededGenerator(seed: 3)
        let side = 1500
        let noise = (0..<side * side).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let started = ContinuousClock.now
        _ = try DataMatrixReader.decode(gray: noise, width: side, height: side, timeoutMilliseconds: 300)
        let elapsed = ContinuousClock.now - started
        print("1500 × 1500 noise, 300 ms budget: \(elapsed)")
        #expect(elapsed < .seconds(3))
    }

    @Test func badInputIsRefusedBeforeAnyWork() throws {
        #expect(throws: DataMatrixError.invalidImage(width: 10, height: 10, byteCount: 99)) {
            try DataMatrixReader.decode(gray: [UInt8](repeating: 255, count: 99), width: 10, height: 10,
                                        timeoutMilliseconds: 100)
        }
        #expect(throws: DataMatrixError.invalidImage(width: -4, height: -4, byteCount: 16)) {
            try DataMatrixReader.decode(gray: [UInt8](repeating: 255, count: 16), width: -4, height: -4,
                                        timeoutMilliseconds: 100)
        }
        #expect(throws: DataMatrixError.invalidImage(width: Int.max, height: 2, byteCount: 0)) {
            try DataMatrixReader.decode(gray: [], width: Int.max, height: 2, timeoutMilliseconds: 100)
        }
        #expect(throws: DataMatrixError.invalidTimeout(milliseconds: 0)) {
            try DataMatrixReader.decode(gray: [UInt8](repeating: 255, count: 400), width: 20, height: 20,
                                        timeoutMilliseconds: 0)
        }
        let limit = DataMatrixReader.maximumPixelCount
        #expect(throws: DataMatrixError.imageTooLarge(width: limit + 1, height: 1, maximumPixelCount: limit)) {
            try DataMatrixReader.decode(gray: [UInt8](repeating: 255, count: limit + 1), width: limit + 1, height: 1,
                                        timeoutMilliseconds: 100)
        }
        // Too small to hold a code looked for (libdmtx itself would assert under 3 pixels): nothing found.
        #expect(try DataMatrixReader.decode(gray: [0, 255, 0, 255], width: 2, height: 2,
                                            timeoutMilliseconds: 100) == [])
        #expect(try DataMatrixReader.decode(gray: [UInt8](repeating: 0, count: 5000), width: 5000, height: 1,
                                            timeoutMilliseconds: 100) == [])
    }
}

/// A white 8-bit grey page to draw symbols and noise on.
struct GreyPage {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]? = nil) {
        self.width = width
        self.height = height
        self.pixels = pixels ?? [UInt8](repeating: 255, count: width * height)
    }

    mutating func fill(x: Int, y: Int, width w: Int, height h: Int, grey: UInt8 = 0) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) { pixels[row * width + column] = grey }
        }
    }

    /// The symbol with its top-left module at (x, y); the caller leaves the quiet zone white.
    mutating func draw(_ symbol: DataMatrixSymbol, x: Int, y: Int, pixelsPerModule scale: Int) {
        for row in 0..<symbol.rows {
            for column in 0..<symbol.columns where symbol[row: row, column: column] {
                fill(x: x + column * scale, y: y + row * scale, width: scale, height: scale)
            }
        }
    }

    /// Lines of word-like dark blocks (glyph-sized bars with gaps), a few rules and filled boxes, outside the
    /// rectangle `avoiding` (x, y, width, height).
    mutating func addTextLikeNoise(seed: UInt64, avoiding keepOut: (Int, Int, Int, Int)) {
        var generator = SeededGenerator(seed: seed)
        func clear(_ x: Int, _ y: Int, _ w: Int, _ h: Int) -> Bool {
            x + w < keepOut.0 || x > keepOut.0 + keepOut.2 || y + h < keepOut.1 || y > keepOut.1 + keepOut.3
        }
        var y = 150
        while y < height - 200 {
            var x = 150
            while x < width - 200 {
                let glyph = Int.random(in: 6...22, using: &generator)
                let tall = Int.random(in: 0...3, using: &generator) == 0 ? 34 : 24
                if clear(x, y - tall, glyph, tall) { fill(x: x, y: y - tall, width: glyph - 3, height: tall) }
                x += glyph + (Int.random(in: 0...5, using: &generator) == 0 ? 18 : 2)
            }
            y += 52
        }
        for _ in 0..<6 {
            let x = Int.random(in: 100...(width - 600), using: &generator)
            let y = Int.random(in: 100...(height - 300), using: &generator)
            let w = Int.random(in: 80...500, using: &generator), h = Int.random(in: 4...200, using: &generator)
            let grey = UInt8.random(in: 0...90, using: &generator)
            if clear(x, y, w, h) { fill(x: x, y: y, width: w, height: h, grey: grey) }
        }
    }
}
