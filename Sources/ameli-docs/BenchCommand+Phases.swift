// BenchCommand+Phases: `ameli-docs bench --phases` — each kind's median render split into its phases (RenderPhases).
import DisplayList
import DocumentPipeline
import Documents
import Foundation

/// One kind and format: the median of the whole render and the median of each phase over the same renders.
struct PhaseProfile: Encodable {
    let kind: String
    let format: String
    let dpi: Double?
    let iterations: Int
    let p50Ms: Double
    /// Phase → median milliseconds; phases a format does not have are left out.
    let phasesP50Ms: [String: Double]
    /// What no phase covers (the median render less the sum of the phases' medians): calls between phases.
    let otherMs: Double
}

extension BenchCommand {
    func profilePhases(_ pipeline: DocumentPipeline, records: [DocumentRecord], seals: [DocumentSeal?]) throws {
        var profiles: [PhaseProfile] = []
        for (record, seal) in zip(records, seals) {
            for format in OutputFormat.allCases {
                let dpi = dpi(for: record.kind)
                for _ in 0..<warmup { _ = try pipeline.render(record, seal: seal, format: format, dpi: dpi) }
                var totals: [Double] = []
                var phases: [RenderPhase: [Double]] = [:]
                for _ in 0..<iterations {
                    let profile = RenderPhases()
                    let start = ContinuousClock.now
                    _ = try RenderPhases.$current.withValue(profile) { try pipeline.render(record, seal: seal, format: format, dpi: dpi) }
                    totals.append((ContinuousClock.now - start).milliseconds)
                    for (phase, duration) in profile.durations { phases[phase, default: []].append(duration.milliseconds) }
                }
                let medians = phases.mapValues(Self.median)
                let total = Self.median(totals)
                profiles.append(PhaseProfile(kind: record.kind.rawValue, format: format.rawValue, dpi: format == .png ? dpi : nil,
                                             iterations: iterations, p50Ms: total,
                                             phasesP50Ms: Dictionary(uniqueKeysWithValues: medians.map { ($0.key.rawValue, $0.value) }),
                                             otherMs: max(0, total - medians.values.reduce(0, +))))
            }
        }
        if json {
            print(String(decoding: try Self.encoder.encode(profiles), as: UTF8.self))
            return
        }
        for profile in profiles {
            print(String(format: "%@ %@%@: p50 %.3f ms", profile.kind, profile.format, profile.dpi.map { " \(Int($0)) dpi" } ?? "", profile.p50Ms))
            func row(_ name: String, _ ms: Double) {
                print("  " + name.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%8.3f ms  %5.1f %%", ms, ms / profile.p50Ms * 100))
            }
            for phase in RenderPhase.allCases {
                if let ms = profile.phasesP50Ms[phase.rawValue] { row(phase.rawValue, ms) }
            }
            row("other", profile.otherMs)
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
