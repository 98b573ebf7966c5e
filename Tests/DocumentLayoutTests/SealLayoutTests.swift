// SealLayoutTests: the seal block — modules as non-overlapping rectangles on a white quiet zone of 2 modules,
// aligned in its box, the caption under it; nothing at all without a symbol; the print sheet keeps the card face.
import DisplayList
import DocumentLayout
import Documents
import Testing

struct SealLayoutTests {
    let layout = DocumentLayout(measuring: RealMetrics.shared)
    let source = SourceLocation(file: "test.tpl", line: 1)
    let caption = TextStyle(font: RealMetrics.sans, size: 6, leading: 7.5)
    /// A 10 × 10 checkerboard with a solid first row: runs of several modules and single ones.
    let symbol = SealSymbol(size: 10, dark: (0..<100).map { $0 < 10 || ($0 / 10 + $0 % 10) % 2 == 0 })

    func description(_ seal: SealBlock, then next: Block? = nil) -> DocumentDescription {
        DocumentDescription(kind: .certificate, pageSize: .a4, background: .white, contentBottom: Size.a4.height - 40,
                            info: DocumentInfo(title: "t", author: "a", creationSeconds: 0, creationOffsetMinutes: 60),
                            blocks: [.seal(seal)] + (next.map { [$0] } ?? []))
    }

    func block(width: Double = 100, align: Alignment = .right, attached: Bool = true) -> SealBlock {
        SealBlock(source: source, x: 50, y: .absolute(200), width: width, module: 2, alignment: align, captionStyle: caption,
                  symbol: attached ? symbol : nil, caption: attached ? ["N° DOC-1", "Vérification : https://example.org/v"] : [])
    }

    @Test func modulesAreRectanglesOnAQuietZoneAlignedInTheBox() throws {
        let items = try layout.layout(description(block()))[0].items
        guard case .shape(let zone) = items[0], case .shape(let modules) = items[1] else {
            Issue.record("expected the quiet zone then the modules: \(items)")
            return
        }
        // 10 modules + 2 quiet modules on each side, 2 pt each, right-aligned in the box 50…150.
        #expect(zone.fill == .white && zone.path == .rectangle(Rect(x: 150 - 28, y: 200, width: 28, height: 28)))
        #expect(modules.fill == .black)
        var dark = Set<Int>()
        for start in stride(from: 0, to: modules.path.elements.count, by: 5) {
            guard case .move(let a) = modules.path.elements[start], case .line(let b) = modules.path.elements[start + 1],
                  case .line(let c) = modules.path.elements[start + 2] else {
                Issue.record("not a rectangle at \(start)")
                continue
            }
            let top = Int(((a.y - 204) / 2).rounded()), bottom = Int(((c.y - 204) / 2).rounded())
            let first = Int(((a.x - 126) / 2).rounded()), last = Int(((b.x - 126) / 2).rounded())
            for row in top..<bottom {
                for column in first..<last { #expect(dark.insert(row * 10 + column).inserted, "module \(row),\(column) painted twice") }
            }
        }
        #expect(dark == Set((0..<100).filter { symbol.dark[$0] }), "exactly the dark modules are painted")
        let runs = items.compactMap { if case .text(let run) = $0 { run } else { nil } }
        // The address does not fit the 100-pt box at 6 pt: it wraps, never overflows.
        #expect(runs.map(\.text) == ["N° DOC-1", "Vérification :", "https://example.org/v"])
        #expect(runs.allSatisfy { abs($0.origin.x + $0.width - 150) < 1e-6 && $0.origin.y > 228 })
    }

    @Test func aSymbolWiderThanItsBoxFailsNamingTheSeal() throws {
        #expect(throws: LayoutError.self) { try layout.layout(description(block(width: 20))) }
    }

    @Test func withoutASymbolNothingIsDrawnAndTheNextElementStillFindsTheTop() throws {
        let next = Block.text(TextBlock(source: source, x: 50, y: .same(offset: 10), width: 100, style: caption, text: "after"))
        let items = try layout.layout(description(block(attached: false), then: next))[0].items
        #expect(items.count == 1)
        guard case .text(let run) = items.first else { Issue.record("\(items)"); return }
        #expect(run.origin.y == 210)
    }

    @Test func thePrintSheetCarriesTheCardFaceUnchangedAndTheSealBesideIt() throws {
        let face = Page(size: .id1, items: [.shape(Shape(path: .rectangle(Rect(x: 1, y: 1, width: 10, height: 10)), fill: .black))])
        let sheet = try layout.printSheet(card: face, symbol: symbol, caption: ["N° CC-1"])
        #expect(sheet.size == .a4)
        let origin = DocumentLayout.PrintSheet.cardOrigin
        #expect(sheet.items.contains(.shape(Shape(path: .rectangle(Rect(x: origin.x + 1, y: origin.y + 1, width: 10, height: 10)), fill: .black))))
        let zone = try #require(sheet.items.compactMap { item -> Rect? in
            guard case .shape(let shape) = item, shape.fill == .white, case .move(let a) = shape.path.elements[0],
                  case .line(let b) = shape.path.elements[1], case .line(let c) = shape.path.elements[2] else { return nil }
            return Rect(x: a.x, y: a.y, width: b.x - a.x, height: c.y - a.y)
        }.last)
        #expect(zone.minX >= origin.x + Size.id1.width + 1, "the seal is beside the card, never on its face")
        #expect(abs(zone.minY - origin.y) < 1e-9)
    }
}
