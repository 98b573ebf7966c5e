// OperationSecurityTests: the service reads who may call each operation from openapi.yaml, and refuses what it
// cannot enforce.
@testable import HTTPService
@testable import Procedures
@testable import HTTPEdge
@testable import Pages
import Testing

@Suite struct OperationSecurityTests {
    @Test func theContractsOperationsGetTheirSecurity() throws {
        let security = try OperationSecurity(contract: try OpenAPIContract.load())
        #expect(security.operationIDs.count == 23)
        for id in ["putInsured", "fulfilOrder", "revokeDocument", "listNotices", "metrics"] {
            #expect(security.requirement(of: id) == .admin, "\(id)")
        }
        for id in ["health", "openAPIDocument", "verificationKeys", "verify"] {
            #expect(security.requirement(of: id) == .anyone, "\(id)")
        }
        for id in ["listBeneficiaries", "orderCard", "downloadCertificate", "createProxy", "revokeProxy"] {
            #expect(security.requirement(of: id) == .signedIn, "\(id)")
        }
    }

    @Test func anOperationTheContractDoesNotNameIsClosed() throws {
        let security = try OperationSecurity(contract: try OpenAPIContract.load())
        #expect(security.requirement(of: "somethingNew") == .admin)
    }

    @Test func aSecurityItCannotEnforceStopsTheStart() throws {
        let unknownRole = """
            paths:
              /v1/x:
                get: { operationId: x, security: [{ bearer: [auditor] }] }
            """
        #expect(throws: OperationSecurityError.self) { try OperationSecurity(contract: Array(unknownRole.utf8)) }
        let otherScheme = """
            paths:
              /v1/x:
                get: { operationId: x, security: [{ apiKey: [] }] }
            """
        #expect(throws: OperationSecurityError.self) { try OperationSecurity(contract: Array(otherScheme.utf8)) }
    }

    @Test func theWeakestAlternativeAndTheDocumentsDefaultApply() throws {
        let yaml = """
            security: [{ bearer: [] }]
            paths:
              /a:
                get: { operationId: a }
                post: { operationId: b, security: [{ bearer: [admin] }, {}] }
                put: { operationId: c, security: [{ bearer: [admin] }] }
            """
        let security = try OperationSecurity(contract: Array(yaml.utf8))
        #expect(security.requirement(of: "a") == .signedIn)
        #expect(security.requirement(of: "b") == .anyone)
        #expect(security.requirement(of: "c") == .admin)
    }
}
