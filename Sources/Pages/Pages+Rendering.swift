// Pages+Rendering: templates into responses, the session around every signed-in page, forms and their checks.
import HTTPEdge
import Procedures
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
    func page<Values>(_ template: String, _ values: Values, status: HTTPResponse.Status = .ok, request: Request,
                      channel: PageChannel, caller: Caller?) async -> Response {
        var cookies: [String] = []
        // A nonce this service did not make (any other shape) is replaced, so that an odd cookie cannot lock a
        // browser out of every form.
        let nonce = PageSession.cookie(session.csrfCookieName, of: request).flatMap(PageSession.wellFormedNonce) ?? {
            let fresh = PageSession.randomHex()
            cookies.append(session.setCookie(session.csrfCookieName, fresh, maxAge: 12 * 3600))
            return fresh
        }()
        if caller != nil, request.headers[PageSession.identityHeader] == nil,
           let renewed = await session.renewal(of: request, now: service.clock(), idle: idleSeconds(channel)) {
            // A sliding session: each page pushes the deadline back (the kiosk's 2 minutes are counted from here).
            cookies.append(session.setCookie(session.cookieName, renewed.token, maxAge: renewed.maxAge))
        }
        let context = PageFrame(prefix: channel.prefix, kiosk: channel == .kiosk, signedIn: caller != nil,
                                csrf: session.formToken(nonce: nonce, caller: caller), idleSeconds: idleSeconds(channel),
                                formKey: PageSession.randomHex(), values: values)
        let body = templates.render(context, withTemplate: template) ?? "<!DOCTYPE html><title>Erreur</title><p>Page indisponible.</p>"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        // Beside lang="fr": what a browser reads to show dates and numbers the French way.
        headers[.contentLanguage] = "fr-FR"
        for (name, value) in Self.securityHeaders { headers[name] = value }
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The same page for "not yours" and "does not exist": nobody learns another household's ids.
    func notFound(_ request: Request, _ channel: PageChannel, caller: Caller?) async -> Response {
        await page("erreur", MessagePage(title: "Page introuvable", message: "Cette page n'existe pas ou ne vous est pas accessible."),
                   status: .notFound, request: request, channel: channel, caller: caller)
    }

    /// An error as a page, through the one mapping of errors both doors share (`APIProblem.answering`, which also logs
    /// internal errors with the request id): the same status, the same French detail.
    func failure(_ request: Request, _ context: AppRequestContext, _ channel: PageChannel, caller: Caller?,
                 error: any Error) async -> Response {
        await failure(request, channel, caller: caller, problem: APIProblem.answering(error, context: context))
    }

    func failure(_ request: Request, _ channel: PageChannel, caller: Caller?, problem: APIProblem) async -> Response {
        switch problem.status {
        case .notFound:
            return await notFound(request, channel, caller: caller)
        case .serviceUnavailable:
            return await page("erreur", MessagePage(title: "Service momentanément indisponible",
                                                    message: "Le service est très sollicité. Merci de réessayer dans quelques instants."),
                              status: .serviceUnavailable, request: request, channel: channel, caller: caller)
        case let status where status.kind == .clientError:
            return await page("erreur", MessagePage(title: "Démarche impossible", message: problem.detail),
                              status: status, request: request, channel: channel, caller: caller)
        default:
            return await page("erreur", MessagePage(title: "Une erreur est survenue", message: problem.detail),
                              status: problem.status, request: request, channel: channel, caller: caller)
        }
    }

    /// The form of a POST, once its token is checked: nil (and the 403 page) for a missing or wrong token.
    /// The form of a POST, once its token is checked against `caller` (nil for the forms made for nobody in
    /// particular: sign-in, verification): nil, and the caller shows the 403 page, for a missing or wrong token.
    func form(_ request: Request, for caller: Caller?) async throws -> (FormBody, [UInt8])? {
        let type = request.headers[.contentType] ?? ""
        let multipart = type.lowercased().hasPrefix("multipart/form-data")
        let raw = Array(buffer: try await request.body.collect(upTo: multipart ? FormBody.uploadLimit : FormBody.limit))
        let form: FormBody
        if multipart {
            guard let parts = FormBody.multipart(raw, contentType: type) else { return nil }
            form = FormBody(fields: parts.fields, files: parts.files)
        } else {
            form = FormBody(raw)
        }
        guard session.acceptsFormToken(form["_csrf"], of: request, caller: caller) else { return nil }
        return (form, raw)
    }

    /// A signed-in page's form.
    func form(_ page: PageRequest) async throws -> (FormBody, [UInt8])? {
        try await form(page.request, for: page.caller)
    }

    func forbidden(_ request: Request, _ channel: PageChannel, caller: Caller?) async -> Response {
        await page("erreur", MessagePage(title: "Formulaire expiré",
                                         message: "Ce formulaire a expiré ou ne vient pas de ce site : rien n'a été enregistré. Rechargez la page et recommencez."),
                   status: .forbidden, request: request, channel: channel, caller: caller)
    }

    /// The procedure call of a form: the signed-in caller, and the form's hidden key fingerprinted with the form's
    /// bytes, as the API fingerprints a body, so that a reload or a double click replays instead of repeating.
    func call(_ page: PageRequest, key: String?, body: [UInt8]) throws -> ProcedureCall {
        try ProcedureCall(caller: page.caller, key: key, method: page.request.method.rawValue, path: page.request.uri.path, body: body)
    }

    /// A document the service decided on: its bytes with the API's headers, or 304 when the browser's copy is current.
    static func document(_ answer: DocumentAnswer, type: String, disposition: (DocumentHeaders) -> String?) -> Response {
        switch answer {
        case .ok(let bytes, let headers):
            return document(bytes, type: type, disposition: disposition(headers), eTag: headers.eTag)
        case .notModified(let headers):
            return notModified(eTag: headers.eTag)
        }
    }

    /// A document's bytes as a download or an inline view, with the API's headers.
    /// With the API's ETag, the browser revalidates (`private, no-cache`) and a view of an unchanged document is a
    /// 304 without rendering; without one (the certificate's one download) it keeps nothing.
    static func document(_ bytes: [UInt8], type: String, disposition: String?, eTag: String? = nil) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = eTag == nil ? "private, no-store" : "private, no-cache"
        if let eTag { headers[.eTag] = eTag }
        if let disposition { headers[.contentDisposition] = disposition }
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The answer to a revalidation that matched: the API decided it before rendering anything.
    static func notModified(eTag: String?) -> Response {
        var headers = HTTPFields()
        headers[.cacheControl] = "private, no-cache"
        if let eTag { headers[.eTag] = eTag }
        return Response(status: .notModified, headers: headers)
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

}
