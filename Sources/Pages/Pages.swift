// Pages: the teleservices' screens (web account, app, office kiosk), server-rendered from Templates/web/ over the
// same procedures as the API — never its handlers, never over HTTP.
public import HTTPEdge
public import Procedures
import Foundation
import HTTPTypes
package import Hummingbird
import Mustache
import Records
import Storage

/// The channel a page is shown on. The app is the web account at phone width (one responsive stylesheet); the
/// kiosk (BMS) has its own prefix: large type, printing instead of downloading, sign-out after 2 idle minutes.
enum PageChannel: String, CaseIterable, Sendable {
    case web, kiosk

    var prefix: String { self == .web ? "/compte" : "/borne" }
    /// Where a session starts: the CEAM on the web account and the app; on the kiosk, seed 000's « Mes séjours en
    /// Europe » first.
    var home: String { self == .web ? "/compte/ceam" : "/borne/sejours" }
}

/// What the pages need besides the service: the templates, the session rules, whether the demo sign-in is open.
public struct Pages: Sendable {
    let service: AmeliService
    let session: PageSession
    let templates: MustacheLibrary
    let stylesheet: [UInt8]
    let kioskScript: [UInt8]
    let appScript: [UInt8]
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
        self.appScript = try read("app.js")
        self.demoSignIn = demoSignIn
    }

    /// The routes of every channel, and the public verification page.
    package func register(on router: Router<AppRequestContext>) {
        router.get("/static/site.css") { _, _ in Self.asset(stylesheet, type: "text/css; charset=utf-8") }
        router.get("/static/kiosk.js") { _, _ in Self.asset(kioskScript, type: "text/javascript; charset=utf-8") }
        router.get("/static/app.js") { _, _ in Self.asset(appScript, type: "text/javascript; charset=utf-8") }
        router.get("/verifier") { request, context in await self.verificationPage(request, context) }
        router.post("/verifier") { request, context in await self.verify(request, context) }
        for channel in PageChannel.allCases {
            let p = channel.prefix
            router.get(RouterPath(p)) { _, _ in Self.redirect(to: channel.home) }
            router.get("\(p)/connexion") { request, context in await self.signInPage(request, context, channel) }
            router.post("\(p)/connexion") { request, context in await self.signIn(request, context, channel) }
            router.post("\(p)/deconnexion") { request, context in await self.signOut(request, context, channel) }
            // The signed-in pages: one group behind the channel's session.
            let signedIn = router.group(RouterPath(p)).add(middleware: PageSessionMiddleware(pages: self, channel: channel))
            for (method, path, handler) in signedInRoutes {
                signedIn.on(RouterPath(path), method: method) { request, context in
                    try await handler(try PageRequest(request: request, context: context, channel: channel))
                }
            }
            // Any other address under the channel: the pages' own 404, not the API's problem+json.
            router.get("\(p)/**") { request, _ in
                await self.notFound(request, channel, caller: await self.session.caller(of: request, now: self.service.clock()))
            }
        }
    }

    /// Every signed-in page of a channel: method, path under the channel's prefix, handler.
    private var signedInRoutes: [(HTTPRequest.Method, String, @Sendable (PageRequest) async throws -> Response)] {
        [
            (.get, "sejours", stays), (.get, "ceam", ceam),
            (.get, "ceam/:id/commande", orderPage), (.post, "ceam/:id/commande", order),
            (.get, "ceam/:id/perte", lossPage), (.post, "ceam/:id/perte", declareLoss),
            (.get, "ceam/:id/carte", cardPage), (.get, "ceam/:id/carte.png", cardImage),
            (.get, "ceam/:id/carte.pdf", cardPDF), (.get, "ceam/:id/carte.html", cardTwin),
            (.get, "demarches", history), (.get, "demarches/:id", confirmation), (.post, "demarches/:id/note", rate),
            (.get, "certificats/:id", certificatePage), (.post, "certificats/:id", downloadCertificate),
            (.get, "messagerie", inbox),
            (.get, "messagerie/:id/accuse.pdf", acknowledgementPDF), (.get, "messagerie/:id/accuse.html", acknowledgementTwin),
            (.get, "informations", information),
            (.get, "procuration", proxyPage), (.get, "procuration/demande", proxyRequestPage), (.post, "procuration", createProxy),
            (.get, "procuration/revocation", revocationPage), (.post, "procuration/revocation", revokeProxy),
            (.get, "procuration/:id/confirmation.pdf", proxyPDF), (.get, "procuration/:id/confirmation.html", proxyTwin),
        ]
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

    init(request: Request, context: AppRequestContext, channel: PageChannel, caller: Caller) {
        self.request = request
        self.context = context
        self.channel = channel
        self.caller = caller
    }

    /// A request behind `PageSessionMiddleware`, which has put the caller in the context.
    init(request: Request, context: AppRequestContext, channel: PageChannel) throws {
        guard let caller = context.pageCaller else { throw APIProblem(.unauthorized, detail: "Authentification requise.") }
        self.init(request: request, context: context, channel: channel, caller: caller)
    }

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
