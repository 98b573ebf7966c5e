// Item: what a page is made of — a closed set that every backend must handle exhaustively.

/// A face of the document's font family, as the template names it. The backends map it to a font file through
/// the Typography module; the display list only names it.
public struct FontID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public static func < (lhs: FontID, rhs: FontID) -> Bool { lhs.name < rhs.name }
    public var description: String { name }
}

/// One line of text on a single baseline, already measured, fitted and positioned by the layout.
public struct TextRun: Hashable, Sendable {
    /// Left end of the baseline.
    public var origin: Point
    public var text: String
    public var font: FontID
    /// Font size in points.
    public var size: Double
    public var color: Color
    /// Horizontal scaling of the glyphs, 1 = none (D_CARD asks for 0.9: characters compressed to 90 %).
    public var horizontalScale: Double
    /// Width the layout measured (points, scaling included), so that backends and tests can check agreement.
    public var width: Double

    public init(origin: Point, text: String, font: FontID, size: Double, color: Color = .black,
                horizontalScale: Double = 1, width: Double) {
        self.origin = origin
        self.text = text
        self.font = font
        self.size = size
        self.color = color
        self.horizontalScale = horizontalScale
        self.width = width
    }
}

/// A path made of straight lines and cubic Bézier curves, in page points.
public struct Path: Hashable, Sendable {
    public enum Element: Hashable, Sendable {
        case move(Point)
        case line(Point)
        case cubic(control1: Point, control2: Point, end: Point)
        case close
    }

    public var elements: [Element]
    public init(_ elements: [Element]) { self.elements = elements }

    public static func rectangle(_ r: Rect) -> Path {
        Path([.move(r.origin), .line(Point(x: r.maxX, y: r.minY)), .line(Point(x: r.maxX, y: r.maxY)),
              .line(Point(x: r.minX, y: r.maxY)), .close])
    }
}

/// A filled and/or stroked path. Fills use the non-zero winding rule in both backends.
public struct Shape: Hashable, Sendable {
    public var path: Path
    public var fill: Color?
    public var stroke: Stroke?
    public init(path: Path, fill: Color? = nil, stroke: Stroke? = nil) { self.path = path; self.fill = fill; self.stroke = stroke }
}

/// A raster image placed in a rectangle: 8-bit RGB, rows top to bottom.
public struct Image: Hashable, Sendable {
    public var frame: Rect
    public var pixelWidth: Int
    public var pixelHeight: Int
    public var rgb: [UInt8]
    public init(frame: Rect, pixelWidth: Int, pixelHeight: Int, rgb: [UInt8]) {
        precondition(rgb.count == pixelWidth * pixelHeight * 3, "an RGB image needs 3 bytes a pixel")
        self.frame = frame
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.rgb = rgb
    }
}

/// The closed set of things on a page.
public enum Item: Hashable, Sendable {
    case text(TextRun)
    case shape(Shape)
    case image(Image)
}
