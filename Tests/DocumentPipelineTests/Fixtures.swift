// Fixtures: the sample records of Examples/, the shared pipeline, and the page text tests search for mentions.
import DisplayList
import DocumentPipeline
import Documents
import Foundation
import Records
import Seal
import TeleserviceRules

enum Fixtures {
    /// The repository root, from this file (never Bundle.module).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examplesDirectory = repository.appendingPathComponent("Examples")

    /// One pipeline for the whole test process, as a server has one.
    static let pipeline = Result { try DocumentPipeline(resources: ResourceLocator(root: repository.path)) }

    /// Every sample record, by file stem (`card`, `card.long-names`, …), sorted.
    static let exampleNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: examplesDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func kind(of name: String) -> DocumentKind {
        DocumentKind(rawValue: String(name.split(separator: ".")[0]))!
    }

    static func record(_ name: String) throws -> DocumentRecord {
        try DocumentRecord.decode(kind(of: name), from: Data(contentsOf: examplesDirectory.appendingPathComponent(name + ".json")))
    }

    /// The id a sample record's document carries (what the service registers it under).
    static func documentID(_ record: DocumentRecord) -> String { record.ownDocumentID }

    /// The seal a sample is rendered with in goldens: its real message, signed on its issue day, with a fixed
    /// placeholder signature (ECDSA signatures are random, and a golden must not change run to run). The oracle
    /// tests sign for real.
    static func goldenSeal(_ record: DocumentRecord) throws -> DocumentSeal {
        let id = documentID(record)
        let content = record.sealContent(documentID: id)
        let unsigned = try content.unsigned(authority: "AM", certificateID: "GOLD", signedOn: content.issuedOn)
        let seal = try SignedSeal(unsigned: unsigned, signature: (0..<64).map { UInt8($0 * 4) })
        return DocumentSeal(text: seal.text, documentID: id)
    }

    /// Goldens are 1 px per point for A4 pages (72 dpi) and the card at its screen density (300 dpi).
    static func dpi(for kind: DocumentKind) -> Double { kind == .card ? 300 : 72 }

    static func runs(of page: Page) -> [TextRun] {
        page.items.compactMap { if case .text(let run) = $0 { run } else { nil } }
    }

    static func shapes(of page: Page) -> [Shape] {
        page.items.compactMap { if case .shape(let shape) = $0 { shape } else { nil } }
    }

    /// The page's text in painting (template) order, one space between runs: a wrapped sentence reads whole again.
    static func text(of page: Page) -> String {
        runs(of: page).map(\.text).joined(separator: " ")
    }

    /// Collapses whitespace, so that texts from different line breaks compare.
    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Pairs of text runs whose ink boxes cross (from a cap's top to a descender's bottom, the run's own width): two
    /// texts of a page printed over one another. Wrapped lines, one leading apart, never touch.
    static func overlappingRuns(on page: Page) -> [(TextRun, TextRun)] {
        let boxes = runs(of: page).filter { !$0.text.allSatisfy(\.isWhitespace) }.map { run in
            (run: run, box: Rect(x: run.origin.x, y: run.origin.y - 0.73 * run.size, width: run.width, height: 0.95 * run.size))
        }
        var found: [(TextRun, TextRun)] = []
        for (index, first) in boxes.enumerated() {
            for second in boxes[(index + 1)...] where first.box.minX < second.box.maxX && second.box.minX < first.box.maxX
                && first.box.minY < second.box.maxY && second.box.minY < first.box.maxY {
                found.append((first.run, second.run))
            }
        }
        return found
    }

    /// `record`'s seal under `id`, signed by `signer` on the record's issue day, as the service would issue it.
    static func seal(_ record: DocumentRecord, id: String, signer: SealSigner) throws -> DocumentSeal {
        let content = record.sealContent(documentID: id)
        return DocumentSeal(text: try content.signed(by: signer, on: content.issuedOn).text, documentID: id)
    }

    /// The page of a sealed record, with each pair of texts printed over one another as a failure line.
    static func checkedPage(_ record: DocumentRecord, seal: DocumentSeal, failures: inout [String], label: String = "") throws -> Page {
        let pages = try pipeline.get().pages(record, seal: seal)
        if pages.count != 1 { failures.append("\(label)\(pages.count) pages") }
        for (first, second) in overlappingRuns(on: pages[0]) {
            failures.append("\(label)« \(first.text) » overlaps « \(second.text) »")
        }
        return pages[0]
    }
}
