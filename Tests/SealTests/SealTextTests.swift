// SealTextTests: the exact bytes SEAL.md (profile v2) lays out (separators, cuts, last field), text → parse → same
// values, and profile v1's texts still read.

import Seal
import Testing

struct SealTextTests {
    static let header = "DC04FRAMK00126662667"

    @Test func text_ofAnAcknowledgement_isExactlySEALmdsLayout() throws {
        let seal = try SealFixtures.seal(.acknowledgement)
        // EC is ours: <GS> even at its maximum (PROXY REVOCATION is 16); ED is last, without one.
        #expect(seal.text() == Self.header + "E201FR" + "01CRT-2026-11-30-0001\u{1D}62DUPONT\u{1D}60EVA MARIE\u{1D}"
            + "ECPROXY REVOCATION\u{1D}ED301120260915")
    }

    @Test func text_ofAProxyConfirmation_endsItsLastFieldWithoutSeparator() throws {
        let seal = try SealFixtures.seal(.proxyConfirmation)
        #expect(seal.text() == Self.header + "E301FR" + "01CRT-2026-11-30-0001\u{1D}62DUPONT\u{1D}60EVA MARIE\u{1D}"
            + "EB28022027\u{1D}EEMARTIN\u{1D}EFCLAIRE")
    }

    /// ANTS's 69 is fixed-length, without a separator; each of our fields (EG … EB) ends with <GS> but the last.
    @Test func text_ofACertificate_endsEachOfOurFieldsWithGS() throws {
        let seal = try SealFixtures.seal(.certificate)
        #expect(seal.text() == Self.header + "E101FR" + "01CRT-2026-11-30-0001\u{1D}62DUPONT\u{1D}60EVA MARIE\u{1D}"
            + "6902051984EG284058832102532\u{1D}EH0175\u{1D}EI80250017510000027182\u{1D}E928022028\u{1D}EA30112026\u{1D}EB28022027")
    }

    /// Profile v1's certificate, as papers printed before v2 carry it: E6–E8 and our fixed fields without <GS>.
    static let v1Certificate = Self.header + "E101FR" + "01CRT-2026-11-30-0001\u{1D}62DUPONT\u{1D}60EVA MARIE\u{1D}"
        + "6902051984E6284058832102532E70175\u{1D}E880250017510000027182E928022028EA30112026EB28022027"

    @Test func parse_ofAV1Text_readsItsValuesUnderV1Ids() throws {
        let parsed = try SignedSeal.parse(Self.v1Certificate + "\u{1F}" + String(repeating: "A", count: 103))
        #expect(parsed.unsigned.profile == .v1)
        #expect(parsed.unsigned.fields == (try SealFixtures.seal(.certificate)).fields)
        #expect(parsed.fieldsByID()["E6"] == "284058832102532" && parsed.fieldsByID()["E8"] == "80250017510000027182")
        #expect(parsed.text.hasPrefix(Self.v1Certificate))
    }

    @Test func text_ofACardCopy_hasA26CharacterHeader() throws {
        let text = try SealFixtures.seal(.cardCopy).text()
        #expect(text.utf8.count == 26 + "01CRT-2026-11-30-0001\u{1D}62DUPONT\u{1D}60EVA MARIE\u{1D}".utf8.count + 10 + 23 + 10)
        #expect(text.hasPrefix(Self.header + "E401FR01"))
    }

    @Test func text_ofFullLengthValues_hasNoSeparatorsInANTSFieldsOnly() throws {
        let seal = try SealFixtures.seal(.proxyConfirmation, fields: SealFixtures.fullFields(.proxyConfirmation))
        let expected = Self.header + "E301FR" + "01" + String(repeating: "9", count: 40) + "62" + String(repeating: "W", count: 38)
            + "60" + String(repeating: "W", count: 60) + "EB28022027\u{1D}" + "EE" + String(repeating: "W", count: 38) + "\u{1D}"
            + "EF" + String(repeating: "W", count: 38)
        #expect(seal.text() == expected)
        #expect(seal.truncatedFields.isEmpty)
    }

    @Test func text_ofCutValues_endsEachWithRS() throws {
        var fields = SealFixtures.fields(.proxyConfirmation)
        fields[.givenNames] = String(repeating: "G", count: 61)
        fields[.holderFirstName] = String(repeating: "F", count: 39)
        let seal = try SealFixtures.seal(.proxyConfirmation, fields: fields)
        #expect(seal.truncatedFields == [.givenNames, .holderFirstName])
        #expect(seal.text().hasSuffix("60" + String(repeating: "G", count: 60) + "\u{1E}EB28022027\u{1D}EEMARTIN\u{1D}EF"
            + String(repeating: "F", count: 38) + "\u{1E}"))
    }

    @Test(arguments: SealDocumentType.allCases)
    func parse_ofText_givesTheSameValues(type: SealDocumentType) throws {
        for fields in [SealFixtures.fields(type), SealFixtures.fullFields(type)] {
            let unsigned = try SealFixtures.seal(type, fields: fields)
            let signed = try SealSigner(privateKeyPEM: SealFixtures.testKeyPEM, certificateID: "K001", authority: "AM").sign(unsigned)
            let parsed = try SignedSeal.parse(signed.text)
            #expect(parsed == signed)
            #expect(parsed.unsigned == unsigned)
            #expect(parsed.text == signed.text)
            #expect(parsed.signedBytes == Array(unsigned.text().utf8))
            #expect(parsed.fieldsByID().count == type.fields.count)
        }
    }

    /// For every variable field: one under, exactly at, and over the maximum.
    @Test(arguments: SealDocumentType.allCases)
    func parse_marksCutValues(type: SealDocumentType) throws {
        let signer = try SealFixtures.signer()
        for field in type.fields where field.isCutWhenLong {
            for extra in [-1, 0, 1, 25] {
                var fields = SealFixtures.fields(type)
                fields[field] = String(repeating: "Q", count: field.maxLength + extra)
                let parsed = try SignedSeal.parse(signer.sign(SealFixtures.seal(type, fields: fields)).text)
                #expect(parsed.unsigned[field] == String(repeating: "Q", count: field.maxLength + min(extra, 0)))
                #expect(parsed.unsigned.truncatedFields == (extra > 0 ? [field] : []), "\(field) \(extra)")
            }
        }
    }

    @Test func parse_keepsEmptyGivenNames() throws {
        var fields = SealFixtures.fields(.proxyConfirmation)
        fields[.givenNames] = ""
        fields[.holderFirstName] = ""
        let signed = try SealFixtures.signer().sign(SealFixtures.seal(.proxyConfirmation, fields: fields))
        #expect(signed.text.contains("\u{1D}60\u{1D}EB"))
        #expect(signed.text.contains("\u{1D}EF\u{1F}"))
        #expect(try SignedSeal.parse(signed.text) == signed)
    }

    @Test func fieldsByID_namesValuesBySEALmdIDs() throws {
        let seal = try SealFixtures.seal(.acknowledgement)
        #expect(seal.fieldsByID() == [
            "01": "CRT-2026-11-30-0001", "62": "DUPONT", "60": "EVA MARIE", "EC": "PROXY REVOCATION", "ED": "301120260915",
        ])
    }
}
