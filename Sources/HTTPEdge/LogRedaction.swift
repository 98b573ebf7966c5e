// LogRedaction: masks what could identify a person in text bound for the logs (NIRs, e-mail addresses, tokens).

/// Structured log fields use `NIR.masked` and `PersonName.masked` directly; this is for free text we do not
/// control, such as a database error's message, which may quote a value.
package enum LogRedaction {
    package static func redact(_ text: String) -> String {
        maskingNumbers(text.split(separator: " ", omittingEmptySubsequences: false).map(redactWord).joined(separator: " "))
    }

    private static func redactWord(_ word: Substring) -> String {
        if word.contains("@") { return "[email]" }
        // A JWT is three base64url parts separated by dots.
        if word.split(separator: ".").count == 3, word.count > 40 { return "[token]" }
        return String(word)
    }

    /// Characters a person puts between the groups of a number they copy (`1 85 03 75 120 006 96`, `185.03.75…`,
    /// `1-85-03…`), including the no-break spaces a word processor or a French locale inserts.
    private static let groupSeparators: Set<Character> = [" ", "\t", "\u{A0}", "\u{202F}", "\u{2009}", ".", "-", "_", "/"]

    /// Any run of 13 or more digits (2A/2B allowed after the first digit), in one block or in groups joined by one
    /// separator each, may be a NIR or a card number: the whole run is masked. Digits of any script count.
    private static func maskingNumbers(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            guard isDigit(characters[index]) else {
                result.append(characters[index])
                index += 1
                continue
            }
            // The run: digits and letters A/B, with single separators between them; it ends before a separator that
            // is not followed by a digit.
            var end = index, count = 0, cursor = index
            while cursor < characters.count {
                let character = characters[cursor]
                if isDigit(character) || (count > 0 && (character == "A" || character == "B" || character == "a" || character == "b")) {
                    count += 1
                    cursor += 1
                    end = cursor
                } else if groupSeparators.contains(character), cursor + 1 < characters.count, isDigit(characters[cursor + 1])
                            || (cursor + 2 < characters.count && "AaBb".contains(characters[cursor + 1]) && isDigit(characters[cursor + 2])) {
                    cursor += 1
                } else {
                    break
                }
            }
            if count >= 13 {
                result += "[number]"
            } else {
                result += String(characters[index..<end])
            }
            index = end
        }
        return result
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isWholeNumber && character.wholeNumberValue.map { (0...9).contains($0) } == true && character.unicodeScalars.count == 1
    }
}
