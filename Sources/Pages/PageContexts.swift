// PageContexts: what each template of Templates/web/ is given, one type per page, and the layout's frame around it.
import Mustache

/// Every page is rendered inside the layout, which reads the channel, the session and the form token from here and
/// anything else (`title` first) from the page's own values. Mustache looks a name up from the innermost section
/// outwards, so a page's sections also see these: `{{prefix}}` inside `{{#beneficiaries}}`.
struct PageFrame<Values>: MustacheParent {
    let prefix: String
    let kiosk: Bool
    let signedIn: Bool
    let csrf: String
    let idleSeconds: Int
    let formKey: String
    let values: Values

    func child(named name: String) -> Any? {
        switch name {
        case "prefix": prefix
        case "kiosk": kiosk
        case "signedIn": signedIn
        case "csrf": csrf
        case "idleSeconds": idleSeconds
        case "formKey": formKey
        default: Self.property(name, of: values)
        }
    }

    /// A stored property of a page's values by name, an absent optional as no value at all (as swift-mustache reads
    /// nested values), so that `{{#error}}` is skipped when there is none.
    static func property(_ name: String, of values: Any) -> Any? {
        guard let value = Mirror(reflecting: values).children.first(where: { $0.label == name })?.value else { return nil }
        let optional = Mirror(reflecting: value)
        guard optional.displayStyle == .optional else { return value }
        return optional.children.first?.value
    }
}

/// A page with a title and nothing else of its own (the proxy's first step, the verification form).
struct TitledPage: Sendable {
    let title: String
}

/// `erreur`: an error, a refusal, an expired form.
struct MessagePage: Sendable {
    let title: String
    let message: String
}

/// `connexion`: the sign-in page; with `serve --demo`, the households one may sign in as.
struct SignInPage: Sendable {
    struct Household: Sendable {
        let nir: String
        let name: String
    }

    let title: String
    let demo: Bool
    var households: [Household] = []
}

/// `verifier`: the public verification of a seal, with what was typed and the verdict.
struct VerificationPage: Sendable {
    struct Verdict: Sendable {
        struct Field: Sendable {
            let code: String
            let value: String
        }

        let good: Bool
        let signature: String
        let status: String
        let id: String
        let issuedOn: String
        let fields: [Field]
    }

    let title = "Vérifier un document"
    var seal: String?
    var error: String?
    var result: Verdict?
}

/// A country where the card is used (seed 000).
struct CountryLine: Sendable {
    let name: String
}

/// A provisional certificate as a confirmation shows it, with its one download (R_CERTIFICATE).
struct CertificateLine: Sendable {
    let id: String
    let downloaded: Bool
    let validUntil: String
}

/// `sejours`: the kiosk's « Mes séjours en Europe ».
struct StaysPage: Sendable {
    let title: String
    let countries: [CountryLine]
}

/// `ceam`: the household, each beneficiary with their card and the actions open now or why not (R_ACTIONS).
struct CEAMPage: Sendable {
    struct Beneficiary: Sendable {
        struct Card: Sendable {
            let number: String
            let expiry: String
            let status: String
        }

        struct Action: Sendable {
            let label: String
            let available: Bool
            let href: String
            let detail: String?
            let availableFrom: String?
        }

        let id: String
        let name: String
        let birthDate: String
        let actions: [Action]
        let card: Card?
        let openOrder: String?
    }

    /// The procedure just done, confirmed at the top of the kiosk's list.
    struct Done: Sendable {
        let what: String
        let submittedAt: String
        let card: Bool
        let loss: Bool
        let certificate: CertificateLine?
    }

    let title: String
    let beneficiaries: [Beneficiary]
    let single: Bool
    let countries: [CountryLine]
    let done: Done?
}

/// `commande`: an order or an early renewal, or why not today.
struct OrderPage: Sendable {
    let title: String
    let name: String
    let id: String
    let available: Bool
    let blocked: String?
    let availableFrom: String?
    let error: String?
}

/// What a loss or theft declaration sent, shown again with the refusal that came back.
struct LossEcho: Sendable {
    var date: String?
    var sworn = false
    var loss = false
    var theft = false
    var error: String?
    var kindError = false
    var dateError = false
    var swornError = false
}

