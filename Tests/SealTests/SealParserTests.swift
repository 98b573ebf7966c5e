// SealParserTests: the strict parser refuses every text that is not exactly a seal, and survives random input.

import Foundation
import Seal
import EngineTestSupport
import Testing

struct SealParserTests {
    static let signature = String(repeating: "A", count: 103)
    static let header = "DC04FRAMK00126662667"
    static let ack = "01CRT-1\u{1D}62DUPONT\u{1D}60EVA\u{1D}ECLOSS\u{1D}ED301120260915"

    /// The hand-written text the malformed rows start from parses, so each row fails for its own reason.
    @Test func parse_readsTheHandWrittenBase() throws {
        let seal = try SignedSeal.parse(Self.header + "E201FR" + Self.ack + "\u{1F}" + Self.signature)
        #expect(seal.unsigned.fieldsByID() == ["01": "CRT-1", "62": "DUPONT", "60": "EVA", "EC": "LOSS", "ED": "301120260915"])
        #expect(seal.signature == [UInt8](repeating: 0, count: 64))
    }

    @Test(arguments: [
        ("empty", "no <US>", ""),
        ("no signature", "no <US>", Self.header + "E201FR" + Self.ack),
        ("short signature", "103 base32", Self.header + "E201FR" + Self.ack + "\u{1F}" + String(repeating: "A", count: 102)),
        ("long signature", "103 base32", Self.header + "E201FR" + Self.ack + "\u{1F}" + String(repeating: "A", count: 104)),
        ("lower-case signature", "upper-case alphabet", Self.header + "E201FR" + Self.ack + "\u{1F}" + String(repeating: "a", count: 103)),
        ("leftover bits", "unused bits", Self.header + "E201FR" + Self.ack + "\u{1F}" + String(repeating: "A", count: 102) + "B"),
        ("two <US>", "103 base32", Self.header + "E201FR" + Self.ack + "\u{1F}\u{1F}" + Self.signature),
        ("marker", "DC04", "DC03FRAMK00126662667E201FR" + Self.ack + "\u{1F}" + Self.signature),
        ("authority", "the authority", "DC04FRamK00126662667E201FR" + Self.ack + "\u{1F}" + Self.signature),
        ("country of authority", "authority id FR", "DC04BEAMK00126662667E201FR" + Self.ack + "\u{1F}" + Self.signature),
        ("certificate id", "certificate id", "DC04FRAMK0-126662667E201FR" + Self.ack + "\u{1F}" + Self.signature),
        ("lower-case hex", "signature date", "DC04FRAMK0012666266aE201FR" + Self.ack + "\u{1F}" + Self.signature),
        ("FFFF date", "issue date", "DC04FRAMK001FFFF2667E201FR" + Self.ack + "\u{1F}" + Self.signature),
        ("type", "document type", Self.header + "E501FR" + Self.ack + "\u{1F}" + Self.signature),
        ("perimeter", "perimeter", Self.header + "E202FR" + Self.ack + "\u{1F}" + Self.signature),
        ("country", "the country FR", Self.header + "E201BE" + Self.ack + "\u{1F}" + Self.signature),
        ("header only", "expected field 01", Self.header + "E201FR" + "\u{1F}" + Self.signature),
        ("short header", "header is 26", "DC04FRAMK001" + "\u{1F}" + Self.signature),
        ("field order", "expected field 01", Self.header + "E201FR" + "62DUPONT\u{1D}01CRT-1\u{1D}60EVA\u{1D}ECLOSS\u{1D}ED301120260915\u{1F}" + Self.signature),
        ("missing field", "expected field 60", Self.header + "E201FR" + "01CRT-1\u{1D}62DUPONT\u{1D}ECLOSS\u{1D}ED301120260915\u{1F}" + Self.signature),
        ("wrong type's field", "expected field 69", Self.header + "E401FR" + Self.ack + "\u{1F}" + Self.signature),
        ("missing <GS>", "expected field 62", Self.header + "E201FR" + "01CRT-162DUPONT\u{1D}60EVA\u{1D}ECLOSS\u{1D}ED301120260915\u{1F}" + Self.signature),
        ("<RS> on a short value", "only a value cut", Self.header + "E201FR" + "01CRT-1\u{1D}62DUPONT\u{1E}60EVA\u{1D}ECLOSS\u{1D}ED301120260915\u{1F}" + Self.signature),
        ("<GS> after a fixed field", "bytes after the last field", Self.header + "E201FR" + Self.ack + "\u{1D}\u{1F}" + Self.signature),
        ("extra bytes", "bytes after the last field", Self.header + "E201FR" + Self.ack + "X\u{1F}" + Self.signature),
        ("short fixed field", "field ED is 12", Self.header + "E201FR" + "01CRT-1\u{1D}62DUPONT\u{1D}60EVA\u{1D}ECLOSS\u{1D}ED30112026091\u{1F}" + Self.signature),
        ("bad time", "day and time", Self.header + "E201FR" + "01CRT-1\u{1D}62DUPONT\u{1D}60EVA\u{1D}ECLOSS\u{1D}ED301120262515\u{1F}" + Self.signature),
        ("unknown procedure", "must be one of", Self.header + "E201FR" + "01CRT-1\u{1D}62DUPONT\u{1D}60EVA\u{1D}ECLOST\u{1D}ED301120260915\u{1F}" + Self.signature),
        ("lower-case value", "byte 117 is outside", Self.header + "E201FR" + "01CRT-1\u{1D}62Dupont\u{1D}60EVA\u{1D}ECLOSS\u{1D}ED301120260915\u{1F}" + Self.signature),
        ("non-ASCII value", "byte 195 is outside", Self.header + "E201FR" + "01CRT-1\u{1D}62DUPONTÉ\u{1D}60EVA\u{1D}ECLOSS\u{1D}ED301120260915\u{1F}" + Self.signature),
        ("empty last name", "must not be empty", Self.header + "E201FR" + "01CRT-1\u{1D}62\u{1D}60EVA\u{1D}ECLOSS\u{1D}ED301120260915\u{1F}" + Self.signature),
        ("newline", "103 base32", Self.header + "E201FR" + Self.ack + "\u{1F}" + Self.signature + "\n"),
        ("leading space", "expected DC04", " " + Self.header + "E201FR" + Self.ack + "\u{1F}" + Self.signature),
        ("cut document id", "field 01 cannot be cut", Self.header + "E201FR" + "01" + String(repeating: "9", count: 40)
            + "\u{1E}62DUPONT\u{1D}60EVA\u{1D}ECLOSS\u{1D}ED301120260915\u{1F}" + Self.signature),
        ("<GS> after a full name", "expected field 60", Self.header + "E201FR" + "01CRT-1\u{1D}62" + String(repeating: "W", count: 38)
            + "\u{1D}60EVA\u{1D}ECLOSS\u{1D}ED301120260915\u{1F}" + Self.signature),
    ])
    func parse_refusesMalformedText(name: String, reason: String, text: String) {
        // The reason shows each row fails where it means to, not on an earlier accident of the hand-written text.
        let error = #expect(throws: SealError.self, "\(name)") { try SignedSeal.parse(text) }
        #expect(error?.description.contains(reason) == true, "\(name): \(String(describing: error))")
    }

