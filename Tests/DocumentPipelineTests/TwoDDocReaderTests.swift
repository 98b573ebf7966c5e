// TwoDDocReaderTests: the outside verifier of SEAL.md profile v2. PyPI `tddoc`, a 2D-Doc library written elsewhere
// with ANTS's data definitions, reads the seal of every document kind and of an acknowledgement of each procedure
// from a 300-dpi raster, finds each field as the record gives it, and verifies the signature through the X.509
// chain (the authority's certificate, then the signing key's). Script: Scripts/oracles/tddoc_check.py.
import DocumentPipeline
import EngineTestSupport
import Foundation
import Records
import Seal
import Testing

struct TwoDDocReaderTests {
    /// A signing key certified by a CA named by the authority id, as `ameli-docs keygen --ca-key/--ca-cert` makes.
    struct Keys {
        let signer: SealSigner
        let authorityCertificate: String
        let certificate: String
    }

    static func keys(keyID: String = "K001", validFrom: Date = Date(), years: Int = 3) throws -> Keys {
        let authority = try SealCertificates.makeAuthority(caID: "FRAM")
        let pem = SealSigner.generatePrivateKeyPEM()
        let certificate = try SealCertificates.issue(signingKeyPEM: pem, keyID: keyID, caKeyPEM: authority.keyPEM,
                                                     caCertificatePEM: authority.certificatePEM, validFrom: validFrom, years: years)
        return Keys(signer: try SealSigner(privateKeyPEM: pem, certificateID: keyID, authority: "AM"),
                    authorityCertificate: authority.certificatePEM, certificate: certificate)
    }

    /// One document of each kind (the card as its sealed print copy) and an acknowledgement of each procedure.
    static let samples = ["certificate", "card", "proxy-confirmation", "acknowledgement", "acknowledgement.renewal",
                          "acknowledgement.loss-declaration", "acknowledgement.proxy", "acknowledgement.proxy-revocation"]

    struct Reading: Decodable {
        let file: String
        let type: String?
        let fields: [String: String]?
        let signature: Bool?
        let error: String?
    }

    func read(_ paths: [String], keys: Keys, in directory: URL) throws -> (status: Int32, readings: [Reading], output: String) {
        let ca = directory.appendingPathComponent("ca.crt"), cert = directory.appendingPathComponent("k001.crt")
        try keys.authorityCertificate.write(to: ca, atomically: true, encoding: .utf8)
        try keys.certificate.write(to: cert, atomically: true, encoding: .utf8)
        let script = Fixtures.repository.appendingPathComponent("Scripts/oracles/tddoc_check.py").path
        let run = try EngineTestSupport.tool(SealOracleTests.python, [script, "--ca", ca.path, "--cert", cert.path] + paths)
        let readings = try run.stdout.split(separator: "\n").map { try JSONDecoder().decode(Reading.self, from: Data($0.utf8)) }
        return (run.status, readings, run.stdout + run.stderr)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: SealOracleTests.python) || ProcessInfo.processInfo.environment["CI"] != nil,
                   "no .venv-oracles: Scripts/test.sh creates it (tddoc, zxing-cpp)"))
    func tddocReadsEveryFieldAndVerifiesTheSignatureThroughTheCertificates() throws {
        try #require(FileManager.default.isExecutableFile(atPath: SealOracleTests.python), "\(SealOracleTests.python) is missing")
        let keys = try Self.keys()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tddoc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var expected: [String: [String: String]] = [:]
        var paths: [String] = []
        for name in Self.samples {
            let record = try Fixtures.record(name)
            let id = record.kind == .card ? "CC-\(name.uppercased())" : Fixtures.documentID(record)
            let content = record.sealContent(documentID: id)
            let signed = try content.signed(by: keys.signer, on: content.issuedOn)
            let bytes = try Fixtures.pipeline.get().render(record, seal: DocumentSeal(text: signed.text, documentID: id), format: .pdf)
            let path = directory.appendingPathComponent("\(name).pdf")
            try Data(bytes).write(to: path)
            paths.append(path.path)
            // What the record puts in the seal (SEAL.md's transliteration); tddoc gives ANTS's 69 as an ISO date.
            var fields = signed.fieldsByID()
            if let birth = fields["69"] { fields["69"] = String(birth.suffix(4)) + "-" + String(birth.dropFirst(2).prefix(2)) + "-" + String(birth.prefix(2)) }
            expected["\(name).pdf"] = fields
        }
        let (status, readings, output) = try read(paths, keys: keys, in: directory)
        #expect(status == 0, "\(output)")
        #expect(readings.count == Self.samples.count, "\(output)")
        for reading in readings {
            #expect(reading.error == nil, "\(reading.file): \(reading.error ?? "")")
            #expect(reading.signature == true, "\(reading.file): the signature does not verify through the certificates")
            #expect(reading.fields == expected[reading.file], "\(reading.file): tddoc read \(reading.fields ?? [:])")
        }
        #expect(Set(readings.compactMap(\.type)) == ["E1", "E2", "E3", "E4"])
    }

    /// The reader can fail: a seal whose key was certified by another authority of the same name is refused.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: SealOracleTests.python) || ProcessInfo.processInfo.environment["CI"] != nil,
                   "no .venv-oracles: Scripts/test.sh creates it (tddoc, zxing-cpp)"))
    func tddocRefusesAKeyCertifiedByAnotherAuthority() throws {
        try #require(FileManager.default.isExecutableFile(atPath: SealOracleTests.python), "\(SealOracleTests.python) is missing")
        let genuine = try Self.keys(), other = try Self.keys()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tddoc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let record = try Fixtures.record("certificate")
        let content = record.sealContent(documentID: Fixtures.documentID(record))
        let signed = try content.signed(by: other.signer, on: content.issuedOn)
        let path = directory.appendingPathComponent("other.pdf")
        try Data(try Fixtures.pipeline.get().render(record, seal: DocumentSeal(text: signed.text, documentID: "x"), format: .pdf)).write(to: path)
        // The keychain holds the genuine authority and the other key's certificate, which it did not issue.
        let mixed = Keys(signer: other.signer, authorityCertificate: genuine.authorityCertificate, certificate: other.certificate)
        let (status, readings, output) = try read([path.path], keys: mixed, in: directory)
        #expect(status == 1, "\(output)")
        #expect(readings.first?.signature != true, "\(output)")
    }
}
