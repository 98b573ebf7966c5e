// AdminProceduresTests: each admin procedure checks the admin role itself, whatever door it is reached by.
import APIContract
import Foundation
@testable import HTTPService
import HTTPTypes
import Logging
import Records
import Storage
import Testing

@Suite struct AdminProceduresTests {
    static func service() throws -> AmeliService {
        AmeliService(store: InMemoryStore(), renderer: EchoRenderer(), clock: { TestClock.start }, ids: .sequential(),
                     metrics: ServiceMetrics(), seals: Fixtures.seals, contract: try OpenAPIContract.load())
    }

    /// Runs `work` as `caller` would be seen by a procedure reached without the contract's check in front of it.
    static func asCaller<T: Sendable>(_ caller: Caller?, _ work: () async throws -> T) async throws -> T {
        let scope = RequestScope(caller: caller, clientAddress: nil, method: "GET", path: "/", logger: Logger(label: "test"))
        return try await RequestScope.$current.withValue(scope) { try await work() }
    }

    static func refusal(_ work: () async throws -> Void) async -> APIProblem? {
        do {
            try await work()
            return nil
        } catch let problem as APIProblem {
            return problem
        } catch {
            Issue.record("not a problem answer: \(error)")
            return nil
        }
    }

    @Test func everyAdminProcedureRefusesAnyoneButAnAdmin() async throws {
        let service = try Self.service()
        let record = try JSONDecoder().decode(Components.Schemas.InsuredRecord.self, from: JSONEncoder().encode(Fixtures.martin()))
        let procedures: [(String, @Sendable () async throws -> Void)] = [
            ("putInsured", { _ = try await service.putInsured(.init(path: .init(nir: Fixtures.martinNIR.value), body: .json(record))) }),
            ("fulfilOrder", { _ = try await service.fulfilOrder(.init(path: .init(id: "x"), body: .json(.init()))) }),
            ("revokeDocument", { _ = try await service.revokeDocument(.init(path: .init(id: "x"), body: .json(.init(reason: "test")))) }),
            ("listNotices", { _ = try await service.listNotices(.init()) }),
        ]
        for (name, procedure) in procedures {
            let user = await Self.refusal { try await Self.asCaller(Caller(nir: Fixtures.martinNIR, isAdmin: false), procedure) }
            #expect(user?.status == .forbidden, "\(name) for a user")
            let nobody = await Self.refusal { try await Self.asCaller(nil, procedure) }
            #expect(nobody?.status == .unauthorized, "\(name) for nobody")
        }
        // The oracle can tell: an admin gets through the role check (to the procedure's own answer).
        let notices = try await Self.asCaller(Caller(nir: Fixtures.martinNIR, isAdmin: true)) { try await service.listNotices(.init()) }
        if case .ok = notices {} else { Issue.record("an admin's listNotices: \(notices)") }
        #expect(try await service.store.household(of: Fixtures.martinNIR) == nil)
    }
}
