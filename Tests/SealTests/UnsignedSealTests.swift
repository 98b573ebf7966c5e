// UnsignedSealTests: what a seal refuses to hold (invalid states do not construct) and what it cuts.

import Seal
import Testing

struct UnsignedSealTests {
    @Test(arguments: SealDocumentType.allCases)
    func init_acceptsEveryTypesFields(type: SealDocumentType) throws {
        let seal = try SealFixtures.seal(type)
        #expect(Set(seal.fields.keys) == Set(type.fields))
        #expect(seal.truncatedFields.isEmpty)
        #expect(seal.caID == "FRAM")
    }

    @Test(arguments: SealDocumentType.allCases)
    func init_refusesAMissingField(type: SealDocumentType) throws {
        for field in type.fields {
            var fields = SealFixtures.fields(type)
            fields[field] = nil
            #expect(throws: SealError.missingField(field, type)) { try SealFixtures.seal(type, fields: fields) }
        }
    }

    @Test(arguments: SealDocumentType.allCases)
    func init_refusesAFieldTheTypeDoesNotCarry(type: SealDocumentType) throws {
        let foreign = SealField.allCases.filter { !type.fields.contains($0) }
        #expect(!foreign.isEmpty)
        for field in foreign {
            var fields = SealFixtures.fields(type)
            fields[field] = SealFixtures.fields(.certificate)[field] ?? SealFixtures.fields(.acknowledgement)[field]
                ?? SealFixtures.fields(.proxyConfirmation)[field]
            #expect(throws: SealError.unexpectedField(field, type)) { try SealFixtures.seal(type, fields: fields) }
        }
    }

    /// Each row: a field, a value its rule refuses.
    @Test(arguments: [
        (SealField.birthDate, "2051984"), (.birthDate, "020519840"), (.birthDate, "31022026"), (.birthDate, "0205 984"),
        (.cardExpiry, "00012028"), (.validFrom, "3011202"), (.validUntil, "29022027"),
        (.personalNumber, "28405883210253"), (.personalNumber, "2840588321025320"), (.personalNumber, "28405883210253X"),
        (.personalNumber, "2840A883210253X"), (.personalNumber, "2842A883210252A"),
        (.cardNumber, "8025001751000002718"), (.cardNumber, "8025001751000002718A"),
        (.institutionNumber, "01A5"), (.institutionNumber, "01234567890"), (.institutionNumber, ""),
        (.documentID, "crt-1"), (.documentID, String(repeating: "A", count: 41)), (.documentID, ""),
        (.lastName, "Dupont"), (.lastName, "DUPONT_"), (.lastName, "DUPONT\u{1D}"), (.lastName, "DUPONÉ"), (.lastName, ""),
        (.givenNames, "EVA\u{1E}"), (.givenNames, "ÉVA"),
    ])
    func init_refusesAValueBreakingItsFieldsRule(field: SealField, value: String) throws {
        let type = try #require(SealDocumentType.allCases.first { $0.fields.contains(field) })
        var fields = SealFixtures.fields(type)
        fields[field] = value
        let error = #expect(throws: SealError.self) { try SealFixtures.seal(type, fields: fields) }
        #expect(error?.refusedField == field, "\(String(describing: error))")
    }

    @Test(arguments: [
        (SealField.receivedAt, "301120262400"), (.receivedAt, "301120261260"), (.receivedAt, "31112026091"),
        (.receivedAt, "3011202609150"), (.procedure, "PROXY-REVOCATION"), (.procedure, "ORDERS"), (.procedure, ""),
    ])
    func init_refusesABadTimeOrProcedure(field: SealField, value: String) throws {
        var fields = SealFixtures.fields(.acknowledgement)
        fields[field] = value
        let error = #expect(throws: SealError.self) { try SealFixtures.seal(.acknowledgement, fields: fields) }
        #expect(error?.refusedField == field, "\(String(describing: error))")
    }

    @Test(arguments: SealProcedure.allCases)
    func init_acceptsEveryProcedure(procedure: SealProcedure) throws {
        var fields = SealFixtures.fields(.acknowledgement)
        fields[.procedure] = procedure.rawValue
        #expect(try SealFixtures.seal(.acknowledgement, fields: fields)[.procedure] == procedure.rawValue)
    }

    /// SEAL.md says "digits only", but a NIR born in Corsica has 2A or 2B as its department, as the card prints it.
    @Test(arguments: ["284052A321025", "184052B321025"])
    func init_acceptsACorsicanNIR(body: String) throws {
        var fields = SealFixtures.fields(.certificate)
        fields[.personalNumber] = body + "52"
        #expect(try SealFixtures.seal(.certificate, fields: fields)[.personalNumber] == body + "52")
    }

    @Test(arguments: ["", "A", "AMX", "am", "A-", "É"])
    func init_refusesAMalformedAuthority(authority: String) {
        #expect(throws: SealError.invalidAuthority(authority)) { try SealFixtures.seal(.cardCopy, authority: authority) }
    }

    @Test(arguments: ["", "K01", "K0011", "k001", "K-01", "K 01"])
    func init_refusesAMalformedCertificateID(id: String) {
        #expect(throws: SealError.invalidCertificateID(id)) { try SealFixtures.seal(.cardCopy, certificateID: id) }
    }

