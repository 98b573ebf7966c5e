// TemplateLine: one line of a template file split into its keyword, `key=value` attributes and quoted text.

/// `text name=field3 x=24 y=+10pt style=data "{lastName}"` → keyword `text`, attributes, content `{lastName}`.
/// Values are bare words or "double-quoted" (with \" and \\ escapes); `#` outside quotes starts a comment.
struct TemplateLine {
    let number: Int
    let keyword: String
    /// Bare words after the keyword (`colour blue hex=003399`: `blue`).
    let words: [String]
    /// The one quoted string that is not an attribute's value, if any.
    let content: String?
    private(set) var attributes: [String: String]
    /// Attribute names in the order written, for stable error messages.
    private let order: [String]

    /// Nil for a blank or comment-only line.
    init?(_ text: Substring, number: Int) throws(TemplateLineError) {
        var tokens: [(key: String?, value: String, quoted: Bool)] = []
        var index = text.startIndex
        func column(_ i: Substring.Index) -> Int { text.distance(from: text.startIndex, to: i) + 1 }
        while index < text.endIndex {
            let c = text[index]
            if c == " " || c == "\t" { index = text.index(after: index); continue }
            if c == "#" { break }
            var key: String?
            var start = index
            // A bare run up to a space or "=" or a quote.
            while index < text.endIndex, !" \t\"".contains(text[index]) {
                if text[index] == "=" {
                    key = String(text[start..<index])
                    guard !key!.isEmpty else { throw TemplateLineError("“=” without an attribute name at column \(column(index))") }
                    index = text.index(after: index)
                    start = index
                    break
                }
                index = text.index(after: index)
            }
            if index < text.endIndex, text[index] == "\"", start == index {
                // A quoted value: read to the closing quote, honouring \" and \\.
                var value = ""
                var i = text.index(after: index)
                var closed = false
                while i < text.endIndex {
                    let d = text[i]
                    if d == "\\" {
                        let next = text.index(after: i)
                        guard next < text.endIndex, text[next] == "\"" || text[next] == "\\" else {
                            throw TemplateLineError("unknown escape at column \(column(i)) (only \\\" and \\\\ are known)")
                        }
                        value.append(text[next])
                        i = text.index(after: next)
                    } else if d == "\"" {
                        closed = true
                        i = text.index(after: i)
                        break
                    } else {
                        value.append(d)
                        i = text.index(after: i)
                    }
                }
                guard closed else { throw TemplateLineError("unterminated quoted text starting at column \(column(index))") }
                if i < text.endIndex, !" \t".contains(text[i]) {
                    throw TemplateLineError("a space must follow the closing quote at column \(column(i))")
                }
                tokens.append((key, value, true))
                index = i
            } else {
                if key != nil {
                    while index < text.endIndex, !" \t\"".contains(text[index]) { index = text.index(after: index) }
                }
                if index < text.endIndex, text[index] == "\"" {
                    throw TemplateLineError("unexpected quote at column \(column(index)) (quote the whole value)")
                }
                let value = String(text[start..<index])
                if key != nil, value.isEmpty {
                    throw TemplateLineError("attribute “\(key!)” has no value")
                }
                tokens.append((key, value, false))
            }
        }
        guard let first = tokens.first else { return nil }
        guard first.key == nil, !first.quoted else {
            throw TemplateLineError("a line must start with a keyword")
        }
        var words: [String] = []
        var content: String?
        var attributes: [String: String] = [:]
        var order: [String] = []
        for token in tokens.dropFirst() {
            if let key = token.key {
                guard attributes[key] == nil else { throw TemplateLineError("attribute “\(key)” is given twice") }
                attributes[key] = token.value
                order.append(key)
            } else if token.quoted {
                guard content == nil else { throw TemplateLineError("only one quoted text is allowed on a line") }
                content = token.value
            } else {
                words.append(token.value)
            }
        }
        self.number = number
        self.keyword = first.value
        self.words = words
        self.content = content
        self.attributes = attributes
        self.order = order
    }

    /// Fails on any attribute not in `allowed`, listing the allowed ones.
    func allow(_ allowed: [String]) throws(TemplateLineError) {
        for key in order where !allowed.contains(key) {
            throw TemplateLineError("unknown attribute “\(key)” for \(keyword) (allowed: \(allowed.joined(separator: ", ")))")
        }
    }

    func optional(_ key: String) -> String? { attributes[key] }

    func required(_ key: String) throws(TemplateLineError) -> String {
        guard let value = attributes[key] else { throw TemplateLineError("\(keyword) needs the attribute “\(key)”") }
        return value
    }
}

struct TemplateLineError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
