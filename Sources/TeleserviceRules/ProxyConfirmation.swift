// ProxyConfirmation: what the proxy confirmation (D_PROXY) says: who may act, until when, for what.
public import Foundation
public import Records

public struct ProxyConfirmation: Hashable, Sendable, Codable {
    public let proxyID: Identifier
    public let insuredName: String
    /// The insured's names as the record holds them (the seal carries them field by field); nil when the household
    /// has no holder record, as `insuredName` then reads "Madame, Monsieur".
    public let insured: ConcernedPerson?
    public let holder: ProxyHolder
    public let createdAt: Date
    public let validUntil: CivilDate
    /// P_SCOPE: what the proxy covers, what it excludes, and what the insured must do.
    public let scope: String
    public let exclusions: String
    public let instructions: [String]

    public init(proxyID: Identifier, insuredName: String, insured: ConcernedPerson? = nil, holder: ProxyHolder, createdAt: Date, validUntil: CivilDate,
                scope: String, exclusions: String, instructions: [String]) {
        self.proxyID = proxyID
        self.insuredName = insuredName
        self.insured = insured
        self.holder = holder
        self.createdAt = createdAt
        self.validUntil = validUntil
        self.scope = scope
        self.exclusions = exclusions
        self.instructions = instructions
    }
}
