// LogRedaction: masks what could identify a person in text bound for the logs (NIRs, e-mail addresses, tokens).

/// Structured log fields use `NIR.masked` and `PersonName.masked` directly; this is for free text we do not
/// control, such as a database error's message, which may quote a value.
enum LogRedaction {
    static func redact(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map(redactWord).joined(separator: " ")
    }

    private static func redactWord(_ word: Substring) -> String {
        if word.contains("@") { return "[email]" }
        // A JWT is three base64url parts separated by dots.
        if word.split(separator: ".").count == 3, word.count > 40 { return "[token]" }
        // Any run of 13 or more digits (with 2A/2B allowed) may be a NIR or a card number.
        var result = "", run = ""
        func flush() { result += run.count >= 13 ? "[number]" : run; run = "" }
        for character in word {
            if character.isASCII && (character.isNumber || ((character == "A" || character == "B") && !run.isEmpty)) {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}
