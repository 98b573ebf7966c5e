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
        .ok(.init(headers: .init(cacheControl: "public, max-age=300"), body: .json(seals.contractKeys)))
    }

    /// `POST /v1/verifications`: `{"seal": TEXT}` or an `image/png` scan. Answers only what the seal carries,
    /// with the signature's check and the register's status of the document.
    func verify(_ input: Operations.Verify.Input) async throws -> Operations.Verify.Output {
        let submitted: SubmittedSeal
        switch input.body {
        case .json(let body): submitted = .text(body.seal)
        case .png: submitted = .scan(try RequestScope.require().body)
        }
        return .ok(.init(body: .json(try await verify(submitted, from: RequestScope.current?.clientAddress ?? "local"))))
    }
}
