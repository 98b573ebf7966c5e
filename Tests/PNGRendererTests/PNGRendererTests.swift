// PNGRendererTests: pixel size, background, exact fills with antialiased edges, text ink, determinism.

import DisplayList
import EngineTestSupport
import Foundation
import Records
import Testing
@testable import PNGRenderer
import Typography

struct PNGRendererTests {
    static let renderer = Result { PNGRenderer(fonts: try EngineTestSupport.fonts.get()) }
    static let blue = Color(red: 0, green: 51, blue: 153)
    static let paper = Color(red: 250, green: 248, blue: 240)

    func decode(_ page: Page, dpi: Double) throws -> RGBImage {
        try RGBImage(png: try Self.renderer.get().render(page: page, dpi: dpi))
    }

    @Test(arguments: [(Size.id1, 300.0, 1011, 638), (Size.a4, 72.0, 595, 842), (Size.a4, 150.0, 1240, 1754),
                      (Size(width: 100, height: 50), 96.0, 133, 67)])
    func pixelSizeIsThePageAtTheDensityRounded(_ size: Size, _ dpi: Double, _ width: Int, _ height: Int) throws {
        let image = try decode(Page(size: size), dpi: dpi)
        #expect(image.width == width)
        #expect(image.height == height)
    }

    @Test func theBackgroundIsPaintedEverywhere() throws {
        let image = try decode(Page(size: Size(width: 60, height: 40), background: Self.paper), dpi: 72)
        for y in 0..<image.height {
            for x in 0..<image.width {
                #expect(image[x, y] == (250, 248, 240))
            }
        }
    }

    @Test func aFilledRectangleIsExactInsideAndAntialiasedOnItsEdges() throws {
        // At 72 dpi a point is a pixel: x from 10 to 30.5, y from 5 to 15.
        let rect = Shape(path: .rectangle(Rect(x: 10, y: 5, width: 20.5, height: 10)), fill: Self.blue)
        let image = try decode(Page(size: Size(width: 40, height: 20), items: [.shape(rect)]), dpi: 72)
        for y in 0..<20 {
            for x in 0..<40 {
                let pixel = image[x, y]
                if (10..<30).contains(x) && (5..<15).contains(y) {
                    #expect(pixel == (0, 51, 153), "inside at \(x),\(y)")
                } else if x == 30 && (5..<15).contains(y) {
                    // Half covered: the same blend of white and blue in every channel, half-way within one of the
                    // 16 coverage levels (Blend quantises coverage).
                    let coverage = [(Int(pixel.r), 0), (Int(pixel.g), 51), (Int(pixel.b), 153)]
                        .map { Double(255 - $0.0) / Double(255 - $0.1) }
                    for c in coverage {
                        #expect(abs(c - 0.5) <= 1.0 / 30 + 0.01, "edge at \(x),\(y): \(pixel)")
                        #expect(abs(c - coverage[0]) <= 0.02, "edge at \(x),\(y): \(pixel)")
                    }
                } else {
                    #expect(pixel == (255, 255, 255), "outside at \(x),\(y): \(pixel)")
                }
            }
        }
    }

    @Test func aStrokedRectangleLeavesItsInsideAlone() throws {
        let frame = Shape(path: .rectangle(Rect(x: 10, y: 10, width: 40, height: 20)),
                          stroke: Stroke(color: .black, width: 2))
        let image = try decode(Page(size: Size(width: 60, height: 40), items: [.shape(frame)]), dpi: 72)
        #expect(image[30, 20] == (255, 255, 255))   // centre
        #expect(image[30, 10] == (0, 0, 0))         // on the top edge: 9…11 covered
        #expect(image[10, 20] == (0, 0, 0))         // on the left edge
        #expect(image[30, 7] == (255, 255, 255))    // above the stroke
        #expect(image[9, 9] == (0, 0, 0))           // the miter fills the corner
    }

    @Test func aCubicCurveIsFilledUnderItsChord() throws {
        // A half-disc-like shape: the curve bulges above the chord from (10,30) to (50,30).
        let bump = Shape(path: Path([.move(Point(x: 10, y: 30)),
                                     .cubic(control1: Point(x: 10, y: 0), control2: Point(x: 50, y: 0), end: Point(x: 50, y: 30)),
                                     .close]), fill: .black)
        let image = try decode(Page(size: Size(width: 60, height: 40), items: [.shape(bump)]), dpi: 72)
        #expect(image[30, 20] == (0, 0, 0))         // inside, under the curve's top (y ≈ 7.5)
        #expect(image[30, 3] == (255, 255, 255))    // above the curve
        #expect(image[12, 8] == (255, 255, 255))    // outside, near a corner the curve rounds off
        #expect(image[30, 35] == (255, 255, 255))   // below the chord
    }

    @Test func textInkStaysInTheRunsBox() throws {
        let run = try EngineTestSupport.run("ŁUKASIEWICZ-ØRSTED Zoë", x: 20, y: 40, size: 14)
        let image = try decode(Page(size: Size(width: 260, height: 60), items: [.text(run)]), dpi: 144)
        let face = try EngineTestSupport.fonts.get().face(run.font)
        let ink = Self.inkBox(image, scale: 2)
        let box = try #require(ink)
        // Horizontal: from the origin to origin + measured width (a glyph's ink may poke out by its bearing).
        #expect(box.minX >= 20 - 1 && box.minX <= 20 + 2)
        #expect(box.maxX <= 20 + run.width + 1 && box.maxX >= 20 + run.width - 3)
        // Vertical: within the font's ascender/descender around the baseline.
        #expect(box.minY >= 40 - face.ascender * 14 - 1)
        #expect(box.maxY <= 40 - face.descender * 14 + 1)
    }

