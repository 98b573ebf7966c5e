// CardSerial: the serial numbers the stores allocate for the cards of new orders.
public import Records

public enum CardSerial {
    /// Stores start here, leaving the serials below to cards imported from before AmeliDocs (and to the demo).
    public static let firstValue = 1_000_000

    /// The reserved number of a card produced for `institution`: `80250`, the institution's 5 digits (its
    /// 4-digit number followed by 1, as in API.md's example `80250 01751 0000012345`), the serial.
    public static func cardNumber(institution: Institution, serial: Int) throws(RecordError) -> CardNumber {
        try CardNumber(institutionDigits: institution.id + "1", serial: serial)
    }
}
