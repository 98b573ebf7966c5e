// PageSession: who is signed in to the pages, and the token every form carries against cross-site requests.
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Records

/// The session is the API's own bearer token (HS256, the configured secret) kept in an HttpOnly, SameSite=Strict
/// cookie — so the pages and the API know one identity, the insured's NIR. In production the identity provider or
/// reverse proxy in front sets that cookie, or sends the token in `X-Ameli-Identity`; with `serve --demo` the
/// sign-in page issues it.
struct PageSession: Sendable {
    static let cookieName = "ameli_session"
    static let csrfCookieName = "ameli_csrf"
    static let identityHeader = HTTPField.Name("X-Ameli-Identity")!

    let tokens: AccessTokens
    /// The HMAC key of the form tokens (derived from the JWT secret, never the secret itself).
    let formKey: SymmetricKey
    /// `Secure` on the cookies: on whenever the service is reached over HTTPS.
    let secureCookies: Bool

    init(tokens: AccessTokens, secret: String, secureCookies: Bool) {
        self.tokens = tokens
        self.formKey = SymmetricKey(data: SHA256.hash(data: Array("ameli-docs form tokens\n\(secret)".utf8)))
        self.secureCookies = secureCookies
    }

    /// The raw session token of a request: the identity header first, then the cookie.
    static func token(of request: Request) -> String? {
        if let header = request.headers[identityHeader], !header.isEmpty { return header }
        return cookie(cookieName, of: request)
    }

    func caller(of request: Request, now: Date) async -> Caller? {
        guard let token = Self.token(of: request) else { return nil }
        return await tokens.verify(token, now: now)
    }

    static func cookie(_ name: String, of request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0] == name { return String(pair[1]) }
            }
        }
        return nil
    }

    /// A `Set-Cookie` value: HttpOnly, SameSite=Strict, Path=/, Secure behind HTTPS; `maxAge` 0 deletes it.
    func setCookie(_ name: String, _ value: String, maxAge: Int) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : "")
    }

    // MARK: Form tokens (signed double-submit)

    /// The token a form carries: the browser's nonce (its `ameli_csrf` cookie) with an HMAC over it and the signed-in
    /// person, so a token taken from another browser or person, or forged without the key, is refused. It is bound
    /// to the NIR, not to the session token, because the session token is renewed with every page (another tab's
    /// page must not void this one's form).
    func formToken(nonce: String, caller: Caller?) -> String {
        nonce + "." + mac(nonce: nonce, subject: caller?.nir.value)
    }

    /// True when the form's token matches the request's nonce cookie and signed-in person.
    func acceptsFormToken(_ token: String?, of request: Request, caller: Caller?) -> Bool {
        guard let token, let nonce = Self.cookie(Self.csrfCookieName, of: request).flatMap(Self.wellFormedNonce) else { return false }
        let parts = token.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, parts[0] == nonce else { return false }
        let expected = Array(mac(nonce: nonce, subject: caller?.nir.value).utf8)
        let given = Array(parts[1].utf8)
        // Constant time: the comparison must not tell an attacker how much of a guess was right.
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func mac(nonce: String, subject: String?) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array("\(nonce)\n\(subject ?? "")".utf8), using: formKey)
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// The nonce when it has the shape `randomHex` gives (32 lower-case hex digits), else nil.
    static func wellFormedNonce(_ text: String) -> String? {
        text.utf8.count == 32 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) } ? text : nil
    }

    static func randomHex(bytes: Int = 16) -> String {
        (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}
