import ArgumentParser
import Foundation
import MaillageImport
import MaillageSources
import MaillageStorage

/// The plain-French text of an import outcome.
enum ReportText {
    static func describe(_ outcome: Importer.Outcome, details: Int) -> String {
        var lines = ["\(outcome.file) — \(outcome.report?.format ?? "?") — \(outcome.imported ? "importé" : "REJETÉ")"]
        if let error = outcome.error { lines.append("  \(error)") }
        if let report = outcome.report {
            lines.append("  lignes lues \(report.rowsRead) · acceptées \(report.accepted) · rejetées \(report.rejected)")
            if let converted = report.convertedFrom { lines.append("  encodage converti depuis \(converted)") }
            if let revision = report.vocabularyRevision { lines.append("  table de correspondance : \(revision)") }
            if let changes = outcome.changes {
                lines.append(
                    "  fiches : \(changes.inserted) nouvelles, \(changes.updated) mises à jour, \(changes.unchanged) inchangées, "
                        + "\(changes.conflicts.count) en conflit (conservées)")
                for conflict in changes.conflicts.prefix(details) { lines.append("    conflit : \(conflict) (version en base conservée)") }
            }
            for rejection in report.rejections.prefix(details) { lines.append("  rejet : \(rejection)") }
            if report.rejections.count > details { lines.append("  … \(report.rejections.count - details) autres rejets") }
            let summary = report.warningSummary
            if !summary.isEmpty { lines.append("  avertissements (\(report.warnings.count)) :") }
            for item in summary.prefix(details) { lines.append("    \(item.count) × \(item.message)") }
            if !report.unmapped.isEmpty { lines.append("  valeurs sans correspondance (conservées) :") }
            for (value, count) in report.unmapped.sorted(by: { $0.value > $1.value }).prefix(details) { lines.append("    \(count) × \(value)") }
        }
        return lines.joined(separator: "\n")
    }
}
