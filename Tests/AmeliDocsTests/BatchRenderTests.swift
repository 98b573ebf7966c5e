// BatchRenderTests: `ameli-docs render --batch` on the real binary — every record of a folder, the same bytes as one
// render each, a bad record named, --keep-going's summary.
import EngineTestSupport
import Foundation
import Testing

struct BatchRenderTests {
    let command = RenderCommandTests()

    func folder(with extra: [String: String] = [:]) throws -> String {
        let directory = EngineTestSupport.temporaryPath(suffix: "-records")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: RenderCommandTests.examples.path) where name.hasSuffix(".json") {
            try FileManager.default.copyItem(atPath: RenderCommandTests.examples.appendingPathComponent(name).path,
                                             toPath: (directory as NSString).appendingPathComponent(name))
        }
        for (name, text) in extra { try text.write(toFile: (directory as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return directory
    }

    func outputs(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test func everyRecordOfTheFolderIsRenderedAsOneRenderWouldRenderIt() throws {
        let records = try folder()
        let output = EngineTestSupport.temporaryPath(suffix: "-out")
        let run = try command.run(["render", "--batch", records, "--output", output, "-j", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: records).filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) + ".pdf" }
        #expect(try outputs(output) == names.sorted())
        let single = EngineTestSupport.temporaryPath(suffix: ".pdf")
        #expect(try command.run(["render", "certificate", "--record", command.example("certificate.long-names"), "--output", single]).status == 0)
        #expect(FileManager.default.contents(atPath: single) == FileManager.default.contents(atPath: (output as NSString).appendingPathComponent("certificate.long-names.pdf")))
    }

    @Test func aBadRecordStopsTheRunAndIsNamed() throws {
        let records = try folder(with: ["card.zz-broken.json": #"{"lastName": 3}"#])
        let run = try command.run(["render", "--batch", records, "--output", EngineTestSupport.temporaryPath(suffix: "-out"), "-j", "1"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("card.zz-broken.json"), "\(run.stderr)")
    }

    @Test func keepGoingRendersTheRestAndSummarises() throws {
        let records = try folder(with: ["card.aa-broken.json": "{", "notes.json": "{}"])
        let output = EngineTestSupport.temporaryPath(suffix: "-out")
        let run = try command.run(["render", "--batch", records, "--output", output, "--keep-going", "--format", "png", "--dpi", "36"])
        #expect(run.status != 0)
        #expect(run.stdout.contains("17 written, 2 failed"), "\(run.stdout)")
        #expect(run.stderr.contains("card.aa-broken.json") && run.stderr.contains("notes.json"), "\(run.stderr)")
        #expect(try outputs(output).count == 17)
        #expect(try outputs(output).allSatisfy { $0.hasSuffix(".png") })
    }
}
