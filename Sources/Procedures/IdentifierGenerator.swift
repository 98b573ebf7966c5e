// IdentifierGenerator: new ids for procedures, certificates and proxies — random in service, predictable in tests.
import Foundation
public import Records
import Synchronization

/// Ids are opaque and unguessable in service (a document URL must not be guessable from another), so they come
/// from UUIDs; tests may use `sequential` for readable ids.
public struct IdentifierGenerator: Sendable {
    private let make: @Sendable (String) -> Identifier

    public init(_ make: @escaping @Sendable (String) -> Identifier) {
        self.make = make
    }

    /// `prefix` names the kind of thing (`proc`, `cert`): `proc-3f2a…` (32 hex digits).
    public func next(_ prefix: String) -> Identifier { make(prefix) }

    public static var random: IdentifierGenerator {
        IdentifierGenerator { prefix in
            let hex = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            return (try? Identifier("\(prefix)-\(hex)")) ?? Identifier(stringLiteral: "id-\(hex)")
        }
    }

    /// `proc-1`, `cert-2`, … in the order asked.
    public static func sequential() -> IdentifierGenerator {
        let counter = Mutex(0)
        return IdentifierGenerator { prefix in
            let n = counter.withLock { value -> Int in value += 1; return value }
            return Identifier(stringLiteral: "\(prefix)-\(n)")
        }
    }
}
