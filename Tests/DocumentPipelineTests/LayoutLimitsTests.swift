// LayoutLimitsTests: each document at the worst case its record admits (Templates/README.md, "Limits"): names
// of 80 of the widest letters in the shapes that waste most of a line, institutions at their length limits, the
// longest ids; every one renders on one page, sealed, in both formats.
import DisplayList
import DocumentPipeline
import Documents
import Foundation
import RecordSampler
import Records
import Seal
import Testing
import TeleserviceRules
import Typography

struct LayoutLimitsTests {
    /// The repertoire's letters, widest first, in the bold face that values are set in.
    static let widest: [Character] = {
        guard let pipeline = try? Fixtures.pipeline.get(), let bold = try? pipeline.fonts.face(FontID("sans-bold")) else { return ["W"] }
        return RecordSampler.letters.sorted { bold.advance(of: String($0), size: 10) > bold.advance(of: String($1), size: 10) }
    }()

    /// Names of the maximum length that fill lines worst: one word, two and three words whose widths leave a line
    /// half empty when they wrap, and a word just too long for one line followed by short ones.
    static func worstNames(_ letter: Character) -> [String] {
        let max = PersonName.maximumLength
        func word(_ count: Int) -> String { String(repeating: letter, count: count) }
        // The tallest names are not the longest: a name just too long for N - 1 lines at full size takes N lines
        // of the full leading. Every length from 8 to 80 (two words, and one) finds each field's tallest case.
        let sweep = stride(from: 8, through: max, by: 3).flatMap { length in
            [word(length), word(length / 2) + " " + word(length - length / 2 - 1)]
        }
        return [
            word(max),
            word(39) + " " + word(40),
            word(26) + "-" + word(26) + " " + word(26),
            word(26) + " " + word(26) + " " + word(26),
            word(20) + " " + word(59),
            word(59) + "'" + word(20),
        ] + sweep
    }

    static func institution(_ letter: Character) -> [String: Any] {
        func text(_ count: Int) -> String {
            // Words of 12 letters: the width of the text without words so long that they break anywhere.
            String((0..<count).map { $0 % 13 == 12 ? " " : letter })
        }
        return ["id": "9999", "acronym": text(20), "name": text(120), "address": text(200),
                "phone": String(repeating: "0", count: 30)]
    }

    static let longestID = String(repeating: "W", count: DocumentRecord.maximumDocumentIDLength - 3)

    /// Worst-case records of `kind`: each name shape with each of the three widest letters (and "M").
    static func records(_ kind: DocumentKind) throws -> [(DocumentRecord, String)] {
        var result: [(DocumentRecord, String)] = []
        for letter in Array(widest.prefix(2)) + ["M", "i"] {
            let names = worstNames(letter)
            for (index, name) in names.enumerated() {
                // Each field also meets the others' other shapes: a field at its tallest beside one at its widest.
                let other = names[(index + 7) % names.count], third = names[(index + 19) % names.count]
                let json: [String: Any]
                switch kind {
                case .certificate:
                    json = ["id": "CERT-" + longestID.dropFirst(5), "issuingState": "FR", "lastName": name, "givenNames": other,
                            "birthDate": "1955-08-14", "personalNumber": "284052A32102552", "institution": institution(letter),
                            "cardNumber": "80250017510000012345", "cardExpiryDate": "2027-01-10",
                            "validFrom": "2026-03-14", "validUntil": "2026-06-14", "issuedOn": "2026-03-14"]
                case .card:
                    json = ["issuingState": "FR", "lastName": name, "givenNames": name, "birthDate": "1955-08-14",
                            "personalNumber": "284052A32102552", "institution": institution(letter),
                            "cardNumber": "80250017510000012345", "expiryDate": "2027-01-10", "issueDate": "2025-01-10"]
                case .acknowledgement:
                    json = ["reference": String(longestID), "procedure": "proxy", "receivedAt": "2026-03-14T10:42:07+01:00",
                            "insuredName": "\(other) \(third)", "concerning": "Mme \(name) (\(other)) \(third)",
                            "concernedPerson": ["lastName": name, "givenNames": name], "institution": institution(letter),
                            "subject": "Accusé de réception : \(ProcedureKind.proxyRevocation.french)",
                            "nextSteps": ["Votre procuration est opérationnelle dès maintenant et valable jusqu'au 02/07/2026 inclus.",
                                          ProxyTeleservice.scope, ProxyTeleservice.exclusions] + ProxyTeleservice.instructions.prefix(2)]
                case .proxyConfirmation:
                    json = ["proxyID": longestID + "WWW", "insuredName": "\(other) \(third)",
                            "insured": ["lastName": name, "givenNames": name],
                            "holder": ["civility": "Mme", "lastName": name, "usageName": other, "firstName": third, "birthDate": "1978-10-21"],
                            "createdAt": "2026-06-02T16:05:00+02:00", "validUntil": "2026-07-02",
                            "scope": ProxyTeleservice.scope, "exclusions": ProxyTeleservice.exclusions,
                            "instructions": ProxyTeleservice.instructions]
                }
                let record = try DocumentRecord.decode(kind, from: JSONSerialization.data(withJSONObject: json))
                let id = kind == .card ? "CC-80250017510000012345-FFFFFFFF" : record.ownDocumentID
                result.append((record, id))
            }
        }
        return result
    }

    @Test(arguments: DocumentKind.allCases)
    func theWorstCaseRecordsRenderOnOnePage(kind: DocumentKind) throws {
        let pipeline = try Fixtures.pipeline.get()
        let signer = try SealSigner(privateKeyPEM: SealSigner.generatePrivateKeyPEM(), certificateID: "WWWW", authority: "WW")
        var failures: [String] = []
        for (record, id) in try Self.records(kind) {
            let seal = try Fixtures.seal(record, id: id, signer: signer)
            do {
                _ = try Fixtures.checkedPage(record, seal: seal, failures: &failures)
                _ = try pipeline.render(record, seal: seal, format: .pdf)
                _ = try pipeline.render(record, seal: seal, format: .png, dpi: 36)
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) worst cases of \(kind.rawValue) failed:\n\(Set(failures).sorted().prefix(8).joined(separator: "\n"))")
    }
}

struct VerificationAddressTests {
    /// Printed under every seal: an address too long for two caption lines is refused when the pipeline starts, never
    /// at some document's render.
    @Test func aVerificationAddressTooLongForTheCaptionStopsTheStart() throws {
        let long = "https://" + String(repeating: "verification.", count: 12) + "example.org/v1/verifications"
        #expect(throws: DocumentPipelineError.self) {
            try DocumentPipeline(resources: ResourceLocator(root: Fixtures.repository.path), verificationAddress: long)
        }
        _ = try DocumentPipeline(resources: ResourceLocator(root: Fixtures.repository.path),
                                 verificationAddress: "https://www.ameli.fr/verifier")
    }
}
