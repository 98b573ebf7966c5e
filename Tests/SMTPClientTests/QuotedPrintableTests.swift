// Quoted-printable bodies: escaping, soft line breaks, trailing spaces, line-ending normalisation.
import Foundation
@testable import MailMessage
import Testing

struct QuotedPrintableTests {
    @Test func escapesEqualsSignAndNonASCII() {
        #expect(QuotedPrintable.encode("a=b é") == "a=3Db =C3=A9")
    }

    @Test func encodesTrailingSpaceAndTabOnly() {
        #expect(QuotedPrintable.encode("a b \nc\t") == "a b=20\r\nc=09")
    }

    @Test func leavesLeadingDotAlone() {
        #expect(QuotedPrintable.encode(".\n.hidden") == ".\r\n.hidden")
    }

    @Test(arguments: ["one\ntwo\n", "one\r\ntwo\r\n", "one\rtwo\r"])
    func normalisesLineEndings(input: String) {
        #expect(QuotedPrintable.encode(input) == "one\r\ntwo\r\n")
    }

    @Test func softBreaksKeepLinesWithin76() throws {
        let long = String(repeating: "0123456789é", count: 1000)
        let encoded = QuotedPrintable.encode(long)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        // No escape sequence is cut by a soft break: removing the breaks gives one valid line back.
        let joined = encoded.replacingOccurrences(of: "=\r\n", with: "")
        #expect(joined == String(repeating: "0123456789=C3=A9", count: 1000))
        #expect(!joined.contains("\r\n"))
        #expect(joined.count == 1000 * (10 + 6))
    }

    @Test func lineOfExactly76CharactersIsNotBroken() {
        let line = String(repeating: "x", count: 76)
        #expect(QuotedPrintable.encode(line) == line)
        #expect(QuotedPrintable.encode(line + "x") == String(repeating: "x", count: 75) + "=\r\nxx")
    }
}
