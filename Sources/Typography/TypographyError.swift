// TypographyError: why a font could not be loaded or used, naming the file or the face.

public import DisplayList

/// A font problem. These are configuration errors (a missing or broken file under Fonts/, a template naming a
/// face that does not exist), so they speak to the operator, in English, and name what to fix.
public enum TypographyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be read or is not a font FreeType understands.
    case unreadableFont(path: String, reason: String)
    /// A face was asked for that the font set does not have.
    case unknownFace(FontID, available: [FontID])
    /// FreeType or HarfBuzz failed on an operation that should not fail with a valid font.
    case library(operation: String, code: Int32)

    public var description: String {
        switch self {
        case let .unreadableFont(path, reason):
            "cannot load font \(path): \(reason)"
        case let .unknownFace(id, available):
            "unknown font face \"\(id)\" (available: \(available.map(\.name).joined(separator: ", ")))"
        case let .library(operation, code):
            "\(operation) failed (error \(code))"
        }
    }
}
