// RegisterStoreTests: the register of issued documents (SEAL.md) on every store — written with the procedure,
// found by id in any case, revoked by subject in the procedure's transaction, or by the admin route.
import Foundation
import Records
import Storage
import TeleserviceRules
import Testing

@Suite struct RegisterStoreTests {
    static func document(_ id: String, subject: String?, nir: NIR = StoreTests.nir) -> RegisteredDocument {
        RegisteredDocument(id: id, kind: .proxyConfirmation, nir: nir, subject: subject, sealText: "DC04FRAM…\(id)", keyID: "TEST",
                           issuedAt: StoreTests.now, validFrom: try! CivilDate(iso: "2026-03-14"),
                           validUntil: try! CivilDate(iso: "2026-04-14"))
    }

    @Test func documentsAreRegisteredWithTheirProcedureAndFoundInAnyCase() async throws {
        try await StoreTests.withStores { (store: any Store, kind: String) async throws in
            _ = try await store.importRecord(StoreTests.record(), at: StoreTests.now)
            _ = try await store.perform(ProcedureRequest(nir: StoreTests.nir)) { _ in
                var changes = HouseholdChanges()
                changes.documents = [Self.document("pxy-1", subject: "proxy:pxy-1")]
                return ProcedureCommit(changes: changes, value: 0)
            }
            let found = try #require(try await store.registeredDocument(id: "PXY-1"), "\(kind)")
            #expect(found == Self.document("pxy-1", subject: "proxy:pxy-1"), "\(kind)")
            #expect(try await store.registeredDocument(id: "pxy-2") == nil, "\(kind)")
            #expect(found.status(on: try CivilDate(iso: "2026-04-14")) == .valid, "\(kind)")
            #expect(found.status(on: try CivilDate(iso: "2026-04-15")) == .expired, "\(kind)")
            #expect(found.status(on: try CivilDate(iso: "2026-03-13")) == .notYetValid, "\(kind)")
        }
    }

    @Test func aRefusedProcedureRegistersNothing() async throws {
        struct Refused: Error {}
        try await StoreTests.withStores { (store: any Store, kind: String) async throws in
            _ = try await store.importRecord(StoreTests.record(), at: StoreTests.now)
            await #expect(throws: Refused.self, "\(kind)") {
                _ = try await store.perform(ProcedureRequest(nir: StoreTests.nir)) { _ -> ProcedureCommit<Int> in throw Refused() }
            }
            // A decision that returns documents but whose commit fails part-way leaves none either: a duplicate id
            // makes the insert fail after the message was written.
            _ = try await store.registerDocument(Self.document("dup", subject: nil))
            await #expect(throws: StoreError.self, "\(kind)") {
                _ = try await store.perform(ProcedureRequest(nir: StoreTests.nir)) { _ in
                    var changes = HouseholdChanges()
                    changes.messages = [InboxMessage(acknowledgement: StoreTests.acknowledgement("proc-9", at: StoreTests.now))]
                    changes.documents = [Self.document("fresh", subject: nil), Self.document("DUP", subject: nil)]
                    return ProcedureCommit(changes: changes, value: 0)
                }
            }
            #expect(try await store.registeredDocument(id: "fresh") == nil, "\(kind)")
            #expect(try await store.inbox(of: StoreTests.nir).isEmpty, "\(kind)")
        }
    }

    @Test func revocationsBySubjectTouchOnlyThatHouseholdsValidDocuments() async throws {
        try await StoreTests.withStores { (store: any Store, kind: String) async throws in
            _ = try await store.importRecord(StoreTests.record(), at: StoreTests.now)
            _ = try await store.importRecord(StoreTests.record(StoreTests.otherNIR), at: StoreTests.now)
            _ = try await store.registerDocument(Self.document("a", subject: "card:1"))
            _ = try await store.registerDocument(Self.document("b", subject: "card:2"))
            _ = try await store.registerDocument(Self.document("c", subject: "card:1", nir: StoreTests.otherNIR))
            let later = StoreTests.now.addingTimeInterval(60)
            _ = try await store.perform(ProcedureRequest(nir: StoreTests.nir)) { _ in
                var changes = HouseholdChanges()
                changes.revocations = [DocumentRevocation(subject: "card:1", reason: "Carte déclarée perdue.", at: later)]
                return ProcedureCommit(changes: changes, value: 0)
            }
            let a = try #require(try await store.registeredDocument(id: "a"), "\(kind)")
            #expect(a.status == .revoked && a.revokedReason == "Carte déclarée perdue." && a.revokedAt == later, "\(kind)")
            #expect(try await store.registeredDocument(id: "b")?.status == .valid, "\(kind)")
            #expect(try await store.registeredDocument(id: "c")?.status == .valid, "\(kind): another household's document")
        }
    }

    @Test func registeringTwiceKeepsTheFirstRowAndAdminRevocationKeepsTheFirstReason() async throws {
        try await StoreTests.withStores { (store: any Store, kind: String) async throws in
            _ = try await store.importRecord(StoreTests.record(), at: StoreTests.now)
            let first = Self.document("cc-1", subject: "card:1")
            var second = first
            second.sealText = "another signature"
            #expect(try await store.registerDocument(first) == first, "\(kind)")
            #expect(try await store.registerDocument(second) == first, "\(kind): the register keeps the first seal")
            #expect(try await store.revokeDocument(id: "nope", reason: "x", at: StoreTests.now) == false, "\(kind)")
            #expect(try await store.revokeDocument(id: "CC-1", reason: "Erreur", at: StoreTests.now) == true, "\(kind)")
            #expect(try await store.revokeDocument(id: "cc-1", reason: "Autre", at: StoreTests.now.addingTimeInterval(9)) == true, "\(kind)")
            let revoked = try #require(try await store.registeredDocument(id: "cc-1"), "\(kind)")
            #expect(revoked.revokedReason == "Erreur" && revoked.revokedAt == StoreTests.now, "\(kind)")
            #expect(revoked.status(on: try CivilDate(iso: "2026-03-20")) == .revoked, "\(kind)")
            try await store.recordDocumentDigest(id: "cc-1", sha256: "aa")
            try await store.recordDocumentDigest(id: "cc-1", sha256: "bb")
            #expect(try await store.registeredDocument(id: "cc-1")?.sha256 == "aa", "\(kind)")
        }
    }
}
