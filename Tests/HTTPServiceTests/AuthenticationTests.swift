// AuthenticationTests: bearer tokens (HS256, sub = NIR, iss, aud, iat and exp required, a day at most) and the admin role.
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HTTPTypes
import HummingbirdTesting
import Crypto
import JWTKit
import Records
import Testing

@Suite struct AuthenticationTests {
    /// A token signed with `secret` over arbitrary claims.
    private struct LooseClaims: JWTPayload {
        var sub: SubjectClaim?
        var exp: ExpirationClaim?
        var role: String?
        var iss: IssuerClaim? = IssuerClaim(value: AccessTokens.issuer)
        var aud: AudienceClaim? = AudienceClaim(value: [AccessTokens.audience])
        var iat: IssuedAtClaim? = IssuedAtClaim(value: TestClock.start)   // the tests' clock starts there
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    private func sign(_ claims: LooseClaims, secret: String = Fixtures.secret) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return try await keys.sign(claims)
    }

    /// A token over valid claims, with `header` as its JOSE header, signed HMAC-SHA256 with the service's secret.
    private func forge(header: String, claims: String) -> String {
        func base64url(_ data: Data) -> String {
            data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        let input = base64url(Data(header.utf8)) + "." + base64url(Data(claims.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: SymmetricKey(data: Data(Fixtures.secret.utf8)))
        return input + "." + base64url(Data(mac))
    }

    @Test func theAlgorithmIsPinnedToHS256() async throws {
        try await withService { app in
            let now = Int(app.clock.now.timeIntervalSince1970)
            let claims = #"{"sub":"\#(Fixtures.martinNIR.value)","iss":"ameli-docs","aud":"ameli-docs-api","iat":\#(now),"exp":\#(now + 600)}"#
            let genuine = forge(header: #"{"alg":"HS256","typ":"JWT"}"#, claims: claims)
            #expect(try await app.send(.get, "/v1/beneficiaries", token: genuine).status == .ok, "the oracle accepts a genuine token")
            for header in [#"{"alg":"RS256","typ":"JWT"}"#, #"{"alg":"none","typ":"JWT"}"#, #"{"alg":"HS512"}"#, #"{"typ":"JWT"}"#, "not json"] {
                let answer = try await app.send(.get, "/v1/beneficiaries", token: forge(header: header, claims: claims))
                #expect(answer.status == .unauthorized, "\(header)")
            }
        }
    }

    @Test func missingMalformedForgedOrExpiredTokensAreUnauthorized() async throws {
        try await withService { app in
            let exp = ExpirationClaim(value: app.clock.now.addingTimeInterval(600))
            let iat = IssuedAtClaim(value: app.clock.now)
            let sub = SubjectClaim(value: Fixtures.martinNIR.value)
            let tokens: [String?] = [
                nil,
                "not-a-jwt",
                try await sign(LooseClaims(sub: sub, exp: exp), secret: String(repeating: "x", count: 40)),
                try await sign(LooseClaims(sub: sub, exp: nil)),
                try await sign(LooseClaims(sub: sub, exp: ExpirationClaim(value: app.clock.now.addingTimeInterval(-1)))),
                try await sign(LooseClaims(sub: SubjectClaim(value: "185037512000697"), exp: exp)),   // key does not match
                try await sign(LooseClaims(sub: nil, exp: exp)),
            ]
            for token in tokens {
                let answer = try await app.send(.get, "/v1/beneficiaries", token: token)
                #expect(answer.status == .unauthorized, "\(token ?? "none")")
                #expect(answer.problemCode == "unauthorized")
                #expect(answer.headers[.wwwAuthenticate] == "Bearer")
            }
            let valid = try await sign(LooseClaims(sub: sub, exp: exp, iat: iat))
            #expect(try await app.send(.get, "/v1/beneficiaries", token: valid).status == .ok)
        }
    }

    @Test func issuerAudienceAndIssueTimeAreRequired() async throws {
        try await withService { app in
            let sub = SubjectClaim(value: Fixtures.martinNIR.value)
            let exp = ExpirationClaim(value: app.clock.now.addingTimeInterval(600))
            let iat = IssuedAtClaim(value: app.clock.now)
            let valid = LooseClaims(sub: sub, exp: exp, iat: iat)
            let validToken = try await sign(valid)
            #expect(try await app.send(.get, "/v1/beneficiaries", token: validToken).status == .ok)
            var variants: [(String, LooseClaims)] = []
            var claims = valid; claims.iss = nil; variants.append(("no iss", claims))
            claims = valid; claims.iss = IssuerClaim(value: "another-service"); variants.append(("other iss", claims))
            claims = valid; claims.aud = nil; variants.append(("no aud", claims))
            claims = valid; claims.aud = AudienceClaim(value: ["another-api"]); variants.append(("other aud", claims))
            claims = valid; claims.iat = nil; variants.append(("no iat", claims))
            for (name, claims) in variants {
                let token = try await sign(claims)
                let answer = try await app.send(.get, "/v1/beneficiaries", token: token)
                #expect(answer.status == .unauthorized, "\(name)")
            }
        }
    }

    @Test func aTokenLivingLongerThanADayIsRefused() async throws {
        try await withService { app in
            let sub = SubjectClaim(value: Fixtures.martinNIR.value)
            let issued = app.clock.now.addingTimeInterval(-3600)
            let day = LooseClaims(sub: sub, exp: ExpirationClaim(value: issued.addingTimeInterval(24 * 3600)), iat: IssuedAtClaim(value: issued))
            let dayToken = try await sign(day)
            #expect(try await app.send(.get, "/v1/beneficiaries", token: dayToken).status == .ok)
            let longer = LooseClaims(sub: sub, exp: ExpirationClaim(value: issued.addingTimeInterval(24 * 3600 + 1)), iat: IssuedAtClaim(value: issued))
            let longerToken = try await sign(longer)
            #expect(try await app.send(.get, "/v1/beneficiaries", token: longerToken).status == .unauthorized)
            await #expect(throws: AccessTokenError.lifetimeTooLong(maximumSeconds: 24 * 3600)) {
                _ = try await app.tokens.sign(nir: Fixtures.martinNIR, issuedAt: app.clock.now, expiresAt: app.clock.now.addingTimeInterval(24 * 3600 + 1))
            }
        }
    }

    @Test func expiryFollowsTheServiceClock() async throws {
        try await withService { app in
            let token = try await app.token(expiresIn: 60)
            #expect(try await app.send(.get, "/v1/inbox", token: token).status == .ok)
            app.clock.set(app.clock.now.addingTimeInterval(61))
            #expect(try await app.send(.get, "/v1/inbox", token: token).status == .unauthorized)
        }
    }

    @Test func adminRoutesNeedTheAdminRole() async throws {
        try await withService { app in
            let user = try await app.send(.post, "/v1/admin/card-orders/x/fulfilment", json: "{}")
            #expect(user.status == .forbidden)
            #expect(user.problemCode == "forbidden")
            let anonymous = try await app.send(.put, "/v1/admin/insured/\(Fixtures.martinNIR.value)", json: "{}", token: nil)
            #expect(anonymous.status == .unauthorized)
            let otherRole = try await sign(LooseClaims(sub: SubjectClaim(value: Fixtures.martinNIR.value),
                                                       exp: ExpirationClaim(value: app.clock.now.addingTimeInterval(60)), role: "agent"))
            #expect(try await app.send(.post, "/v1/admin/card-orders/x/fulfilment", json: "{}", token: otherRole).status == .forbidden)
            let admin = try await app.token(admin: true)
            #expect(try await app.send(.post, "/v1/admin/card-orders/x/fulfilment", json: "{}", token: admin).status == .notFound)
        }
    }

    @Test func tokensOfAnUnknownInsuredReachNothing() async throws {
        try await withService { app in
            let stranger = try await app.token(try NIR("284052A32102552"))
            #expect(try await app.send(.get, "/v1/beneficiaries", token: stranger).status == .notFound)
            #expect(try await app.send(.get, "/v1/inbox", token: stranger).array.isEmpty)
            #expect(try await app.send(.post, "/v1/proxy", json: "{}", token: stranger).status == .notFound)
        }
    }

    @Test func shortSecretsAreRefused() async throws {
        await #expect(throws: AccessTokenError.self) { _ = try await AccessTokens(secret: "short") }
    }
}
