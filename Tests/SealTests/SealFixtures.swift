// SealFixtures: the test key, sample seal values for every document type, and the Examples folder's names.

import Foundation
import Seal
import Testing

enum SealFixtures {
    /// A P-256 key made with `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256` for these tests only.
    static let testKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgEZ/baoaWjZA9KuK4
        FYrQZXAWT68dKprO2G5j/zKm9k6hRANCAAT97ktzLx49jjJJtq7Is8dhbt4irRW1
        bebaZNC0C6M3iNeJrGWBkhXESoD0sRLJaxa0S5/IBkwFs7lsT3WX9x6q
        -----END PRIVATE KEY-----
        """

    static func signer(certificateID: String = "K001", authority: String = "AM") throws -> SealSigner {
        try SealSigner(privateKeyPEM: testKeyPEM, certificateID: certificateID, authority: authority)
    }

    static func date(_ iso: String) throws -> SealDate { try SealDate(iso: iso) }

    /// Typical values for every field of `type`.
    static func fields(_ type: SealDocumentType) -> [SealField: String] {
        let all: [SealField: String] = [
            .documentID: "CRT-2026-11-30-0001", .lastName: "DUPONT", .givenNames: "EVA MARIE", .birthDate: "02051984",
            .personalNumber: "284058832102532", .institutionNumber: "0175", .cardNumber: "80250017510000027182",
            .cardExpiry: "28022028", .validFrom: "30112026", .validUntil: "28022027",
            .procedure: "PROXY REVOCATION", .receivedAt: "301120260915", .holderLastName: "MARTIN",
            .holderFirstName: "CLAIRE",
        ]
        return all.filter { type.fields.contains($0.key) }
    }

    /// The longest values every field of `type` accepts (variable fields exactly at their maximum).
    static func fullFields(_ type: SealDocumentType) -> [SealField: String] {
        var fields = fields(type)
        for field in type.fields where !field.isFixedLength && field.isCutWhenLong {
            fields[field] = String(repeating: "W", count: field.maxLength)
        }
        if fields[.documentID] != nil { fields[.documentID] = String(repeating: "9", count: 40) }
        if fields[.institutionNumber] != nil { fields[.institutionNumber] = "0123456789" }
        return fields
    }

    static func seal(_ type: SealDocumentType, fields: [SealField: String]? = nil, authority: String = "AM",
                     certificateID: String = "K001", signatureDate: SealDate? = nil) throws -> UnsignedSeal {
        try UnsignedSeal(authority: authority, certificateID: certificateID, issueDate: signatureDate ?? date("2026-11-30"),
                         signatureDate: signatureDate ?? date("2026-12-01"), type: type, fields: fields ?? self.fields(type))
    }

    /// The bytes of a seal text, for mutating.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Every string value of a key containing "name" (any case) in /work/main/Examples/*.json.
    static func exampleNames(filePath: String = #filePath) throws -> [String] {
        // Resolve symlinks first: a scratch package may link Tests/SealTests from elsewhere.
        let folder = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("../../Examples").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        #expect(!files.isEmpty, "no example in \(folder.path)")
        var names: [String] = []
        for file in files {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
            collectNames(json, into: &names)
        }
        return names
    }

    private static func collectNames(_ json: Any, into names: inout [String]) {
        if let object = json as? [String: Any] {
            for key in object.keys.sorted() {
                let value = object[key]!
                if key.lowercased().contains("name"), let text = value as? String { names.append(text) }
                collectNames(value, into: &names)
            }
        } else if let array = json as? [Any] {
            for element in array { collectNames(element, into: &names) }
        }
    }
}