/// `perte`: the declaration's form (R_LOSS, R_LOSS_DATE, R_SWORN).
struct LossPage: Sendable {
    let title: String
    let name: String
    let id: String
    let today: String
    let available: Bool
    let blocked: String?
    let cardNumber: String?
    let date: String?
    let sworn: Bool
    let loss: Bool
    let theft: Bool
    let error: String?
    let kindError: Bool
    let dateError: Bool
    let swornError: Bool

    init(title: String, name: String, id: String, today: String, available: Bool, blocked: String?, cardNumber: String?,
         echo: LossEcho) {
        (self.title, self.name, self.id, self.today) = (title, name, id, today)
        (self.available, self.blocked, self.cardNumber) = (available, blocked, cardNumber)
        (date, sworn, loss, theft, error) = (echo.date, echo.sworn, echo.loss, echo.theft, echo.error)
        (kindError, dateError, swornError) = (echo.kindError, echo.dateError, echo.swornError)
    }
}

/// `carte`: the card's face with its text alternative, or why it cannot be shown (R_VIEW).
struct CardPage: Sendable {
    let title: String
    let name: String
    let id: String
    var blocked: String?
    var face = false
    var alt: String?
}

/// `demarches`: the history « Mes démarches » (R_HISTORY, R_RATING).
struct HistoryPage: Sendable {
    struct Entry: Sendable {
        let id: String
        let kind: String
        let submittedAt: String
        let status: String
        let rating: String?
    }

    let title: String
    let entries: [Entry]
    let empty: Bool
}

/// `demarche`: what follows a procedure, its certificate when one was issued, its rating.
struct ConfirmationPage: Sendable {
    struct Score: Sendable {
        let score: Int
    }

    let title: String
    let id: String
    let kind: String
    let submittedAt: String
    var card = false
    var loss = false
    var orderHref: String?
    var proxy = false
    var revocation = false
    var certificate: CertificateLine?
    /// The rating given, or the scores to choose from (R_RATING: once).
    var rated: String?
    var rating: [Score] = []
    var messageId: String?
}

/// `certificat`: the certificate's one download, or why it is gone.
struct CertificatePage: Sendable {
    let title: String
    let id: String
    let downloaded: Bool
    let validUntil: String
}

/// `messagerie`: the inbox, one acknowledgement per message (R_ACK).
struct InboxPage: Sendable {
    struct Message: Sendable {
        let id: String
        let subject: String
        let receivedAt: String
        let concerning: String
    }

    let title: String
    let messages: [Message]
    let empty: Bool
}

/// `informations`: « Mes informations » (seed 004).
struct InformationPage: Sendable {
    let title: String
    let nir: String
    let email: String
    let institution: String
    let rights: String
    var name: String?
    var givenNames: String?
    var card: String?
    var proxy = false
    var holder: String?
    var validUntil: String?
}

/// `procuration-active`: the active proxy, with its revocation.
struct ActiveProxyPage: Sendable {
    let title: String
    let holder: String
    let born: String
    let birthDate: String
    let validUntil: String
    let createdOn: String
    let id: String
}

/// `procuration`: the proxy form (seed 004), each error tied to its field (P_FIELDS, P_ADULT).
struct ProxyFormPage: Sendable {
    struct Field: Sendable {
        let name: String
        let label: String
        let hint: String
        let value: String
        let date: Bool
        let required: Bool
        let error: String?
    }

    struct FieldError: Sendable {
        let field: String
        let label: String
        let detail: String
    }

    let title: String
    let fields: [Field]
    let civilityMme: Bool
    let civilityM: Bool
    let civilityError: String?
    let summary: String?
    let errors: [FieldError]
    let hasErrors: Bool
}

/// `procuration-recapitulatif`: what will be recorded, to certify and confirm.
struct ProxySummaryPage: Sendable {
    struct Row: Sendable {
        let label: String
        let value: String
    }

    struct Hidden: Sendable {
        let name: String
        let value: String
    }

    let title: String
    let rows: [Row]
    let hidden: [Hidden]
    let error: String?
}

/// `revocation`: the confirmation step before a proxy is revoked (P_REVOKE).
struct RevocationPage: Sendable {
    let title: String
    let holder: String
}
