// ProxyTeleservice: the online-proxy rules — who may be a holder, for how long, and revocation (DOMAIN.md).
import Foundation
public import Records

/// The proxy form as typed: every field may be missing or malformed, and P_FIELDS says which. Decodable under the
/// names the form and the API's body share, so that a body the contract's type refuses can still be judged by the rules.
public struct ProxyForm: Hashable, Sendable, Decodable {
    public var civility: String?
    public var lastName: String?
    public var usageName: String?
    public var firstName: String?
    public var birthDate: String?

    public init(civility: String?, lastName: String?, usageName: String? = nil, firstName: String?, birthDate: String?) {
        self.civility = civility
        self.lastName = lastName
        self.usageName = usageName
        self.firstName = firstName
        self.birthDate = birthDate
    }
}

public enum ProxyTeleservice {
    /// P_VALIDITY: a proxy is valid this many months from its creation day, inclusive.
    public static let validityMonths = 1
    /// P_ADULT: "18 ans révolus".
    public static let minimumHolderAge = 18
    /// P_ADULT: the seed's message, word for word.
    public static let minorHolderMessage = "Le formulaire comporte une ou plusieurs erreurs. Merci de vérifier votre saisie. Le mandataire doit avoir 18 ans révolus pour pouvoir vous représenter"

    /// P_SCOPE: what the confirmation must say.
    public static let scope = "Votre mandataire peut vous représenter pour toute démarche administrative auprès de votre caisse d'assurance maladie."
    public static let exclusions = "Les convocations du Service Médical sont exclues de la procuration."
    public static let instructions = [
        "Transmettez votre numéro de sécurité sociale ou votre carte Vitale à votre mandataire.",
        "Demandez-lui de prévoir une pièce d'identité valide lors du rendez-vous.",
        "Vous pouvez révoquer cette procuration à tout moment depuis la rubrique « Mes informations » de votre compte ameli.",
    ]

    public struct ProxyOutcome: Hashable, Sendable {
        public let household: Household
        public let proxy: Proxy
        public let confirmation: ProxyConfirmation
        public let acknowledgement: Acknowledgement
        public let notice: EmailNotice
        public let history: ProcedureEntry
    }

    /// P_ONE_ACTIVE, P_FIELDS, P_ADULT, P_CERTIFY; then P_VALIDITY sets the end date. The proxy id is the
    /// submission's reference.
    public static func create(_ form: ProxyForm, certified: Bool, in household: Household,
                              submission: Submission) -> Decision<ProxyOutcome> {
        let today = submission.today
        if let active = household.activeProxy(on: today) { return .refused(alreadyActive(active)) }
        let holder: ProxyHolder
        switch holderFromForm(form, today: today) {
        case .refused(let refusal): return .refused(refusal)
        case .accepted(let valid): holder = valid
        }
        guard certified else { return .refused(uncertified) }
        let proxy = Proxy(id: submission.reference, holder: holder, createdAt: submission.receivedAt, createdOn: today,
                          validUntil: today.adding(months: validityMonths))
        var next = household
        next.proxies.append(proxy)
        let insured = Receipts.insuredName(household.record)
        let confirmation = ProxyConfirmation(proxyID: proxy.id, insuredName: insured,
                                             insured: household.record.holder.map(Receipts.person), holder: holder,
                                             createdAt: submission.receivedAt, validUntil: proxy.validUntil,
                                             scope: scope, exclusions: exclusions, instructions: instructions)
        let steps = ["Votre procuration est opérationnelle dès maintenant et valable jusqu'au \(proxy.validUntil.french) inclus.",
                     exclusions] + instructions.prefix(2)
        let receipt = Receipts.make(.proxy, submission: submission, household: household,
                                    concerning: holder.displayName, person: Receipts.person(holder), nextSteps: steps)
        return .accepted(ProxyOutcome(
            household: next, proxy: proxy, confirmation: confirmation, acknowledgement: receipt.acknowledgement,
            notice: receipt.notice,
            history: ProcedureEntry(id: submission.reference, kind: .proxy, beneficiaryID: nil, status: .completed,
                                    submittedAt: submission.receivedAt)))
    }

    /// P_CERTIFY: the box not ticked.
    static let uncertified = Refusal(.P_CERTIFY, .invalidInput, "Certifiez l'exactitude des informations déclarées pour valider votre demande.",
                                     fieldErrors: [RecordError(field: "certified", detail: "Cochez la case certifiant l'exactitude des informations.")])

    /// P_ONE_ACTIVE: a new proxy while one is active.
    static func alreadyActive(_ active: Proxy) -> Refusal {
        Refusal(.P_ONE_ACTIVE, .conflict, "Une procuration est déjà en cours, accordée à \(active.holder.displayName) jusqu'au \(active.validUntil.french) : révoquez-la avant d'en faire une nouvelle.")
    }

