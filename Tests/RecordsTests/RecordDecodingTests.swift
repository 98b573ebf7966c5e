// Decoding the import record of API.md: the example decodes, and each broken field is named.
import Foundation
import Testing
@testable import Records

struct RecordDecodingTests {
    static let example = """
    { "nir": "255081416802538", "email": "eva.dupont@example.org",
      "addressStatus": "ok", "rights": "open",
      "institution": { "id": "0175", "acronym": "CPAM PARIS", "name": "CPAM de Paris",
                       "address": "21 rue Georges Auric, 75948 Paris Cedex 19", "phone": "3646" },
      "beneficiaries": [
        { "id": "eva", "nir": "255081416802538", "lastName": "DUPONT", "givenNames": "Eva",
          "birthDate": "1955-08-14",
          "cards": [ { "number": "80250017510000012345", "issueDate": "2025-01-10",
                       "expiryDate": "2027-01-10", "status": "active" } ],
          "lossDeclarations": [ { "date": "2026-03-02", "kind": "theft" } ] } ] }
    """

    private func decode(_ json: String) throws -> InsuredRecord {
        try JSONDecoder().decode(InsuredRecord.self, from: Data(json.utf8))
    }

    private func field(_ json: String) -> String? {
        do { _ = try decode(json); return nil } catch let error as RecordError { return error.field } catch { return "not a RecordError: \(error)" }
    }

    @Test func apiExampleDecodesAndRoundTrips() throws {
        let record = try decode(Self.example)
        #expect(record.beneficiaries.first?.cards.first?.expiryDate == (try CivilDate(iso: "2027-01-10")))
        #expect(record.holder?.id == "eva")
        let again = try JSONDecoder().decode(InsuredRecord.self, from: JSONEncoder().encode(record))
        #expect(again == record)
    }

    @Test(arguments: [
        ("\"255081416802538\", \"email\"", "\"255081416802539\", \"email\"", "nir"),
        ("\"birthDate\": \"1955-08-14\"", "\"birthDate\": \"1955-02-30\"", "beneficiaries[0].birthDate"),
        ("\"lastName\": \"DUPONT\"", "\"lastName\": \"ŒUVRE\"", "beneficiaries[0].lastName"),
        ("\"expiryDate\": \"2027-01-10\"", "\"expiryDate\": \"2028-01-10\"", "beneficiaries[0].cards[0].expiryDate"),
        ("\"id\": \"0175\"", "\"id\": \"175\"", "institution.id"),
        ("\"number\": \"80250017510000012345\"", "\"number\": \"8025001751000001234\"", "beneficiaries[0].cards[0].number"),
        ("eva.dupont@example.org", "eva.dupont", "email"),
        // An address that could not go into a mail header is refused here, not when the notice is sent.
        ("eva.dupont@example.org", "eva<dupont>@example.org", "email"),
        ("eva.dupont@example.org", "eva.dupont@exa\\u0007mple.org", "email"),
    ])
    func brokenFieldIsNamed(original: String, broken: String, expectedField: String) {
        #expect(Self.example.contains(original))
        #expect(field(Self.example.replacingOccurrences(of: original, with: broken)) == expectedField)
    }

    @Test func cardValidityIsTwoYears() throws {
        let card = Card(number: try CardNumber("80250017510000012345"), issueDate: try CivilDate(iso: "2024-02-29"))
        #expect(card.expiryDate == (try CivilDate(iso: "2026-02-28")))
        #expect(card.state(on: try CivilDate(iso: "2026-02-28")) == .active)
        #expect(card.state(on: try CivilDate(iso: "2026-03-01")) == .expired)
    }

    @Test(arguments: ["8025001751000001234", "802500175100000123456", "90250017510000012345", "8025001751000001234A"])
    func cardNumberIsExactly20DigitsFromFrance(text: String) {
        #expect(throws: RecordError.self) { try CardNumber(text) }
    }

    @Test func cardNumberFromInstitutionAndSerial() throws {
        let number = try CardNumber(institutionDigits: "01751", serial: 12345)
        #expect(number.value == "80250017510000012345")
        #expect(number.issuer == "8025001751" && number.serial == "0000012345")
    }

    @Test func futureDatesNeedToday() throws {
        let record = try decode(Self.example)
        #expect(record.futureDates(after: try CivilDate(iso: "2026-11-24")).isEmpty)
        #expect(record.futureDates(after: try CivilDate(iso: "2025-01-09")).map(\.field) ==
                ["beneficiaries[0].cards[0].issueDate", "beneficiaries[0].lossDeclarations[0].date"])
    }

    @Test func twoActiveCardsAreRefused() throws {
        let two = Self.example.replacingOccurrences(of: "\"status\": \"active\" } ]", with:
            "\"status\": \"active\" }, { \"number\": \"80250017510000012346\", \"issueDate\": \"2025-02-10\", \"expiryDate\": \"2027-02-10\", \"status\": \"active\" } ]")
        #expect(two != Self.example)
        #expect(field(two) == "beneficiaries[0].cards")
    }
}
