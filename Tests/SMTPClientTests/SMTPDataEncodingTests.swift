// DATA payloads: dot-stuffing, line-ending normalisation, the terminating dot.
@testable import SMTPClient
import Testing

struct SMTPDataEncodingTests {
    private func payload(_ text: String) -> String {
        String(decoding: SMTPDataEncoding.payload(for: Array(text.utf8)), as: UTF8.self)
    }

    @Test func linesStartingWithADotGetAnother() {
        #expect(payload(".a\r\nb.\r\n.\r\n..c\r\n") == "..a\r\nb.\r\n..\r\n...c\r\n.\r\n")
    }

    @Test func bareLFAndBareCRBecomeCRLF() {
        #expect(payload("a\nb\rc\r\n.d") == "a\r\nb\r\nc\r\n..d\r\n.\r\n")
    }

    @Test func missingFinalLineEndIsAdded() {
        #expect(payload("last line") == "last line\r\n.\r\n")
        #expect(payload("") == ".\r\n")
    }

    @Test func eightBitBodiesAreDetected() {
        #expect(SMTPDataEncoding.has8BitBytes(Array("prête".utf8)))
        #expect(!SMTPDataEncoding.has8BitBytes(Array("ready".utf8)))
    }
}
