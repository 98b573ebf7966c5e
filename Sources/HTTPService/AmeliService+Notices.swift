// AmeliService+Notices: the back office's view of the e-mail notices' outbox.
import APIContract
import Foundation
import Records
import Storage
import TeleserviceRules

extension AmeliService {
    /// `GET /v1/admin/notices?status=pending|sent|failed&limit=N`: notices newest first, with their delivery state
    /// (a failed one shows the relay's last answer). Role admin, checked by the authentication middleware.
    func listNotices(_ input: Operations.ListNotices.Input) async throws -> Operations.ListNotices.Output {
        _ = try RequestScope.admin()
        let limit = input.query.limit ?? 100
        guard (1...1000).contains(limit) else { throw Self.badNoticeQuery }
        let status = input.query.status.flatMap { NoticeStatus(rawValue: $0.rawValue) }
        let notices = try await store.outbox(status: status, limit: limit)
        return .ok(.init(body: .json(notices.map(Components.Schemas.Notice.init))))
    }

    static let badNoticeQuery = APIProblem(
        .invalidField, detail: "Le filtre doit être « status » parmi pending, sent ou failed, et « limit » un entier de 1 à 1000.",
        errors: [.init(field: "status", code: APIProblem.Code.invalidField.rawValue, detail: "pending, sent ou failed."),
                 .init(field: "limit", code: APIProblem.Code.invalidField.rawValue, detail: "De 1 à 1000.")])
}

extension Components.Schemas.Notice {
    init(_ entry: OutboxNotice) {
        self.init(id: entry.id.value, to: entry.notice.to, subject: entry.notice.subject,
                  status: Components.Schemas.NoticeStatus(rawValue: entry.status.rawValue) ?? .pending,
                  attempts: entry.attempts, issuedAt: entry.notice.sentAt,
                  // A new notice is due at once (stored as "due since 1970"): it shows as due from its issue.
                  nextAttemptAt: entry.status == .pending ? max(entry.nextAttemptAt, entry.notice.sentAt) : nil,
                  deliveredAt: entry.deliveredAt, lastError: entry.lastError)
    }
}
