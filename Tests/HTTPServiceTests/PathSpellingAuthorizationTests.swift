// PathSpellingAuthorizationTests: every operation of openapi.yaml, through every spelling of its path, runs only for
// the caller its `security` names — whatever the router makes of the spelling.
import Foundation
import HTTPTypes
import HummingbirdTesting
import Records
import Storage
import Testing
import Yams

@Suite struct PathSpellingAuthorizationTests {
    /// Who an operation admits, read here from openapi.yaml on its own (not through the service's reader).
    enum Admits: String { case anyone, signedIn, admin }

    struct Operation: CustomStringConvertible {
        let method: HTTPRequest.Method
        let template: String
        let admits: Admits
        var description: String { "\(method) \(template)" }
    }

    enum Caller: String, CaseIterable { case anonymous, user, admin }

    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Every operation of the contract with who it admits: the operation's `security`, else the document's.
    static func operations() throws -> [Operation] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../openapi.yaml")
        let document = try #require(try Yams.load(yaml: String(contentsOf: url, encoding: .utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        func admits(_ security: Any?) throws -> Admits? {
            guard let security else { return nil }
            let alternatives = try #require(security as? [[String: [String]]])
            if alternatives.isEmpty { return .anyone }
            return alternatives.allSatisfy { $0["bearer"]?.contains("admin") == true } ? .admin : .signedIn
        }
        let global = try #require(try admits(document["security"]))
        return try paths.flatMap { path, item -> [Operation] in
            let item = try #require(item as? [String: Any])
            return try methods.compactMap { method -> Operation? in
                guard let operation = item[method] as? [String: Any] else { return nil }
                return Operation(method: try #require(HTTPRequest.Method(method.uppercased())), template: path,
                                 admits: try admits(operation["security"]) ?? global)
            }
        }.sorted { "\($0)" < "\($1)" }
    }

    /// The path with its parameters filled: the Martins' ids, so that an admitted caller reaches real records.
    static func path(_ template: String) -> String {
        template.replacingOccurrences(of: "{nir}", with: Fixtures.martinNIR.value)
            .replacingOccurrences(of: "{id}", with: "hugo")
    }

    /// The same address written otherwise: doubled and dot segments, a trailing slash, another case, encoded slashes.
    static func spellings(_ path: String) -> [String] {
        var result = [path, "/" + path, path + "/", "/." + path, "/x/.." + path, path.uppercased(),
                      path.replacingOccurrences(of: "/", with: "%2F"),
                      "/" + path.dropFirst().replacingOccurrences(of: "/", with: "%2F"),
                      "/" + path.dropFirst().replacingOccurrences(of: "/", with: "%2f")]
        let slashes = path.indices.filter { path[$0] == "/" }
        for slash in slashes {
            result.append(String(path[..<slash]) + "/" + path[slash...])        // one segment's slash doubled
            result.append(String(path[..<slash]) + "/." + path[slash...])       // a `.` segment
            result.append(String(path[..<slash]) + "/x/.." + path[slash...])   // a segment and its `..`
        }
        if let first = path.dropFirst().first {   // only the first segment in capitals
            result.append("/" + first.uppercased() + path.dropFirst(2))
        }
        return Array(Set(result)).sorted()
    }

    /// A body the operation's schema accepts where one is easy to write, else `{}`: an unadmitted caller must be
    /// refused before either is read.
    static func body(_ operation: Operation) throws -> String? {
        guard operation.method == .post || operation.method == .put else { return nil }
        if operation.template == "/v1/admin/insured/{nir}" {
            return String(decoding: try JSONEncoder().encode(Fixtures.martin()), as: UTF8.self)
        }
        return "{}"
    }

    @Test func noOperationRunsForACallerItsSecurityDoesNotAdmit() async throws {
        let operations = try Self.operations()
        #expect(operations.count == 23)
        // The back office's paths and the admin role go together: a new admin path without the role in the contract fails
        // here. /metrics is the one admin operation outside /v1/admin/, where Prometheus expects it.
        #expect(operations.filter { $0.admits == .admin }.map(\.template).allSatisfy { $0.hasPrefix("/v1/admin/") || $0 == "/metrics" })
        #expect(operations.filter { $0.template.hasPrefix("/v1/admin/") }.allSatisfy { $0.admits == .admin })
        try await withService { app in
            let tokens: [Caller: String?] = [.anonymous: nil, .user: try await app.token(), .admin: try await app.token(admin: true)]
            for operation in operations {
                for spelling in Self.spellings(Self.path(operation.template)) {
                    for caller in Caller.allCases {
                        let answer = try await app.send(operation.method, spelling, json: try Self.body(operation), token: tokens[caller]!)
                        let status = answer.status.code
                        let context: Comment = "\(caller) \(operation.method) \(spelling) (\(operation.template)) → \(status) \(answer.text.prefix(160))"
                        switch (operation.admits, caller) {
                        case (.signedIn, .anonymous), (.admin, .anonymous):
                            // Refused as its route is, or not an address of any operation.
                            #expect(status == 401 || status == 404, context)
                        case (.admin, .user):
                            #expect(status == 403 || status == 404, context)
                        default:
                            // Admitted: the contract's check lets the caller through (the procedure may still refuse).
                            #expect(status != 401 && status != 403 && status < 500, context)
                        }
                    }
                }
            }
        }
    }

    /// The canonical spelling reaches the operation and gets its decision; so does the doubled slash the router folds
    /// (this is what proves the walk above does not pass on 404s alone).
    @Test func theRoutesAndTheirDoubledSlashesGetTheOperationsDecision() async throws {
        try await withService { app in
            let user = try await app.token()
            for path in ["/v1/admin/notices", "//v1/admin/notices", "/v1//admin/notices", "/v1/admin/notices/"] {
                #expect(try await app.send(.get, path, token: nil).status == .unauthorized, "\(path)")
                let forbidden = try await app.send(.get, path, token: user)
                #expect(forbidden.status == .forbidden, "\(path)")
                #expect(forbidden.problemCode == "forbidden", "\(path)")
                #expect(try await app.send(.get, path, token: try await app.token(admin: true)).status == .ok, "\(path)")
            }
            #expect(try await app.send(.get, "//v1/beneficiaries", token: nil).status == .unauthorized)
            #expect(try await app.send(.get, "//v1/beneficiaries", token: user).status == .ok)
        }
    }

    @Test func aHouseholdPutThroughAnySpellingWithoutTheRoleCreatesNothing() async throws {
        try await withService(records: [Fixtures.dubois()]) { app in
            let record = String(decoding: try JSONEncoder().encode(Fixtures.martin()), as: UTF8.self)
            let user = try await app.token(Fixtures.duboisNIR)
            for spelling in Self.spellings("/v1/admin/insured/\(Fixtures.martinNIR.value)") {
                for token in [nil, user] {
                    let answer = try await app.send(.put, spelling, json: record, token: token)
                    #expect([401, 403, 404].contains(answer.status.code), "\(spelling) → \(answer.status.code)")
                }
            }
            #expect(try await app.store.household(of: Fixtures.martinNIR) == nil)
            // The same body through the doubled slash, by an admin: it is a valid household, and that spelling reaches the operation.
            let created = try await app.send(.put, "//v1/admin/insured/\(Fixtures.martinNIR.value)", json: record,
                                             token: try await app.token(admin: true))
            #expect(created.status == .created)
            #expect(try await app.store.household(of: Fixtures.martinNIR) != nil)
        }
    }

    /// The pages check their session per route (no path prefix decides): no spelling of a signed-in page shows it
    /// without one.
    @Test func signedInPagesNeedASessionInEverySpelling() async throws {
        let pages: [(HTTPRequest.Method, String)] = [
            (.get, "/compte/ceam"), (.get, "/compte/ceam/hugo/carte"), (.get, "/compte/ceam/marc/carte.png"),
            (.get, "/compte/demarches"), (.get, "/compte/messagerie"), (.get, "/compte/procuration"),
            (.get, "/compte/certificats/x"), (.post, "/compte/ceam/hugo/commande"), (.post, "/compte/procuration"),
            (.post, "/compte/procuration/revocation"), (.get, "/borne/ceam"), (.post, "/borne/certificats/x"),
        ]
        try await withService { app in
            for (method, path) in pages {
                for spelling in Self.spellings(path) {
                    let answer = try await app.send(method, spelling, json: method == .post ? "{}" : nil, token: nil)
                    let status = answer.status.code
                    if status == 303 {
                        #expect(answer.headers[.location]?.hasSuffix("/connexion") == true, "\(method) \(spelling)")
                    } else {
                        #expect(status == 404 || status == 405, "\(method) \(spelling) → \(status)")
                    }
                }
            }
        }
    }
}