    @Test func init_refusesHeaderDatesOutsideTheHexRange() throws {
        let early = try SealDate(iso: "1999-12-31")
        let late = try SealDate(iso: "2179-06-06")
        let fields = SealFixtures.fields(.cardCopy)
        #expect(throws: SealError.dateOutsideHeaderRange(early)) {
            try UnsignedSeal(authority: "AM", certificateID: "K001", issueDate: early, signatureDate: SealDate(iso: "2026-01-01"),
                             type: .cardCopy, fields: fields)
        }
        #expect(throws: SealError.dateOutsideHeaderRange(late)) {
            try UnsignedSeal(authority: "AM", certificateID: "K001", issueDate: SealDate(iso: "2026-01-01"), signatureDate: late,
                             type: .cardCopy, fields: fields)
        }
    }

    @Test func init_cutsALongNameAndSaysSo() throws {
        var fields = SealFixtures.fields(.proxyConfirmation)
        fields[.lastName] = String(repeating: "AB", count: 25)
        fields[.holderFirstName] = String(repeating: "C", count: 38)
        let seal = try SealFixtures.seal(.proxyConfirmation, fields: fields)
        #expect(seal[.lastName] == String(repeating: "AB", count: 19))
        #expect(seal[.holderFirstName] == String(repeating: "C", count: 38))
        #expect(seal.truncatedFields == [.lastName])
    }

    @Test func init_refusesABadCharacterPastTheCut() throws {
        var fields = SealFixtures.fields(.cardCopy)
        fields[.lastName] = String(repeating: "A", count: 40) + "é"
        let error = #expect(throws: SealError.self) { try SealFixtures.seal(.cardCopy, fields: fields) }
        #expect(error?.refusedField == .lastName)
    }

    @Test func init_acceptsEmptyGivenNames() throws {
        var fields = SealFixtures.fields(.proxyConfirmation)
        fields[.givenNames] = ""
        fields[.holderFirstName] = ""
        let seal = try SealFixtures.seal(.proxyConfirmation, fields: fields)
        #expect(seal[.givenNames] == "")
        #expect(seal[.holderFirstName] == "")
    }

    @Test func transliterating_writesPrintedSpellingsWithTheRepertoire() throws {
        let seal = try UnsignedSeal(
            authority: "AM", certificateID: "K001", issueDate: SealDate(iso: "2026-02-28"),
            signatureDate: SealDate(iso: "2026-02-28"), type: .proxyConfirmation,
            transliterating: [.documentID: "pxy-2026-02-28-0011", .lastName: "Đurđević", .givenNames: "Zoë",
                              .validUntil: "28022027", .holderLastName: "ŁUKASIEWICZ-ØRSTED-VAN DER BERG-MÜLLNER",
                              .holderFirstName: "Jean-Baptiste Marie-Étienne Ødegård"])
        #expect(seal.fieldsByID() == [
            "01": "PXY-2026-02-28-0011", "62": "DURDEVIC", "60": "ZOE", "EB": "28022027",
            "EE": "LUKASIEWICZ-ORSTED-VAN DER BERG-MULLNE", "EF": "JEAN-BAPTISTE MARIE-ETIENNE ODEGARD",
        ])
        #expect(seal.truncatedFields == [.holderLastName])
    }

    /// An id is not a name: a character outside the repertoire makes it refused, never silently another id.
    @Test(arguments: ["crt_2026", "crt-é", "crt 2026\n", "straße-1"])
    func transliterating_refusesAnIDItCannotWrite(id: String) throws {
        var raw = SealFixtures.fields(.cardCopy)
        raw[.documentID] = id
        let error = #expect(throws: SealError.self) {
            try UnsignedSeal(authority: "AM", certificateID: "K001", issueDate: SealDate(iso: "2026-02-28"),
                             signatureDate: SealDate(iso: "2026-02-28"), type: .cardCopy, transliterating: raw)
        }
        #expect(error?.refusedField == .documentID)
    }

    @Test func transliterating_leavesNumbersAndDatesAsGiven() throws {
        var raw = SealFixtures.fields(.certificate)
        raw[.personalNumber] = "2 84 05 88 321 025 32"
        let error = #expect(throws: SealError.self) {
            try UnsignedSeal(authority: "AM", certificateID: "K001", issueDate: SealDate(iso: "2026-02-28"),
                             signatureDate: SealDate(iso: "2026-02-28"), type: .certificate, transliterating: raw)
        }
        #expect(error?.refusedField == .personalNumber)
    }

    @Test func documentTypes_listSEALmdsFieldsInOrder() {
        #expect(SealDocumentType.certificate.fields.map(\.rawValue) == ["01", "62", "60", "69", "EG", "EH", "EI", "E9", "EA", "EB"])
        #expect(SealDocumentType.acknowledgement.fields.map(\.rawValue) == ["01", "62", "60", "EC", "ED"])
        #expect(SealDocumentType.proxyConfirmation.fields.map(\.rawValue) == ["01", "62", "60", "EB", "EE", "EF"])
        #expect(SealDocumentType.cardCopy.fields.map(\.rawValue) == ["01", "62", "60", "69", "EI", "E9"])
        #expect(SealField.allCases.map(\.rawValue) == ["01", "62", "60", "69", "EG", "EH", "EI", "E9", "EA", "EB", "EC", "ED", "EE", "EF"])
    }
}

extension SealError {
    /// The field of an `invalidValue` error, nil for any other error.
    var refusedField: SealField? {
        if case .invalidValue(let field, _) = self { field } else { nil }
    }
}
