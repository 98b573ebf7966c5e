// DocumentReading: a bound description read as a person reads the page — headings, paragraphs, rows of fields,
// lists, figures — each part naming the blocks it comes from. The HTML twin and the tagged PDF both read it.

import DisplayList

/// One part of a document, in reading order, with the indices (in `DocumentDescription.blocks`) of the blocks
/// that make it. Blocks no part names are artifacts: frames, rules, backgrounds, page footers.
public enum ReadingPart: Hashable, Sendable {
    case heading(level: Int, text: String, blocks: [Int])
    /// Lines set one under the other (an address, a stamp), read as one paragraph.
    case paragraph(lines: [String], blocks: [Int])
    /// A field: its header (number and captions, in both languages) and its value.
    case row(header: [String], value: [String], headerBlocks: [Int], valueBlocks: [Int])
    case list(items: [String], block: Int)
    /// Something seen rather than read (the institution's stamp), with what it says.
    case figure(description: String, blocks: [Int])
    /// The European mark with the issuing state's code.
    case mark(code: String, block: Int)
    /// The seal: its symbol is a figure, its caption lines are read.
    case seal(caption: [String], block: Int)
}

/// Reads a bound description in template order. The document's title is the first heading (level 1), made of
/// the line that prints it (named `title`, or saying the title), if any; bold lines standing alone are headings of level 2; a line whose last text is a
/// bound field (`name=…`) is a row, the texts before it its header — a line just under it, at the header's or the
/// value's left edge, continues that cell (the English caption, an address); lists are lists; blocks of one
/// `figure` make one figure, described by its name and its texts; the seal is the seal. Positions, colours,
/// rules and frames carry no content.
public enum DocumentReading {
    public static func parts(_ description: DocumentDescription) -> [ReadingPart] {
        var reader = Reader(title: description.info.title)
        for (index, block) in description.blocks.enumerated() {
            reader.read(block, at: index)
        }
        reader.flushLine()
        reader.flushFigure()
        return reader.parts
    }

    /// Bold text of body size or more, standing alone: a section's title.
    public static func isHeading(_ text: TextBlock) -> Bool {
        // The faces are "sans" and "sans-bold". hasSuffix, not contains: contains(String) is a _StringProcessing
        // search, measured at a tenth of layout's time.
        text.style.size >= 9 && text.style.font.name.hasSuffix("bold")
    }

    private struct Reader {
        let title: String
        /// The title lower-cased once (lower-casing every line was a tenth of layout's time).
        let loweredTitle: String
        var parts: [ReadingPart]
        /// The texts of the line being read, with their block indices.
        var line: [(block: TextBlock, index: Int)] = []
        /// Where the last row's header and value start (for continuations).
        var rowEdges: (header: Double, value: Double)?
        /// The left edge of the last paragraph's lines, while the next line may continue it.
        var paragraphEdge: Double?
        /// The figure being gathered: its description, its texts and its blocks.
        var figure: (name: String, texts: [String], blocks: [Int])?

        init(title: String) {
            self.title = title
            loweredTitle = title.lowercased()
            parts = [.heading(level: 1, text: title, blocks: [])]
        }

        mutating func read(_ block: Block, at index: Int) {
            switch block {
            case .text(let text):
                if text.isPagination { flushLine(); return }
                if let name = text.figure {
                    flushLine()
                    gather(name, text: text.text, block: index)
                    return
                }
                flushFigure()
                if case .same(let offset) = text.y, abs(offset) < 0.5, !line.isEmpty {
                    line.append((text, index))
                } else {
                    flushLine()
                    line = [(text, index)]
                }
            case .list(let list):
                flushLine()
                flushFigure()
                rowEdges = nil
                paragraphEdge = nil
                if !list.items.isEmpty { parts.append(.list(items: list.items, block: index)) }
            case .seal:
                flushLine()
                flushFigure()
                rowEdges = nil
                paragraphEdge = nil
                if case .seal(let seal) = block { parts.append(.seal(caption: seal.caption, block: index)) }
            case .mark(let mark):
                flushLine()
                flushFigure()
                parts.append(.mark(code: mark.code, block: index))
            case .rect(let rect):
                flushLine()
                if let name = rect.figure { gather(name, text: nil, block: index) } else { flushFigure() }
            case .rule:
                flushLine()
                flushFigure()
            }
        }