    @Test func parse_refusesALastFieldFollowedByASeparator() throws {
        let valid = try SealFixtures.signer().sign(SealFixtures.seal(.proxyConfirmation))
        #expect(try SignedSeal.parse(valid.text) == valid)
        for separator in ["\u{1D}", "\u{1E}"] {
            let text = valid.text.replacingOccurrences(of: "EFCLAIRE\u{1F}", with: "EFCLAIRE" + separator + "\u{1F}")
            #expect(text != valid.text)
            #expect(throws: SealError.self) { try SignedSeal.parse(text) }
        }
    }

    @Test func parse_refusesEveryPrefixOfASeal() throws {
        let text = try SealFixtures.signer().sign(SealFixtures.seal(.certificate)).text
        let bytes = SealFixtures.bytes(text)
        for count in 0..<bytes.count {
            #expect(throws: SealError.self, "prefix \(count)") { try SignedSeal.parse(SealFixtures.text(Array(bytes.prefix(count)))) }
        }
    }

    /// Random bytes: never a crash, and whatever parses must write back to the same text (one text per seal).
    @Test func parse_survivesRandomBytes() throws {
        var generator = SeededGenerator(seed: 20_261_130)
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = SealFixtures.text(bytes)
            // Refused with a `SealError` (the only error `parse` can throw), or one text per seal.
            if let seal = try? SignedSeal.parse(text) { #expect(seal.text == text) }
        }
    }

    /// Mutations of valid seals (byte changes, insertions, deletions, separators): a parse error, or a seal that
    /// writes back to exactly the mutated text.
    @Test(arguments: SealDocumentType.allCases)
    func parse_survivesMutations(type: SealDocumentType) throws {
        var generator = SeededGenerator(seed: 7 + UInt64(SealDocumentType.allCases.firstIndex(of: type)!))
        let signer = try SealFixtures.signer()
        let originals = try [SealFixtures.fields(type), SealFixtures.fullFields(type)].map {
            SealFixtures.bytes(try signer.sign(SealFixtures.seal(type, fields: $0)).text)
        }
        let interesting: [UInt8] = [0x1D, 0x1E, 0x1F, 0x20, 0x00, 0x7F, 0x80, 0xC3, 0xFF] + Array("AZ09E1-'./".utf8)
        var parsedCount = 0
        for _ in 0..<2_000 {
            var bytes = originals.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                let byte = Bool.random(using: &generator) ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = byte
                case 1: bytes.insert(byte, at: index)
                default: bytes.remove(at: index)
                }
                if bytes.isEmpty { break }
            }
            let text = SealFixtures.text(bytes)
            if let seal = try? SignedSeal.parse(text) {
                #expect(seal.text == text)
                parsedCount += 1
            }
        }
        // Most mutations break a seal; some (a letter for a letter inside a name) leave one, whose write-back was
        // checked above — at least one must, or that check never ran.
        #expect(parsedCount > 0 && parsedCount < 2_000, "\(parsedCount) of 2000 mutations parsed")
    }
}
