// PDFRendererTests: synthetic display lists to PDF, checked with real tools (qpdf, pdffonts, pdftotext, pdfinfo).

import DisplayList
import Foundation
import Records
import Testing
@testable import PDFRenderer
import Typography
import EngineTestSupport

struct PDFRendererTests {
    static let names = ["ŁUKASIEWICZ-ØRSTED", "Zoë d'Arcy", "Đurđica"]
    static let renderer = Result { PDFRenderer(fonts: try EngineTestSupport.fonts.get()) }

    static func samplePages() throws -> [Page] {
        var items: [Item] = []
        for (index, name) in names.enumerated() {
            items.append(.text(try EngineTestSupport.run(name, x: 72, y: 100 + Double(index) * 30)))
        }
        items.append(.text(try EngineTestSupport.run("Gras « guillemets » – 15 € ’", x: 72, y: 220, font: "sans-bold")))
        items.append(.shape(Shape(path: .rectangle(Rect(x: 72, y: 300, width: 100, height: 50)),
                                  fill: Color(red: 0, green: 51, blue: 153), stroke: Stroke(color: .black, width: 1))))
        items.append(.shape(Shape(path: Path([.move(Point(x: 200, y: 300)),
                                              .cubic(control1: Point(x: 250, y: 250), control2: Point(x: 300, y: 350),
                                                     end: Point(x: 350, y: 300))]),
                                  stroke: Stroke(color: Color(red: 200, green: 0, blue: 0), width: 2))))
        items.append(.image(Image(frame: Rect(x: 400, y: 300, width: 40, height: 40), pixelWidth: 2, pixelHeight: 2,
                                  rgb: [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0])))
        return [Page(size: .a4, items: items), Page(size: .id1, items: [.text(try EngineTestSupport.run("p. 2", x: 10, y: 20))])]
    }

    func render(_ pages: [Page], info: DocumentInfo = EngineTestSupport.info) throws -> String {
        try EngineTestSupport.temporaryFile(try Self.renderer.get().render(pages: pages, info: info), suffix: ".pdf")
    }

