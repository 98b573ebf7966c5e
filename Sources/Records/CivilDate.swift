// CivilDate: a calendar day with no time and no zone, and the calendar arithmetic DOMAIN.md asks for.
public import Foundation

/// A day of the proleptic Gregorian calendar, as people in Paris name it.
/// Arithmetic in months clamps to the month's end (31 January + 1 month = 28/29 February), as DOMAIN.md says.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The zone in which every date of the teleservices is a date (DOMAIN.md: "Europe/Paris").
    public static let parisTimeZone: TimeZone = TimeZone(identifier: "Europe/Paris")!

    public init(year: Int, month: Int, day: Int) throws(RecordError) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else {
            throw RecordError(field: "", detail: "La date \(String(format: "%02d/%02d/%04d", day, month, year)) n'existe pas.")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (the API's format) strictly: no time, no zone, no missing zeros.
    public init(iso text: String) throws(RecordError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3,
              parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            throw RecordError(field: "", detail: "La date doit être écrite AAAA-MM-JJ (par exemple 2026-03-14).")
        }
        try self.init(year: y, month: m, day: d)
    }

    /// The day an instant falls on in Paris. The only bridge from a clock to the rules; it reads no clock itself.
    public init(_ instant: Date, in timeZone: TimeZone = CivilDate.parisTimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    /// `YYYY-MM-DD`.
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    /// `DD/MM/YYYY`, as French documents and the EU forms write dates.
    public var french: String { String(format: "%02d/%02d/%04d", day, month, year) }
    public var description: String { iso }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Calendar months later (or earlier), clamped to the end of the target month.
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let y = index / 12, m = index % 12 + 1
        return CivilDate(unchecked: y, m, min(day, CivilDate.daysIn(month: m, year: y)))
    }

    /// Years later, clamped like months: 29 February + 1 year = 28 February.
    public func adding(years: Int) -> CivilDate { adding(months: 12 * years) }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// Days since 1970-01-01, so that day arithmetic needs no Calendar.
    var dayNumber: Int { CivilDate.daysSince1970(year: year, month: month, day: day) }

    init(dayNumber: Int) {
        let (year, month, day) = CivilDate.civil(daysSince1970: dayNumber)
        self.init(unchecked: year, month, day)
    }

    /// Howard Hinnant's days_from_civil: the days from 1970-01-01 to a day of the proleptic Gregorian calendar
    /// (negative before it). The project's one day count: the seal's header dates and the PDF's dates use it too.
    public static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Howard Hinnant's civil_from_days, the inverse of `daysSince1970(year:month:day:)`.
    public static func civil(daysSince1970 z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}

extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try decoder.validated { () throws(RecordError) in try CivilDate(iso: text) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
