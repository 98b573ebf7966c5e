// SealDateTests: the header's hex day count and the fields' DDMMYYYY, against known days and Foundation's calendar.

import Foundation
import Seal
import Testing

struct SealDateTests {
    @Test(arguments: [
        ("2000-01-01", "0000"), ("2000-01-02", "0001"), ("2000-03-01", "003C"), ("2024-02-29", "2279"),
        ("2026-11-30", "2666"), ("2179-06-05", "FFFE"),
    ])
    func headerHex_ofKnownDays(iso: String, hex: String) throws {
        let date = try SealDate(iso: iso)
        #expect(date.headerHex == hex)
        #expect(try SealDate(headerHex: hex) == date)
    }

    @Test(arguments: ["1999-12-31", "2179-06-06", "1900-01-01", "9999-12-31"])
    func headerHex_isNilOutsideTheHeaderRange(iso: String) throws {
        #expect(try SealDate(iso: iso).headerHex == nil)
    }

    @Test(arguments: ["FFFF", "ffff", "266a", "26G6", "266", "02666", "-001", "    "])
    func headerHex_refusesWhatTheHeaderNeverHolds(text: String) {
        #expect(throws: SealError.invalidDate) { try SealDate(headerHex: text) }
    }

    /// Foundation's Gregorian calendar in UTC is an independent count of days.
    @Test func daysSince2000_agreesWithFoundationsCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let origin = try #require(calendar.date(from: DateComponents(year: 2000, month: 1, day: 1)))
        for days in stride(from: -40_000, through: 80_000, by: 37) {
            let day = try #require(calendar.date(byAdding: .day, value: days, to: origin))
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            let date = try SealDate(daysSince2000: days)
            #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day], "day \(days)")
            #expect(date.daysSince2000 == days)
        }
    }

    @Test func daysSince2000_coversYears1To9999() throws {
        let first = try SealDate(year: 1, month: 1, day: 1)
        let last = try SealDate(year: 9999, month: 12, day: 31)
        #expect(try SealDate(daysSince2000: first.daysSince2000) == first)
        #expect(try SealDate(daysSince2000: last.daysSince2000) == last)
        #expect(throws: SealError.invalidDate) { try SealDate(daysSince2000: first.daysSince2000 - 1) }
        #expect(throws: SealError.invalidDate) { try SealDate(daysSince2000: last.daysSince2000 + 1) }
    }

    @Test(arguments: [(2025, 2, 29), (1900, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 0, 1), (2026, 1, 0), (0, 1, 1), (10000, 1, 1)])
    func init_refusesDaysThatDoNotExist(year: Int, month: Int, day: Int) {
        #expect(throws: SealError.invalidDate) { try SealDate(year: year, month: month, day: day) }
    }

    @Test func init_acceptsLeapDays() throws {
        #expect(try SealDate(year: 2000, month: 2, day: 29).ddmmyyyy == "29022000")
        #expect(try SealDate(year: 2024, month: 2, day: 29).iso == "2024-02-29")
    }

    @Test func ddmmyyyy_roundTrips() throws {
        let date = try SealDate(year: 1984, month: 5, day: 2)
        #expect(date.ddmmyyyy == "02051984")
        #expect(try SealDate(ddmmyyyy: "02051984") == date)
        #expect(try SealDate(year: 7, month: 1, day: 9).ddmmyyyy == "09010007")
    }

    @Test(arguments: ["0205198", "020519840", "31042026", "0205 984", "O2051984", "+2051984", "", "٠٢٠٥١٩٨٤"])
    func ddmmyyyy_refusesMalformedText(text: String) {
        #expect(throws: SealError.invalidDate) { try SealDate(ddmmyyyy: text) }
    }

    @Test func comparison_followsTheCalendar() throws {
        #expect(try SealDate(iso: "2026-01-31") < SealDate(iso: "2026-02-01"))
        #expect(try SealDate(iso: "2025-12-31") < SealDate(iso: "2026-01-01"))
        #expect(try !(SealDate(iso: "2026-01-01") < SealDate(iso: "2026-01-01")))
    }
}
