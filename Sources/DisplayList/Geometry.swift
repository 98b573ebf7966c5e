// Geometry: points, sizes and rectangles of a page, in PostScript points with the origin at the top left.

/// 1/72 inch. Layout works in points; templates speak millimetres and convert once.
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

public struct Size: Hashable, Sendable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }

    /// ISO 216 A4, 210 × 297 mm.
    public static let a4 = Size(millimetres: 210, 297)
    /// ISO/IEC 7810 ID-1, the card format: 85.60 × 53.98 mm.
    public static let id1 = Size(millimetres: 85.60, 53.98)

    public init(millimetres width: Double, _ height: Double) {
        self.init(width: Length.points(millimetres: width), height: Length.points(millimetres: height))
    }
}

public struct Rect: Hashable, Sendable {
    public var origin: Point
    public var size: Size
    public init(origin: Point, size: Size) { self.origin = origin; self.size = size }
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.init(origin: Point(x: x, y: y), size: Size(width: width, height: height))
    }
    public var minX: Double { origin.x }
    public var minY: Double { origin.y }
    public var maxX: Double { origin.x + size.width }
    public var maxY: Double { origin.y + size.height }
}

/// Unit conversions, in one place so that no backend rounds differently.
public enum Length {
    public static let pointsPerInch = 72.0
    public static let millimetresPerInch = 25.4
    public static func points(millimetres: Double) -> Double { millimetres * pointsPerInch / millimetresPerInch }
    public static func millimetres(points: Double) -> Double { points * millimetresPerInch / pointsPerInch }
    /// Pixels for a length in points at a density in dots per inch.
    public static func pixels(points: Double, dpi: Double) -> Double { points * dpi / pointsPerInch }
}
