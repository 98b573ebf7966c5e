// CrossBackendTests: each sample's PDF rasterised by pdftoppm at the PNG's density against our PNG — the two
// renderers draw the same display list, so they must agree up to rasteriser conventions.
import DocumentPipeline
import Documents
import EngineTestSupport
import Foundation
import Testing

struct CrossBackendTests {
    /// pdftoppm at `dpi`, scaled to exactly `width` × `height` (it sizes pages with ceil(), we with round()).
    static func pdftoppm(_ pdfPath: String, dpi: Double, width: Int, height: Int) throws -> RGBImage {
        let prefix = EngineTestSupport.temporaryPath(suffix: "")
        let result = try EngineTestSupport.tool("pdftoppm", ["-png", "-singlefile", "-r", String(Int(dpi)),
                                                             "-scale-to-x", String(width), "-scale-to-y", String(height),
                                                             pdfPath, prefix])
        guard result.status == 0 else { throw CrossBackendError(message: "pdftoppm failed: \(result.stderr)") }
        defer { try? FileManager.default.removeItem(atPath: prefix + ".png") }
        return try RGBImage(contentsOf: prefix + ".png")
    }

    /// One sample per A4 document and every card (the comparison is pixel by pixel, slow in a debug build).
    static let samples = Fixtures.exampleNames.filter { !$0.contains(".") || $0.hasPrefix("card.") || $0.hasSuffix("long-names") }

    @Test(arguments: samples)
    func pdftoppmAgreesWithOurPNG(name: String) throws {
        let record = try Fixtures.record(name)
        let pipeline = try Fixtures.pipeline.get()
        // A4 pages at 100 dpi (at 72 dpi a pixel of edge is too large a share of a 7 pt glyph), the card at 300.
        let dpi = record.kind == .card ? 300.0 : 100.0
        // With the seal, as served (the card stays its bare face in both: its print sheet is another page size).
        let seal = record.kind == .card ? nil : try Fixtures.goldenSeal(record)
        let ours = try RGBImage(png: try pipeline.render(record, seal: seal, format: .png, dpi: dpi))
        let pdfPath = try EngineTestSupport.temporaryFile(try pipeline.render(record, seal: seal, format: .pdf), suffix: ".pdf")
        let theirs = try Self.pdftoppm(pdfPath, dpi: dpi, width: ours.width, height: ours.height)
        // The engine's own thresholds (PNGRendererTests/CrossBackendTests): poppler's Splash hints glyphs and snaps
        // edges to pixels, we place everything exactly, so edges differ by about a pixel, never a field's place.
        let exact = ImageComparison(ours, theirs, tolerance: 64)
        let shifted = ImageComparison(ours, theirs, tolerance: 64, neighbourhood: 1)
        if exact.differingShare >= 0.03 || shifted.differingShare >= 0.01 {
            let paths = try exact.writeImages(named: "documents-\(name)", actual: ours, expected: theirs)
            print("cross-backend \(name): \(exact); \(shifted)\n  ours | \(paths[0])\n  pdftoppm | \(paths[1])\n  diff | \(paths[2])")
        }
        #expect(exact.differingShare < 0.03, "\(exact)")
        #expect(shifted.differingShare < 0.01, "\(shifted)")
    }
}

struct CrossBackendError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