    /// `create`'s refusals in `create`'s order (P_ONE_ACTIVE, P_FIELDS and P_ADULT, P_CERTIFY), or nil when it would
    /// accept: for a caller that must answer a malformed form without performing anything.
    public static func refusal(of form: ProxyForm, certified: Bool, in household: Household, today: CivilDate) -> Refusal? {
        if let active = household.activeProxy(on: today) { return alreadyActive(active) }
        if case .refused(let refusal) = holderFromForm(form, today: today) { return refusal }
        return certified ? nil : uncertified
    }

    /// P_FIELDS and P_ADULT: every field error at once, as the form shows them.
    static func holderFromForm(_ form: ProxyForm, today: CivilDate) -> Decision<ProxyHolder> {
        var errors: [RecordError] = []
        func required<T>(_ field: String, _ text: String?, _ build: (String) throws(RecordError) -> T) -> T? {
            guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                errors.append(RecordError(field: field, detail: "Ce champ est obligatoire."))
                return nil
            }
            do { return try build(text) } catch { errors.append(error.nested(under: field)); return nil }
        }
        let civility = required("civility", form.civility) { (text: String) throws(RecordError) -> Civility in
            guard let civility = Civility(rawValue: text) else { throw RecordError(field: "", detail: "Choisissez « M. » ou « Mme ».") }
            return civility
        }
        let lastName = required("lastName", form.lastName) { (text: String) throws(RecordError) in try PersonName(text) }
        let firstName = required("firstName", form.firstName) { (text: String) throws(RecordError) in try PersonName(text) }
        var usageName: PersonName?
        if let usage = form.usageName, !usage.trimmingCharacters(in: .whitespaces).isEmpty {
            usageName = required("usageName", usage) { (text: String) throws(RecordError) in try PersonName(text) }
        }
        let birthDate = required("birthDate", form.birthDate) { (text: String) throws(RecordError) -> CivilDate in
            let date = try CivilDate(iso: text)
            guard date <= today else { throw RecordError(field: "", detail: "La date de naissance ne peut pas être dans le futur.") }
            return date
        }
        guard errors.isEmpty, let civility, let lastName, let firstName, let birthDate else {
            return .refused(Refusal(.P_FIELDS, .invalidInput, "Le formulaire comporte une ou plusieurs erreurs. Merci de vérifier votre saisie.", fieldErrors: errors))
        }
        // "18 ans révolus": the 18th birthday counts; born on 29 February, it falls on 28 February in other years
        // (DOMAIN.md's month-end clamping).
        guard birthDate.adding(years: minimumHolderAge) <= today else {
            return .refused(Refusal(.P_ADULT, .invalidInput, minorHolderMessage,
                                    fieldErrors: [RecordError(field: "birthDate", detail: "Le mandataire doit avoir 18 ans révolus pour pouvoir vous représenter.")]))
        }
        return .accepted(ProxyHolder(civility: civility, lastName: lastName, usageName: usageName, firstName: firstName, birthDate: birthDate))
    }

    public struct RevocationOutcome: Hashable, Sendable {
        public let household: Household
        /// The proxy revoked now; nil when none was active (revoking twice is harmless, P_REVOKE).
        public let revoked: Proxy?
        public let acknowledgement: Acknowledgement?
        public let notice: EmailNotice?
        public let history: ProcedureEntry?
    }

    /// P_REVOKE: from this instant the holder cannot represent the insured. With nothing active, nothing changes.
    public static func revoke(in household: Household, submission: Submission) -> Decision<RevocationOutcome> {
        let today = submission.today
        guard let active = household.activeProxy(on: today),
              let index = household.proxies.lastIndex(of: active) else {
            return .accepted(RevocationOutcome(household: household, revoked: nil, acknowledgement: nil, notice: nil, history: nil))
        }
        var revoked = active
        revoked.revokedAt = submission.receivedAt
        var next = household
        next.proxies[index] = revoked
        let steps = ["La procuration accordée à \(active.holder.displayName) est révoquée : votre mandataire ne peut plus vous représenter.",
                     "Vous pouvez faire une nouvelle procuration en ligne à tout moment."]
        let receipt = Receipts.make(.proxyRevocation, submission: submission, household: household,
                                    concerning: active.holder.displayName, person: Receipts.person(active.holder), nextSteps: steps)
        return .accepted(RevocationOutcome(
            household: next, revoked: revoked, acknowledgement: receipt.acknowledgement, notice: receipt.notice,
            history: ProcedureEntry(id: submission.reference, kind: .proxyRevocation, beneficiaryID: nil,
                                    status: .completed, submittedAt: submission.receivedAt)))
    }

    /// Whether a proxy lets its holder represent the insured on a day (the CPAM desk's question).
    public static func mayRepresent(_ proxy: Proxy, on today: CivilDate) -> Bool { proxy.isActive(on: today) }
}
