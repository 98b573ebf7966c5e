// Submission: the instant a request was received and the reference given to it — time as a value.
public import Foundation
public import Records

/// The rules read no clock: the edge stamps each request with the instant it arrived and a fresh reference.
public struct Submission: Hashable, Sendable {
    public let reference: Identifier
    public let receivedAt: Date

    public init(reference: Identifier, receivedAt: Date) {
        self.reference = reference
        self.receivedAt = receivedAt
    }

    /// The Paris calendar day of the request (DOMAIN.md: all dates are Europe/Paris dates).
    public var today: CivilDate { CivilDate(receivedAt) }
}
