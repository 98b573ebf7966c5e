// AmeliService+Reads: what a caller may read of their own household — the household, the history, the inbox,
// certificates and proxy confirmations — for the API's handlers and the pages alike.
package import Records
package import Storage
package import TeleserviceRules

/// Each read is scoped to the caller's household: there is no way to ask for another household's record here, so a
/// door cannot forget to check it.
extension AmeliService {
    package func household(of caller: Caller) async throws -> Household? {
        try await store.household(of: caller.nir)
    }

    /// The history "Mes démarches", newest first (R_HISTORY).
    package func procedures(of caller: Caller) async throws -> [ProcedureEntry] {
        try await store.procedures(of: caller.nir)
    }

    /// The inbox: one message per acknowledgement, newest first (R_ACK).
    package func inbox(of caller: Caller) async throws -> [InboxMessage] {
        try await store.inbox(of: caller.nir)
    }

    package func message(_ id: Identifier, of caller: Caller) async throws -> InboxMessage? {
        try await store.message(id, of: caller.nir)
    }

    /// A provisional certificate with its download state (R_CERTIFICATE).
    package func certificate(_ id: Identifier, of caller: Caller) async throws -> StoredCertificate? {
        try await store.certificate(id, of: caller.nir)
    }

    package func proxyConfirmation(_ id: Identifier, of caller: Caller) async throws -> ProxyConfirmation? {
        try await store.proxyConfirmation(id, of: caller.nir)
    }

    /// The proxy active today, if any (P_ONE_ACTIVE).
    package func activeProxy(of caller: Caller) async throws -> Proxy? {
        try await store.household(of: caller.nir)?.activeProxy(on: today(clock()))
    }
}

extension AmeliService {
    /// Whether the database answers (the liveness check).
    package func checkHealth() async throws {
        try await store.checkHealth()
    }
}
