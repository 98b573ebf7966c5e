// TemplateError: why a template file could not be loaded, naming the file, the line and what is wrong.

/// A broken template is a configuration error, found when the templates load (once, at start-up): it speaks to the
/// person editing Templates/, in English, as `path:line: what is wrong`.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The template file's path as it was opened.
    public var path: String
    /// 1-based line number; 0 when the problem is the file as a whole (unreadable, missing).
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
}
