import Hummingbird
import Prometheus

/// `/metrics`: the Prometheus text exposition of the process's metrics; 404 when the server was built without a registry.
struct MetricsController {
    let registry: PrometheusCollectorRegistry?

    func register(on router: Router<AppRequestContext>) {
        router.get(.metrics) { _, _ -> Response in
            guard let registry else { throw HTTPError(.notFound) }
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                            body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}
