// SealDate: a Gregorian day as the seal writes it, in the header (hex days since 2000) and in fields (DDMMYYYY).
public import Foundation
import Records

/// A real Gregorian day between 0001-01-01 and 9999-12-31, with the seal's two encodings.
///
/// The seal has no time zone: callers pass the Paris day (SEAL.md), this type only counts days.
public struct SealDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The day, or `SealError.invalidDate` when it does not exist (31 April, 29 February 2025, year 0 or 10000).
    public init(year: Int, month: Int, day: Int) throws(SealError) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { throw .invalidDate }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `days` after 2000-01-01 (negative: before it).
    public init(daysSince2000 days: Int) throws(SealError) {
        guard days >= SealDate.firstDay, days <= SealDate.lastDay else { throw .invalidDate }
        let (year, month, day) = CivilDate.civil(daysSince1970: days + SealDate.daysFrom1970To2000)
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `DDMMYYYY`, the field encoding (8 digits, a real day).
    public init(ddmmyyyy text: String) throws(SealError) {
        guard let date = SealDate.parse(ddmmyyyy: Array(text.utf8)[...]) else { throw .invalidDate }
        self = date
    }

    /// Reads `YYYY-MM-DD` (the register's and the examples' form).
    public init(iso text: String) throws(SealError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = SealRepertoire.number(bytes[0..<4]), let month = SealRepertoire.number(bytes[5..<7]),
              let day = SealRepertoire.number(bytes[8..<10]) else { throw .invalidDate }
        try self.init(year: year, month: month, day: day)
    }

    /// Reads the header's 4 upper-case hex digits (days since 2000-01-01).
    public init(headerHex text: String) throws(SealError) {
        guard let date = SealDate.parse(headerHex: Array(text.utf8)[...]) else { throw .invalidDate }
        self = date
    }

    /// Days since 2000-01-01, the header's count (negative before it).
    public var daysSince2000: Int {
        CivilDate.daysSince1970(year: year, month: month, day: day) - SealDate.daysFrom1970To2000
    }

    /// The header encoding: 4 upper-case hex digits of `daysSince2000`, or nil outside 2000-01-01 … 2179-06-05.
    ///
    /// `FFFF` (2179-06-06) is left out: 2D-Doc readers take it as "no date".
    public var headerHex: String? {
        let days = daysSince2000
        guard SealDate.headerDays.contains(days) else { return nil }
        let hex = String(days, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// The field encoding, `DDMMYYYY`.
    public var ddmmyyyy: String {
        SealRepertoire.padded(day, width: 2) + SealRepertoire.padded(month, width: 2) + SealRepertoire.padded(year, width: 4)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        SealRepertoire.padded(year, width: 4) + "-" + SealRepertoire.padded(month, width: 2) + "-"
            + SealRepertoire.padded(day, width: 2)
    }

    public var description: String { iso }

    /// Midnight UTC at the start of the day (what a certificate's validity period is compared with).
    public var startOfDay: Date { Date(timeIntervalSince1970: 946_684_800 + Double(daysSince2000) * 86_400) }

    /// `DD/MM/YYYY`, as French documents write a day.
    public var french: String { String(format: "%02d/%02d/%04d", day, month, year) }

    public static func < (lhs: SealDate, rhs: SealDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension SealDate {
    /// The days a header can carry: 0000 … FFFE.
    static let headerDays = 0...0xFFFE
    /// 0001-01-01 and 9999-12-31 as days since 2000 (computed once from the same formula).
    static let firstDay = -730_119
    static let lastDay = 2_921_939

    /// 2000-01-01, the header's day 0, counted from 1970-01-01.
    static let daysFrom1970To2000 = 10_957

    /// `DDMMYYYY` from 8 bytes, or nil: the parser's path, without building a String.
    static func parse(ddmmyyyy bytes: ArraySlice<UInt8>) -> SealDate? {
        guard bytes.count == 8, let day = SealRepertoire.number(bytes.prefix(2)),
              let month = SealRepertoire.number(bytes.dropFirst(2).prefix(2)),
              let year = SealRepertoire.number(bytes.suffix(4)) else { return nil }
        return try? SealDate(year: year, month: month, day: day)
    }

    /// 4 upper-case hex digits (lower case is refused: one text per seal), or nil.
    static func parse(headerHex bytes: ArraySlice<UInt8>) -> SealDate? {
        guard bytes.count == 4 else { return nil }
        var days = 0
        for byte in bytes {
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            days = days * 16 + digit
        }
        guard headerDays.contains(days) else { return nil }
        return try? SealDate(daysSince2000: days)
    }
}
