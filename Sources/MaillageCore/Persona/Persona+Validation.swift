import Foundation

extension Persona {
    /// A field of a persona that cannot be saved as it is, with what is expected, in French.
    public struct FieldError: Error, Hashable, Sendable {
        public var field: Field
        public var message: String

        /// « Prénom : il faut un prénom de 1 à 60 caractères »: the field as the form labels it, never its parameter.
        public var sentence: String { "\(field.label) : il faut \(message)" }
    }

    /// The persona form's fields (raw value: the form parameter).
    public enum Field: String, Hashable, Sendable {
        case prenom, description, commune, qpv, minutes, disponibilites, besoins

        public var label: String {
            switch self {
            case .prenom: "Prénom"
            case .description: "Description"
            case .commune: "Commune"
            case .qpv: "Quartier prioritaire"
            case .minutes: "Temps de trajet"
            case .disponibilites: "Disponibilités"
            case .besoins: "Besoins"
            }
        }
    }

    public static let maximumNeeds = 8

    /// Everything wrong with the persona, field by field (empty when it can be saved).
    public func validationErrors(in territory: TerritoryData) -> [FieldError] {
        var errors: [FieldError] = []
        let name = firstName.trimmed
        if name.isEmpty || name.storedLength > 60 { errors.append(FieldError(field: .prenom, message: "un prénom de 1 à 60 caractères")) }
        if DeclaredName.isRefused(name) { errors.append(FieldError(field: .prenom, message: DeclaredName.expectation)) }
        if description.storedLength > 1_000 { errors.append(FieldError(field: .description, message: "une description de 1 000 caractères au plus")) }
        if territory.commune(commune) == nil { errors.append(FieldError(field: .commune, message: "une commune connue (son nom ou son code INSEE)")) }
        if let qpv, !territory.qpvs(touching: [commune]).contains(where: { $0.code == qpv }) {
            errors.append(FieldError(field: .qpv, message: "un QPV de la commune de résidence"))
        }
        if !(5...180).contains(maxMinutes) { errors.append(FieldError(field: .minutes, message: "un temps de trajet entre 5 et 180 minutes")) }
        if availability.isEmpty {
            errors.append(FieldError(field: .disponibilites, message: "au moins un moment de la semaine où la personne est disponible"))
        }
        if needs.isEmpty || needs.count > Self.maximumNeeds {
            errors.append(FieldError(field: .besoins, message: "de 1 à \(Self.maximumNeeds) besoins"))
        }
        if needs.contains(where: { $0.task.trimmed.isEmpty || $0.task.storedLength > 200 }) {
            errors.append(FieldError(field: .besoins, message: "chaque besoin décrit en 1 à 200 caractères"))
        }
        return errors
    }

    /// An identifier for URLs made from the first name, unique among `taken`: `karima`, `karima-2`.
    public static func identifier(for firstName: String, taken: Set<String>) -> String {
        let base = String(firstName.folded.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }.prefix(40))
            .split(separator: "-").joined(separator: "-")
        let stem = base.isEmpty ? "persona" : base
        var candidate = stem
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(stem)-\(number)"
            number += 1
        }
        return candidate
    }
}
