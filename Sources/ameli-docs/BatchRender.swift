// BatchRender: `ameli-docs render --batch RECORDS_DIR --output OUT_DIR` — a print run: every record of a folder
// rendered on every core, each file written whole or not at all.
import DocumentHTML
import DocumentPipeline
import Documents
import Foundation
import Glibc
import Synchronization

/// Renders the records of a folder (`KIND[.anything].json`, as in Examples/, or any name when the kind is given)
/// with one shared pipeline on `jobs` threads. Output files are named after their records and written atomically
/// (a temporary file renamed into place): a run that is killed leaves whole files only.
struct BatchRender: Sendable {
    struct Item: Sendable {
        let input: String
        let name: String
        /// Nil when the file's name tells no kind and none was given: that record fails, as a bad one does.
        let kind: DocumentKind?
    }

    struct Failure: Sendable {
        let name: String
        let error: String
    }

    struct Summary: Sendable {
        var rendered = 0
        var failures: [Failure] = []
    }

    let items: [Item]
    let outputDirectory: String
    let format: String
    let dpi: Double
    let jobs: Int
    let keepGoing: Bool
    /// The document's seal, or none (given the record and its kind).
    let seal: @Sendable (DocumentRecord) throws -> DocumentSeal?

    /// The records of `directory`, sorted by name, with their kinds: `kind` for all of them, or read from each file's
    /// name (`certificate.long-names.json` is a certificate).
    static func items(in directory: String, kind: DocumentKind?) throws -> [Item] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        return names.map { name in
            let stem = String(name.dropLast(5))
            return Item(input: (directory as NSString).appendingPathComponent(name), name: stem,
                        kind: kind ?? DocumentKind(rawValue: String(stem.split(separator: ".").first ?? "")))
        }
    }

    /// Renders everything; stops taking new records after the first failure unless `keepGoing`.
    func run(pipeline: DocumentPipeline, progress: Progress?) -> Summary {
        let next = Atomic<Int>(0)
        let summary = Mutex(Summary())
        let stop = Atomic<Bool>(false)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, items.count))) { _ in
            while !stop.load(ordering: .relaxed) {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < items.count else { return }
                let item = items[index]
                do {
                    try render(item, pipeline: pipeline)
                    summary.withLock { $0.rendered += 1 }
                } catch {
                    summary.withLock { $0.failures.append(Failure(name: item.name + ".json", error: CommandLineError.message(for: error))) }
                    if !keepGoing { stop.store(true, ordering: .relaxed) }
                }
                progress?.advance()
            }
        }
        progress?.finish()
        return summary.withLock { summary in
            var sorted = summary
            sorted.failures.sort { $0.name < $1.name }
            return sorted
        }
    }

    private func render(_ item: Item, pipeline: DocumentPipeline) throws {
        guard let kind = item.kind else {
            throw FileError(message: "type de document inconnu : nommez le fichier KIND.….json ou donnez KIND / unknown document kind")
        }
        guard let json = FileManager.default.contents(atPath: item.input) else { throw FileError.read(item.input) }
        let record = try DocumentRecord.decode(kind, from: json)
        let seal = try seal(record)
        let bytes: [UInt8]
        let fileExtension: String
        switch format {
        case "html":
            bytes = Array(AccessibleDocument.html(try pipeline.describe(record, seal: seal)).utf8)
            fileExtension = "html"
        case let other:
            let chosen = OutputFormat(rawValue: other) ?? .pdf
            bytes = try pipeline.render(record, seal: seal, format: chosen, dpi: dpi)
            fileExtension = chosen.rawValue
        }
        let path = (outputDirectory as NSString).appendingPathComponent("\(item.name).\(fileExtension)")
        try Self.writeWhole(bytes, to: path)
    }

    /// Writes a temporary file beside `path` and renames it into place (rename(2) is atomic within a directory): a run
    /// that is killed leaves whole files and, at worst, a `.NAME.partial-PID` file, never a half document under the
    /// document's name. (Foundation's `.atomic` writes, syncs and renames a temporary of its own besides: on this
    /// machine's file system, more time than rendering the PDF.) No fsync: a print run is redone after a crash.
    static func writeWhole(_ bytes: [UInt8], to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).partial-\(getpid())")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError.write(path, String(cString: strerror(errno))) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw FileError.write(path, reason)
            }
            written += count
        }
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileError.write(path, reason)
        }
    }

    /// Count, rate and time left on one line of a terminal, redrawn at most five times a second.
    final class Progress: Sendable {
        private let total: Int
        private let start = ContinuousClock.now
        private let state = Mutex((done: 0, lastDrawn: ContinuousClock.now - .seconds(1)))

        init(total: Int) { self.total = total }

        func advance() {
            let line: String? = state.withLock { state in
                state.done += 1
                let now = ContinuousClock.now
                guard now - state.lastDrawn >= .milliseconds(200) || state.done == total else { return nil }
                state.lastDrawn = now
                return Self.line(done: state.done, total: total, elapsed: now - start)
            }
            if let line { FileHandle.standardError.write(Data(("\r" + line).utf8)) }
        }

        func finish() { FileHandle.standardError.write(Data("\n".utf8)) }

        static func line(done: Int, total: Int, elapsed: Duration) -> String {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = seconds > 0 ? Double(done) / seconds : 0
            let left = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : 0
            return String(format: "%d/%d documents · %.1f/s · %d:%02d restant(es) / left", done, total, rate, left / 60, left % 60)
        }
    }
}
