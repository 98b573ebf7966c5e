// ServiceMetrics: the Prometheus registry of one application, fed through swift-metrics with an explicit factory.
public import CoreMetrics
import Foundation
public import Prometheus

/// Each application owns its registry (no global `MetricsSystem.bootstrap`), so several applications — tests —
/// can live in one process and `/metrics` shows exactly this one's figures.
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factoryValue: PrometheusMetricsFactory

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Latency buckets from 1 ms to 10 s: card PNGs take tens of milliseconds, list calls well under one.
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10),
        ]
        self.factoryValue = factory
    }

    /// For the services that run beside the server (the notices' delivery) to record into this registry.
    public var factory: any MetricsFactory { factoryValue }

    /// Requests by route pattern (never the raw path: it may hold a NIR), method and status, and their latency.
    package func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        CoreMetrics.Counter(label: "http_requests_total", dimensions: [("route", route), ("method", method), ("status", String(status))],
                            factory: factoryValue).increment()
        CoreMetrics.Timer(label: "http_request_duration_seconds", dimensions: [("route", route), ("method", method)], factory: factoryValue)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// Documents rendered by kind and format, and how long rendering took.
    package func recordRender(kind: String, format: String, duration: Duration) {
        CoreMetrics.Counter(label: "documents_rendered_total", dimensions: [("kind", kind), ("format", format)], factory: factoryValue).increment()
        CoreMetrics.Timer(label: "document_render_duration_seconds", dimensions: [("kind", kind), ("format", format)], factory: factoryValue)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// How long a render (or a scan's reading) waited for a thread of the render pool, by kind.
    package func recordQueueWait(kind: String, duration: Duration) {
        CoreMetrics.Timer(label: "render_queue_wait_seconds", dimensions: [("kind", kind)], factory: factoryValue)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// The Prometheus text exposition.
    public func exposition() -> [UInt8] { registry.emitToBuffer() }
}

extension Duration {
    package var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
