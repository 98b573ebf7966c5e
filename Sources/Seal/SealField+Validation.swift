// SealField+Validation: the one check of a field value, shared by UnsignedSeal's initialiser and the parser.

extension SealField {
    /// Checks a value that is already cut to `maxLength` (the caller cuts cuttable fields first).
    ///
    /// Works on bytes: the repertoire is ASCII, and the parser hands slices of the seal text without copying.
    func validate(_ value: ArraySlice<UInt8>) throws(SealError) {
        guard value.allSatisfy(SealRepertoire.contains) else {
            throw .invalidValue(self, rule: "only A-Z 0-9 space - ' . / are allowed")
        }
        if isFixedLength {
            guard value.count == maxLength else { throw .invalidValue(self, rule: "must be exactly \(maxLength) characters") }
        } else {
            guard value.count <= maxLength else { throw .invalidValue(self, rule: "must be at most \(maxLength) characters") }
            guard allowsEmpty || !value.isEmpty else { throw .invalidValue(self, rule: "must not be empty") }
        }
        switch self {
        case .documentID, .lastName, .givenNames, .holderLastName, .holderFirstName:
            return
        case .birthDate, .cardExpiry, .validFrom, .validUntil:
            guard SealDate.parse(ddmmyyyy: value) != nil else { throw .invalidValue(self, rule: "must be a real day, DDMMYYYY") }
        case .receivedAt:
            guard SealDate.parse(ddmmyyyy: value.prefix(8)) != nil, let hour = SealRepertoire.number(value.dropFirst(8).prefix(2)),
                  let minute = SealRepertoire.number(value.suffix(2)), hour < 24, minute < 60 else {
                throw .invalidValue(self, rule: "must be a real day and time, DDMMYYYYHHMM")
            }
        case .institutionNumber, .cardNumber:
            guard value.allSatisfy(SealRepertoire.isDigit) else { throw .invalidValue(self, rule: "must be digits only") }
        case .personalNumber:
            // SEAL.md says "digits only", but a NIR born in Corsica is written 2A/2B in the department position
            // (characters 6-7), as the card prints it: accept exactly that, nothing else.
            let department = Array(value.dropFirst(5).prefix(2))
            let corsica = department == Array("2A".utf8) || department == Array("2B".utf8)
            let digitsOnly = value.enumerated().allSatisfy { index, byte in
                SealRepertoire.isDigit(byte) || (corsica && (index == 5 || index == 6))
            }
            guard digitsOnly else { throw .invalidValue(self, rule: "must be 15 digits (2A or 2B allowed as the department)") }
        case .procedure:
            guard SealProcedure(rawValue: String(decoding: value, as: UTF8.self)) != nil else {
                throw .invalidValue(self, rule: "must be one of " + SealProcedure.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
    }
}
