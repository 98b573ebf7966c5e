// CardDocumentTests: D_CARD on the display list — ID-1 size, data 7 pt black compressed to 90 %, 10 pt line
// spacing, fields 6 and 7 on the right border, abbreviation with a full stop, the European mark with FR.
import DisplayList
import DocumentPipeline
import Documents
import EngineTestSupport
import Foundation
import Records
import TeleserviceRules
import Testing

struct CardDocumentTests {
    static let rightBorder = Length.points(millimetres: 81.6)

    func page(_ name: String) throws -> Page {
        try Fixtures.pipeline.get().pages(try Fixtures.record(name))[0]
    }

    /// The data runs: the ones set in the data style (7 pt, scaled).
    func dataRuns(_ page: Page) -> [TextRun] {
        Fixtures.runs(of: page).filter { $0.horizontalScale != 1 }
    }

    @Test func D_CARD_isID1() throws {
        let card = try page("card")
        #expect(card.size == Size(millimetres: 85.60, 53.98))
        #expect(abs(card.size.width - 242.646) < 0.001 && abs(card.size.height - 153.014) < 0.001)
    }

    @Test(arguments: ["card", "card.long-names", "card.accents", "card.balkan", "card.one-letter"])
    func D_CARD_dataIs7PointBlackCompressedTo90PercentEvery10Points(name: String) throws {
        let card = try page(name)
        let data = dataRuns(card)
        #expect(data.count == 7, "fields 3 to 9")
        #expect(data.allSatisfy { $0.size == 7 && $0.horizontalScale == 0.9 && $0.color == .black && $0.font == FontID("sans") })
        // Line spacing: the size + 3 pt, baseline to baseline.
        let baselines = data.map(\.origin.y)
        for (a, b) in zip(baselines, baselines.dropFirst()) { #expect(abs(b - a - 10) < 1e-9) }
        // Nothing crosses the right border or the card's edges.
        for run in Fixtures.runs(of: card) {
            #expect(run.origin.x >= 0 && run.origin.x + run.width <= Self.rightBorder + 1e-9, "\(run.text)")
            #expect(run.origin.y > 0 && run.origin.y < card.size.height)
        }
    }

    @Test(arguments: ["card", "card.long-names", "card.one-letter"])
    func D_CARD_fields6And7AreAlignedToTheRightBorder(name: String) throws {
        let record = try Fixtures.record(name)
        guard case .card(let face) = record else { Issue.record("not a card"); return }
        let runs = dataRuns(try page(name))
        let field6 = try #require(runs.first { $0.text == face.personalNumber.grouped })
        let field7 = try #require(runs.first { $0.text == face.institution.cardField })
        #expect(abs(field6.origin.x + field6.width - Self.rightBorder) < 1e-9)
        #expect(abs(field7.origin.x + field7.width - Self.rightBorder) < 1e-9)
        // The others start at their caption's column instead.
        #expect(runs.filter { abs($0.origin.x + $0.width - Self.rightBorder) < 1e-6 }.count == 2)
    }

    @Test func D_CARD_field7IsTheInstitutionNumberAndAcronym() throws {
        #expect(dataRuns(try page("card")).map(\.text).contains("0175 CPAM PARIS"))
    }

    @Test func D_CARD_aNameTooLongForItsFieldIsAbbreviatedWithAFullStop() throws {
        guard case .card(let face) = try Fixtures.record("card.long-names") else { Issue.record("not a card"); return }
        let field3 = dataRuns(try page("card.long-names"))[0]
        #expect(field3.text != face.lastName.value)
        #expect(field3.text.hasSuffix("."))
        #expect(face.lastName.value.hasPrefix(String(field3.text.dropLast())))
        #expect(field3.text == "ŁUKASIEWICZ-ØRSTED-VAN DER BERG-MÜLLNER-K.")
        #expect(field3.origin.x + field3.width <= Self.rightBorder)
        // A 40-character given name fits whole.
        #expect(dataRuns(try page("card.long-names"))[1].text == face.givenNames.value)
        #expect(face.givenNames.value.count == 40)
    }

    @Test(arguments: ["card.accents", "card.balkan", "card.one-letter"])
    func D_CARD_namesArePrintedAsTyped(name: String) throws {
        guard case .card(let face) = try Fixtures.record(name) else { Issue.record("not a card"); return }
        let data = dataRuns(try page(name)).map(\.text)
        #expect(data[0] == face.lastName.value)
        #expect(data[1] == face.givenNames.value)
    }

    @Test func D_CARD_titleAndCaptionsOfFields3To9() throws {
        let text = Fixtures.text(of: try page("card"))
        #expect(text.contains("CARTE EUROPÉENNE D'ASSURANCE MALADIE"))
        for caption in ["3 Nom", "4 Prénoms", "5 Date de naissance", "6 Numéro d'identification personnel",
                        "7 Numéro d'identification de l'institution", "8 Numéro d'identification de la carte",
                        "9 Date d'expiration"] {
            #expect(text.contains(caption), "caption \(caption)")
        }
    }

    @Test func D_CARD_europeanMarkHasTwelveGoldStarsAndFRInAWhite4mmSquareAtItsCentre() throws {
        let card = try page("card")
        let shapes = Fixtures.shapes(of: card)
        let gold = Color(red: 0xFF, green: 0xCC, blue: 0x00)
        #expect(shapes.filter { $0.fill == gold }.count == 12)
        let side = Length.points(millimetres: 4)
        let square = try #require(shapes.first { shape in
            guard shape.fill == .white, case .move(let origin)? = shape.path.elements.first else { return false }
            return shape.path == .rectangle(Rect(origin: origin, size: Size(width: side, height: side)))
        })
        guard case .move(let corner)? = square.path.elements.first else {
            Issue.record("the white square's path does not start with a move")
            return
        }
        let blue = try #require(shapes.first { $0.fill == Color(red: 0, green: 0x33, blue: 0x99) })
        guard case .move(let markCorner)? = blue.path.elements.first, case .line(let markRight)? = blue.path.elements.dropFirst().first,
              case .line(let markBottom)? = blue.path.elements.dropFirst(2).first else { Issue.record("mark"); return }
        // The square is centred in the mark.
        #expect(abs(corner.x + side / 2 - (markCorner.x + markRight.x) / 2) < 1e-9)
        #expect(abs(corner.y + side / 2 - (markCorner.y + markBottom.y) / 2) < 1e-9)
        // FR is centred in the square, inside it.
        let code = try #require(Fixtures.runs(of: card).first { $0.text == "FR" })
        #expect(abs(code.origin.x + code.width / 2 - (corner.x + side / 2)) < 1e-9)
        #expect(code.origin.x > corner.x && code.origin.x + code.width < corner.x + side)
        #expect(code.origin.y > corner.y && code.origin.y < corner.y + side)
    }

    @Test func D_CARD_pngIs1011By638At300DPIByDefault() throws {
        let png = try Fixtures.pipeline.get().render(try Fixtures.record("card"), format: .png)
        let image = try RGBImage(png: png)
        #expect(image.width == 1011 && image.height == 638)
        let small = try RGBImage(png: try Fixtures.pipeline.get().render(try Fixtures.record("card"), format: .png, dpi: 150))
        #expect(small.width == 506 && small.height == 319)
    }
}
