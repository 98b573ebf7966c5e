// SealOracleTests: every sample record's served PDF, sealed with a real signature, read back by an independent
// reader (Scripts/oracles/seal_oracle.py: pdftoppm at 300 dpi, zxing-cpp, Python `cryptography`, pdftotext), and
// validated as PDF/A-1b by PDFBox Preflight.
import DocumentPipeline
import EngineTestSupport
import Foundation
import Records
import Seal
import Testing

struct SealOracleTests {
    /// The Python of the oracles' virtual environment (Scripts/test.sh creates it). Missing under CI is a failure.
    static let python = Fixtures.repository.appendingPathComponent(".venv-oracles/bin/python").path

    /// Shown as skipped on a machine without the oracles' environment; under CI a missing one fails.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: SealOracleTests.python) || ProcessInfo.processInfo.environment["CI"] != nil,
                   "no .venv-oracles: Scripts/test.sh creates it (zxing-cpp, cryptography)"))
    func anIndependentReaderDecodesVerifiesAndFindsEverySealFieldPrinted() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python),
                     "\(Self.python) is missing: Scripts/test.sh creates it (zxing-cpp, cryptography)")
        let signer = try SealSigner(privateKeyPEM: SealSigner.generatePrivateKeyPEM(), certificateID: "ORCL", authority: "AM")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seal-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // AMELI_DOCS_KEEP_ORACLE_FILES=1 keeps the sealed PDFs to look at (the path is printed).
        defer {
            if ProcessInfo.processInfo.environment["AMELI_DOCS_KEEP_ORACLE_FILES"] == nil {
                try? FileManager.default.removeItem(at: directory)
            } else {
                print("sealed PDFs kept in \(directory.path)")
            }
        }
        let keys = directory.appendingPathComponent("keys.json")
        try JSONEncoder().encode(VerificationKeySet(keys: [signer.verificationKey(status: .current)])).write(to: keys)
        var paths: [String] = []
        var expectedTypes: [String: String] = [:]
        for name in Fixtures.exampleNames {
            let record = try Fixtures.record(name)
            let id = Fixtures.documentID(record)
            let content = record.sealContent(documentID: id)
            let seal = try content.signed(by: signer, on: content.issuedOn)
            let bytes = try Fixtures.pipeline.get().render(record, seal: DocumentSeal(text: seal.text, documentID: id), format: .pdf)
            let path = directory.appendingPathComponent("\(name).pdf")
            try Data(bytes).write(to: path)
            paths.append(path.path)
            expectedTypes["\(name).pdf"] = content.type.rawValue
        }
        // The oracle can fail: a certificate signed by another key under the same id must be refused.
        let forger = try SealSigner(privateKeyPEM: SealSigner.generatePrivateKeyPEM(), certificateID: "ORCL", authority: "AM")
        let certificate = try Fixtures.record("certificate")
        let content = certificate.sealContent(documentID: Fixtures.documentID(certificate))
        let forged = try content.signed(by: forger, on: content.issuedOn)
        let forgedPath = directory.appendingPathComponent("forged.pdf")
        try Data(try Fixtures.pipeline.get().render(certificate, seal: DocumentSeal(text: forged.text, documentID: "x"), format: .pdf))
            .write(to: forgedPath)
        let oracle = Fixtures.repository.appendingPathComponent("Scripts/oracles/seal_oracle.py").path
        let refused = try EngineTestSupport.tool(Self.python, [oracle, "--keys", keys.path, forgedPath.path])
        #expect(refused.status == 1 && refused.stdout.contains("\"signature\": \"invalid\""), "\(refused.stdout)")

        let run = try EngineTestSupport.tool(Self.python, [oracle, "--keys", keys.path] + paths)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        // The same served PDFs, every kind, are PDF/A-1b for PDFBox Preflight (exit 3: not installed, a failure too).
        let preflight = try EngineTestSupport.tool("bash", [Fixtures.repository.appendingPathComponent("Scripts/pdfa-check.sh").path] + paths)
        #expect(preflight.status == 0, "\(preflight.stdout)\(preflight.stderr)")

        let results = try run.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(results.count == paths.count, "\(run.stdout)")
        for result in results {
            let file = result["file"] as? String ?? "?"
            #expect(result["signature"] as? String == "valid", "\(file): \(result)")
            #expect(result["type"] as? String == expectedTypes[file], "\(file): \(result)")
            #expect((result["problems"] as? [String])?.isEmpty == true, "\(file): \(result["problems"] ?? "")")
        }
    }
}
