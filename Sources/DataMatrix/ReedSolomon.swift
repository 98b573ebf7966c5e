// ReedSolomon: ECC200's error correction over GF(256), to check and repair the codewords read from an image.

/// Reed-Solomon over GF(2⁸) with the field polynomial x⁸ + x⁵ + x³ + x² + 1 (301) and the generator
/// (x − α)(x − α²)…(x − αⁿ), as ISO/IEC 16022 defines for ECC200. A block is its data codewords followed by
/// its `n` error-correction codewords, the first codeword being the highest-degree coefficient.
enum ReedSolomon {
    /// αⁱ for i in 0..<510, so a sum of two logarithms needs no reduction.
    private static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for power in 0..<255 {
            table[power] = UInt8(value)
            table[power + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x12D }
        }
        return table
    }()

    /// log_α(v) for v in 1...255 (index 0 unused).
    private static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for power in 0..<255 { table[Int(exponents[power])] = power }
        return table
    }()

    private static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        a == 0 || b == 0 ? 0 : exponents[logarithms[Int(a)] + logarithms[Int(b)]]
    }

    private static func divide(_ a: UInt8, _ b: UInt8) -> UInt8 {
        a == 0 ? 0 : exponents[logarithms[Int(a)] + 255 - logarithms[Int(b)]]
    }

    private static func power(_ exponent: Int) -> UInt8 { exponents[((exponent % 255) + 255) % 255] }

    /// The `count` error-correction codewords of a block's data.
    static func errorCodewords(for data: [UInt8], count: Int) -> [UInt8] {
        // Generator coefficients, highest degree first (the leading 1 is implicit).
        var generator: [UInt8] = [1]
        for root in 1...count {
            var next = [UInt8](repeating: 0, count: generator.count + 1)
            for (index, coefficient) in generator.enumerated() {
                next[index] ^= coefficient
                next[index + 1] ^= multiply(coefficient, power(root))
            }
            generator = next
        }
        var remainder = [UInt8](repeating: 0, count: count)
        for value in data {
            let factor = value ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in 0..<count {
                remainder[index] ^= multiply(generator[index + 1], factor)
            }
        }
        return remainder
    }

    /// Repairs up to ⌊n/2⌋ wrong codewords of a block in place; false when the block is beyond repair (then it
    /// is left as it was). Berlekamp-Massey finds the error locator, a Chien search its roots, Forney the values.
    static func correct(_ block: inout [UInt8], errorCodewordCount n: Int) -> Bool {
        guard n > 0, block.count > n, block.count <= 255 else { return false }
        let syndromes = self.syndromes(of: block, count: n)
        if syndromes.allSatisfy({ $0 == 0 }) { return true }

        // Berlekamp-Massey: the shortest LFSR (error locator Λ, lowest degree first) generating the syndromes.
        var locator: [UInt8] = [1]
        var previous: [UInt8] = [1]
        var length = 0
        var shift = 1
        var previousDiscrepancy: UInt8 = 1
        for step in 0..<n {
            var discrepancy = syndromes[step]
            if length > 0 {
                for index in 1...length where index < locator.count {
                    discrepancy ^= multiply(locator[index], syndromes[step - index])
                }
            }
            if discrepancy == 0 {
                shift += 1
                continue
            }
            let factor = divide(discrepancy, previousDiscrepancy)
            var updated = locator
            if updated.count < previous.count + shift {
                updated += [UInt8](repeating: 0, count: previous.count + shift - updated.count)
            }
            for (index, coefficient) in previous.enumerated() {
                updated[index + shift] ^= multiply(factor, coefficient)
            }
            if 2 * length <= step {
                previous = locator
                length = step + 1 - length
                previousDiscrepancy = discrepancy
                shift = 1
            } else {
                shift += 1
            }
            locator = updated
        }
        while locator.count > length + 1, locator.last == 0 { locator.removeLast() }
        guard length <= n / 2, locator.count == length + 1 else { return false }

        // Chien search: position p (degree d = count − 1 − p) is wrong when Λ(α^−d) = 0.
        var wrongPositions: [Int] = []
        for position in 0..<block.count {
            let inverse = power(-(block.count - 1 - position))
            if evaluate(locator, at: inverse) == 0 { wrongPositions.append(position) }
        }
        // As many roots as the degree, or the errors are not where a block can have them.
        guard wrongPositions.count == length else { return false }

        // Forney, first root α¹: e = Ω(X⁻¹) / Λ'(X⁻¹), with Ω = S·Λ mod xⁿ.
        var evaluator = [UInt8](repeating: 0, count: n)
        for (i, s) in syndromes.enumerated() {
            for (j, l) in locator.enumerated() where i + j < n {
                evaluator[i + j] ^= multiply(s, l)
            }
        }
        var derivative = [UInt8](repeating: 0, count: max(locator.count - 1, 1))
        for index in stride(from: 1, to: locator.count, by: 2) {
            derivative[index - 1] = locator[index]   // odd powers survive differentiation in characteristic 2
        }
        var repaired = block
        for position in wrongPositions {
            let inverse = power(-(block.count - 1 - position))
            let denominator = evaluate(derivative, at: inverse)
            guard denominator != 0 else { return false }
            repaired[position] ^= divide(evaluate(evaluator, at: inverse), denominator)
        }
        guard self.syndromes(of: repaired, count: n).allSatisfy({ $0 == 0 }) else { return false }
        block = repaired
        return true
    }

    /// S_j = r(α^j) for j in 1...count.
    private static func syndromes(of block: [UInt8], count: Int) -> [UInt8] {
        (1...count).map { root in
            let x = power(root)
            return block.reduce(0) { multiply($0, x) ^ $1 }
        }
    }

    /// A polynomial given lowest degree first, at x.
    private static func evaluate(_ polynomial: [UInt8], at x: UInt8) -> UInt8 {
        polynomial.reversed().reduce(0) { multiply($0, x) ^ $1 }
    }
}
