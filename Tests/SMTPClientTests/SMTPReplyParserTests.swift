// Reply parsing: single and multi-line replies, and lines that are not SMTP.
@testable import SMTPClient
import Testing

struct SMTPReplyParserTests {
    @Test func singleLineReply() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.consume("250 OK\r\n") == SMTPReply(code: 250, lines: ["OK"]))
        #expect(try parser.consume("354") == SMTPReply(code: 354, lines: [""]))
    }

    @Test func multiLineReplyKeepsEveryLine() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.consume("250-relay.example greets you\r\n") == nil)
        #expect(try parser.consume("250-STARTTLS\n") == nil)
        #expect(try parser.consume("250 8BITMIME\r\n") == SMTPReply(code: 250, lines: ["relay.example greets you", "STARTTLS", "8BITMIME"]))
        // The parser starts afresh after a complete reply.
        #expect(try parser.consume("221 Bye") == SMTPReply(code: 221, lines: ["Bye"]))
    }

    @Test(arguments: ["hello", "25 short", "999 out of range", "250+odd separator"])
    func nonSMTPLinesAreProtocolViolations(line: String) {
        var parser = SMTPReplyParser()
        #expect { try parser.consume(line) } throws: { ($0 as? SMTPError)?.cause == .protocolViolation }
    }

    @Test func codeMayNotChangeWithinAReply() throws {
        var parser = SMTPReplyParser()
        _ = try parser.consume("250-first")
        #expect { try parser.consume("550 second") } throws: { ($0 as? SMTPError)?.cause == .protocolViolation }
    }

    @Test func unexpectedRepliesAreClassifiedByTheirFirstDigit() {
        #expect(SMTPError(unexpected: SMTPReply(code: 451, lines: ["later"]), step: "RCPT TO").kind == .transient)
        #expect(SMTPError(unexpected: SMTPReply(code: 550, lines: ["no"]), step: "RCPT TO").kind == .permanent)
        #expect(SMTPError(unexpected: SMTPReply(code: 250, lines: ["?"]), step: "DATA").cause == .protocolViolation)
    }
}
