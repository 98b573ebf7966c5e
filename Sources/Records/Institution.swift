// Institution: the CPAM that handles an insured's file (field 7 of the card, the service named on receipts).

/// The competent institution: its 4-digit identification number and acronym (card field 7, `0175 CPAM PARIS`),
/// and the name, postal address and telephone number an acknowledgement must give (CRPA art. R112-11-1).
public struct Institution: Hashable, Sendable, Codable {
    public let id: String
    public let acronym: String
    public let name: String
    public let address: String
    public let phone: String

    public init(id: String, acronym: String, name: String, address: String, phone: String) throws(RecordError) {
        guard id.utf8.count == 4, id.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw RecordError(field: "id", detail: "Le numéro de l'organisme doit comporter 4 chiffres.")
        }
        try Institution.checkText(acronym, field: "acronym", maximum: 20)
        try Institution.checkText(name, field: "name", maximum: 120)
        try Institution.checkText(address, field: "address", maximum: 200)
        try Institution.checkText(phone, field: "phone", maximum: 30)
        self.id = id
        self.acronym = acronym
        self.name = name
        self.address = address
        self.phone = phone
    }

    /// Card field 7: the institution number followed by its acronym.
    public var cardField: String { "\(id) \(acronym)" }

    private static func checkText(_ text: String, field: String, maximum: Int) throws(RecordError) {
        guard !text.isEmpty, text.count <= maximum,
              text.unicodeScalars.allSatisfy(CardRepertoire.contains) else {
            throw RecordError(field: field, detail: "Ce champ doit comporter de 1 à \(maximum) caractères imprimables (ISO 8859-1 à 8859-4).")
        }
    }

    private enum CodingKeys: String, CodingKey { case id, acronym, name, address, phone }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let (id, acronym, name, address, phone) = try (
            c.decode(String.self, forKey: .id), c.decode(String.self, forKey: .acronym), c.decode(String.self, forKey: .name),
            c.decode(String.self, forKey: .address), c.decode(String.self, forKey: .phone))
        self = try decoder.validated { () throws(RecordError) in
            try Institution(id: id, acronym: acronym, name: name, address: address, phone: phone)
        }
    }
}
