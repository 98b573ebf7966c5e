// SignedSeal: a seal with its signature, its full text, and the exact bytes the signature covers.

/// A signed seal: the values, the 64-byte signature and the text a DataMatrix code carries.
public struct SignedSeal: Hashable, Sendable {
    /// The values the seal carries (decoded when the seal was parsed).
    public let unsigned: UnsignedSeal
    /// ECDSA P-256 signature, raw `r‖s`, 64 bytes.
    public let signature: [UInt8]
    /// Header + message: exactly the bytes the signature covers (for a parsed seal, the bytes as read).
    public let signedBytes: [UInt8]

    /// A seal from its values and a 64-byte signature (which this does not check: see `SealVerifier`).
    public init(unsigned: UnsignedSeal, signature: [UInt8]) throws(SealError) {
        guard signature.count == 64 else { throw .invalidSignatureLength(signature.count) }
        self.unsigned = unsigned
        self.signature = signature
        self.signedBytes = unsigned.bytes()
    }

    /// For the parser: the bytes as read, which the strict grammar guarantees are `unsigned.bytes()`.
    init(unsigned: UnsignedSeal, signature: [UInt8], signedBytes: [UInt8]) {
        self.unsigned = unsigned
        self.signature = signature
        self.signedBytes = signedBytes
    }

    /// The seal text: header + message + `<US>` + base32 signature (103 characters).
    public var text: String {
        var out = signedBytes
        out.append(SealText.unitSeparator)
        out += Base32.encode(signature).utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// The message values by SEAL.md id, for the verification answer.
    public func fieldsByID() -> [String: String] { unsigned.fieldsByID() }
}
