// RuleRefusalsThroughAPITests: each rule of DOMAIN.md, refused (or enforced) through the HTTP API.
import Foundation
import HTTPTypes
import HummingbirdTesting
import Records
import Storage
import TeleserviceRules
import Testing

@Suite struct RuleRefusalsThroughAPITests {
    private let order = #"{"departureWithin15Days":false}"#

    private func action(_ response: TestResponse, beneficiary: String, _ action: String) -> [String: Any]? {
        let row = response.array.first { $0["id"] as? String == beneficiary }
        return (row?["actions"] as? [[String: Any]])?.first { $0["action"] as? String == action }
    }

    @Test func R_ONE_AT_A_TIME_aRequestNamesOneBeneficiaryOfTheHousehold() async throws {
        try await withService { app in
            let unknown = try await app.send(.post, "/v1/beneficiaries/nobody/card-orders", json: order)
            #expect(unknown.status == .notFound)
            #expect(unknown.problemCode == "not-found")
        }
    }

    @Test func R_ORDER_activeCardBlocksOrderingInActions() async throws {
        try await withService { app in
            let list = try await app.send(.get, "/v1/beneficiaries")
            #expect(action(list, beneficiary: "marc", "order")?["blockedBy"] as? String == "R_ORDER")
            #expect(action(list, beneficiary: "hugo", "order")?["available"] as? Bool == true)
        }
    }

    @Test func R_RENEW_WINDOW_refusedThroughAPIWithTheFirstPossibleDate() async throws {
        try await withService { app in
            let early = try await app.send(.post, "/v1/beneficiaries/marc/card-orders", json: order)
            #expect(early.status == .conflict)
            #expect(early.problemCode == "R_RENEW_WINDOW")
            #expect(early.object["availableFrom"] as? String == "2027-07-10")
            // Léa's card expires on 2026-04-20: the window is open, the request is a renewal.
            let renewal = try await app.send(.post, "/v1/beneficiaries/lea/card-orders", json: order)
            #expect(renewal.status == .created)
            #expect((renewal.object["order"] as? [String: Any])?["kind"] as? String == "renewal")
        }
    }

