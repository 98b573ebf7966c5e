// RouteTable: which methods a known path answers, so that another method gets 405 with Allow, not 404.
import HTTPEdge
import Procedures
import Synchronization

/// Filled once by `buildRouter` after every route is added, then only read. RFC 9110 §15.5.6: a method the target
/// resource does not support is 405, with the methods it does support in `Allow`.
public final class RouteTable: Sendable {
    private struct Entry {
        let method: String
        /// Each path segment as a literal, or as the literal text around one `{parameter}`.
        let segments: [(prefix: String, suffix: String, isParameter: Bool)]
    }

    private let entries = Mutex<[Entry]>([])

    public init() {}

    /// Records `routes` as (method, path template such as `/v1/certificates/{id}.pdf`).
    func record(_ routes: [(method: String, path: String)]) {
        let parsed = routes.map { route in
            Entry(method: route.method, segments: Self.segments(route.path).map { segment in
                guard let open = segment.firstIndex(of: "{"), let close = segment.lastIndex(of: "}"), open < close else {
                    return (String(segment), "", false)
                }
                return (String(segment[..<open]), String(segment[segment.index(after: close)...]), true)
            })
        }
        entries.withLock { $0 = parsed }
    }

    /// The methods a route answers at `path`, sorted; empty when no route has this path.
    func allowedMethods(for path: String) -> [String] {
        let request = Self.segments(path)
        let methods = entries.withLock { entries in
            entries.filter { entry in
                entry.segments.count == request.count && zip(entry.segments, request).allSatisfy { template, segment in
                    template.isParameter
                        ? segment.count > template.prefix.count + template.suffix.count
                            && segment.hasPrefix(template.prefix) && segment.hasSuffix(template.suffix)
                        : segment == template.prefix
                }
            }.map(\.method)
        }
        return Set(methods).sorted()
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "/") } ?? []
    }
}
