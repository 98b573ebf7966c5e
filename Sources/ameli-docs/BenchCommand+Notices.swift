// BenchCommand+Notices: `ameli-docs bench --notices-to smtp://HOST:PORT` — the outbox's delivery rate.
import ArgumentParser
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import Logging
import NoticeDelivery
import Records
import SMTPClient
import Storage
import StorageSQLite
import TeleserviceRules

extension BenchCommand {
    /// Writes `iterations` notices into a fresh SQLite outbox in one procedure, then times one delivery service (the
    /// serve defaults: batches of 32, 8 connections at a time) draining it through the relay: notices per second with
    /// one replica, the relay's own speed included.
    func benchNotices(to url: String) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ameli-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: directory.appendingPathComponent("outbox.sqlite").path)
        try await store.migrate()
        let now = Date()
        let record = try DemoHousehold.record(today: CivilDate(now))
        _ = try await store.importRecord(record, at: now)
        let count = iterations
        _ = try await store.perform(ProcedureRequest(nir: record.nir)) { _ in
            var changes = HouseholdChanges()
            changes.notices = try (0..<count).map { index in
                EmailNotice(reference: try Identifier("bench-\(index)"), to: record.email, subject: "Un nouveau document est disponible",
                            body: "Bonjour,\n\nUn document vous attend.\n\nL'Assurance Maladie", sentAt: now)
            }
            return ProcedureCommit(changes: changes, value: 0)
        }
        var logger = Logger(label: "bench.notices")
        logger.logLevel = .critical
        let policy = DeliveryPolicy()
        let service = NoticeDeliveryService(store: store, client: try SMTPClient(relay: SMTPRelay(url: url)), policy: policy, logger: logger)
        let clock = ContinuousClock()
        let start = clock.now
        var totals = NoticeDeliveryService.Round()
        while true {
            let round = try await service.deliverDue()
            if round.claimed == 0 { break }
            totals.sent += round.sent
            totals.retried += round.retried
            totals.failed += round.failed
        }
        let seconds = (clock.now - start).milliseconds / 1000
        let report = NoticeBenchReport(notices: count, sent: totals.sent, notSent: totals.retried + totals.failed, seconds: seconds,
                                       noticesPerSecond: Double(totals.sent) / seconds, batchSize: policy.batchSize,
                                       concurrency: policy.concurrency, store: "sqlite", peakRSSBytes: ProcessMemory.peakResidentBytes ?? 0)
        if json {
            print(String(decoding: try Self.encoder.encode(report), as: UTF8.self))
        } else {
            print(String(format: "%d notices sent in %.2f s through %@: %.1f notices/s (%d not sent)", report.sent, seconds, url,
                         report.noticesPerSecond, report.notSent))
        }
    }
}

struct NoticeBenchReport: Encodable {
    let notices: Int
    let sent: Int
    let notSent: Int
    let seconds: Double
    let noticesPerSecond: Double
    let batchSize: Int
    let concurrency: Int
    let store: String
    let peakRSSBytes: Int
}
