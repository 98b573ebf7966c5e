// TemplateLibrary: the four templates, read and parsed once per process from Templates/.
import Foundation

/// Every document's template, loaded together so that one broken file stops start-up, not a later render.
public struct TemplateLibrary: Sendable {
    private let templates: [Template]

    /// Loads `KIND.tpl` for every document kind from `directory`.
    public init(directory: String) throws(TemplateError) {
        var loaded: [Template] = []
        for kind in DocumentKind.allCases {
            loaded.append(try Self.load(path: (directory as NSString).appendingPathComponent(kind.templateFileName), kind: kind))
        }
        templates = loaded
    }

    /// The template of `kind`.
    public func template(for kind: DocumentKind) -> Template {
        templates[DocumentKind.allCases.firstIndex(of: kind)!]
    }

    /// All templates, in `DocumentKind` order.
    public var all: [Template] { templates }

    /// Reads and parses one template file.
    public static func load(path: String, kind: DocumentKind) throws(TemplateError) -> Template {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TemplateError(path: path, line: 0, message: "cannot read the template file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(path: path, line: 0, message: "the file is not UTF-8 text")
        }
        return try parse(text, path: path, kind: kind)
    }

    /// Parses template text (tests give broken texts here; `path` only names it in errors).
    public static func parse(_ text: String, path: String, kind: DocumentKind) throws(TemplateError) -> Template {
        try TemplateParser.parse(text, path: path, kind: kind)
    }
}
