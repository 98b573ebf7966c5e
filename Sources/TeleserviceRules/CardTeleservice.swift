// CardTeleservice: the CEAM rules — order, early renewal, loss or theft, viewing, fulfilment (DOMAIN.md).
import Foundation
public import Records

/// Pure decisions over a household snapshot and a day. Each procedure returns the whole new state and every
/// record it gives rise to, so that the store can commit them in one transaction or not at all.
public enum CardTeleservice {
    /// Average delivery time of a card by post (DOMAIN.md), shown on confirmations and acknowledgements.
    public static let expectedDeliveryDays = 10
    /// R_LOSS_LIMIT: "more than 2" declarations in a calendar year block further online declarations and orders.
    public static let yearlyDeclarationLimit = 2
    /// R_RENEW_WINDOW: renewal opens this many months before expiry.
    public static let renewalWindowMonths = 2
    /// R_CERTIFICATE: a provisional certificate is valid this many months from its issue.
    public static let certificateValidityMonths = 3

    // MARK: - R_ACTIONS

    /// Every action for one beneficiary, available or blocked by the first rule that forbids it.
    public static func actions(for id: Identifier, in household: Household, today: CivilDate) -> [ActionAvailability] {
        guard let beneficiary = household.record.beneficiary(id) else { return [] }
        let context = Context(household: household, beneficiary: beneficiary, today: today)
        return CardAction.allCases.map { action in
            switch action {
            case .order: return ActionAvailability(.order, blocker: context.orderBlocker())
            case .renew: return ActionAvailability(.renew, blocker: context.renewalBlocker())
            case .declareLoss: return ActionAvailability(.declareLoss, blocker: context.declarationBlocker())
            case .view: return ActionAvailability(.view, blocker: context.viewBlocker())
            }
        }
    }

    // MARK: - Order and early renewal

    public struct CardRequestOutcome: Hashable, Sendable {
        public let household: Household
        public let order: CardOrder
        public let certificate: ProvisionalCertificate?
        public let acknowledgement: Acknowledgement
        public let notice: EmailNotice
        public let history: ProcedureEntry
    }

    /// R_ORDER / R_RENEW_WINDOW and the rules that can block both. The kind follows from the card's state: an
    /// active card is renewed, anything else is ordered. `reservedCardNumber` is the number the store set aside for
    /// the card to be produced; `certificateID` names the certificate if one is issued (R_CERTIFICATE).
    public static func requestCard(for id: Identifier, departureWithin15Days: Bool?, in household: Household,
                                   submission: Submission, reservedCardNumber: CardNumber,
                                   certificateID: Identifier) -> Decision<CardRequestOutcome> {
        guard let beneficiary = household.record.beneficiary(id) else { return .refused(Refusals.unknownBeneficiary) }
        let today = submission.today
        let context = Context(household: household, beneficiary: beneficiary, today: today)
        let kind: OrderKind = beneficiary.activeCard(on: today) == nil ? .order : .renewal
        if let blocker = kind == .order ? context.orderBlocker() : context.renewalBlocker() {
            return .refused(blocker)
        }
        // R_DEPARTURE: the question is part of the form; no answer, no request.
        guard let departureWithin15Days else {
            return .refused(Refusal(.R_DEPARTURE, .invalidInput, "Indiquez si votre départ a lieu dans les 15 jours (oui ou non).",
                                    fieldErrors: [RecordError(field: "departureWithin15Days", detail: "Répondez oui ou non.")]))
        }
        let order = CardOrder(id: submission.reference, beneficiaryID: id, kind: kind, submittedAt: submission.receivedAt,
                              departureWithin15Days: departureWithin15Days, reservedCardNumber: reservedCardNumber)
        var certificate: ProvisionalCertificate?
        if departureWithin15Days {
            // Fields 8 and 9: the card being replaced, or — for a first card — the one being produced.
            let replaced = beneficiary.latestCard
            certificate = ProvisionalCertificate(
                id: certificateID, lastName: beneficiary.lastName, givenNames: beneficiary.givenNames,
                birthDate: beneficiary.birthDate, personalNumber: beneficiary.personalNumber(insured: household.record.nir),
                institution: household.record.institution,
                cardNumber: replaced?.number ?? reservedCardNumber,
                cardExpiryDate: replaced?.expiryDate ?? today.adding(years: Card.validityYears),
                validFrom: today, validUntil: today.adding(months: certificateValidityMonths), issuedOn: today)
        }
        var next = household
        next.orders.append(order)
        var steps = ["Votre carte sera envoyée par courrier à votre adresse postale dans un délai moyen de \(expectedDeliveryDays) jours."]
        if let certificate {
            steps.append("Un certificat provisoire de remplacement, valable du \(certificate.validFrom.french) au \(certificate.validUntil.french), est disponible dans votre compte ameli ; il ne peut être téléchargé qu'une seule fois.")
        }
        let receipt = Receipts.make(kind == .order ? .order : .renewal, submission: submission, household: household,
                                    concerning: Receipts.name(of: beneficiary), person: Receipts.person(beneficiary), nextSteps: steps)
        return .accepted(CardRequestOutcome(
            household: next, order: order, certificate: certificate, acknowledgement: receipt.acknowledgement,
            notice: receipt.notice,
            history: ProcedureEntry(id: submission.reference, kind: kind == .order ? .order : .renewal,
                                    beneficiaryID: id, status: .inProgress, submittedAt: submission.receivedAt)))
    }

