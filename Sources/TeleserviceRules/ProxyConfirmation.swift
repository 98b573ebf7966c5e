// ProxyConfirmation: what the proxy confirmation (D_PROXY) says: who may act, until when, for what.
public import Foundation
public import Records

public struct ProxyConfirmation: Hashable, Sendable, Codable {
    public let proxyID: Identifier
    public let insuredName: String
    public let holder: ProxyHolder
    public let createdAt: Date
    public let validUntil: CivilDate
    /// P_SCOPE: what the proxy covers, what it excludes, and what the insured must do.
    public let scope: String
    public let exclusions: String
    public let instructions: [String]

    public init(proxyID: Identifier, insuredName: String, holder: ProxyHolder, createdAt: Date, validUntil: CivilDate,
                scope: String, exclusions: String, instructions: [String]) {
        self.proxyID = proxyID
        self.insuredName = insuredName
        self.holder = holder
        self.createdAt = createdAt
        self.validUntil = validUntil
        self.scope = scope
        self.exclusions = exclusions
        self.instructions = instructions
    }
}
