// AmeliService+Beneficiaries: the household list with its actions, card orders and loss declarations (CEAM).
import DocumentPipeline
import Foundation
import Hummingbird
import Records
import Storage
import TeleserviceRules

extension AmeliService {
    /// `GET /v1/beneficiaries`: each beneficiary with their card, open order and the actions of R_ACTIONS.
    func listBeneficiaries(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        guard let household = try await store.household(of: caller.nir) else { throw APIProblem.notFound }
        let today = today(clock())
        let views = household.record.beneficiaries.map { beneficiary in
            BeneficiaryView(
                id: beneficiary.id.value, lastName: beneficiary.lastName.value, givenNames: beneficiary.givenNames.value,
                birthDate: beneficiary.birthDate, card: beneficiary.latestCard.map { CardView($0, today: today) },
                openOrder: household.openOrder(for: beneficiary.id).map(OrderView.init),
                actions: CardTeleservice.actions(for: beneficiary.id, in: household, today: today).map(ActionView.init))
        }
        return try Self.json(views)
    }

    /// `POST /v1/beneficiaries/{id}/card-orders`: an order or an early renewal (the card's state decides which),
    /// with a provisional certificate when departure is within 15 days (R_DEPARTURE, R_CERTIFICATE).
    func orderCard(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let beneficiaryID = try context.identifier("id")
        let body = try await RequestBody.read(request)
        let input = try body.decode(CardOrderInput.self)
        let submission = Submission(reference: ids.next("proc"), receivedAt: clock())
        let certificateID = ids.next("cert")
        let procedure = ProcedureRequest(nir: caller.nir, idempotency: try idempotencyKey(request, body: body, caller: caller),
                                         allocatesCardSerial: true)
        let result = try await performSealed(procedure) { context in
            let household = context.household
            let reserved = try CardSerial.cardNumber(institution: household.record.institution, serial: context.cardSerial!)
            switch CardTeleservice.requestCard(for: beneficiaryID, departureWithin15Days: input.departureWithin15Days, in: household,
                                               submission: submission, reservedCardNumber: reserved, certificateID: certificateID) {
            case .refused(let refusal):
                throw refusal
            case .accepted(let outcome):
                var changes = HouseholdChanges(from: household, to: outcome.household)
                if let certificate = outcome.certificate {
                    changes.certificates = [IssuedCertificate(certificate: certificate, orderID: outcome.order.id, beneficiaryID: beneficiaryID)]
                }
                changes.acknowledge(outcome.acknowledgement, notice: outcome.notice, history: outcome.history)
                let answer = CardOrderAnswer(order: OrderView(outcome.order),
                                             certificate: outcome.certificate.map(CertificateView.init),
                                             acknowledgement: AcknowledgementView(messageId: outcome.acknowledgement.reference.value))
                let response = try Self.stored(answer, status: .created)
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        return Self.answer(result)
    }

    /// `POST /v1/beneficiaries/{id}/loss-declarations`: the card is cancelled at once (R_LOSS).
    func declareLoss(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let beneficiaryID = try context.identifier("id")
        let body = try await RequestBody.read(request)
        let input = try body.decode(LossDeclarationInput.self)
        let submission = Submission(reference: ids.next("proc"), receivedAt: clock())
        let procedure = ProcedureRequest(nir: caller.nir, idempotency: try idempotencyKey(request, body: body, caller: caller))
        let result = try await performSealed(procedure) { context in
            let household = context.household
            switch CardTeleservice.declareLoss(for: beneficiaryID, kind: input.kind, date: input.date, sworn: input.sworn,
                                               in: household, submission: submission) {
            case .refused(let refusal):
                throw refusal
            case .accepted(let outcome):
                var changes = HouseholdChanges(from: household, to: outcome.household)
                changes.acknowledge(outcome.acknowledgement, notice: outcome.notice, history: outcome.history)
                let answer = LossDeclarationAnswer(
                    declaration: outcome.declaration, card: CardView(outcome.card, today: submission.today),
                    acknowledgement: AcknowledgementView(messageId: outcome.acknowledgement.reference.value))
                let response = try Self.stored(answer, status: .created)
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        return Self.answer(result)
    }

    /// `GET /v1/beneficiaries/{id}/card.png?dpi=N` and `card.pdf`: the active card only (R_VIEW).
    func cardImage(_ request: Request, context: AppRequestContext, format: OutputFormat) async throws -> Response {
        let caller = try context.requireCaller()
        let beneficiaryID = try context.identifier("id")
        var dpi = 300.0
        if format == .png, let text = request.uri.queryParameters.get("dpi") {
            guard let value = Int(text), (72...600).contains(value) else {
                throw APIProblem(.invalidField, detail: "La résolution doit être un nombre entier de 72 à 600 points par pouce.",
                                 errors: [.init(field: "dpi", code: APIProblem.Code.invalidField.rawValue, detail: "De 72 à 600.")])
            }
            dpi = Double(value)
        }
        guard let household = try await store.household(of: caller.nir) else { throw APIProblem.notFound }
        switch CardTeleservice.cardFace(for: beneficiaryID, in: household, today: today(clock())) {
        case .refused(let refusal):
            throw refusal
        case .accepted(let face):
            // SEAL.md: the card image for screens stays the bare S2 face; the print copy carries a seal beside it.
            var seal: DocumentSeal?
            if format == .pdf {
                let record = DocumentRecord.card(face)
                seal = try await self.seal(of: record, id: try Self.cardCopyID(record), nir: caller.nir,
                                           subject: RegisteredDocument.subject(card: face.cardNumber))
            }
            return try await document(.card(face), seal: seal, format: format, dpi: dpi,
                                      filename: "ceam-\(beneficiaryID.value).\(format.rawValue)",
                                      served: (caller.nir, .card, beneficiaryID), request: request, registered: seal?.documentID)
        }
    }
}

// MARK: - Bodies

struct CardOrderInput: RequestDecodable {
    /// Optional here so that a missing answer is refused by its rule (R_DEPARTURE), not as a decoding error.
    let departureWithin15Days: Bool?
    static let shape = JSONShape.object(["departureWithin15Days": .value])
}

struct LossDeclarationInput: RequestDecodable {
    let kind: LossKind
    let date: CivilDate
    let sworn: Bool
    static let shape = JSONShape.object(["kind": .value, "date": .value, "sworn": .value])
}

// MARK: - Answers

struct BeneficiaryView: Encodable {
    let id: String
    let lastName: String
    let givenNames: String
    let birthDate: CivilDate
    let card: CardView?
    let openOrder: OrderView?
    let actions: [ActionView]

    private enum CodingKeys: String, CodingKey { case id, lastName, givenNames, birthDate, card, openOrder, actions }

    /// `card` and `openOrder` are always present, null when there is none.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(lastName, forKey: .lastName)
        try c.encode(givenNames, forKey: .givenNames)
        try c.encode(birthDate, forKey: .birthDate)
        try c.encode(card, forKey: .card)
        try c.encode(openOrder, forKey: .openOrder)
        try c.encode(actions, forKey: .actions)
    }
}

struct CardView: Encodable {
    let number: String
    let issueDate: CivilDate
    let expiryDate: CivilDate
    /// `active`, `cancelled` or `expired` on the day asked.
    let status: Card.State

    init(_ card: Card, today: CivilDate) {
        number = card.number.value
        issueDate = card.issueDate
        expiryDate = card.expiryDate
        status = card.state(on: today)
    }
}

struct OrderView: Encodable {
    let id: String
    let kind: OrderKind
    let status: OrderStatus
    let submittedAt: Date
    /// DOMAIN.md: a card takes 10 days on average.
    let expectedDeliveryDays: Int

    init(_ order: CardOrder) {
        id = order.id.value
        kind = order.kind
        status = order.status
        submittedAt = order.submittedAt
        expectedDeliveryDays = 10
    }
}

struct ActionView: Encodable {
    let action: String
    let available: Bool
    let blockedBy: String?
    let detail: String?
    let availableFrom: CivilDate?

    init(_ availability: ActionAvailability) {
        action = availability.action.rawValue
        available = availability.available
        blockedBy = availability.blockedBy?.rawValue
        detail = availability.detail
        availableFrom = availability.availableFrom
    }
}

struct CertificateView: Encodable {
    let id: String
    let validFrom: CivilDate
    let validUntil: CivilDate
    let downloadUrl: String

    init(_ certificate: ProvisionalCertificate) {
        id = certificate.id.value
        validFrom = certificate.validFrom
        validUntil = certificate.validUntil
        downloadUrl = "/v1/certificates/\(certificate.id.value).pdf"
    }
}

struct AcknowledgementView: Encodable {
    let messageId: String
}

struct CardOrderAnswer: Encodable {
    let order: OrderView
    let certificate: CertificateView?
    let acknowledgement: AcknowledgementView
}

struct LossDeclarationAnswer: Encodable {
    let declaration: LossDeclaration
    let card: CardView
    let acknowledgement: AcknowledgementView
}
