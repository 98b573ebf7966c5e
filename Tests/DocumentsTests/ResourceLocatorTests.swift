// ResourceLocatorTests: the environment variable, then beside the executable, then the checkout; errors list all.
@testable import Documents
import Foundation
import Testing

struct ResourceLocatorTests {
    /// A temporary folder with Templates/ and Fonts/ (empty: only their presence is looked at).
    func resourceFolder() throws -> String {
        let root = NSTemporaryDirectory() + "ameli-resources-\(UUID().uuidString)"
        for sub in ["Templates", "Fonts"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        return root
    }

    @Test func theEnvironmentVariableWins() throws {
        let root = try resourceFolder()
        let found = try ResourceLocator.locate(environment: ["AMELI_DOCS_RESOURCES": root], executablePath: "/usr/bin/true")
        #expect(found.root == root)
        #expect(found.templatesDirectory == root + "/Templates")
        #expect(found.fontsDirectory == root + "/Fonts")
    }

    @Test func aWrongEnvironmentVariableIsAnErrorNotAFallback() {
        #expect(throws: ResourceLocatorError(looked: ["/nowhere (from AMELI_DOCS_RESOURCES)"])) {
            try ResourceLocator.locate(environment: ["AMELI_DOCS_RESOURCES": "/nowhere"])
        }
    }

    @Test func besideTheExecutableComesNext() throws {
        let root = try resourceFolder()
        let found = try ResourceLocator.locate(environment: [:], executablePath: root + "/ameli-docs")
        #expect(found.root == root)
    }

    @Test func theSourceCheckoutIsTheLastResort() throws {
        let found = try ResourceLocator.locate(environment: [:], executablePath: "/usr/bin/true")
        #expect(FileManager.default.fileExists(atPath: found.templatesDirectory + "/card.tpl"))
    }

    @Test func theErrorListsEveryPlaceItLooked() {
        do {
            _ = try ResourceLocator.locate(environment: [:], executablePath: "/usr/bin/true", sourceFile: "/a/Sources/Documents/ResourceLocator.swift")
            Issue.record("found resources in /usr/bin or /a")
        } catch {
            #expect(error.looked == ["/usr/bin (beside the executable)", "/a (the source checkout)"])
            #expect(error.description.contains("AMELI_DOCS_RESOURCES"))
        }
    }
}
