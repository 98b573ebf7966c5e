// SealTransliteration: SEAL.md's mapping of a printed spelling to the seal's repertoire (ŁUKASIEWICZ → LUKASIEWICZ).

import Foundation

/// Writes any text with the seal's repertoire (`A-Z 0-9`, space, `-'./`), as SEAL.md describes.
///
/// Steps, in order:
/// 1. punctuation a keyboard or a word processor substitutes is written plainly: typographic apostrophes and
///    accents used as apostrophes (`’ ‘ ʼ ´ \``) → `'`, dashes and the minus sign → `-`, the soft hyphen dropped;
/// 2. upper case, then compatibility decomposition (NFKD) with combining marks dropped (É→E, Ü→U, Ç→C; NFKD rather
///    than NFD also turns ligatures and variants into plain letters: ﬁ→FI, Ŀ→L, ª→A);
/// 3. `Ł→L Ø→O Đ→D Ð→D Ħ→H Ŧ→T Ŋ→N ı→I ĸ→K ß→SS Æ→AE Þ→TH`, and `Œ→OE`, which SEAL.md does not list but French
///    names need (both cases);
/// 4. any whitespace → space; every other character outside the repertoire (Greek, Cyrillic, symbols, emoji, control
///    characters) is **dropped**: a space in its place would split a name where the person has no break;
/// 5. runs of spaces become one space, and leading and trailing spaces go.
///
/// The function is total (it never fails) and idempotent; the verifier compares the printed spelling with the
/// seal's value after this same mapping.
public enum SealTransliteration {
    /// `text` written with the seal's repertoire (possibly empty, when nothing in it can be written).
    public static func value(_ text: String) -> String {
        var plain = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            // Before decomposition: NFKD would turn ´ into a space and a combining accent.
            if scalar == "\u{00AD}" { continue }
            if let byte = punctuation(scalar) { plain.append(Unicode.Scalar(byte)) } else { plain.append(scalar) }
        }
        let decomposed = String(plain).uppercased().decomposedStringWithCompatibilityMapping
        var bytes: [UInt8] = []
        bytes.reserveCapacity(decomposed.utf8.count)
        for scalar in decomposed.unicodeScalars {
            if let letters = letters[scalar] {
                bytes.append(contentsOf: letters.utf8)
            } else if scalar.isASCII, case let byte = UInt8(scalar.value), SealRepertoire.contains(byte) {
                bytes.append(byte)
            } else if scalar.isASCII, scalar >= "a", scalar <= "z" {
                // NFKD can yield lower case after upper-casing (ª → a).
                bytes.append(UInt8(scalar.value) - 32)
            } else if let byte = punctuation(scalar) {
                bytes.append(byte)
            } else if scalar.properties.isWhitespace {
                bytes.append(UInt8(ascii: " "))
            }
            // Anything else, combining marks included, is dropped.
        }
        return collapsingSpaces(bytes)
    }

    /// The letters SEAL.md maps by hand (they have no decomposition), plus Œ.
    private static let letters: [Unicode.Scalar: String] = [
        "Ł": "L", "ł": "L", "Ø": "O", "ø": "O", "Đ": "D", "đ": "D", "Ð": "D", "ð": "D", "Ħ": "H", "ħ": "H",
        "Ŧ": "T", "ŧ": "T", "Ŋ": "N", "ŋ": "N", "ı": "I", "ĸ": "K", "ß": "SS", "ẞ": "SS", "Æ": "AE", "æ": "AE",
        "Þ": "TH", "þ": "TH", "Œ": "OE", "œ": "OE",
    ]

    /// Apostrophe- and dash-like characters written as the repertoire's `'` and `-`.
    private static func punctuation(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201B}", "\u{02BC}", "\u{02B9}", "\u{0060}", "\u{00B4}", "\u{2032}":
            UInt8(ascii: "'")
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", "\u{FE63}", "\u{FF0D}":
            UInt8(ascii: "-")
        default: nil
        }
    }

    private static func collapsingSpaces(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes where !(byte == UInt8(ascii: " ") && (out.isEmpty || out.last == UInt8(ascii: " "))) {
            out.append(byte)
        }
        if out.last == UInt8(ascii: " ") { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
