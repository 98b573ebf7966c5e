// DocumentLayout: a document description → display-list pages, placing every block in template order.
public import DisplayList
public import Documents

/// Positions, measures and fits each block with the real font metrics. Pure: the same description and metrics give
/// the same page. One page per document (the four documents are one page each): content that would run past the
/// bottom margin is a `LayoutError`, never a silent second page or an overflow.
public struct DocumentLayout: Sendable {
    public let fitter: TextFitter

    public init(measuring: any TextMeasuring) { fitter = TextFitter(measuring: measuring) }

    var measuring: any TextMeasuring { fitter.measuring }

    /// The document's pages; `structured`: with their reading structure (what a tagged PDF needs; a raster does not).
    public func layout(_ description: DocumentDescription, structured: Bool = true) throws(LayoutError) -> [Page] {
        var flow = Flow(limit: description.contentBottom)
        var items: [Item] = []
        items.reserveCapacity(description.blocks.count + 16)
        // The items each block became, for the page's reading structure.
        var blockItems: [Range<Int>] = []
        blockItems.reserveCapacity(description.blocks.count)
        for block in description.blocks {
            let start = items.count
            switch block {
            case .text(let text): try place(text, page: description.pageSize, flow: &flow, into: &items)
            case .list(let list): try place(list, flow: &flow, into: &items)
            case .rect(let rect): try place(rect, flow: &flow, into: &items)
            case .rule(let rule): try place(rule, flow: &flow, into: &items)
            case .mark(let mark): try place(mark, into: &items)
            case .seal(let seal): try place(seal, flow: &flow, into: &items)
            }
            blockItems.append(start..<items.count)
        }
        guard structured else { return [Page(size: description.pageSize, items: items, background: description.background)] }
        let structure = Self.structure(of: description, items: items, blockItems: blockItems)
        return [Page(size: description.pageSize, items: items, background: description.background,
                     structure: structure.elements, artifacts: structure.artifacts)]
    }

    /// The vertical flow: where "+N" positions start from and where "same" goes back to.
    struct Flow {
        let limit: Double
        /// The lowest baseline (texts) or bottom edge (shapes) placed since the last absolutely placed element.
        var cursor: Double = 0
        /// The previous element's first baseline or top edge.
        var previous: Double = 0
        /// The previous element's last baseline or bottom edge.
        var previousBottom: Double = 0

        func resolve(_ position: VerticalPosition) -> Double {
            switch position {
            case .absolute(let y): y
            case .below(let distance): cursor + distance
            case .same(let offset): previous + offset
            case .after(let offset): previousBottom + offset
            }
        }

        /// Records an element from `top` (its y) to `bottom` (its lowest baseline or edge); `extent` is how far ink
        /// goes below (descenders), which must stay above the bottom margin unless the element was placed absolutely.
        mutating func advance(top: Double, bottom: Double, extent: Double, position: VerticalPosition,
                              error: (LayoutError.Reason) -> LayoutError) throws(LayoutError) {
            previous = top
            previousBottom = bottom
            if case .absolute = position {
                // An absolutely placed element starts a new flow (a new column or block of the form).
                cursor = bottom
                return
            }
            guard extent <= limit + TextFitter.tolerance else { throw error(.pageOverflow(bottom: extent, limit: limit)) }
            cursor = max(cursor, bottom)
        }
    }

    /// Where something `width` wide starts when aligned in the box from `x`, `boxWidth` wide.
    static func left(of width: Double, in x: Double, _ boxWidth: Double, _ alignment: Alignment) -> Double {
        switch alignment {
        case .left: x
        case .right: x + boxWidth - width
        case .centre: x + (boxWidth - width) / 2
        }
    }

    func place(_ text: TextBlock, page: Size, flow: inout Flow, into items: inout [Item]) throws(LayoutError) {
        let y = flow.resolve(text.y)
        let boxWidth = text.width ?? (page.width - text.x)
        func failure(_ reason: LayoutError.Reason) -> LayoutError {
            LayoutError(source: text.source, element: text.name, text: text.text, reason: reason)
        }
        try checkCoverage(text.text, font: text.style.font) { failure($0) }
        let lines: [FittedLine]
        do { lines = try fitter.fit(text.text, style: text.style, boxWidth: boxWidth, fit: text.fit) } catch { throw failure(error) }
        var baseline = y
        for (index, line) in lines.enumerated() {
            // A text set smaller to fit its lines keeps its leading in proportion.
            if index > 0 { baseline += text.style.leading * line.size / text.style.size }
            guard !line.text.isEmpty else { continue }
            let x = Self.left(of: line.width, in: text.x, boxWidth, text.alignment)
            items.append(.text(TextRun(origin: Point(x: x, y: baseline), text: line.text, font: text.style.font,
                                       size: line.size, color: text.style.color, horizontalScale: text.style.scale,
                                       width: line.width)))
        }
        let extent = baseline - measuring.descender(of: text.style.font) * (lines.last?.size ?? text.style.size)
        try flow.advance(top: y, bottom: baseline, extent: extent, position: text.y, error: failure)
    }