    // MARK: - Loss or theft

    public struct LossOutcome: Hashable, Sendable {
        public let household: Household
        /// The card as it is now: cancelled.
        public let card: Card
        public let declaration: LossDeclaration
        public let acknowledgement: Acknowledgement
        public let notice: EmailNotice
        public let history: ProcedureEntry
    }

    /// R_LOSS: an active card, a kind, a date neither in the future nor before the card's issue, the sworn
    /// statement; the card is cancelled at once, and the beneficiary may then order directly.
    public static func declareLoss(for id: Identifier, kind: LossKind, date: CivilDate, sworn: Bool,
                                   in household: Household, submission: Submission) -> Decision<LossOutcome> {
        guard let beneficiary = household.record.beneficiary(id) else { return .refused(Refusals.unknownBeneficiary) }
        let today = submission.today
        let context = Context(household: household, beneficiary: beneficiary, today: today)
        if let blocker = context.declarationBlocker() { return .refused(blocker) }
        let card = beneficiary.activeCard(on: today)!  // declarationBlocker() refuses when there is none
        var fieldErrors: [RecordError] = []
        if date > today {
            fieldErrors.append(RecordError(field: "date", detail: "La date de la perte ou du vol ne peut pas être dans le futur."))
        } else if date < card.issueDate {
            fieldErrors.append(RecordError(field: "date", detail: "La date de la perte ou du vol ne peut pas précéder la date d'émission de la carte (\(card.issueDate.french))."))
        }
        if !sworn {
            fieldErrors.append(RecordError(field: "sworn", detail: "Cochez l'attestation sur l'honneur pour valider votre déclaration."))
        }
        if !fieldErrors.isEmpty {
            return .refused(Refusal(.R_LOSS, .invalidInput, fieldErrors.map(\.detail).joined(separator: " "), fieldErrors: fieldErrors))
        }
        let updated = beneficiary.declaringLoss(of: card, on: date, kind: kind, declaredOn: today)
        var next = household
        next.record = household.record.replacing(updated)
        let cancelled = updated.cards.first { $0.number == card.number }!
        // What follows depends on the new state: usually "order now", but not after the yearly limit or with NPAI.
        let after = Context(household: next, beneficiary: updated, today: today)
        let orderStep = after.orderBlocker().map { "Pour obtenir une nouvelle carte : \($0.message)" }
            ?? "Vous pouvez dès maintenant commander une nouvelle carte en ligne ; elle vous sera envoyée par courrier dans un délai moyen de \(expectedDeliveryDays) jours."
        let steps = ["La carte n° \(card.number.value) a été annulée : elle n'est plus valable depuis votre déclaration de \(kind.french) du \(today.french).", orderStep]
        let receipt = Receipts.make(.lossDeclaration, submission: submission, household: household,
                                    concerning: Receipts.name(of: beneficiary), person: Receipts.person(beneficiary),
                                    lossKind: kind, nextSteps: steps)
        return .accepted(LossOutcome(
            household: next, card: cancelled, declaration: updated.lossDeclarations.last!,
            acknowledgement: receipt.acknowledgement, notice: receipt.notice,
            history: ProcedureEntry(id: submission.reference, kind: .lossDeclaration, beneficiaryID: id,
                                    status: .completed, submittedAt: submission.receivedAt)))
    }

