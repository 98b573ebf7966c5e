// Purity: the rules and records import only Foundation (and Records), and read no clock of their own.
import Foundation
import Testing

struct PurityTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources").standardized

    static func swiftFiles(in module: String) throws -> [(name: String, text: String)] {
        let folder = sources.appendingPathComponent(module)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        return try names.map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test(arguments: ["Records", "TeleserviceRules"])
    func importsOnlyFoundationAndRecords(module: String) throws {
        let files = try Self.swiftFiles(in: module)
        #expect(!files.isEmpty)
        for (name, text) in files {
            for line in text.split(separator: "\n") where line.contains("import ") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                let imported = line.split(separator: " ").last.map(String.init) ?? ""
                #expect(["Foundation", "Records"].contains(imported), "\(module)/\(name) imports \(imported)")
            }
        }
    }

    /// Time is a value: "today" and "now" come in as arguments, never from the system clock.
    @Test(arguments: ["Records", "TeleserviceRules"])
    func readsNoClock(module: String) throws {
        let clockReads = ["Date()", "Date.now", ".now()", "Date(timeIntervalSinceNow", "CFAbsoluteTimeGetCurrent", "ContinuousClock", "SuspendingClock", "gettimeofday", "time(nil)"]
        for (name, text) in try Self.swiftFiles(in: module) {
            for pattern in clockReads {
                #expect(!text.contains(pattern), "\(module)/\(name) reads the clock with \(pattern)")
            }
        }
    }

    /// Every rule id of DOMAIN.md has a case in RuleID, and every RuleID is named by a test here.
    @Test func everyRuleIdIsNamedByATest() throws {
        let domain = try String(contentsOf: Self.sources.appendingPathComponent("../../shared/DOMAIN.md").standardized, encoding: .utf8)
        let ids = Set(domain.matches(of: /\| ([RP]_[A-Z_0-9]+) \|/).map { String($0.1) })
            .union(domain.matches(of: /\(([RP]_[A-Z_0-9]+)\)/).map { String($0.1) })
        #expect(ids.count >= 24)
        let tests = Self.sources.appendingPathComponent("../Tests").standardized
        let enumerator = FileManager.default.enumerator(atPath: tests.path)!
        var testText = ""
        for case let path as String in enumerator where path.hasSuffix(".swift") && !path.hasSuffix("PurityTests.swift") {
            testText += try String(contentsOf: tests.appendingPathComponent(path), encoding: .utf8)
        }
        for id in ids.sorted() {
            #expect(testText.contains("func \(id)_"), "no test function is named after \(id)")
        }
    }
}
