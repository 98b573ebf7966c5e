// AppRequestContext: what a handler knows about its request beyond the request itself — who is calling.
public import Hummingbird
public import Records
import NIOCore

/// The caller, once `AuthenticationMiddleware` has verified their token.
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
    public var caller: Caller?
    /// The peer's IP address (no port), for per-client rate limits; nil when the request has no socket (tests).
    public let clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.caller = nil
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Hummingbird's own decoders honour this; the service reads bodies through `RequestBody`, which uses it too.
    public var maxUploadSize: Int { RequestBody.maximumSize }

    /// The authenticated caller; routes behind `AuthenticationMiddleware` always have one.
    public func requireCaller() throws -> Caller {
        guard let caller else { throw APIProblem(.unauthorized, detail: "Authentification requise.") }
        return caller
    }

    /// A path id; one that cannot be an id cannot exist either, so it answers 404 like an absent one.
    public func identifier(_ name: String) throws -> Identifier {
        guard let text = parameters.get(name), let id = try? Identifier(text) else { throw APIProblem.notFound }
        return id
    }
}
