// AppRequestContext: what a handler knows about its request beyond the request itself — who is calling.
public import Hummingbird
public import Records
import NIOCore

/// The caller, once `AuthorizationMiddleware` (or a page's session) has verified their token.
public struct Caller: Sendable, Hashable {
    /// The insured's NIR (`sub`): the only household this caller reaches.
    public let nir: NIR
    public let isAdmin: Bool

    public init(nir: NIR, isAdmin: Bool) {
        self.nir = nir
        self.isAdmin = isAdmin
    }
}

public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address (no port), for per-client rate limits; nil when the request has no socket (tests).
    public let clientAddress: String?
    /// The signed-in person of a page, set by the channel's `PageSessionMiddleware` for the routes behind it.
    var pageCaller: Caller?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }
}
