// Scenarios: the checks run on both databases (SQLite suites call them directly, PostgresAPITests on PostgreSQL).
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Records
import Storage
import TeleserviceRules
import Testing

enum Scenarios {
    /// Seed flow 1: an order with departure within 15 days → certificate downloadable once → acknowledgement in
    /// the inbox, its notice recorded, the procedure in the history.
    static func orderWithDeparture(_ database: TestDatabase, renderer: any DocumentRendering = EchoRenderer(),
                                   checkPDF: @escaping @Sendable ([UInt8]) throws -> Void = { _ in }) async throws {
        try await withService(database, renderer: renderer) { app in
            let order = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":true}"#)
            #expect(order.status == .created)
            let certificate = try #require(order.object["certificate"] as? [String: Any])
            #expect(certificate["validFrom"] as? String == "2026-03-14")
            #expect(certificate["validUntil"] as? String == "2026-06-14")
            let url = try #require(certificate["downloadUrl"] as? String)
            let orderView = try #require(order.object["order"] as? [String: Any])
            #expect(orderView["kind"] as? String == "order")
            #expect(orderView["expectedDeliveryDays"] as? Int == 10)

            let first = try await app.send(.get, url)
            #expect(first.status == .ok)
            #expect(first.headers[.contentType] == "application/pdf")
            try checkPDF(first.bytes)
            let second = try await app.send(.get, url)
            #expect(second.status == .gone)
            #expect(second.problemCode == "gone")

            let messageID = try #require((order.object["acknowledgement"] as? [String: Any])?["messageId"] as? String)
            let inbox = try await app.send(.get, "/v1/inbox")
            #expect(inbox.array.map { $0["id"] as? String } == [messageID])
            let attachment = try #require(inbox.array.first?["attachment"] as? [String: String])
            let pdf = try await app.send(.get, try #require(attachment["url"]))
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentType] == "application/pdf")
            try checkPDF(pdf.bytes)

            let notices = try await app.store.notices(of: Fixtures.martinNIR)
            #expect(notices.map(\.to) == ["marc.martin@example.org"])
            let history = try await app.send(.get, "/v1/procedures")
            #expect(history.array.map { $0["id"] as? String } == [messageID])
            #expect(history.array.first?["beneficiaryId"] as? String == "hugo")
            #expect(history.array.first?["status"] as? String == "in-progress")
            // The SHA-256 of what was served is kept, so the documents can be proven later.
            let served = try await app.store.servedDocuments(of: Fixtures.martinNIR)
            #expect(Set(served.map(\.kind)) == [.certificate, .acknowledgement])
            #expect(served.allSatisfy { $0.sha256.count == 64 })
        }
    }

    /// Seed flow 2: loss declaration → card cancelled → order allowed (kind order, not renewal).
    static func lossThenOrder(_ database: TestDatabase) async throws {
        try await withService(database) { app in
            let loss = try await app.send(.post, "/v1/beneficiaries/marc/loss-declarations",
                                          json: #"{"kind":"theft","date":"2026-03-13","sworn":true}"#)
            #expect(loss.status == .created)
            #expect((loss.object["card"] as? [String: Any])?["status"] as? String == "cancelled")
            #expect((loss.object["declaration"] as? [String: Any])?["kind"] as? String == "theft")
            let list = try await app.send(.get, "/v1/beneficiaries")
            let marc = try #require(list.array.first { $0["id"] as? String == "marc" })
            let actions = try #require(marc["actions"] as? [[String: Any]])
            #expect(actions.first { $0["action"] as? String == "order" }?["available"] as? Bool == true)
            let order = try await app.send(.post, "/v1/beneficiaries/marc/card-orders", json: #"{"departureWithin15Days":false}"#)
            #expect(order.status == .created)
            #expect((order.object["order"] as? [String: Any])?["kind"] as? String == "order")
            #expect(order.object["certificate"] == nil)
            #expect(try await app.send(.get, "/v1/inbox").array.count == 2)
        }
    }

    /// Seed flow 3: proxy — a 17-year-old holder refused with the seed's message, an adult accepted, revoked.
    static func proxyFlow(_ database: TestDatabase, renderer: any DocumentRendering = EchoRenderer(),
                          checkPDF: @escaping @Sendable ([UInt8]) throws -> Void = { _ in }) async throws {
        try await withService(database, renderer: renderer) { app in
            let minor = try await app.send(.post, "/v1/proxy", json: """
                {"civility":"Mme","lastName":"DURAND","firstName":"Claire","birthDate":"2008-03-15","certified":true}
                """)
            #expect(minor.status == .unprocessableContent)
            #expect(minor.problemCode == "P_ADULT")
            #expect(minor.object["detail"] as? String == "Le formulaire comporte une ou plusieurs erreurs. Merci de vérifier votre saisie. Le mandataire doit avoir 18 ans révolus pour pouvoir vous représenter")
            let created = try await app.send(.post, "/v1/proxy", json: """
                {"civility":"Mme","lastName":"DURAND","firstName":"Claire","birthDate":"2008-03-14","certified":true}
                """)
            #expect(created.status == .created)
            let proxy = try #require(created.object["proxy"] as? [String: Any])
            #expect(proxy["validUntil"] as? String == "2026-04-14")
            #expect((proxy["holder"] as? [String: Any])?["lastName"] as? String == "DURAND")
            let confirmation = try await app.send(.get, try #require(created.object["confirmationUrl"] as? String))
            #expect(confirmation.status == .ok)
            try checkPDF(confirmation.bytes)
            #expect(try await app.send(.get, "/v1/proxy").status == .ok)
            #expect(try await app.send(.delete, "/v1/proxy").status == .noContent)
            #expect(try await app.send(.get, "/v1/proxy").status == .notFound)
            #expect(try await app.send(.delete, "/v1/proxy").status == .noContent)
            let kinds = try await app.send(.get, "/v1/procedures").array.compactMap { $0["kind"] as? String }
            #expect(kinds == ["proxy-revocation", "proxy"])
        }
    }

    /// R_CERTIFICATE under concurrency, over two replicas of one database: 100 simultaneous downloads give one
    /// 200 and 99 × 410, render once, and never answer 503, although the render queue (8 jobs on this machine's two
    /// cores) is far smaller than the crowd: the losers are answered before rendering. The download is recorded
    /// once, with the digest of the bytes served.
    static func hundredConcurrentDownloadsOverTwoReplicas(_ database: TestDatabase) async throws {
        let (first, second) = (CountingRenderer(), CountingRenderer())
        try await withService(database, renderer: first) { app in
            let order = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":true}"#)
            let url = try #require((order.object["certificate"] as? [String: Any])?["downloadUrl"] as? String)
            let token = try await app.token()
            try await withService(database, records: [], renderer: second, clock: app.clock, sharing: app.testStore) { replica in
                let answers = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                    for index in 0..<100 {
                        let server = index.isMultiple(of: 2) ? app : replica
                        group.addTask { try await server.send(.get, url, token: token) }
                    }
                    return try await group.reduce(into: [TestResponse]()) { $0.append($1) }
                }
                let statuses = answers.map(\.status)
                #expect(statuses.filter { $0 == .ok }.count == 1)
                #expect(statuses.filter { $0 == .gone }.count == 99, "\(Set(statuses.map(\.code)))")
                #expect(first.renders + second.renders == 1, "rendered once, by the request holding the download")
                let served = try await app.store.servedDocuments(of: Fixtures.martinNIR).filter { $0.kind == .certificate }
                let winner = try #require(answers.first { $0.status == .ok })
                #expect(served.map(\.sha256) == [AmeliService.sha256Hex(winner.bytes)])
                let id = try #require(url.split(separator: "/").last?.replacingOccurrences(of: ".pdf", with: ""))
                #expect(try await app.store.registeredDocument(id: id)?.sha256 == AmeliService.sha256Hex(winner.bytes))
            }
        }
    }

    /// A failure while rendering under the lease gives the download back: the next request gets the certificate.
    static func aFailedRenderDoesNotUseTheDownloadUp(_ database: TestDatabase) async throws {
        let renderer = FailingOnceRenderer()
        try await withService(database, renderer: renderer) { app in
            let order = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":true}"#)
            let url = try #require((order.object["certificate"] as? [String: Any])?["downloadUrl"] as? String)
            #expect(try await app.send(.get, url).status == .internalServerError)
            #expect(try await app.send(.get, url).status == .ok)
            #expect(try await app.send(.get, url).status == .gone)
        }
    }

    /// R_ONE_OPEN_ORDER under concurrency: two simultaneous orders for one beneficiary, exactly one 201.
    static func twoConcurrentOrders(_ database: TestDatabase) async throws {
        try await withService(database) { app in
            let token = try await app.token()
            let answers = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":false}"#, token: token) }
                }
                return try await group.reduce(into: [TestResponse]()) { $0.append($1) }
            }
            #expect(answers.filter { $0.status == .created }.count == 1)
            #expect(answers.filter { $0.status == .conflict }.map(\.problemCode) == ["R_ONE_OPEN_ORDER"])
            let household = try #require(try await app.store.household(of: Fixtures.martinNIR))
            #expect(household.orders.count == 1)
            #expect(try await app.store.inbox(of: Fixtures.martinNIR).count == 1)
        }
    }

    /// Idempotency-Key: the same key and body replay the first answer with no second effect; the same key with
    /// another body is refused (422 conflict).
    static func idempotentReplay(_ database: TestDatabase) async throws {
        try await withService(database) { app in
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "order-hugo-1"]
            let body = #"{"departureWithin15Days":true}"#
            let first = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: body, headers: key)
            let again = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: body, headers: key)
            #expect(first.status == .created)
            #expect(again.status == .created)
            #expect(again.bytes == first.bytes)
            #expect(again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try await app.store.household(of: Fixtures.martinNIR)?.orders.count == 1)
            #expect(try await app.store.inbox(of: Fixtures.martinNIR).count == 1)
            #expect(try await app.store.notices(of: Fixtures.martinNIR).count == 1)
            let other = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":false}"#, headers: key)
            #expect(other.status == .unprocessableContent)
            #expect(other.problemCode == "conflict")
            // Without a key, the same request is a second request: refused by the rules, not replayed.
            let unkeyed = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: body)
            #expect(unkeyed.problemCode == "R_ONE_OPEN_ORDER")
        }
    }

    /// Each keyed procedure keeps its receipt with the key: the same request a day later replays the first answer,
    /// byte for byte (the loss's card as it stood that day, the fulfilled card as it was produced), and does nothing.
    static func everyKeyedProcedureReplaysItsFirstAnswer(_ database: TestDatabase) async throws {
        try await withService(database) { app in
            // A token is made at each request: a day later the first one has expired.
            func twice(_ path: String, _ body: String, key: String, admin: Bool = false) async throws -> TestResponse {
                let headers: HTTPFields = [HTTPField.Name("Idempotency-Key")!: key]
                let first = try await app.send(.post, path, json: body, token: try await app.token(admin: admin), headers: headers)
                app.clock.advance(days: 1)
                let again = try await app.send(.post, path, json: body, token: try await app.token(admin: admin), headers: headers)
                #expect(first.status.kind == .successful, "\(path): \(first.status)")
                #expect(again.status == first.status, "\(path)")
                #expect(again.bytes == first.bytes, "\(path): the replay differs from the first answer")
                #expect(again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true", "\(path)")
                return first
            }
            let order = try await twice("/v1/beneficiaries/hugo/card-orders", #"{"departureWithin15Days":true}"#, key: "order")
            _ = try await twice("/v1/beneficiaries/lea/loss-declarations", #"{"kind":"loss","date":"2026-03-14","sworn":true}"#, key: "loss")
            _ = try await twice("/v1/proxy", #"{"civility":"Mme","lastName":"DURAND","firstName":"Claire","birthDate":"1970-01-01","certified":true}"#,
                                key: "proxy")
            let orderID = try #require((order.object["order"] as? [String: Any])?["id"] as? String)
            _ = try await twice("/v1/admin/card-orders/\(orderID)/fulfilment", "{}", key: "fulfil", admin: true)
            let household = try #require(try await app.store.household(of: Fixtures.martinNIR))
            #expect(household.proxies.count == 1)
            #expect(try await app.store.inbox(of: Fixtures.martinNIR).count == 3)
        }
    }

    /// Every route with another household's ids answers 404 exactly like an absent id (same status, same body),
    /// and leaves that household's documents untouched.
    static func otherHouseholdIsNotFound(_ database: TestDatabase) async throws {
        try await withService(database) { app in
            let dubois = try await app.token(Fixtures.duboisNIR)
            let order = try await app.send(.post, "/v1/beneficiaries/zoe/card-orders", json: #"{"departureWithin15Days":true}"#, token: dubois)
            #expect(order.status == .created)
            let certificateURL = try #require((order.object["certificate"] as? [String: Any])?["downloadUrl"] as? String)
            let procedure = try #require((order.object["acknowledgement"] as? [String: Any])?["messageId"] as? String)
            let proxy = try await app.send(.post, "/v1/proxy", json: """
                {"civility":"M.","lastName":"DUBOIS","firstName":"Paul","birthDate":"1950-01-01","certified":true}
                """, token: dubois)
            let confirmationURL = try #require(proxy.object["confirmationUrl"] as? String)

            let probes: [(HTTPRequest.Method, String, String, String?)] = [
                (.post, "/v1/beneficiaries/zoe/card-orders", "/v1/beneficiaries/nope/card-orders", #"{"departureWithin15Days":true}"#),
                (.post, "/v1/beneficiaries/eva/loss-declarations", "/v1/beneficiaries/nope/loss-declarations",
                 #"{"kind":"loss","date":"2026-03-10","sworn":true}"#),
                (.get, "/v1/beneficiaries/eva/card.png", "/v1/beneficiaries/nope/card.png", nil),
                (.get, "/v1/beneficiaries/eva/card.pdf", "/v1/beneficiaries/nope/card.pdf", nil),
                (.get, certificateURL, "/v1/certificates/nope.pdf", nil),
                (.get, "/v1/inbox/\(procedure)/attachment.pdf", "/v1/inbox/nope/attachment.pdf", nil),
                (.post, "/v1/procedures/\(procedure)/rating", "/v1/procedures/nope/rating", #"{"score":3}"#),
                (.get, confirmationURL, "/v1/proxy/nope/confirmation.pdf", nil),
            ]
            for (method, theirs, absent, body) in probes {
                let other = try await app.send(method, theirs, json: body)
                let missing = try await app.send(method, absent, json: body)
                #expect(other.status == .notFound, "\(method) \(theirs)")
                #expect(other.problemCode == "not-found", "\(method) \(theirs)")
                #expect(other.text == missing.text, "\(method) \(theirs) differs from an absent id")
            }
            // Their proxy is not ours, and their documents are intact: the certificate is still downloadable once.
            #expect(try await app.send(.get, "/v1/proxy").status == .notFound)
            #expect(try await app.send(.get, "/v1/inbox").array.isEmpty)
            #expect(try await app.send(.get, "/v1/procedures").array.isEmpty)
            #expect(try await app.send(.get, certificateURL, token: dubois).status == .ok)
            #expect(try await app.store.procedures(of: Fixtures.duboisNIR).first?.rating == nil)
        }
    }
}
