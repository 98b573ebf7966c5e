// AccessToken: the JWT claims of API.md (sub = NIR, iss, aud, iat, exp, role) and the HS256 keys that sign and verify them.
public import Foundation
public import JWTKit
public import Records

/// `sub` is the insured's NIR (15 characters, key checked); `iss`, `aud`, `iat` and `exp` are required;
/// `role: "admin"` opens admin routes.
public struct AccessClaims: JWTPayload, Equatable {
    public var sub: SubjectClaim
    public var iss: IssuerClaim
    public var aud: AudienceClaim
    public var iat: IssuedAtClaim
    public var exp: ExpirationClaim
    public var role: String?

    public init(nir: NIR, issuedAt: Date, expiresAt: Date, admin: Bool) {
        self.sub = SubjectClaim(value: nir.value)
        self.iss = IssuerClaim(value: AccessTokens.issuer)
        self.aud = AudienceClaim(value: [AccessTokens.audience])
        // Whole seconds, as JWTs usually carry them (RFC 7519 NumericDate allows fractions, not every client does).
        self.iat = IssuedAtClaim(value: Date(timeIntervalSince1970: issuedAt.timeIntervalSince1970.rounded(.down)))
        self.exp = ExpirationClaim(value: Date(timeIntervalSince1970: expiresAt.timeIntervalSince1970.rounded(.down)))
        self.role = admin ? "admin" : nil
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

    /// A secret shorter than 32 bytes is refused: HS256 is only as strong as its key (RFC 7518 §3.2).
    public init(secret: String, maximumLifetime: TimeInterval = AccessTokens.defaultMaximumLifetime) async throws {
        guard secret.utf8.count >= 32 else { throw AccessTokenError.secretTooShort }
        keys = JWTKeyCollection()
        self.maximumLifetime = maximumLifetime
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    }

    /// Refuses a lifetime over `maximumLifetime`, so that no caller mints a token the service would then refuse.
    public func sign(nir: NIR, admin: Bool = false, issuedAt: Date, expiresAt: Date) async throws -> String {
        let claims = AccessClaims(nir: nir, issuedAt: issuedAt, expiresAt: expiresAt, admin: admin)
        guard claims.exp.value.timeIntervalSince(claims.iat.value) <= maximumLifetime else {
            throw AccessTokenError.lifetimeTooLong(maximumSeconds: Int(maximumLifetime))
        }
        return try await keys.sign(claims)
    }

    /// The caller a token proves, or nil for a token that is forged, malformed, expired or whose `sub` is no NIR.
    public func verify(_ token: String, now: Date) async -> Caller? {
        // The algorithm is pinned: JWTKit verifies with our one key whatever the header names, so a header saying
        // RS256 (or "none") over an HS256 signature would otherwise pass (RFC 8725 §3.1).
        guard Self.headerAlgorithm(of: token) == "HS256",
              let claims = try? await keys.verify(token, as: AccessClaims.self),
              claims.iss.value == Self.issuer, claims.aud.value.contains(Self.audience),
              now < claims.exp.value,
              claims.exp.value.timeIntervalSince(claims.iat.value) <= maximumLifetime,
              let nir = try? NIR(claims.sub.value), nir.value == claims.sub.value else { return nil }
        return Caller(nir: nir, isAdmin: claims.role == "admin")
    }
}

extension AccessTokens {
    /// The `alg` of a compact JWT's header, or nil when the header is not base64url JSON.
    static func headerAlgorithm(of token: String) -> String? {
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
