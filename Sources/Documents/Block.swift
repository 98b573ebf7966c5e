// Block: one element of a document description (a text, a list, a rectangle, a rule, the European mark),
// positioned in points and carrying resolved strings: what layout measures, fits and places.
public import DisplayList

/// Where a template line came from, so that a layout failure can name it (`card.tpl:31`).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) { self.file = file; self.line = line }
    public var description: String { "\(file):\(line)" }
}

/// A vertical position, in points: absolute from the page top; below the flow (the lowest baseline or bottom
/// edge placed so far); or relative to the element before (its first baseline or top edge), e.g. on the same line
/// (`same`) or inside the rectangle just drawn (`same+6`).
public enum VerticalPosition: Hashable, Sendable {
    case absolute(Double)
    case below(Double)
    case same(offset: Double)
    /// Below the previous element's last line (its lowest baseline, or bottom edge): a text under one that may
    /// wrap, inside a box whose other elements the flow's "+N" would also count.
    case after(offset: Double)
}

public enum Alignment: String, Hashable, Sendable, CaseIterable {
    case left, right, centre
}

/// What layout does with a text wider than its box. Nothing ever overflows: each rule either fits or fails.
public enum Fit: Hashable, Sendable {
    /// One line that must fit as it is, or layout fails naming the element.
    case exact
    /// Break at spaces (then hyphens, then characters) into lines of the box's width, at most `maxLines`; with a
    /// `minimumSize`, a text that needs more lines is set smaller, in quarter points, down to that size (its
    /// leading in proportion) until it takes `maxLines` lines at most. With `abbreviates`, a text that still needs
    /// more lines at `minimumSize` is abbreviated as D_CARD abbreviates a card's name (whole words, then an initial
    /// and a full stop) rather than refused: the last resort, for names of the widest letters only.
    case wrap(maxLines: Int?, minimumSize: Double? = nil, abbreviates: Bool = false)
    /// One line, the size lowered in steps down to `minimumSize`; below that, layout fails.
    case shrink(minimumSize: Double)
    /// One line; whole words are kept while they fit and the next one is cut to its initial and a full stop
    /// (D_CARD: "ŁUKASIEWICZ-ØRSTED-VAN DER BERG" → "ŁUKASIEWICZ-ØRSTED-V.").
    case abbreviate
}

/// Font, size, colour and spacing of a text, as a template's `style` line gives them.
public struct TextStyle: Hashable, Sendable {
    public var font: FontID
    public var size: Double
    public var color: Color
    /// Horizontal scaling of the glyphs (D_CARD: 0.9).
    public var scale: Double
    /// Baseline-to-baseline distance of wrapped lines, in points.
    public var leading: Double
    /// The language of text set in this style when it is not the document's (French): "en" for the English
    /// captions of a bilingual form. The tagged PDF marks such text with it.
    public var language: String?

    public init(font: FontID, size: Double, color: Color = .black, scale: Double = 1, leading: Double? = nil,
                language: String? = nil) {
        self.font = font
        self.size = size
        self.color = color
        self.scale = scale
        self.leading = leading ?? (size * 1.25).rounded(.up)
        self.language = language
    }
}

public struct TextBlock: Hashable, Sendable {
    public var name: String?
    public var source: SourceLocation
    /// Left edge of the box, points from the page's left.
    public var x: Double
    /// The first baseline.
    public var y: VerticalPosition
    /// Width of the box in points; nil means "to the page's right edge" (and then only left alignment).
    public var width: Double?
    public var style: TextStyle
    public var alignment: Alignment
    public var fit: Fit
    public var text: String
    /// The figure this text is part of (the institution's stamp), by the figure's description; nil for text that
    /// is read as text.
    public var figure: String?
    /// Text repeated on every page for layout's sake (a footer): an artifact, not content.
    public var isPagination: Bool

    public init(name: String? = nil, source: SourceLocation, x: Double, y: VerticalPosition, width: Double?,
                style: TextStyle, alignment: Alignment = .left, fit: Fit = .exact, text: String,
                figure: String? = nil, isPagination: Bool = false) {
        self.name = name
        self.source = source
        self.x = x
        self.y = y
        self.width = width
        self.style = style
        self.alignment = alignment
        self.fit = fit
        self.text = text
        self.figure = figure
        self.isPagination = isPagination
    }
}

/// Items one under the other, each wrapped in the box after a bullet.
public struct ListBlock: Hashable, Sendable {
    public var name: String?
    public var source: SourceLocation
    public var x: Double
    public var y: VerticalPosition
    public var width: Double
    public var style: TextStyle
    public var bullet: String
    /// Distance from the bullet to the item's text, points.
    public var indent: Double
    /// Extra space between items, points.
    public var gap: Double
    public var items: [String]

    public init(name: String? = nil, source: SourceLocation, x: Double, y: VerticalPosition, width: Double,
                style: TextStyle, bullet: String, indent: Double, gap: Double, items: [String]) {
        self.name = name
        self.source = source
        self.x = x
        self.y = y
        self.width = width
        self.style = style
        self.bullet = bullet
        self.indent = indent
        self.gap = gap
        self.items = items
    }
}

public struct RectBlock: Hashable, Sendable {
    public var source: SourceLocation
    public var x: Double
    /// The top edge.
    public var y: VerticalPosition
    public var width: Double
    public var height: Double
    public var fill: Color?
    public var stroke: Stroke?
    /// Corner radius in points (0: square corners).
    public var radius: Double
    /// The figure this shape is part of (see `TextBlock.figure`); nil for a frame or a background (an artifact).
    public var figure: String?

    public init(source: SourceLocation, x: Double, y: VerticalPosition, width: Double, height: Double,
                fill: Color?, stroke: Stroke?, radius: Double = 0, figure: String? = nil) {
        self.source = source
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.fill = fill
        self.stroke = stroke
        self.radius = radius
        self.figure = figure
    }
}

/// A horizontal line (a rule between sections).
public struct RuleBlock: Hashable, Sendable {
    public var source: SourceLocation
    public var x: Double
    public var y: VerticalPosition
    public var width: Double
    public var stroke: Stroke

    public init(source: SourceLocation, x: Double, y: VerticalPosition, width: Double, stroke: Stroke) {
        self.source = source
        self.x = x
        self.y = y
        self.width = width
        self.stroke = stroke
    }
}

/// The European mark (EU Decision S2, annex I): a blue rectangle, twelve gold stars in a circle, and the issuing
/// state's ISO code in a white square at the centre.
public struct MarkBlock: Hashable, Sendable {
    public var source: SourceLocation
    public var frame: Rect
    public var field: Color
    public var stars: Color
    /// Side of the white square, points (D_CARD: 4 mm).
    public var square: Double
    public var codeStyle: TextStyle
    public var code: String

    public init(source: SourceLocation, frame: Rect, field: Color, stars: Color, square: Double,
                codeStyle: TextStyle, code: String) {
        self.source = source
        self.frame = frame
        self.field = field
        self.stars = stars
        self.square = square
        self.codeStyle = codeStyle
        self.code = code
    }
}

/// The closed set of description elements; layout handles each exhaustively.
public enum Block: Hashable, Sendable {
    case text(TextBlock)
    case list(ListBlock)
    case rect(RectBlock)
    case rule(RuleBlock)
    case mark(MarkBlock)
    case seal(SealBlock)
}
