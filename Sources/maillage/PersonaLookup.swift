import ArgumentParser
import Foundation
import MaillageCore
import MaillageSources
import MaillageStorage

/// Finds a persona by identifier or first name (case and accents ignored).
enum PersonaLookup {
    static func find(_ text: String, in personas: [Persona]) throws -> Persona {
        if let found = personas.first(where: { $0.id == text || $0.firstName.folded == text.folded }) { return found }
        throw ValidationError("persona « \(text) » inconnu ; personas : \(personas.map(\.id).joined(separator: ", "))")
    }
}
