// AdminProceduresTests: each admin procedure checks the admin role itself, whatever door it is reached by.
import APIContract
import Foundation
@testable import HTTPService
@testable import Procedures
@testable import HTTPEdge
@testable import Pages
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

    /// The procedures themselves, called with an explicit caller as any door would: only an admin gets past the role.
    @Test func everyAdminProcedureRefusesAnyoneButAnAdmin() async throws {
        let service = try Self.service()
        let body = Array(try JSONEncoder().encode(Fixtures.martin()))
        let procedures: [(String, @Sendable (Caller) async throws -> Void)] = [
            ("putInsured", { _ = try await service.putInsured($0, nir: Fixtures.martinNIR.value, body: body) }),
            ("fulfilOrder", { _ = try await service.fulfilOrder(ProcedureCall(caller: $0), order: "x", cardNumber: nil, issueDate: nil) }),
            ("revokeDocument", { try await service.revokeDocument($0, id: "x", reason: "test") }),
            ("notices", { _ = try await service.notices($0, status: nil, limit: 10) }),
            ("metricsExposition", { _ = try service.metricsExposition($0) }),
        ]
        for (name, procedure) in procedures {
            let user = await Self.refusal { try await procedure(Caller(nir: Fixtures.martinNIR, isAdmin: false)) }
            #expect(user?.code == APIProblem.Code.forbidden.rawValue, "\(name) for a user")
        }
        // The oracle can tell: an admin gets through the role check, to the procedure's own answer.
        let admin = Caller(nir: Fixtures.martinNIR, isAdmin: true)
        #expect(try await service.notices(admin, status: nil, limit: 10).isEmpty)
        #expect(await Self.refusal { try await service.revokeDocument(admin, id: "x", reason: "test") }?.status == .notFound)
        #expect(try await service.store.household(of: Fixtures.martinNIR) == nil)
        #expect(try await service.putInsured(admin, nir: Fixtures.martinNIR.value, body: body).result == .created)
        #expect(try await service.store.household(of: Fixtures.martinNIR) != nil)
    }

    /// The API's admin handlers, reached without the contract's check in front of them: nobody is 401, a user 403.
    @Test func everyAdminHandlerRefusesWithoutTheRole() async throws {
        let service = try Self.service()
        let record = try JSONDecoder().decode(Components.Schemas.InsuredRecord.self, from: JSONEncoder().encode(Fixtures.martin()))
        let handlers: [(String, @Sendable () async throws -> Void)] = [
            ("putInsured", { _ = try await service.putInsured(.init(path: .init(nir: Fixtures.martinNIR.value), body: .json(record))) }),
            ("fulfilOrder", { _ = try await service.fulfilOrder(.init(path: .init(id: "x"), body: .json(.init()))) }),
            ("revokeDocument", { _ = try await service.revokeDocument(.init(path: .init(id: "x"), body: .json(.init(reason: "test")))) }),
            ("listNotices", { _ = try await service.listNotices(.init()) }),
            ("metrics", { _ = try await service.metrics(.init()) }),
        ]
        for (name, handler) in handlers {
            let user = await Self.refusal { try await Self.asCaller(Caller(nir: Fixtures.martinNIR, isAdmin: false), handler) }
            #expect(user?.status == .forbidden, "\(name) for a user")
            let nobody = await Self.refusal { try await Self.asCaller(nil, handler) }
            #expect(nobody?.status == .unauthorized, "\(name) for nobody")
        }
        let notices = try await Self.asCaller(Caller(nir: Fixtures.martinNIR, isAdmin: true)) { try await service.listNotices(.init()) }
        if case .ok = notices {} else { Issue.record("an admin's listNotices: \(notices)") }
        #expect(try await service.store.household(of: Fixtures.martinNIR) == nil)
    }
}
