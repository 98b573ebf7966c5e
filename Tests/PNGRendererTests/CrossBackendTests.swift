// CrossBackendTests: the same page through both backends: our PDF rasterised by pdftoppm vs. our PNG.

import DisplayList
import EngineTestSupport
import Foundation
import PDFRenderer
import Testing
@testable import PNGRenderer

struct CrossBackendTests {
    static let pdf = Result { PDFRenderer(fonts: try EngineTestSupport.fonts.get()) }
    static let png = Result { PNGRenderer(fonts: try EngineTestSupport.fonts.get()) }

    /// Text in both faces (plain and compressed to 90 %), filled and stroked shapes, a Bézier curve.
    static func page() throws -> Page {
        let blue = Color(red: 0, green: 51, blue: 153)
        let yellow = Color(red: 255, green: 204, blue: 0)
        var items: [Item] = [
            .shape(Shape(path: .rectangle(Rect(x: 10, y: 10, width: 90, height: 60)), fill: blue)),
            .shape(Shape(path: Path([.move(Point(x: 55, y: 20)), .line(Point(x: 62, y: 45)), .line(Point(x: 43, y: 30)),
                                     .line(Point(x: 67, y: 30)), .line(Point(x: 48, y: 45)), .close]), fill: yellow)),
            .shape(Shape(path: Path([.move(Point(x: 120, y: 60)),
                                     .cubic(control1: Point(x: 140, y: 0), control2: Point(x: 200, y: 120), end: Point(x: 230, y: 40))]),
                         stroke: Stroke(color: Color(red: 200, green: 30, blue: 30), width: 1.5))),
            .shape(Shape(path: .rectangle(Rect(x: 5, y: 5, width: 232.65, height: 143.01)),
                         stroke: Stroke(color: .black, width: 0.5))),
        ]
        let lines = [("3. Nom / Name", "sans", 5.0, 1.0), ("ŁUKASIEWICZ-ØRSTED", "sans-bold", 7, 0.9),
                     ("4. Prénoms / Given names", "sans", 5, 1), ("Zoë d'Arcy Đurđica", "sans", 7, 0.9),
                     ("6. 2 55 08 14 168 025 38", "sans", 7, 0.9)]
        for (index, line) in lines.enumerated() {
            items.append(.text(try EngineTestSupport.run(line.0, x: 12, y: 85 + Double(index) * 11, font: line.1,
                                                         size: line.2, scale: line.3)))
        }
        items.append(.text(try EngineTestSupport.run("0175 CPAM PARIS", x: 150, y: 140, size: 7, scale: 0.9)))
        return Page(size: .id1, items: items)
    }

    @Test(arguments: [150.0, 300.0])
    func pdftoppmAndOurRasterAgree(dpi: Double) throws {
        let page = try Self.page()
        let reference = try Self.pdftoppm(page, dpi: dpi)
        let ours = try RGBImage(png: try Self.png.get().render(page: page, dpi: dpi))
        // pdftoppm sizes pages with ceil(), we with round(): at most one extra column or row on its side.
        #expect(abs(reference.width - ours.width) <= 1 && abs(reference.height - ours.height) <= 1)

        let exact = ImageComparison(ours, reference, tolerance: 64)
        let shifted = ImageComparison(ours, reference, tolerance: 64, neighbourhood: 1)
        let paths = try exact.writeImages(named: "cross-backend-\(Int(dpi))", actual: ours, expected: reference)
        print("cross-backend \(Int(dpi)) dpi: \(exact); \(shifted)",
              "\n  ours | \(paths[0])\n  pdftoppm | \(paths[1])\n  diff | \(paths[2])")
        // The rasterisers differ in conventions, not geometry: Splash hints glyphs and snaps rectangle edges and
        // thin strokes to the pixel grid, and floors glyph origins; we place everything exactly, unhinted. So
        // edges differ by up to a pixel: ~1–1.5 % of the card's pixels by more than 64, ~0.4 % even against
        // the best neighbour.
        #expect(exact.differingShare < 0.03, "\(exact)")
        #expect(shifted.differingShare < 0.01, "\(shifted)")
        // Whole-page shares could hide one misplaced run, so every text run's box is checked on its own.
        for case let .text(run) in page.items {
            let share = Self.runShare(run, ours, reference, dpi: dpi)
            #expect(share < Self.runLimit, "\(run.text) at \(Int(dpi)) dpi: \(share)")
        }
    }

    /// The per-run check fails when a run is drawn 1.5 pt off (3 px at 150 dpi), so it can catch a misplaced run.
    /// (Measured: agreeing runs differ on 0.1–7 % of their inked pixels, this one on ~20 %.)
    @Test func aRunOneAndAHalfPointsOffIsCaught() throws {
        let page = try Self.page()
        var moved = page
        guard let index = moved.items.firstIndex(where: { if case .text = $0 { true } else { false } }),
              case var .text(run) = moved.items[index] else { Issue.record("no text"); return }
        run.origin.x += 1.5
        moved.items[index] = .text(run)
        let reference = try Self.pdftoppm(page, dpi: 150)
        let ours = try RGBImage(png: try Self.png.get().render(page: moved, dpi: 150))
        #expect(Self.runShare(run, ours, reference, dpi: 150) >= Self.runLimit)
    }

    static let runLimit = 0.10

    /// Pixels of a run's box (ascender to descender, origin to end, a pixel of margin) that differ by more than
    /// 64 from every pixel one away in the reference, as a share of the box's inked pixels (in either image).
    static func runShare(_ run: TextRun, _ ours: RGBImage, _ reference: RGBImage, dpi: Double) -> Double {
        let scale = dpi / 72
        let x = Int((run.origin.x * scale).rounded(.down)) - 1
        let y = Int(((run.origin.y - run.size) * scale).rounded(.down)) - 1
        let width = Int((run.width * scale).rounded(.up)) + 3
        let height = Int((run.size * 1.3 * scale).rounded(.up)) + 3
        let mine = ours.cropped(x: x, y: y, width: width, height: height)
        let theirs = reference.cropped(x: x, y: y, width: width, height: height)
        let inked = (0..<mine.width * mine.height).filter { mine.pixels[$0 * 3] < 192 || theirs.pixels[$0 * 3] < 192 }.count
        let differing = ImageComparison(mine, theirs, tolerance: 64, neighbourhood: 1).differingPixels
        return inked == 0 ? 0 : Double(differing) / Double(inked)
    }

    static func pdftoppm(_ page: Page, dpi: Double) throws -> RGBImage {
        let pdfPath = try EngineTestSupport.temporaryFile(try pdf.get().render(pages: [page], info: EngineTestSupport.info),
                                                         suffix: ".pdf")
        let prefix = EngineTestSupport.temporaryPath(suffix: "")
        let result = try EngineTestSupport.tool("pdftoppm", ["-r", "\(Int(dpi))", "-png", "-singlefile", pdfPath, prefix])
        try #require(result.status == 0, "\(result.stderr)")
        return try RGBImage(contentsOf: prefix + ".png")
    }
}
