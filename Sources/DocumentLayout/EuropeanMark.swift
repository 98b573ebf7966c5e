// EuropeanMark: the EU emblem of the card and certificate, drawn with display-list shapes (no image file).
public import DisplayList
import Foundation

/// The flag's geometry (EU graphic specifications): twelve five-pointed stars, one point up, on a circle whose
/// radius is a third of the height, each star inscribed in a circle of a eighteenth of the height, placed like the
/// hours of a clock face.
public enum EuropeanMark {
    /// The field, the twelve stars and the white square, in painting order (the code's text is added by layout).
    public static func shapes(in frame: Rect, field: Color, stars: Color, square: Double) -> [Shape] {
        let centre = Point(x: frame.minX + frame.size.width / 2, y: frame.minY + frame.size.height / 2)
        let ring = frame.size.height / 3
        let starRadius = frame.size.height / 18
        var shapes = [Shape(path: .rectangle(frame), fill: field)]
        for hour in 0..<12 {
            let angle = Double(hour) * Double.pi / 6
            let star = Point(x: centre.x + ring * sin(angle), y: centre.y - ring * cos(angle))
            shapes.append(Shape(path: starPath(centre: star, radius: starRadius), fill: stars))
        }
        let squareFrame = Rect(x: centre.x - square / 2, y: centre.y - square / 2, width: square, height: square)
        shapes.append(Shape(path: .rectangle(squareFrame), fill: .white))
        return shapes
    }

    /// A regular five-pointed star, one point straight up (y grows downwards on the page).
    static func starPath(centre: Point, radius: Double) -> Path {
        // Inner radius of a regular pentagram: sin 18° / sin 126° of the outer one.
        let inner = radius * sin(Double.pi / 10) / sin(7 * Double.pi / 10)
        var elements: [Path.Element] = []
        for vertex in 0..<10 {
            let r = vertex.isMultiple(of: 2) ? radius : inner
            let angle = Double(vertex) * Double.pi / 5
            let point = Point(x: centre.x + r * sin(angle), y: centre.y - r * cos(angle))
            elements.append(vertex == 0 ? .move(point) : .line(point))
        }
        elements.append(.close)
        return Path(elements)
    }
}

extension Path {
    /// A rectangle with quarter-circle corners (cubic approximation, k = 0.5523), clockwise on the page.
    static func roundedRectangle(_ r: Rect, radius: Double) -> Path {
        guard radius > 0 else { return .rectangle(r) }
        let k = radius * 0.552_284_749_8
        return Path([
            .move(Point(x: r.minX + radius, y: r.minY)),
            .line(Point(x: r.maxX - radius, y: r.minY)),
            .cubic(control1: Point(x: r.maxX - radius + k, y: r.minY), control2: Point(x: r.maxX, y: r.minY + radius - k),
                   end: Point(x: r.maxX, y: r.minY + radius)),
            .line(Point(x: r.maxX, y: r.maxY - radius)),
            .cubic(control1: Point(x: r.maxX, y: r.maxY - radius + k), control2: Point(x: r.maxX - radius + k, y: r.maxY),
                   end: Point(x: r.maxX - radius, y: r.maxY)),
            .line(Point(x: r.minX + radius, y: r.maxY)),
            .cubic(control1: Point(x: r.minX + radius - k, y: r.maxY), control2: Point(x: r.minX, y: r.maxY - radius + k),
                   end: Point(x: r.minX, y: r.maxY - radius)),
            .line(Point(x: r.minX, y: r.minY + radius)),
            .cubic(control1: Point(x: r.minX, y: r.minY + radius - k), control2: Point(x: r.minX + radius - k, y: r.minY),
                   end: Point(x: r.minX + radius, y: r.minY)),
            .close,
        ])
    }
}
