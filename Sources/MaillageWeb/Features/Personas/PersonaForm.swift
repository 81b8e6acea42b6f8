import Hummingbird
import MaillageCore

/// The persona form: its fields as the page shows them, read back from a posted form into a ``Persona``.
struct PersonaForm {
    /// One availability checkbox: a day and a part of the day.
    static let slots: [WeeklySlot] = Weekday.allCases.flatMap { day in WeeklySlot.Part.allCases.map { WeeklySlot(day: day, part: $0) } }

    static func slotKey(_ slot: WeeklySlot) -> String { "\(slot.day.osmCode.lowercased())-\(Part.key(slot))" }

    private enum Part {
        static func key(_ slot: WeeklySlot) -> String { WeeklySlot.Part.allCases.first { $0.span == slot.span }?.rawValue ?? "autre" }
    }

    /// Reads a posted form; the identifier is kept from `id` (nil for a new persona). The commune is a name or an INSEE
    /// code, read in `territory`, preferring the communes of `focus` and its neighbours.
    static func persona(from reader: QueryReader, id: String?, territory: TerritoryData, focus: Siren) throws(ParameterError) -> Persona {
        func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) throws(ParameterError) -> T where T.RawValue == String {
            guard let text = try reader.single(name), let value = T(rawValue: text) else {
                throw ParameterError(parameter: name, message: "« \(name) » : choisissez une des valeurs proposées")
            }
            return value
        }
        let firstName = try reader.single(PersonaFormField.prenom) ?? ""
        let description = try reader.text(PersonaFormField.description, maximumLength: 1_000) ?? ""
        guard let text = try reader.single(PersonaFormField.commune), !text.contains(",") else {
            throw ParameterError(parameter: PersonaFormField.commune.rawValue, message: "indiquez la commune où vit le persona (ex. Denain)")
        }
        // A code is taken as written (the form says when no commune has it); a name is looked for.
        let code: CommuneCode
        if let written = CommuneCode(text) {
            code = written
        } else {
            do { code = try territory.communeCodes(inList: text, preferring: territory.coveredEPCIs(around: focus))[0] } catch {
                throw ParameterError(parameter: PersonaFormField.commune.rawValue, message: "Commune : \(error.message)")
            }
        }
        let minutes = try reader.number(PersonaFormField.minutes, 5...180) ?? 30
        let chosen = Set(try reader.all(PersonaFormField.dispo))
        var needs: [PersonaNeed] = []
        for number in 1...Persona.maximumNeeds {
            guard let task = try reader.single(PersonaFormField.tache.numbered(number)) else { continue }
            needs.append(PersonaNeed(task: task, service: try choice(PersonaFormField.service.numbered(number), Service.self)))
        }
        let supports: [SpecificSupport] = try reader.list(PersonaFormField.priseEnChargeSpecifique)
        return Persona(
            id: id ?? "", firstName: firstName, description: description, ageBand: try choice(PersonaFormField.age.rawValue, Persona.AgeBand.self),
            commune: code, qpv: try reader.single(PersonaFormField.qpv),
            situation: try choice(PersonaFormField.situation.rawValue, Persona.Situation.self),
            equipment: try choice(PersonaFormField.equipement.rawValue, Persona.Equipment.self),
            internetAtHome: try reader.flag(PersonaFormField.internet),
            autonomy: try choice(PersonaFormField.autonomie.rawValue, Persona.Autonomy.self), specificSupports: supports,
            mobility: try choice(PersonaFormField.mobilite.rawValue, Persona.Mobility.self), maxMinutes: minutes,
            availability: slots.filter { chosen.contains(slotKey($0)) }, freeOnly: try reader.flag(PersonaFormField.gratuit), needs: needs)
    }
}
