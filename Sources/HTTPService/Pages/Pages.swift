// Pages: the teleservices' screens (web account, app, office kiosk), server-rendered from Templates/web/ over the
// same rules core and stores as the API — the API's own handlers are called in process, never over HTTP.
import Foundation
import HTTPTypes
public import Hummingbird
import Mustache
import Records
import Storage

/// The channel a page is shown on. The app is the web account at phone width (one responsive stylesheet); the
/// kiosk (BMS) has its own prefix: large type, printing instead of downloading, sign-out after 2 idle minutes.
enum PageChannel: String, CaseIterable, Sendable {
    case web, kiosk

    var prefix: String { self == .web ? "/compte" : "/borne" }
}

/// What the pages need besides the service: the templates, the session rules, whether the demo sign-in is open.
public struct Pages: Sendable {
    let service: AmeliService
    let session: PageSession
    let templates: MustacheLibrary
    let stylesheet: [UInt8]
    let kioskScript: [UInt8]
    /// `serve --demo`: a sign-in page lists the households in the store. Otherwise the identity provider in front
    /// sets the session (docs/operations.md, "Pages").
    let demoSignIn: Bool
    /// How long the kiosk waits without input before it signs out (2 minutes; tests shorten it).
    let kioskIdleSeconds: Int

    /// How long a session lasts without a page being asked for (the cookie is renewed with each page).
    func idleSeconds(_ channel: PageChannel) -> Int { channel == .web ? 30 * 60 : kioskIdleSeconds }

    /// Loads Templates/web/ (every `.mustache`, the stylesheet and the kiosk's script) once.
    public init(service: AmeliService, tokens: AccessTokens, secret: String, secureCookies: Bool, demoSignIn: Bool,
                kioskIdleSeconds: Int = 120, directory: String) async throws {
        self.kioskIdleSeconds = kioskIdleSeconds
        self.service = service
        self.session = PageSession(tokens: tokens, secret: secret, secureCookies: secureCookies)
        self.templates = try await MustacheLibrary(directory: directory)
        func read(_ name: String) throws -> [UInt8] {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { throw PageResourceMissing(path: path) }
            return Array(data)
        }
        self.stylesheet = try read("site.css")
        self.kioskScript = try read("kiosk.js")
        self.demoSignIn = demoSignIn
    }

    /// The routes of every channel, and the public verification page.
    func register(on router: Router<AppRequestContext>) {
        router.get("/static/site.css") { _, _ in Self.asset(stylesheet, type: "text/css; charset=utf-8") }
        router.get("/static/kiosk.js") { _, _ in Self.asset(kioskScript, type: "text/javascript; charset=utf-8") }
        router.get("/verifier") { request, context in await self.verificationPage(request, context) }
        router.post("/verifier") { request, context in await self.verify(request, context) }
        for channel in PageChannel.allCases {
            let p = channel.prefix
            router.get(RouterPath(p)) { _, _ in Self.redirect(to: "\(p)/ceam") }
            router.get("\(p)/connexion") { request, context in await self.signInPage(request, context, channel) }
            router.post("\(p)/connexion") { request, context in await self.signIn(request, context, channel) }
            router.post("\(p)/deconnexion") { request, context in await self.signOut(request, context, channel) }
            router.get("\(p)/ceam") { request, context in await self.signedIn(request, context, channel, self.ceam) }
            router.get("\(p)/ceam/:id/commande") { request, context in await self.signedIn(request, context, channel, self.orderPage) }
            router.post("\(p)/ceam/:id/commande") { request, context in await self.signedIn(request, context, channel, self.order) }
            router.get("\(p)/ceam/:id/perte") { request, context in await self.signedIn(request, context, channel, self.lossPage) }
            router.post("\(p)/ceam/:id/perte") { request, context in await self.signedIn(request, context, channel, self.declareLoss) }
            router.get("\(p)/ceam/:id/carte") { request, context in await self.signedIn(request, context, channel, self.cardPage) }
            router.get("\(p)/ceam/:id/carte.png") { request, context in await self.signedIn(request, context, channel, self.cardImage) }
            router.get("\(p)/ceam/:id/carte.pdf") { request, context in await self.signedIn(request, context, channel, self.cardPDF) }
            router.get("\(p)/ceam/:id/carte.html") { request, context in await self.signedIn(request, context, channel, self.cardTwin) }
            router.get("\(p)/demarches") { request, context in await self.signedIn(request, context, channel, self.history) }
            router.get("\(p)/demarches/:id") { request, context in await self.signedIn(request, context, channel, self.confirmation) }
            router.post("\(p)/demarches/:id/note") { request, context in await self.signedIn(request, context, channel, self.rate) }
            router.get("\(p)/certificats/:id") { request, context in await self.signedIn(request, context, channel, self.certificatePage) }
            router.post("\(p)/certificats/:id") { request, context in await self.signedIn(request, context, channel, self.downloadCertificate) }
            router.get("\(p)/messagerie") { request, context in await self.signedIn(request, context, channel, self.inbox) }
            router.get("\(p)/messagerie/:id/accuse.pdf") { request, context in await self.signedIn(request, context, channel, self.acknowledgementPDF) }
            router.get("\(p)/messagerie/:id/accuse.html") { request, context in await self.signedIn(request, context, channel, self.acknowledgementTwin) }
            router.get("\(p)/procuration") { request, context in await self.signedIn(request, context, channel, self.proxyPage) }
            router.post("\(p)/procuration") { request, context in await self.signedIn(request, context, channel, self.createProxy) }
            router.get("\(p)/procuration/revocation") { request, context in await self.signedIn(request, context, channel, self.revocationPage) }
            router.post("\(p)/procuration/revocation") { request, context in await self.signedIn(request, context, channel, self.revokeProxy) }
            router.get("\(p)/procuration/:id/confirmation.pdf") { request, context in await self.signedIn(request, context, channel, self.proxyPDF) }
            router.get("\(p)/procuration/:id/confirmation.html") { request, context in await self.signedIn(request, context, channel, self.proxyTwin) }
            // Any other address under the channel: the pages' own 404, not the API's problem+json.
            router.get("\(p)/**") { request, _ in
                await self.notFound(request, channel, caller: await self.session.caller(of: request, now: self.service.clock()))
            }
        }
    }

    static func asset(_ bytes: [UInt8], type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func redirect(to location: String, cookies: [String] = []) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }
}

/// What a page handler receives: the request, the channel, and the caller the session proves.
struct PageRequest: Sendable {
    let request: Request
    let context: AppRequestContext
    let channel: PageChannel
    let caller: Caller
    /// The path parameter `id`, when the route has one.
    var id: String { context.parameters.get("id") ?? "" }
    var prefix: String { channel.prefix }
    /// A browser's revalidation of a document, passed to the API's handler, which answers it before rendering.
    var ifNoneMatch: String? { request.headers[.ifNoneMatch] }
}

/// A file of Templates/web/ is missing.
struct PageResourceMissing: Error, CustomStringConvertible {
    let path: String
    var description: String { "cannot read \(path): the pages' files belong in Templates/web/" }
}
