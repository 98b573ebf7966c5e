// DocumentLayout+Seal: the seal's symbol as filled rectangles on a white quiet zone, its caption lines under it.
import DisplayList
import Documents

extension DocumentLayout {
    /// SEAL.md: vector modules in the PDF, crisp ones in the PNG. Each row's horizontal runs of dark modules
    /// become one rectangle, so a 52 × 52 symbol is a few hundred rectangles in one path rather than 1,400 shapes;
    /// the runs never overlap, so the non-zero fill of both backends paints exactly the modules.
    func place(_ seal: SealBlock, flow: inout Flow, into items: inout [Item]) throws(LayoutError) {
        let top = flow.resolve(seal.y)
        // No seal attached: nothing drawn, but the next element's "same" still means this block's top.
        guard let symbol = seal.symbol else { flow.previous = top; return }
        let module = seal.module
        let quiet = Double(SealBlock.quietZoneModules) * module
        let side = Double(symbol.size) * module + 2 * quiet
        func failure(_ reason: LayoutError.Reason) -> LayoutError {
            LayoutError(source: seal.source, element: "seal", text: seal.caption.joined(separator: " "), reason: reason)
        }
        guard side <= seal.width + TextFitter.tolerance else {
            throw failure(.doesNotFit(boxWidth: seal.width, minimumSize: nil))
        }
        let left: Double = switch seal.alignment {
        case .left: seal.x
        case .right: seal.x + seal.width - side
        case .centre: seal.x + (seal.width - side) / 2
        }
        items.append(.shape(Shape(path: .rectangle(Rect(x: left, y: top, width: side, height: side)), fill: .white)))
        items.append(.shape(Shape(path: Self.modulePath(symbol, origin: Point(x: left + quiet, y: top + quiet), module: module),
                                  fill: .black)))
        // Caption lines wrap (an address longer than the box breaks rather than overflows), at most 3 lines each.
        var baseline = top + side + seal.captionStyle.size * 1.2 - seal.captionStyle.leading
        for line in seal.caption {
            try checkCoverage(line, font: seal.captionStyle.font) { failure($0) }
            let fitted: [FittedLine]
            do { fitted = try fitter.fit(line, style: seal.captionStyle, boxWidth: seal.width, fit: .wrap(maxLines: 3)) } catch {
                throw failure(error)
            }
            for piece in fitted {
                baseline += seal.captionStyle.leading
                let x: Double = switch seal.alignment {
                case .left: seal.x
                case .right: seal.x + seal.width - piece.width
                case .centre: seal.x + (seal.width - piece.width) / 2
                }
                items.append(.text(TextRun(origin: Point(x: x, y: baseline), text: piece.text, font: seal.captionStyle.font,
                                           size: piece.size, color: seal.captionStyle.color,
                                           horizontalScale: seal.captionStyle.scale, width: piece.width)))
            }
        }
        let extent = baseline - measuring.descender(of: seal.captionStyle.font) * seal.captionStyle.size
        try flow.advance(top: top, bottom: max(baseline, top + side), extent: max(extent, top + side), position: seal.y, error: failure)
    }

    /// One rectangle per horizontal run of dark modules, top row first.
    static func modulePath(_ symbol: SealSymbol, origin: Point, module: Double) -> Path {
        var elements: [Path.Element] = []
        for row in 0..<symbol.size {
            var column = 0
            while column < symbol.size {
                guard symbol[row, column] else { column += 1; continue }
                let start = column
                while column < symbol.size, symbol[row, column] { column += 1 }
                let rect = Rect(x: origin.x + Double(start) * module, y: origin.y + Double(row) * module,
                                width: Double(column - start) * module, height: module)
                elements += Path.rectangle(rect).elements
            }
        }
        return Path(elements)
    }
}
