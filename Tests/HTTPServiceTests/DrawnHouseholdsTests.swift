// DrawnHouseholdsTests: households with names drawn over everything the records accept, in one service with the
// real pipeline and the service's own random ids: every document of every household answers 200.
import DocumentPipeline
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HTTPTypes
import HummingbirdTesting
import RecordSampler
import Records
import Storage
import Testing

struct DrawnHouseholdsTests {
    static let households = 12

    /// Household `index`: the insured (a card issued last year) and a child without a card, all names drawn.
    static func household(_ index: Int, sampler: inout RecordSampler) throws -> InsuredRecord {
        let body = "18503751\(String(format: "%02d", index / 100))\(String(format: "%03d", index % 1000))"
        let nir = try NIR(body + String(format: "%02d", NIR.key(forBody: body) ?? 0))
        return try InsuredRecord(
            nir: nir, email: "assure\(index)@example.org", addressStatus: .ok, rights: .open,
            institution: try sampler.drawnInstitution(),
            beneficiaries: [
                try Beneficiary(id: "titulaire", nir: nir, lastName: PersonName(sampler.name()), givenNames: PersonName(sampler.name()),
                                birthDate: CivilDate(iso: "1985-03-14"),
                                cards: [Card(number: CardNumber("80250017510\(String(format: "%09d", index))"), issueDate: CivilDate(iso: "2025-09-10"))]),
                try Beneficiary(id: "enfant", nir: nil, rank: 1, lastName: PersonName(sampler.name()), givenNames: PersonName(sampler.name()),
                                birthDate: CivilDate(iso: "2018-06-21")),
            ])
    }

    @Test func everyDocumentOfEveryDrawnHouseholdIsServed() async throws {
        var sampler = RecordSampler(seed: 0x16_0000)
        let records = try (0..<Self.households).map { try Self.household($0, sampler: &sampler) }
        let holders = try (0..<Self.households).map { _ in (last: sampler.name(), first: sampler.name()) }
        let renderer = try EndToEndTests.renderer.get()
        try await withService(records: records, renderer: renderer, ids: .random) { app in
            for (record, holder) in zip(records, holders) {
                let token = try await app.token(record.nir)
                for path in ["/v1/beneficiaries/titulaire/card.png", "/v1/beneficiaries/titulaire/card.pdf"] {
                    let card = try await app.send(.get, path, token: token)
                    #expect(card.status == .ok, "\(path): \(card.text.prefix(300))")
                }
                let order = try await app.send(.post, "/v1/beneficiaries/enfant/card-orders", json: #"{"departureWithin15Days":true}"#, token: token)
                #expect(order.status == .created, "\(order.text.prefix(300))")
                let certificate = try #require(order.object["certificate"] as? [String: Any])
                let pdf = try await app.send(.get, try #require(certificate["downloadUrl"] as? String), token: token)
                #expect(pdf.status == .ok, "certificate: \(pdf.text.prefix(300))")

                let body = try JSONSerialization.data(withJSONObject: [
                    "civility": "Mme", "lastName": holder.last, "firstName": holder.first, "birthDate": "1970-01-01", "certified": true,
                ])
                let proxy = try await app.send(.post, "/v1/proxy", json: String(decoding: body, as: UTF8.self), token: token)
                #expect(proxy.status == .created, "\(proxy.text.prefix(300))")
                let confirmation = try await app.send(.get, try #require(proxy.object["confirmationUrl"] as? String), token: token)
                #expect(confirmation.status == .ok, "proxy confirmation: \(confirmation.text.prefix(300))")

                for message in try await app.send(.get, "/v1/inbox", token: token).array {
                    let url = try #require((message["attachment"] as? [String: String])?["url"])
                    let acknowledgement = try await app.send(.get, url, token: token)
                    #expect(acknowledgement.status == .ok, "acknowledgement: \(acknowledgement.text.prefix(300))")
                }
            }
        }
    }
}
