// GoldenImageTests: every sample record's PNG against its committed golden (A4 at 72 dpi, the card at 300 dpi).
import DocumentPipeline
import Documents
import Foundation
import Testing

struct GoldenImageTests {
    @Test(arguments: Fixtures.exampleNames)
    func pngMatchesItsGolden(name: String) throws {
        let record = try Fixtures.record(name)
        // With the seal the service prints (the card's screen image stays bare: SEAL.md).
        let png = try Fixtures.pipeline.get().render(record, seal: try Fixtures.goldenSeal(record), format: .png,
                                                     dpi: Fixtures.dpi(for: record.kind))
        try Golden.check(png, name: name)
    }

    @Test func everyKindHasAGoldenAndEveryGoldenASample() throws {
        let names = Set(Fixtures.exampleNames)
        #expect(Set(DocumentKind.allCases.map(\.rawValue)).isSubset(of: names))
        let goldens = try FileManager.default.contentsOfDirectory(atPath: Golden.directory.path)
            .filter { $0.hasSuffix(".png") && !$0.hasSuffix(".actual.png") && !$0.hasSuffix(".diff.png") }
            .map { String($0.dropLast(4)) }
        #expect(Set(goldens) == names, "goldens without a sample record, or records without a golden")
    }
}