    private func place(_ list: ListBlock, flow: inout Flow, into items: inout [Item]) throws(LayoutError) {
        let y = flow.resolve(list.y)
        let style = list.style
        var baseline = y - style.leading - list.gap
        for item in list.items {
            func failure(_ reason: LayoutError.Reason) -> LayoutError {
                LayoutError(source: list.source, element: list.name, text: item, reason: reason)
            }
            try checkCoverage(item, font: style.font) { failure($0) }
            let lines: [FittedLine]
            do { lines = try fitter.fit(item, style: style, boxWidth: list.width - list.indent, fit: .wrap(maxLines: nil)) } catch { throw failure(error) }
            baseline += style.leading + list.gap
            items.append(.text(TextRun(origin: Point(x: list.x, y: baseline), text: list.bullet, font: style.font,
                                       size: style.size, color: style.color, horizontalScale: style.scale,
                                       width: fitter.width(list.bullet, style: style))))
            for (index, line) in lines.enumerated() {
                if index > 0 { baseline += style.leading }
                items.append(.text(TextRun(origin: Point(x: list.x + list.indent, y: baseline), text: line.text,
                                           font: style.font, size: style.size, color: style.color,
                                           horizontalScale: style.scale, width: line.width)))
            }
        }
        let bottom = max(baseline, y)
        let extent = bottom - measuring.descender(of: style.font) * style.size
        try flow.advance(top: y, bottom: bottom, extent: extent, position: list.y) {
            LayoutError(source: list.source, element: list.name, text: list.items.last ?? "", reason: $0)
        }
    }

    private func place(_ rect: RectBlock, flow: inout Flow, into items: inout [Item]) throws(LayoutError) {
        let top = flow.resolve(rect.y)
        let frame = Rect(x: rect.x, y: top, width: rect.width, height: rect.height)
        items.append(.shape(Shape(path: .roundedRectangle(frame, radius: rect.radius), fill: rect.fill, stroke: rect.stroke)))
        try flow.advance(top: top, bottom: frame.maxY, extent: frame.maxY, position: rect.y) {
            LayoutError(source: rect.source, element: nil, text: "rect", reason: $0)
        }
    }

    private func place(_ rule: RuleBlock, flow: inout Flow, into items: inout [Item]) throws(LayoutError) {
        let y = flow.resolve(rule.y)
        let path = Path([.move(Point(x: rule.x, y: y)), .line(Point(x: rule.x + rule.width, y: y))])
        items.append(.shape(Shape(path: path, fill: nil, stroke: rule.stroke)))
        try flow.advance(top: y, bottom: y, extent: y, position: rule.y) {
            LayoutError(source: rule.source, element: nil, text: "rule", reason: $0)
        }
    }

    /// The mark is always placed absolutely and takes no part in the flow.
    private func place(_ mark: MarkBlock, into items: inout [Item]) throws(LayoutError) {
        for shape in EuropeanMark.shapes(in: mark.frame, field: mark.field, stars: mark.stars, square: mark.square) {
            items.append(.shape(shape))
        }
        let style = mark.codeStyle
        func failure(_ reason: LayoutError.Reason) -> LayoutError {
            LayoutError(source: mark.source, element: "mark", text: mark.code, reason: reason)
        }
        try checkCoverage(mark.code, font: style.font) { failure($0) }
        let lines: [FittedLine]
        do { lines = try fitter.fit(mark.code, style: style, boxWidth: mark.square, fit: .exact) } catch { throw failure(error) }
        let centre = Point(x: mark.frame.minX + mark.frame.size.width / 2, y: mark.frame.minY + mark.frame.size.height / 2)
        // Capitals centred on the square's middle: the baseline sits half a cap height below it.
        let baseline = centre.y + measuring.capHeight(of: style.font) * style.size / 2
        items.append(.text(TextRun(origin: Point(x: centre.x - lines[0].width / 2, y: baseline), text: mark.code,
                                   font: style.font, size: style.size, color: style.color,
                                   horizontalScale: style.scale, width: lines[0].width)))
    }

    func checkCoverage(_ text: String, font: FontID, failure: (LayoutError.Reason) -> LayoutError) throws(LayoutError) {
        if let scalar = measuring.firstUncovered(in: text, font: font) { throw failure(.uncovered(scalar)) }
    }
}
