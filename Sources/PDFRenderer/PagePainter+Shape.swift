// PagePainter+Shape: filled and stroked paths (lines and cubic Béziers), non-zero winding.

import CHaru
import DisplayList

extension PagePainter {
    mutating func draw(_ shape: Shape) throws {
        // A shape with neither fill nor stroke paints nothing; writing its path would only add bytes.
        guard shape.fill != nil || shape.stroke != nil, !shape.path.elements.isEmpty else { return }
        if let fill = shape.fill { try setFill(fill) }
        if let stroke = shape.stroke { try setStroke(stroke.color, width: stroke.width) }
        for element in shape.path.elements {
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
}
