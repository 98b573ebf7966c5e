// PageSession: who is signed in to the pages, and the token every form carries against cross-site requests.
import HTTPEdge
import Procedures
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import JWTKit
import Records

/// The session is the API's own bearer token (HS256, the configured secret) kept in an HttpOnly, SameSite=Strict
/// cookie — so the pages and the API know one identity, the insured's NIR. In production the identity provider or
/// reverse proxy in front sets that cookie, or sends the token in `X-Ameli-Identity`; with `serve --demo` the
/// sign-in page issues it. A session lives at most `absoluteLifetime` from its sign-in, however often it is
/// renewed, and signing out revokes it in the service, not only in the browser.
struct PageSession: Sendable {
    static let identityHeader = HTTPField.Name("X-Ameli-Identity")!
    /// From sign-in to the end, whatever the activity: a working day.
    static let absoluteLifetime: TimeInterval = 12 * 3600

    let tokens: AccessTokens
    /// The HMAC key of the form tokens (derived from the JWT secret, never the secret itself).
    let formKey: SymmetricKey
    /// `Secure` and the `__Host-` prefix on the cookies. Off only when the public URL is plain http on loopback
    /// (the demo, the browser check): Chromium keeps a Secure cookie over http only for `localhost`, not 127.0.0.1.
    let secureCookies: Bool
    /// `__Host-` makes the browser refuse the cookie unless it is Secure, has Path=/ and no Domain (RFC 6265bis
    /// §4.1.3.2), so a sibling subdomain or a plain-http page cannot plant or overwrite it.
    let cookieName: String
    let csrfCookieName: String

    init(tokens: AccessTokens, secret: String, secureCookies: Bool) {
        self.tokens = tokens
        self.formKey = SymmetricKey(data: SHA256.hash(data: Array("ameli-docs form tokens\n\(secret)".utf8)))
        self.secureCookies = secureCookies
        self.cookieName = secureCookies ? "__Host-ameli_session" : "ameli_session_loopback_http"
        self.csrfCookieName = secureCookies ? "__Host-ameli_csrf" : "ameli_csrf_loopback_http"
    }

    /// The raw session token of a request: the identity header first, then the cookie.
    func token(of request: Request) -> String? {
        if let header = request.headers[Self.identityHeader], !header.isEmpty { return header }
        return Self.cookie(cookieName, of: request)
    }

    func caller(of request: Request, now: Date) async -> Caller? {
        guard let token = token(of: request) else { return nil }
        return await tokens.verify(token, now: now)
    }

    /// A new session's token: a fresh session id, issued now, for `idle` seconds.
    func signIn(nir: NIR, now: Date, idle: Int) async throws -> String {
        try await tokens.sign(nir: nir, issuedAt: now, expiresAt: now.addingTimeInterval(TimeInterval(idle)),
                              session: Self.randomHex())
    }

    /// The session's token renewed for `idle` more seconds, never past `absoluteLifetime` after its sign-in; nil
    /// when the request's session is not valid. The sign-in instant travels as the token's `iat`.
    func renewal(of request: Request, now: Date, idle: Int) async -> (token: String, maxAge: Int)? {
        guard let token = token(of: request), let claims = await tokens.claims(of: token, now: now),
              let nir = try? NIR(claims.sub.value) else { return nil }
        let end = min(now.addingTimeInterval(TimeInterval(idle)), claims.iat.value.addingTimeInterval(Self.absoluteLifetime))
        guard end > now, let renewed = try? await tokens.sign(nir: nir, admin: claims.role == "admin", issuedAt: claims.iat.value,
                                                               expiresAt: end, session: claims.sid) else { return nil }
        return (renewed, Int(end.timeIntervalSince(now).rounded(.down)))
    }

    /// Signs the request's session out in the service: its token, and every renewal of it, is refused from now on.
    func revoke(_ request: Request, now: Date) async {
        guard let token = token(of: request) else { return }
        await tokens.revoke(token, now: now)
    }

    static func cookie(_ name: String, of request: Request) -> String? {
        request.cookies[name]?.value
    }

    /// A `Set-Cookie` value: HttpOnly, SameSite=Strict, Path=/, no Domain, Secure unless on loopback http; `maxAge` 0
    /// deletes it.
    func setCookie(_ name: String, _ value: String, maxAge: Int) -> String {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict).description
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
        guard let token, let nonce = Self.cookie(csrfCookieName, of: request).flatMap(Self.wellFormedNonce) else { return false }
        let parts = token.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, parts[0] == nonce else { return false }
        guard let given = Self.bytes(hex: parts[1]) else { return false }
        // swift-crypto compares in constant time: the answer must not tell an attacker how much of a guess was right.
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: Self.macInput(nonce: nonce, subject: caller?.nir.value),
                                                      using: formKey)
    }

    private func mac(nonce: String, subject: String?) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Self.macInput(nonce: nonce, subject: subject), using: formKey)
        return code.map { String(format: "%02x", $0) }.joined()
    }

    private static func macInput(nonce: String, subject: String?) -> [UInt8] {
        Array("\(nonce)\n\(subject ?? "")".utf8)
    }

    /// The bytes of lower-case hex text; nil for anything else.
    private static func bytes(hex: Substring) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 48...57: digit - 48
        case 97...102: digit - 87
        default: nil
        }
    }

    /// The nonce when it has the shape `randomHex` gives (32 lower-case hex digits), else nil.
    static func wellFormedNonce(_ text: String) -> String? {
        text.utf8.count == 32 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) } ? text : nil
    }

    static func randomHex(bytes: Int = 16) -> String {
        (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}
