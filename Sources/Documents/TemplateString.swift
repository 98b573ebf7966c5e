// TemplateString: a template's quoted text, split once into literal parts and `{binding}` names.

/// "Né(e) le {birthDate}" → [.literal("Né(e) le "), .binding("birthDate")]. Parsed when the template loads, so
/// binding a record is only concatenation.
public struct TemplateString: Hashable, Sendable {
    public enum Segment: Hashable, Sendable {
        case literal(String)
        case binding(String)
    }

    public let segments: [Segment]

    /// Splits `text` at `{name}`; a `{` without its `}`, an empty name or a stray `}` is an error (its message).
    init(parsing text: String) throws(TemplateStringError) {
        var segments: [Segment] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "{" {
                guard let close = text[index...].firstIndex(of: "}") else {
                    throw TemplateStringError(message: "“{” without its closing “}” in \"\(text)\"")
                }
                let name = String(text[text.index(after: index)..<close])
                guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                    throw TemplateStringError(message: "“{\(name)}” is not a binding name (letters and digits only) in \"\(text)\"")
                }
                if !literal.isEmpty { segments.append(.literal(literal)); literal = "" }
                segments.append(.binding(name))
                index = text.index(after: close)
            } else if character == "}" {
                throw TemplateStringError(message: "“}” without an opening “{” in \"\(text)\"")
            } else {
                literal.append(character)
                index = text.index(after: index)
            }
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        self.segments = segments
    }

    /// The names this string binds, in order.
    public var bindingNames: [String] {
        segments.compactMap { if case .binding(let name) = $0 { name } else { nil } }
    }

    /// The fixed text (labels), for the start-up check that the fonts can draw every character.
    public var literalText: String {
        segments.map { if case .literal(let text) = $0 { text } else { "" } }.joined()
    }

    /// The string with every binding replaced by the record's value.
    public func resolved(with bindings: Bindings) -> String {
        if segments.count == 1, case .literal(let text) = segments[0] { return text }
        var result = ""
        for segment in segments {
            switch segment {
            case .literal(let text): result += text
            case .binding(let name): result += bindings.text(name)
            }
        }
        return result
    }
}

struct TemplateStringError: Error {
    var message: String
}
