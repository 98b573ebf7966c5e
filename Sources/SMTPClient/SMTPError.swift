// The one error the SMTP client throws: transient (retry later) or permanent (mark the message failed).

/// Why a message was not handed to the relay. `kind` is what a caller acts on; the rest is for people.
public struct SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// 4xx replies, refused or broken connections, timeouts, TLS trouble: the same message may go later.
        case transient
        /// 5xx replies and refused input: sending the same message again will fail the same way.
        case permanent
    }

    public enum Cause: Sendable, Equatable {
        case reply, timeout, connection, tls, invalidAddress, protocolViolation
    }

    public let kind: Kind
    public let cause: Cause
    /// The step that failed, e.g. `greeting`, `RCPT TO`, `end of DATA` (never an address: logs stay anonymous).
    public let step: String
    /// The relay's reply code, when the relay answered.
    public let code: Int?
    /// The relay's text (lines joined by "\n"), or what went wrong on our side.
    public let text: String

    public init(kind: Kind, cause: Cause, step: String, code: Int? = nil, text: String) {
        self.kind = kind
        self.cause = cause
        self.step = step
        self.code = code
        self.text = text
    }

    public var description: String {
        "SMTP \(kind) failure (\(cause)) at \(step): " + (code.map { "\($0) " } ?? "") + text
    }

    /// A reply that is not the one the step expected: 5xx is permanent, 4xx (or anything odd) transient.
    init(unexpected reply: SMTPReply, step: String) {
        let permanent = (500..<600).contains(reply.code)
        self.init(
            kind: permanent ? .permanent : .transient,
            cause: (400..<600).contains(reply.code) ? .reply : .protocolViolation,
            step: step, code: reply.code, text: reply.text)
    }
}
