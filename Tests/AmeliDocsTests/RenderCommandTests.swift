// RenderCommandTests: the real `ameli-docs` binary — it renders the samples, and bad input gives one clear
// French/English line and a failure status, never a crash.
import EngineTestSupport
import Foundation
import Testing

struct RenderCommandTests {
    /// The binary SwiftPM built beside this test bundle.
    static let binary: String = {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: runner).deletingLastPathComponent()
        // The runner may sit inside AmeliDocsPackageTests.xctest/…; walk up to the build folder that holds ameli-docs.
        while directory.path != "/" && !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("ameli-docs").path) {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("ameli-docs").path
    }()

    /// The repository's root, found from this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("Examples")

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    func example(_ name: String) -> String { Self.examples.appendingPathComponent(name + ".json").path }

    /// A copy of a sample with one field replaced.
    func variant(of name: String, _ key: String, _ value: Any?) throws -> String {
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: example(name)))) as! [String: Any]
        object[key] = value
        let path = EngineTestSupport.temporaryPath(suffix: ".json")
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theBinaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "\(Self.binary)")
    }

    @Test(arguments: ["certificate", "card", "acknowledgement", "proxy-confirmation"])
    func rendersEachKindToPDFAndPNG(kind: String) throws {
        let pdf = EngineTestSupport.temporaryPath(suffix: ".pdf")
        let result = try run(["render", kind, "--record", example(kind), "--output", pdf])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).prefix(5) == Data("%PDF-".utf8))
        // The format follows the output's extension; --dpi sets the density.
        let png = EngineTestSupport.temporaryPath(suffix: ".png")
        let raster = try run(["render", kind, "--record", example(kind), "--output", png, "--dpi", "72"])
        #expect(raster.status == 0, "\(raster.stderr)")
        let image = try RGBImage(contentsOf: png)
        #expect(kind == "card" ? (image.width, image.height) == (243, 153) : (image.width, image.height) == (595, 842))
        // And its accessible twin, from the same description.
        let html = EngineTestSupport.temporaryPath(suffix: ".html")
        let twin = try run(["render", kind, "--record", example(kind), "--output", html])
        #expect(twin.status == 0, "\(twin.stderr)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">") && text.contains("<th scope=\"row\">"))
    }

    @Test func theCardPNGIs1011By638ByDefault() throws {
        let png = EngineTestSupport.temporaryPath(suffix: ".out")
        let result = try run(["render", "card", "--record", example("card"), "--output", png, "--format", "png"])
        #expect(result.status == 0, "\(result.stderr)")
        let image = try RGBImage(contentsOf: png)
        #expect(image.width == 1011 && image.height == 638)
    }

    /// ŒUVRE: Œ is not in ISO 8859-1..4, so PersonName refuses it at input, and the CLI says so.
    @Test func aNameOutsideTheCardRepertoireIsRefusedWithItsField() throws {
        let record = try variant(of: "card", "lastName", "ŒUVRE")
        let result = try run(["render", "card", "--record", record, "--output", EngineTestSupport.temporaryPath(suffix: ".pdf")])
        #expect(result.status == 1)
        #expect(result.stderr == "ameli-docs render: enregistrement refusé, champ « lastName » : Le caractère « Œ » ne peut pas être imprimé sur la carte européenne : écrivez « OE ». / invalid record field « lastName »\n")
    }

    /// Like the API, the CLI refuses a field the record does not have (here a misspelt optional one), by name.
    @Test func anUnknownFieldIsRefusedByName() throws {
        let misspelt = try variant(of: "proxy-confirmation", "usageNom", "DURAND")
        let result = try run(["render", "proxy-confirmation", "--record", misspelt, "--output", EngineTestSupport.temporaryPath(suffix: ".pdf")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("« usageNom »"))
        // Every sample is accepted as it is: nothing they carry is unknown.
        for kind in ["certificate", "card", "acknowledgement", "proxy-confirmation"] {
            #expect(try run(["render", kind, "--record", example(kind), "--output", EngineTestSupport.temporaryPath(suffix: ".pdf")]).status == 0)
        }
    }

    @Test(arguments: [
        ("missing", "champ « cardNumber » manquant / missing field cardNumber"),
        ("badNIR", "champ « personalNumber » : Le numéro de sécurité sociale est invalide"),
        ("notJSON", "JSON illisible / unreadable JSON"),
        ("noFile", "impossible de lire « /nowhere/card.json » / cannot read /nowhere/card.json"),
    ])
    func badInputGivesOneClearLine(case name: String, message: String) throws {
        let record: String
        switch name {
        case "missing": record = try variant(of: "card", "cardNumber", nil)
        case "badNIR": record = try variant(of: "card", "personalNumber", "255081416802539")
        case "notJSON": record = try EngineTestSupport.temporaryFile(Array("{ not json".utf8), suffix: ".json")
        default: record = "/nowhere/card.json"
        }
        let result = try run(["render", "card", "--record", record, "--output", EngineTestSupport.temporaryPath(suffix: ".pdf")])
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("ameli-docs render: "))
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownKindOrFormatIsAUsageError() throws {
        let kind = try run(["render", "passport", "--record", example("card"), "--output", "/tmp/x.pdf"])
        #expect(kind.status == 64)
        #expect(kind.stderr.contains("type de document inconnu « passport » / unknown document kind"))
        let format = try run(["render", "card", "--record", example("card"), "--output", "/tmp/x", "--format", "tiff"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("format inconnu « tiff » / unknown format (pdf, png, html)"))
    }

    @Test func benchPrintsOneJSONObjectPerKindAndFormat() throws {
        let result = try run(["bench", "--json", "--iterations", "2", "--warmup", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        // Every kind in both formats, the seal's verification (its "bytes" are the seal text's) and its symbol
        // (its "bytes" are the symbol's side in modules).
        #expect(rows.count == 10)
        for row in rows {
            for key in ["kind", "format", "docsPerSecond", "p50Ms", "p99Ms", "bytes", "peakRSSBytes"] {
                #expect(row[key] != nil, "missing \(key)")
            }
            let minimum = switch row["format"] as? String { case "verify": 150; case "symbol": 10; default: 1000 }
            #expect((row["bytes"] as? Int ?? 0) > minimum)
            #expect((row["peakRSSBytes"] as? Int ?? 0) > 1_000_000)
        }
        #expect(Set(rows.map { "\($0["kind"]!).\($0["format"]!)" }).count == 10)
        #expect(rows.contains { $0["kind"] as? String == "seal" && $0["format"] as? String == "verify" })
    }

    @Test func benchMemoryCheckReportsResidentMemoryBeforeAndAfter() throws {
        let result = try run(["bench", "--json", "--memory-check", "--iterations", "40", "--warmup", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["renders"] as? Int == 40)
        #expect((report["rssAfterWarmupBytes"] as? Int ?? 0) > 1_000_000)
        #expect((report["samplesBytes"] as? [Int])?.count == 11)
    }
}
