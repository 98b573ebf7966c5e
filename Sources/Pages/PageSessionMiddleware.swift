// PageSessionMiddleware: the signed-in pages of a channel sit behind it, as one router group.
import HTTPEdge
import Procedures
import Hummingbird

/// Without a valid session the answer is the channel's sign-in page; with one, the route's handler runs with the
/// caller in its context, and whatever it throws becomes the channel's error page (never the API's problem+json).
struct PageSessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let pages: Pages
    let channel: PageChannel

    func handle(_ request: Request, context: AppRequestContext,
                next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        guard let caller = await pages.session.caller(of: request, now: pages.service.clock()) else {
            return Pages.redirect(to: "\(channel.prefix)/connexion")
        }
        var context = context
        context.pageCaller = caller
        do {
            return try await next(request, context)
        } catch {
            return await pages.failure(request, context, channel, caller: caller, error: error)
        }
    }
}
