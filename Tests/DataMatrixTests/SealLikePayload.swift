// SealLikePayload: test payloads shaped like SEAL.md's texts (header, fields, GS/RS/US, base32 signature).

enum SealLikePayload {
    /// A certificate (E1) seal as SEAL.md lays it out: 26-character header, the ten E1 fields (variable ones
    /// ended by GS), US, and a 103-character base32 signature. 279 bytes.
    static let certificate: [UInt8] = {
        let gs = "\u{1D}", us = "\u{1F}"
        let header = "DC04" + "FRAM" + "K1A3" + "2F3A" + "2F3A" + "E1" + "01" + "FR"
        let message = "01" + "CEAM-2026-000004217" + gs + "62" + "DUPONT-MARTIN" + gs + "60" + "JEAN PIERRE MARIE" + gs
            + "69" + "15031987" + "E6" + "185037512345678" + "E7" + "0123456789" + gs + "E8" + "80250000010123456789"
            + "E9" + "31122027" + "EA" + "01122026" + "EB" + "28022027"
        let signature = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPIYTEMZUGU3DOOBZGBQWEY3EMVTGO2DJNJVWY3LOOBYXE43U"
            + "OV3HO6DZPIYTEMZUG"
        return Array((header + message + us + signature).utf8)
    }()

    /// Exactly `count` bytes of certificate seals one after the other (cut where needed), so sizes around the
    /// real one keep the real mix of letters, digits and separators.
    static func bytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count { bytes += certificate }
        return Array(bytes.prefix(count))
    }
}
