// PDFOracleTests: our PDFs checked by real tools — pdftotext finds every printed text, accents included;
// pdffonts shows every font embedded; qpdf --check passes; SHA-256 goldens with a visual diagnosis on mismatch.
import DisplayList
import DocumentPipeline
import Documents
import EngineTestSupport
import Foundation
import Records
import TeleserviceRules
import Testing

struct PDFOracleTests {
    func pdf(_ name: String) throws -> (record: DocumentRecord, bytes: [UInt8], path: String) {
        let record = try Fixtures.record(name)
        // Sealed as served; the card stays the bare face here (its true size and its hash against the card's PNG
        // golden), and its sealed print sheet is read by SealOracleTests.
        let seal = record.kind == .card ? nil : try Fixtures.goldenSeal(record)
        let bytes = try Fixtures.pipeline.get().render(record, seal: seal, format: .pdf)
        return (record, bytes, try EngineTestSupport.temporaryFile(bytes, suffix: ".pdf"))
    }

    @Test(arguments: Fixtures.exampleNames)
    func pdftotextFindsEveryPrintedText(name: String) throws {
        let (record, _, path) = try pdf(name)
        let extracted = try EngineTestSupport.tool("pdftotext", ["-enc", "UTF-8", path, "-"])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let text = Fixtures.normalised(extracted.stdout)
        let page = try Fixtures.pipeline.get().pages(record, seal: record.kind == .card ? nil : try Fixtures.goldenSeal(record))[0]
        for run in Fixtures.runs(of: page) {
            #expect(text.contains(Fixtures.normalised(run.text)), "pdftotext lost “\(run.text)”")
        }
        // And the record's values themselves, as the document prints them (the card may abbreviate a name).
        for value in Self.printedValues(record) {
            #expect(text.contains(Fixtures.normalised(value)), "pdftotext lost the value “\(value)”")
        }
    }

    /// The record values every document must show whole.
    static func printedValues(_ record: DocumentRecord) -> [String] {
        switch record {
        case .certificate(let c):
            return [c.lastName.value, c.givenNames.value, c.birthDate.french, c.personalNumber.grouped,
                    c.institution.cardField, c.institution.name, c.institution.address, c.cardNumber.value,
                    c.cardExpiryDate.french, c.validFrom.french, c.validUntil.french, c.issuedOn.french, c.id.value]
        case .card(let c):
            return [c.birthDate.french, c.personalNumber.grouped, c.institution.cardField, c.cardNumber.value,
                    c.expiryDate.french, c.issuingState]
        case .acknowledgement(let a):
            return [a.reference.value, a.procedure.french, a.insuredName, a.concerning, a.institution.name,
                    a.institution.address, a.institution.phone, ParisTime.date(a.receivedAt), ParisTime.time(a.receivedAt)]
                + a.nextSteps
        case .proxyConfirmation(let p):
            return [p.proxyID.value, p.insuredName, p.holder.lastName.value, p.holder.firstName.value,
                    p.holder.usageName?.value, p.holder.birthDate.french, p.validUntil.french, p.scope, p.exclusions]
                .compactMap { $0 } + p.instructions
        }
    }

    @Test(arguments: DocumentKind.allCases.map(\.rawValue))
    func pdffontsShowsEveryFontEmbedded(name: String) throws {
        let (_, _, path) = try pdf(name)
        let fonts = try EngineTestSupport.tool("pdffonts", [path])
        #expect(fonts.status == 0, "\(fonts.stderr)")
        // name type encoding emb sub uni object ID: skip the two header lines.
        let rows = fonts.stdout.split(separator: "\n").dropFirst(2)
        #expect(rows.count >= 2, "\(fonts.stdout)")
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "not embedded: \(row)")
        }
    }

    @Test(arguments: DocumentKind.allCases.map(\.rawValue))
    func qpdfCheckPasses(name: String) throws {
        let (_, _, path) = try pdf(name)
        let check = try EngineTestSupport.tool("qpdf", ["--check", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
    }

    @Test func D_CARD_printPDFIsAtTrueSize() throws {
        let (_, _, path) = try pdf("card")
        let info = Fixtures.normalised(try EngineTestSupport.tool("pdfinfo", ["-isodates", path]).stdout)
        // 85.60 × 53.98 mm in points.
        #expect(info.contains("Page size: 242.646 x 153.014 pts"), "\(info)")
        #expect(info.contains("Pages: 1"))
        // Dated by the card's issue day (expiry − 2 years) at midnight in Paris, not by the clock.
        #expect(info.contains("CreationDate: 2025-01-10T00:00:00+01"), "\(info)")
        let certificate = Fixtures.normalised(try EngineTestSupport.tool("pdfinfo", [try pdf("certificate").path]).stdout)
        #expect(certificate.contains("Page size: 595.276 x 841.89 pts (A4)"), "\(certificate)")
        #expect(certificate.contains("Author: Assurance Maladie — CPAM de Paris"))
        #expect(certificate.contains("Title: Certificat provisoire de remplacement de la carte européenne d'assurance maladie"))
    }

    /// SHA-256 of every sample's PDF against Golden/pdf-hashes.txt. On a mismatch the PDF is rasterised with
    /// pdftoppm and compared with the PNG golden, which says whether the change is visible.
    @Test func pdfBytesMatchTheirHashes() throws {
        let hashesPath = Golden.path("pdf-hashes", "txt")
        var lines: [String] = []
        var problems: [String] = []
        let committed = (try? String(contentsOfFile: hashesPath, encoding: .utf8)) ?? ""
        var expected: [String: String] = [:]
        for line in committed.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count == 2 { expected[String(parts[1])] = String(parts[0]) }
        }
        for name in Fixtures.exampleNames {
            let (record, _, path) = try pdf(name)
            let sum = try EngineTestSupport.tool("sha256sum", [path])
            let hash = String(sum.stdout.prefix(64))
            lines.append("\(hash)  \(name).pdf")
            guard !Golden.updating, expected["\(name).pdf"] != hash else { continue }
            problems.append("pdf hash mismatch \(name).pdf: \(hash), golden \(expected["\(name).pdf"] ?? "absent"); "
                            + (try Self.visualDiagnosis(pdfPath: path, name: name, kind: record.kind)))
        }
        if Golden.updating {
            try (lines.joined(separator: "\n") + "\n").write(toFile: hashesPath, atomically: true, encoding: .utf8)
            return
        }
        for problem in problems { print(problem) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\naccept with: UPDATE_GOLDENS=1 swift test --filter PDFOracleTests")
    }

    /// How the changed PDF looks next to the PNG golden, through pdftoppm at the golden's density.
    static func visualDiagnosis(pdfPath: String, name: String, kind: DocumentKind) throws -> String {
        guard FileManager.default.fileExists(atPath: Golden.path(name)) else { return "no PNG golden to compare with" }
        let golden = try RGBImage(contentsOf: Golden.path(name))
        let raster = try CrossBackendTests.pdftoppm(pdfPath, dpi: Fixtures.dpi(for: kind), width: golden.width, height: golden.height)
        let comparison = ImageComparison(raster, golden, tolerance: 64, neighbourhood: 1)
        let diffPath = Golden.path(name, "pdf.diff.png")
        try Data(comparison.diff.pngData()).write(to: URL(fileURLWithPath: diffPath))
        return comparison.differingShare < 0.01
            ? "pdftoppm still matches the PNG golden (\(comparison)): a byte change, not a visible one"
            : "pdftoppm differs from the PNG golden (\(comparison)) | diff \(diffPath)"
    }
}
