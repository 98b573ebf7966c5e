// PagesTests: the pages' safety through the real router — no page without a session, no form without its
// token and nothing written when it is missing, a double submission performing once (POST-redirect-GET with the
// form's idempotency key), another household's ids answered like unknown ones, the cookies' flags, the identity
// header of a proxy in front, and the accessible twin served as HTML. The browser flows are in
// Scripts/oracles/browser_flows.py.
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

struct PagesTests {
    static let nonce = "0123456789abcdef0123456789abcdef"

    /// A signed-in browser: the session cookie and the form nonce cookie.
    static func cookies(_ app: TestHarness) async throws -> HTTPFields {
        [.cookie: "ameli_session_loopback_http=\(try await app.token()); ameli_csrf_loopback_http=\(nonce)"]
    }

    static func field(_ name: String, in html: String) -> String? {
        html.firstMatch(of: try! Regex("name=\"\(name)\" value=\"([^\"]*)\"")).map { String($0.output[1].substring ?? "") }
    }

    static func post(_ app: TestHarness, _ path: String, _ form: String, headers: HTTPFields) async throws -> TestResponse {
        var fields = headers
        fields[.contentType] = "application/x-www-form-urlencoded"
        return try await app.client.executeRequest(uri: path, method: .post, headers: fields, body: ByteBuffer(string: form))
    }

    /// A page session as sign-in makes it: an id that every renewal carries.
    static func session(_ app: TestHarness, id: String, issuedAt: Date, lifetime: TimeInterval = 1800) async throws -> String {
        try await app.tokens.sign(nir: Fixtures.martinNIR, issuedAt: issuedAt, expiresAt: issuedAt.addingTimeInterval(lifetime), session: id)
    }

