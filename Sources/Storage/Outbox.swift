// Outbox: the e-mail notices as a queue — what the delivery service claims, and what happened to each.
public import Foundation
public import Records
public import TeleserviceRules

/// Where a notice stands. `pending` until the relay accepted it (`sent`) or the attempts ran out (`failed`).
public enum NoticeStatus: String, Sendable, CaseIterable, Codable {
    case pending, sent, failed
}

/// A notice with its delivery state, as the outbox holds it.
public struct OutboxNotice: Sendable, Hashable {
    public var notice: EmailNotice
    public var status: NoticeStatus
    /// Attempts started so far (a claim counts as one, so a process that dies while sending still uses one up).
    public var attempts: Int
    /// When a pending notice may be tried again.
    public var nextAttemptAt: Date
    /// When the relay accepted it.
    public var deliveredAt: Date?
    /// The relay's answer (or the connection's failure) to the last attempt that did not succeed.
    public var lastError: String?

    public init(notice: EmailNotice, status: NoticeStatus, attempts: Int, nextAttemptAt: Date,
                deliveredAt: Date? = nil, lastError: String? = nil) {
        self.notice = notice
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
        self.lastError = lastError
    }

    public var id: Identifier { notice.reference }
}

/// One delivery service's claim on due notices. Claimed notices are leased to `owner` until `leaseUntil`: nobody
/// else takes them before then, and a claimant that dies leaves them to be taken again once the lease is over.
public struct NoticeClaim: Sendable {
    public var owner: String
    public var now: Date
    public var leaseUntil: Date
    public var limit: Int

    public init(owner: String, now: Date, leaseUntil: Date, limit: Int) {
        self.owner = owner
        self.now = now
        self.leaseUntil = leaseUntil
        self.limit = limit
    }
}

/// What one attempt came to.
public enum DeliveryOutcome: Sendable, Hashable {
    /// The relay accepted the message.
    case sent(at: Date)
    /// Not delivered; try again from `retryAt`.
    case retry(error: String, retryAt: Date)
    /// Not delivered and not to be tried again.
    case failed(error: String, at: Date)
}
