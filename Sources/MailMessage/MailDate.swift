// RFC 5322 dates in French civil time, computed by hand so that no locale, tz database or clock is involved.
import Foundation

enum MailDate {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// e.g. `Mon, 30 Nov 2026 03:51:53 +0100` (Europe/Paris: +0100 in winter, +0200 in summer).
    static func rfc5322(_ date: Date) -> String {
        let utcSeconds = Int(date.timeIntervalSince1970.rounded(.down))
        let offsetHours = isParisSummerTime(utcSeconds) ? 2 : 1
        let local = utcSeconds + offsetHours * 3600
        let days = local.floorDivided(by: 86_400), secondOfDay = local - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[(days % 7 + 7) % 7]), \(two(day)) \(months[month - 1]) \(year) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) +0\(offsetHours)00"
    }

    /// EU rule since 1996: summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC.
    private static func isParisSummerTime(_ utcSeconds: Int) -> Bool {
        let year = civil(fromDays: utcSeconds.floorDivided(by: 86_400)).year
        func lastSundayOneAM(month: Int) -> Int {
            let lastDay = days(fromYear: year, month: month, day: 31)
            let sunday = lastDay - ((lastDay % 7 + 7) % 7 + 4) % 7  // weekday index 0 = Thursday, 3 = Sunday
            return sunday * 86_400 + 3600
        }
        return utcSeconds >= lastSundayOneAM(month: 3) && utcSeconds < lastSundayOneAM(month: 10)
    }

    // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar, day 0 = 1970-01-01).
    private static func days(fromYear year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400), yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468, era = z.floorDivided(by: 146_097), dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * mp + 2) / 5 + 1)
    }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        (self - (self < 0 ? divisor - 1 : 0)) / divisor
    }
}
