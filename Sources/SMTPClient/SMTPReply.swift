// Relay replies (RFC 5321 §4.2): a three-digit code and one or more lines, `250-…` continuing, `250 …` ending.

/// One complete reply, its lines without code or separator.
struct SMTPReply: Sendable, Equatable {
    let code: Int
    let lines: [String]

    var text: String { lines.joined(separator: "\n") }
}

/// Collects reply lines until the last one; pure, so the rules are tested without a socket.
struct SMTPReplyParser {
    private var pending: [String] = []
    private var pendingCode: Int?

    /// Takes one line (its CRLF or LF already removed or not) and returns the reply it completes, if any.
    mutating func consume(_ rawLine: String) throws(SMTPError) -> SMTPReply? {
        var line = Substring(rawLine)
        while let last = line.last, last == "\n" || last == "\r" || last == "\r\n" { line = line.dropLast() }
        let digits = line.prefix(3)
        guard digits.count == 3, digits.allSatisfy(\.isASCIIDigit), let code = Int(digits), (200..<600).contains(code)
        else { throw Self.violation("reply line without a valid code: \(line.prefix(40))") }
        guard pendingCode == nil || pendingCode == code else {
            throw Self.violation("multi-line reply changed code from \(pendingCode ?? 0) to \(code)")
        }
        let separator = line.dropFirst(3).first
        guard separator == nil || separator == " " || separator == "-" else {
            throw Self.violation("reply line with '\(separator.map(String.init) ?? "")' after the code")
        }
        pending.append(String(line.dropFirst(4)))
        if separator == "-" {
            pendingCode = code
            return nil
        }
        defer { pending = []; pendingCode = nil }
        return SMTPReply(code: code, lines: pending)
    }

    private static func violation(_ text: String) -> SMTPError {
        SMTPError(kind: .transient, cause: .protocolViolation, step: "reading a reply", text: text)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
