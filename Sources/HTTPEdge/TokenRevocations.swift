// TokenRevocations: the sessions signed out before their tokens expire, forgotten once they would have expired.
package import Foundation
import Synchronization

/// A reference shared by every copy of `AccessTokens`, so the pages' sign-out and the API's check see one list.
package final class TokenRevocations: Sendable {
    private let entries = Mutex<[String: Date]>([:])

    package func revoke(_ key: String, until: Date, now: Date) {
        entries.withLock { entries in
            // Expired entries go as new ones come: the list never holds more than the sessions of one token lifetime.
            entries = entries.filter { $0.value > now }
            entries[key] = until
        }
    }

    package func isRevoked(_ key: String, now: Date) -> Bool {
        entries.withLock { entries in entries[key].map { $0 > now } ?? false }
    }
}
