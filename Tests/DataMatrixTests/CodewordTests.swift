// CodewordTests: placement fills every size, Reed-Solomon repairs what it may, hostile data streams answer nil.

@testable import DataMatrix
import EngineTestSupport
import Testing

struct CodewordTests {
    @Test func placementFillsEverySizeWithItsCodewords() {
        #expect(SymbolSize.all.count == 30)
        for size in SymbolSize.all {
            let placement = ModulePlacement(rows: size.mappingRows, columns: size.mappingColumns)
            #expect(placement.codewordCount == size.totalCodewords, "\(size.rows)×\(size.columns)")
            // Every module is used once, by a codeword bit or the fixed corner.
            let used = placement.positions + placement.fixedModules.map(\.index)
            #expect(Set(used).count == size.mappingRows * size.mappingColumns, "\(size.rows)×\(size.columns)")
            #expect(used.count == Set(used).count, "\(size.rows)×\(size.columns)")
        }
    }

    @Test func reedSolomonRepairsUpToHalfItsCheckCodewords() {
        var generator = SeededGenerator(seed: 7)
        let data = (0..<44).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let block = data + ReedSolomon.errorCodewords(for: data, count: 28)
        for errors in [0, 1, 5, 14] {
            var damaged = block
            for position in Array(0..<block.count).shuffled(using: &generator).prefix(errors) {
                damaged[position] ^= UInt8.random(in: 1...255, using: &generator)
            }
            #expect(ReedSolomon.correct(&damaged, errorCodewordCount: 28), "\(errors) errors")
            #expect(damaged == block, "\(errors) errors")
        }
        var hopeless = block
        for position in 0..<20 { hopeless[position] ^= 0x5A }
        let before = hopeless
        #expect(!ReedSolomon.correct(&hopeless, errorCodewordCount: 28))
        #expect(hopeless == before, "an unrepairable block is left as it was")
    }

    @Test func damagedModulesAreRepaired() throws {
        let payload = SealLikePayload.bytes(250)
        let symbol = try DataMatrixSymbol(encoding: payload)
        var modules = symbol.modules
        // A smudge: a 4 × 4 block of the data area turned dark.
        for row in 20..<24 { for column in 20..<24 { modules[row * symbol.columns + column] = true } }
        let smudged = DataMatrixSymbol(rows: symbol.rows, columns: symbol.columns, modules: modules)
        #expect(smudged != symbol)
        #expect(smudged.payload() == payload)
    }

    /// Streams that make libdmtx 0.7.7's decoder abort (assertions are on in Debian's build) are refused.
    @Test(arguments: [
        // C40: a space, a space, shift 1; then the pair worth 0 (values 0, 0, −1 in libdmtx's arithmetic).
        [230, 0x13, 0x39, 0x00, 0x00],
        // C40: shift 2 + upper shift, shift 3; then value 32 in shift 3 (128 + 128 in libdmtx).
        [230, 0x0A, 0xF3, 0xC8, 0x7C],
        // ASCII codeword 0.
        [0, 129, 129],
        // Base 256 longer than the symbol.
        [231, 200, 1, 2],
        // Upper shift then a digit pair.
        [235, 140],
    ] as [[UInt8]])
    func hostileStreamsAreRefused(_ stream: [UInt8]) throws {
        #expect(Encodation.decode(stream) == nil)
        // And as a printed symbol: the payload is refused, nothing aborts.
        let size = try #require(SymbolSize.with(rows: 12, columns: 12))
        let padded = stream + [UInt8](repeating: 129, count: size.dataCodewords - stream.count)
        let symbol = try #require(DataMatrixSymbol(size: size, dataCodewords: padded))
        #expect(symbol.payload() == nil)
    }

    @Test func everyEncodationIsRead() {
        // ASCII with a digit pair and an upper shift; C40; Text; X12; EDIFACT; Base 256.
        #expect(Encodation.decode([66, 142, 235, 66, 129]) == [0x41] + Array("12".utf8) + [0xC1])
        #expect(Encodation.decode([230, 0x59, 0xE9, 254, 66]) == Array("ABCA".utf8))   // 1 + 1600·14 + 40·15 + 16
        #expect(Encodation.decode([239, 0x59, 0xE9, 254]) == Array("abc".utf8))
        #expect(Encodation.decode([238, 0x59, 0xE9, 254]) == Array("ABC".utf8))
        // EDIFACT "ABC" then unlatch (values 1, 2, 3, 31).
        #expect(Encodation.decode([240, 0x04, 0x20, 0xDF, 66]) == Array("ABCA".utf8))
        // Base 256: length 2 then 0x00 0xFF, each scrambled by its position.
        let scrambled = [2, 0x00, 0xFF].enumerated().map { index, value in
            UInt8((value + (149 * (index + 2)) % 255 + 1) % 256)
        }
        #expect(Encodation.decode([231] + scrambled) == [0x00, 0xFF])
        // The 05 macro's header and trailer.
        #expect(Encodation.decode([236, 66]) == Array("[)>\u{1E}05\u{1D}A\u{1E}\u{04}".utf8))
    }

    /// Random codewords and random modules: any answer is fine, a crash is not.
    @Test func randomInputNeverTraps() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...60, using: &generator)
            var stream = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if !stream.isEmpty, Bool.random(using: &generator) {
                stream[0] = [230, 231, 238, 239, 240].randomElement(using: &generator)!
            }
            _ = Encodation.decode(stream)
        }
        for size in SymbolSize.all {
            for _ in 0..<20 {
                let modules = (0..<size.rows * size.columns).map { _ in Bool.random(using: &generator) }
                _ = DataMatrixSymbol(rows: size.rows, columns: size.columns, modules: modules).payload()
            }
        }
    }
}
