// Proxy: the online proxy (procuration en ligne) an insured gives a person to act for them at the CPAM.
public import Foundation

public enum Civility: String, Hashable, Sendable, Codable, CaseIterable {
    case monsieur = "M."
    case madame = "Mme"

    /// "Monsieur" / "Madame", as a confirmation addresses the holder.
    public var long: String { self == .monsieur ? "Monsieur" : "Madame" }
}

/// The proxy holder (mandataire) as the form names them (P_FIELDS): all required but the usage name.
public struct ProxyHolder: Hashable, Sendable, Codable {
    public let civility: Civility
    public let lastName: PersonName
    public let usageName: PersonName?
    public let firstName: PersonName
    public let birthDate: CivilDate

    public init(civility: Civility, lastName: PersonName, usageName: PersonName? = nil, firstName: PersonName, birthDate: CivilDate) {
        self.civility = civility
        self.lastName = lastName
        self.usageName = usageName
        self.firstName = firstName
        self.birthDate = birthDate
    }

    /// "M. DUPONT Martin", or with a usage name "Mme MARTIN (DURAND) Claire".
    public var displayName: String {
        let usage = usageName.map { " (\($0.value))" } ?? ""
        return "\(civility.rawValue) \(lastName.value)\(usage) \(firstName.value)"
    }
}

public struct Proxy: Hashable, Sendable, Codable {
    public let id: Identifier
    public let holder: ProxyHolder
    public let createdAt: Date
    /// The Paris day of creation; the proxy is valid through `validUntil` inclusive (P_VALIDITY).
    public let createdOn: CivilDate
    public let validUntil: CivilDate
    public var revokedAt: Date?

    public init(id: Identifier, holder: ProxyHolder, createdAt: Date, createdOn: CivilDate, validUntil: CivilDate, revokedAt: Date? = nil) {
        self.id = id
        self.holder = holder
        self.createdAt = createdAt
        self.createdOn = createdOn
        self.validUntil = validUntil
        self.revokedAt = revokedAt
    }

    /// Operational: not revoked and within its validity (P_VALIDITY, P_REVOKE).
    public func isActive(on today: CivilDate) -> Bool {
        revokedAt == nil && createdOn <= today && today <= validUntil
    }
}
