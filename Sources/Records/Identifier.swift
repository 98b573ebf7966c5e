// Identifier: the short opaque ids of beneficiaries, orders, certificates, messages and proxies.

/// 1 to 64 characters of `[A-Za-z0-9_-]`, so that an id can sit in a URL path without escaping.
public struct Identifier: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let value: String

    public init(_ text: String) throws(RecordError) {
        guard (1...64).contains(text.utf8.count),
              text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 95 }) else {
            throw RecordError(field: "", detail: "L'identifiant doit comporter de 1 à 64 lettres sans accent, chiffres, « - » ou « _ ».")
        }
        self.value = text
    }

    /// For literals in code and tests, which are checked by the tests that use them.
    public init(stringLiteral value: String) {
        // A literal that is not an id is a programming error, not an input error.
        self.value = (try? Identifier(value).value) ?? { preconditionFailure("invalid identifier literal \(value)") }()
    }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.value < rhs.value }
    public var description: String { value }
}

extension Identifier: TextValue {}
