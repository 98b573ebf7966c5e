// DocumentLayout+Structure: the page's reading structure, from the reading parts of its description and the items
// each block was laid out into.
import DisplayList
import Documents

extension DocumentLayout {
    /// The tagged structure of a laid-out page: `DocumentReading`'s parts (the HTML twin's), each over the items its
    /// blocks became. Consecutive rows make one table; a style's language marks its text; pagination blocks are
    /// pagination artifacts; items no part names (frames, rules, backgrounds) are layout artifacts.
    static func structure(of description: DocumentDescription, items: [Item], blockItems: [Range<Int>])
        -> (elements: [StructureElement], artifacts: [Int: ArtifactKind]) {
        var elements: [StructureElement] = []
        var rows: [StructureElement.Child] = []
        func flushTable() {
            guard !rows.isEmpty else { return }
            elements.append(StructureElement(.table, children: rows))
            rows = []
        }
        /// The items of `blocks`, each block's text in its style's language when that is not the element's.
        func content(_ blocks: [Int], filter: (Item) -> Bool = { _ in true }) -> (children: [StructureElement.Child], language: String?) {
            let languages = blocks.map { language(of: description.blocks[$0]) }
            let shared = Set(languages).count == 1 ? languages.first ?? nil : nil
            var children: [StructureElement.Child] = []
            for (block, blockLanguage) in zip(blocks, languages) {
                let own = blockItems[block].filter { filter(items[$0]) }.map(StructureElement.Child.item)
                if let blockLanguage, blockLanguage != shared, !own.isEmpty {
                    children.append(.element(StructureElement(.span, children: own, language: blockLanguage)))
                } else {
                    children += own
                }
            }
            return (children, shared)
        }
        func element(_ role: StructureRole, _ blocks: [Int], headsRow: Bool = false) -> StructureElement? {
            let (children, language) = content(blocks)
            return children.isEmpty ? nil : StructureElement(role, children: children, language: language, headsRow: headsRow)
        }

        for part in DocumentReading.parts(description) {
            if case .row = part {} else { flushTable() }
            switch part {
            case .heading(let level, _, let blocks):
                if let heading = element(level == 1 ? .heading1 : .heading2, blocks) { elements.append(heading) }
            case .paragraph(_, let blocks):
                if let paragraph = element(.paragraph, blocks) { elements.append(paragraph) }
            case .row(_, _, let headerBlocks, let valueBlocks):
                var cells: [StructureElement.Child] = []
                if let header = element(.tableHeader, headerBlocks, headsRow: true) { cells.append(.element(header)) }
                if let value = element(.tableData, valueBlocks) { cells.append(.element(value)) }
                if !cells.isEmpty { rows.append(.element(StructureElement(.tableRow, children: cells))) }
            case .list(_, let block):
                if let list = listElement(blockItems[block], description.blocks[block], items: items) { elements.append(list) }
            case .figure(let text, let blocks):
                let children = blocks.flatMap { blockItems[$0] }.map(StructureElement.Child.item)
                if !children.isEmpty { elements.append(StructureElement(.figure, children: children, alternateText: text)) }
            case .mark(let code, let block):
                let children = blockItems[block].map(StructureElement.Child.item)
                if !children.isEmpty {
                    elements.append(StructureElement(.figure, children: children, alternateText: Self.markDescription(code: code)))
                }
            case .seal(let caption, let block):
                elements += sealElements(blockItems[block], caption: caption, items: items)
            }
        }
        flushTable()
        var artifacts: [Int: ArtifactKind] = [:]
        for (index, block) in description.blocks.enumerated() {
            if case .text(let text) = block, text.isPagination {
                for item in blockItems[index] { artifacts[item] = .pagination }
            }
        }
        return (elements, artifacts)
    }

    /// The seal's symbol as a figure described in words (where to verify it is in its caption, read next), then
    /// its caption as a paragraph.
    static func sealElements(_ range: Range<Int>, caption: [String], items: [Item]) -> [StructureElement] {
        var shapes: [StructureElement.Child] = []
        var texts: [StructureElement.Child] = []
        for index in range {
            switch items[index] {
            case .shape, .image: shapes.append(.item(index))
            case .text: texts.append(.item(index))
            }
        }
        var elements: [StructureElement] = []
        if !shapes.isEmpty {
            elements.append(StructureElement(.figure, children: shapes, alternateText: sealDescription(caption: caption)))
        }
        if !texts.isEmpty { elements.append(StructureElement(.paragraph, children: texts)) }
        return elements
    }

    static func sealDescription(caption: [String]) -> String {
        let verification = caption.isEmpty ? "" : " Il se lit avec une application de lecture 2D-Doc ou se vérifie en ligne : "
            + caption.joined(separator: " — ") + "."
        return "Cachet électronique visible (code 2D-Doc) : les données du document signées par l'Assurance Maladie." + verification
    }

    static func markDescription(code: String) -> String {
        "Emblème européen : le drapeau de l'Union européenne, avec le code de l'État membre émetteur, \(code)."
    }

    /// A list: each entry's bullet (the text at the list's left edge) as its label, the lines after it as its body.
    private static func listElement(_ range: Range<Int>, _ block: Block, items: [Item]) -> StructureElement? {
        guard case .list(let list) = block else { return nil }
        var entries: [StructureElement.Child] = []
        var label: Int?
        var body: [StructureElement.Child] = []
        func flush() {
            guard let bullet = label else { return }
            var children: [StructureElement.Child] = [.element(StructureElement(.label, children: [.item(bullet)]))]
            if !body.isEmpty { children.append(.element(StructureElement(.listBody, children: body))) }
            entries.append(.element(StructureElement(.listItem, children: children)))
            body = []
        }
        for index in range {
            guard case .text(let run) = items[index] else { continue }
            if run.text == list.bullet, abs(run.origin.x - list.x) < 0.01 {
                flush()
                label = index
            } else {
                body.append(.item(index))
            }
        }
        flush()
        return entries.isEmpty ? nil : StructureElement(.list, children: entries)
    }

    private static func language(of block: Block) -> String? {
        switch block {
        case .text(let text): text.style.language
        case .list(let list): list.style.language
        case .rect, .rule, .mark, .seal: nil
        }
    }
}
