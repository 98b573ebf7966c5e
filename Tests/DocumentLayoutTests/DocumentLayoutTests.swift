// DocumentLayoutTests: flow, alignment and the failures that replace overflow, on small hand-made descriptions.
import DisplayList
import DocumentLayout
import Documents
import Testing

struct DocumentLayoutTests {
    let layout = DocumentLayout(measuring: RealMetrics.shared)
    let style = TextStyle(font: RealMetrics.sans, size: 10, leading: 12)
    let source = SourceLocation(file: "test.tpl", line: 1)

    func page(_ blocks: [Block], bottom: Double = Size.a4.height - 40) -> DocumentDescription {
        DocumentDescription(kind: .certificate, pageSize: .a4, background: .white, contentBottom: bottom,
                            info: DocumentInfo(title: "t", author: "a", creationSeconds: 0, creationOffsetMinutes: 60),
                            blocks: blocks)
    }

    func text(_ string: String, x: Double = 50, y: VerticalPosition, width: Double? = 200, align: Alignment = .left,
              fit: Fit = .exact) -> Block {
        .text(TextBlock(source: source, x: x, y: y, width: width, style: style, alignment: align, fit: fit, text: string))
    }

    func runs(_ description: DocumentDescription) throws -> [TextRun] {
        try layout.layout(description)[0].items.compactMap { if case .text(let run) = $0 { run } else { nil } }
    }

    @Test func rightAlignedEndsAtTheBoxRightEdgeAndCentredIsCentred() throws {
        let result = try runs(page([text("0175 CPAM PARIS", y: .absolute(100), align: .right),
                                    text("FR", y: .absolute(120), align: .centre)]))
        #expect(abs(result[0].origin.x + result[0].width - 250) < 1e-9)
        #expect(abs((result[1].origin.x + result[1].width / 2) - 150) < 1e-9)
    }

    @Test func flowPlacesBelowTheLowestBaselineAndSameGoesBackToTheLine() throws {
        let result = try runs(page([
            text("label", y: .absolute(100)),
            text("a value long enough to wrap onto a second line here", x: 300, y: .same(offset: 0), width: 150, fit: .wrap(maxLines: nil)),
            text("next", y: .below(20)),
            text("inside", y: .same(offset: -5)),
        ]))
        #expect(result[0].origin.y == 100)
        #expect(result[1].origin.y == 100)          // same line as the label
        #expect(result[2].origin.y == 112)          // wrapped at the style's leading
        #expect(result[3].origin.y == 132)          // 20 below the lowest baseline, the wrapped one
        #expect(result[4].origin.y == 127)          // 5 above the element before
    }

    @Test func anAbsoluteElementStartsANewFlow() throws {
        let result = try runs(page([text("low", y: .absolute(700)), text("high", y: .absolute(100)), text("next", y: .below(12))]))
        #expect(result[2].origin.y == 112)
    }

    @Test func flowingPastTheBottomMarginFailsNamingTheText() {
        let description = page([text("first", y: .absolute(700)), text("too low", y: .below(100))], bottom: 780)
        do {
            _ = try layout.layout(description)
            Issue.record("laid out below the margin")
        } catch {
            #expect(error.text == "too low")
            guard case .pageOverflow = error.reason else { Issue.record("\(error.reason)"); return }
            #expect(error.description.contains("dépasse le bas de la page"))
            #expect(error.description.hasSuffix("[test.tpl:1]"))
        }
    }

    @Test func anAbsoluteFooterMayStandInTheMargin() throws {
        let result = try runs(page([text("footer", y: .absolute(810))], bottom: 780))
        #expect(result[0].origin.y == 810)
    }

    @Test func aCharacterTheFontLacksIsRefusedNotDrawnAsTofu() {
        do {
            _ = try layout.layout(page([text("smile \u{4E2D}", y: .absolute(100))]))
            Issue.record("laid out a character DejaVu does not have")
        } catch {
            #expect(error.reason == .uncovered("\u{4E2D}"))
            #expect(error.description.contains("U+4E2D"))
        }
    }

    @Test func aTooLongExactTextFailsInFrenchAndEnglishNamingTheField() {
        let block = TextBlock(name: "lastName", source: source, x: 50, y: .absolute(100), width: 30, style: style,
                              fit: .shrink(minimumSize: 7), text: "ŁUKASIEWICZ-ØRSTED-VAN DER BERG")
        do {
            _ = try layout.layout(page([.text(block)]))
            Issue.record("a 31-letter name fitted 30 points")
        } catch {
            #expect(error.description.hasPrefix("« ŁUKASIEWICZ-ØRSTED-VAN DER BERG » ne tient pas dans le champ lastName (10.6 mm) même en 7 pt / does not fit field lastName"))
        }
    }

    @Test func listItemsWrapUnderTheirBullet() throws {
        let list = ListBlock(source: source, x: 50, y: .absolute(100), width: 200, style: style, bullet: "•", indent: 14,
                             gap: 3, items: ["one short step", "a second step that is long enough to need a second line of text"])
        let result = try runs(page([.list(list)]))
        let bullets = result.filter { $0.text == "•" }
        #expect(bullets.map(\.origin.y) == [100, 115])
        #expect(result.filter { $0.text != "•" }.allSatisfy { $0.origin.x == 64 && $0.width <= 186 })
        #expect(result.last!.origin.y == 127)
    }
}