    @Test func qpdfFindsNoError() throws {
        let result = try EngineTestSupport.tool("qpdf", ["--check", try render(Self.samplePages())])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("No syntax or stream encoding errors found"))
    }

    @Test func everyFontIsEmbedded() throws {
        let result = try EngineTestSupport.tool("pdffonts", [try render(Self.samplePages())])
        let rows = result.stdout.split(separator: "\n").dropFirst(2)
        #expect(rows.count == 2, "one font per face used: \(result.stdout)")
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            // name type encoding emb sub uni object ID, counted from the end (the type "CID TrueType" is two
            // words): since PDF/A, each face is a composite font (Type0 over CIDFontType2, Identity-H) with a
            // /ToUnicode map, where it used to be a simple TrueType font with a custom encoding and no map.
            #expect(columns[columns.count - 5] == "yes", "not embedded: \(row)")
            #expect(columns[columns.count - 4] == "yes", "not a subset: \(row)")
            #expect(columns[columns.count - 3] == "yes", "no ToUnicode map: \(row)")
            #expect(row.contains("CID TrueType") && columns[columns.count - 6] == "Identity-H", "\(row)")
        }
    }

    @Test func pdftotextGivesTheTextsBackWithTheirAccents() throws {
        let result = try EngineTestSupport.tool("pdftotext", [try render(Self.samplePages()), "-"])
        let lines = result.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty && $0 != "\u{0C}" }
        #expect(lines == Self.names + ["Gras « guillemets » – 15 € ’", "\u{0C}p. 2"] || lines == Self.names + ["Gras « guillemets » – 15 € ’", "p. 2"],
                "\(lines)")
    }

    @Test func theWholeRepertoireSurvivesTextExtraction() throws {
        // Every character offered (ISO 8859-1..4 and more) in one document: each comes back as itself. Poppler
        // makes spaces from gaps, not from space glyphs: it prints the Unicode spaces (no-break, figure, thin,
        // narrow no-break) as U+0020, and two in a row as one.
        let embedded = try Self.renderer.get().engine.embedded.get()
        let all = EmbeddedFonts.repertoire.flatMap { $0 }.compactMap(Unicode.Scalar.init)
            .filter { embedded.supports($0) && $0.value > 0x20 }
        #expect(all.count > 340)
        let lines = stride(from: 0, to: all.count, by: 40).map { String(String.UnicodeScalarView(all[$0..<min($0 + 40, all.count)])) }
        let items = try lines.enumerated().map { Item.text(try EngineTestSupport.run($1, x: 20, y: 40 + Double($0) * 20, size: 9)) }
        let path = try render([Page(size: .a4, items: items)])
        let text = try EngineTestSupport.tool("pdftotext", [path, "-"]).stdout
        let extracted = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && $0 != "\u{0C}" }
        let spaces: Set<Unicode.Scalar> = ["\u{A0}", "\u{2007}", "\u{2009}", "\u{202F}"]
        let expected = lines.map { line in
            String(String.UnicodeScalarView(line.unicodeScalars.map { spaces.contains($0) ? " " : $0 }))
                .replacingOccurrences(of: "  ", with: " ")
        }
        #expect(extracted == expected)
    }

    @Test func sameInputGivesTheSameBytesFromAPooledOrAFreshHandle() throws {
        let pages = try Self.samplePages()
        let small = [Page(size: .a4, items: [.text(try EngineTestSupport.run("Zoë", x: 10, y: 10))])]
        let renderer = try Self.renderer.get()
        let first = try renderer.render(pages: small, info: EngineTestSupport.info)
        _ = try renderer.render(pages: pages, info: EngineTestSupport.info)   // the pooled handle now has more glyphs used
        let second = try renderer.render(pages: small, info: EngineTestSupport.info)
        let fresh = try PDFRenderer(fonts: try EngineTestSupport.fonts.get()).render(pages: small, info: EngineTestSupport.info)
        #expect(first == second)
        #expect(first == fresh)
        #expect(try renderer.render(pages: pages, info: EngineTestSupport.info) == renderer.render(pages: pages, info: EngineTestSupport.info))
    }

    @Test func metadataComesFromTheDocumentInfo() throws {
        let result = try EngineTestSupport.tool("pdfinfo", ["-isodates", try render(Self.samplePages())])
        #expect(result.stdout.contains("Title:           Certificat provisoire — épreuve"), "\(result.stdout)")
        #expect(result.stdout.contains("Author:          Assurance Maladie"))
        // 1 767 225 600 s is 2026-01-01T00:00:00Z, shown at +01:00.
        #expect(result.stdout.contains("CreationDate:    2026-01-01T01:00:00+01"))
        #expect(result.stdout.contains("Pages:           2"))
        #expect(!result.stdout.contains("Encrypted:       yes"))
        let other = DocumentInfo(title: "x", author: "y", creationSeconds: 0, creationOffsetMinutes: 0)
        #expect(try Self.renderer.get().render(pages: Self.samplePages(), info: other)
                != Self.renderer.get().render(pages: Self.samplePages(), info: EngineTestSupport.info))
    }

    @Test func wordsSitWhereLayoutMeasuredThem() throws {
        let long = "Certificat provisoire de remplacement de la carte européenne d'assurance maladie"
        let run = try EngineTestSupport.run(long, x: 50, y: 100, size: 11)
        let boxes = try Self.wordBoxes(try render([Page(size: .a4, items: [.text(run)])]))
        #expect(boxes.count == long.split(separator: " ").count)
        let face = try EngineTestSupport.fonts.get().face(run.font)
        // Within 0.01 pt: /W holds exact advances (it was 0.06 when simple-font widths were whole thousandths
        // and runs were restarted as they drifted).
        var prefix = ""
        for (word, box) in zip(long.split(separator: " "), boxes) {
            #expect(box.text == word)
            let expectedStart = 50 + face.advance(of: prefix, size: 11)
            let expectedEnd = expectedStart + face.advance(of: String(word), size: 11)
            #expect(abs(box.xMin - expectedStart) < 0.01, "\(word) starts at \(box.xMin), layout says \(expectedStart)")
            #expect(abs(box.xMax - expectedEnd) < 0.01, "\(word) ends at \(box.xMax), layout says \(expectedEnd)")
            prefix += word + " "
        }
        #expect(abs(boxes.last!.xMax - (50 + run.width)) < 0.01)
    }

    @Test func horizontalScaleCompressesTheRun() throws {
        let plain = try EngineTestSupport.run("ŁUKASIEWICZ-ØRSTED", x: 40, y: 100, size: 7)
        let narrow = try EngineTestSupport.run("ŁUKASIEWICZ-ØRSTED", x: 40, y: 140, size: 7, scale: 0.9)
        let boxes = try Self.wordBoxes(try render([Page(size: .id1, items: [.text(plain), .text(narrow)])]))
        try #require(boxes.count == 2)
        let plainWidth = boxes[0].xMax - boxes[0].xMin
        let narrowWidth = boxes[1].xMax - boxes[1].xMin
        #expect(abs(narrowWidth / plainWidth - 0.9) < 0.002, "\(narrowWidth) / \(plainWidth)")
        #expect(abs(narrowWidth - narrow.width) < 0.05)
    }

    @Test func imagesAreEmbeddedAsRGB() throws {
        let result = try EngineTestSupport.tool("pdfimages", ["-list", try render(Self.samplePages())])
        let rows = result.stdout.split(separator: "\n").dropFirst(2)
        #expect(rows.count == 1)
        #expect(rows.first?.contains(" rgb ") == true && rows.first?.contains("     2     2 ") == true, "\(result.stdout)")
    }

    @Test func aCharacterTheFontsDoNotCarryIsRefused() throws {
        let page = Page(size: .a4, items: [.text(try EngineTestSupport.run("Zoë 中", x: 10, y: 10))])
        #expect(throws: PDFRendererError.unsupportedCharacter("中", text: "Zoë 中")) {
            try Self.renderer.get().render(pages: [page], info: EngineTestSupport.info)
        }
        let unknown = TextRun(origin: Point(x: 0, y: 0), text: "x", font: FontID("serif"), size: 9, width: 5)
        #expect(throws: TypographyError.self) {
            try Self.renderer.get().render(pages: [Page(size: .a4, items: [.text(unknown)])], info: EngineTestSupport.info)
        }
    }

    struct WordBox {
        var text: String
        var xMin: Double
        var xMax: Double
    }

    /// Word boxes as `pdftotext -bbox` computes them from the PDF's own font widths.
    static func wordBoxes(_ path: String) throws -> [WordBox] {
        let html = try EngineTestSupport.tool("pdftotext", ["-bbox", path, "-"]).stdout
        let pattern = try NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            let field = { (i: Int) in String(html[Range(match.range(at: i), in: html)!]) }
            return WordBox(text: field(3).replacingOccurrences(of: "&apos;", with: "'")
                               .replacingOccurrences(of: "&amp;", with: "&"),
                           xMin: Double(field(1))!, xMax: Double(field(2))!)
        }
    }
}

