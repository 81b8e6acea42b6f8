import Foundation
import SQLKit

/// The database schema is not the one this version expects; nothing was changed.
public struct SchemaOutOfDate: Error, CustomStringConvertible, Sendable {
    public var status: SchemaStatus

    public init(status: SchemaStatus) { self.status = status }

    public var description: String {
        if !status.unknown.isEmpty {
            return "La base a été migrée par une version plus récente de Maillage (\(status.unknown.joined(separator: ", "))) : "
                + "mettez ce programme à jour."
        }
        return "Le schéma de la base n'est pas à jour (\(status.pending.count) migration(s) en attente : "
            + "\(status.pending.joined(separator: ", "))). Lancez « maillage migrate » avant de démarrer, "
            + "ou « --migrate » pour migrer au démarrage (une seule instance)."
    }
}
