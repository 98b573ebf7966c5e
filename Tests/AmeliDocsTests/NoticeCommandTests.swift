// NoticeCommandTests: the real `ameli-docs` with a real relay (aiosmtpd). `serve`, killed with SIGKILL after
// the relay has the notice but before the service could mark it sent, restarts on the same database and sends the
// notice again — with the same Message-ID, so the receiving side can tell it is one message. `serve` refuses a relay
// setting it cannot use; `bench --notices-to` measures the delivery rate.
import Foundation
import MailTestSupport
import Synchronization
import Testing

struct NoticeCommandTests {
    /// What a process printed so far, appended from the pipe's reading thread.
    final class Output: Sendable {
        private let text = Mutex("")
        func append(_ data: Data) { text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
        var current: String { text.withLock { $0 } }
    }

    /// One `serve --demo` process, its output read as it comes.
    final class Server: @unchecked Sendable {
        let process: Process
        private let output = Output()

        init(directory: URL, relay: String, environment extra: [String: String] = [:]) throws {
            process = Process()
            process.executableURL = URL(fileURLWithPath: RenderCommandTests.binary)
            process.arguments = ["serve", "--demo", "--port", "0", "--database", "sqlite:" + directory.appendingPathComponent("d.sqlite").path]
            process.currentDirectoryURL = directory
            process.environment = [
                "PATH": "/usr/bin:/bin", "AMELI_DOCS_LOG_LEVEL": "error", "AMELI_DOCS_SMTP_URL": relay,
                // A short lease, so that the restarted service may take the notice over within the test.
                "AMELI_DOCS_NOTICE_LEASE_SECONDS": "2",
            ].merging(extra) { $1 }
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            let output = self.output
            pipe.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
            try process.run()
        }