extension PDFRendererTests {
    @Test func embeddedFontsCarryTheCardRepertoire() throws {
        let embedded = try Self.renderer.get().engine.embedded.get()
        let missing = CardRepertoire.allScalars.filter { !embedded.supports($0) }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test func spacesAndTheSoftHyphenAreDrawnWithTheirOwnGlyphs() throws {
        // Each has a glyph and a /ToUnicode entry of its own (they used to be drawn as a plain space or hyphen,
        // for want of a glyph name). pdftotext prints the spaces as U+0020 but keeps the soft hyphen.
        let run = try EngineTestSupport.run("15\u{A0}€ et\u{202F}: co\u{AD}", x: 20, y: 40)
        let path = try render([Page(size: .a4, items: [.text(run)])])
        #expect(try EngineTestSupport.tool("pdftotext", [path, "-"]).stdout.hasPrefix("15 € et : co\u{AD}"))
        let boxes = try Self.wordBoxes(path)
        #expect(abs(boxes.last!.xMax - (20 + run.width)) < 0.01)
    }
}

extension PDFRendererTests {
    @Test func concurrentRendersGiveTheSameBytesAsOneAtATime() async throws {
        let renderer = try Self.renderer.get()
        let pages = try Self.samplePages()
        let expected = try renderer.render(pages: pages, info: EngineTestSupport.info)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<12 {
                group.addTask { try renderer.render(pages: pages, info: EngineTestSupport.info) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 12)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func aLibharuErrorBecomesAHaruErrorAndTheRendererCarriesOn() throws {
        let renderer = try Self.renderer.get()
        // libharu refuses a page narrower than 3 points (HPDF_PAGE_INVALID_SIZE, 0x1054).
        do {
            _ = try renderer.render(pages: [Page(size: Size(width: 0, height: 0))], info: EngineTestSupport.info)
            Issue.record("a zero-sized page should fail")
        } catch let error as HaruError {
            #expect(error.code == 0x1054)
            #expect(error.operation == "HPDF_Page_SetWidth")
        }
        let pdf = try renderer.render(pages: try Self.samplePages(), info: EngineTestSupport.info)
        #expect(try EngineTestSupport.tool("qpdf", ["--check", try EngineTestSupport.temporaryFile(pdf, suffix: ".pdf")]).status == 0)
    }
}

@Suite struct LibharuVersionTests {
    @Test func theLoadedLibharuIsTheRequiredOneAndAnotherIsRefusedByName() throws {
        #expect(PDFRenderer.loadedLibharuVersion == "2.3.0")
        try PDFRenderer.checkLibharu()
        #expect(throws: PDFRendererError.unsupportedLibharu(found: "2.4.3", required: "2.3.0")) {
            try PDFRenderer.checkLibharu(found: "2.4.3")
        }
        #expect(PDFRendererError.unsupportedLibharu(found: "2.4.3", required: "2.3.0").description.contains("libharu 2.4.3 is loaded"))
    }
}
