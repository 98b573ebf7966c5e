// DemoHouseholdTests: `serve --demo` shows what the issue asks, whatever day it starts, and its lines work.
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HTTPTypes
import HummingbirdTesting
import Records
import Testing

@Suite struct DemoHouseholdTests {
    @Test(arguments: ["2026-03-14", "2026-12-31", "2028-02-29"])
    func demoHasOneActiveCardOneExpiringWithinTwoMonthsAndOneChildWithoutCard(day: String) async throws {
        let clock = TestClock()
        clock.set(Date(timeIntervalSince1970: TimeInterval(try CivilDate(iso: "1970-01-01").days(until: CivilDate(iso: day))) * 86_400 + 36_000))
        let record = try DemoHousehold.record(today: clock.today)
        try await withService(records: [record], clock: clock) { app in
            let token = try await app.token(try NIR(DemoHousehold.insuredNIR))
            let list = try await app.send(.get, "/v1/beneficiaries", token: token).array
            func available(_ id: String, _ action: String) -> Bool? {
                let row = list.first { $0["id"] as? String == id }
                return ((row?["actions"] as? [[String: Any]])?.first { $0["action"] as? String == action })?["available"] as? Bool
            }
            #expect(list.count == 3)
            #expect(available("marc", "view") == true && available("marc", "renew") == false)
            #expect(available("lea", "view") == true && available("lea", "renew") == true)
            #expect(available("hugo", "order") == true && available("hugo", "view") == false)
        }
    }

    @Test func instructionsCarryTokensForThisSecretAndEveryFlow() async throws {
        let tokens = try await AccessTokens(secret: Fixtures.secret)
        let text = try await DemoHousehold.instructions(base: "http://127.0.0.1:8080", tokens: tokens, drawnSecret: Fixtures.secret,
                                                        now: TestClock.start, storeDescription: "SQLite demo.sqlite",
                                                        mail: "Avis de dépôt : relais absent.")
        let token = try #require(text.split(separator: "\n").first { $0.hasPrefix("export TOKEN=") }?.dropFirst("export TOKEN=".count))
        #expect(await tokens.verify(String(token), now: TestClock.start)?.nir.value == DemoHousehold.insuredNIR)
        #expect(text.contains("Avis de dépôt : relais absent."))
        for route in ["/card-orders", "/loss-declarations", "/v1/proxy", "card.png", "card.pdf", "/v1/inbox", "/fulfilment", "/rating",
                      "/v1/admin/notices?status=pending"] {
            #expect(text.contains(route), "\(route)")
        }
    }

    /// A secret the demo did not draw (one from the environment) is never printed, nor any token signed with it.
    @Test func instructionsShowNoSecretTheDemoDidNotDraw() async throws {
        let tokens = try await AccessTokens(secret: Fixtures.secret)
        let text = try await DemoHousehold.instructions(base: "http://127.0.0.1:8080", tokens: tokens, drawnSecret: nil,
                                                        now: TestClock.start, storeDescription: "SQLite demo.sqlite", mail: "")
        #expect(!text.contains(Fixtures.secret))
        #expect(!text.contains("AMELI_DOCS_JWT_SECRET="))
        #expect(!text.contains("eyJ"), "a token signed with the environment's secret")
        #expect(text.contains("export TOKEN=$(ameli-docs token --nir \(DemoHousehold.insuredNIR))"))
        #expect(text.contains("export ADMIN_TOKEN=$(ameli-docs token --nir \(DemoHousehold.insuredNIR) --admin)"))
    }
}
