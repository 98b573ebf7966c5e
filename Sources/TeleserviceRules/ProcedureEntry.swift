// ProcedureEntry: one line of the insured's procedure history ("Mes démarches", R_HISTORY), and its rating.
public import Foundation
public import Records

public enum ProcedureStatus: String, Hashable, Sendable, Codable {
    /// A card order or renewal sent to production, not yet fulfilled.
    case inProgress = "in-progress"
    /// Done: a declaration or proxy taken into account, an order whose card was produced.
    case completed
}

public struct ProcedureEntry: Hashable, Sendable, Codable {
    public let id: Identifier
    public let kind: ProcedureKind
    /// The beneficiary concerned, for CEAM procedures; nil for proxies, which concern the insured.
    public let beneficiaryID: Identifier?
    public var status: ProcedureStatus
    public let submittedAt: Date
    /// 1 to 5, given at most once (R_RATING).
    public var rating: Int?

    public init(id: Identifier, kind: ProcedureKind, beneficiaryID: Identifier?, status: ProcedureStatus,
                submittedAt: Date, rating: Int? = nil) {
        self.id = id
        self.kind = kind
        self.beneficiaryID = beneficiaryID
        self.status = status
        self.submittedAt = submittedAt
        self.rating = rating
    }
}

/// R_RATING: after a procedure the insured may rate it once, from 1 to 5. Rating is optional.
public enum Rating {
    public static let scores = 1...5

    public static func rate(_ entry: ProcedureEntry, score: Int) -> Decision<ProcedureEntry> {
        guard scores.contains(score) else {
            return .refused(Refusal(.R_RATING, .invalidInput, "La note doit être comprise entre 1 et 5.",
                                    fieldErrors: [RecordError(field: "score", detail: "La note doit être comprise entre 1 et 5.")]))
        }
        guard entry.rating == nil else {
            return .refused(Refusal(.R_RATING, .conflict, "Vous avez déjà noté cette démarche."))
        }
        var rated = entry
        rated.rating = score
        return .accepted(rated)
    }
}
