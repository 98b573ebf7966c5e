// SealVerifierThroughputTests: parse + verify of the text form stays fast (SEAL.md's verification endpoint).

import Seal
import Testing

struct SealVerifierThroughputTests {
    /// The target is ≥ 2,000 seals/s on one core for a release build (measured: about 25,000/s release, 9,000/s
    /// debug). The bound here is 500/s so that a debug build on a busy 2-core machine passes, while a 10× regression
    /// (a key parsed per check, a quadratic parser) still fails.
    @Test func parseAndCheck_of2000Texts_isFast() throws {
        let signer = try SealFixtures.signer()
        let verifier = try SealVerifier(keys: VerificationKeySet(keys: [signer.verificationKey()]))
        let text = try signer.sign(SealFixtures.seal(.certificate, fields: SealFixtures.fullFields(.certificate))).text
        let count = 2_000
        var valid = 0
        let elapsed = try ContinuousClock().measure {
            for _ in 0..<count where try verifier.check(text: text).signature == .valid { valid += 1 }
        }
        #expect(valid == count)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        #expect(Double(count) / seconds >= 500, "\(Int(Double(count) / seconds)) seals/s")
    }
}
