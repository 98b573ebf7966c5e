// RecordSampler: records drawn over everything the records accept, for the property test and `bench --property`.
public import DocumentPipeline
import Foundation
public import Records
import TeleserviceRules

/// Draws document records, seeded, over the whole accepted input space: names of 1 to 80 characters from the card's
/// repertoire (1–3 parts joined by a space, hyphen or apostrophe, sometimes one letter repeated, such as the widest
/// ones), every id shape `Identifier` accepts (1 to 64 of `A-Za-z0-9-_`), valid NIRs (2A/2B included), institutions
/// at their length limits, and dates across a century. Every record goes through `DocumentRecord.decode`, so what is
/// drawn is exactly what the service and the CLI accept, no more.
public struct RecordSampler {
    private var random: SplitMix64
    /// Letters a name may use: the alphabetic characters of the card's repertoire (ISO 8859-1..4).
    public static let letters: [Character] = CardRepertoire.allScalars
        .filter { $0.properties.isAlphabetic && (try? PersonName(String($0))) != nil }
        .map { Character($0) }
    /// Letters drawn more often than their share: the widest of the fonts, which fill a box first.
    public static let wideLetters: [Character] = ["W", "M", "Æ", "Œ", "Ŋ", "Ø", "Ð", "Ħ", "m", "w", "æ"].filter { letters.contains($0) }

    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// One record of `kind` and the id its document is registered under.
    public mutating func next(_ kind: DocumentKind) throws -> (record: DocumentRecord, documentID: String) {
        let json: [String: Any]
        switch kind {
        case .certificate: json = certificate()
        case .card: json = card()
        case .acknowledgement: json = acknowledgement()
        case .proxyConfirmation: json = proxyConfirmation()
        }
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        let record = try DocumentRecord.decode(kind, from: data)
        let documentID: String = switch record {
        case .card(let card): "CC-\(card.cardNumber.value)-\(hex(8).uppercased())"
        default: record.ownDocumentID
        }
        return (record, documentID)
    }

    // MARK: Records

    mutating func certificate() -> [String: Any] {
        let issued = date(from: 2020, to: 2035)
        return [
            "id": identifier(), "issuingState": "FR", "lastName": name(), "givenNames": name(),
            "birthDate": date(from: 1900, to: 2026), "personalNumber": nir(), "institution": institution(),
            "cardNumber": cardNumber(), "cardExpiryDate": date(from: 2020, to: 2040),
            "validFrom": issued, "validUntil": date(from: 2020, to: 2036), "issuedOn": issued,
        ]
    }

    mutating func card() -> [String: Any] {
        [
            "issuingState": "FR", "lastName": name(), "givenNames": name(), "birthDate": date(from: 1900, to: 2026),
            "personalNumber": nir(), "institution": institution(), "cardNumber": cardNumber(),
            "expiryDate": date(from: 2020, to: 2040), "issueDate": date(from: 2018, to: 2035),
        ]
    }

    mutating func acknowledgement() -> [String: Any] {
        let procedure = pick(ProcedureKind.allCases)
        let (last, given) = (name(), name())
        let insured = "\(name()) \(name())"
        let concerning = procedure == .proxy || procedure == .proxyRevocation
            ? "\(pick(["M.", "Mme"])) \(last) (\(name())) \(given)" : "\(given) \(last)"
        var steps = ["Votre carte sera envoyée par courrier à votre adresse postale dans un délai moyen de \(int(1...30)) jours."]
        if bool() {
            steps.append("Un certificat provisoire de remplacement, valable du 14/03/2026 au 14/06/2026, est disponible dans votre compte ameli ; il ne peut être téléchargé qu'une seule fois.")
        }
        if procedure == .lossDeclaration {
            steps = ["La carte n° \(cardNumber()) a été annulée : elle n'est plus valable depuis votre déclaration de perte du 02/03/2026.",
                     "Vous pouvez dès maintenant commander une nouvelle carte en ligne ; elle vous sera envoyée par courrier dans un délai moyen de 10 jours."]
        }
        if procedure == .proxy {
            steps = ["Votre procuration est opérationnelle dès maintenant et valable jusqu'au 02/07/2026 inclus.",
                     ProxyTeleservice.scope, ProxyTeleservice.exclusions] + ProxyTeleservice.instructions.prefix(2)
        }
        var record: [String: Any] = [
            "reference": identifier(), "procedure": procedure.rawValue, "receivedAt": instant(),
            "insuredName": insured, "concerning": concerning,
            "concernedPerson": ["lastName": last, "givenNames": given], "institution": institution(),
            "subject": "Accusé de réception : \(procedure.french)", "nextSteps": steps,
        ]
        if procedure == .lossDeclaration { record["lossKind"] = pick(["loss", "theft"]) }
        return record
    }

