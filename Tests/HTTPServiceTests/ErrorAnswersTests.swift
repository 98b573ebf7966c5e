// ErrorAnswersTests: input errors answer problem+json with API.md's codes, never a 500, never a partial write.
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Records
import Storage
import Testing

@Suite struct ErrorAnswersTests {
    @Test func brokenJSONIsInvalidJSON() async throws {
        try await withService { app in
            let broken = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":tru"#)
            #expect(broken.status == .badRequest)
            #expect(broken.problemCode == "invalid-json")
            #expect(broken.headers[.contentType] == "application/problem+json")
            let detail = try #require(broken.object["detail"] as? String)
            #expect(detail.contains("JSON"))
            #expect(broken.object["title"] != nil && broken.object["status"] as? Int == 400)
        }
    }

    /// Odd but well-formed or deeply nested bodies are input errors (4xx), never a 500 or a crash.
    @Test func hostileBodiesAreInputErrors() async throws {
        try await withService { app in
            let bodies = ["[]", "null", "42", #""text""#, #"{"departureWithin15Days":null}"#, #"{"departureWithin15Days":1e999}"#,
                          String(repeating: "[", count: 100_000), String(repeating: "{\"a\":", count: 20_000) + "1" + String(repeating: "}", count: 20_000),
                          "\u{FEFF}{}", ""]
            for body in bodies {
                let answer = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: body)
                #expect((400..<500).contains(answer.status.code), "\(body.prefix(40)) → \(answer.status.code)")
                #expect(answer.problemCode != nil)
            }
            #expect(try await app.store.household(of: Fixtures.martinNIR)?.orders.isEmpty == true)
        }
    }

    @Test func unknownFieldIsRefusedByName() async throws {
        try await withService { app in
            let extra = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":true,"express":true}"#)
            #expect(extra.status == .unprocessableContent)
            #expect(extra.problemCode == "invalid-field")
            #expect((extra.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "express")
            #expect(try await app.store.household(of: Fixtures.martinNIR)?.orders.isEmpty == true)
        }
    }

    @Test func wrongTypeNamesTheField() async throws {
        try await withService { app in
            let wrong = try await app.send(.post, "/v1/procedures/x/rating", json: #"{"score":"five"}"#)
            #expect(wrong.status == .unprocessableContent)
            #expect((wrong.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "score")
        }
    }

    @Test func tenMegabyteNameIsPayloadTooLarge() async throws {
        try await withService { app in
            let name = String(repeating: "A", count: 10 * 1024 * 1024)
            let huge = try await app.send(.post, "/v1/proxy", json: #"{"civility":"M.","lastName":"\#(name)","firstName":"Paul","birthDate":"1970-01-01","certified":true}"#)
            #expect(huge.status == .contentTooLarge)
            #expect(huge.problemCode == "payload-too-large")
            #expect(try await app.store.household(of: Fixtures.martinNIR)?.proxies.isEmpty == true)
        }
    }

    @Test func overlongNameWithinTheLimitIsAFieldError() async throws {
        try await withService { app in
            let long = String(repeating: "A", count: 5000)
            let refused = try await app.send(.post, "/v1/proxy", json: #"{"civility":"M.","lastName":"\#(long)","firstName":"Paul","birthDate":"1970-01-01","certified":true}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.problemCode == "P_FIELDS")
        }
    }

    @Test func badDpiIsAFieldErrorAndDpiReachesTheRenderer() async throws {
        try await withService { app in
            for dpi in ["71", "601", "abc"] {
                let refused = try await app.send(.get, "/v1/beneficiaries/lea/card.png?dpi=\(dpi)")
                #expect(refused.status == .unprocessableContent)
                #expect((refused.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "dpi")
            }
            #expect(try await app.send(.get, "/v1/beneficiaries/lea/card.png?dpi=72").text.contains("dpi=72"))
            #expect(try await app.send(.get, "/v1/beneficiaries/lea/card.png").text.contains("dpi=300"))
        }
    }

    @Test func cardImageCarriesAnETagAndAnswers304WhenUnchanged() async throws {
        try await withService { app in
            let first = try await app.send(.get, "/v1/beneficiaries/lea/card.png")
            #expect(first.status == .ok)
            #expect(first.headers[.contentType] == "image/png")
            let etag = try #require(first.headers[.eTag])
            // The ETag comes from the inputs (DocumentCacheTests), and the bytes' own digest is what the store keeps.
            #expect(etag.count == 66 && etag.hasPrefix("\""))
            #expect(try await app.store.servedDocuments(of: Fixtures.martinNIR).first?.sha256 == AmeliService.sha256Hex(first.bytes))
            let again = try await app.send(.get, "/v1/beneficiaries/lea/card.png", headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.bytes.isEmpty)
            let pdf = try await app.send(.get, "/v1/beneficiaries/lea/card.pdf")
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.headers[.eTag] != etag)
        }
    }

    @Test func unknownRouteIsNotFoundProblem() async throws {
        try await withService { app in
            let missing = try await app.send(.get, "/v1/nothing-here")
            #expect(missing.status == .notFound)
            #expect(missing.problemCode == "not-found")
            // A known path with another method is 405 (MethodNotAllowedTests), no longer 404.
            #expect(try await app.send(.patch, "/v1/proxy").problemCode == "method-not-allowed")
        }
    }

    @Test func badIdempotencyKeyIsAFieldError() async throws {
        try await withService { app in
            let bad = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":true}"#,
                                         headers: [HTTPField.Name("Idempotency-Key")!: String(repeating: "k", count: 300)])
            #expect(bad.status == .unprocessableContent)
            #expect((bad.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "Idempotency-Key")
        }
    }

    @Test func adminImportCreatesThenReplaces() async throws {
        try await withService(records: []) { app in
            let admin = try await app.token(admin: true)
            let record = String(decoding: try JSONEncoder().encode(Fixtures.martin()), as: UTF8.self)
            let created = try await app.send(.put, "/v1/admin/insured/\(Fixtures.martinNIR.value)", json: record, token: admin)
            #expect(created.status == .created)
            let replaced = try await app.send(.put, "/v1/admin/insured/\(Fixtures.martinNIR.value)", json: record, token: admin)
            #expect(replaced.status == .ok)
            #expect(try await app.send(.get, "/v1/beneficiaries").array.count == 3)
        }
    }

    @Test func adminImportRefusesABadNIRAMismatchAndUnknownFields() async throws {
        try await withService(records: []) { app in
            let admin = try await app.token(admin: true)
            let record = String(decoding: try JSONEncoder().encode(Fixtures.martin()), as: UTF8.self)
            let badKey = try await app.send(.put, "/v1/admin/insured/185037512000697", json: record, token: admin)
            #expect(badKey.status == .unprocessableContent)
            #expect(badKey.problemCode == "invalid-nir")
            let other = try await app.send(.put, "/v1/admin/insured/\(Fixtures.duboisNIR.value)", json: record, token: admin)
            #expect(other.problemCode == "invalid-field")
            let badBody = record.replacingOccurrences(of: #""nir":"185037512000696""#, with: #""nir":"185037512000697""#)
            let inBody = try await app.send(.put, "/v1/admin/insured/\(Fixtures.martinNIR.value)", json: badBody, token: admin)
            #expect(inBody.problemCode == "invalid-nir")
            let extra = record.replacingOccurrences(of: #""givenNames":"Hugo""#, with: #""givenNames":"Hugo","nickname":"H""#)
            let unknown = try await app.send(.put, "/v1/admin/insured/\(Fixtures.martinNIR.value)", json: extra, token: admin)
            #expect((unknown.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "beneficiaries[2].nickname")
            let future = record.replacingOccurrences(of: "2018-06-21", with: "2027-06-21")
            let unborn = try await app.send(.put, "/v1/admin/insured/\(Fixtures.martinNIR.value)", json: future, token: admin)
            #expect((unborn.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "beneficiaries[2].birthDate")
            #expect(try await app.store.household(of: Fixtures.martinNIR) == nil)
        }
    }

    /// The import shape must know every key the records encode, or a valid export would be refused.
    @Test func importShapeAcceptsEverythingARecordEncodes() throws {
        let card = Card(number: try CardNumber("80250017510000000301"), issueDate: try CivilDate(iso: "2024-01-01"))
        let cancelled = card.with(status: .cancelled(on: try CivilDate(iso: "2024-06-01"), kind: .theft))
        let replaced = Card(number: try CardNumber("80250017510000000302"), issueDate: try CivilDate(iso: "2024-07-01"))
            .with(status: .replaced(on: try CivilDate(iso: "2026-01-01")))
        let child = try Beneficiary(id: "child", nir: nil, rank: 2, lastName: PersonName("MARTIN"), givenNames: PersonName("Ana"),
                                    birthDate: CivilDate(iso: "2020-01-01"), cards: [cancelled, replaced],
                                    lossDeclarations: [LossDeclaration(date: try CivilDate(iso: "2024-06-01"), kind: .theft)])
        var record = Fixtures.martin()
        record = try InsuredRecord(nir: record.nir, email: record.email, addressStatus: .npai, rights: .insufficient,
                                   institution: record.institution, beneficiaries: record.beneficiaries + [child])
        let bytes = Array(try JSONEncoder().encode([record]))
        let decoded = try RecordImport.records(from: bytes, today: try CivilDate(iso: "2026-03-14"))
        #expect(decoded == [record])
    }
}

@Suite struct MethodNotAllowedTests {
    @Test func aKnownPathWithAnotherMethodIs405WithAllow() async throws {
        try await withService { app in
            let cases: [(HTTPRequest.Method, String, String)] = [
                (.trace, "/v1/beneficiaries", "GET"),
                (.patch, "/v1/proxy", "DELETE, GET, POST"),
                (.options, "/v1/proxy", "DELETE, GET, POST"),
                (.put, "/v1/beneficiaries/lea/card.pdf", "GET"),
                (.get, "/v1/verifications", "POST"),
                (.delete, "/v1/certificates/cert-1.pdf", "GET"),
            ]
            for (method, path, allow) in cases {
                let answer = try await app.send(method, path)
                #expect(answer.status == .methodNotAllowed, "\(method) \(path) → \(answer.status)")
                #expect(answer.headers[.allow] == allow, "\(method) \(path)")
                #expect(answer.problemCode == "method-not-allowed")
            }
            // An unknown path stays 404, with the same body as an absent id.
            let unknown = try await app.send(.get, "/v1/nothing-here")
            #expect(unknown.status == .notFound && unknown.problemCode == "not-found")
            #expect(try await app.send(.get, "/v1/certificates/cert-1").status == .notFound, "{id}.pdf needs its .pdf")
        }
    }
}

@Suite struct UTF8OnlyTests {
    @Test func aBodyInAnotherEncodingIs415AndChangesNothing() async throws {
        try await withService { app in
            let json = #"{"civility":"Mme","lastName":"DURAND","firstName":"Claire","birthDate":"1990-05-04","certified":true}"#
            let encodings: [(String, [UInt8])] = [
                ("UTF-16LE", Array(json.data(using: .utf16LittleEndian)!)),
                ("UTF-16BE with BOM", [0xFE, 0xFF] + Array(json.data(using: .utf16BigEndian)!)),
                ("UTF-32LE", Array(json.data(using: .utf32LittleEndian)!)),
                ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF] + Array(json.utf8)),
                ("Latin-1", Array(#"{"civility":"Mme","lastName":"DURAND","firstName":"Zo\#u{00EB}","birthDate":"1990-05-04","certified":true}"#.data(using: .isoLatin1)!)),
            ]
            for (name, body) in encodings {
                let answer = try await app.client.executeRequest(
                    uri: "/v1/proxy", method: .post,
                    headers: [.authorization: "Bearer \(try await app.token())", .contentType: "application/json"],
                    body: ByteBuffer(bytes: body))
                #expect(answer.status == .unsupportedMediaType && answer.problemCode == "unsupported-media-type", "\(name): \(answer.status)")
            }
            #expect(try await app.send(.get, "/v1/proxy").status == .notFound, "no proxy was created")
            // The same body in UTF-8 is accepted: the oracle can pass.
            #expect(try await app.send(.post, "/v1/proxy", json: json).status == .created)
        }
    }
}
