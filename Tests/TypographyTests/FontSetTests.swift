// FontSetTests: the committed fonts load, cover the card repertoire and measure with their hmtx advances.

import DisplayList
import Foundation
import Records
import Testing
@testable import Typography

struct FontSetTests {
    static let fontsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fonts").path
    static let fonts = Result { try FontSet(directory: fontsDirectory) }

    @Test func loadsBothFaces() throws {
        let fonts = try Self.fonts.get()
        #expect(fonts.faces == [FontID("sans"), FontID("sans-bold")])
        #expect(try fonts.face(FontID("sans")).postScriptName == "DejaVuSans")
        #expect(try fonts.face(FontID("sans-bold")).postScriptName == "DejaVuSans-Bold")
    }

    @Test func bothFacesCoverTheWholeCardRepertoire() throws {
        let fonts = try Self.fonts.get()
        for id in fonts.faces {
            let face = try fonts.face(id)
            let missing = CardRepertoire.allScalars.filter { !face.covers($0) }
            #expect(missing.isEmpty, "\(id) lacks \(missing.map { String(format: "U+%04X", $0.value) })")
        }
        #expect(CardRepertoire.allScalars.count > 300)
    }

    @Test(arguments: ["«", "»", "’", "–", "—", "…", "•", "€", "°"])
    func bothFacesCoverDocumentPunctuation(_ character: String) throws {
        let fonts = try Self.fonts.get()
        let scalar = try #require(character.unicodeScalars.first)
        #expect(try fonts.face(FontID("sans")).covers(scalar))
        #expect(try fonts.face(FontID("sans-bold")).covers(scalar))
    }

    @Test func doesNotCoverWhatDejaVuSansLacks() throws {
        let face = try Self.fonts.get().face(FontID("sans"))
        #expect(!face.covers(Unicode.Scalar(0xE000)!))   // private use area
        #expect(!face.covers(Unicode.Scalar(0x4E00)!))   // CJK
    }

    @Test func verticalMetricsComeFromTheFont() throws {
        let face = try Self.fonts.get().face(FontID("sans"))
        // DejaVu Sans hhea: ascender 1901, descender −483, 2048 units per em (checked with FreeType's data,
        // independent of our loader only in being the published values of the font).
        #expect(face.unitsPerEm == 2048)
        #expect(abs(face.ascender - 1901.0 / 2048) < 1e-12)
        #expect(abs(face.descender - -483.0 / 2048) < 1e-12)
        #expect(face.lineGap >= 0)
    }

    @Test func advancesAddUpWithoutKerning() throws {
        let face = try Self.fonts.get().face(FontID("sans"))
        // "AV" is a classic kerning pair: without kerning the pair is exactly the sum of its letters.
        let a = face.advance(of: "A", size: 10)
        let v = face.advance(of: "V", size: 10)
        #expect(a > 0 && v > 0)
        #expect(face.advance(of: "AV", size: 10) == a + v)
        #expect(face.advance(of: "", size: 10) == 0)
        // Linear in the size.
        #expect(abs(face.advance(of: "Đurđica", size: 14) - 2 * face.advance(of: "Đurđica", size: 7)) < 1e-9)
    }

    @Test func boldIsWiderThanBook() throws {
        let fonts = try Self.fonts.get()
        let text = "ŁUKASIEWICZ-ØRSTED"
        #expect(try fonts.face(FontID("sans-bold")).advance(of: text, size: 7)
                > fonts.face(FontID("sans")).advance(of: text, size: 7))
    }

    @Test func unknownFaceAndMissingDirectoryAreNamed() throws {
        let fonts = try Self.fonts.get()
        #expect(throws: TypographyError.self) { try fonts.face(FontID("serif")) }
        do {
            _ = try FontSet(directory: "/nonexistent-fonts")
            Issue.record("loading from a missing directory should throw")
        } catch {
            #expect("\(error)".contains("/nonexistent-fonts/DejaVuSans.ttf"))
        }
    }
}
