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
                // The rectangles after it go into the content stream as one write: libharu formats each number
                // through its own slow real-to-text routine, and a seal has hundreds. The first one went through
                // libharu, so its graphics state knows a path is open and accepts the fill below.
                var bytes: [UInt8] = []
                while let next = Self.rectangle(elements, at: index) {
                    for value in [next.minX, height - next.maxY, next.size.width, next.size.height] {
                        Self.appendNumber(value, to: &bytes)
                        bytes.append(UInt8(ascii: " "))
                    }
                    bytes.append(contentsOf: [UInt8(ascii: "r"), UInt8(ascii: "e"), UInt8(ascii: "\n")])
                    index += 5
                }
                if !bytes.isEmpty {
                    let status = bytes.withUnsafeBufferPointer { HPDF_Stream_Write(contentStream, $0.baseAddress, HPDF_UINT($0.count)) }
                    try document.check(status, "re")
                }
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

    /// `value` with at most 3 decimals (a thousandth of a point is far below any device's resolution), without
    /// trailing zeros: the same bytes for the same value, on every machine.
    static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        var thousandths = Int((value * 1000).rounded())
        if thousandths < 0 { bytes.append(UInt8(ascii: "-")); thousandths = -thousandths }
        appendDigits(thousandths / 1000, minimumCount: 1, to: &bytes)
        var fraction = thousandths % 1000
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var digits = 3
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        appendDigits(fraction, minimumCount: digits, to: &bytes)
    }

    /// Decimal digits of a non-negative integer, zero-padded to `minimumCount`, without a String in between (a
    /// seal writes a few thousand numbers per document).
    private static func appendDigits(_ value: Int, minimumCount: Int, to bytes: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0 || count < minimumCount
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }
}
