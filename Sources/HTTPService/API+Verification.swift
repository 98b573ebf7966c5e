// API+Verification: SEAL.md's public operations — the published keys and the verification of a seal.
import HTTPEdge
import Procedures
import APIContract
import DocumentPipeline
import Foundation
import Hummingbird
import HTTPTypes
import Records
import Seal
import Storage

extension AmeliService {
    /// `GET /v1/verification-keys`: every key a seal may name, current and retired (SEAL.md).
    func verificationKeys(_ input: Operations.VerificationKeys.Input) async throws -> Operations.VerificationKeys.Output {
        .ok(.init(headers: .init(cacheControl: "public, max-age=300"), body: .json(.init(seals.published))))
    }

    /// `POST /v1/verifications`: `{"seal": TEXT}` or an `image/png` scan. Answers only what the seal carries,
    /// with the signature's check and the register's status of the document.
    func verify(_ input: Operations.Verify.Input) async throws -> Operations.Verify.Output {
        let submitted: SubmittedSeal
        switch input.body {
        case .json(let body): submitted = .text(body.seal)
        case .png: submitted = .scan(try RequestScope.require().body)
        }
        return .ok(.init(body: .json(.init(try await verify(submitted, from: RequestScope.current?.clientAddress ?? "local")))))
    }
}

extension Components.Schemas.VerificationKeys {
    /// SEAL.md's key list: every key a seal may name, current and retired, with the current key's certificates.
    init(_ published: VerificationKeySet) {
        self.init(keys: published.keys.map { key in
            .init(caId: key.caId, certificateId: key.certificateId, algorithm: .es256, publicKeyPem: key.publicKeyPem,
                  status: key.status == .current ? .current : .retired, certificatePem: key.certificatePem,
                  issuerCertificatePem: key.issuerCertificatePem)
        })
    }
}

extension Components.Schemas.Verification {
    /// SEAL.md's answer: the verdicts, and the document as its seal describes it.
    init(_ verification: SealVerification) {
        let seal = verification.seal
        let document = DocumentPayload(_type: .init(rawValue: seal.type.rawValue) ?? .e1, id: seal[.documentID] ?? "",
                                       issuedOn: seal.issueDate.iso, fields: .init(additionalProperties: verification.fields))
        self.init(signature: .init(rawValue: verification.signature.rawValue) ?? .invalid, signatureReason: verification.signatureReason,
                  status: .init(rawValue: verification.status.rawValue) ?? .unknown, revokedReason: verification.revokedReason,
                  document: document)
    }
}
