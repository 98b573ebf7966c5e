// Header text for 7-bit mail: RFC 2047 encoded-words for anything beyond printable ASCII, folded at 78.
import Foundation

enum HeaderEncoding {
    static let lineLimit = 78
    private static let encodedWordLimit = 75  // RFC 2047 §2

    /// Words of an unstructured header (Subject): kept as they are when printable ASCII, else encoded-words.
    static func textWords(_ text: String, header: String) -> [String] {
        needsEncoding(text) ? encodedWords(text, header: header) : text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    }

    /// A display name: printable ASCII is quoted when it holds specials, anything else becomes encoded-words.
    static func phraseWords(_ name: String, header: String) -> [String] {
        if needsEncoding(name) { return encodedWords(name, header: header) }
        if name.unicodeScalars.allSatisfy(isAtomText) { return name.split(separator: " ").map(String.init) }
        return ["\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""]
    }

    /// RFC 5322 §3.2.3 atext, plus the spaces between atoms: such a name needs no quotes.
    private static func isAtomText(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || " !#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }

    /// `Header: word word…`, breaking before a word that would pass 78 characters (RFC 5322 §2.2.3).
    static func fold(header: String, words: [String]) -> String {
        var lines: [String] = [], line = header + ":"
        for word in words {
            if line.count + 1 + word.count > lineLimit, !word.isEmpty, line != header + ":" {
                lines.append(line)
                line = ""
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// Control characters and "=?" (which a reader would take for an encoded-word) are encoded too.
    static func needsEncoding(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value > 0x7E } || text.contains("=?")
    }

    /// `=?UTF-8?B?…?=` words, each holding whole characters (RFC 2047 §5 forbids splitting one) and sized so
    /// the first fits after `Header: ` and the others after the folding space.
    static func encodedWords(_ text: String, header: String) -> [String] {
        var words: [String] = [], chunk: [UInt8] = []
        var budget = lineLimit - header.count - 2
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > maxBytes(forLength: budget) {
                words.append(encodedWord(chunk))
                chunk = []
                budget = lineLimit - 1
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// Base64 turns each 3 bytes into 4 characters; "=?UTF-8?B?" and "?=" take 12 more.
    private static func maxBytes(forLength length: Int) -> Int {
        3 * ((min(length, encodedWordLimit) - 12) / 4)
    }
}
