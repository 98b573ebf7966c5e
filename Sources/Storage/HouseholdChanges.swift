// HouseholdChanges: the write set of one procedure, applied by a store inside the household's transaction.
public import Records
public import TeleserviceRules

public struct HouseholdChanges: Sendable {
    /// The household's record after the procedure (cards, loss declarations), when it changed.
    public var record: InsuredRecord?
    /// Orders inserted or updated (matched by id).
    public var orders: [CardOrder] = []
    /// Proxies inserted or updated (matched by id), with the confirmation of a new one.
    public var proxies: [ProxyChange] = []
    public var certificates: [IssuedCertificate] = []
    /// Acknowledgements put in the inbox (R_ACK).
    public var messages: [InboxMessage] = []
    /// Notices recorded for the e-mail system (R_ACK); no mail is sent by AmeliDocs.
    public var notices: [EmailNotice] = []
    /// History entries inserted or updated (matched by id) (R_HISTORY, R_RATING).
    public var procedures: [ProcedureEntry] = []
    /// Documents issued by the procedure, with their seals, entered in the register (SEAL.md).
    public var documents: [RegisteredDocument] = []
    /// Register entries the procedure makes void (a revoked proxy's confirmation, a cancelled card's copies).
    public var revocations: [DocumentRevocation] = []

    public init(record: InsuredRecord? = nil) {
        self.record = record
    }
}

public struct ProxyChange: Sendable, Hashable {
    public var proxy: Proxy
    /// Set when the proxy is created; kept on update.
    public var confirmation: ProxyConfirmation?

    public init(proxy: Proxy, confirmation: ProxyConfirmation? = nil) {
        self.proxy = proxy
        self.confirmation = confirmation
    }
}

/// A provisional certificate as issued, with the order and beneficiary it belongs to.
public struct IssuedCertificate: Sendable, Hashable {
    public var certificate: ProvisionalCertificate
    public var orderID: Identifier
    public var beneficiaryID: Identifier

    public init(certificate: ProvisionalCertificate, orderID: Identifier, beneficiaryID: Identifier) {
        self.certificate = certificate
        self.orderID = orderID
        self.beneficiaryID = beneficiaryID
    }
}

extension HouseholdChanges {
    /// What a procedure changed in the household: the record if it differs, and every order or proxy that is new
    /// or different. Messages, notices, certificates and history are added by the caller from the outcome.
    public init(from old: Household, to new: Household) {
        self.init(record: old.record == new.record ? nil : new.record)
        orders = new.orders.filter { !old.orders.contains($0) }
        proxies = new.proxies.filter { !old.proxies.contains($0) }.map { ProxyChange(proxy: $0) }
    }

    /// R_ACK and R_HISTORY: what every accepted procedure leaves besides its state change — the acknowledgement
    /// in the inbox, the e-mail notice that announces it, and its line in the history.
    public mutating func acknowledge(_ acknowledgement: Acknowledgement, notice: EmailNotice, history: ProcedureEntry) {
        messages = [InboxMessage(acknowledgement: acknowledgement)]
        notices = [notice]
        procedures = [history]
    }
}
