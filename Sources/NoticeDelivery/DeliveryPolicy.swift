// DeliveryPolicy: how often, how many at once, how long a claim lasts, and how retries back off.
// The lease's default, 15 minutes, outlasts a send under the client's default timeouts (SMTPTimeouts.worstCase).

/// Defaults suit one relay inside the institution: a notice is tried at once, then after 30 s, 1 min, 2 min, …
/// (doubling, at most an hour apart), eight attempts in all (about two hours) before it is marked failed.
public struct DeliveryPolicy: Sendable {
    /// Notices claimed per round. No more than `concurrency`: every notice claimed starts sending at once, so none
    /// waits in a queue while its lease runs (a lease that ran out while queued would let another replica send it).
    public var batchSize: Int
    /// Notices sent at the same time (each on its own connection).
    public var concurrency: Int
    /// How long a claim keeps other replicas off a notice. It must outlast the slowest send
    /// (`SMTPTimeouts.worstCase`), or a slow send could be taken over and sent twice.
    public var lease: Duration
    /// The pause between rounds when nothing was due.
    public var pollInterval: Duration
    /// Attempts before a notice is marked failed.
    public var maxAttempts: Int
    public var firstRetryDelay: Duration
    public var maxRetryDelay: Duration

    public init(batchSize: Int = 8, concurrency: Int = 8, lease: Duration = .seconds(900), pollInterval: Duration = .seconds(1),
                maxAttempts: Int = 8, firstRetryDelay: Duration = .seconds(30), maxRetryDelay: Duration = .seconds(3600)) {
        self.concurrency = max(1, concurrency)
        self.batchSize = min(max(1, batchSize), self.concurrency)
        self.lease = lease
        self.pollInterval = pollInterval
        self.maxAttempts = max(1, maxAttempts)
        self.firstRetryDelay = firstRetryDelay
        self.maxRetryDelay = maxRetryDelay
    }

    /// The wait after the `attempt`-th failed attempt (1-based): the first delay, doubled each time, capped.
    public func retryDelay(afterAttempt attempt: Int) -> Duration {
        var delay = firstRetryDelay
        for _ in 1..<max(1, attempt) {
            delay *= 2
            if delay >= maxRetryDelay { return maxRetryDelay }
        }
        return min(delay, maxRetryDelay)
    }
}
