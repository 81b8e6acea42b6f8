import MaillageCore

/// `/personas`: the workshop's personas, with their journey's outcome at home.
struct PersonasPage: PageModel {
    struct Item {
        var summary: PersonaSummary
        var outcome: String
        var symbol: String
        var outcomeClass: String
    }

    let template = TemplateName.personas
    let title = "Personas — Maillage"
    var items: [Item]
    var hasItems: Bool
    /// The territory whose library this is.
    var territoryName: String
    var newPersonaURL: String
    var seedURL: String
    var siren: String
    var canEdit: Bool

    init(personas: [Persona], territory siren: Siren, snapshot: IndexStore.Snapshot, canEdit: Bool) {
        let index = snapshot.index
        territoryName = index.territory.epcis[siren]?.name ?? "territoire \(siren.rawValue)"
        newPersonaURL = SiteURL.newPersona.path(query: [("territoire", siren.rawValue)])
        seedURL = SiteURL.seedPersonas.path
        self.siren = siren.rawValue
        self.canEdit = canEdit
        items = personas.map { persona in
            let outcome = Journey.compute(for: persona, index: index, rules: snapshot.rules)?.outcome
            return Item(
                summary: PersonaSummary(persona, territory: index.territory), outcome: outcome?.label ?? "commune inconnue",
                symbol: outcome?.symbol ?? "?", outcomeClass: "outcome-\(outcome?.rawValue ?? "inconnu")")
        }
        hasItems = !items.isEmpty
    }
}

/// `/personas/:id`: who the persona is, with actions and links to their journey.
struct PersonaPage: PageModel {
    struct CommuneLink {
        var name: String
        var url: String
    }

    let template = TemplateName.persona
    var title: String
    var summary: PersonaSummary
    var version: Int
    var editURL: String
    var duplicateURL: String
    var deleteURL: String
    var canEdit: Bool
    var journeys: [CommuneLink]

    init(_ stored: (persona: Persona, version: Int), territory: TerritoryData, canEdit: Bool) {
        let persona = stored.persona
        let summary = PersonaSummary(persona, territory: territory)
        self.summary = summary
        title = "\(persona.firstName) — Personas — Maillage"
        version = stored.version
        editURL = SiteURL.editPersona(.value(persona.id)).path
        duplicateURL = SiteURL.duplicatePersona(.value(persona.id)).path
        deleteURL = SiteURL.deletePersona(.value(persona.id)).path
        self.canEdit = canEdit
        let communes = [persona.commune] + WorkshopMatrix.focusCommunes.filter { $0 != persona.commune }
        journeys = communes.compactMap { territory.commune($0) }.map { commune in
            CommuneLink(name: commune.name, url: SiteURL.journey(.value(persona.id)).path(query: [("commune", commune.code.rawValue)]))
        }
    }
}

/// The persona form, new or edited, with what was typed and the errors to fix.
struct PersonaEditPage: PageModel {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct NeedRow {
        var number: Int
        var task: String
        var services: [Option]
    }

    struct SlotRow {
        var day: String
        var slots: [Option]
    }

    let template = TemplateName.personaEdit
    /// The form's field names.
    let fields = PersonaFormField.names
    var title: String
    var heading: String
    var action: String
    var version: Int?
    /// The library a new persona goes into.
    var territory: String?
    var errors: [String]
    var hasErrors: Bool
    var firstName: String
    var description: String
    var commune: String
    var qpv: String
    var ages: [Option]
    var situations: [Option]
    var equipments: [Option]
    var internet: Bool
    var autonomies: [Option]
    var supports: [Option]
    var mobilities: [Option]
    var minutes: String
    var week: [SlotRow]
    var freeOnly: Bool
    var needs: [NeedRow]

    init(persona: Persona?, version: Int?, action: String, territory: Siren? = nil, names: TerritoryData, errors: [String] = []) {
        self.territory = territory?.rawValue
        let p =
            persona
            ?? Persona(
                id: "", firstName: "", description: "", ageBand: .from26to59, commune: WorkshopMatrix.focusCommunes[0],
                situation: .jobSeeker, equipment: .smartphoneOnly, internetAtHome: false, autonomy: .beginner,
                mobility: .bus, maxMinutes: 45, availability: Persona.weekdays(.matin), freeOnly: true,
                needs: [PersonaNeed(task: "", service: .aideDemarchesAdministratives)])
        heading = persona.map { $0.id.isEmpty ? "Nouveau persona" : "Modifier \($0.firstName)" } ?? "Nouveau persona"
        title = "\(heading) — Maillage"
        self.action = action
        self.version = version
        self.errors = errors
        hasErrors = !errors.isEmpty
        firstName = p.firstName
        description = p.description
        commune = names.commune(p.commune)?.name ?? p.commune.rawValue
        qpv = p.qpv ?? ""
        func options<T: RawRepresentable & CaseIterable>(_ selected: T, _ label: (T) -> String) -> [Option] where T.RawValue == String, T: Equatable {
            T.allCases.map { Option(value: $0.rawValue, label: label($0), selected: $0 == selected) }
        }
        ages = options(p.ageBand, \.label)
        situations = options(p.situation, \.label)
        equipments = options(p.equipment, \.label)
        internet = p.internetAtHome
        autonomies = options(p.autonomy, \.label)
        supports = SpecificSupport.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: p.specificSupports.contains($0)) }
        mobilities = options(p.mobility, \.label)
        minutes = FixedPoint.format(p.maxMinutes, digits: 0)
        week = Weekday.allCases.map { day in
            SlotRow(
                day: day.frenchName,
                slots: WeeklySlot.Part.allCases.map { part in
                    let slot = WeeklySlot(day: day, part: part)
                    return Option(value: PersonaForm.slotKey(slot), label: "\(day.frenchName) \(part.label)", selected: p.availability.contains(slot))
                })
        }
        freeOnly = p.freeOnly
        needs = (1...Persona.maximumNeeds).map { number in
            let need = number <= p.needs.count ? p.needs[number - 1] : nil
            return NeedRow(
                number: number, task: need?.task ?? "",
                services: Service.allCases.map {
                    Option(value: $0.rawValue, label: $0.rawValue, selected: $0 == (need?.service ?? .aideDemarchesAdministratives))
                })
        }
    }
}
