import Foundation

/// Why a backup or a restore was refused; a refused restore changed nothing.
public enum BackupError: Error, CustomStringConvertible, Sendable {
    /// An in-memory database has nothing to copy.
    case inMemory
    /// No database (or no backup) at this path.
    case missing(String)
    /// The file is not a database this program can read (not SQLite, not a PostgreSQL archive, truncated…).
    case unreadable(String, reason: String)
    /// SQLite's integrity check found damage.
    case corrupt(String, problems: [String])
    /// The backup's schema is not exactly this version's.
    case otherSchema(String, SchemaStatus)
    /// A process still has the target database open.
    case inUse(String)
    /// `pg_dump` or `pg_restore` is not on the path.
    case toolMissing(String)
    /// `pg_dump` or `pg_restore` failed.
    case toolFailed(String, message: String)

    public var description: String {
        switch self {
        case .inMemory:
            return "Une base en mémoire ne se sauvegarde pas ni ne se restaure : donnez un fichier SQLite ou une URL postgres://."
        case .missing(let path):
            return "Aucun fichier à \(path)."
        case .unreadable(let path, let reason):
            return "\(path) n'est pas une sauvegarde lisible de Maillage (\(reason)) : rien n'a été modifié."
        case .corrupt(let path, let problems):
            return "\(path) est endommagé (contrôle d'intégrité : \(problems.prefix(3).joined(separator: " ; "))) : rien n'a été modifié."
        case .otherSchema(let path, let status):
            if !status.unknown.isEmpty {
                return "\(path) vient d'une version plus récente de Maillage (migrations inconnues de ce programme : "
                    + "\(status.unknown.joined(separator: ", "))) : restaurez-la avec cette version. Rien n'a été modifié."
            }
            return "\(path) vient d'une version plus ancienne de Maillage (\(status.pending.count) migration(s) absente(s) : "
                + "\(status.pending.joined(separator: ", "))) : restaurez-la avec la version qui l'a faite, puis lancez « maillage migrate ». "
                + "Rien n'a été modifié."
        case .inUse(let path):
            return "La base \(path) est ouverte par un autre programme (un serveur tourne-t-il ?) : arrêtez-le avant de restaurer. "
                + "Rien n'a été modifié."
        case .toolMissing(let tool):
            return "\(tool) est introuvable dans le PATH : installez les outils clients de PostgreSQL (paquet postgresql-client), "
                + "de la même version majeure que le serveur ou plus récente."
        case .toolFailed(let tool, let message):
            return "\(tool) a échoué : \(message)"
        }
    }
}
