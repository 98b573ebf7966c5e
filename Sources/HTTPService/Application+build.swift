// Application+build: the one function that assembles the service; `ameli-docs serve` and the tests both call it.
public import HTTPEdge
public import Procedures
public import Pages
import APIContract
import DocumentPipeline
import Documents
import OpenAPIRuntime
import OpenAPIHummingbird
public import Foundation
public import Hummingbird
public import Logging
import NIOCore
public import ServiceLifecycle
public import Storage

/// Router, middleware and services in one place. `clock` is the only source of "now" (tests pass a fixed one),
/// `store` and `renderer` are chosen by the caller; `services` run alongside the server (a PostgreSQL pool).
public func buildApplication(
    configuration: ServiceConfiguration,
    clock: @escaping @Sendable () -> Date,
    store: any Store,
    renderer: any DocumentRendering,
    seals: SealIssuer,
    verificationLimiter: RateLimiter = RateLimiter(capacity: 60, refillPerSecond: 10),
    renderLimiter: RenderLimiter = RenderLimiter(),
    scans: ScanLimits = ScanLimits(),
    documentCache: DocumentCache = DocumentCache(),
    ids: IdentifierGenerator = .random,
    services: [any Service] = [],
    metrics: ServiceMetrics = ServiceMetrics(),
    logger: Logger = Logger(label: "ameli-docs"),
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) async throws -> Application<RouterResponder<AppRequestContext>> {
    let tokens = try await AccessTokens(secret: configuration.jwtSecret)
    let service = AmeliService(store: store, renderer: renderer, clock: clock, ids: ids, metrics: metrics, seals: seals,
                               verificationLimiter: verificationLimiter, renderLimiter: renderLimiter, scans: scans,
                               documentCache: documentCache, contract: try OpenAPIContract.load())
    let pages = try await Pages(service: service, tokens: tokens, secret: configuration.jwtSecret,
                                secureCookies: configuration.secureCookies, demoSignIn: configuration.demoSignIn,
                                kioskIdleSeconds: configuration.kioskIdleSeconds,
                                directory: (try ResourceLocator.locate().templatesDirectory as NSString).appendingPathComponent("web"))
    let router = try buildRouter(service: service, tokens: tokens, pages: pages)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: configuration.serverName),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// The routes of openapi.yaml, generated into `registerHandlers`. Middleware applies to every route: observability,
/// problem answers, the request's scope. Inside the generated server, authorisation comes first (from the matched
/// operation's `security` in openapi.yaml), then the body's checks.
public func buildRouter(service: AmeliService, tokens: AccessTokens, pages: Pages? = nil) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    let routes = RouteTable()
    router.add(middleware: ObservabilityMiddleware(metrics: service.metrics))
    router.add(middleware: ProblemMiddleware(routes: routes))
    router.add(middleware: RequestScopeMiddleware())
    // Dates in answers as the stored (replayable) answers have them: RFC 3339 with seconds, in UTC.
    let configuration = Configuration(dateTranscoder: .iso8601, jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes])
    let authorization = AuthorizationMiddleware(tokens: tokens, clock: service.clock,
                                                security: try OperationSecurity(contract: service.contract))
    try service.registerHandlers(on: router, configuration: configuration,
                                 middlewares: [authorization, ContractMiddleware(service: service)])
    // The pages: HTML over the same service; their own session, forms and error pages.
    pages?.register(on: router)
    routes.record(router.routes.map { (method: $0.method.rawValue, path: "\($0.path)") })
    return router
}

extension AmeliService: APIProtocol {}

/// openapi.yaml, read from the resources' root (beside Templates/ and Fonts/), the one file the generator read.
public enum OpenAPIContract {
    public static func load() throws -> [UInt8] {
        let root = try ResourceLocator.locate()
        let path = (root.root as NSString).appendingPathComponent("openapi.yaml")
        guard let data = FileManager.default.contents(atPath: path) else { throw OpenAPIContractMissing(path: path) }
        return Array(data)
    }
}

/// openapi.yaml is not where the resources are.
public struct OpenAPIContractMissing: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "cannot read \(path): openapi.yaml belongs beside Templates/ and Fonts/" }
}
