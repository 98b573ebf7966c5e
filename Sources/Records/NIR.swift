// NIR: the French social-security number, which only exists with a matching control key.

/// 13 characters (sex, year, month, place of birth, order) and a 2-digit key = 97 − (number mod 97).
/// Corsica's departments 2A and 2B count as 19 and 18, in the department position only (characters 6–7).
public struct NIR: Hashable, Sendable, CustomStringConvertible {
    /// The 15 characters, key included, upper case (`284052A321025` + `52`).
    public let value: String

    public init(_ text: String) throws(RecordError) {
        let compact = text.filter { $0 != " " }.uppercased()
        func refuse(_ why: String) -> RecordError {
            RecordError(field: "", code: .invalidNIR, detail: "Le numéro de sécurité sociale est invalide : \(why)")
        }
        let chars = Array(compact)
        guard chars.count == 15 else {
            throw refuse("il doit comporter 15 caractères (13 chiffres et une clé de 2 chiffres), \(chars.count) reçus.")
        }
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        guard "1278".contains(chars[0]) else { throw refuse("le premier chiffre (sexe) doit être 1 ou 2.") }
        guard chars[1...4].allSatisfy(isDigit) else { throw refuse("l'année et le mois de naissance doivent être des chiffres.") }
        let department = String(chars[5...6])
        guard department == "2A" || department == "2B" || chars[5...6].allSatisfy(isDigit) else {
            throw refuse("le département de naissance doit être 2 chiffres, 2A ou 2B.")
        }
        guard chars[7...14].allSatisfy(isDigit) else { throw refuse("seul le département peut contenir une lettre (2A ou 2B).") }
        let body = String(chars[0...12])
        let key = Int(String(chars[13...14]))!
        guard let expected = NIR.key(forBody: body), expected == key else {
            throw refuse("la clé \(String(chars[13...14])) ne correspond pas aux 13 premiers caractères.")
        }
        self.value = compact
    }

    /// The control key of a 13-character body, or nil when the body is not of the NIR's form.
    public static func key(forBody body: String) -> Int? {
        let chars = Array(body.uppercased())
        guard chars.count == 13 else { return nil }
        // The substitution applies to the department position only: "2A" elsewhere is simply invalid.
        var digits = chars
        switch String(chars[5...6]) {
        case "2A": digits[5] = "1"; digits[6] = "9"
        case "2B": digits[5] = "1"; digits[6] = "8"
        default: break
        }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        // 13 digits fit an Int64 comfortably: no big-number arithmetic needed.
        guard let number = Int(String(digits)) else { return nil }
        return 97 - number % 97
    }

    /// The first 13 characters, without the key.
    public var body: String { String(value.prefix(13)) }
    /// `2 84 05 2A 321 025 52`, the grouping printed on French forms.
    public var grouped: String {
        let c = Array(value)
        return [c[0...0], c[1...2], c[3...4], c[5...6], c[7...9], c[10...12], c[13...14]].map { String($0) }.joined(separator: " ")
    }
    /// Safe to log: only the key is shown (no personal data in logs).
    public var masked: String { String(repeating: "•", count: 13) + String(value.suffix(2)) }
    public var description: String { masked }
}

extension NIR: TextValue {}
