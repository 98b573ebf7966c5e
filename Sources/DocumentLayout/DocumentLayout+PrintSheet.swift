// DocumentLayout+PrintSheet: the card's print copy — the card face at true size on an A4 sheet, its seal beside it.
public import DisplayList
public import Documents

extension DocumentLayout {
    /// Where the print copy puts things. SEAL.md: the seal goes on the page beside the card outline, never on the
    /// card face, which stays exactly the S2 face the card template draws (the same items, only moved).
    public enum PrintSheet {
        public static let pageSize = Size.a4
        /// The card's top-left corner on the sheet.
        public static let cardOrigin = Point(x: Length.points(millimetres: 20), y: Length.points(millimetres: 20))
        /// The seal's box: from 10 mm right of the card to the right margin, top-aligned with the card.
        public static let sealGap = Length.points(millimetres: 10)
        public static let rightMargin = Length.points(millimetres: 20)
        public static let module = Length.points(millimetres: 0.42)
        public static let captionStyle = TextStyle(font: FontID("sans"), size: 6, color: Color(red: 0x4F, green: 0x55, blue: 0x63),
                                                   leading: 7.5)
    }

    /// The print sheet of a laid-out card face with its seal.
    public func printSheet(card: Page, symbol: SealSymbol, caption: [String]) throws(LayoutError) -> Page {
        let origin = PrintSheet.cardOrigin
        var items: [Item] = []
        // The face's own background (white) under it, since the sheet's PDF page is left transparent.
        items.append(.shape(Shape(path: .rectangle(Rect(origin: origin, size: card.size)), fill: card.background)))
        let offset = items.count
        items += card.items.map { $0.translated(by: origin) }
        let left = origin.x + card.size.width + PrintSheet.sealGap
        let seal = SealBlock(source: SourceLocation(file: "print sheet", line: 0), x: left, y: .absolute(origin.y),
                             width: PrintSheet.pageSize.width - PrintSheet.rightMargin - left, module: PrintSheet.module,
                             alignment: .left, captionStyle: PrintSheet.captionStyle, symbol: symbol, caption: caption)
        var flow = Flow(limit: PrintSheet.pageSize.height)
        let sealStart = items.count
        try place(seal, flow: &flow, into: &items)
        // The sheet reads as the card does, then its seal.
        let structure = card.structure.map { $0.shifted(by: offset) }
            + Self.sealElements(sealStart..<items.count, caption: caption, items: items)
        return Page(size: PrintSheet.pageSize, items: items, background: .white, structure: structure,
                    artifacts: Dictionary(uniqueKeysWithValues: card.artifacts.map { ($0.key + offset, $0.value) }))
    }
}
