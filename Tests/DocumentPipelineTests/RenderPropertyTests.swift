// RenderPropertyTests: records drawn over the whole accepted input space render, every kind in PDF and PNG, in one
// process through the pooled handles: one page, every field present, the same bytes as a fresh pipeline's.
import DisplayList
import DocumentPipeline
import Documents
import EngineTestSupport
import Foundation
import RecordSampler
import Records
import Seal
import TeleserviceRules
import Testing

struct RenderPropertyTests {
    /// Enough cases to cross the layout's limits many times and stay quick; `ameli-docs bench --property N` runs
    /// thousands.
    static let casesPerKind = 60

    @Test(arguments: DocumentKind.allCases)
    func drawnRecordsRenderOnOnePageWithEveryField(kind: DocumentKind) throws {
        let pipeline = try Fixtures.pipeline.get()
        let signer = try SealSigner(privateKeyPEM: SealSigner.generatePrivateKeyPEM(), certificateID: "PROP", authority: "AM")
        var sampler = RecordSampler(seed: 0x15_0000 + UInt64(DocumentKind.allCases.firstIndex(of: kind)!))
        var failures: [String] = []
        var drawn: [(DocumentRecord, DocumentSeal, [UInt8], [UInt8])] = []
        for index in 0..<Self.casesPerKind {
            let (record, id) = try sampler.next(kind)
            let seal = try Fixtures.seal(record, id: id, signer: signer)
            do {
                _ = try Fixtures.checkedPage(record, seal: seal, failures: &failures, label: "case \(index): ")
                let pdf = try pipeline.render(record, seal: seal, format: .pdf)
                let png = try pipeline.render(record, seal: seal, format: .png, dpi: 36)
                drawn.append((record, seal, pdf, png))
                if index % 10 == 0 { try checkText(of: pdf, record: record) }
            } catch {
                failures.append("case \(index): \(error)\n\(String(decoding: try record.encoded(), as: UTF8.self))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(Self.casesPerKind) \(kind.rawValue) records did not render:\n\(failures.prefix(3).joined(separator: "\n"))")
        // The pooled handles rendered everything above; a pipeline of its own renders each again from new handles.
        let fresh = try DocumentPipeline(resources: ResourceLocator(root: Fixtures.repository.path))
        for (record, seal, pdf, png) in drawn {
            #expect(try fresh.render(record, seal: seal, format: .pdf) == pdf, "PDF differs from a fresh pipeline's: \(record.ownDocumentID)")
            #expect(try fresh.render(record, seal: seal, format: .png, dpi: 36) == png, "PNG differs from a fresh pipeline's")
        }
    }

    /// The pools under load: drawn records of every kind rendered from 4 tasks at once through the shared pipeline
    /// (libharu handles and FreeType contexts lent and returned concurrently) give the bytes of a render alone.
    /// ThreadSanitizer runs this one (docs/operations.md, "Tests under sanitizers").
    @Test func concurrentRendersOfDrawnRecordsGiveTheBytesOfRendersAlone() async throws {
        let pipeline = try Fixtures.pipeline.get()
        let signer = try SealSigner(privateKeyPEM: SealSigner.generatePrivateKeyPEM(), certificateID: "PROP", authority: "AM")
        var sampler = RecordSampler(seed: 0x15_1000)
        var jobs: [(DocumentRecord, DocumentSeal, OutputFormat)] = []
        for index in 0..<48 {
            let kind = DocumentKind.allCases[index % DocumentKind.allCases.count]
            let (record, id) = try sampler.next(kind)
            jobs.append((record, try Fixtures.seal(record, id: id, signer: signer), index % 3 == 0 ? .png : .pdf))
        }
        let work = jobs
        let alone = try work.map { try pipeline.render($0.0, seal: $0.1, format: $0.2, dpi: 36) }
        let together = try await withThrowingTaskGroup(of: [(Int, [UInt8])].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var out: [(Int, [UInt8])] = []
                    for index in stride(from: worker, to: work.count, by: 4) {
                        out.append((index, try pipeline.render(work[index].0, seal: work[index].1, format: work[index].2, dpi: 36)))
                    }
                    return out
                }
            }
            return try await group.reduce(into: [Int: [UInt8]]()) { result, part in for (index, bytes) in part { result[index] = bytes } }
        }
        for index in work.indices { #expect(together[index] == alone[index], "job \(index) differs when rendered concurrently") }
    }

    /// pdftotext finds every value the document must show whole (line breaks aside: a long name may wrap inside a
    /// word) and the PDF has one page.
    func checkText(of pdf: [UInt8], record: DocumentRecord) throws {
        let path = try EngineTestSupport.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let info = try EngineTestSupport.tool("pdfinfo", [path])
        #expect(info.stdout.contains("Pages:           1"), "\(info.stdout)")
        let extracted = try EngineTestSupport.tool("pdftotext", ["-enc", "UTF-8", path, "-"])
        // pdftotext joins a word broken at a hyphen and drops the hyphen: compare without spaces and hyphens.
        func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace && $0 != "-" } }
        let text = squeezed(extracted.stdout)
        // The card abbreviates a value too long for its field (D_CARD); the other documents print every value whole,
        // but a name of the widest letters that fits no field even at the smallest size, which they abbreviate too.
        var values = PDFOracleTests.printedValues(record)
        if case .card(let card) = record { values.removeAll { $0 == card.institution.cardField } }
        for value in values {
            let forms = [value] + Self.abbreviations(of: value)
            #expect(forms.contains { text.contains(squeezed($0)) }, "pdftotext lost “\(value)”")
        }
    }

    /// Every D_CARD abbreviation of `value`: whole words, then the next word's initial and a full stop; or the first
    /// word cut, with its full stop.
    static func abbreviations(of value: String) -> [String] {
        let characters = Array(value)
        let separators: Set<Character> = [" ", "-", "'"]
        let starts = characters.indices.filter { $0 > 0 && separators.contains(characters[$0 - 1]) && !separators.contains(characters[$0]) }
        return starts.map { String(characters[...$0]) + "." } + (1..<max(1, characters.count)).map { String(characters[..<$0]) + "." }
    }
}
