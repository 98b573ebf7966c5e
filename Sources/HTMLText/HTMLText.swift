// HTMLText: escaping for text and attribute values, the one place HTML is escaped by hand in the project (the
// documents' accessible twins, the notices' HTML part; the pages' templates escape through swift-mustache).

public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities: safe inside elements and quoted attributes.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
