// SealProfile: which edition of SEAL.md a seal text follows; new seals are v2, printed v1 papers still read.

/// SEAL.md's profiles. They differ in our own fields only: v1 wrote the NIR, the institution and the card number
/// as `E6`, `E7`, `E8` (ids ANTS's perimeter-01 table gives to driving-licence data) and our fixed-length fields
/// without `<GS>`; v2 writes them as `EG`, `EH`, `EI`, and ends each of our fields with `<GS>` unless it is the
/// message's last, so that a 2D-Doc reader that does not know our ids can still tell where each ends.
public enum SealProfile: String, Sendable, Hashable, CaseIterable, Codable {
    case v1
    case v2

    /// The profile of every seal made now.
    public static let current = SealProfile.v2
}

extension SealField {
    /// The field's id in `profile`'s message.
    public func id(in profile: SealProfile) -> String {
        switch (self, profile) {
        case (.personalNumber, .v1): "E6"
        case (.institutionNumber, .v1): "E7"
        case (.cardNumber, .v1): "E8"
        default: rawValue
        }
    }

    /// True for the ids ANTS defines (perimeter 01), whose separator rules are ANTS's: `01`, `60`, `62`, `69`.
    /// Every other field is ours.
    public var isANTSField: Bool {
        switch self {
        case .documentID, .lastName, .givenNames, .birthDate: true
        case .personalNumber, .institutionNumber, .cardNumber, .cardExpiry, .validFrom, .validUntil, .procedure,
             .receivedAt, .holderLastName, .holderFirstName: false
        }
    }

    /// Whether the field's value is followed by `<GS>` in `profile` when it is not the last field and was not cut
    /// (a cut value ends with `<RS>` instead). ANTS's rule for its own ids, and v1's for ours: a variable-length
    /// value shorter than its maximum. v2, for ours: always.
    func endsWithSeparator(_ valueLength: Int, in profile: SealProfile) -> Bool {
        if profile == .v2, !isANTSField { return true }
        return !isFixedLength && valueLength < maxLength
    }
}
