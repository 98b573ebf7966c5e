// SealCommandTests: the real binary's seal commands — keygen writes a private key only its owner reads, render
// seals with it, verify reads the seal back offline from a scanned page; serve refuses to start without a key.
import EngineTestSupport
import Foundation
import Testing

struct SealCommandTests {
    let commands = RenderCommandTests()

    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seal-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func keygenRenderScanVerify() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("key.pem").path
        let keygen = try commands.run(["keygen", "--output", key, "--id", "T001"])
        #expect(keygen.status == 0, "\(keygen.stderr)")
        let permissions = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
        #expect(permissions == 0o600, "the private key must be readable by its owner only")
        #expect(try String(contentsOfFile: key, encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let keys = directory.appendingPathComponent("keys.json")
        let listStart = try #require(keygen.stdout.firstIndex(of: "{"))
        try Data(keygen.stdout[listStart...].utf8).write(to: keys)
        // A key is never overwritten.
        let again = try commands.run(["keygen", "--output", key])
        #expect(again.status != 0 && again.stderr.contains("existe déjà"), "\(again.stderr)")

        let pdf = directory.appendingPathComponent("certificate.pdf").path
        let render = try commands.run(["render", "certificate", "--record", commands.example("certificate"), "--output", pdf,
                                       "--sign-with", key, "--key-id", "T001"])
        #expect(render.status == 0, "\(render.stderr)")
        let page = directory.appendingPathComponent("page").path
        #expect(try EngineTestSupport.tool("pdftoppm", ["-r", "300", "-png", "-singlefile", pdf, page]).status == 0)
        let verify = try commands.run(["verify", "--image", page + ".png", "--keys", keys.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("signature: valid"))
        #expect(verify.stdout.contains("type: E1"))
        #expect(verify.stdout.contains("62: DUPONT") && verify.stdout.contains("01: CPR-2026-000123"))

        // The same seal with one name changed: the signature fails, and the command says so by its status.
        let text = try #require(verify.stdout.split(separator: "\n").first { $0.hasPrefix("seal: ") }).dropFirst(6)
        let tampered = String(text).replacingOccurrences(of: "DUPONT", with: "DUPOND")
        let forged = try commands.run(["verify", "--seal", tampered, "--keys", keys.path])
        #expect(forged.status == 1 && forged.stdout.contains("signature: invalid"), "\(forged.stdout)\(forged.stderr)")
        let garbage = try commands.run(["verify", "--seal", "not a seal", "--keys", keys.path])
        #expect(garbage.status == 2, "\(garbage.stderr)")
        let noCode = try commands.run(["verify", "--image", commands.example("certificate"), "--keys", keys.path])
        #expect(noCode.status == 2 && noCode.stderr.contains("DataMatrix"), "\(noCode.stderr)")
    }

    @Test func serveWithoutASigningKeyRefusesToStart() throws {
        let environment = ["PATH": "/usr/bin:/bin", "AMELI_DOCS_JWT_SECRET": String(repeating: "s", count: 40)]
        let serve = try commands.run(["serve", "--port", "0"], environment: environment)
        #expect(serve.status != 0)
        #expect(serve.stderr.contains("AMELI_DOCS_SIGNING_KEY"), "\(serve.stderr)")
        let noID = try commands.run(["serve", "--port", "0"], environment: environment.merging(["AMELI_DOCS_SIGNING_KEY": "/nonexistent.pem"]) { $1 })
        #expect(noID.status != 0 && noID.stderr.contains("AMELI_DOCS_SIGNING_KEY_ID"), "\(noID.stderr)")
    }

    /// keygen creates the file itself, exclusively: a link put where the key is to go is refused, not written through.
    @Test func keygenRefusesALinkInTheKeysPlace() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("elsewhere.pem").path
        let link = directory.appendingPathComponent("key.pem").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let keygen = try commands.run(["keygen", "--output", link])
        #expect(keygen.status != 0 && keygen.stderr.contains("existe déjà"), "\(keygen.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    /// A signing key its group or others may read stops the start, with the command that fixes it.
    @Test func serveRefusesASigningKeyOthersCanRead() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("key.pem").path
        #expect(try commands.run(["keygen", "--output", key, "--id", "T001"]).status == 0)
        let environment = ["PATH": "/usr/bin:/bin", "AMELI_DOCS_JWT_SECRET": String(repeating: "s", count: 40),
                           "AMELI_DOCS_SIGNING_KEY": key, "AMELI_DOCS_SIGNING_KEY_ID": "T001"]
        // An unusable database as well: if the key passed, the start would still stop (later, saying something else).
        let arguments = ["serve", "--port", "0", "--database", "sqlite:/nonexistent/x.sqlite"]
        for mode in [0o640, 0o604, 0o644] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: key)
            let serve = try commands.run(arguments, environment: environment)
            #expect(serve.status != 0 && serve.stderr.contains("chmod 600 \(key)"), "\(String(mode, radix: 8)): \(serve.stderr)")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key)
        let owned = try commands.run(arguments, environment: environment)
        #expect(owned.status != 0 && !owned.stderr.contains("chmod"), "\(owned.stderr)")
    }
}
