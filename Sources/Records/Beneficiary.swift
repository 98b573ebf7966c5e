// Beneficiary: the insured themself or one of their ayants droit, with their cards and past declarations.

/// A person a CEAM can be issued to. A child without a NIR of their own is identified by the insured's NIR
/// plus a rank (DOMAIN.md "People and cards"); then `nir` is nil and `rank` is set.
public struct Beneficiary: Hashable, Sendable {
    public let id: Identifier
    public let nir: NIR?
    public let rank: Int?
    public let lastName: PersonName
    public let givenNames: PersonName
    public let birthDate: CivilDate
    /// Oldest first. At most one card is `active` (not cancelled) at a time.
    public private(set) var cards: [Card]
    public private(set) var lossDeclarations: [LossDeclaration]

    public init(id: Identifier, nir: NIR?, rank: Int? = nil, lastName: PersonName, givenNames: PersonName,
                birthDate: CivilDate, cards: [Card] = [], lossDeclarations: [LossDeclaration] = []) throws(RecordError) {
        guard (nir == nil) != (rank == nil) else {
            throw RecordError(field: nir == nil ? "nir" : "rank", detail: "Un bénéficiaire a soit son propre NIR, soit un rang sur le NIR de l'assuré (enfant sans NIR), pas les deux.")
        }
        if let rank, !(1...99).contains(rank) {
            throw RecordError(field: "rank", detail: "Le rang d'un enfant doit être compris entre 1 et 99.")
        }
        guard cards.filter({ $0.status == .active }).count <= 1 else {
            throw RecordError(field: "cards", detail: "Un bénéficiaire ne peut avoir qu'une carte active à la fois.")
        }
        for (index, card) in cards.enumerated() where card.issueDate < birthDate {
            throw RecordError(field: "cards[\(index)].issueDate", detail: "Une carte ne peut pas avoir été émise avant la naissance de son titulaire.")
        }
        self.id = id
        self.nir = nir
        self.rank = rank
        self.lastName = lastName
        self.givenNames = givenNames
        self.birthDate = birthDate
        self.cards = cards.sorted { $0.issueDate < $1.issueDate }
        self.lossDeclarations = lossDeclarations
    }

    /// The card neither cancelled nor replaced, if any (it may still be expired on a given day).
    public var currentCard: Card? { cards.last { $0.status == .active } }
    /// The most recent card, whatever its state: the one a certificate replaces.
    public var latestCard: Card? { cards.last }

    /// The card usable on `today`: not cancelled and not expired.
    public func activeCard(on today: CivilDate) -> Card? {
        guard let card = currentCard, card.state(on: today) == .active else { return nil }
        return card
    }

    /// Loss or theft declarations made in the calendar year of `today` (R_LOSS_LIMIT counts these).
    public func declarationCount(inYearOf today: CivilDate) -> Int {
        lossDeclarations.filter { $0.declaredOn.year == today.year }.count
    }

    /// The personal identification number printed on the card (field 6): the NIR, or for a child without one
    /// the insured's NIR, which the card carries as the holder's identification.
    public func personalNumber(insured: NIR) -> NIR { nir ?? insured }

    /// The beneficiary after a declared loss or theft: card cancelled, declaration recorded (R_LOSS).
    public func declaringLoss(of card: Card, on date: CivilDate, kind: LossKind, declaredOn today: CivilDate) -> Beneficiary {
        var copy = self
        copy.cards = cards.map { $0 == card ? $0.with(status: .cancelled(on: date, kind: kind)) : $0 }
        copy.lossDeclarations.append(LossDeclaration(date: date, kind: kind, declaredOn: today))
        return copy
    }

    /// The beneficiary with a newly produced card (R_FULFIL); a card it renews is marked replaced.
    public func receiving(_ card: Card, on today: CivilDate) -> Beneficiary {
        var copy = self
        copy.cards = cards.map { $0.status == .active ? $0.with(status: .replaced(on: today)) : $0 } + [card]
        return copy
    }
}

extension Beneficiary: Codable {
    /// Decoding validates through the initialiser; encoding is synthesised from these keys.
    private enum CodingKeys: String, CodingKey { case id, nir, rank, lastName, givenNames, birthDate, cards, lossDeclarations }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(Identifier.self, forKey: .id)
        let nir = try c.decodeIfPresent(NIR.self, forKey: .nir)
        let rank = try c.decodeIfPresent(Int.self, forKey: .rank)
        let lastName = try c.decode(PersonName.self, forKey: .lastName)
        let givenNames = try c.decode(PersonName.self, forKey: .givenNames)
        let birthDate = try c.decode(CivilDate.self, forKey: .birthDate)
        let cards = try c.decodeIfPresent([Card].self, forKey: .cards) ?? []
        let losses = try c.decodeIfPresent([LossDeclaration].self, forKey: .lossDeclarations) ?? []
        self = try decoder.validated { () throws(RecordError) in
            try Beneficiary(id: id, nir: nir, rank: rank, lastName: lastName, givenNames: givenNames,
                            birthDate: birthDate, cards: cards, lossDeclarations: losses)
        }
    }
}
