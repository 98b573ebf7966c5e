// AmeliService+Verification: the verification of a seal read from a paper, as text or from a scan (SEAL.md).
import DocumentPipeline
import Foundation
import HTTPTypes
import Records
package import Seal
package import Storage

extension AmeliService {
    /// A scan of a page is larger than a JSON body; past this it is refused before it is read (413).
    package static let maximumScanSize = 8 * 1024 * 1024
    /// A 300-dpi A4 page is 8.7 million pixels; a larger image is refused before it is decoded.
    package static let maximumScanPixels = 12_000_000

    /// A seal to verify, as its text or in a scanned page.
    package enum SubmittedSeal: Sendable {
        case text(String)
        case scan([UInt8])
    }

    /// Verifies a seal for `client` (an address, for the per-client rates), for the API and the public page alike.
    package func verify(_ submitted: SubmittedSeal, from client: String) async throws -> SealVerification {
        try Self.admit(client, by: verificationLimiter)
        let text: String
        switch submitted {
        case .text(let seal):
            text = seal
        case .scan(let bytes):
            try Self.admit(client, by: scans.perClient)
            text = try await sealText(fromScan: bytes)
        }
        let seal: SignedSeal
        do { seal = try SignedSeal.parse(text) } catch {
            // One fixed sentence: the parser's own text names its internals and would help a forger more than a reader.
            throw Self.unreadableSeal
        }
        let (signature, signatureReason) = seals.verifier.verdict(seal)
        var status = VerificationStatus.unknown
        var revokedReason: String?
        // The register speaks only for the seal it issued: a seal whose signature fails, or whose text differs from
        // the registered one, gets "unknown" rather than the status of the genuine document it imitates.
        if signature == .valid, let id = seal.unsigned[.documentID], let registered = try await store.registeredDocument(id: id),
           registered.sealText == text {
            status = registered.status(on: CivilDate(clock()))
            revokedReason = status == .revoked ? registered.revokedReason : nil
        }
        return SealVerification(signature: signature, signatureReason: signatureReason, status: status, revokedReason: revokedReason,
                                seal: seal.unsigned, fields: seal.fieldsByID())
    }

    /// 429 with Retry-After when `client` has used up its rate.
    private static func admit(_ client: String, by limiter: RateLimiter) throws {
        guard let wait = limiter.take(for: client) else { return }
        var problem = APIProblem(.tooManyRequests, detail: "Trop de vérifications depuis votre adresse : réessayez dans quelques secondes.")
        problem.headers[.retryAfter] = String(Int(wait.rounded(.up)))
        throw problem
    }

    package static let unreadableSeal = APIProblem(.invalidSeal, detail: "Ce texte n'est pas un cachet AmeliDocs lisible : copiez le texte entier du code du document, ou envoyez une image de la page.")

    /// The first seal read from a PNG scan. Every failure to read is the same 422 for the person: no seal found.
    private func sealText(fromScan bytes: [UInt8]) async throws -> String {
        let noSeal = APIProblem(.noSealFound, detail: "Aucun cachet lisible n'a été trouvé dans cette image. Numérisez la page entière à 300 dpi au moins, bien éclairée.")
        let texts: [String]
        // Reading a scan is the heaviest CPU work of the service (up to 1.5 s without a code): never on the renders' queue.
        let metrics = self.metrics
        do {
            texts = try await scans.reader.run(queued: { metrics.recordQueueWait(kind: "scan", duration: $0) }) {
                try DocumentPipeline.sealTexts(inPNG: bytes, maximumPixels: Self.maximumScanPixels)
            }
        } catch let problem as APIProblem {
            throw problem
        } catch {
            throw noSeal
        }
        guard let first = texts.first(where: { (try? SignedSeal.parse($0)) != nil }) ?? texts.first else { throw noSeal }
        return first
    }
}

/// What a verification found: the signature's check, the register's status of the document, and only what the
/// seal itself carries (SEAL.md: nothing of the register's copy is shown to whoever holds the paper).
package struct SealVerification: Sendable {
    package let signature: SignatureCheck
    package let signatureReason: String?
    package let status: VerificationStatus
    package let revokedReason: String?
    /// The seal's header and fields as read.
    package let seal: UnsignedSeal
    /// The seal's fields by their identifier (`E1`…), as printed.
    package let fields: [String: String]
}
