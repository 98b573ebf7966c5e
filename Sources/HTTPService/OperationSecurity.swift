// OperationSecurity: which caller each operation of openapi.yaml needs, read from the contract's `security`.
import HTTPEdge
import Procedures
import Yams

/// What an operation asks of its caller. OpenAPI 3.1 lets a non-OAuth scheme list role names
/// (`security: [{bearer: [admin]}]`); an empty list (`security: []`) opens the operation to anyone.
enum CallerRequirement: Sendable, Equatable, Comparable {
    case anyone, signedIn, admin
}

/// The requirement of every operation, by `operationId`, from the same openapi.yaml the generator read, so that the
/// routes and who may call them cannot drift apart. Built once at start; a `security` this service cannot enforce
/// (another scheme, an unknown role) stops the start rather than being read as "open".
struct OperationSecurity: Sendable {
    private let requirements: [String: CallerRequirement]

    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    init(contract bytes: [UInt8]) throws {
        guard let document = try Yams.load(yaml: String(decoding: bytes, as: UTF8.self)) as? [String: Any],
              let paths = document["paths"] as? [String: Any] else {
            throw OperationSecurityError(detail: "openapi.yaml has no paths")
        }
        let global = try Self.requirement(document["security"], operation: "(document)") ?? .signedIn
        var requirements: [String: CallerRequirement] = [:]
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            for method in Self.methods {
                guard let operation = item[method] as? [String: Any] else { continue }
                guard let id = operation["operationId"] as? String else {
                    throw OperationSecurityError(detail: "\(method.uppercased()) \(path) has no operationId")
                }
                requirements[id] = try Self.requirement(operation["security"], operation: id) ?? global
            }
        }
        self.requirements = requirements
    }

    /// The caller `operationID` needs. An operation the contract does not name is closed to all but admins: a route
    /// added without its contract must not open by default.
    func requirement(of operationID: String) -> CallerRequirement {
        requirements[operationID] ?? .admin
    }

    /// The operation ids the contract names.
    var operationIDs: [String] { requirements.keys.sorted() }

    /// One `security` value: alternatives (any one suffices), each a set of schemes with their roles. The weakest
    /// alternative is the requirement; nil when the key is absent (the document's default applies).
    private static func requirement(_ value: Any?, operation: String) throws -> CallerRequirement? {
        guard let value else { return nil }
        guard let alternatives = value as? [Any] else {
            throw OperationSecurityError(detail: "\(operation): security is not a list")
        }
        if alternatives.isEmpty { return .anyone }
        return try alternatives.map { alternative -> CallerRequirement in
            guard let schemes = alternative as? [String: Any] else {
                throw OperationSecurityError(detail: "\(operation): a security requirement is not an object")
            }
            if schemes.isEmpty { return .anyone }   // `{}`: the operation may also be called anonymously
            guard schemes.count == 1, let roles = schemes["bearer"] as? [Any] else {
                throw OperationSecurityError(detail: "\(operation): only the bearer scheme is enforced")
            }
            switch roles.map({ "\($0)" }) {
            case []: return .signedIn
            case ["admin"]: return .admin
            case let other: throw OperationSecurityError(detail: "\(operation): unknown roles \(other)")
            }
        }.min()
    }
}

/// openapi.yaml's `security` is not one this service knows how to enforce.
struct OperationSecurityError: Error, CustomStringConvertible {
    let detail: String
    var description: String { "openapi.yaml security: \(detail)" }
}
