// A real SMTP server for the tests: Scripts/oracles/smtp_relay.py (aiosmtpd) in a child process.
// Shared by the SMTP client's tests, the delivery service's and the command line's.
public import Foundation

/// One running relay with its own spool directory; `stop()` ends it (closing its stdin ends it too, so a crashed
/// test run leaves no server behind).
public final class OracleRelay: @unchecked Sendable {
    public let port: Int
    public let spool: URL
    /// With `startTLS`, the relay's self-signed certificate (PEM), for the client to trust.
    public let certificatePath: String?
    private let process: Process
    private let stdin: Pipe

    /// What the relay saved for one message.
    public struct Received: Decodable, Sendable {
        public let mail_from: String
        public let rcpt_tos: [String]
        public let mail_options: [String]
        public let tls: Bool
        public var raw: [UInt8] = []
        enum CodingKeys: String, CodingKey { case mail_from, rcpt_tos, mail_options, tls }
    }

    /// Starts `smtp_relay.py --port <port> --spool <spool> <options>` and reads the port from its first line;
    /// `startTLS` adds `--starttls` with a certificate made for this relay by make_test_cert.py. `port` 0 picks a
    /// free one; a given `port` and `spool` bring a stopped relay back where it was (`keepSpool` on its `stop`).
    public init(_ options: [String] = [], startTLS: Bool = false, port requestedPort: Int = 0, spool existingSpool: URL? = nil) throws {
        spool = try existingSpool ?? Oracle.temporaryDirectory("smtp-spool")
        var options = options
        if startTLS {
            let certificate = spool.appendingPathComponent("cert.pem").path, key = spool.appendingPathComponent("key.pem").path
            _ = try Oracle.run("make_test_cert.py", [certificate, key])
            options += ["--starttls", certificate, key]
            certificatePath = certificate
        } else {
            certificatePath = nil
        }
        process = Process()
        process.executableURL = try Oracle.python()
        process.arguments = [Oracle.script("smtp_relay.py").path, "--port", String(requestedPort), "--spool", spool.path] + options
        let stdout = Pipe()
        stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        process.standardError = try FileHandle(forWritingTo: Oracle.emptyFile(spool.appendingPathComponent("relay.log")))
        try process.run()
        var firstLine = Data()
        while !firstLine.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            firstLine += chunk
        }
        guard let port = Int(String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            let log = (try? String(contentsOf: spool.appendingPathComponent("relay.log"), encoding: .utf8)) ?? ""
            process.terminate()
            try? FileManager.default.removeItem(at: spool)
            throw OracleError("smtp_relay.py did not print its port:\n\(log)")
        }
        self.port = port
    }

    public var url: String { "smtp://127.0.0.1:\(port)" }

    /// Ends the relay and removes what it saved, unless `keepSpool` (to start it again on the same spool).
    public func stop(keepSpool: Bool = false) {
        try? stdin.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        if !keepSpool { try? FileManager.default.removeItem(at: spool) }
    }

    /// The messages saved so far, in arrival order.
    public func received() throws -> [Received] {
        let names = try FileManager.default.contentsOfDirectory(atPath: spool.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            var message = try JSONDecoder().decode(Received.self, from: Data(contentsOf: spool.appendingPathComponent(name)))
            let stem = String(name.dropLast(".json".count))
            message.raw = Array(try Data(contentsOf: spool.appendingPathComponent(stem + ".eml")))
            return message
        }
    }
}

/// The Python side of the tests: interpreter, scripts, temporary files.
public enum Oracle {
    /// `SMTP_ORACLE_PYTHON`, else the project's oracle venv (.venv-oracles, made by Scripts/oracles/setup.sh).
    public static func python(file: String = #filePath) throws -> URL {
        let venv = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".venv-oracles/bin/python").path
        let path = ProcessInfo.processInfo.environment["SMTP_ORACLE_PYTHON"] ?? venv
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw OracleError("no Python for the SMTP oracle at \(path): set SMTP_ORACLE_PYTHON or run Scripts/oracles/setup.sh")
        }
        return URL(fileURLWithPath: path)
    }

    /// Scripts/oracles/<name>, found from this file's place in the package.
    public static func script(_ name: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Scripts/oracles/\(name)")
    }

    /// Runs a script to completion and returns its stdout; a non-zero exit is an error carrying stderr.
    public static func run(_ scriptName: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = try python()
        process.arguments = [script(scriptName).path] + arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleError("\(scriptName) exited \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self))")
        }
        return output
    }

    public static func temporaryDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    public static func emptyFile(_ url: URL) throws -> URL {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw OracleError("cannot create \(url.path)") }
        return url
    }
}

public struct OracleError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
