// Checks the envelope addresses that go into MAIL FROM:<…> and RCPT TO:<…> verbatim.

enum EnvelopeAddress {
    /// Refuses CR, LF and other control characters (they would end the command and start another) and angle
    /// brackets (they would close the path and let the address add parameters). The sender may be empty:
    /// `MAIL FROM:<>` is the null reverse-path of bounces.
    static func check(_ address: String, role: String, allowEmpty: Bool = false) throws(SMTPError) {
        func refuse(_ reason: String) -> SMTPError {
            SMTPError(kind: .permanent, cause: .invalidAddress, step: role, text: "\(role) address \(reason)")
        }
        if address.isEmpty, !allowEmpty { throw refuse("is empty") }
        if address.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "<" || $0 == ">" }) {
            throw refuse("contains a control character, '<' or '>'")
        }
    }

    /// Non-ASCII addresses need the relay's SMTPUTF8 extension (RFC 6531).
    static func needsSMTPUTF8(_ address: String) -> Bool {
        address.unicodeScalars.contains { !$0.isASCII }
    }
}
