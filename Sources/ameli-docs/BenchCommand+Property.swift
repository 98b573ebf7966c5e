// BenchCommand+Property: `ameli-docs bench --property N` — the property test at length: N drawn records of every kind
// rendered in PDF and PNG through one pipeline, each PDF compared with a fresh pipeline's render of the same record.
import ArgumentParser
import DocumentPipeline
import Documents
import Foundation
import RecordSampler
import Seal

/// What a property run found: machine-readable like `bench --json`.
struct PropertyRunResult: Codable {
    var kind: String
    var records: Int
    var renders: Int
    var failures: Int
    var differentFromFresh: Int
    var seconds: Double
    var firstFailures: [String]
}

extension BenchCommand {
    /// Renders `count` records of each kind drawn from `seed`, sealed, in both formats, through one pipeline (its
    /// pooled libharu handles rendering document after document, as a long-lived service's do). Every 10th PDF is
    /// rendered again by a pipeline made for it alone and must be byte-identical. Exits 1 when anything failed.
    func runProperty(count: Int, seed: UInt64) throws {
        let resources = try ResourceLocator.locate()
        let pipeline = try DocumentPipeline(resources: resources)
        let signer = try SealSigner(privateKeyPEM: SealSigner.generatePrivateKeyPEM(), certificateID: "PROP", authority: "AM")
        var results: [PropertyRunResult] = []
        for kind in DocumentKind.allCases {
            var sampler = RecordSampler(seed: seed &+ UInt64(DocumentKind.allCases.firstIndex(of: kind)!))
            var result = PropertyRunResult(kind: kind.rawValue, records: count, renders: 0, failures: 0,
                                           differentFromFresh: 0, seconds: 0, firstFailures: [])
            let start = ContinuousClock.now
            for index in 0..<count {
                let (record, id) = try sampler.next(kind)
                let content = record.sealContent(documentID: id)
                let seal = DocumentSeal(text: try content.signed(by: signer, on: content.issuedOn).text, documentID: id)
                do {
                    let pdf = try pipeline.render(record, seal: seal, format: .pdf)
                    _ = try pipeline.render(record, seal: seal, format: .png, dpi: 72)
                    result.renders += 2
                    if index % 10 == 0 {
                        let fresh = try DocumentPipeline(resources: resources)
                        if try fresh.render(record, seal: seal, format: .pdf) != pdf { result.differentFromFresh += 1 }
                    }
                } catch {
                    result.failures += 1
                    if result.firstFailures.count < 3 { result.firstFailures.append("record \(index): \(error)") }
                }
            }
            let elapsed = ContinuousClock.now - start
            result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            results.append(result)
            if !json {
                print("\(kind.rawValue): \(result.records) records, \(result.renders) renders, \(result.failures) failed, "
                      + "\(result.differentFromFresh) differ from a fresh pipeline, \(String(format: "%.1f", result.seconds)) s")
                for failure in result.firstFailures { print("  \(failure)") }
            }
        }
        if json { print(String(decoding: try Self.encoder.encode(results), as: UTF8.self)) }
        if results.contains(where: { $0.failures > 0 || $0.differentFromFresh > 0 }) { throw ExitCode(1) }
    }
}
