// Encodation: ECC200 data codewords to the bytes they carry (ASCII, C40, Text, X12, EDIFACT, Base 256).

/// Reads data codewords (after error correction) as ISO/IEC 16022 section 5.2 defines them.
///
/// Why not libdmtx's `DecodeDataStream`: Debian builds libdmtx with assertions on, and codewords that pass error
/// correction but are not valid data (a C40 pair worth 0 read in shift 1, an upper shift before a shift-3 value
/// of 32 or more, ASCII codeword 0 in 0.7.4) trip them and abort the process (dmtx/libdmtx#5, still reported in
/// 2025 as pylibdmtx#110). Anyone can print such a symbol, and an untrusted scan must not be able to stop the
/// verification service. Here every malformed sequence answers nil.
enum Encodation {
    /// The bytes, or nil when the codewords are not a valid ECC200 data stream (or use Structured Append,
    /// Reader Programming or ECI, which a seal never does).
    static func decode(_ codewords: [UInt8]) -> [UInt8]? {
        var reader = Reader(codewords: codewords)
        return reader.run()
    }

    private struct Reader {
        let codewords: [UInt8]
        var next = 0
        var output: [UInt8] = []
        /// A pending ASCII or C40/Text upper shift: the next character gets 128 added.
        var upperShift = false
        var trailer: [UInt8] = []

        init(codewords: [UInt8]) {
            self.codewords = codewords
        }

        var remaining: Int { codewords.count - next }

        mutating func run() -> [UInt8]? {
            // A first codeword 236 / 237 abbreviates an ISO 15434 header and trailer (format 05 / 06).
            if let first = codewords.first, first == 236 || first == 237 {
                output = Array("[)>".utf8) + [0x1E, 0x30, first == 236 ? 0x35 : 0x36, 0x1D]
                trailer = [0x1E, 0x04]
                next = 1
            }
            while next < codewords.count {
                let codeword = codewords[next]
                next += 1
                switch codeword {
                case 1...128:
                    emit(codeword - 1)
                case 129:
                    // Padding: the data ends here (the pad codewords that follow are not checked).
                    return output + trailer
                case 130...229:
                    let pair = codeword - 130
                    guard !upperShift else { return nil }
                    output += [0x30 + pair / 10, 0x30 + pair % 10]
                case 230, 239:
                    guard !upperShift, decodeC40OrText(text: codeword == 239) else { return nil }
                case 231:
                    guard !upperShift, decodeBase256() else { return nil }
                case 232:
                    // FNC1: a GS1 marker in first position, a group separator anywhere else.
                    guard !upperShift else { return nil }
                    if next > 1 { output.append(0x1D) }
                case 235:
                    guard !upperShift else { return nil }
                    upperShift = true
                case 238:
                    guard !upperShift, decodeX12() else { return nil }
                case 240:
                    guard !upperShift, decodeEDIFACT() else { return nil }
                default:
                    // 0, 233 (Structured Append), 234 (Reader Programming), 236/237 past the first codeword,
                    // 241 (ECI) and 242…255 (not assigned).
                    return nil
                }
            }
            return upperShift ? nil : output + trailer
        }

        private mutating func emit(_ byte: UInt8) {
            output.append(upperShift ? byte | 0x80 : byte)
            upperShift = false
        }

        private enum Triple {
            case values([Int])
            case end
            case invalid
        }

        /// Three values in two codewords, until the unlatch codeword 254 or fewer than two codewords remain
        /// (the last one is then ASCII).
        private mutating func triple() -> Triple {
            if remaining >= 1, codewords[next] == 254 {
                next += 1
                return .end
            }
            guard remaining >= 2 else { return .end }
            let packed = Int(codewords[next]) << 8 | Int(codewords[next + 1])
            next += 2
            // 1 + 1600·c1 + 40·c2 + c3 with each value below 40: anything else is no triple at all.
            guard packed >= 1, packed <= 64000 else { return .invalid }
            let value = packed - 1
            return .values([value / 1600, (value / 40) % 40, value % 40])
        }

        private mutating func decodeC40OrText(text: Bool) -> Bool {
            var shift = 0
            while true {
                let values: [Int]
                switch triple() {
                case .end: return true
                case .invalid: return false
                case .values(let triple): values = triple
                }
                for value in values {
                    switch shift {
                    case 0:
                        switch value {
                        case 0...2: shift = value + 1
                        case 3: emit(0x20)
                        case 4...13: emit(UInt8(0x30 + value - 4))
                        default: emit(UInt8((text ? 0x61 : 0x41) + value - 14))
                        }
                        continue
                    case 1:
                        guard value < 32 else { return false }
                        emit(UInt8(value))
                    case 2:
                        switch value {
                        case 0...14: emit(UInt8(33 + value))
                        case 15...21: emit(UInt8(58 + value - 15))
                        case 22...26: emit(UInt8(91 + value - 22))
                        case 27: guard !upperShift else { return false }; output.append(0x1D)   // FNC1
                        case 30: guard !upperShift else { return false }; upperShift = true
                        default: return false
                        }
                    default:
                        guard value < 32 else { return false }
                        if text {
                            switch value {
                            case 0: emit(0x60)
                            case 1...26: emit(UInt8(0x41 + value - 1))
                            default: emit(UInt8(123 + value - 27))
                            }
                        } else {
                            emit(UInt8(96 + value))
                        }
                    }
                    shift = 0
                }
            }
        }

        private mutating func decodeX12() -> Bool {
            while true {
                let values: [Int]
                switch triple() {
                case .end: return true
                case .invalid: return false
                case .values(let triple): values = triple
                }
                for value in values {
                    switch value {
                    case 0: emit(0x0D)
                    case 1: emit(0x2A)
                    case 2: emit(0x3E)
                    case 3: emit(0x20)
                    case 4...13: emit(UInt8(0x30 + value - 4))
                    default: emit(UInt8(0x41 + value - 14))
                    }
                }
            }
        }

        /// Four 6-bit values in three codewords, until the unlatch value 31 (then ASCII resumes at the next
        /// codeword) or fewer than three codewords remain.
        private mutating func decodeEDIFACT() -> Bool {
            while remaining >= 3 {
                let bits = Int(codewords[next]) << 16 | Int(codewords[next + 1]) << 8 | Int(codewords[next + 2])
                for index in 0..<4 {
                    let value = (bits >> (18 - 6 * index)) & 0x3F
                    if value == 31 {
                        // Skip to the codeword after the one that holds the unlatch's last bit.
                        next += (6 * index + 6 + 7) / 8
                        return true
                    }
                    emit(UInt8(value < 32 ? value | 0x40 : value))
                }
                next += 3
            }
            return true
        }

        /// A length (one or two codewords) then that many bytes, each scrambled by the 255-state algorithm.
        private mutating func decodeBase256() -> Bool {
            guard remaining >= 1 else { return true }
            let first = unscramble(next)
            next += 1
            let length: Int
            switch first {
            case 0: length = remaining
            case 1...249: length = first
            default:
                guard remaining >= 1 else { return false }
                length = 250 * (first - 249) + unscramble(next)
                next += 1
            }
            guard length <= remaining else { return false }
            for _ in 0..<length {
                emit(UInt8(unscramble(next)))
                next += 1
            }
            return true
        }

        /// The codeword at `index` with its pseudo-random offset removed (positions count from 1).
        private func unscramble(_ index: Int) -> Int {
            let pseudoRandom = (149 * (index + 1)) % 255 + 1
            return (Int(codewords[index]) - pseudoRandom + 256) % 256
        }
    }
}
