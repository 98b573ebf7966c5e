// Bindings: the record's values a template may name, as resolved strings (`{lastName}` → "DUPONT").

/// What a binding holds: one string, or a list of strings (one item a line, e.g. an acknowledgement's next steps).
public enum BindingValue: Hashable, Sendable {
    case text(String)
    case list([String])

    var isEmpty: Bool {
        switch self {
        case .text(let text): text.isEmpty
        case .list(let items): items.isEmpty
        }
    }
}

/// The shape of a binding, declared per document kind so that a template naming an unknown value, or a list where
/// a string is expected, fails when the template is loaded rather than when a record is rendered.
public enum BindingShape: String, Hashable, Sendable {
    case text
    case list
}

/// The values of one record, by binding name. Built per render; names are fixed by `DocumentKind.bindingSchema`.
public struct Bindings: Hashable, Sendable {
    public private(set) var values: [String: BindingValue]

    public init(_ values: [String: BindingValue] = [:]) { self.values = values }

    public subscript(name: String) -> BindingValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// The text of a text binding ("" when it is absent or a list, which the schema check at load rules out).
    public func text(_ name: String) -> String {
        if case .text(let text)? = values[name] { return text }
        return ""
    }

    /// The items of a list binding.
    public func list(_ name: String) -> [String] {
        if case .list(let items)? = values[name] { return items }
        return []
    }
}
