// BenchCommand: `ameli-docs bench [--json] [--iterations N] [--memory-check] [--phases] [--property N] [--notices-to URL]` — render speed, size and
// memory, or the notices' delivery rate.
import ArgumentParser
import DisplayList
import DocumentPipeline
import Documents
import Foundation
import Seal

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Render each document kind and format repeatedly in this process; print docs/s, p50/p99, bytes, peak memory.",
        discussion: "Meant for the release build: swift build -c release --product ameli-docs && .build/release/ameli-docs bench --json")

    @Flag(help: "Print a JSON array of {kind, format, docsPerSecond, p50Ms, p99Ms, bytes, peakRSSBytes}.")
    var json = false

    @Option(help: "Timed renders per kind and format (with --memory-check: renders in all).")
    var iterations: Int = 300

    @Option(help: "Untimed renders per kind and format before timing (fonts, caches and pools warm up).")
    var warmup: Int = 20

    @Option(help: "PNG density of the A4 documents (the card is always at 300 dpi, its screen density).")
    var pageDPI: Double = 150

    @Option(help: "Folder of sample records KIND.json (default: Examples/ beside Templates/).")
    var examples: String?

    @Flag(help: "Time only binding and layout (record → display-list page), without a renderer: format \"layout\".")
    var layoutOnly = false

    @Flag(help: "Render without seals (as before the trust layer), to compare.")
    var noSeal = false

    @Flag(help: "Instead of timing, render --iterations documents (every kind and format in turn) and report resident memory before and after.")
    var memoryCheck = false

    @Flag(help: "Split each kind and format's median render into its phases (binding and layout, seal symbol, font subsetting, page content, metadata and ICC, compression and writing; for PNG glyphs, shapes, encoding).")
    var phases = false

    @Option(help: "Instead of timing, render this many drawn records of each kind (every accepted name, id and institution shape) in PDF and PNG through one pipeline and report failures; with --seed.")
    var property: Int?

    @Option(help: "With --property: the seed of the drawn records (the same seed draws the same records).")
    var seed: UInt64 = 15

    @Option(help: "Instead of rendering, deliver --iterations e-mail notices from a fresh SQLite outbox through this relay (smtp://HOST:PORT) and report notices/s.")
    var noticesTo: String?

    func validate() throws {
        guard iterations >= 1 else { throw ValidationError("--iterations doit être ≥ 1 / must be at least 1") }
        guard property.map({ $0 >= 1 }) ?? true else { throw ValidationError("--property doit être ≥ 1 / must be at least 1") }
        guard warmup >= 0 else { throw ValidationError("--warmup doit être ≥ 0 / must be at least 0") }
    }

    func run() async throws {
        if let relay = noticesTo {
            do { return try await benchNotices(to: relay) } catch { throw fail(error) }
        }
        if let property {
            do { return try runProperty(count: property, seed: seed) } catch let exit as ExitCode { throw exit } catch { throw fail(error) }
        }
        do {
            let resources = try ResourceLocator.locate()
            let pipeline = try DocumentPipeline(resources: resources)
            let folder = examples ?? (resources.root as NSString).appendingPathComponent("Examples")
            var records: [DocumentRecord] = []
            for kind in DocumentKind.allCases {
                let path = (folder as NSString).appendingPathComponent(kind.rawValue + ".json")
                guard let json = FileManager.default.contents(atPath: path) else { throw FileError.read(path) }
                records.append(try DocumentRecord.decode(kind, from: json))
            }
            // Each document carries the seal the service would have signed at issue (signing is not in the render
            // path; encoding the symbol and drawing it is).
            let signer = try SealSigner(privateKeyPEM: SealSigner.generatePrivateKeyPEM(), certificateID: "BNCH", authority: "AM")
            let seals = try noSeal ? records.map { _ in nil } : records.map { record -> DocumentSeal? in
                let id = "BENCH-\(record.kind.rawValue.uppercased())"
                let content = record.sealContent(documentID: id)
                return DocumentSeal(text: try content.signed(by: signer, on: content.issuedOn).text, documentID: id)
            }
            if phases {
                try profilePhases(pipeline, records: records, seals: seals)
            } else if memoryCheck {
                try checkMemory(pipeline, records: records, seals: seals)
            } else {
                try time(pipeline, records: records, seals: seals, signer: signer)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail(error)
        }
    }

    func dpi(for kind: DocumentKind) -> Double { kind == .card ? 300 : pageDPI }

    private func time(_ pipeline: DocumentPipeline, records: [DocumentRecord], seals: [DocumentSeal?], signer: SealSigner) throws {
        let clock = ContinuousClock()
        var results: [BenchResult] = []
        for (record, seal) in zip(records, seals) {
            for format in layoutOnly ? [nil] : OutputFormat.allCases.map(Optional.some) {
                let dpi = dpi(for: record.kind)
                // One render: bytes out, or for layout only the number of display-list items.
                let once = { () throws -> Int in
                    guard let format else { return try pipeline.pages(record, seal: seal).reduce(0) { $0 + $1.items.count } }
                    return try pipeline.render(record, seal: seal, format: format, dpi: dpi).count
                }
                results.append(try measure(kind: record.kind.rawValue, format: format?.rawValue ?? "layout",
                                           dpi: format == .png ? dpi : nil, clock: clock, once))
            }
        }
        if let text = seals.compactMap({ $0?.text }).first {
            results.append(try timeVerification(text, signer: signer, clock: clock))
            results.append(try timeSymbol(text, clock: clock))
        }
        if json {
            print(String(decoding: try Self.encoder.encode(results), as: UTF8.self))
        } else {
            func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
            print("kind                format  dpi     docs/s    p50 ms    p99 ms      bytes    peak RSS")
            for r in results {
                let figures = String(format: "%10.1f %9.3f %9.3f %10d %8.1f MB", r.docsPerSecond, r.p50Ms, r.p99Ms,
                                     r.bytes, Double(r.peakRSSBytes) / 1_048_576)
                print(pad(r.kind, 19) + " " + pad(r.format, 6) + " " + pad(r.dpi.map { String(Int($0)) } ?? "-", 4) + figures)
            }
        }
    }

    /// POST /v1/verifications' work for the text form, on this one thread: parse the seal, verify its signature.
    /// Reported as kind "seal", format "verify"; "docs/s" is verifications per second.
    private func timeVerification(_ text: String, signer: SealSigner, clock: ContinuousClock) throws -> BenchResult {
        let verifier = try SealVerifier(keys: VerificationKeySet(keys: [signer.verificationKey()]))
        return try measure(kind: "seal", format: "verify", dpi: nil, clock: clock) {
            guard try verifier.check(text: text).signature == .valid else { throw ValidationError("the bench seal does not verify") }
            return text.utf8.count
        }
    }

    /// The DataMatrix symbol of the certificate's seal text: encoding (both encodations, read back), the part of
    /// the seal made once per seal text (renders then take it from the pipeline's cache). Kind "seal", format
    /// "symbol"; "bytes" is the symbol's side in modules.
    private func timeSymbol(_ text: String, clock: ContinuousClock) throws -> BenchResult {
        try measure(kind: "seal", format: "symbol", dpi: nil, clock: clock) { try DocumentPipeline.encodedSymbol(for: text).size }
    }

    /// `warmup` untimed calls, then `iterations` timed ones; `once` returns the figure reported as "bytes".
    private func measure(kind: String, format: String, dpi: Double?, clock: ContinuousClock,
                         _ once: () throws -> Int) throws -> BenchResult {
        for _ in 0..<warmup { _ = try once() }
        var durations: [Double] = []
        durations.reserveCapacity(iterations)
        var bytes = 0
        let start = clock.now
        for _ in 0..<iterations {
            let before = clock.now
            bytes = try once()
            durations.append((clock.now - before).milliseconds)
        }
        let total = (clock.now - start).milliseconds
        durations.sort()
        return BenchResult(kind: kind, format: format, dpi: dpi, iterations: iterations,
                           docsPerSecond: Double(iterations) / (total / 1000), p50Ms: durations.percentile(0.50),
                           p99Ms: durations.percentile(0.99), bytes: bytes, peakRSSBytes: ProcessMemory.peakResidentBytes ?? 0)
    }

    /// Renders every kind and format in turn, `iterations` documents in all, reading the resident set after a
    /// warm-up and at each tenth: flat memory means the same figure at the end as after the warm-up.
    private func checkMemory(_ pipeline: DocumentPipeline, records: [DocumentRecord], seals: [DocumentSeal?]) throws {
        let jobs = zip(records, seals).flatMap { record, seal in OutputFormat.allCases.map { (record, seal, $0) } }
        for _ in 0..<max(warmup, 1) {
            for (record, seal, format) in jobs { _ = try pipeline.render(record, seal: seal, format: format, dpi: dpi(for: record.kind)) }
        }
        let before = ProcessMemory.residentBytes ?? 0
        var samples: [Int] = [before]
        let step = max(iterations / 10, 1)
        for index in 0..<iterations {
            let (record, seal, format) = jobs[index % jobs.count]
            _ = try pipeline.render(record, seal: seal, format: format, dpi: dpi(for: record.kind))
            if (index + 1) % step == 0 { samples.append(ProcessMemory.residentBytes ?? 0) }
        }
        let after = ProcessMemory.residentBytes ?? 0
        let report = MemoryReport(renders: iterations, rssAfterWarmupBytes: before, rssAfterBytes: after,
                                  growthBytes: after - before, peakRSSBytes: ProcessMemory.peakResidentBytes ?? 0,
                                  samplesBytes: samples)
        if json {
            print(String(decoding: try Self.encoder.encode(report), as: UTF8.self))
        } else {
            func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
            print("\(iterations) renders (every kind and format in turn): resident \(mb(before)) after warm-up, \(mb(after)) after (Δ \(mb(after - before))), peak \(mb(report.peakRSSBytes))")
            print("samples at each tenth: " + samples.map(mb).joined(separator: ", "))
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }()
}

struct BenchResult: Encodable {
    let kind: String
    let format: String
    let dpi: Double?
    let iterations: Int
    let docsPerSecond: Double
    let p50Ms: Double
    let p99Ms: Double
    let bytes: Int
    let peakRSSBytes: Int
}

struct MemoryReport: Encodable {
    let renders: Int
    let rssAfterWarmupBytes: Int
    let rssAfterBytes: Int
    let growthBytes: Int
    let peakRSSBytes: Int
    let samplesBytes: [Int]
}

/// Resident memory of this process, from /proc/self/status (Linux).
enum ProcessMemory {
    /// VmHWM: the peak resident set size.
    static var peakResidentBytes: Int? { field("VmHWM:") }
    /// VmRSS: the resident set size now.
    static var residentBytes: Int? { field("VmRSS:") }

    private static func field(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            // "VmHWM:\t   52340 kB": a tab, spaces, the figure, the unit.
            let kilobytes = line.dropFirst(name.count).split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

extension Array where Element == Double {
    /// Nearest-rank percentile of a sorted array.
    func percentile(_ p: Double) -> Double {
        guard !isEmpty else { return 0 }
        let rank = Int((p * Double(count)).rounded(.up)) - 1
        return self[Swift.min(Swift.max(rank, 0), count - 1)]
    }
}
