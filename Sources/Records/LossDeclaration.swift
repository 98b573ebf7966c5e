// LossDeclaration: a past declaration of loss or theft, counted by R_LOSS_LIMIT.

/// `date` is the day the card was lost or stolen; `declaredOn` the day it was declared, which is what the
/// yearly limit counts ("déclaré plus de 2 fois … au cours de l'année"). Imported history that only knows the
/// loss date counts on that date.
public struct LossDeclaration: Hashable, Sendable, Codable {
    public let date: CivilDate
    public let kind: LossKind
    public let declaredOn: CivilDate

    public init(date: CivilDate, kind: LossKind, declaredOn: CivilDate? = nil) {
        self.date = date
        self.kind = kind
        self.declaredOn = declaredOn ?? date
    }

    private enum CodingKeys: String, CodingKey { case date, kind, declaredOn }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let date = try c.decode(CivilDate.self, forKey: .date)
        let declared = try c.decodeIfPresent(CivilDate.self, forKey: .declaredOn)
        if let declared, declared < date {
            throw RecordError(field: decoder.fieldPath + ".declaredOn", detail: "Une perte ne peut pas être déclarée avant d'avoir eu lieu.")
        }
        self.init(date: date, kind: try c.decode(LossKind.self, forKey: .kind), declaredOn: declared)
    }
}
