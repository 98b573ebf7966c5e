// OpenAPITests: /openapi.yaml describes exactly the router's routes, and every route it lists answers.
import Documents
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Records
import Storage
import Testing
import Yams

@Suite struct OpenAPITests {
    private static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// "GET /v1/proxy", … from the served document.
    private func documentedRoutes(_ yaml: String) throws -> Set<String> {
        let document = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        return Set(paths.flatMap { path, item -> [String] in
            ((item as? [String: Any]) ?? [:]).keys.filter(Self.methods.contains).map { "\($0.uppercased()) \(path)" }
        })
    }

    private func routerRoutes() async throws -> Set<String> {
        let service = AmeliService(store: InMemoryStore(), renderer: EchoRenderer(), clock: { TestClock.start },
                                   ids: .sequential(), metrics: ServiceMetrics(), seals: Fixtures.seals,
                                   contract: try OpenAPIContract.load())
        let router = try buildRouter(service: service, tokens: try await AccessTokens(secret: Fixtures.secret))
        return Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
    }

    @Test func documentListsExactlyTheRoutersRoutes() async throws {
        try await withService { app in
            let served = try await app.send(.get, "/openapi.yaml", token: nil)
            #expect(served.status == .ok)
            #expect(served.headers[.contentType]?.hasPrefix("application/yaml") == true)
            let documented = try documentedRoutes(served.text)
            let routed = try await routerRoutes()
            #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
            #expect(routed.subtracting(documented).isEmpty, "routed but not documented: \(routed.subtracting(documented).sorted())")
            #expect(routed.count == 23)
        }
    }

    /// The served document is the very file the routes and types were generated from (openapi.yaml at the root).
    @Test func servedDocumentIsTheGeneratorsFile() async throws {
        try await withService { app in
            let served = try await app.send(.get, "/openapi.yaml", token: nil)
            let file = try #require(FileManager.default.contents(atPath: try ResourceLocator.locate().root + "/openapi.yaml"))
            #expect(served.bytes == Array(file))
            let link = try FileManager.default.destinationOfSymbolicLink(
                atPath: try ResourceLocator.locate().root + "/Sources/HTTPService/openapi.yaml")
            #expect(link == "../../openapi.yaml", "the generator reads Sources/HTTPService/openapi.yaml, a link to the root file")
        }
    }

    /// With real ids of the caller's household, no documented route answers the router's "no such route".
    @Test func everyDocumentedRouteAnswers() async throws {
        try await withService { app in
            let order = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":true}"#)
            let certificate = try #require((order.object["certificate"] as? [String: Any])?["id"] as? String)
            let procedure = try #require((order.object["order"] as? [String: Any])?["id"] as? String)
            let proxy = try await app.send(.post, "/v1/proxy", json: #"{"civility":"M.","lastName":"DURAND","firstName":"Paul","birthDate":"1970-01-01","certified":true}"#)
            let proxyID = try #require((proxy.object["proxy"] as? [String: Any])?["id"] as? String)
            let admin = try await app.token(admin: true)
            let record = String(decoding: try JSONEncoder().encode(Fixtures.martin()), as: UTF8.self)
            let bodies: [String: String] = [
                "POST /v1/beneficiaries/{id}/card-orders": #"{"departureWithin15Days":false}"#,
                "POST /v1/beneficiaries/{id}/loss-declarations": #"{"kind":"loss","date":"2026-03-14","sworn":true}"#,
                "POST /v1/procedures/{id}/rating": #"{"score":5}"#,
                "POST /v1/proxy": #"{"civility":"M.","lastName":"DURAND","firstName":"Paul","birthDate":"1970-01-01","certified":true}"#,
                "PUT /v1/admin/insured/{nir}": record,
                "POST /v1/admin/card-orders/{id}/fulfilment": "{}",
                "POST /v1/admin/documents/{id}/revocation": #"{"reason":"Essai"}"#,
                "POST /v1/verifications": #"{"seal":"DC04"}"#,
            ]
            let served = try await app.send(.get, "/openapi.yaml", token: nil)
            // Revocation last, so that the proxy routes still find the proxy.
            for route in try documentedRoutes(served.text).sorted(by: { ($0.hasPrefix("DELETE") ? 1 : 0, $0) < ($1.hasPrefix("DELETE") ? 1 : 0, $1) }) {
                let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
                var path = parts[1]
                let id: String = switch true {
                case path.hasPrefix("/v1/beneficiaries/"): "lea"
                case path.hasPrefix("/v1/certificates/"): certificate
                case path.hasPrefix("/v1/inbox/"), path.hasPrefix("/v1/procedures/"), path.hasPrefix("/v1/admin/card-orders/"): procedure
                default: proxyID
                }
                path = path.replacingOccurrences(of: "{id}", with: id).replacingOccurrences(of: "{nir}", with: Fixtures.martinNIR.value)
                let response = try await app.send(HTTPRequest.Method(parts[0])!, path, json: bodies[route],
                                                  token: path.hasPrefix("/v1/admin") ? admin : TestHarness.martins)
                #expect(response.status != .notFound && response.status.code < 500, "\(route) → \(response.status.code) \(response.text)")
            }
        }
    }
}
