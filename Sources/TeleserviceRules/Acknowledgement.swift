// Acknowledgement: the acknowledgement of receipt (D_ACK) of one online request, in the secure inbox.
public import Foundation
public import Records

/// The procedures that are acknowledged (R_ACK) and listed in the history (R_HISTORY).
public enum ProcedureKind: String, Hashable, Sendable, Codable, CaseIterable {
    case order
    case renewal
    case lossDeclaration = "loss-declaration"
    case proxy
    case proxyRevocation = "proxy-revocation"

    /// What the insured asked, as the acknowledgement and the history name it.
    public var french: String {
        switch self {
        case .order: return "Commande d'une carte européenne d'assurance maladie"
        case .renewal: return "Renouvellement anticipé d'une carte européenne d'assurance maladie"
        case .lossDeclaration: return "Déclaration de perte ou de vol d'une carte européenne d'assurance maladie"
        case .proxy: return "Procuration en ligne"
        case .proxyRevocation: return "Révocation d'une procuration en ligne"
        }
    }
}

/// Code des relations entre le public et l'administration, art. L112-11 and R112-11-1: the date and time the
/// request was received; the service handling it with its address and telephone; what was asked, for whom, and
/// the request's reference; what happens next.
public struct Acknowledgement: Hashable, Sendable, Codable {
    /// The request's reference: the procedure id, also the document's stable id.
    public let reference: Identifier
    public let procedure: ProcedureKind
    /// The instant the request was received; documents show it in Paris time.
    public let receivedAt: Date
    /// The insured the acknowledgement is addressed to ("Eva DUPONT").
    public let insuredName: String
    /// Whom the request concerns: a beneficiary for CEAM procedures, the proxy holder for proxies.
    public let concerning: String
    /// The same person's names as the record holds them: the seal carries them field by field (SEAL.md 62/60).
    public let concernedPerson: ConcernedPerson
    /// For a loss declaration: whether the card was lost or stolen (the seal names the procedure LOSS or THEFT).
    public let lossKind: LossKind?
    public let institution: Institution
    /// The message's subject in the secure inbox.
    public let subject: String
    /// What happens next, one sentence a line, in French.
    public let nextSteps: [String]

    public init(reference: Identifier, procedure: ProcedureKind, receivedAt: Date, insuredName: String,
                concerning: String, concernedPerson: ConcernedPerson, lossKind: LossKind? = nil, institution: Institution,
                subject: String, nextSteps: [String]) {
        self.reference = reference
        self.procedure = procedure
        self.receivedAt = receivedAt
        self.insuredName = insuredName
        self.concerning = concerning
        self.concernedPerson = concernedPerson
        self.lossKind = lossKind
        self.institution = institution
        self.subject = subject
        self.nextSteps = nextSteps
    }

    private enum CodingKeys: String, CodingKey {
        case reference, procedure, receivedAt, insuredName, concerning, concernedPerson, lossKind, institution, subject, nextSteps
    }

    /// Acknowledgements stored before the seal have no `concernedPerson`: it is read back from `concerning`
    /// ("Eva DUPONT", "Mme DURAND Claire"), whose upper-case words are the last name as every receipt writes it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reference = try c.decode(Identifier.self, forKey: .reference)
        procedure = try c.decode(ProcedureKind.self, forKey: .procedure)
        receivedAt = try c.decode(Date.self, forKey: .receivedAt)
        insuredName = try c.decode(String.self, forKey: .insuredName)
        concerning = try c.decode(String.self, forKey: .concerning)
        lossKind = try c.decodeIfPresent(LossKind.self, forKey: .lossKind)
        institution = try c.decode(Institution.self, forKey: .institution)
        subject = try c.decode(String.self, forKey: .subject)
        nextSteps = try c.decode([String].self, forKey: .nextSteps)
        if let person = try c.decodeIfPresent(ConcernedPerson.self, forKey: .concernedPerson) {
            concernedPerson = person
        } else {
            concernedPerson = try ConcernedPerson(concerning: concerning)
        }
    }
}

/// Whom a request concerns, by name: a beneficiary (last name, given names) or a proxy holder (birth name, first
/// name; the usage name is shown on the document but not sealed).
public struct ConcernedPerson: Hashable, Sendable, Codable {
    public let lastName: PersonName
    public let givenNames: PersonName

    public init(lastName: PersonName, givenNames: PersonName) {
        self.lastName = lastName
        self.givenNames = givenNames
    }
}

extension ConcernedPerson {
    /// The names inside a receipt's "concerning" text: the words written in capitals are the last name, the other
    /// words the given names (a civility, "M." or "Mme", is dropped). For records stored before the names were kept.
    init(concerning text: String) throws(RecordError) {
        let words = text.split(separator: " ").map(String.init).filter { $0 != "M." && $0 != "Mme" }
        let isLastName = { (word: String) in word.contains(where: \.isLetter) && word == word.uppercased() }
        let last = words.filter(isLastName), given = words.filter { !isLastName($0) }
        guard !last.isEmpty, !given.isEmpty else {
            throw RecordError(field: "concernedPerson", detail: "Les nom et prénoms de la personne concernée ne se lisent pas dans « \(text) ».")
        }
        try self.init(lastName: PersonName(last.joined(separator: " ")), givenNames: PersonName(given.joined(separator: " ")))
    }
}
