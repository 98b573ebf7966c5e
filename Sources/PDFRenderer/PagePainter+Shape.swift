// PagePainter+Shape: filled and stroked paths (lines and cubic Béziers), non-zero winding.

import CHaru
import DisplayList

extension PagePainter {
    mutating func draw(_ shape: Shape) throws {
        // A shape with neither fill nor stroke paints nothing; writing its path would only add bytes.
        guard shape.fill != nil || shape.stroke != nil, !shape.path.elements.isEmpty else { return }
        if let fill = shape.fill { try setFill(fill) }
        if let stroke = shape.stroke { try setStroke(stroke.color, width: stroke.width) }
        let elements = shape.path.elements
        var index = elements.startIndex
        while index < elements.endIndex {
            // An axis-aligned rectangle is written as one `re` operator: a seal's symbol is hundreds of them, and
            // `re` takes a third of the bytes of a move, three lines and a close.
            if let rect = Self.rectangle(elements, at: index) {
                try document.check(HPDF_Page_Rectangle(page, HPDF_REAL(rect.minX), y(rect.maxY), HPDF_REAL(rect.size.width),
                                                       HPDF_REAL(rect.size.height)), "HPDF_Page_Rectangle")
                index += 5
                continue
            }
            let element = elements[index]
            index += 1
            switch element {
            case let .move(p):
                try document.check(HPDF_Page_MoveTo(page, HPDF_REAL(p.x), y(p.y)), "HPDF_Page_MoveTo")
            case let .line(p):
                try document.check(HPDF_Page_LineTo(page, HPDF_REAL(p.x), y(p.y)), "HPDF_Page_LineTo")
            case let .cubic(c1, c2, end):
                try document.check(HPDF_Page_CurveTo(page, HPDF_REAL(c1.x), y(c1.y), HPDF_REAL(c2.x), y(c2.y),
                                                     HPDF_REAL(end.x), y(end.y)), "HPDF_Page_CurveTo")
            case .close:
                try document.check(HPDF_Page_ClosePath(page), "HPDF_Page_ClosePath")
            }
        }
        switch (shape.fill != nil, shape.stroke != nil) {
        case (true, true): try document.check(HPDF_Page_FillStroke(page), "HPDF_Page_FillStroke")
        case (true, false): try document.check(HPDF_Page_Fill(page), "HPDF_Page_Fill")
        case (false, true): try document.check(HPDF_Page_Stroke(page), "HPDF_Page_Stroke")
        case (false, false): break   // excluded by the guard above
        }
    }

    /// The rectangle `Path.rectangle` writes (move, three lines along the axes, close) starting at `index`, if any.
    static func rectangle(_ elements: [Path.Element], at index: Int) -> Rect? {
        guard index + 4 < elements.count, case let .move(a) = elements[index], case let .line(b) = elements[index + 1],
              case let .line(c) = elements[index + 2], case let .line(d) = elements[index + 3], case .close = elements[index + 4],
              a.y == b.y, b.x == c.x, c.y == d.y, d.x == a.x, a.x < b.x, a.y < c.y else { return nil }
        return Rect(x: a.x, y: a.y, width: b.x - a.x, height: c.y - a.y)
    }
}
