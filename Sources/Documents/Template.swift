// Template: one document's parsed template file, and how a record is bound into it.
public import DisplayList
import Foundation

/// A parsed `Templates/KIND.tpl`: page, metadata, fonts and the elements in painting order. Immutable and shared:
/// parsed once per process (STYLE "parse once"), bound to many records.
public struct Template: Hashable, Sendable {
    /// What an element shows: nothing (shapes), a text with bindings, or a list binding's items.
    enum Content: Hashable, Sendable {
        case none
        case text(TemplateString)
        case list(String)
    }

    /// One element: its block with geometry and style resolved at load, and what the record fills in.
    struct Element: Hashable, Sendable {
        var block: Block
        var content: Content
        /// The element is shown only when this binding is not empty (`when=holderUsageName`).
        var condition: String?
    }

    public let kind: DocumentKind
    /// The file the template was read from.
    public let path: String
    public let pageSize: Size
    public let background: Color
    public let contentBottom: Double
    let title: TemplateString
    let author: TemplateString
    let elements: [Element]
    /// The faces the template names, each with the line that declared it (checked against the fonts at load).
    public let fontDeclarations: [FontDeclaration]

    /// A `font` line: the face it names and where.
    public struct FontDeclaration: Hashable, Sendable {
        public let face: FontID
        public let source: SourceLocation
    }

    /// Every fixed text of the template (labels, titles, bullets) with the face it is set in and its line: the
    /// pipeline checks at load that the fonts draw each character, so no label ever shows tofu.
    public var literalTexts: [(text: String, font: FontID, source: SourceLocation)] {
        elements.flatMap { element -> [(text: String, font: FontID, source: SourceLocation)] in
            switch (element.block, element.content) {
            case (.text(let block), .text(let string)):
                [(string.literalText, block.style.font, block.source)]
            case (.list(let block), _):
                [(block.bullet, block.style.font, block.source)]
            case (.mark(let block), .text(let string)):
                [(string.literalText, block.codeStyle.font, block.source)]
            default:
                []
            }
        }
    }

    /// The template's seal blocks (the place and style of a seal and its caption), for checks made at load.
    public var sealBlocks: [SealBlock] {
        elements.compactMap { if case .seal(let block) = $0.block { block } else { nil } }
    }

    /// The description of `content`'s document: every binding resolved, elements whose `when` binding is empty
    /// left out. `content` must be of this template's kind (a programming error otherwise).
    public func bind<Content: DocumentContent>(_ content: Content) -> DocumentDescription {
        precondition(Content.kind == kind, "a \(Content.kind.rawValue) record bound into the \(kind.rawValue) template")
        let bindings = content.bindings
        var blocks: [Block] = []
        blocks.reserveCapacity(elements.count)
        for element in elements {
            if let condition = element.condition, bindings[condition]?.isEmpty ?? true { continue }
            switch (element.block, element.content) {
            case (.text(var block), .text(let string)):
                block.text = string.resolved(with: bindings)
                blocks.append(.text(block))
            case (.list(var block), .list(let name)):
                block.items = bindings.list(name)
                blocks.append(.list(block))
            case (.mark(var block), .text(let string)):
                block.code = string.resolved(with: bindings)
                blocks.append(.mark(block))
            case (let block, _):
                blocks.append(block)
            }
        }
        return DocumentDescription(
            kind: kind, pageSize: pageSize, background: background, contentBottom: contentBottom,
            info: content.documentInfo(title: title.resolved(with: bindings), author: author.resolved(with: bindings)),
            blocks: blocks)
    }
}