    // MARK: - Viewing

    /// R_VIEW: the face of the active card, or why there is none to show.
    public static func cardFace(for id: Identifier, in household: Household, today: CivilDate) -> Decision<CardFace> {
        guard let beneficiary = household.record.beneficiary(id) else { return .refused(Refusals.unknownBeneficiary) }
        let context = Context(household: household, beneficiary: beneficiary, today: today)
        if let blocker = context.viewBlocker() { return .refused(blocker) }
        let card = beneficiary.activeCard(on: today)!
        return .accepted(CardFace(
            lastName: beneficiary.lastName, givenNames: beneficiary.givenNames, birthDate: beneficiary.birthDate,
            personalNumber: beneficiary.personalNumber(insured: household.record.nir),
            institution: household.record.institution, cardNumber: card.number, expiryDate: card.expiryDate,
            issueDate: card.issueDate))
    }

    // MARK: - Fulfilment

    public struct FulfilmentOutcome: Hashable, Sendable {
        public let household: Household
        public let card: Card
        public let order: CardOrder
    }

    /// R_FULFIL: card production reports a card made; it becomes the beneficiary's active card and the order
    /// closes. Without a number the reserved one is used; without an issue date, today.
    public static func fulfil(orderID: Identifier, in household: Household, cardNumber: CardNumber?,
                              issueDate: CivilDate?, today: CivilDate) -> Decision<FulfilmentOutcome> {
        guard let index = household.orders.firstIndex(where: { $0.id == orderID }),
              let beneficiary = household.record.beneficiary(household.orders[index].beneficiaryID) else {
            return .refused(Refusal(.R_FULFIL, .notFound, "Commande introuvable."))
        }
        var order = household.orders[index]
        guard order.status == .inProgress else {
            return .refused(Refusal(.R_FULFIL, .conflict, "Cette commande a déjà été honorée : la carte produite est déjà la carte active."))
        }
        let issue = issueDate ?? today
        guard issue <= today, issue >= CivilDate(order.submittedAt) else {
            return .refused(Refusal(.R_FULFIL, .invalidInput, "La date d'émission doit être comprise entre la date de la commande et aujourd'hui.",
                                    fieldErrors: [RecordError(field: "issueDate", detail: "Date d'émission impossible pour cette commande.")]))
        }
        let number = cardNumber ?? order.reservedCardNumber
        guard !household.record.beneficiaries.contains(where: { $0.cards.contains { $0.number == number } }) else {
            return .refused(Refusal(.R_FULFIL, .conflict, "Ce numéro de carte est déjà attribué."))
        }
        let card = Card(number: number, issueDate: issue)
        order.status = .fulfilled
        var next = household
        next.orders[index] = order
        next.record = household.record.replacing(beneficiary.receiving(card, on: today))
        return .accepted(FulfilmentOutcome(household: next, card: card, order: order))
    }
}

/// The refusals that do not depend on a beneficiary's situation.
enum Refusals {
    /// A beneficiary that is not in this household answers exactly like one that does not exist.
    static let unknownBeneficiary = Refusal(.R_ONE_AT_A_TIME, .notFound, "Bénéficiaire introuvable.")
}
