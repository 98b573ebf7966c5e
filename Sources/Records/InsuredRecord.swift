// InsuredRecord: one insured and their household, as imported by an administrator (API.md "Records").

public enum AddressStatus: String, Hashable, Sendable, Codable {
    /// The postal address is believed right.
    case ok
    /// "N'habite pas à l'adresse indiquée": mail came back, so no card can be posted (R_NPAI).
    case npai
}

public enum RightsStatus: String, Hashable, Sendable, Codable {
    case open
    /// Rights in the beneficiaries database (BDO) do not cover a CEAM (R_RIGHTS).
    case insufficient
}

/// The account holder with their beneficiaries. The insured is one of the beneficiaries (the one whose NIR is the
/// account's), except in the rare household imported without them.
public struct InsuredRecord: Hashable, Sendable {
    public let nir: NIR
    public let email: String
    public let addressStatus: AddressStatus
    public let rights: RightsStatus
    public let institution: Institution
    public private(set) var beneficiaries: [Beneficiary]

    /// A household has at least the insured; 20 is far above any real one and keeps a record bounded.
    public static let maximumBeneficiaries = 20

    public init(nir: NIR, email: String, addressStatus: AddressStatus, rights: RightsStatus,
                institution: Institution, beneficiaries: [Beneficiary]) throws(RecordError) {
        guard email.count <= 254, InsuredRecord.looksLikeEmail(email) else {
            throw RecordError(field: "email", detail: "L'adresse électronique n'est pas valide.")
        }
        guard (1...InsuredRecord.maximumBeneficiaries).contains(beneficiaries.count) else {
            throw RecordError(field: "beneficiaries", detail: "Un foyer compte de 1 à \(InsuredRecord.maximumBeneficiaries) bénéficiaires.")
        }
        var seenIDs = Set<Identifier>(), seenNIRs = Set<NIR>(), seenCards = Set<CardNumber>()
        for (index, beneficiary) in beneficiaries.enumerated() {
            guard seenIDs.insert(beneficiary.id).inserted else {
                throw RecordError(field: "beneficiaries[\(index)].id", detail: "Deux bénéficiaires ne peuvent pas avoir le même identifiant.")
            }
            if let own = beneficiary.nir, !seenNIRs.insert(own).inserted {
                throw RecordError(field: "beneficiaries[\(index)].nir", detail: "Deux bénéficiaires ne peuvent pas avoir le même NIR.")
            }
            for card in beneficiary.cards where !seenCards.insert(card.number).inserted {
                throw RecordError(field: "beneficiaries[\(index)].cards", detail: "Un numéro de carte figure deux fois dans le foyer.")
            }
        }
        self.nir = nir
        self.email = email
        self.addressStatus = addressStatus
        self.rights = rights
        self.institution = institution
        self.beneficiaries = beneficiaries
    }

    public func beneficiary(_ id: Identifier) -> Beneficiary? { beneficiaries.first { $0.id == id } }

    /// The insured as a person (the beneficiary carrying the account's NIR), if they are in the household.
    public var holder: Beneficiary? { beneficiaries.first { $0.nir == nir } }

    /// The same household with one beneficiary replaced (the result of a procedure).
    public func replacing(_ beneficiary: Beneficiary) -> InsuredRecord {
        var copy = self
        copy.beneficiaries = beneficiaries.map { $0.id == beneficiary.id ? beneficiary : $0 }
        return copy
    }

    /// Problems that need today's date to see: a birth, card or loss in the future.
    public func futureDates(after today: CivilDate) -> [RecordError] {
        var problems: [RecordError] = []
        for (i, b) in beneficiaries.enumerated() {
            if b.birthDate > today {
                problems.append(RecordError(field: "beneficiaries[\(i)].birthDate", detail: "La date de naissance ne peut pas être dans le futur."))
            }
            for (j, card) in b.cards.enumerated() where card.issueDate > today {
                problems.append(RecordError(field: "beneficiaries[\(i)].cards[\(j)].issueDate", detail: "La date d'émission ne peut pas être dans le futur."))
            }
            for (j, loss) in b.lossDeclarations.enumerated() where loss.declaredOn > today {
                problems.append(RecordError(field: "beneficiaries[\(i)].lossDeclarations[\(j)].date", detail: "Une déclaration de perte ou de vol ne peut pas être datée du futur."))
            }
        }
        return problems
    }

    /// A deliberately loose check: one "@", something on each side, a dot in the domain, printable ASCII without
    /// spaces, angle brackets, commas or quotes. Deliverability is the mail system's business; this stops typing
    /// errors, and any address that could not be written into a message header (it would otherwise be accepted
    /// here and fail only when the notice is sent).
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".")
            && text.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && !"<>,;\"()[]\\".unicodeScalars.contains($0) }
    }
}

extension InsuredRecord: Codable {
    /// Decoding validates through the initialiser; encoding is synthesised from these keys.
    private enum CodingKeys: String, CodingKey { case nir, email, addressStatus, rights, institution, beneficiaries }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let nir = try c.decode(NIR.self, forKey: .nir)
        let email = try c.decode(String.self, forKey: .email)
        let address = try c.decode(AddressStatus.self, forKey: .addressStatus)
        let rights = try c.decode(RightsStatus.self, forKey: .rights)
        let institution = try c.decode(Institution.self, forKey: .institution)
        let beneficiaries = try c.decode([Beneficiary].self, forKey: .beneficiaries)
        self = try decoder.validated { () throws(RecordError) in
            try InsuredRecord(nir: nir, email: email, addressStatus: address, rights: rights,
                              institution: institution, beneficiaries: beneficiaries)
        }
    }
}
