// NIR: the key computation (DOMAIN.md's worked examples) and refusals of malformed numbers.
import Foundation
import Testing
@testable import Records

struct NIRTests {
    /// DOMAIN.md "People and cards": every worked example, Corsica included.
    @Test(arguments: [
        ("2550814168025", 38), ("2940375120005", 91), ("1531245007231", 60), ("2840588321025", 32),
        ("284052A321025", 52), ("284052B321025", 79), ("2951099126111", 93),
    ])
    func keyOfDomainExamples(body: String, key: Int) throws {
        #expect(NIR.key(forBody: body) == key)
        let nir = try NIR(body + String(format: "%02d", key))
        #expect(nir.body == body)
    }

    @Test func corsicaCountsOnlyInTheDepartmentPosition() {
        // 2A/2B elsewhere than characters 6–7 is not a NIR.
        #expect(NIR.key(forBody: "2A40588321025") == nil)
        #expect(NIR.key(forBody: "28405883210A5") == nil)
        #expect(throws: RecordError.self) { try NIR("2A405883210253") }
    }

    @Test(arguments: ["255081416802537", "255081416802539", "284052A32102579", "284052B32102552"])
    func wrongKeyIsRefused(text: String) {
        #expect {
            try NIR(text)
        } throws: { error in
            let error = error as! RecordError
            return error.code == .invalidNIR && error.detail.contains("clé")
        }
    }

    @Test(arguments: ["", "25508141680253", "2550814168025381", "355081416802538", "25508X4168025..", "2550814168025AB"])
    func malformedIsRefused(text: String) {
        #expect(throws: RecordError.self) { try NIR(text) }
    }

    @Test func spacesAndLowerCaseAreAccepted() throws {
        let nir = try NIR("2 84 05 2a 321 025 52")
        #expect(nir.value == "284052A32102552")
        #expect(nir.grouped == "2 84 05 2A 321 025 52")
    }

    @Test func maskedShowsOnlyTheKey() throws {
        let nir = try NIR("255081416802538")
        #expect(nir.masked == "•••••••••••••38")
        #expect(!"\(nir)".contains("2550814"))
    }
}
