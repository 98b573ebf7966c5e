// LayoutError: a text that cannot be placed without overflowing, said in French and English, naming the field.
public import Documents
import Foundation

/// Layout never lets a text overflow its box or the page and never cuts it silently: when no fitting rule of the
/// template applies, it fails with this error, naming the value, the field and the template line.
public struct LayoutError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Error, Hashable, Sendable {
        /// Wider than its box even at the smallest size the template allows (`minimumSize` nil: no shrinking).
        case doesNotFit(boxWidth: Double, minimumSize: Double?)
        /// Wrapped into more lines than the template allows.
        case tooManyLines(needed: Int, allowed: Int)
        /// The font has no glyph for this character (records are validated so this points to a template or font).
        case uncovered(Unicode.Scalar)
        /// The content goes below the page's bottom margin.
        case pageOverflow(bottom: Double, limit: Double)
    }

    public var source: SourceLocation
    /// The element's `name=` in the template, when it has one (`lastName`, `field3`).
    public var element: String?
    public var text: String
    public var reason: Reason

    public init(source: SourceLocation, element: String?, text: String, reason: Reason) {
        self.source = source
        self.element = element
        self.text = text
        self.reason = reason
    }

    /// One line, French then English, e.g. « … » ne tient pas dans le champ lastName (85,0 mm) même en 7 pt /
    /// does not fit field lastName (85.0 mm) even at 7 pt [certificate.tpl:52].
    public var description: String {
        let field = element.map { " \($0)" } ?? ""
        let quoted = "« \(text) »"
        func mm(_ points: Double) -> String { String(format: "%.1f mm", points * 25.4 / 72) }
        let message: String
        switch reason {
        case let .doesNotFit(width, minimum?):
            message = "\(quoted) ne tient pas dans le champ\(field) (\(mm(width))) même en \(minimum.formatted) pt / does not fit field\(field) (\(mm(width))) even at \(minimum.formatted) pt"
        case let .doesNotFit(width, nil):
            message = "\(quoted) ne tient pas dans le champ\(field) (\(mm(width))) / does not fit field\(field) (\(mm(width)))"
        case let .tooManyLines(needed, allowed):
            message = "\(quoted) demande \(needed) lignes, le champ\(field) en permet \(allowed) / needs \(needed) lines, field\(field) allows \(allowed)"
        case let .uncovered(scalar):
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true)
            message = "le caractère « \(scalar) » (\(code)) de \(quoted) n'existe pas dans la police / character \(code) is not in the font"
        case let .pageOverflow(bottom, limit):
            message = "\(quoted) dépasse le bas de la page (\(mm(bottom)) > \(mm(limit))) / runs past the page's bottom margin"
        }
        return "\(message) [\(source)]"
    }
}

extension Double {
    /// `7`, `6.5`: a size without a trailing `.0`.
    var formatted: String { self == rounded() ? String(Int(self)) : String(format: "%g", self) }
}
