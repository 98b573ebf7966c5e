// RFC 5322 dates in French civil time: no locale and no clock, only the instant given.
import Foundation
import Records

enum MailDate {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// e.g. `Mon, 30 Nov 2026 03:51:53 +0100` (Europe/Paris: +0100 in winter, +0200 in summer), with the project's
    /// one calendar (`CivilDate`) and Paris time zone.
    static func rfc5322(_ date: Date) -> String {
        let utcSeconds = Int(date.timeIntervalSince1970.rounded(.down))
        let offsetHours = CivilDate.parisTimeZone.secondsFromGMT(for: date) / 3600
        let local = utcSeconds + offsetHours * 3600
        let days = local.floorDivided(by: 86_400), secondOfDay = local - days * 86_400
        let (year, month, day) = CivilDate.civil(daysSince1970: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[(days % 7 + 7) % 7]), \(two(day)) \(months[month - 1]) \(year) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) +0\(offsetHours)00"
    }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        (self - (self < 0 ? divisor - 1 : 0)) / divisor
    }
}
