// NoticeDeliveryService: sends the outbox's pending notices through the relay, beside the HTTP server.
public import CoreMetrics
public import Foundation
public import Logging
import MailMessage
import Synchronization
import TeleserviceRules
import Records
public import ServiceLifecycle
public import SMTPClient
public import Storage

/// Claims due notices, sends each over SMTP, and records what the relay said. The notice was written in the
/// procedure's transaction (the outbox pattern), so nothing is lost when the relay is down; it is sent once as far
/// as anybody can tell: replicas never claim the same notice while a lease runs, and if a process dies between the
/// relay's "250" and the mark, the notice is sent again later with the same Message-ID.
public final class NoticeDeliveryService: Service, Sendable {
    private let store: any Store
    private let client: SMTPClient
    private let composer: NoticeComposer
    private let policy: DeliveryPolicy
    /// This process's name on its leases.
    public let owner: String
    private let clock: @Sendable () -> Date
    private let metrics: (any MetricsFactory)?
    private let logger: Logger
    /// Rounds so far: the outbox's counts are published at the first and then every 60th round even when nothing
    /// was due, so that /metrics shows them from the start without a count query every second.
    private let rounds = Atomic(0)

    public init(store: any Store, client: SMTPClient, composer: NoticeComposer = NoticeComposer(), policy: DeliveryPolicy = DeliveryPolicy(),
                owner: String = NoticeDeliveryService.processOwner(), clock: @escaping @Sendable () -> Date = { Date() },
                metrics: (any MetricsFactory)? = nil, logger: Logger = Logger(label: "ameli-docs.notices")) {
        self.store = store
        self.client = client
        self.composer = composer
        self.policy = policy
        self.owner = owner
        self.clock = clock
        self.metrics = metrics
        self.logger = logger
    }

    /// Host, process id and a random suffix: unique among replicas and across restarts.
    public static func processOwner() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: .min ... .max))"
    }

    /// Rounds until graceful shutdown; a round that claimed a full batch is followed at once by another. A round
    /// that fails (the database is down) is logged and retried after the poll interval: the service never stops on
    /// its own, because the HTTP server beside it would stop with it.
    public func run() async throws {
        logger.info("notice delivery started", metadata: ["relay": "\(client.relay.host):\(client.relay.port)", "owner": "\(owner)"])
        // The pause comes first: at start the server beside this service is still migrating the database.
        var claimed = 0
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            if claimed < policy.batchSize {
                let pause = policy.pollInterval
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
            }
            do {
                claimed = try await deliverDue().claimed
            } catch {
                claimed = 0
                // The type only: a database error's text may quote a row.
                logger.error("notice delivery round failed", metadata: ["error.type": .string(String(reflecting: type(of: error)))])
            }
        }
    }

    /// What one round did.
    public struct Round: Sendable, Equatable {
        public var claimed = 0
        public var sent = 0
        public var retried = 0
        public var failed = 0

        public init(claimed: Int = 0, sent: Int = 0, retried: Int = 0, failed: Int = 0) {
            self.claimed = claimed
            self.sent = sent
            self.retried = retried
            self.failed = failed
        }
    }

    /// One round: claims due notices, sends them all at once, records each outcome.
    public func deliverDue() async throws -> Round {
        let now = clock()
        let claimed = try await store.claimNotices(NoticeClaim(owner: owner, now: now, leaseUntil: now + policy.lease.timeInterval,
                                                               limit: min(policy.batchSize, policy.concurrency)))
        var round = Round(claimed: claimed.count)
        // A claim is at most one wave (`batchSize` ≤ `concurrency`): every notice claimed is sent at once.
        await withTaskGroup(of: DeliveryOutcome.self) { group in
            for notice in claimed { group.addTask { await self.deliver(notice) } }
            for await outcome in group {
                switch outcome {
                case .sent: round.sent += 1
                case .retry: round.retried += 1
                case .failed: round.failed += 1
                }
            }
        }
        let number = rounds.add(1, ordering: .relaxed).newValue
        if !claimed.isEmpty || number % 60 == 1 { try await publishCounts() }
        return round
    }

    /// Sends one claimed notice and records the outcome. A store failure while recording is logged, not thrown, so
    /// that it never cancels the sends beside it: the lease then runs out and the notice is tried again (with the
    /// same Message-ID).
    private func deliver(_ entry: OutboxNotice) async -> DeliveryOutcome {
        let outcome: DeliveryOutcome
        var metadata: Logger.Metadata = ["notice": "\(entry.id)", "attempt": "\(entry.attempts)"]
        do {
            let message = try composer.message(for: entry.notice)
            try await client.send(from: composer.sender.address, to: [entry.notice.to], message: message.bytes)
            outcome = .sent(at: clock())
        } catch let error as SMTPError {
            // The log gets the failure's kind, step and code only: the relay's text may quote the address. The
            // full answer is kept with the notice for the back office.
            metadata["error"] = .string("\(error.kind) \(error.cause) at \(error.step)" + (error.code.map { " (\($0))" } ?? ""))
            outcome = failure(error.description, after: entry.attempts, permanent: error.kind == .permanent)
        } catch {
            // The notice cannot be written as an e-mail (an address with a line break): no attempt will do better.
            metadata["error"] = "message refused before sending"
            outcome = failure("message refused before sending: \(error)", after: entry.attempts, permanent: true)
        }
        let recorded: Bool
        do {
            recorded = try await store.recordDelivery(of: entry.id, claimedBy: owner, outcome: outcome)
        } catch {
            logger.error("notice outcome not recorded", metadata: ["notice": "\(entry.id)", "error.type": .string(String(reflecting: type(of: error)))])
            return outcome
        }
        let label: String
        switch outcome {
        case .sent: label = "sent"
        case .retry: label = "retry"
        case .failed: label = "failed"
        }
        count("email_notice_attempts_total", [("outcome", label)])
        metadata["outcome"] = "\(label)"
        if !recorded { metadata["note"] = "outcome not recorded: the lease had passed to another replica" }
        if label == "sent" { logger.info("notice delivered", metadata: metadata) } else { logger.warning("notice not delivered", metadata: metadata) }
        return outcome
    }

    /// RFC 5321 §4.2.1: a 5yz reply is a permanent negative completion, so the notice fails at once (sending it again
    /// would be refused the same way, and a relay that blocks us must not be hammered); so does an address the client
    /// refuses before connecting. A 4yz reply and a connection, timeout or TLS failure are transient: retried with
    /// backoff until the attempts run out.
    private func failure(_ error: String, after attempts: Int, permanent: Bool) -> DeliveryOutcome {
        let now = clock()
        if permanent || attempts >= policy.maxAttempts { return .failed(error: error, at: now) }
        return .retry(error: error, retryAt: now + policy.retryDelay(afterAttempt: attempts).timeInterval)
    }

    private func publishCounts() async throws {
        guard let metrics else { return }
        for (status, count) in try await store.outboxCounts() {
            Gauge(label: "email_notices", dimensions: [("status", status.rawValue)], factory: metrics).record(count)
        }
    }

    private func count(_ label: String, _ dimensions: [(String, String)]) {
        guard let metrics else { return }
        Counter(label: label, dimensions: dimensions, factory: metrics).increment()
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
