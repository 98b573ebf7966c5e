// ExampleNamesTests: every name in Examples/*.json goes into each name field, is signed, parsed and read back.

import Records
import Seal
import Testing

struct ExampleNamesTests {
    @Test func exampleNames_areFound() throws {
        let names = try SealFixtures.exampleNames()
        #expect(names.contains("ŁUKASIEWICZ-ØRSTED-VAN DER BERG-MÜLLNER"))
        #expect(names.contains("Đurđica"))
        #expect(names.contains("d'Arcy"))
        #expect(names.count >= 30)
    }

    @Test func exampleNames_roundTripThroughEveryNameField() throws {
        let signer = try SealFixtures.signer()
        let names = try SealFixtures.exampleNames()
        for name in names {
            let value = SealTransliteration.value(name)
            #expect(!value.isEmpty, "\(name)")
            #expect(value.utf8.allSatisfy { SealTransliterationTests.repertoire.contains($0) }, "\(name)")
            for type in [SealDocumentType.proxyConfirmation, .certificate] {
                var raw = SealFixtures.fields(type)
                for field in type.fields where field.isCutWhenLong { raw[field] = name }
                let unsigned = try UnsignedSeal(authority: "AM", certificateID: "K001", issueDate: SealDate(iso: "2026-02-28"),
                                                signatureDate: SealDate(iso: "2026-02-28"), type: type, transliterating: raw)
                let parsed = try SignedSeal.parse(signer.sign(unsigned).text)
                #expect(parsed.unsigned == unsigned)
                for field in type.fields where field.isCutWhenLong {
                    #expect(parsed.unsigned[field] == String(value.prefix(field.maxLength)), "\(name) in \(field)")
                    #expect(parsed.unsigned.truncatedFields.contains(field) == (value.count > field.maxLength))
                }
            }
        }
    }
}

/// Every letter a name may hold has a letter in the seal: a name the records accept is never empty in a seal.
struct NameLettersInTheSealTests {
    @Test func everyLetterANameAcceptsKeepsALetterInTheSeal() {
        for scalar in CardRepertoire.allScalars where (try? PersonName(String(scalar))) != nil {
            #expect(!SealTransliteration.value(String(scalar)).isEmpty, "« \(scalar) » (U+\(String(scalar.value, radix: 16))) leaves nothing in a seal")
        }
    }

    @Test func accentsAloneAndTheMicroSignAreNotNames() {
        for text in ["ˇ", "˘˘", "Anˇ", "µ", "˝"] {
            #expect(throws: RecordError.self) { try PersonName(text) }
        }
    }
}
