// ParisTime: instants shown as French documents show them, in Europe/Paris time, computed from the instant only.
public import Foundation
public import Records

/// Pure conversions between instants and Paris wall-clock values. Reads no clock: the instant is always given.
public enum ParisTime {
    /// A Gregorian calendar in Europe/Paris, built once (building calendars per render would cost more than the
    /// rest of the binding).
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CivilDate.parisTimeZone
        return calendar
    }()

    /// `14/03/2026`.
    public static func date(_ instant: Date) -> String { CivilDate(instant, in: CivilDate.parisTimeZone).french }

    /// `10 h 42`, the French way of writing a time of day.
    public static func time(_ instant: Date) -> String {
        let (hour, minute) = hourAndMinute(instant)
        return String(format: "%02d h %02d", hour, minute)
    }

    /// The hour (0–23) and minute of `instant` on a Paris clock.
    public static func hourAndMinute(_ instant: Date) -> (hour: Int, minute: Int) {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return (parts.hour ?? 0, parts.minute ?? 0)
    }

    /// Offset of Paris time from UTC at `instant`, in minutes (+60 in winter, +120 in summer).
    public static func offsetMinutes(at instant: Date) -> Int {
        CivilDate.parisTimeZone.secondsFromGMT(for: instant) / 60
    }

    /// Midnight in Paris at the start of `day`: the creation instant of documents dated by a day only.
    public static func startOfDay(_ day: CivilDate) -> Date {
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: 0, minute: 0, second: 0)
        // Midnight exists in Paris every day (DST changes happen at 02:00 and 03:00), so this cannot fail.
        return calendar.date(from: components)!
    }
}
