// DocumentLayout+Seal: the seal's symbol as filled rectangles on a white quiet zone, its caption lines under it.
import DisplayList
import Documents

extension DocumentLayout {
    /// SEAL.md: vector modules in the PDF, crisp ones in the PNG. The dark modules are covered by a few hundred
    /// rectangles in one path rather than 1,400 shapes; the rectangles never overlap, so the non-zero fill of both
    /// backends paints exactly the modules.
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

    /// Rectangles covering exactly the dark modules, each once: a run of dark modules along a row, extended down
    /// over the rows where the same columns are dark too (a symbol's columns of dark modules become one rectangle,
    /// about a third fewer than row runs alone).
    static func modulePath(_ symbol: SealSymbol, origin: Point, module: Double) -> Path {
        let size = symbol.size
        var covered = [Bool](repeating: false, count: size * size)
        var elements: [Path.Element] = []
        func free(_ row: Int, _ column: Int) -> Bool { symbol[row, column] && !covered[row * size + column] }
        for row in 0..<size {
            var column = 0
            while column < size {
                guard free(row, column) else { column += 1; continue }
                let start = column
                while column < size, free(row, column) { column += 1 }
                var height = 1
                while row + height < size, (start..<column).allSatisfy({ free(row + height, $0) }) { height += 1 }
                for covering in row..<(row + height) {
                    for index in start..<column { covered[covering * size + index] = true }
                }
                let rect = Rect(x: origin.x + Double(start) * module, y: origin.y + Double(row) * module,
                                width: Double(column - start) * module, height: Double(height) * module)
                elements += Path.rectangle(rect).elements
            }
        }
        return Path(elements)
    }
}
