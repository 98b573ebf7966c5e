// RFC 2047 encoded-words and header folding.
import Foundation
@testable import MailMessage
import Testing

struct HeaderEncodingTests {
    @Test func plainASCIIStaysReadable() {
        #expect(HeaderEncoding.fold(header: "Subject", words: HeaderEncoding.textWords("Your card", header: "Subject"))
            == "Subject: Your card")
    }

    @Test func nonASCIIBecomesEncodedWords() {
        #expect(HeaderEncoding.textWords("Prête", header: "Subject") == ["=?UTF-8?B?UHLDqnRl?="])
    }

    @Test(arguments: ["Line\r\nBcc: someone@example.org", "looks =?like?= a word"])
    func controlCharactersAndEncodedWordLookalikesAreEncoded(text: String) {
        let words = HeaderEncoding.textWords(text, header: "Subject")
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") })
        #expect(decode(words) == text)
    }

    @Test func longTextIsFoldedIntoWholeCharacterWords() throws {
        let subject = String(repeating: "Votre attestation européenne est prête ✅ ", count: 6)
        let words = HeaderEncoding.textWords(subject, header: "Subject")
        let folded = HeaderEncoding.fold(header: "Subject", words: words)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(words.allSatisfy { $0.count <= 75 })
        #expect(decode(words) == subject)
        // Each word decodes on its own: no UTF-8 sequence is split between two words.
        for word in words { #expect(decode([word]) != nil) }
    }

    @Test func displayNamesAreQuotedWhenTheyHoldSpecials() {
        #expect(HeaderEncoding.phraseWords("Ameli Docs", header: "From") == ["Ameli", "Docs"])
        #expect(HeaderEncoding.phraseWords("Docs, \"Ameli\"", header: "From") == ["\"Docs, \\\"Ameli\\\"\""])
    }

    private func decode(_ words: [String]) -> String? {
        var bytes = Data()
        for word in words {
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="),
                  let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) else { return nil }
            guard String(data: data, encoding: .utf8) != nil else { return nil }
            bytes += data
        }
        return String(data: bytes, encoding: .utf8)
    }
}
