// Card: one European Health Insurance Card, its validity and whether it was cancelled after a loss or theft.

/// Why a card was cancelled: DOMAIN.md R_LOSS knows two kinds.
public enum LossKind: String, Hashable, Sendable, Codable, CaseIterable {
    case loss
    case theft

    /// "perte" / "vol", as the French documents name it.
    public var french: String { self == .loss ? "perte" : "vol" }
}

/// A card as stored: active, or cancelled on a date for a loss or a theft. "Expired" is not stored but derived
/// from the day (`state(on:)`), so that no job has to flip cards at midnight.
public struct Card: Hashable, Sendable {
    public enum Status: Hashable, Sendable {
        case active
        case cancelled(on: CivilDate, kind: LossKind)
        /// Superseded by the card an early renewal produced (R_FULFIL): no longer the beneficiary's card.
        case replaced(on: CivilDate)
    }

    /// What a card is on a given day.
    public enum State: String, Hashable, Sendable, Codable {
        case active, cancelled, expired, replaced
    }

    /// A card is valid for two years from its issue (DOMAIN.md "People and cards").
    public static let validityYears = 2

    public let number: CardNumber
    public let issueDate: CivilDate
    public let expiryDate: CivilDate
    public var status: Status

    public init(number: CardNumber, issueDate: CivilDate, status: Status = .active) {
        self.number = number
        self.issueDate = issueDate
        self.expiryDate = issueDate.adding(years: Card.validityYears)
        self.status = status
    }

    /// Expired is derived: the card is expired from the day after its expiry date.
    public func state(on today: CivilDate) -> State {
        switch status {
        case .cancelled: return .cancelled
        case .replaced: return .replaced
        case .active: return today > expiryDate ? .expired : .active
        }
    }

    /// The same card with another status (cancelled after a loss, replaced by a renewal).
    public func with(status: Status) -> Card {
        var copy = self
        copy.status = status
        return copy
    }
}

extension Card: Codable {
    private enum CodingKeys: String, CodingKey { case number, issueDate, expiryDate, status, cancellation, replacedOn }
    private struct Cancellation: Codable { let date: CivilDate; let kind: LossKind }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let number = try c.decode(CardNumber.self, forKey: .number)
        let issue = try c.decode(CivilDate.self, forKey: .issueDate)
        let expiry = try c.decode(CivilDate.self, forKey: .expiryDate)
        let status = try c.decode(String.self, forKey: .status)
        let cancellation = try c.decodeIfPresent(Cancellation.self, forKey: .cancellation)
        let replacedOn = try c.decodeIfPresent(CivilDate.self, forKey: .replacedOn)
        let path = decoder.fieldPath
        guard expiry == issue.adding(years: Card.validityYears) else {
            throw RecordError(field: path + ".expiryDate", detail: "La date d'expiration doit être la date d'émission plus 2 ans (\(issue.adding(years: Card.validityYears).iso)).")
        }
        if status == "replaced" {
            guard let replacedOn, replacedOn >= issue, cancellation == nil else {
                throw RecordError(field: path + ".replacedOn", detail: "Une carte remplacée doit préciser la date de son remplacement (après son émission).")
            }
            self.init(number: number, issueDate: issue, status: .replaced(on: replacedOn))
            return
        }
        guard replacedOn == nil else {
            throw RecordError(field: path + ".replacedOn", detail: "Seule une carte remplacée a une date de remplacement.")
        }
        switch (status, cancellation) {
        case ("active", nil):
            self.init(number: number, issueDate: issue)
        case ("cancelled", let cancellation?):
            guard cancellation.date >= issue else {
                throw RecordError(field: path + ".cancellation.date", detail: "La carte ne peut pas avoir été annulée avant sa date d'émission.")
            }
            self.init(number: number, issueDate: issue, status: .cancelled(on: cancellation.date, kind: cancellation.kind))
        case ("cancelled", nil):
            throw RecordError(field: path + ".cancellation", detail: "Une carte annulée doit préciser la date et le motif (perte ou vol) de l'annulation.")
        case ("active", _?):
            throw RecordError(field: path + ".cancellation", detail: "Une carte active n'a pas d'annulation.")
        default:
            throw RecordError(field: path + ".status", detail: "Le statut d'une carte est « active », « cancelled » ou « replaced ».")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(issueDate, forKey: .issueDate)
        try c.encode(expiryDate, forKey: .expiryDate)
        switch status {
        case .active:
            try c.encode("active", forKey: .status)
        case .cancelled(let date, let kind):
            try c.encode("cancelled", forKey: .status)
            try c.encode(Cancellation(date: date, kind: kind), forKey: .cancellation)
        case .replaced(let date):
            try c.encode("replaced", forKey: .status)
            try c.encode(date, forKey: .replacedOn)
        }
    }
}
