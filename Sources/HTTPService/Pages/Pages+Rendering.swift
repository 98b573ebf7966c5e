// Pages+Rendering: templates into responses, the session around every signed-in page, forms and their checks.
import Crypto
import DocumentHTML
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mustache
import NIOCore
import OpenAPIRuntime
import Records
import TeleserviceRules

extension Pages {
    /// Personal pages: never cached; scripts and styles only from here; never framed.
    static let securityHeaders: [(HTTPField.Name, String)] = [
        (.cacheControl, "no-store"),
        (.contentSecurityPolicy, "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
    ]

    /// Renders `template` inside the layout with what every page shows (channel, navigation, the form token).
    /// A browser without the form nonce gets one; a signed-in page renews the session's idle deadline.
    func page(_ template: String, _ values: [String: Any], status: HTTPResponse.Status = .ok, request: Request,
              channel: PageChannel, caller: Caller?) async -> Response {
        var cookies: [String] = []
        // A nonce this service did not make (any other shape) is replaced, so that an odd cookie cannot lock a
        // browser out of every form.
        let nonce = PageSession.cookie(PageSession.csrfCookieName, of: request).flatMap(PageSession.wellFormedNonce) ?? {
            let fresh = PageSession.randomHex()
            cookies.append(session.setCookie(PageSession.csrfCookieName, fresh, maxAge: 12 * 3600))
            return fresh
        }()
        if let caller, request.headers[PageSession.identityHeader] == nil,
           let renewed = try? await session.tokens.sign(nir: caller.nir, expiresAt: service.clock().addingTimeInterval(TimeInterval(idleSeconds(channel)))) {
            // A sliding session: each page pushes the deadline back (the kiosk's 2 minutes are counted from here).
            cookies.append(session.setCookie(PageSession.cookieName, renewed, maxAge: idleSeconds(channel)))
        }
        var context = values
        context["prefix"] = channel.prefix
        context["kiosk"] = channel == .kiosk
        context["signedIn"] = caller != nil
        context["csrf"] = session.formToken(nonce: nonce, caller: caller)
        context["idleSeconds"] = idleSeconds(channel)
        context["formKey"] = PageSession.randomHex()
        let body = templates.render(context, withTemplate: template) ?? "<!DOCTYPE html><title>Erreur</title><p>Page indisponible.</p>"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        for (name, value) in Self.securityHeaders { headers[name] = value }
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The same page for "not yours" and "does not exist": nobody learns another household's ids.
    func notFound(_ request: Request, _ channel: PageChannel, caller: Caller?) async -> Response {
        await page("erreur", ["title": "Page introuvable", "message": "Cette page n'existe pas ou ne vous est pas accessible."],
                   status: .notFound, request: request, channel: channel, caller: caller)
    }

    func failure(_ request: Request, _ channel: PageChannel, caller: Caller?, error: any Error) async -> Response {
        switch error {
        case let problem as APIProblem where problem.status == .notFound:
            return await notFound(request, channel, caller: caller)
        case let refusal as Refusal where refusal.kind == .notFound:
            return await notFound(request, channel, caller: caller)
        case let problem as APIProblem where problem.status == .serviceUnavailable:
            return await page("erreur", ["title": "Service momentanément indisponible",
                                         "message": "Le service est très sollicité. Merci de réessayer dans quelques instants."],
                              status: .serviceUnavailable, request: request, channel: channel, caller: caller)
        case let refusal as Refusal:
            // A rule says no (a card that cannot be shown any more, …): its message, with the API's status.
            return await page("erreur", ["title": "Démarche impossible", "message": refusal.message],
                              status: refusal.kind == .conflict ? .conflict : .unprocessableContent,
                              request: request, channel: channel, caller: caller)
        case let problem as APIProblem where problem.status.kind == .clientError:
            return await page("erreur", ["title": "Démarche impossible", "message": problem.detail],
                              status: problem.status, request: request, channel: channel, caller: caller)
        default:
            Logger(label: "ameli-docs.pages").error("page failed", metadata: ["error.type": .string(String(reflecting: type(of: error)))])
            return await page("erreur", ["title": "Une erreur est survenue",
                                         "message": "Une erreur interne est survenue. Merci de réessayer plus tard."],
                              status: .internalServerError, request: request, channel: channel, caller: caller)
        }
    }

    /// Runs a signed-in page: without a valid session, to the sign-in page.
    func signedIn(_ request: Request, _ context: AppRequestContext, _ channel: PageChannel,
                  _ handler: @Sendable (PageRequest) async throws -> Response) async -> Response {
        guard let caller = await session.caller(of: request, now: service.clock()) else {
            return Self.redirect(to: "\(channel.prefix)/connexion")
        }
        let page = PageRequest(request: request, context: context, channel: channel, caller: caller)
        do {
            return try await handler(page)
        } catch {
            return await failure(request, channel, caller: caller, error: error)
        }
    }

    /// The form of a POST, once its token is checked: nil (and the 403 page) for a missing or wrong token.
    /// `public` forms (the verification page) are rendered for nobody in particular and checked the same way.
    func form(_ request: Request, _ context: AppRequestContext, public: Bool = false) async throws -> (FormBody, [UInt8])? {
        let type = request.headers[.contentType] ?? ""
        let multipart = type.lowercased().hasPrefix("multipart/form-data")
        let bytes = try await request.body.collect(upTo: multipart ? FormBody.uploadLimit : FormBody.limit)
        let raw = Array(buffer: bytes)
        var form = FormBody(raw)
        if multipart {
            guard let parts = FormBody.multipart(raw, contentType: type) else { return nil }
            form = FormBody(fields: parts.fields, files: parts.files)
        }
        let caller = `public` ? nil : await session.caller(of: request, now: service.clock())
        guard session.acceptsFormToken(form["_csrf"], of: request, caller: caller) else { return nil }
        return (form, raw)
    }

    func forbidden(_ request: Request, _ channel: PageChannel, caller: Caller?) async -> Response {
        await page("erreur", ["title": "Formulaire expiré",
                              "message": "Ce formulaire a expiré ou ne vient pas de ce site : rien n'a été enregistré. Rechargez la page et recommencez."],
                   status: .forbidden, request: request, channel: channel, caller: caller)
    }

    /// Runs the API's handler for `caller`, as the API would for the same request: the same procedure, the same
    /// transaction, the same idempotency (the form's key, fingerprinted with the form's bytes).
    func asCaller<T: Sendable>(_ page: PageRequest, body: [UInt8] = [], _ work: () async throws -> T) async throws -> T {
        var scope = RequestScope(caller: page.caller, clientAddress: nil, method: page.request.method.rawValue,
                                 path: page.request.uri.path, logger: page.context.logger)
        scope.body = body
        return try await RequestScope.$current.withValue(scope) { try await work() }
    }

    /// A document's bytes as a download or an inline view, with the API's headers.
    static func document(_ body: HTTPBody, type: String, disposition: String?) async throws -> Response {
        let bytes = try await [UInt8](collecting: body, upTo: 32 * 1024 * 1024)
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "private, no-store"
        if let disposition { headers[.contentDisposition] = disposition }
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The twins carry their own small stylesheet (a downloaded certificate must read well on its own): the policy
    /// allows exactly that style, by its hash, and nothing else.
    static let twinPolicy: String = {
        let hash = Data(SHA256.hash(data: Array(AccessibleDocument.stylesheet.utf8))).base64EncodedString()
        return "default-src 'none'; style-src 'sha256-\(hash)'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    }()

    static func htmlDocument(_ html: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        for (name, value) in securityHeaders { headers[name] = value }
        headers[.contentSecurityPolicy] = twinPolicy
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func isNotFound(_ error: any Error) -> Bool {
        (error as? APIProblem)?.status == .notFound || (error as? Refusal)?.kind == .notFound
    }

    /// The message of a refusal or of a problem, for a page.
    static func message(of error: any Error) -> String? {
        switch error {
        case let refusal as Refusal: refusal.message
        case let problem as APIProblem where problem.status.code < 500: problem.detail
        default: nil
        }
    }
}
