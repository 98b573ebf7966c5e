// ScalarSet: a bit set over the code points below a bound, for per-character lookups without hashing.

/// Membership and ordered iteration over `Unicode.Scalar`s below `bound`. Rendering asks "is this character in
/// the set" once per character of every document; hashing a Set<Unicode.Scalar> for that was a tenth of a
/// certificate's render time.
struct ScalarSet {
    private var words: [UInt64]

    init(bound: UInt32) {
        words = [UInt64](repeating: 0, count: Int(bound + 63) / 64)
    }

    /// False for scalars at or beyond the bound.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value)
        guard value >> 6 < words.count else { return false }
        return words[value >> 6] & (1 << UInt64(value & 63)) != 0
    }

    /// Adds `scalar`; returns false (and adds nothing) at or beyond the bound.
    @discardableResult
    mutating func insert(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value)
        guard value >> 6 < words.count else { return false }
        words[value >> 6] |= 1 << UInt64(value & 63)
        return true
    }

    mutating func remove(_ scalar: Unicode.Scalar) {
        let value = Int(scalar.value)
        guard value >> 6 < words.count else { return }
        words[value >> 6] &= ~(1 << UInt64(value & 63))
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The members in code-point order.
    var sorted: [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for (index, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                if let scalar = Unicode.Scalar(UInt32(index * 64 + bit)) { result.append(scalar) }
                bits &= bits - 1
            }
        }
        return result
    }
}