    @Test func R_ONE_OPEN_ORDER_refusedThroughAPI() async throws {
        try await withService { app in
            #expect(try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: order).status == .created)
            let second = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: order)
            #expect(second.status == .conflict)
            #expect(second.problemCode == "R_ONE_OPEN_ORDER")
        }
    }

    @Test func R_NPAI_refusedThroughAPIButLossStillDeclarable() async throws {
        try await withService(records: [Fixtures.martin(address: .npai)]) { app in
            let refused = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: order)
            #expect(refused.status == .conflict)
            #expect(refused.problemCode == "R_NPAI")
            let loss = try await app.send(.post, "/v1/beneficiaries/marc/loss-declarations", json: #"{"kind":"loss","date":"2026-03-14","sworn":true}"#)
            #expect(loss.status == .created)
        }
    }

    @Test func R_RIGHTS_refusedThroughAPI() async throws {
        try await withService(records: [Fixtures.martin(rights: .insufficient)]) { app in
            let refused = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: order)
            #expect(refused.status == .conflict)
            #expect(refused.problemCode == "R_RIGHTS")
            let loss = try await app.send(.post, "/v1/beneficiaries/marc/loss-declarations", json: #"{"kind":"loss","date":"2026-03-14","sworn":true}"#)
            #expect(loss.problemCode == "R_RIGHTS")
        }
    }

    @Test func R_LOSS_LIMIT_refusedThroughAPIAfterThreeDeclarationsThisYear() async throws {
        let losses = try ["2026-01-05", "2026-02-01", "2026-03-01"].map { LossDeclaration(date: try CivilDate(iso: $0), kind: .loss) }
        try await withService(records: [Fixtures.martin(marcLosses: losses)]) { app in
            let refused = try await app.send(.post, "/v1/beneficiaries/marc/loss-declarations", json: #"{"kind":"theft","date":"2026-03-14","sworn":true}"#)
            #expect(refused.status == .conflict)
            #expect(refused.problemCode == "R_LOSS_LIMIT")
        }
    }

    @Test func R_CANCELLED_PENDING_refusedThroughAPI() async throws {
        try await withService { app in
            #expect(try await app.send(.post, "/v1/beneficiaries/marc/loss-declarations", json: #"{"kind":"loss","date":"2026-03-14","sworn":true}"#).status == .created)
            #expect(try await app.send(.post, "/v1/beneficiaries/marc/card-orders", json: order).status == .created)
            let again = try await app.send(.post, "/v1/beneficiaries/marc/card-orders", json: order)
            #expect(again.status == .conflict)
            #expect(again.problemCode == "R_CANCELLED_PENDING")
        }
    }

    @Test func R_LOSS_refusedThroughAPIWithoutSwornStatementOrCard() async throws {
        try await withService { app in
            let unsworn = try await app.send(.post, "/v1/beneficiaries/marc/loss-declarations", json: #"{"kind":"loss","date":"2026-03-14","sworn":false}"#)
            #expect(unsworn.status == .unprocessableContent)
            #expect(unsworn.problemCode == "R_LOSS")
            #expect((unsworn.object["errors"] as? [[String: Any]])?.map { $0["field"] as? String } == ["sworn"])
            let future = try await app.send(.post, "/v1/beneficiaries/marc/loss-declarations", json: #"{"kind":"loss","date":"2026-03-15","sworn":true}"#)
            #expect(future.problemCode == "R_LOSS")
            let noCard = try await app.send(.post, "/v1/beneficiaries/hugo/loss-declarations", json: #"{"kind":"loss","date":"2026-03-14","sworn":true}"#)
            #expect(noCard.status == .conflict)
            #expect(noCard.problemCode == "R_LOSS")
            let badKind = try await app.send(.post, "/v1/beneficiaries/marc/loss-declarations", json: #"{"kind":"burnt","date":"2026-03-14","sworn":true}"#)
            #expect(badKind.problemCode == "invalid-field")
            // Nothing of the refused declarations was kept.
            #expect(try await app.store.household(of: Fixtures.martinNIR)?.record.beneficiary("marc")?.lossDeclarations.isEmpty == true)
        }
    }

    @Test func R_DEPARTURE_refusedThroughAPIWithoutAnAnswer() async throws {
        try await withService { app in
            let missing = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: "{}")
            #expect(missing.status == .unprocessableContent)
            #expect(missing.problemCode == "R_DEPARTURE")
            let noDeparture = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: order)
            #expect(noDeparture.object["certificate"] == nil)
        }
    }

    @Test func R_CERTIFICATE_secondDownloadRefusedAsGone() async throws {
        try await withService { app in
            let created = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":true}"#)
            let url = try #require((created.object["certificate"] as? [String: Any])?["downloadUrl"] as? String)
            #expect(try await app.send(.get, url).status == .ok)
            for _ in 0..<2 {
                let again = try await app.send(.get, url)
                #expect(again.status == .gone)
                #expect(again.problemCode == "gone")
            }
        }
    }

    @Test func R_ACK_everyAcceptedProcedureLeavesAMessageAndANotice() async throws {
        try await withService { app in
            try await app.send(.post, "/v1/beneficiaries/lea/card-orders", json: order)
            try await app.send(.post, "/v1/beneficiaries/marc/loss-declarations", json: #"{"kind":"loss","date":"2026-03-14","sworn":true}"#)
            try await app.send(.post, "/v1/proxy", json: #"{"civility":"M.","lastName":"DURAND","firstName":"Paul","birthDate":"1970-01-01","certified":true}"#)
            try await app.send(.delete, "/v1/proxy")
            let inbox = try await app.send(.get, "/v1/inbox").array
            #expect(inbox.count == 4)
            #expect(try await app.store.notices(of: Fixtures.martinNIR).count == 4)
            let subjects = inbox.compactMap { $0["subject"] as? String }
            #expect(subjects.allSatisfy { $0.hasPrefix("Accusé de réception") })
        }
    }

    @Test func R_HISTORY_proceduresListedNewestFirstWithStatus() async throws {
        try await withService { app in
            try await app.send(.post, "/v1/beneficiaries/lea/card-orders", json: order)
            app.clock.advance(days: 1)
            try await app.send(.post, "/v1/beneficiaries/marc/loss-declarations", json: #"{"kind":"loss","date":"2026-03-15","sworn":true}"#)
            let history = try await app.send(.get, "/v1/procedures").array
            #expect(history.map { $0["kind"] as? String } == ["loss-declaration", "renewal"])
            #expect(history.map { $0["status"] as? String } == ["completed", "in-progress"])
            #expect(history.map { $0["beneficiaryId"] as? String } == ["marc", "lea"])
        }
    }

    @Test func R_VIEW_refusedThroughAPIForAMissingCancelledOrExpiredCard() async throws {
        try await withService { app in
            let none = try await app.send(.get, "/v1/beneficiaries/hugo/card.png")
            #expect(none.status == .conflict)
            #expect(none.problemCode == "R_VIEW")
            #expect(try await app.send(.get, "/v1/beneficiaries/lea/card.png").status == .ok)
            app.clock.advance(days: 40)   // Léa's card expired on 2026-04-20
            let expired = try await app.send(.get, "/v1/beneficiaries/lea/card.pdf")
            #expect(expired.problemCode == "R_VIEW")
        }
    }

    @Test func R_FULFIL_fulfilmentActivatesTheCardOnceThroughAPI() async throws {
        try await withService { app in
            let created = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: order)
            let orderID = try #require((created.object["order"] as? [String: Any])?["id"] as? String)
            app.clock.advance(days: 10)
            let admin = try await app.token(admin: true)
            let fulfilled = try await app.send(.post, "/v1/admin/card-orders/\(orderID)/fulfilment", json: "{}", token: admin)
            #expect(fulfilled.status == .ok)
            #expect(fulfilled.object["status"] as? String == "active")
            #expect(fulfilled.object["issueDate"] as? String == "2026-03-24")
            #expect(fulfilled.object["number"] as? String == "80250017510001000000")
            #expect(try await app.send(.get, "/v1/beneficiaries/hugo/card.png").status == .ok)
            #expect(try await app.send(.get, "/v1/procedures").array.first?["status"] as? String == "completed")
            let again = try await app.send(.post, "/v1/admin/card-orders/\(orderID)/fulfilment", json: "{}", token: admin)
            #expect(again.status == .conflict)
            #expect(again.problemCode == "R_FULFIL")
            let unknown = try await app.send(.post, "/v1/admin/card-orders/nope/fulfilment", json: "{}", token: admin)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func R_ACTIONS_listsEachActionWithItsBlockingRule() async throws {
        try await withService { app in
            let list = try await app.send(.get, "/v1/beneficiaries")
            #expect(list.array.map { $0["id"] as? String } == ["marc", "lea", "hugo"])
            for row in list.array {
                let actions = try #require(row["actions"] as? [[String: Any]])
                #expect(Set(actions.compactMap { $0["action"] as? String }) == ["order", "renew", "declare-loss", "view"])
            }
            let renew = try #require(action(list, beneficiary: "marc", "renew"))
            #expect(renew["available"] as? Bool == false)
            #expect(renew["blockedBy"] as? String == "R_RENEW_WINDOW")
            #expect(renew["availableFrom"] as? String == "2027-07-10")
            #expect(action(list, beneficiary: "lea", "renew")?["available"] as? Bool == true)
            #expect(action(list, beneficiary: "hugo", "view")?["blockedBy"] as? String == "R_VIEW")
            let hugo = try #require(list.array.first { $0["id"] as? String == "hugo" })
            // openapi.yaml: `card` and `openOrder` are absent when the beneficiary has none.
            #expect(hugo["card"] == nil && hugo["openOrder"] == nil)
            #expect(hugo["actions"] != nil)
        }
    }

    @Test func R_RATING_refusedThroughAPIOutOfRangeOrTwice() async throws {
        try await withService { app in
            let created = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: order)
            let id = try #require((created.object["order"] as? [String: Any])?["id"] as? String)
            let outOfRange = try await app.send(.post, "/v1/procedures/\(id)/rating", json: #"{"score":6}"#)
            #expect(outOfRange.status == .unprocessableContent)
            #expect(outOfRange.problemCode == "R_RATING")
            #expect(try await app.send(.post, "/v1/procedures/\(id)/rating", json: #"{"score":4}"#).status == .noContent)
            let twice = try await app.send(.post, "/v1/procedures/\(id)/rating", json: #"{"score":5}"#)
            #expect(twice.status == .conflict)
            #expect(twice.problemCode == "R_RATING")
            #expect(try await app.send(.get, "/v1/procedures").array.first?["rating"] as? Int == 4)
        }
    }

    @Test func P_FIELDS_refusedThroughAPINamingEachField() async throws {
        try await withService { app in
            let refused = try await app.send(.post, "/v1/proxy", json: #"{"civility":"Dr","firstName":"Paul","birthDate":"1970-13-01","certified":true}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.problemCode == "P_FIELDS")
            let fields = Set(((refused.object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["civility", "lastName", "birthDate"])
        }
    }

    @Test func P_ADULT_refusedThroughAPIOnTheDayBeforeTheEighteenthBirthday() async throws {
        try await withService { app in
            let minor = try await app.send(.post, "/v1/proxy", json: #"{"civility":"M.","lastName":"DURAND","firstName":"Paul","birthDate":"2008-03-15","certified":true}"#)
            #expect(minor.problemCode == "P_ADULT")
            let adult = try await app.send(.post, "/v1/proxy", json: #"{"civility":"M.","lastName":"DURAND","firstName":"Paul","birthDate":"2008-03-14","certified":true}"#)
            #expect(adult.status == .created)
        }
    }

    @Test func P_CERTIFY_refusedThroughAPIWithoutTheBoxTicked() async throws {
        try await withService { app in
            for body in [#"{"civility":"M.","lastName":"DURAND","firstName":"Paul","birthDate":"1970-01-01","certified":false}"#,
                         #"{"civility":"M.","lastName":"DURAND","firstName":"Paul","birthDate":"1970-01-01"}"#] {
                let refused = try await app.send(.post, "/v1/proxy", json: body)
                #expect(refused.status == .unprocessableContent)
                #expect(refused.problemCode == "P_CERTIFY")
            }
        }
    }

    @Test func P_VALIDITY_proxyValidOneMonthThenNoLongerActive() async throws {
        try await withService { app in
            let created = try await app.send(.post, "/v1/proxy", json: #"{"civility":"M.","lastName":"DURAND","firstName":"Paul","birthDate":"1970-01-01","certified":true}"#)
            #expect((created.object["proxy"] as? [String: Any])?["validUntil"] as? String == "2026-04-14")
            app.clock.advance(days: 31)   // 2026-04-14: last day
            #expect(try await app.send(.get, "/v1/proxy").status == .ok)
            app.clock.advance(days: 1)
            #expect(try await app.send(.get, "/v1/proxy").status == .notFound)
        }
    }

    @Test func P_ONE_ACTIVE_refusedThroughAPIWhileOneIsActive() async throws {
        try await withService { app in
            let body = #"{"civility":"M.","lastName":"DURAND","firstName":"Paul","birthDate":"1970-01-01","certified":true}"#
            #expect(try await app.send(.post, "/v1/proxy", json: body).status == .created)
            let second = try await app.send(.post, "/v1/proxy", json: body)
            #expect(second.status == .conflict)
            #expect(second.problemCode == "P_ONE_ACTIVE")
            #expect(try await app.send(.delete, "/v1/proxy").status == .noContent)
            #expect(try await app.send(.post, "/v1/proxy", json: body).status == .created)
        }
    }

    @Test func P_REVOKE_revokingTwiceIsHarmless() async throws {
        try await withService { app in
            #expect(try await app.send(.delete, "/v1/proxy").status == .noContent)
            try await app.send(.post, "/v1/proxy", json: #"{"civility":"M.","lastName":"DURAND","firstName":"Paul","birthDate":"1970-01-01","certified":true}"#)
            #expect(try await app.send(.delete, "/v1/proxy").status == .noContent)
            #expect(try await app.send(.delete, "/v1/proxy").status == .noContent)
            // One revocation acknowledged, not three.
            #expect(try await app.send(.get, "/v1/procedures").array.filter { $0["kind"] as? String == "proxy-revocation" }.count == 1)
        }
    }

    @Test func P_SCOPE_confirmationCarriesScopeAndExclusions() async throws {
        try await withService { app in
            let created = try await app.send(.post, "/v1/proxy", json: #"{"civility":"M.","lastName":"DURAND","firstName":"Paul","birthDate":"1970-01-01","certified":true}"#)
            let confirmation = try await app.send(.get, try #require(created.object["confirmationUrl"] as? String))
            // The echo renderer shows the record rendered: the confirmation with its scope and exclusions.
            #expect(confirmation.text.contains(ProxyTeleservice.scope))
            #expect(confirmation.text.contains(ProxyTeleservice.exclusions))
        }
    }
}
