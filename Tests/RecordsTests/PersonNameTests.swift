// PersonName: the card repertoire (ISO 8859-1..4), refused characters and limits.
import Testing
@testable import Records

struct PersonNameTests {
    @Test(arguments: ["ŁUKASIEWICZ-ØRSTED", "Zoë d'Arcy", "Đurđica", "O", "Ġużeppi", "Ħamrun", "Ŋŧ", "Jean-Éric", "Müller Šťastný"])
    func acceptsTheRepertoire(text: String) throws {
        #expect(try PersonName(text).value == text)
    }

    @Test func refusesLigatureOE_withAHint() {
        #expect {
            try PersonName("ŒUVRE")
        } throws: { error in
            (error as! RecordError).detail.contains("OE")
        }
    }

    @Test(arguments: ["Ștefan", "Ἀλέξανδρος", "李", "Zoë 😀", "Anna<script>", "12", "-Anna", "Tab\u{7}"])
    func refusesWhatTheCardCannotPrint(text: String) {
        #expect(throws: RecordError.self) { try PersonName(text) }
    }

    @Test func normalisesDecomposedAccentsSpacesAndApostrophes() throws {
        #expect(try PersonName("Zoe\u{0308}   d\u{2019}Arcy ").value == "Zoë d'Arcy")
    }

    @Test func lengthLimits() throws {
        #expect(try PersonName(String(repeating: "A", count: 80)).value.count == 80)
        #expect(throws: RecordError.self) { try PersonName(String(repeating: "A", count: 81)) }
        #expect(throws: RecordError.self) { try PersonName("   ") }
        #expect(throws: RecordError.self) { try PersonName(String(repeating: "A", count: 10_000_000)) }
    }

    @Test func repertoireHas305Scalars() {
        // 95 printable ASCII + 210 above (generated from the ISO 8859-1..4 codec tables).
        #expect(CardRepertoire.allScalars.count == 305)
        #expect(!CardRepertoire.contains("Œ"))
        #expect(CardRepertoire.contains("Ł") && CardRepertoire.contains("Ø") && CardRepertoire.contains("Ħ"))
    }
}
