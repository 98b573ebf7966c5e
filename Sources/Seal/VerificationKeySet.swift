// VerificationKeySet: the body of GET /v1/verification-keys, {"keys":[…]}, also the offline verifier's --keys file.

/// The published key list: `{"keys": [VerificationKey]}`.
public struct VerificationKeySet: Codable, Hashable, Sendable {
    public var keys: [VerificationKey]

    public init(keys: [VerificationKey]) { self.keys = keys }
}