        private mutating func gather(_ name: String, text: String?, block: Int) {
            if figure?.name != name { flushFigure() }
            var current = figure ?? (name, [], [])
            if let text, !text.isEmpty { current.texts.append(text) }
            current.blocks.append(block)
            figure = current
        }

        mutating func flushFigure() {
            guard let current = figure else { return }
            figure = nil
            let description = current.texts.isEmpty ? current.name : current.name + " : " + current.texts.joined(separator: " ")
            parts.append(.figure(description: description, blocks: current.blocks))
            rowEdges = nil
            paragraphEdge = nil
        }

        mutating func flushLine() {
            defer { line = [] }
            guard let last = line.last?.block else { return }
            let texts = line.map(\.block.text).filter { !$0.isEmpty }
            let indices = line.map(\.index)
            if line.count >= 2, last.name != nil {
                parts.append(.row(header: [line.dropLast().map(\.block.text).joined(separator: " ")], value: [last.text],
                                  headerBlocks: Array(indices.dropLast()), valueBlocks: [indices.last!]))
                rowEdges = (line[line.count - 2].block.x, last.x)
                paragraphEdge = nil
                return
            }
            // A continuation sits just under the row (a line or two) and is no heading of its own.
            var continues = false
            switch last.y {
            case .below(let offset) where offset > 0 && offset < 16, .same(let offset) where offset > 0 && offset < 16,
                 .after(let offset) where offset > 0 && offset < 16:
                continues = !DocumentReading.isHeading(last)
            default:
                break
            }
            if line.count == 1, last.name == nil, continues, let edges = rowEdges,
               case .row(let header, let value, let headerBlocks, let valueBlocks)? = parts.last {
                if abs(last.x - edges.header) < 0.5 {
                    parts[parts.count - 1] = .row(header: header + [last.text], value: value,
                                                  headerBlocks: headerBlocks + indices, valueBlocks: valueBlocks)
                    return
                }
                if abs(last.x - edges.value) < 0.5 {
                    parts[parts.count - 1] = .row(header: header, value: value + [last.text],
                                                  headerBlocks: headerBlocks, valueBlocks: valueBlocks + indices)
                    return
                }
            }
            rowEdges = nil
            let text = texts.joined(separator: " ")
            guard !text.isEmpty else { return }
            // The line printing the title is the level-1 heading's text: the one named `title`, or the one that
            // says the document's title (the card prints it in capitals).
            if line.count == 1, last.name == "title" || (text.utf8.count == title.utf8.count && text.lowercased() == loweredTitle),
               case .heading(1, let heading, let blocks) = parts[0], blocks.isEmpty {
                // A title line in other words than the document's title is read as printed.
                parts[0] = .heading(level: 1, text: last.name == "title" ? text : heading, blocks: indices)
                return
            }
            if line.count == 1, DocumentReading.isHeading(last), text.count <= 80 {
                parts.append(.heading(level: 2, text: text, blocks: indices))
                paragraphEdge = nil
            } else if line.count == 1, continues, let edge = paragraphEdge, abs(last.x - edge) < 0.5,
                      case .paragraph(let lines, let blocks)? = parts.last {
                parts[parts.count - 1] = .paragraph(lines: lines + [text], blocks: blocks + indices)
            } else {
                parts.append(.paragraph(lines: [text], blocks: indices))
                paragraphEdge = line.count == 1 ? last.x : nil
            }
        }
    }
}
