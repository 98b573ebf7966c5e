// RenderCommand: `ameli-docs render KIND --record FILE.json --output FILE [--format pdf|png|html] [--dpi N]`, or a
// folder of records: `ameli-docs render [KIND] --batch DIR --output OUT_DIR [-j N] [--keep-going]`.
import ArgumentParser
import DocumentHTML
import DocumentPipeline
import Documents
import Foundation
import Records
import Seal

struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one document from a record (JSON) to PDF or PNG, or a folder of records (--batch).",
        discussion: """
        KIND is one of: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")). Sample records: Examples/KIND.json.
        With --batch, each record of the folder is rendered to OUT_DIR/NAME.EXT on every core (-j), written whole or \
        not at all; the kind is KIND, or read from each file's name (KIND[.anything].json, as in Examples/). The run \
        stops at the first bad record, naming its file, unless --keep-going (then a summary, and status 1 if any failed).
        """)

    @Argument(help: "The document: certificate, card, acknowledgement or proxy-confirmation (with --batch: optional).")
    var kind: String?

    @Option(help: "The record, as JSON (dates YYYY-MM-DD, instants RFC 3339).")
    var record: String?

    @Option(help: "A folder of records to render, each to OUTPUT/NAME.EXT.")
    var batch: String?

    @Option(help: "Where to write the document (with --batch: the folder to write them in).")
    var output: String

    @Option(name: [.customShort("j"), .long], help: "With --batch: how many documents at once (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "With --batch: render every record even after a bad one, then print a summary.")
    var keepGoing = false

    @Option(help: "pdf, png or html, the accessible twin (default: from the output's extension, else pdf).")
    var format: String?

    @Option(help: "PNG pixel density in dots per inch.")
    var dpi: Double = 300

    @Option(help: "Seal the document with this signing key (PKCS#8 PEM, as ameli-docs keygen writes it), signed today.")
    var signWith: String?

    @Option(help: "With --sign-with: the key's 4-character id.")
    var keyID: String = "K001"

    @Option(help: "With --sign-with: the document id printed and sealed (default: the record's own id).")
    var documentID: String?

    func validate() throws {
        if let kind, DocumentKind(rawValue: kind) == nil {
            throw ValidationError("type de document inconnu « \(kind) » / unknown document kind (certificate, card, acknowledgement, proxy-confirmation)")
        }
        switch (record, batch) {
        case (nil, nil): throw ValidationError("--record ou --batch est requis / --record or --batch is required")
        case (.some, .some): throw ValidationError("--record et --batch s'excluent / --record and --batch exclude each other")
        case (.some, nil) where kind == nil: throw ValidationError("KIND est requis avec --record / KIND is required with --record")
        default: break
        }
        guard jobs >= 1 else { throw ValidationError("-j doit être ≥ 1 / must be at least 1") }
        if let format, OutputFormat(rawValue: format) == nil, format != "html" {
            throw ValidationError("format inconnu « \(format) » / unknown format (pdf, png, html)")
        }
        guard DocumentPipeline.dpiRange.contains(dpi) else {
            throw ValidationError("densité \(dpi) hors limites / dpi out of range (\(Int(DocumentPipeline.dpiRange.lowerBound))–\(Int(DocumentPipeline.dpiRange.upperBound)))")
        }
    }

    /// The format asked for, or the output's extension, or PDF.
    var outputFormat: OutputFormat {
        if let format, let chosen = OutputFormat(rawValue: format) { return chosen }
        return OutputFormat(rawValue: (output as NSString).pathExtension.lowercased()) ?? .pdf
    }

    func run() async throws {
        if let batch { return try runBatch(batch) }
        do {
            let kind = DocumentKind(rawValue: kind!)!  // validate() checked it
            let record = record!
            guard let json = FileManager.default.contents(atPath: record) else { throw FileError.read(record) }
            let decoded = try DocumentRecord.decode(kind, from: json)
            let pipeline = try DocumentPipeline(resources: try ResourceLocator.locate())
            let html = format == "html" || (format == nil && (output as NSString).pathExtension.lowercased() == "html")
            let bytes = html ? Array(AccessibleDocument.html(try pipeline.describe(decoded, seal: try seal(of: decoded))).utf8)
                             : try pipeline.render(decoded, seal: try seal(of: decoded), format: outputFormat, dpi: dpi)
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: output))
            } catch {
                throw FileError.write(output, error.localizedDescription)
            }
        } catch {
            throw fail(error)
        }
    }

    private func runBatch(_ directory: String) throws {
        let summary: BatchRender.Summary
        do {
            let items = try BatchRender.items(in: directory, kind: kind.flatMap(DocumentKind.init(rawValue:)))
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let pipeline = try DocumentPipeline(resources: try ResourceLocator.locate())
            let signer = try signer()
            let batch = BatchRender(items: items, outputDirectory: output,
                                    format: format ?? "pdf", dpi: dpi, jobs: jobs, keepGoing: keepGoing) { record in
                try signer.map { try Self.seal(record, signer: $0, documentID: nil) }
            }
            summary = batch.run(pipeline: pipeline, progress: isatty(STDERR_FILENO) == 1 ? .init(total: items.count) : nil)
            if keepGoing || !summary.failures.isEmpty {
                print("\(summary.rendered) document(s) écrit(s), \(summary.failures.count) en échec / \(summary.rendered) written, \(summary.failures.count) failed")
            }
        } catch {
            throw fail(error)
        }
        guard let first = summary.failures.first else { return }
        for failure in keepGoing ? summary.failures : [first] {
            FileHandle.standardError.write(Data("ameli-docs render: \(failure.name) : \(failure.error)\n".utf8))
        }
        throw ExitCode.failure
    }

    /// With --sign-with, the signer of every document's seal; otherwise none (samples, unsealed).
    private func signer() throws -> SealSigner? {
        guard let signWith else { return nil }
        let signer: SealSigner
        do {
            signer = try SealSigner(privateKeyPEM: try String(contentsOfFile: signWith, encoding: .utf8), certificateID: keyID,
                                    authority: try Settings.current()[.sealAuthority] ?? SigningKeyConfiguration.defaultAuthority)
        } catch {
            throw ValidationError("clé de signature \(signWith) refusée / signing key refused: \(error)")
        }
        return signer
    }

    /// With --sign-with, the document's seal signed today with that key; otherwise none (a sample, unsealed).
    private func seal(of record: DocumentRecord) throws -> DocumentSeal? {
        try signer().map { try Self.seal(record, signer: $0, documentID: documentID) }
    }

    private static func seal(_ record: DocumentRecord, signer: SealSigner, documentID: String?) throws -> DocumentSeal {
        let id = documentID ?? record.ownDocumentID
        do { try DocumentRecord.checkDocumentID(id, field: "--document-id") } catch {
            throw ValidationError("--document-id : \(error.detail)")
        }
        let content = record.sealContent(documentID: id)
        return DocumentSeal(text: try content.signed(by: signer, on: CivilDate(Date())).text, documentID: id)
    }
}
