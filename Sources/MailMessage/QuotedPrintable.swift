// Quoted-printable body encoding (RFC 2045 §6.7), so that UTF-8 text travels over 7-bit SMTP unchanged.

enum QuotedPrintable {
    /// Lines are at most 76 characters, joined by CRLF; LF, CRLF and CR input line endings all become CRLF.
    /// A leading "." is left alone: dot-stuffing belongs to the SMTP layer.
    static func encode(_ text: String) -> String {
        lines(of: Array(text.utf8)).map(encodeLine).joined(separator: "\r\n")
    }

    /// Splits on CRLF, LF or a lone CR (bytes, because Swift treats "\r\n" as one Character).
    static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(bytes[start..<index])
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                start = index + 1
            }
            index += 1
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>) -> String {
        var output = "", current = 0
        for (offset, byte) in zip(line.indices, line) {
            let isLast = offset == line.index(before: line.endIndex)
            // Spaces and tabs stay literal except at the end of a line, where transports may strip them.
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !isLast)
            let token = literal ? String(UnicodeScalar(byte)) : "=" + hex(byte)
            // Keep room for the "=" of a soft line break, except for the line's last token.
            if current + token.count > (isLast ? 76 : 75) {
                output += "=\r\n"
                current = 0
            }
            output += token
            current += token.count
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
