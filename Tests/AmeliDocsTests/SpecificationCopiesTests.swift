// SpecificationCopiesTests: docs/ carries the specifications the code cites, equal to ../shared whenever it is beside.
import Foundation
import Testing

struct SpecificationCopiesTests {
    /// CI always has ../shared beside the clone; elsewhere (a clone on its own) there is nothing to compare with.
    static let shared = RenderCommandTests.root.deletingLastPathComponent().appendingPathComponent("shared")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SpecificationCopiesTests.shared.path)
                   || ProcessInfo.processInfo.environment["CI"] != nil),
          arguments: ["DOMAIN.md", "API.md", "SEAL.md"])
    func theCopyInDocsIsTheSharedSpecification(_ name: String) throws {
        let copy = try Data(contentsOf: RenderCommandTests.root.appendingPathComponent("docs").appendingPathComponent(name))
        let original = try Data(contentsOf: Self.shared.appendingPathComponent(name))
        #expect(copy == original, "docs/\(name) differs from ../shared/\(name): copy it again (cp ../shared/\(name) docs/)")
    }
}
