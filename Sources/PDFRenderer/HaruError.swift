// HaruError: a libharu failure, as libharu's error callback reported it, with the call that failed.

/// An error raised by libharu. `code` and `detail` are libharu's (`HPDF_*` error numbers, see hpdf_error.h);
/// `operation` names the call. These mean a bug or an exhausted machine, not a bad record: records are validated
/// before rendering, so the message is for the operator.
public struct HaruError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: UInt
    public var detail: UInt
    public var operation: String

    public init(code: UInt, detail: UInt, operation: String) {
        self.code = code
        self.detail = detail
        self.operation = operation
    }

    public var description: String {
        "libharu error 0x\(String(code, radix: 16, uppercase: true)) (detail \(detail)) in \(operation)"
    }
}

/// Why the PDF backend refuses a document: a page it cannot draw faithfully (layout and record validation should
/// make these impossible; the backend still refuses rather than draw a wrong glyph), or a missing colour profile.
public enum PDFRendererError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A character outside what the embedded fonts carry (ISO 8859-1..4, Latin Extended-A and common
    /// punctuation).
    case unsupportedCharacter(Unicode.Scalar, text: String)
    /// An image whose pixel buffer does not match its size.
    case invalidImage(width: Int, height: Int)
    /// The ICC profile of the PDF/A output intent is missing or unusable (an installation problem).
    case unreadableColorProfile(path: String, reason: String)
    /// The libharu loaded at run time is not the one PDFRenderer reads the internal structures of.
    case unsupportedLibharu(found: String, required: String)

    public var description: String {
        switch self {
        case let .unsupportedLibharu(found, required):
            "libharu \(found) is loaded, but PDFRenderer reads libharu \(required)'s internal structures and requires it (Debian libhpdf-dev 2.3.0)"
        case let .unsupportedCharacter(scalar, text):
            "cannot embed U+\(String(scalar.value, radix: 16, uppercase: true)) of \"\(text)\" in a PDF"
        case let .invalidImage(width, height):
            "invalid image \(width) × \(height)"
        case let .unreadableColorProfile(path, reason):
            "cannot use \(path) as the PDF/A colour profile: \(reason) (Debian package icc-profiles-free)"
        }
    }
}
