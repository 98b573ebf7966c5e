// CivilDate: parsing, month-end clamping and the Paris day of an instant.
import Foundation
import Testing
@testable import Records

struct CivilDateTests {
    private func d(_ s: String) throws -> CivilDate { try CivilDate(iso: s) }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2026-03-31", -1, "2026-02-28"),
        ("2026-08-31", 1, "2026-09-30"), ("2026-12-15", 1, "2027-01-15"), ("2027-01-10", -2, "2026-11-10"),
        ("2026-11-24", 3, "2027-02-24"), ("2026-11-30", 3, "2027-02-28"),
    ])
    func addingMonthsClampsToMonthEnd(start: String, months: Int, expected: String) throws {
        #expect(try d(start).adding(months: months) == d(expected))
    }

    @Test func leapDayPlusYearsClampsToFebruary28() throws {
        #expect(try d("2008-02-29").adding(years: 18) == d("2026-02-28"))
        #expect(try d("2008-02-29").adding(years: 16) == d("2024-02-29"))
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "26-01-01", "2026-1-01", "2026-01-01T00:00", "", "２０２６-01-01"])
    func invalidDatesAreRefused(text: String) {
        #expect(throws: RecordError.self) { try CivilDate(iso: text) }
    }

    @Test func dayArithmeticRoundTrips() throws {
        let start = try d("1999-12-31")
        #expect(start.adding(days: 1) == (try d("2000-01-01")))
        #expect(start.adding(days: 366) == (try d("2000-12-31")))
        #expect(start.days(until: try d("2026-11-24")) == 9825)
    }

    @Test func parisDayOfAnInstant() throws {
        // 23:30 UTC on 31 December is already New Year's Day in Paris (UTC+1 in winter).
        let instant = ISO8601DateFormatter().date(from: "2026-12-31T23:30:00Z")!
        #expect(CivilDate(instant) == (try d("2027-01-01")))
        // 22:30 UTC on 30 June is 00:30 on 1 July in Paris (UTC+2 in summer).
        let summer = ISO8601DateFormatter().date(from: "2026-06-30T22:30:00Z")!
        #expect(CivilDate(summer) == (try d("2026-07-01")))
    }

    @Test func formats() throws {
        #expect(try d("2026-03-04").french == "04/03/2026")
        #expect(try d("2026-03-04").iso == "2026-03-04")
    }
}
