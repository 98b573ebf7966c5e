// DocumentLayout+Seal: the seal's symbol as filled rectangles on a white quiet zone, its caption lines under it.
import DisplayList
public import Documents

extension DocumentLayout {
    /// SEAL.md: vector modules in the PDF, crisp ones in the PNG. The dark modules are covered by a few hundred
    /// rectangles in one path rather than 1,400 shapes; the rectangles never overlap, so the non-zero fill of both
    /// backends paints exactly the modules.
    func place(_ seal: SealBlock, flow: inout Flow, into items: inout [Item]) throws(LayoutError) {
        let top = flow.resolve(seal.y)
        // No seal attached: nothing drawn, but the next element's "same" still means this block's top.
        guard let symbol = seal.symbol else { flow.previous = top; flow.previousBottom = top; return }
        let module = seal.module
        let quiet = Double(SealBlock.quietZoneModules) * module
        let side = Double(symbol.size) * module + 2 * quiet
        func failure(_ reason: LayoutError.Reason) -> LayoutError {
            LayoutError(source: seal.source, element: "seal", text: seal.caption.joined(separator: " "), reason: reason)
        }
        guard side <= seal.width + TextFitter.tolerance else {
            throw failure(.doesNotFit(boxWidth: seal.width, minimumSize: nil))
        }
        let left = Self.left(of: side, in: seal.x, seal.width, seal.alignment)
        items.append(.shape(Shape(path: .rectangle(Rect(x: left, y: top, width: side, height: side)), fill: .white)))
        items.append(.shape(Shape(path: Self.modulePath(symbol, origin: Point(x: left + quiet, y: top + quiet), module: module),
                                  fill: .black)))
        // The caption lines are texts of the box, placed as any text is (coverage, wrapping to 3 lines, alignment),
        // one leading apart, the first a line's height under the symbol; their own flow checks the page's bottom.
        var captions = Flow(limit: flow.limit)
        for (index, line) in seal.caption.enumerated() {
            let y: VerticalPosition = index == 0 ? .absolute(top + side + seal.captionStyle.size * 1.2) : .below(seal.captionStyle.leading)
            try place(TextBlock(name: "seal", source: seal.source, x: seal.x, y: y, width: seal.width, style: seal.captionStyle,
                                alignment: seal.alignment, fit: Self.captionFit, text: line),
                      page: Size(width: seal.x + seal.width, height: flow.limit), flow: &captions, into: &items)
        }
        let bottom = max(captions.cursor, top + side)
        let extent = seal.caption.isEmpty ? bottom : bottom - measuring.descender(of: seal.captionStyle.font) * seal.captionStyle.size
        try flow.advance(top: top, bottom: bottom, extent: extent, position: seal.y, error: failure)
    }

    /// Each caption line (the id, the verification address) takes two lines at most: an id of 40 characters does,
    /// and a deployment's verification address is checked at start (`checkCaption`), so a seal's height is bounded.
    static let captionFit = Fit.wrap(maxLines: 2, minimumSize: 5)

    /// Throws unless `line` fits under `seal` as a caption line (the service checks its verification address).
    public func checkCaption(_ line: String, under seal: SealBlock) throws(LayoutError) {
        do { _ = try fitter.fit(line, style: seal.captionStyle, boxWidth: seal.width, fit: Self.captionFit) } catch {
            throw LayoutError(source: seal.source, element: "seal", text: line, reason: error)
        }
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
