// Relay configuration from a URL.
import SMTPClient
import Testing

struct SMTPRelayTests {
    /// A delivery's longest possible time, which the notices' lease must outlast.
    @Test func worstCaseAddsEveryStepsTimeout() {
        #expect(SMTPTimeouts(connect: .seconds(10), command: .seconds(30), dataEnd: .seconds(60)).worstCase == .seconds(310))
    }

    @Test func defaultPortIs25() throws {
        let relay = try SMTPRelay(url: "smtp://relay.internal")
        #expect(relay.host == "relay.internal" && relay.port == 25 && !relay.requireTLS)
        #expect(relay.timeouts == SMTPTimeouts(connect: .seconds(30), command: .seconds(60), dataEnd: .seconds(300)))
    }

    /// Off this machine a relay must offer STARTTLS; on loopback only when asked.
    @Test func tlsIsRequiredUnlessTheRelayIsOnLoopback() throws {
        for url in ["smtp://relay.internal", "smtp://192.0.2.10:2525", "smtp://[2001:db8::1]", "smtp://127.0.0.1.example.org",
                    "smtp://localhost.example.org", "smtp://[::ffff:10.0.0.1]"] {
            #expect(try SMTPRelay(url: url).tlsRequired, "\(url)")
        }
        for url in ["smtp://127.0.0.1:2525", "smtp://127.1.2.3", "smtp://localhost:25", "smtp://[::1]:2525", "smtp://[0:0:0:0:0:0:0:1]"] {
            #expect(try !SMTPRelay(url: url).tlsRequired, "\(url)")
            #expect(try SMTPRelay(url: url, requireTLS: true).tlsRequired, "\(url), asked")
        }
    }

    @Test func explicitPortAndIPv6Host() throws {
        #expect(try SMTPRelay(url: "smtp://127.0.0.1:2525").port == 2525)
        #expect(try SMTPRelay(url: "smtp://[::1]:2525").host == "::1")
    }

    @Test(arguments: ["http://relay:25", "smtp://", "smtp://user:pw@relay", "smtp://relay:0", "smtp://relay/path", "relay:25"])
    func unusableURLsAreRefused(url: String) {
        #expect(throws: SMTPConfigurationError.self) { try SMTPRelay(url: url) }
    }

    @Test func unreadableCertificateFileIsAConfigurationError() throws {
        let relay = try SMTPRelay(url: "smtp://relay.internal", trustedCertificatesPEMFile: "/nonexistent/ca.pem")
        let error = #expect(throws: SMTPConfigurationError.self) { try SMTPClient(relay: relay) }
        #expect(error?.setting == "trustedCertificatesPEMFile" && error?.value == "/nonexistent/ca.pem")
    }
}
