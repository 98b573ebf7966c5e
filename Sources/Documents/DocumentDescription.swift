// DocumentDescription: a template bound to one record — every string resolved, nothing measured yet.
public import DisplayList

/// What layout receives: the page, the PDF metadata and the blocks in template (painting) order.
public struct DocumentDescription: Hashable, Sendable {
    public var kind: DocumentKind
    public var pageSize: Size
    public var background: Color
    /// The lowest a flowing element may reach, points from the page top (the page's bottom margin).
    public var contentBottom: Double
    public var info: DocumentInfo
    public var blocks: [Block]

    public init(kind: DocumentKind, pageSize: Size, background: Color, contentBottom: Double, info: DocumentInfo,
                blocks: [Block]) {
        self.kind = kind
        self.pageSize = pageSize
        self.background = background
        self.contentBottom = contentBottom
        self.info = info
        self.blocks = blocks
    }

    /// Every string the document shows (texts, list items, the mark's code), in order: for coverage checks and
    /// for tests that look for a mention.
    public var strings: [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .text(let text): [text.text]
            case .list(let list): [list.bullet] + list.items
            case .mark(let mark): [mark.code]
            case .seal(let seal): seal.caption
            case .rect, .rule: []
            }
        }
    }
}