    @Test func horizontalScaleCompressesTheInk() throws {
        let plain = try EngineTestSupport.run("ŁUKASIEWICZ-ØRSTED", x: 10, y: 20, size: 7)
        let narrow = try EngineTestSupport.run("ŁUKASIEWICZ-ØRSTED", x: 10, y: 20, size: 7, scale: 0.9)
        let size = Size(width: 120, height: 30)
        let plainBox = try #require(Self.inkBox(try decode(Page(size: size, items: [.text(plain)]), dpi: 300), scale: 300.0 / 72))
        let narrowBox = try #require(Self.inkBox(try decode(Page(size: size, items: [.text(narrow)]), dpi: 300), scale: 300.0 / 72))
        let ratio = (narrowBox.maxX - narrowBox.minX) / (plainBox.maxX - plainBox.minX)
        #expect(abs(ratio - 0.9) < 0.01, "ratio \(ratio)")
        #expect(abs(narrowBox.maxY - plainBox.maxY) < 0.01 && abs(narrowBox.minY - plainBox.minY) < 0.01)
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let page = try Self.samplePage()
        let renderer = try Self.renderer.get()
        let first = try renderer.render(page: page, dpi: 200)
        _ = try renderer.render(page: page, dpi: 96)   // warms other cache entries
        #expect(try renderer.render(page: page, dpi: 200) == first)
        #expect(try PNGRenderer(fonts: try EngineTestSupport.fonts.get()).render(page: page, dpi: 200) == first)
    }

    @Test func anImageFillsItsFrame() throws {
        let image = Image(frame: Rect(x: 10, y: 10, width: 20, height: 20), pixelWidth: 2, pixelHeight: 2,
                          rgb: [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0])
        let decoded = try decode(Page(size: Size(width: 40, height: 40), items: [.image(image)]), dpi: 72)
        #expect(decoded[12, 12] == (255, 0, 0))
        #expect(decoded[27, 12] == (0, 255, 0))
        #expect(decoded[12, 27] == (0, 0, 255))
        #expect(decoded[27, 27] == (255, 255, 0))
        #expect(decoded[9, 9] == (255, 255, 255))
        #expect(decoded[30, 30] == (255, 255, 255))
    }

    @Test func invalidDensitiesAreRefused() throws {
        #expect(throws: PNGRendererError.invalidDensity(0)) { try Self.renderer.get().render(page: Page(size: .a4), dpi: 0) }
        #expect(throws: PNGRendererError.self) { try Self.renderer.get().render(page: Page(size: .a4), dpi: 100_000) }
    }

    static func samplePage() throws -> Page {
        Page(size: .id1, items: [
            .shape(Shape(path: .rectangle(Rect(x: 0, y: 0, width: 242.65, height: 153.01)), fill: paper)),
            .shape(Shape(path: .rectangle(Rect(x: 12, y: 12, width: 50, height: 34)), fill: blue)),
            .text(try EngineTestSupport.run("3. Nom", x: 12, y: 70, size: 5)),
            .text(try EngineTestSupport.run("ŁUKASIEWICZ-ØRSTED", x: 12, y: 80, font: "sans-bold", size: 7, scale: 0.9)),
            .text(try EngineTestSupport.run("Đurđica Zoë d'Arcy", x: 12, y: 95, size: 7, scale: 0.9)),
        ])
    }

    struct Box {
        var minX: Double, minY: Double, maxX: Double, maxY: Double
    }

    /// The bounding box, in points, of every pixel that is not white.
    static func inkBox(_ image: RGBImage, scale: Double) -> Box? {
        var box: (Int, Int, Int, Int)?
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y] != (255, 255, 255) {
                if let b = box { box = (min(b.0, x), min(b.1, y), max(b.2, x + 1), max(b.3, y + 1)) } else { box = (x, y, x + 1, y + 1) }
            }
        }
        return box.map { Box(minX: Double($0.0) / scale, minY: Double($0.1) / scale, maxX: Double($0.2) / scale, maxY: Double($0.3) / scale) }
    }
}

extension PNGRendererTests {
    @Test func concurrentRendersGiveTheSameBytesAsOneAtATime() async throws {
        let renderer = try Self.renderer.get()
        let page = try Self.samplePage()
        let expected = try renderer.render(page: page, dpi: 150)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<12 {
                group.addTask { try renderer.render(page: page, dpi: 150) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 12)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func everyCharacterOfTheCardRepertoireLeavesInk() throws {
        let renderer = try Self.renderer.get()
        for font in ["sans", "sans-bold"] {
            for scalar in CardRepertoire.allScalars where !scalar.properties.isWhitespace && scalar.value != 0xAD {
                let run = try EngineTestSupport.run(String(Character(scalar)), x: 4, y: 14, font: font, size: 12)
                let raster = try renderer.rasterize(page: Page(size: Size(width: 24, height: 20), items: [.text(run)]), dpi: 72)
                #expect(raster.pixels.contains { $0 < 200 }, "no ink for U+\(String(scalar.value, radix: 16)) in \(font)")
            }
        }
    }
}
