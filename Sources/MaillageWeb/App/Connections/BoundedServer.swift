import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// The HTTP/1 server with its connections bounded: the open-file limit raised and logged at start, the caps fitted to
/// it, a ``ConnectionGuard`` on every connection, the idle timeout of kept-alive connections, and a ceiling past which
/// the listening socket stops accepting (so refusals themselves cannot exhaust the descriptors).
struct BoundedServer {
    /// The limits in force, after fitting them to the descriptors.
    let limits: ConnectionLimits
    let counter: ConnectionCounter
    let logger: Logger

    init(limits requested: ConnectionLimits, logger: Logger) {
        let descriptors = DescriptorLimit.raiseToHardLimit()
        var limits = requested
        if let lowered = requested.fitted(toDescriptors: descriptors) {
            logger.warning(
                "Limite de connexions abaissée pour tenir dans les descripteurs de fichiers disponibles",
                metadata: [
                    "descripteurs": .stringConvertible(descriptors), "demandé": .stringConvertible(requested.maxConnections),
                    "retenu": .stringConvertible(lowered.maxConnections),
                    "par_adresse": .stringConvertible(lowered.maxConnectionsPerAddress)
                ])
            limits = lowered
        }
        logger.info(
            "Connexions bornées",
            metadata: [
                "descripteurs": .stringConvertible(descriptors), "max": .stringConvertible(limits.maxConnections),
                "par_adresse": .stringConvertible(limits.maxConnectionsPerAddress)
            ])
        self.limits = limits
        self.counter = ConnectionCounter(limits: limits)
        self.logger = logger
    }

    /// The HTTP/1 server, each connection guarded.
    var builder: HTTPServerBuilder {
        let (counter, logger) = (counter, logger)
        return .http1(
            configuration: .init(
                additionalChannelHandlers: [ConnectionGuard(counter: counter, logger: logger)], idleTimeout: TimeAmount(limits.idleTimeout)))
    }

    /// The listening socket's ceiling of open connections, refused ones included.
    var acceptCeiling: MaximumAvailableConnections { MaximumAvailableConnections(limits.acceptCeiling) }
}