    @Test func signingOutRevokesTheSessionInTheService() async throws {
        try await withService { app in
            let token = try await Self.session(app, id: "session-1", issuedAt: app.clock.now)
            let cookies: HTTPFields = [.cookie: "ameli_session_loopback_http=\(token); ameli_csrf_loopback_http=\(Self.nonce)"]
            let page = try await app.send(.get, "/compte/ceam", token: nil, headers: cookies)
            #expect(page.status == .ok)
            let renewed = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("ameli_session_loopback_http=") })
            let renewedToken = String(renewed.dropFirst("ameli_session_loopback_http=".count).prefix { $0 != ";" })
            let csrf = try #require(Self.field("_csrf", in: page.text))
            let out = try await Self.post(app, "/compte/deconnexion", "_csrf=\(csrf)", headers: cookies)
            #expect(out.status == .seeOther && out.headers[.location] == "/compte/connexion?fin=1")
            // The browser forgets the cookie; a copy kept elsewhere, or the page's renewal of it, no longer signs in.
            let again = try await app.send(.get, "/compte/ceam", token: nil, headers: cookies)
            #expect(again.status == .seeOther && again.headers[.location] == "/compte/connexion")
            let renewal = try await app.send(.get, "/compte/ceam", token: nil,
                                             headers: [.cookie: "ameli_session_loopback_http=\(renewedToken)"])
            #expect(renewal.status == .seeOther)
            #expect(try await app.send(.get, "/v1/beneficiaries", token: token).status == .unauthorized)
            // Another session of the same person is untouched.
            let other = try await Self.session(app, id: "session-2", issuedAt: app.clock.now)
            #expect(try await app.send(.get, "/compte/ceam", token: nil, headers: [.cookie: "ameli_session_loopback_http=\(other)"]).status == .ok)
        }
    }

    /// A Set-Cookie value's attributes (after its name=value), whatever their order.
    static func attributes(_ setCookie: String) -> Set<String> {
        Set(setCookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
    }

    @Test func aSessionEndsTwelveHoursAfterSignInHoweverOftenItIsRenewed() async throws {
        try await withService { app in
            let start = app.clock.now
            let token = try await Self.session(app, id: "long-day", issuedAt: start, lifetime: 12 * 3600 - 30)
            app.clock.set(start.addingTimeInterval(12 * 3600 - 60))
            let page = try await app.send(.get, "/compte/ceam", token: nil, headers: [.cookie: "ameli_session_loopback_http=\(token)"])
            #expect(page.status == .ok)
            let renewed = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("ameli_session_loopback_http=") })
            #expect(Self.attributes(renewed).contains("Max-Age=60"), "renewed up to the twelfth hour, not 30 more minutes: \(renewed)")
            let renewedToken = String(renewed.dropFirst("ameli_session_loopback_http=".count).prefix { $0 != ";" })
            app.clock.set(start.addingTimeInterval(12 * 3600 + 1))
            let late = try await app.send(.get, "/compte/ceam", token: nil, headers: [.cookie: "ameli_session_loopback_http=\(renewedToken)"])
            #expect(late.status == .seeOther)
        }
    }

    @Test func behindHTTPSTheSessionCookieIsHostPrefixedAndSecure() async throws {
        try await withService(secureCookies: true) { app in
            let token = try await Self.session(app, id: "https", issuedAt: app.clock.now)
            let page = try await app.send(.get, "/compte/ceam", token: nil, headers: [.cookie: "__Host-ameli_session=\(token)"])
            #expect(page.status == .ok)
            let cookies = page.headers[values: .setCookie]
            let session = try #require(cookies.first { $0.hasPrefix("__Host-ameli_session=") })
            let attributes = Self.attributes(session)
            #expect(attributes.isSuperset(of: ["Secure", "Path=/", "HttpOnly", "SameSite=Strict"]) && !attributes.contains { $0.hasPrefix("Domain") })
            #expect(cookies.contains { $0.hasPrefix("__Host-ameli_csrf=") && Self.attributes($0).contains("Secure") })
            // The loopback fallback's name means nothing here.
            let fallback = try await app.send(.get, "/compte/ceam", token: nil, headers: [.cookie: "ameli_session_loopback_http=\(token)"])
            #expect(fallback.status == .seeOther)
        }
    }

    @Test func pagesNeedASessionAndShowTheHousehold() async throws {
        try await withService { app in
            let anonymous = try await app.send(.get, "/compte/ceam", token: nil)
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/compte/connexion")
            let page = try await app.send(.get, "/compte/ceam", token: nil, headers: try await Self.cookies(app))
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.text.contains("<html lang=\"fr\">") && page.text.contains("Hugo MARTIN") && page.text.contains("Norvège"))
            // The session slides: the page renews the cookie, HttpOnly and SameSite=Strict.
            let cookies = page.headers[values: .setCookie]
            #expect(cookies.contains { $0.hasPrefix("ameli_session_loopback_http=") && $0.contains("HttpOnly") && $0.contains("SameSite=Strict") })
            // The identity a proxy in front would send.
            let viaHeader = try await app.send(.get, "/compte/ceam", token: nil, headers: [HTTPField.Name("X-Ameli-Identity")!: try await app.token()])
            #expect(viaHeader.status == .ok && viaHeader.text.contains("Hugo MARTIN"))
            // A forged session is no session.
            let forged = try await app.send(.get, "/compte/ceam", token: nil, headers: [.cookie: "ameli_session_loopback_http=eyJhbGciOiJIUzI1NiJ9.e30.x"])
            #expect(forged.status == .seeOther)
        }
    }

    /// R_CERTIFICATE: after the one download the certificate's page answers 410, as the API does, with the reason.
    @Test func theCertificatePageAfterItsDownloadIsGone() async throws {
        try await withService { app in
            let cookies = try await Self.cookies(app)
            let order = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":true}"#)
            #expect(order.status == .created)
            let certificate = try #require(order.object["certificate"] as? [String: Any])
            let id = try #require(certificate["id"] as? String)
            let before = try await app.send(.get, "/compte/certificats/\(id)", token: nil, headers: cookies)
            #expect(before.status == .ok && before.text.contains("Choisissez sa forme"))
            #expect(try await app.send(.get, try #require(certificate["downloadUrl"] as? String)).status == .ok)
            for prefix in ["/compte", "/borne"] {
                let after = try await app.send(.get, "\(prefix)/certificats/\(id)", token: nil, headers: cookies)
                #expect(after.status == .gone, "\(prefix)")
                #expect(after.text.contains("déjà été téléchargé") && !after.text.contains("Choisissez sa forme"), "\(prefix)")
            }
        }
    }

    @Test func aFormWithoutItsTokenIs403AndWritesNothing() async throws {
        try await withService { app in
            let cookies = try await Self.cookies(app)
            for form in ["depart=oui", "_csrf=\(Self.nonce).00&depart=oui", "_csrf=other.\(String(repeating: "0", count: 64))&depart=oui"] {
                let answer = try await Self.post(app, "/compte/ceam/hugo/commande", form, headers: cookies)
                #expect(answer.status == .forbidden, "\(form)")
                #expect(answer.text.contains("été enregistré"))
            }
            // A token from a page is bound to the browser's nonce: another browser's cookie refuses it.
            let page = try await app.send(.get, "/compte/ceam/hugo/commande", token: nil, headers: cookies)
            let token = try #require(Self.field("_csrf", in: page.text))
            var stranger = cookies
            stranger[.cookie] = "ameli_session_loopback_http=\(try await app.token()); ameli_csrf_loopback_http=ffffffffffffffffffffffffffffffff"
            #expect(try await Self.post(app, "/compte/ceam/hugo/commande", "_csrf=\(token)&depart=oui", headers: stranger).status == .forbidden)
            #expect(try await app.store.procedures(of: Fixtures.martinNIR).isEmpty)
        }
    }

    @Test func aDoubleSubmissionPerformsOnceOnSQLite() async throws {
        try await Self.doubleSubmissionPerformsOnce(.sqlite)
    }

    static func doubleSubmissionPerformsOnce(_ database: TestDatabase) async throws {
        try await withService(database) { app in
            let cookies = try await Self.cookies(app)
            let page = try await app.send(.get, "/compte/ceam/hugo/commande", token: nil, headers: cookies)
            let token = try #require(Self.field("_csrf", in: page.text))
            let key = try #require(Self.field("_key", in: page.text))
            let form = "_csrf=\(token)&_key=\(key)&depart=oui"
            let first = try await Self.post(app, "/compte/ceam/hugo/commande", form, headers: cookies)
            let second = try await Self.post(app, "/compte/ceam/hugo/commande", form, headers: cookies)
            #expect(first.status == .seeOther && second.status == .seeOther)
            let location = try #require(first.headers[.location])
            #expect(second.headers[.location] == location, "the second click lands on the same confirmation")
            #expect(location.hasPrefix("/compte/demarches/") && location.contains("?certificat="))
            #expect(try await app.store.procedures(of: Fixtures.martinNIR).count == 1)
            // The confirmation is a GET: reloading it performs nothing.
            let confirmation = try await app.send(.get, location, token: nil, headers: cookies)
            #expect(confirmation.status == .ok && confirmation.text.contains("10 jours") && confirmation.text.contains("une seule fois"))
            #expect(try await app.store.procedures(of: Fixtures.martinNIR).count == 1)
        }
    }

    @Test func anotherHouseholdsIdsAreTheSame404AsUnknownOnes() async throws {
        try await withService { app in
            let cookies = try await Self.cookies(app)
            for kind in ["carte", "carte.png", "carte.pdf", "carte.html", "commande", "perte"] {
                let theirs = try await app.send(.get, "/compte/ceam/eva/\(kind)", token: nil, headers: cookies)
                let nobody = try await app.send(.get, "/compte/ceam/personne/\(kind)", token: nil, headers: cookies)
                #expect(theirs.status == .notFound && nobody.status == .notFound, "\(kind)")
                #expect(theirs.text == nobody.text, "\(kind)")
            }
        }
    }

    /// A rule's refusal on a page is its message with the API's status, never an internal error.
    @Test func aCardThatCannotBeShownAnswersWithTheRule() async throws {
        try await withService { app in
            #expect(try await app.send(.post, "/v1/beneficiaries/marc/loss-declarations",
                                       json: #"{"kind":"loss","date":"2026-03-13","sworn":true}"#).status == .created)
            let cookies = try await Self.cookies(app)
            let image = try await app.send(.get, "/compte/ceam/marc/carte.png", token: nil, headers: cookies)
            #expect(image.status == .conflict && image.headers[.contentType] == "text/html; charset=utf-8")
            #expect(image.text.contains("Démarche impossible"))
            let page = try await app.send(.get, "/compte/ceam/marc/carte", token: nil, headers: cookies)
            #expect(page.status == .ok && page.text.contains("class=\"bloque\"") && !page.text.contains("carte.png"))
        }
    }

    /// The card image and print copy carry the API's ETag: a browser's revalidation is a 304, nothing rendered.
    @Test func documentsRevalidateWithTheAPIsETag() async throws {
        try await withService { app in
            var headers = try await Self.cookies(app)
            for path in ["/compte/ceam/lea/carte.png", "/compte/ceam/lea/carte.pdf"] {
                let first = try await app.send(.get, path, token: nil, headers: headers)
                #expect(first.status == .ok && first.headers[.cacheControl] == "private, no-cache", "\(path)")
                let etag = try #require(first.headers[.eTag], "\(path)")
                headers[.ifNoneMatch] = etag
                let again = try await app.send(.get, path, token: nil, headers: headers)
                #expect(again.status == .notModified && again.headers[.eTag] == etag && again.bytes.isEmpty, "\(path)")
                headers[.ifNoneMatch] = nil
            }
        }
    }

    /// A nonce cookie of another shape is replaced rather than trusted.
    @Test func anOddNonceCookieIsReplaced() async throws {
        try await withService { app in
            let page = try await app.send(.get, "/compte/ceam", token: nil,
                                          headers: [.cookie: "ameli_session_loopback_http=\(try await app.token()); ameli_csrf_loopback_http=a.b"])
            #expect(page.headers[values: .setCookie].contains { $0.hasPrefix("ameli_csrf_loopback_http=") && !$0.hasPrefix("ameli_csrf_loopback_http=a.b") })
        }
    }

    @Test func anAcknowledgementHasItsAccessibleTwin() async throws {
        try await withService { app in
            #expect(try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":false}"#).status == .created)
            let id = try #require(try await app.store.inbox(of: Fixtures.martinNIR).first?.id.value)
            let twin = try await app.send(.get, "/compte/messagerie/\(id)/accuse.html", token: nil, headers: try await Self.cookies(app))
            #expect(twin.status == .ok && twin.headers[.contentType] == "text/html; charset=utf-8")
            #expect(twin.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">") && twin.text.contains("<h1>"))
            // What this route adds to the twin: a policy that allows its own style by hash and nothing else.
            let policy = try #require(twin.headers[.contentSecurityPolicy])
            #expect(policy.hasPrefix("default-src 'none'; style-src 'sha256-") && !policy.contains("unsafe"))
            #expect(twin.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        }
    }
}

/// The same on PostgreSQL, where several replicas share the idempotency records.
@Suite(.enabled(if: TestDatabase.postgresAvailable || TestDatabase.underCI,
                "AMELI_DOCS_TEST_POSTGRES_URL is not set: run under Scripts/with-postgres.sh"))
struct PostgresPagesTests {
    @Test func aDoubleSubmissionPerformsOnceOnPostgres() async throws {
        try await PagesTests.doubleSubmissionPerformsOnce(.postgres)
    }
}
