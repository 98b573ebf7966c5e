// AppRequestContext: what a handler, of the API or of a page, knows about its request beyond the request itself.
public import Hummingbird
package import Procedures
import NIOCore

public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address (no port), for per-client rate limits; nil when the request has no socket (tests).
    public let clientAddress: String?
    /// The signed-in person of a page, set by the channel's `PageSessionMiddleware` for the routes behind it.
    package var pageCaller: Caller?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }
}
