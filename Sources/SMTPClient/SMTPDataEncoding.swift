// The message as sent after DATA (RFC 5321 §4.5.2): CRLF lines, dot-stuffed, closed by "." alone on a line.

enum SMTPDataEncoding {
    /// Bare LF and bare CR become CRLF, so the relay and its next hop cannot read line ends differently
    /// ("SMTP smuggling"); a line starting with "." gets one more; the payload ends with CRLF "." CRLF.
    static func payload(for message: [UInt8]) -> [UInt8] {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), dot = UInt8(ascii: ".")
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 50 + 5)
        var atLineStart = true, index = 0
        while index < message.count {
            let byte = message[index]
            if byte == cr || byte == lf {
                output += [cr, lf]
                if byte == cr, index + 1 < message.count, message[index + 1] == lf { index += 1 }
                atLineStart = true
            } else {
                if atLineStart, byte == dot { output.append(dot) }
                output.append(byte)
                atLineStart = false
            }
            index += 1
        }
        if !atLineStart { output += [cr, lf] }
        output += [dot, cr, lf]
        return output
    }

    /// Whether the body needs `BODY=8BITMIME` (RFC 6152).
    static func has8BitBytes(_ message: [UInt8]) -> Bool {
        message.contains { $0 >= 0x80 }
    }
}
