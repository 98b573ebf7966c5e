// PDFAConformanceTests: our PDFs validated as PDF/A-1b by Apache PDFBox Preflight (Scripts/pdfa-check.sh).

import DisplayList
import Foundation
import PDFRenderer
import Testing
import EngineTestSupport

/// The Preflight tests need Java and Debian's libpdfbox2-java, libactivation-java and libjaxb-api-java
/// (install-system-packages.sh --tests). Without them they are skipped on a workstation, but run and fail under
/// CI: a skipped oracle is a failing CI.
struct PDFAConformanceTests {
    static let preflightOrCI = ConditionTrait.enabled(
        if: validatorInstalled || ProcessInfo.processInfo.environment["CI"] != nil,
        "PDFBox Preflight is not installed (Scripts/install-system-packages.sh --tests)")

    static let script = EngineTestSupport.repository.appendingPathComponent("Scripts/pdfa-check.sh").path
    static let validatorInstalled = (try? EngineTestSupport.tool(script, ["--installed"]).status) == 0
    static let renderer = Result { PDFRenderer(fonts: try EngineTestSupport.fonts.get()) }
    static let stressNames = ["ŁUKASIEWICZ-ØRSTED", "Zoë d'Arcy", "Đurđica", "Ő"]

    /// Text in both faces with the stress names, filled and stroked shapes, an image, two page sizes.
    static func representativePages() throws -> [Page] {
        var items: [Item] = []
        for (index, name) in stressNames.enumerated() {
            items.append(.text(try EngineTestSupport.run(name, x: 72, y: 100 + Double(index) * 24)))
            items.append(.text(try EngineTestSupport.run(name, x: 300, y: 100 + Double(index) * 24, font: "sans-bold",
                                                         color: Color(red: 0, green: 0x33, blue: 0x99))))
        }
        items.append(.text(try EngineTestSupport.run("Réf. « n° 12 » – 15\u{A0}€ ‘x’ … ‰ ™ −1", x: 72, y: 220, size: 9,
                                                     scale: 0.9)))
        items.append(.shape(Shape(path: .rectangle(Rect(x: 72, y: 260, width: 200, height: 1)),
                                  fill: Color(red: 0xA9, green: 0xB3, blue: 0xC9))))
        items.append(.shape(Shape(path: .rectangle(Rect(x: 72, y: 300, width: 100, height: 50)),
                                  fill: Color(red: 0, green: 51, blue: 153), stroke: Stroke(color: .black, width: 1))))
        items.append(.shape(Shape(path: Path([.move(Point(x: 200, y: 300)),
                                              .cubic(control1: Point(x: 250, y: 250), control2: Point(x: 300, y: 350),
                                                     end: Point(x: 350, y: 300)), .close]),
                                  fill: Color(red: 255, green: 204, blue: 0),
                                  stroke: Stroke(color: Color(red: 200, green: 0, blue: 0), width: 2))))
        items.append(.image(Image(frame: Rect(x: 400, y: 300, width: 40, height: 40), pixelWidth: 2, pixelHeight: 2,
                                  rgb: [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0])))
        let card = Page(size: .id1, items: [.text(try EngineTestSupport.run("Đurđica Ő", x: 10, y: 20, font: "sans-bold"))])
        return [Page(size: .a4, items: items), card]
    }

    /// The document infos the metadata must survive: the usual one (+01:00), UTC, a negative offset, and texts
    /// that PDFDocEncoding cannot carry or that XML must escape.
    static let infos = [
        EngineTestSupport.info,
        DocumentInfo(title: "Attestation", author: "Assurance Maladie", creationSeconds: 1_767_225_600, creationOffsetMinutes: 0),
        DocumentInfo(title: "Đurđica Ő — ŁUKASIEWICZ-ØRSTED", author: "CPAM <Paris> & Zoë d'Arcy",
                     creationSeconds: 951_782_400, creationOffsetMinutes: -150),
    ]

    func write(_ pages: [Page], _ info: DocumentInfo) throws -> String {
        try EngineTestSupport.temporaryFile(try Self.renderer.get().render(pages: pages, info: info), suffix: ".pdf")
    }

    func preflight(_ paths: [String]) throws -> EngineTestSupport.Output {
        let result = try EngineTestSupport.tool(Self.script, paths)
        #expect(result.status != 3, "PDFBox Preflight is missing: \(result.stderr)")
        return result
    }

    @Test(preflightOrCI) func representativePagesArePDFA1b() throws {
        let pages = try Self.representativePages()
        let paths = try Self.infos.map { try write(pages, $0) }
            + [try write([Page(size: .a4)], EngineTestSupport.info)]   // an empty page: no fonts at all
        let result = try preflight(paths)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // And the stress names are still extracted exactly from the same files.
        let text = try EngineTestSupport.tool("pdftotext", [paths[0], "-"]).stdout
        for name in Self.stressNames { #expect(text.contains(name), "pdftotext lost \(name): \(text)") }
    }

    @Test(preflightOrCI) func theOracleRejectsAFileWithoutIdentifier() throws {
        // The same bytes with the trailer's /ID renamed (same length, so offsets stay right): Preflight must
        // say 1.4.1, which shows that a passing run above is Preflight's verdict and not a silent no-op.
        var bytes = try Self.renderer.get().render(pages: Self.representativePages(), info: EngineTestSupport.info)
        let key = Array("/ID [".utf8)
        let start = try #require((0...(bytes.count - key.count)).last { bytes[$0..<$0 + key.count].elementsEqual(key) })
        bytes[start + 1] = UInt8(ascii: "X")
        let result = try preflight([try EngineTestSupport.temporaryFile(bytes, suffix: ".pdf")])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("1.4.1"), "\(result.stdout)")
    }

    @Test func theIdentifierIsAHashOfTheContent() throws {
        let renderer = try Self.renderer.get()
        let pages = try Self.representativePages()
        func identifier(_ bytes: [UInt8]) throws -> String {
            let trailer = String(decoding: bytes.suffix(400), as: UTF8.self)
            let match = try #require(trailer.firstMatch(of: #/\/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \]/#))
            #expect(match.1 == match.2)
            return String(match.1)
        }
        let first = try identifier(renderer.render(pages: pages, info: EngineTestSupport.info))
        #expect(first != String(repeating: "0", count: 32))
        #expect(try identifier(renderer.render(pages: pages, info: EngineTestSupport.info)) == first)
        #expect(try identifier(renderer.render(pages: pages, info: Self.infos[1])) != first)
        #expect(try identifier(renderer.render(pages: Array(pages.prefix(1)), info: EngineTestSupport.info)) != first)
    }

    @Test func aMissingColourProfileIsNamed() throws {
        let renderer = PDFRenderer(fonts: try EngineTestSupport.fonts.get(), colorProfile: "/nonexistent/sRGB.icc")
        #expect(throws: PDFRendererError.unreadableColorProfile(path: "/nonexistent/sRGB.icc", reason: "cannot read the file")) {
            try renderer.render(pages: [Page(size: .a4)], info: EngineTestSupport.info)
        }
    }
}
