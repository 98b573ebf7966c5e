// ContractValues: the records and rule outcomes as openapi.yaml's types (generated into Components.Schemas).
import APIContract
import Foundation
import Procedures
import Records
import Storage
import TeleserviceRules

/// One initialiser per answer type, so that every handler builds its JSON from the contract's own types and a
/// field the spec does not declare cannot be answered.
extension Components.Schemas.Card {
    /// `status` is the card's state on the day asked: `active`, `cancelled`, `expired` or `replaced`.
    init(_ card: Card, today: CivilDate) {
        let status: StatusPayload = switch card.state(on: today) {
        case .active: .active
        case .cancelled: .cancelled
        case .expired: .expired
        case .replaced: .replaced
        }
        self.init(number: card.number.value, issueDate: card.issueDate.iso, expiryDate: card.expiryDate.iso, status: status)
    }
}

extension Components.Schemas.Order {
    init(_ order: CardOrder) {
        // DOMAIN.md: a card takes 10 days on average.
        self.init(id: order.id.value, kind: order.kind == .order ? .order : .renewal,
                  status: order.status == .fulfilled ? .fulfilled : .inProgress, submittedAt: order.submittedAt,
                  expectedDeliveryDays: CardTeleservice.expectedDeliveryDays)
    }
}

extension Components.Schemas.Action {
    init(_ availability: ActionAvailability) {
        let action: ActionPayload = switch availability.action {
        case .order: .order
        case .renew: .renew
        case .declareLoss: .declareLoss
        case .view: .view
        }
        self.init(action: action, available: availability.available, blockedBy: availability.blockedBy?.rawValue,
                  detail: availability.detail, availableFrom: availability.availableFrom?.iso)
    }
}

extension Components.Schemas.Certificate {
    init(_ certificate: ProvisionalCertificate) {
        self.init(id: certificate.id.value, validFrom: certificate.validFrom.iso, validUntil: certificate.validUntil.iso,
                  downloadUrl: "/v1/certificates/\(certificate.id.value).pdf")
    }
}

extension Components.Schemas.LossDeclaration {
    init(_ declaration: LossDeclaration) {
        self.init(date: declaration.date.iso, kind: declaration.kind == .loss ? .loss : .theft, declaredOn: declaration.declaredOn.iso)
    }
}

extension Components.Schemas.InboxMessage {
    init(_ message: InboxMessage) {
        self.init(id: message.id.value, subject: message.subject, receivedAt: message.receivedAt,
                  attachment: .init(url: "/v1/inbox/\(message.id.value)/attachment.pdf", filename: AmeliService.acknowledgementFilename(message.id)))
    }
}

extension Components.Schemas.Procedure {
    init(_ entry: ProcedureEntry) {
        let kind: KindPayload = switch entry.kind {
        case .order: .order
        case .renewal: .renewal
        case .lossDeclaration: .lossDeclaration
        case .proxy: .proxy
        case .proxyRevocation: .proxyRevocation
        }
        self.init(id: entry.id.value, kind: kind, beneficiaryId: entry.beneficiaryID?.value,
                  status: entry.status == .completed ? .completed : .inProgress, submittedAt: entry.submittedAt, rating: entry.rating)
    }
}

extension Components.Schemas.Proxy {
    init(_ proxy: Proxy) {
        let holder = proxy.holder
        self.init(id: proxy.id.value,
                  holder: .init(civility: holder.civility == .madame ? .mme : .m_, lastName: holder.lastName.value,
                                usageName: holder.usageName?.value, firstName: holder.firstName.value,
                                birthDate: holder.birthDate.iso),
                  createdAt: proxy.createdAt, validUntil: proxy.validUntil.iso)
    }

    static func confirmationURL(_ id: Identifier) -> String { "/v1/proxy/\(id.value)/confirmation.pdf" }
}
