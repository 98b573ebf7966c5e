// Base32Tests: RFC 4648 §10 test vectors (unpadded) and the strict decoder's refusals.

import Seal
import Testing

struct Base32Tests {
    /// RFC 4648 §10, with the `=` padding removed as the seal writes it.
    @Test(arguments: [
        ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"),
        ("foobar", "MZXW6YTBOI"),
    ])
    func rfc4648Vectors(plain: String, encoded: String) throws {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(try Base32.decode(encoded) == Array(plain.utf8))
    }

    @Test func sixtyFourBytes_take103Characters() throws {
        let bytes = (0..<64).map { UInt8($0 * 4 + 3) }
        let text = Base32.encode(bytes)
        #expect(text.count == 103)
        #expect(try Base32.decode(text) == bytes)
        // 512 bits: the last character holds 2 bits and 3 zeros (11000 = Y).
        #expect(Base32.encode([UInt8](repeating: 0xFF, count: 64)).hasSuffix("7Y"))
    }

    @Test func randomBytes_roundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        for count in 0..<80 {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(try Base32.decode(Base32.encode(bytes)) == bytes)
        }
    }

    @Test(arguments: ["my", "MZXW6===", "MZXW6YTBOI======", "M", "MZX", "MZXW6Y", "MZ XQ", "MZXQ0", "MZXQ1", "MZXQ8", "É"])
    func decode_refusesWhatEncodeNeverWrites(text: String) {
        #expect(throws: SealError.self) { try Base32.decode(text) }
    }

    /// "MZ" would be "f" with a leftover bit set: two texts for one byte string are refused.
    @Test func decode_refusesNonZeroLeftoverBits() {
        #expect(throws: SealError.self) { try Base32.decode("MZ") }
        #expect(throws: SealError.self) { try Base32.decode("MZXR") }
    }
}
