// AccessToken: the JWT claims of API.md (sub = NIR, iss, aud, iat, exp, role) and the HS256 keys that sign and verify them.
public import Foundation
public import JWTKit
public import Records
public import Procedures
import Crypto

/// `sub` is the insured's NIR (15 characters, key checked); `iss`, `aud`, `iat` and `exp` are required;
/// `role: "admin"` opens admin routes.
public struct AccessClaims: JWTPayload, Equatable {
    public var sub: SubjectClaim
    public var iss: IssuerClaim
    public var aud: AudienceClaim
    public var iat: IssuedAtClaim
    public var exp: ExpirationClaim
    public var role: String?
    /// The pages' session a token belongs to: every renewal of one sign-in carries the same id, so that signing out
    /// revokes them all. Nil for API tokens.
    public var sid: String?

    public init(nir: NIR, issuedAt: Date, expiresAt: Date, admin: Bool, session: String? = nil) {
        self.sub = SubjectClaim(value: nir.value)
        self.iss = IssuerClaim(value: AccessTokens.issuer)
        self.aud = AudienceClaim(value: [AccessTokens.audience])
        // Whole seconds, as JWTs usually carry them (RFC 7519 NumericDate allows fractions, not every client does).
        self.iat = IssuedAtClaim(value: Date(timeIntervalSince1970: issuedAt.timeIntervalSince1970.rounded(.down)))
        self.exp = ExpirationClaim(value: Date(timeIntervalSince1970: expiresAt.timeIntervalSince1970.rounded(.down)))
        self.role = admin ? "admin" : nil
        self.sid = session
    }

    /// Expiry is checked by `AccessTokens.verify` against the service's clock, not the system's.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// The service's HS256 key, for `ameli-docs token`, the tests and the authentication middleware alike.
public struct AccessTokens: Sendable {
    /// Who issues the tokens and for whom: a token minted for another service sharing the secret is refused (RFC 8725 §3.9).
    public static let issuer = "ameli-docs"
    public static let audience = "ameli-docs-api"
    /// The longest life a token may have (exp − iat): a leaked token stops working within a day.
    public static let defaultMaximumLifetime: TimeInterval = 24 * 3600

    private let keys: JWTKeyCollection
    public let maximumLifetime: TimeInterval
    /// Sessions signed out before their tokens expire; shared by every copy of this value.
    private let revocations = TokenRevocations()

    /// A secret shorter than 32 bytes is refused: HS256 is only as strong as its key (RFC 7518 §3.2).
    public init(secret: String, maximumLifetime: TimeInterval = AccessTokens.defaultMaximumLifetime) async throws {
        guard secret.utf8.count >= 32 else { throw AccessTokenError.secretTooShort }
        keys = JWTKeyCollection()
        self.maximumLifetime = maximumLifetime
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    }

    /// Refuses a lifetime over `maximumLifetime`, so that no caller mints a token the service would then refuse.
    public func sign(nir: NIR, admin: Bool = false, issuedAt: Date, expiresAt: Date, session: String? = nil) async throws -> String {
        let claims = AccessClaims(nir: nir, issuedAt: issuedAt, expiresAt: expiresAt, admin: admin, session: session)
        guard claims.exp.value.timeIntervalSince(claims.iat.value) <= maximumLifetime else {
            throw AccessTokenError.lifetimeTooLong(maximumSeconds: Int(maximumLifetime))
        }
        return try await keys.sign(claims)
    }

    /// The caller a token proves, or nil for a token that is forged, malformed, expired, revoked or whose `sub` is
    /// no NIR.
    public func verify(_ token: String, now: Date) async -> Caller? {
        guard let claims = await claims(of: token, now: now), let nir = try? NIR(claims.sub.value) else { return nil }
        return Caller(nir: nir, isAdmin: claims.role == "admin")
    }

    /// The claims of a token that `verify` accepts, or nil.
    public func claims(of token: String, now: Date) async -> AccessClaims? {
        // The algorithm is pinned: JWTKit verifies with our one key whatever the header names, so a header saying
        // RS256 (or "none") over an HS256 signature would otherwise pass (RFC 8725 §3.1).
        guard Self.headerAlgorithm(of: token) == "HS256",
              let claims = try? await keys.verify(token, as: AccessClaims.self),
              claims.iss.value == Self.issuer, claims.aud.value.contains(Self.audience),
              now < claims.exp.value,
              claims.exp.value.timeIntervalSince(claims.iat.value) <= maximumLifetime,
              let nir = try? NIR(claims.sub.value), nir.value == claims.sub.value,
              !revocations.isRevoked(Self.revocationKey(token: token, claims: claims), now: now) else { return nil }
        return claims
    }

    /// Refuses `token` (and, for a page session, every renewal of it) from now until it could no longer be valid
    /// anyway. Held in this process's memory: replicas behind one load balancer each learn it only from their own
    /// sign-outs.
    public func revoke(_ token: String, now: Date) async {
        guard let claims = await claims(of: token, now: now) else { return }
        revocations.revoke(Self.revocationKey(token: token, claims: claims),
                           until: claims.iat.value.addingTimeInterval(maximumLifetime), now: now)
    }

    /// The session id when there is one, else the token's own digest (an API token used as a page session).
    private static func revocationKey(token: String, claims: AccessClaims) -> String {
        if let sid = claims.sid { return "sid:" + sid }
        return "token:" + SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension AccessTokens {
    /// The `alg` of a compact JWT's header, or nil when the header is not base64url JSON.
    package static func headerAlgorithm(of token: String) -> String? {
        guard let header = token.split(separator: ".", omittingEmptySubsequences: false).first, header.utf8.count <= 1024 else {
            return nil
        }
        var base64 = header.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["alg"] as? String
    }
}

public enum AccessTokenError: Error, Equatable, CustomStringConvertible {
    case secretTooShort
    case lifetimeTooLong(maximumSeconds: Int)

    public var description: String {
        switch self {
        case .secretTooShort: "Le secret JWT (AMELI_DOCS_JWT_SECRET) doit comporter au moins 32 octets."
        case .lifetimeTooLong(let maximum): "La durée de validité d'un jeton ne peut dépasser \(maximum) secondes."
        }
    }
}
