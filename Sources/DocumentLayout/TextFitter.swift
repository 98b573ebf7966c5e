// TextFitter: turns one text and its box into measured lines by the template's fitting rule (D_CARD, A4 fields).
import DisplayList
public import Documents

/// A line ready to place: its text, the size it is set at, and its width in points (scaling included).
public struct FittedLine: Hashable, Sendable {
    public var text: String
    public var size: Double
    public var width: Double
}

/// Measures with the real metrics and applies `Fit`: exact, wrap, shrink or abbreviate. Never returns a line wider
/// than the box; throws a `LayoutError.Reason` instead (the caller adds the template line).
public struct TextFitter: Sendable {
    public let measuring: any TextMeasuring
    /// Half a hundredth of a point: floating-point slack when a text is exactly as wide as its box.
    static let tolerance = 0.005

    public init(measuring: any TextMeasuring) { self.measuring = measuring }

    /// Width of `text` in `style` at `size`, horizontal scaling included.
    public func width(_ text: String, style: TextStyle, size: Double? = nil) -> Double {
        measuring.advance(of: text, font: style.font, size: size ?? style.size) * style.scale
    }

    public func fit(_ text: String, style: TextStyle, boxWidth: Double, fit: Fit) throws(LayoutError.Reason) -> [FittedLine] {
        let fits = { (candidate: String) in self.width(candidate, style: style) <= boxWidth + Self.tolerance }
        switch fit {
        case .exact:
            let w = width(text, style: style)
            guard w <= boxWidth + Self.tolerance else { throw .doesNotFit(boxWidth: boxWidth, minimumSize: nil) }
            return [FittedLine(text: text, size: style.size, width: w)]
        case .wrap(let maxLines):
            let lines = wrap(text, style: style, boxWidth: boxWidth)
            if let maxLines, lines.count > maxLines { throw .tooManyLines(needed: lines.count, allowed: maxLines) }
            return lines.map { FittedLine(text: $0, size: style.size, width: width($0, style: style)) }
        case .shrink(let minimumSize):
            let atOnePoint = width(text, style: style, size: 1)
            var size = style.size
            if atOnePoint * size > boxWidth + Self.tolerance {
                // The largest quarter point that fits: sizes stay round numbers a person can check.
                size = (boxWidth / atOnePoint * 4).rounded(.down) / 4
                guard size >= minimumSize else { throw .doesNotFit(boxWidth: boxWidth, minimumSize: minimumSize) }
            }
            return [FittedLine(text: text, size: size, width: atOnePoint * size)]
        case .abbreviate:
            guard let abbreviated = Self.abbreviate(text, fits: fits) else {
                throw .doesNotFit(boxWidth: boxWidth, minimumSize: nil)
            }
            return [FittedLine(text: abbreviated, size: style.size, width: width(abbreviated, style: style))]
        }
    }

    /// D_CARD's rule, a value too long for its field is abbreviated with a full stop, never cut silently:
    /// keep the most whole words that fit, then the next word's initial and "." ("ŁUKASIEWICZ-ØRSTED-V.").
    /// Words are separated by spaces, hyphens and apostrophes, which are kept. When not even one whole word fits,
    /// the first word itself is cut to the longest prefix that fits with its full stop. Nil when nothing fits.
    public static func abbreviate(_ text: String, fits: (String) -> Bool) -> String? {
        if fits(text) { return text }
        let characters = Array(text)
        let separators: Set<Character> = [" ", "-", "'"]
        // Start of each word after the first, longest prefix first.
        let starts = characters.indices.filter { $0 > 0 && separators.contains(characters[$0 - 1]) && !separators.contains(characters[$0]) }
        for start in starts.reversed() {
            let candidate = String(characters[...start]) + "."
            if fits(candidate) { return candidate }
        }
        let firstWordEnd = characters.firstIndex(where: { separators.contains($0) }) ?? characters.count
        for length in stride(from: firstWordEnd - 1, through: 1, by: -1) {
            let candidate = String(characters[..<length]) + "."
            if fits(candidate) { return candidate }
        }
        return nil
    }

    /// Greedy line breaking at spaces; a word wider than the box breaks after a hyphen, or else between characters.
    /// Widths add up (the fonts are set without kerning), so each word is measured once.
    func wrap(_ text: String, style: TextStyle, boxWidth: Double) -> [String] {
        let fits = { (candidate: String) in self.width(candidate, style: style) <= boxWidth + Self.tolerance }
        let space = width(" ", style: style)
        var lines: [String] = []
        var current = ""
        var currentWidth = 0.0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let wordWidth = width(word, style: style)
            if !current.isEmpty, currentWidth + space + wordWidth <= boxWidth + Self.tolerance {
                current += " " + word
                currentWidth += space + wordWidth
                continue
            }
            if !current.isEmpty { lines.append(current) }
            var rest = word
            var restWidth = wordWidth
            while restWidth > boxWidth + Self.tolerance {
                let piece = Self.longestFittingPiece(of: rest, fits: fits)
                lines.append(piece)
                rest = String(rest.dropFirst(piece.count))
                restWidth = width(rest, style: style)
            }
            current = rest
            currentWidth = restWidth
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// The longest head of `word` that fits, preferring one that ends with a hyphen; at least one character.
    static func longestFittingPiece(of word: String, fits: (String) -> Bool) -> String {
        let characters = Array(word)
        var best = 1
        for length in stride(from: characters.count - 1, through: 1, by: -1) where fits(String(characters[..<length])) {
            best = length
            break
        }
        if let hyphen = characters[..<best].lastIndex(of: "-"), hyphen > 0 { return String(characters[...hyphen]) }
        return String(characters[..<best])
    }
}
