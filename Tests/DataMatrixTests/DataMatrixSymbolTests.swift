// DataMatrixSymbolTests: encoding picks the smallest square, keeps control bytes, is deterministic, draws ECC200.

@testable import DataMatrix
import Testing

struct DataMatrixSymbolTests {
    /// Seal texts are mostly C40's basic set (upper case, digits, space), so C40 wins or ties with ASCII (whose
    /// digit pairs catch up on dates and numbers); a tie goes to C40. These are the sizes seals print at.
    @Test(arguments: [(200, 44), (250, 48), (279, 52), (300, 64)])
    func sealLikePayloadsTakeTheC40Size(_ count: Int, _ side: Int) throws {
        let payload = SealLikePayload.bytes(count)
        let symbol = try DataMatrixSymbol(encoding: payload)
        let c40 = try #require(try LibDMTX.encode(payload, scheme: .c40))
        let ascii = try #require(try LibDMTX.encode(payload, scheme: .ascii))
        print("seal-like \(count) bytes: C40 \(c40.rows)×\(c40.columns), ASCII \(ascii.rows)×\(ascii.columns)")
        #expect(symbol == c40)
        #expect(c40.rows <= ascii.rows)
        #expect(symbol.rows == side && symbol.columns == side)
        #expect(symbol.payload() == payload)
    }

    @Test func digitsTakeASCIIWhenItIsSmaller() throws {
        // ASCII packs two digits a codeword, C40 three digits in two codewords.
        let payload = Array(String(repeating: "0123456789", count: 20).utf8)
        let symbol = try DataMatrixSymbol(encoding: payload)
        let ascii = try #require(try LibDMTX.encode(payload, scheme: .ascii))
        let c40 = try #require(try LibDMTX.encode(payload, scheme: .c40))
        #expect(ascii.rows < c40.rows)
        #expect(symbol == ascii)
    }

    @Test func theSeparatorsSurviveThroughTheC40ShiftSet() throws {
        let payload: [UInt8] = Array("AB".utf8) + [0x1D] + Array("C D".utf8) + [0x1E, 0x1F] + Array("-'./".utf8)
            + [0x1D]
        let symbol = try DataMatrixSymbol(encoding: payload)
        #expect(symbol.payload() == payload)
        let codewords = try #require(symbol.dataCodewords())
        #expect(codewords.first == 230, "C40 latch first")
    }

    @Test func everyByteValueRoundTrips() throws {
        let payload = (0...255).map(UInt8.init)
        #expect(try DataMatrixSymbol(encoding: payload).payload() == payload)
    }

    @Test func encodingIsDeterministicAcrossThreads() async throws {
        let payload = SealLikePayload.bytes(280)
        let reference = try DataMatrixSymbol(encoding: payload)
        let symbols = try await withThrowingTaskGroup(of: DataMatrixSymbol.self) { group in
            for _ in 0..<32 { group.addTask { try DataMatrixSymbol(encoding: payload) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(symbols.count == 32)
        #expect(symbols.allSatisfy { $0 == reference })
    }

    @Test func theFinderAndTimingPatternsFrameTheSymbol() throws {
        let symbol = try DataMatrixSymbol(encoding: SealLikePayload.bytes(250))
        let last = symbol.rows - 1
        for index in 0..<symbol.rows {
            #expect(symbol[row: index, column: 0], "solid left edge")
            #expect(symbol[row: last, column: index], "solid bottom edge")
            #expect(symbol[row: 0, column: index] == (index % 2 == 0), "alternating top edge")
            #expect(symbol[row: index, column: last] == (index % 2 == 1), "alternating right edge")
        }
    }

    /// Our placement, Reed-Solomon and patterns rebuild libdmtx's symbol module for module.
    @Test(arguments: [1, 40, 150, 300, 600])
    func rebuildingFromTheCodewordsGivesLibdmtxsModules(_ count: Int) throws {
        let symbol = try DataMatrixSymbol(encoding: SealLikePayload.bytes(count))
        let size = try #require(SymbolSize.with(rows: symbol.rows, columns: symbol.columns))
        let codewords = try #require(symbol.dataCodewords())
        #expect(DataMatrixSymbol(size: size, dataCodewords: codewords) == symbol)
    }

    @Test func emptyAndOversizedPayloadsAreRefused() {
        #expect(throws: DataMatrixError.emptyPayload) { try DataMatrixSymbol(encoding: []) }
        #expect(throws: DataMatrixError.payloadTooLong(byteCount: 2400)) {
            try DataMatrixSymbol(encoding: [UInt8](repeating: 0xE9, count: 2400))
        }
        #expect(throws: DataMatrixError.payloadTooLong(byteCount: 5000)) {
            try DataMatrixSymbol(encoding: [UInt8](repeating: 0x41, count: 5000))
        }
    }

    @Test func aSeal350BytesLongStillFits() throws {
        let symbol = try DataMatrixSymbol(encoding: SealLikePayload.bytes(350))
        #expect(symbol.rows == symbol.columns)
        #expect(symbol.rows <= 64)
    }
}
