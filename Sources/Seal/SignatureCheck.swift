// SignatureCheck: the verification answer's "signature" value.

/// What the signature of a well-formed seal says.
public enum SignatureCheck: String, Codable, Hashable, Sendable, CaseIterable {
    /// The published key named in the header signed exactly these bytes.
    case valid
    /// The key is known but the signature does not match the bytes: altered, or not signed by that key.
    case invalid
    /// No published key has the header's `caId` and `certificateId`.
    case unknownKey = "unknown-key"
}
