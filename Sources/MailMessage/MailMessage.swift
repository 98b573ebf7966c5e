// An outgoing e-mail (plain text and HTML alternatives) rendered as RFC 5322 bytes, ready for SMTP DATA.
public import Foundation

/// A notice e-mail. Rendering is deterministic: the same values always give the same bytes.
public struct MailMessage: Sendable, Equatable {
    /// An address with an optional display name, as in `From: Ameli Docs <noreply@ameli-docs.invalid>`.
    public struct Mailbox: Sendable, Equatable {
        public var address: String
        public var displayName: String?
        public init(address: String, displayName: String? = nil) {
            self.address = address
            self.displayName = displayName
        }
    }

    /// A Message-ID, `<localPart@domain>`: the caller chooses both halves so that ids stay unique and stable.
    public struct MessageID: Sendable, Equatable, CustomStringConvertible {
        public var localPart: String
        public var domain: String
        public init(localPart: String, domain: String) {
            self.localPart = localPart
            self.domain = domain
        }
        public var description: String { "<\(localPart)@\(domain)>" }
    }

    public let from: Mailbox
    public let to: String
    public let subject: String
    public let plainBody: String
    public let htmlBody: String
    public let messageID: MessageID
    public let date: Date

    /// Checks the addresses and the message id, which go into headers verbatim: a line break or an angle
    /// bracket there would let a value add headers of its own.
    public init(
        from: Mailbox, to: String, subject: String, plainBody: String, htmlBody: String,
        messageID: MessageID, date: Date
    ) throws(MailMessageError) {
        try MailMessageError.check(from.address, field: "from")
        try MailMessageError.check(to, field: "to")
        try MailMessageError.check(messageID.localPart, field: "messageID.localPart", forbidding: "@")
        try MailMessageError.check(messageID.domain, field: "messageID.domain", forbidding: "@")
        self.from = from
        self.to = to
        self.subject = subject
        self.plainBody = plainBody
        self.htmlBody = htmlBody
        self.messageID = messageID
        self.date = date
    }

    /// The whole message, CRLF line endings, 7-bit clean.
    public var bytes: [UInt8] {
        // "=_" can never occur in quoted-printable text ("=" is always followed by two hex digits or a line
        // break there), so this boundary cannot collide with the body; the hash makes it differ per message.
        let boundary = "=_ameli_" + String(fnv1a64(Array(messageID.description.utf8)), radix: 16)
        var fromWords = from.displayName.map { HeaderEncoding.phraseWords($0, header: "From") } ?? []
        fromWords.append("<\(from.address)>")
        let headers = [
            "Date: " + MailDate.rfc5322(date),
            HeaderEncoding.fold(header: "From", words: fromWords),
            "To: <\(to)>",
            HeaderEncoding.fold(header: "Subject", words: HeaderEncoding.textWords(subject, header: "Subject")),
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        var text = headers.joined(separator: "\r\n") + "\r\n\r\n"
        for (type, body) in [("text/plain", plainBody), ("text/html", htmlBody)] {
            text += "--\(boundary)\r\n"
            text += "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            text += QuotedPrintable.encode(body) + "\r\n"
        }
        text += "--\(boundary)--\r\n"
        return Array(text.utf8)
    }
}

/// FNV-1a: a fixed, seedless hash (Swift's `Hasher` is seeded per process, so it would break determinism).
private func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
    bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
}
