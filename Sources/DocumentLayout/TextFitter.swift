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
        case .wrap(let maxLines, let minimumSize, let abbreviates):
            var size = style.size
            var lines = wrap(text, style: style, size: size, boxWidth: boxWidth)
            if let maxLines, let minimumSize {
                // Wrap first, then set smaller: quarter points, so sizes stay round numbers a person can check.
                while lines.count > maxLines, size - 0.25 >= minimumSize - Self.tolerance {
                    size -= 0.25
                    lines = wrap(text, style: style, size: size, boxWidth: boxWidth)
                }
                // Words so long that each takes a line of its own may still fit when lines are filled to the end
                // (words broken where the line ends): at the largest size that fits that way.
                if lines.count > maxLines {
                    var dense = style.size
                    while dense >= minimumSize - Self.tolerance {
                        let filled = wrap(text, style: style, size: dense, boxWidth: boxWidth, filling: true)
                        if filled.count <= maxLines { (size, lines) = (dense, filled); break }
                        dense -= 0.25
                    }
                }
                // Then, where the template allows it, abbreviate (D_CARD) to what fits in those lines at that size.
                if lines.count > maxLines, abbreviates,
                   let short = Self.abbreviate(text, fits: { self.wrap($0, style: style, size: size, boxWidth: boxWidth).count <= maxLines }) {
                    lines = wrap(short, style: style, size: size, boxWidth: boxWidth)
                }
            }
            if let maxLines, lines.count > maxLines { throw .tooManyLines(needed: lines.count, allowed: maxLines) }
            return lines.map { FittedLine(text: $0, size: size, width: width($0, style: style, size: size)) }
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

    /// Greedy line breaking at spaces. A word wider than a whole line is broken rather than moved: its first piece
    /// fills what is left of the current line, after a hyphen where one falls there, else between characters (an
    /// id such as « N° CERT-0123… » keeps its number sign on the first line). Widths add up (the fonts are set
    /// without kerning), so each word is measured once.
    /// With `filling`, every word that does not fit what is left of a line is broken there (not only those wider than
    /// a whole line): the fewest lines a text can take, for the last resort of a fit.
    func wrap(_ text: String, style: TextStyle, size: Double? = nil, boxWidth: Double, filling: Bool = false) -> [String] {
        let space = width(" ", style: style, size: size)
        var lines: [String] = []
        var current = ""
        var currentWidth = 0.0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let wordWidth = width(word, style: style, size: size)
            if !current.isEmpty, currentWidth + space + wordWidth <= boxWidth + Self.tolerance {
                current += " " + word
                currentWidth += space + wordWidth
                continue
            }
            var rest = word
            var restWidth = wordWidth
            if restWidth > boxWidth + Self.tolerance || filling, !current.isEmpty {
                // Too wide for any line: start it here, on what is left of this line.
                let room = boxWidth - currentWidth - space
                if let piece = Self.longestFittingPiece(of: rest, mustFill: false, atHyphen: !filling, fits: { self.width($0, style: style, size: size) <= room + Self.tolerance }) {
                    current += " " + piece
                    rest = String(rest.dropFirst(piece.count))
                    restWidth = width(rest, style: style, size: size)
                }
            }
            if !current.isEmpty { lines.append(current) }
            while restWidth > boxWidth + Self.tolerance {
                let piece = Self.longestFittingPiece(of: rest, mustFill: true, atHyphen: !filling) { self.width($0, style: style, size: size) <= boxWidth + Self.tolerance }!
                lines.append(piece)
                rest = String(rest.dropFirst(piece.count))
                restWidth = width(rest, style: style, size: size)
            }
            current = rest
            currentWidth = restWidth
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// The longest head of `word` that fits, preferring one that ends with a hyphen (unless not `atHyphen`). When
    /// `mustFill`, at least one character (a line must progress); otherwise nil when not even one character fits.
    static func longestFittingPiece(of word: String, mustFill: Bool, atHyphen: Bool = true, fits: (String) -> Bool) -> String? {
        let characters = Array(word)
        var best = 0
        for length in stride(from: characters.count - 1, through: 1, by: -1) where fits(String(characters[..<length])) {
            best = length
            break
        }
        if best == 0 { return mustFill ? String(characters[..<1]) : nil }
        if atHyphen, let hyphen = characters[..<best].lastIndex(of: "-"), hyphen > 0 { return String(characters[...hyphen]) }
        return String(characters[..<best])
    }
}
