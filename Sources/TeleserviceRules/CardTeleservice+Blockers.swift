// The rules that block each card action, in the order a person should hear about them.
import Records

extension CardTeleservice {
    /// One beneficiary on one day. Each blocker returns the first rule that forbids the action, or nil.
    /// Order of the checks: the insured's situation (rights, address), then the beneficiary's (pending orders,
    /// the yearly limit), then the card's (which decides between order and renewal).
    struct Context {
        let household: Household
        let beneficiary: Beneficiary
        let today: CivilDate

        private var name: String { Receipts.name(of: beneficiary) }
        private var record: InsuredRecord { household.record }

        func rightsBlocker() -> Refusal? {
            guard record.rights == .insufficient else { return nil }
            return Refusal(.R_RIGHTS, .conflict, "Vos droits à l'Assurance Maladie ne permettent pas de faire cette démarche en ligne : contactez votre caisse d'assurance maladie.")
        }

        /// R_NPAI applies to orders and renewals only (the card goes by post); declaring and viewing stay open.
        func addressBlocker() -> Refusal? {
            guard record.addressStatus == .npai else { return nil }
            return Refusal(.R_NPAI, .conflict, "Votre adresse postale est signalée comme erronée (courrier revenu avec la mention « n'habite pas à l'adresse indiquée ») : la carte ne peut pas vous être envoyée. Mettez à jour votre adresse postale, puis renouvelez votre demande.")
        }

        func pendingBlocker() -> Refusal? {
            guard let open = household.openOrder(for: beneficiary.id) else { return nil }
            if case .cancelled? = beneficiary.latestCard?.status {
                return Refusal(.R_CANCELLED_PENDING, .conflict, "La carte de \(name) a été déclarée perdue ou volée et une nouvelle carte est déjà commandée (le \(CivilDate(open.submittedAt).french)) : elle arrivera par courrier dans un délai moyen de \(CardTeleservice.expectedDeliveryDays) jours.")
            }
            return Refusal(.R_ONE_OPEN_ORDER, .conflict, "Une demande de carte est déjà en cours pour \(name) (le \(CivilDate(open.submittedAt).french)) : la carte arrivera par courrier dans un délai moyen de \(CardTeleservice.expectedDeliveryDays) jours.")
        }

        func lossLimitBlocker() -> Refusal? {
            guard beneficiary.declarationCount(inYearOf: today) > CardTeleservice.yearlyDeclarationLimit else { return nil }
            return Refusal(.R_LOSS_LIMIT, .conflict, "La perte ou le vol de la carte de \(name) a déjà été déclaré plus de \(CardTeleservice.yearlyDeclarationLimit) fois cette année : contactez votre caisse d'assurance maladie.")
        }

        func orderBlocker() -> Refusal? {
            if let blocker = rightsBlocker() ?? addressBlocker() ?? pendingBlocker() ?? lossLimitBlocker() { return blocker }
            // R_ORDER: only without an active card (never had one, expired, cancelled).
            guard let card = beneficiary.activeCard(on: today) else { return nil }
            let opens = card.expiryDate.adding(months: -CardTeleservice.renewalWindowMonths)
            let when = today >= opens ? "demandez son renouvellement anticipé" : "vous pourrez demander son renouvellement à partir du \(opens.french)"
            // No availableFrom here: time lifts the renewal's block, not this one (the renew action carries the date).
            return Refusal(.R_ORDER, .conflict, "\(name) a déjà une carte valable jusqu'au \(card.expiryDate.french) : \(when).")
        }

        func renewalBlocker() -> Refusal? {
            if let blocker = rightsBlocker() ?? addressBlocker() ?? pendingBlocker() ?? lossLimitBlocker() { return blocker }
            guard let card = beneficiary.activeCard(on: today) else {
                return Refusal(.R_RENEW_WINDOW, .conflict, "\(name) n'a pas de carte en cours de validité à renouveler : commandez une nouvelle carte.")
            }
            // R_RENEW_WINDOW: from expiry − 2 months to expiry, both inclusive (activeCard already ends at expiry).
            let opens = card.expiryDate.adding(months: -CardTeleservice.renewalWindowMonths)
            guard today >= opens else {
                return Refusal(.R_RENEW_WINDOW, .conflict, "Le renouvellement anticipé n'est possible que dans les \(CardTeleservice.renewalWindowMonths) mois qui précèdent l'expiration de la carte (le \(card.expiryDate.french)) : vous pourrez le demander à partir du \(opens.french).", availableFrom: opens)
            }
            return nil
        }

        func declarationBlocker() -> Refusal? {
            if let blocker = rightsBlocker() { return blocker }
            // R_CANCELLED_PENDING forbids declaring again; an ordinary open renewal does not stop a declaration.
            if let pending = pendingBlocker(), pending.rule == .R_CANCELLED_PENDING { return pending }
            if let blocker = lossLimitBlocker() { return blocker }
            guard beneficiary.activeCard(on: today) != nil else {
                return Refusal(.R_LOSS, .conflict, "\(name) n'a pas de carte en cours de validité : il n'y a pas de carte à déclarer perdue ou volée.")
            }
            return nil
        }

        func viewBlocker() -> Refusal? {
            if let blocker = rightsBlocker() { return blocker }
            guard let card = beneficiary.currentCard ?? beneficiary.latestCard else {
                return Refusal(.R_VIEW, .conflict, "\(name) n'a pas de carte européenne d'assurance maladie à afficher.")
            }
            switch card.state(on: today) {
            case .active:
                return nil
            case .expired:
                return Refusal(.R_VIEW, .conflict, "La carte de \(name) a expiré le \(card.expiryDate.french) : elle n'est plus valable et ne peut pas être affichée. Commandez une nouvelle carte.")
            case .cancelled, .replaced:
                if case .cancelled(let date, let kind) = card.status {
                    return Refusal(.R_VIEW, .conflict, "La carte de \(name) a été annulée après la déclaration de \(kind.french) du \(date.french) : elle n'est plus valable et ne peut pas être affichée.")
                }
                return Refusal(.R_VIEW, .conflict, "La carte de \(name) a été remplacée : elle n'est plus valable et ne peut pas être affichée.")
            }
        }
    }
}
