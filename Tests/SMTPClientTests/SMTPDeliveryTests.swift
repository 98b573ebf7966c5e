// Delivery to a real SMTP server (aiosmtpd): what arrives is what MailMessage built, and STARTTLS is used.
import Foundation
import MailMessage
import SMTPClient
import MailTestSupport
import Testing

struct SMTPDeliveryTests {
    /// What Python's email package makes of a received message (Scripts/oracles/parse_message.py).
    struct Decoded: Decodable {
        let subject, from_name, from_address, to, message_id, date, content_type, text, html: String
        let part_types, defects: [String]
    }

    static let longLine = String(repeating: "0123456789", count: 1000)
    let message: MailMessage

    init() throws {
        // A line starting with ".", a line that is only ".", a 10,000-character line and a trailing space.
        message = try MailMessage(
            from: .init(address: "noreply@ameli-docs.invalid", displayName: "Assurance Maladie – AmeliDocs"),
            to: "assure@example.org", subject: "Votre carte européenne d'assurance maladie est prête ✅",
            plainBody: "Bonjour,\n.Cette ligne commence par un point.\n.\n\(Self.longLine)\nFin avec espace \n",
            htmlBody: "<p>Bonjour,</p>\n.<p>point</p>\n<p>\(Self.longLine)</p>\n",
            messageID: .init(localPart: "notice-123", domain: "ameli-docs.invalid"),
            date: Date(timeIntervalSince1970: 1_796_007_113))
    }

    @Test func messageArrivesUnchangedAndDecodes() async throws {
        let relay = try OracleRelay()
        defer { relay.stop() }
        let client = try SMTPClient(relay: SMTPRelay(url: relay.url))
        try await client.send(from: "bounces@ameli-docs.invalid", to: ["assure@example.org"], message: message.bytes)

        let received = try relay.received()
        try #require(received.count == 1)
        #expect(received[0].mail_from == "bounces@ameli-docs.invalid")
        #expect(received[0].rcpt_tos == ["assure@example.org"])
        #expect(received[0].mail_options == [])  // 7-bit message: no BODY=8BITMIME, no SMTPUTF8
        #expect(!received[0].tls)
        // Un-dot-stuffed by the server, the bytes are exactly what MailMessage produced.
        #expect(firstDifference(received[0].raw, message.bytes) == nil)

        let path = relay.spool.appendingPathComponent("0001.eml").path
        let decoded = try JSONDecoder().decode(Decoded.self, from: Oracle.run("parse_message.py", [path]))
        #expect(decoded.defects == [])
        #expect(decoded.subject == message.subject)
        #expect(decoded.from_name == "Assurance Maladie – AmeliDocs")
        #expect(decoded.from_address == "noreply@ameli-docs.invalid")
        #expect(decoded.message_id == "<notice-123@ameli-docs.invalid>")
        #expect(decoded.date == "Mon, 30 Nov 2026 03:51:53 +0100")
        #expect(decoded.content_type == "multipart/alternative")
        #expect(decoded.part_types == ["text/plain", "text/html"])
        #expect(lines(decoded.text) == lines(message.plainBody))
        #expect(lines(decoded.html) == lines(message.htmlBody))
        #expect(lines(decoded.text).contains(".Cette ligne commence par un point."))
        #expect(lines(decoded.text).contains(Self.longLine))
    }

    @Test func startTLSIsUsedWhenOffered() async throws {
        let relay = try OracleRelay(startTLS: true)
        defer { relay.stop() }
        let client = try SMTPClient(relay: SMTPRelay(url: relay.url, trustedCertificatesPEMFile: relay.certificatePath, requireTLS: true))
        try await client.send(from: "bounces@ameli-docs.invalid", to: ["assure@example.org"], message: message.bytes)
        let received = try relay.received()
        try #require(received.count == 1)
        #expect(received[0].tls)
        #expect(firstDifference(received[0].raw, message.bytes) == nil)
    }

    @Test func untrustedCertificateIsATransientTLSFailure() async throws {
        let relay = try OracleRelay(startTLS: true)
        defer { relay.stop() }
        let client = try SMTPClient(relay: SMTPRelay(url: relay.url))  // system roots only
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(from: "bounces@ameli-docs.invalid", to: ["assure@example.org"], message: message.bytes)
        }
        #expect(error?.cause == .tls && error?.kind == .transient, "\(String(describing: error))")
        #expect(try relay.received().isEmpty)
    }

    @Test func requiredTLSWithoutSTARTTLSIsRefused() async throws {
        let relay = try OracleRelay()
        defer { relay.stop() }
        let client = try SMTPClient(relay: SMTPRelay(url: relay.url, requireTLS: true))
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(from: "bounces@ameli-docs.invalid", to: ["assure@example.org"], message: message.bytes)
        }
        #expect(error?.cause == .tls)
        #expect(try relay.received().isEmpty)
    }

    /// Where two byte strings first differ (a readable failure instead of two 20 kB arrays), or nil.
    private func firstDifference(_ received: [UInt8], _ sent: [UInt8]) -> String? {
        guard received != sent else { return nil }
        let offset = zip(received, sent).prefix { $0 == $1 }.count
        let context = { (bytes: [UInt8]) in String(decoding: bytes[offset..<min(bytes.count, offset + 60)], as: UTF8.self) }
        return "offset \(offset) of \(received.count)/\(sent.count): received \(context(received).debugDescription), sent \(context(sent).debugDescription)"
    }

    /// Python keeps the parts' line ends as sent; compare line by line.
    private func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    }
}
