// LogRedactionTests: text bound for the logs loses NIRs, card numbers, e-mail addresses and tokens.
@testable import HTTPService
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
