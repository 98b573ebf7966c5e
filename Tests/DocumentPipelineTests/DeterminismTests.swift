// DeterminismTests: the same record gives the same bytes, in both formats, from one pipeline or a fresh one.
import DocumentPipeline
import Documents
import Foundation
import Testing

struct DeterminismTests {
    @Test(arguments: DocumentKind.allCases.map(\.rawValue))
    func twoRendersAreByteIdentical(name: String) throws {
        let record = try Fixtures.record(name)
        let shared = try Fixtures.pipeline.get()
        let fresh = try DocumentPipeline(resources: ResourceLocator(root: Fixtures.repository.path))
        for format in OutputFormat.allCases {
            let first = try shared.render(record, format: format, dpi: 100)
            let second = try shared.render(record, format: format, dpi: 100)
            let third = try fresh.render(record, format: format, dpi: 100)
            #expect(first == second, "\(name).\(format.rawValue) changed between two renders")
            #expect(first == third, "\(name).\(format.rawValue) depends on the pipeline instance")
        }
    }

    @Test func concurrentRendersGiveTheSameBytes() async throws {
        let record = try Fixtures.record("certificate")
        let pipeline = try Fixtures.pipeline.get()
        let reference = try pipeline.render(record, format: .pdf)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 { group.addTask { try pipeline.render(record, format: .pdf) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == reference })
    }

    @Test func aPNGDensityOutsideTheRangeIsRefused() throws {
        let record = try Fixtures.record("card")
        #expect(throws: DocumentPipelineError.dpiOutOfRange(5000)) {
            try Fixtures.pipeline.get().render(record, format: .png, dpi: 5000)
        }
    }
}
