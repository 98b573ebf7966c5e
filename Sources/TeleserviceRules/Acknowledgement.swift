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
