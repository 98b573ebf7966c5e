// LogRedactionTests: text bound for the logs loses NIRs, card numbers, e-mail addresses and tokens.
@testable import HTTPService
@testable import Procedures
@testable import HTTPEdge
@testable import Pages
import Testing

@Suite struct LogRedactionTests {
    @Test func masksPersonalDataInFreeText() {
        let text = "UNIQUE constraint failed for 185037512000696 and 284052A32102552 card 80250017510000000101 "
            + "mail marc.martin@example.org token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxODUwMzc1MTIwMDA2OTYifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ rows 42"
        let redacted = LogRedaction.redact(text)
        for secret in ["185037512000696", "284052A32102552", "80250017510000000101", "marc.martin", "eyJ"] {
            #expect(!redacted.contains(secret), "\(secret) leaked: \(redacted)")
        }
        #expect(redacted.hasPrefix("UNIQUE constraint failed for [number] and [number] card [number] mail [email] token [token] rows 42"))
    }
}

@Suite struct LogRedactionSpellingsTests {
    /// A NIR as people write it: in its printed groups, with dots, dashes, no-break spaces, Corsican 2A/2B.
    @Test(arguments: [
        "1 85 03 14 168 025 38", "1.85.03.14.168.025.38", "1-85-03-14-168-025-38", "1\u{A0}85\u{A0}03\u{A0}14\u{A0}168\u{A0}025\u{A0}38",
        "1\u{202F}85\u{202F}03 14 168 025\u{202F}38", "2 84 05 2A 321 025 52", "284052A32102552", "1 85 03 75 120 006",
        "１８５０３７５１２０００６９６", "185 037 512 000 696",
    ])
    func masksANIRInAnySpelling(_ nir: String) {
        let redacted = LogRedaction.redact("insert failed (nir=\(nir)) rows 42")
        #expect(redacted == "insert failed (nir=[number]) rows 42", "\(redacted)")
    }

    /// What is not a long number stays readable: dates, times, counts, short references.
    @Test func leavesShortNumbersAlone() {
        for text in ["2026-03-14 10:00:00 attempt 3 of 8", "order CPR-2026-000123 line 12", "dpi 300, 72 to 600", "v1.2.3 build 42"] {
            #expect(LogRedaction.redact(text) == text)
        }
    }
}
