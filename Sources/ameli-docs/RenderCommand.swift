// RenderCommand: `ameli-docs render KIND --record FILE.json --output FILE [--format pdf|png] [--dpi N]`.
import ArgumentParser
import DocumentPipeline
import Documents
import Foundation

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

    @Option(help: "pdf or png (default: from the output's extension, else pdf).")
    var format: String?

    @Option(help: "PNG pixel density in dots per inch.")
    var dpi: Double = 300

    func validate() throws {
        guard DocumentKind(rawValue: kind) != nil else {
            throw ValidationError("type de document inconnu « \(kind) » / unknown document kind (certificate, card, acknowledgement, proxy-confirmation)")
        }
        if let format, OutputFormat(rawValue: format) == nil {
            throw ValidationError("format inconnu « \(format) » / unknown format (pdf, png)")
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
            let bytes = try pipeline.render(decoded, format: outputFormat, dpi: dpi)
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: output))
            } catch {
                throw FileError.write(output, error.localizedDescription)
            }
        } catch {
            throw fail(error)
        }
    }
}
