// Paint: the colours and strokes of display-list items.

/// An opaque sRGB colour, 8 bits a channel (documents use flat colours only).
public struct Color: Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public init(red: UInt8, green: UInt8, blue: UInt8) { self.red = red; self.green = green; self.blue = blue }

    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 255, green: 255, blue: 255)
}

public struct Stroke: Hashable, Sendable {
    public var color: Color
    /// Line width in points.
    public var width: Double
    public init(color: Color, width: Double) { self.color = color; self.width = width }
}