        /// The demo's base address and a token, from what it printed once it listened.
        func address() async throws -> (base: String, token: String, admin: String) {
            for _ in 0..<300 {
                let text = output.current
                if text.contains("export AUTH="),
                   let base = text.firstMatch(of: /sur (http:\/\/127\.0\.0\.1:\d+)/)?.1,
                   let token = text.firstMatch(of: /export TOKEN=(\S+)/)?.1,
                   let admin = text.firstMatch(of: /export ADMIN_TOKEN=(\S+)/)?.1 {
                    return (String(base), String(token), String(admin))
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw OracleError("serve --demo printed no address:\n\(output.current)")
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    /// `curl` one request; returns the body.
    func curl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "--max-time", "20"] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func waitForMessages(_ relay: OracleRelay, count: Int) async throws -> [OracleRelay.Received] {
        for _ in 0..<200 {
            let received = try relay.received()
            if received.count >= count { return received }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try relay.received()
    }

    static func messageID(_ raw: [UInt8]) -> String? {
        String(decoding: raw, as: UTF8.self).firstMatch(of: /\r\nMessage-ID: (<[^>]+>)\r\n/).map { String($0.1) }
    }

    @Test func killedBetweenSendAndMarkResendsTheSameMessageID() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("notice-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The relay saves each message, then holds back its "250" long enough for the kill.
        let holding = try OracleRelay(["--hold-data", "60"])
        let (port, spool) = (holding.port, holding.spool)

        let first = try Server(directory: directory, relay: holding.url)
        let (base, token, _) = try await first.address()
        let order = try curl(["-H", "Authorization: Bearer \(token)", "-H", "Content-Type: application/json",
                              "-d", #"{"departureWithin15Days":true}"#, "\(base)/v1/beneficiaries/hugo/card-orders"])
        let reference = try #require(order.firstMatch(of: /"messageId":"([^"]+)"/).map { String($0.1) }, "\(order)")
        let before = try await waitForMessages(holding, count: 1)
        try #require(before.count == 1, "the relay never received the notice")
        first.kill()
        holding.stop(keepSpool: true)

        // The same relay, answering at once now, and the service restarted on the same database.
        let relay = try OracleRelay(port: port, spool: spool)
        defer { relay.stop() }
        let second = try Server(directory: directory, relay: relay.url)
        defer { second.stop() }
        let (newBase, _, admin) = try await second.address()
        let after = try await waitForMessages(relay, count: 2)
        try #require(after.count == 2, "the notice was not sent again after the crash")
        let expected = "<avis-\(reference)@assurance-maladie.fr>"
        #expect(Self.messageID(after[0].raw) == expected)
        #expect(Self.messageID(after[1].raw) == expected)
        #expect(after[0].raw == after[1].raw, "the resent message is byte for byte the first one")

        // Marked sent this time, after two attempts (the killed one counts).
        var sent = ""
        for _ in 0..<50 {
            sent = try curl(["-H", "Authorization: Bearer \(admin)", "\(newBase)/v1/admin/notices?status=sent"])
            if sent.contains(reference) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(sent.contains(#""id":"\#(reference)""#) && sent.contains(#""attempts":2"#), "\(sent)")
        // And not a third time.
        try await Task.sleep(for: .seconds(3))
        #expect(try relay.received().count == 2)
    }

    @Test func serveRefusesARelaySettingItCannotUse() throws {
        let commands = RenderCommandTests()
        let base = ["PATH": "/usr/bin:/bin", "AMELI_DOCS_JWT_SECRET": String(repeating: "s", count: 40)]
        for (name, value, expected) in [("AMELI_DOCS_SMTP_URL", "http://relay:25", "AMELI_DOCS_SMTP_URL"),
                                        ("AMELI_DOCS_NOTICE_MAX_ATTEMPTS", "0", "AMELI_DOCS_NOTICE_MAX_ATTEMPTS"),
                                        ("AMELI_DOCS_MAIL_FROM", "not an address", "AMELI_DOCS_MAIL_FROM"),
                                        ("AMELI_DOCS_SMTP_CA_FILE", "/nonexistent/ca.pem", "AMELI_DOCS_SMTP_CA_FILE")] {
            var environment = base.merging([name: value]) { $1 }
            if name != "AMELI_DOCS_SMTP_URL" { environment["AMELI_DOCS_SMTP_URL"] = "smtp://127.0.0.1:2525" }
            let serve = try commands.run(["serve", "--demo", "--port", "0", "--database", "sqlite:/nonexistent/x.sqlite"], environment: environment)
            #expect(serve.status != 0, "\(name)")
            #expect(serve.stderr.contains(expected), "\(name): \(serve.stderr)")
        }
    }

    @Test func benchDeliversEveryNoticeThroughTheRelay() throws {
        let relay = try OracleRelay()
        defer { relay.stop() }
        let bench = try RenderCommandTests().run(["bench", "--notices-to", relay.url, "--iterations", "40", "--json"])
        #expect(bench.status == 0, "\(bench.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(bench.stdout.utf8)) as? [String: Any])
        #expect(report["sent"] as? Int == 40 && report["notSent"] as? Int == 0, "\(report)")
        #expect((report["noticesPerSecond"] as? Double ?? 0) > 0)
        #expect(try relay.received().count == 40)
    }

    /// The settings reach the wire: the relay offers STARTTLS with a certificate the service is told to trust
    /// (`AMELI_DOCS_SMTP_CA_FILE`), and the message arrives over TLS, from the configured sender.
    @Test func serveDeliversOverSTARTTLSToTheConfiguredRelay() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("notice-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let relay = try OracleRelay(startTLS: true)
        defer { relay.stop() }
        let server = try Server(directory: directory, relay: relay.url, environment: [
            "AMELI_DOCS_SMTP_CA_FILE": try #require(relay.certificatePath), "AMELI_DOCS_SMTP_REQUIRE_TLS": "1",
            "AMELI_DOCS_MAIL_FROM": "avis@caisse.example",
        ])
        defer { server.stop() }
        let (base, token, _) = try await server.address()
        _ = try curl(["-H", "Authorization: Bearer \(token)", "-H", "Content-Type: application/json",
                      "-d", #"{"departureWithin15Days":false}"#, "\(base)/v1/beneficiaries/hugo/card-orders"])
        let received = try await waitForMessages(relay, count: 1)
        try #require(received.count == 1, "no notice reached the relay")
        #expect(received[0].tls, "the notice went over STARTTLS")
        #expect(received[0].mail_from == "avis@caisse.example")
        #expect(Self.messageID(received[0].raw)?.hasSuffix("@caisse.example>") == true)
    }
}
