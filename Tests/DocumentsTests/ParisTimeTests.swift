// ParisTimeTests: instants become Paris dates and times, across the daylight-saving changes.
import Documents
import Foundation
import Records
import Testing

struct ParisTimeTests {
    func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test(arguments: [
        ("2026-03-29T00:59:59Z", "29/03/2026", "01 h 59", 60),   // last second of winter time
        ("2026-03-29T01:00:00Z", "29/03/2026", "03 h 00", 120),  // 02:00 never happens in Paris that day
        ("2026-10-25T00:59:59Z", "25/10/2026", "02 h 59", 120),
        ("2026-10-25T01:00:00Z", "25/10/2026", "02 h 00", 60),   // 02:00–02:59 happens twice
        ("2026-12-31T23:30:00Z", "01/01/2027", "00 h 30", 60),   // a new year in Paris, not yet in London
    ])
    func showsParisWallClock(utc: String, date: String, time: String, offset: Int) {
        let moment = instant(utc)
        #expect(ParisTime.date(moment) == date)
        #expect(ParisTime.time(moment) == time)
        #expect(ParisTime.offsetMinutes(at: moment) == offset)
    }

    @Test func startOfDayIsParisMidnight() throws {
        #expect(ParisTime.startOfDay(try CivilDate(year: 2026, month: 7, day: 3)) == instant("2026-07-02T22:00:00Z"))
        #expect(ParisTime.startOfDay(try CivilDate(year: 2026, month: 1, day: 3)) == instant("2026-01-02T23:00:00Z"))
    }
}
