// Structure: how a page reads — the logical structure a tagged PDF carries (ISO 32000-1 §14.7–14.8), over the
// page's items.

/// The standard structure types the documents use (ISO 32000-1, 14.8.4).
public enum StructureRole: String, Hashable, Sendable, CaseIterable {
    case heading1 = "H1", heading2 = "H2", paragraph = "P", span = "Span"
    case list = "L", listItem = "LI", label = "Lbl", listBody = "LBody"
    case table = "Table", tableRow = "TR", tableHeader = "TH", tableData = "TD"
    case figure = "Figure"
}

/// One element of the structure: its role, what it holds in reading order, and what a reader needs beside.
public struct StructureElement: Hashable, Sendable {
    public enum Child: Hashable, Sendable {
        case element(StructureElement)
        /// An item of the page, by its index in `Page.items`.
        case item(Int)
    }

    public var role: StructureRole
    public var children: [Child]
    /// What a figure shows, in words (`/Alt`).
    public var alternateText: String?
    /// The language of this element's text when it is not the document's (`/Lang`).
    public var language: String?
    /// A header cell that heads its row (`/Scope /Row`) rather than a column.
    public var headsRow: Bool

    public init(_ role: StructureRole, children: [Child] = [], alternateText: String? = nil, language: String? = nil,
                headsRow: Bool = false) {
        self.role = role
        self.children = children
        self.alternateText = alternateText
        self.language = language
        self.headsRow = headsRow
    }

    /// The same element with every item index moved by `offset` (a page placed on a larger sheet).
    public func shifted(by offset: Int) -> StructureElement {
        var copy = self
        copy.children = children.map { child in
            switch child {
            case .element(let element): .element(element.shifted(by: offset))
            case .item(let index): .item(index + offset)
            }
        }
        return copy
    }

    /// Every item this element holds, in reading order.
    public var items: [Int] {
        children.flatMap { child -> [Int] in
            switch child {
            case .element(let element): element.items
            case .item(let index): [index]
            }
        }
    }
}

/// What an item is when no structure element holds it: decoration (a frame, a rule, a background) or a repeated
/// page element (a footer). Backends mark it so that assistive technology skips it.
public enum ArtifactKind: Hashable, Sendable {
    case layout
    case pagination
}