    mutating func proxyConfirmation() -> [String: Any] {
        var holder: [String: Any] = [
            "civility": pick(["M.", "Mme"]), "lastName": name(), "firstName": name(), "birthDate": date(from: 1900, to: 2008),
        ]
        if bool() { holder["usageName"] = name() }
        let (last, given) = (name(), name())
        return [
            "proxyID": identifier(), "insuredName": "\(given) \(last)", "insured": ["lastName": last, "givenNames": given],
            "holder": holder, "createdAt": instant(), "validUntil": date(from: 2020, to: 2036),
            "scope": ProxyTeleservice.scope, "exclusions": ProxyTeleservice.exclusions,
            "instructions": ProxyTeleservice.instructions,
        ]
    }

    // MARK: Values

    /// A name the records accept: 1 to 80 characters; one time in five as long as allowed.
    public mutating func name() -> String {
        let maximum = PersonName.maximumLength
        let length = int(0...4) == 0 ? maximum : int(1...maximum)
        if int(0...9) == 0 {
            // One letter repeated: the widest (W, M, Æ …) make the worst case of a box.
            return String(repeating: pick(Self.wideLetters), count: length)
        }
        // 1 to 3 parts, each at least one letter, joined by one separator.
        let parts = min(int(1...3), (length + 1) / 2)
        var text = ""
        for index in 0..<parts {
            if index > 0 { text.append(pick([" ", "-", "'"])) }
            let remaining = length - text.count - (parts - index - 1) * 2
            let partLength = index == parts - 1 ? remaining : int(1...max(1, remaining / (parts - index)))
            for _ in 0..<partLength { text.append(int(0...3) == 0 ? pick(Self.wideLetters) : pick(Self.letters)) }
        }
        return text
    }

    /// Every shape `Identifier` accepts: the service's `cert-` + 32 hex digits most often, else 1 to 64 characters.
    public mutating func identifier() -> String {
        switch int(0...3) {
        case 0: return "\(pick(["cert", "proc", "pxy", "ord"]))-\(hex(32))"
        case 1: return "\(pick(["cpr", "ord", "pxy"]))-2026-\(int(10...12))-\(int(10...28))-\(int(1000...9999))"
        default:
            // What a record's document id may be (DocumentRecord.checkSealable): 1 to 40 of A-Za-z0-9 and "-";
            // an acknowledgement's id adds "AR-" to its reference.
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")
            let maximum = DocumentRecord.maximumDocumentIDLength - 3
            let length = int(0...2) == 0 ? maximum : int(1...maximum)
            return String((0..<length).map { _ in pick(alphabet) })
        }
    }

    /// A NIR with its key: sex, year, month, department (2A/2B included), commune, order.
    public mutating func nir() -> String {
        let department = pick(["75", "13", "2A", "2B", "99", "971", "01"])
        var body = "\(pick(["1", "2"]))\(String(format: "%02d", int(0...99)))\(String(format: "%02d", int(1...12)))"
        body += department.count == 3 ? department + String(format: "%02d", int(0...99)) : department + String(format: "%03d", int(1...999))
        body += String(format: "%03d", int(1...999))
        return body + String(format: "%02d", NIR.key(forBody: body) ?? 0)
    }

    mutating func cardNumber() -> String { "80250" + (0..<15).map { _ in String(int(0...9)) }.joined() }

    /// An institution drawn as `institution()` draws it, decoded as a record's institution is (same checks).
    public mutating func drawnInstitution() throws -> Institution {
        try JSONDecoder().decode(Institution.self, from: JSONSerialization.data(withJSONObject: institution()))
    }

    /// An institution at or near its limits (acronym 20, name 120, address 200, telephone 30 characters).
    mutating func institution() -> [String: Any] {
        func text(_ maximum: Int) -> String {
            let length = int(0...2) == 0 ? maximum : int(1...maximum)
            var value = ""
            while value.count < length {
                value += value.isEmpty ? "" : " "
                value += String((0..<int(1...12)).map { _ in int(0...3) == 0 ? pick(Self.wideLetters) : pick(Self.letters) })
            }
            return String(value.prefix(length))
        }
        return [
            "id": String(format: "%04d", int(0...9999)), "acronym": text(20), "name": text(120), "address": text(200),
            "phone": String((0..<(int(0...1) == 0 ? 30 : int(1...30))).map { _ in pick(Array("0123456789 ")) }).trimmed(or: "3646"),
        ]
    }

    mutating func date(from first: Int, to last: Int) -> String {
        let year = int(first...last), month = int(1...12)
        let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return String(format: "%04d-%02d-%02d", year, month, int(1...days[month - 1]))
    }

    mutating func instant() -> String {
        String(format: "%@T%02d:%02d:%02d%@", date(from: 2020, to: 2035), int(0...23), int(0...59), int(0...59),
               pick(["Z", "+01:00", "+02:00"]))
    }

    // MARK: Drawing

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func bool() -> Bool { Bool.random(using: &random) }
    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }
    mutating func hex(_ count: Int) -> String { String((0..<count).map { _ in pick(Array("0123456789abcdef")) }) }
}

/// SplitMix64: small, seeded, the same sequence on every machine.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private extension String {
    /// The text without surrounding spaces, or `fallback` when nothing is left.
    func trimmed(or fallback: String) -> String {
        let trimmed = trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? fallback : trimmed
    }
}
