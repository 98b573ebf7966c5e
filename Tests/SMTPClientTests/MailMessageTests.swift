// The whole message: structure, determinism, dates, and values refused before they reach a header.
import Foundation
@testable import MailMessage
import Testing

struct MailMessageTests {
    static func sample(id: String = "notice-123", subject: String = "Votre carte européenne est prête",
                       date: Date = Date(timeIntervalSince1970: 1_796_007_113)) throws -> MailMessage {
        try MailMessage(
            from: .init(address: "noreply@ameli-docs.invalid", displayName: "Assurance Maladie – AmeliDocs"),
            to: "assure@example.org", subject: subject,
            plainBody: "Bonjour,\n.ligne qui commence par un point\nCordialement",
            htmlBody: "<p>Bonjour,</p>\r\n<p>Cordialement</p>",
            messageID: .init(localPart: id, domain: "ameli-docs.invalid"), date: date)
    }

    @Test func sameInputGivesSameBytes() throws {
        #expect(try Self.sample().bytes == Self.sample().bytes)
        // The boundary comes from the Message-ID by FNV-1a, not from Swift's per-process seeded hashing: pinned here,
        // so that a run in another process would catch a change (computed independently with Python).
        #expect(String(decoding: try Self.sample().bytes, as: UTF8.self).contains("boundary=\"=_ameli_38eb3afde473dc01\""))
        #expect(try Self.sample(id: "notice-1").bytes != Self.sample(id: "notice-2").bytes)
    }

    @Test func headersAndPartsAreInPlace() throws {
        let text = String(decoding: try Self.sample().bytes, as: UTF8.self)
        #expect(text.hasPrefix("Date: Mon, 30 Nov 2026 03:51:53 +0100\r\nFrom: =?UTF-8?B?"))
        #expect(text.contains("\r\nTo: <assure@example.org>\r\n"))
        #expect(text.contains("\r\nMessage-ID: <notice-123@ameli-docs.invalid>\r\nMIME-Version: 1.0\r\n"))
        let plain = try #require(text.range(of: "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"))
        let html = try #require(text.range(of: "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"))
        #expect(plain.lowerBound < html.lowerBound)
        #expect(text.hasSuffix("--\r\n"))
    }

    @Test func everyLineEndsInCRLFAndStaysShort() throws {
        let bytes = try Self.sample(subject: String(repeating: "Très long sujet ", count: 12)).bytes
        #expect(bytes.allSatisfy { $0 < 0x80 })
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"))
        }
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 78 })
    }

    @Test(arguments: [
        // (UTC seconds, expected): winter, summer, and both sides of the 2026 changes (29 Mar and 25 Oct, 01:00 UTC).
        (1_796_007_113, "Mon, 30 Nov 2026 03:51:53 +0100"),
        (1_783_000_800, "Thu, 02 Jul 2026 16:00:00 +0200"),
        (1_774_745_999, "Sun, 29 Mar 2026 01:59:59 +0100"),
        (1_774_746_000, "Sun, 29 Mar 2026 03:00:00 +0200"),
        (1_792_890_000 - 1, "Sun, 25 Oct 2026 02:59:59 +0200"),
        (1_792_890_000, "Sun, 25 Oct 2026 02:00:00 +0100"),
        (951_782_400, "Tue, 29 Feb 2000 01:00:00 +0100"),
    ])
    func datesAreInParisTime(seconds: Int, expected: String) {
        #expect(MailDate.rfc5322(Date(timeIntervalSince1970: TimeInterval(seconds))) == expected)
    }

    @Test(arguments: ["a@b\r\nBcc: x@y", "<a@b>", "", "a b@c", "é@b"])
    func unsafeAddressesAreRefused(address: String) {
        #expect(throws: MailMessageError.self) {
            try MailMessage(from: .init(address: "noreply@ameli-docs.invalid"), to: address, subject: "", plainBody: "",
                            htmlBody: "", messageID: .init(localPart: "n", domain: "d.invalid"), date: Date(timeIntervalSince1970: 0))
        }
    }

    @Test func messageIDHalvesMayNotHoldAtSignsOrBrackets() {
        #expect(throws: MailMessageError(field: "messageID.domain", reason: "contains a forbidden character (U+3E)")) {
            try MailMessage(from: .init(address: "a@b"), to: "c@d", subject: "", plainBody: "", htmlBody: "",
                            messageID: .init(localPart: "n", domain: "d>"), date: Date(timeIntervalSince1970: 0))
        }
    }
}
