// AuthenticationTests: bearer tokens (HS256, sub = NIR, exp required) and the admin role.
import Foundation
import HTTPService
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
            let claims = #"{"sub":"\#(Fixtures.martinNIR.value)","exp":\#(Int(app.clock.now.timeIntervalSince1970) + 600)}"#
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
            let valid = try await sign(LooseClaims(sub: sub, exp: exp))
            #expect(try await app.send(.get, "/v1/beneficiaries", token: valid).status == .ok)
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
