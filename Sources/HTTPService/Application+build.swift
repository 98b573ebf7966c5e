// Application+build: the one function that assembles the service; `ameli-docs serve` and the tests both call it.
import DocumentPipeline
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
    documentCache: DocumentCache = DocumentCache(),
    ids: IdentifierGenerator = .random,
    services: [any Service] = [],
    logger: Logger = Logger(label: "ameli-docs"),
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) async throws -> Application<RouterResponder<AppRequestContext>> {
    let tokens = try await AccessTokens(secret: configuration.jwtSecret)
    let service = AmeliService(store: store, renderer: renderer, clock: clock, ids: ids, metrics: ServiceMetrics(), seals: seals,
                               verificationLimiter: verificationLimiter, renderLimiter: renderLimiter,
                               documentCache: documentCache)
    let router = buildRouter(service: service, tokens: tokens)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: configuration.serverName),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// The routes of API.md. Middleware applies to the routes added after it: observability and problem answers
/// to all, authentication to /v1, the admin role to /v1/admin.
public func buildRouter(service: AmeliService, tokens: AccessTokens) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    let routes = RouteTable()
    router.add(middleware: ObservabilityMiddleware(metrics: service.metrics))
    router.add(middleware: ProblemMiddleware(routes: routes))

    router.get("/health", use: service.health)
    router.get("/metrics", use: service.metricsText)
    router.get("/openapi.yaml", use: service.openAPI)
    // SEAL.md: anyone holding a paper verifies it, without an account; rate-limited per client address.
    router.get("/v1/verification-keys", use: service.verificationKeys)
    router.post("/v1/verifications", use: service.verify)

    let v1 = router.group("/v1").add(middleware: AuthenticationMiddleware(tokens: tokens, clock: service.clock))
    v1.get("/beneficiaries", use: service.listBeneficiaries)
    v1.post("/beneficiaries/{id}/card-orders", use: service.orderCard)
    v1.post("/beneficiaries/{id}/loss-declarations", use: service.declareLoss)
    v1.get("/beneficiaries/{id}/card.png") { try await service.cardImage($0, context: $1, format: .png) }
    v1.get("/beneficiaries/{id}/card.pdf") { try await service.cardImage($0, context: $1, format: .pdf) }
    v1.get("/certificates/{id}.pdf", use: service.downloadCertificate)
    v1.get("/inbox", use: service.inbox)
    v1.get("/inbox/{id}/attachment.pdf", use: service.inboxAttachment)
    v1.get("/procedures", use: service.procedures)
    v1.post("/procedures/{id}/rating", use: service.rateProcedure)
    v1.post("/proxy", use: service.createProxy)
    v1.get("/proxy", use: service.activeProxy)
    v1.delete("/proxy", use: service.revokeProxy)
    v1.get("/proxy/{id}/confirmation.pdf", use: service.proxyConfirmation)

    let admin = v1.group("/admin").add(middleware: AuthenticationMiddleware(tokens: tokens, clock: service.clock, requiresAdmin: true))
    admin.put("/insured/{nir}", use: service.putInsured)
    admin.post("/card-orders/{id}/fulfilment", use: service.fulfilOrder)
    admin.post("/documents/{id}/revocation", use: service.revokeDocument)
    routes.record(router.routes.map { (method: $0.method.rawValue, path: "\($0.path)") })
    return router
}
