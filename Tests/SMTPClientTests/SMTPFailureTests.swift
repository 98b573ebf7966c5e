// Failures a caller must tell apart: retry later (transient) or give up (permanent); and no hanging.
import Foundation
import SMTPClient
import MailTestSupport
import Testing

struct SMTPFailureTests {
    private let message = Array("Subject: test\r\n\r\nbody\r\n".utf8)

    private func send(through url: String, to recipients: [String] = ["assure@example.org"],
                      timeouts: SMTPTimeouts = SMTPTimeouts()) async -> SMTPError? {
        await #expect(throws: SMTPError.self) {
            let client = try SMTPClient(relay: SMTPRelay(url: url, timeouts: timeouts))
            try await client.send(from: "bounces@ameli-docs.invalid", to: recipients, message: message)
        }
    }

    @Test func relayDownIsTransient() async throws {
        let relay = try OracleRelay()
        relay.stop()  // the port was just in use and now nothing listens there
        let error = await send(through: relay.url)
        #expect(error?.kind == .transient && error?.cause == .connection && error?.code == nil)
    }

    @Test func reply451IsTransient() async throws {
        let relay = try OracleRelay(["--fail-with", "451"])
        defer { relay.stop() }
        let error = await send(through: relay.url)
        #expect(error?.kind == .transient && error?.code == 451 && error?.step == "RCPT TO")
        #expect(error?.text == "Failure requested with --fail-with")
    }

    @Test func reply550IsPermanent() async throws {
        let relay = try OracleRelay(["--fail-with", "550", "--fail-at", "data"])
        defer { relay.stop() }
        let error = await send(through: relay.url)
        #expect(error?.kind == .permanent && error?.code == 550 && error?.step == "end of DATA")
        #expect(try relay.received().isEmpty)
    }

    @Test(arguments: ["victim@example.org>\r\nRCPT TO:<other@example.org", "a@b\nDATA", "<a@b>", ""])
    func injectionAddressesAreRefusedBeforeConnecting(address: String) async throws {
        let relay = try OracleRelay()
        defer { relay.stop() }
        let error = await send(through: relay.url, to: ["assure@example.org", address])
        #expect(error?.kind == .permanent && error?.cause == .invalidAddress)
        #expect(try relay.received().isEmpty)
    }

    /// A hang would show as this test running out its time limit; the timeout's own error is what is checked (the
    /// wall-clock bound it once had failed at 66 s on a loaded machine, for a 0.5 s timeout: a speed test in disguise).
    @Test(.timeLimit(.minutes(5))) func silentRelayTimesOut() async throws {
        let relay = try OracleRelay(["--silent"])
        defer { relay.stop() }
        let error = await send(through: relay.url, timeouts: SMTPTimeouts(connect: .seconds(2), command: .milliseconds(500)))
        #expect(error?.kind == .transient && error?.cause == .timeout && error?.step == "greeting")
    }
}
