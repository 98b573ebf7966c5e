// RenderCommand: `ameli-docs render KIND --record FILE.json --output FILE [--format pdf|png|html] [--dpi N]`.
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
        abstract: "Render one document from a record (JSON) to PDF or PNG.",
        discussion: "KIND is one of: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")). Sample records: Examples/KIND.json.")

    @Argument(help: "The document: certificate, card, acknowledgement or proxy-confirmation.")
    var kind: String

    @Option(help: "The record, as JSON (dates YYYY-MM-DD, instants RFC 3339).")
    var record: String

    @Option(help: "Where to write the document.")
    var output: String

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
        guard DocumentKind(rawValue: kind) != nil else {
            throw ValidationError("type de document inconnu « \(kind) » / unknown document kind (certificate, card, acknowledgement, proxy-confirmation)")
        }
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
        do {
            let kind = DocumentKind(rawValue: kind)!  // validate() checked it
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

    /// With --sign-with, the document's seal signed today with that key; otherwise none (a sample, unsealed).
    private func seal(of record: DocumentRecord) throws -> DocumentSeal? {
        guard let signWith else { return nil }
        let signer: SealSigner
        do {
            signer = try SealSigner(privateKeyPEM: try String(contentsOfFile: signWith, encoding: .utf8), certificateID: keyID,
                                    authority: ProcessInfo.processInfo.environment["AMELI_DOCS_SEAL_AUTHORITY"] ?? "AM")
        } catch {
            throw ValidationError("clé de signature \(signWith) refusée / signing key refused: \(error)")
        }
        let id = documentID ?? record.ownDocumentID
        do { try DocumentRecord.checkDocumentID(id, field: "--document-id") } catch {
            throw ValidationError("--document-id : \(error.detail)")
        }
        let content = record.sealContent(documentID: id)
        return DocumentSeal(text: try content.signed(by: signer, on: CivilDate(Date())).text, documentID: id)
    }
}
