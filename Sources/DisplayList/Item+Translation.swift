// Item+Translation: moving laid-out items, to place a finished page (the card face) on a larger sheet.

extension Point {
    public func offset(by delta: Point) -> Point { Point(x: x + delta.x, y: y + delta.y) }
}

extension Item {
    /// The same item moved by `delta` points.
    public func translated(by delta: Point) -> Item {
        switch self {
        case .text(var run):
            run.origin = run.origin.offset(by: delta)
            return .text(run)
        case .shape(var shape):
            shape.path = Path(shape.path.elements.map { element in
                switch element {
                case .move(let point): .move(point.offset(by: delta))
                case .line(let point): .line(point.offset(by: delta))
                case let .cubic(control1, control2, end):
                    .cubic(control1: control1.offset(by: delta), control2: control2.offset(by: delta), end: end.offset(by: delta))
                case .close: .close
                }
            })
            return .shape(shape)
        case .image(var image):
            image.frame = Rect(origin: image.frame.origin.offset(by: delta), size: image.frame.size)
            return .image(image)
        }
    }
}
