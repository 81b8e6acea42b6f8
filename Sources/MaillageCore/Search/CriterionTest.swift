/// A ``Criterion`` compiled to bit tests on ``PlaceTraits``: what the candidate scan runs for every place.
struct CriterionTest: Sendable {
    private enum Check: Sendable {
        case services(VocabularyBits<Service>)
        case publics(VocabularyBits<TargetPublic>)
        case supports(VocabularyBits<SpecificSupport>)
        case fees(VocabularyBits<Fee>)
        case accessModes(VocabularyBits<AccessMode>)
        case supportModes(VocabularyBits<SupportMode>)
        case programmes(VocabularyBits<NationalProgramme>)
        case labels(VocabularyBits<TrainingLabel>)
        case itinerancy(VocabularyBits<Itinerancy>)
        case openAt(WeeklyMoment)
        case availability([WeeklySlot])
        case openAfterSix
        case openOnSaturday
        case inPerson
        case declaresAnOffer
        case receivesResidentOf(CommuneCode)
    }

    private let check: Check
    let criterion: Criterion
    /// The texts that do not depend on the place, built once per query.
    private let metText: String?
    private let unmetText: String?

    init(_ criterion: Criterion) {
        self.criterion = criterion
        metText = criterion.constantExplanation(met: true)
        unmetText = criterion.constantExplanation(met: false)
        switch criterion {
        case .service(let service): check = .services(VocabularyBits([service]))
        case .targetPublic(let audience): check = .publics(VocabularyBits([audience]))
        case .specificSupport(let support): check = .supports(VocabularyBits([support]))
        case .fee(let fees): check = .fees(VocabularyBits(fees))
        case .accessMode(let mode): check = .accessModes(VocabularyBits([mode]))
        case .supportMode(let mode): check = .supportModes(VocabularyBits([mode]))
        case .programme(let programme): check = .programmes(VocabularyBits([programme]))
        case .label(let label): check = .labels(VocabularyBits([label]))
        case .itinerancy(let kinds): check = .itinerancy(VocabularyBits(kinds))
        case .openAt(let moment): check = .openAt(moment)
        case .availability(let slots): check = .availability(slots)
        case .openAfterSix: check = .openAfterSix
        case .openOnSaturday: check = .openOnSaturday
        case .inPerson: check = .inPerson
        case .declaresAnOffer: check = .declaresAnOffer
        case .receivesResidentOf(let commune): check = .receivesResidentOf(commune)
        }
    }

    /// The reason or gap to show for a place that passes or not.
    func explanation(for entry: PlaceIndex.Entry, passed: Bool) -> String {
        (passed ? metText : unmetText) ?? criterion.explanation(for: entry, met: passed)
    }

    /// Whether the place passes. A place that names no specific public addresses every public ("tout public").
    func passes(_ entry: PlaceIndex.Entry) -> Bool {
        let traits = entry.traits
        switch check {
        case .services(let bits): return traits.services.intersects(bits)
        case .publics(let bits): return traits.publics.isEmpty || traits.publics.intersects(bits)
        case .supports(let bits): return traits.supports.intersects(bits)
        case .fees(let bits): return traits.fees.intersects(bits)
        case .accessModes(let bits): return traits.accessModes.intersects(bits)
        case .supportModes(let bits): return traits.supportModes.intersects(bits)
        case .programmes(let bits): return traits.programmes.intersects(bits)
        case .labels(let bits): return traits.labels.intersects(bits)
        case .itinerancy(let bits): return traits.itinerancy.intersects(bits)
        case .openAt(let moment): return entry.schedule?.isOpen(on: moment.day, atMinute: moment.minute) ?? false
        case .availability(let slots): return entry.schedule.map { schedule in slots.contains { schedule.overlap(with: $0) != nil } } ?? false
        case .openAfterSix: return traits.opensAfterSix
        case .openOnSaturday: return traits.opensOnSaturday
        case .inPerson: return traits.givesInPersonHelp
        case .declaresAnOffer: return entry.declaresAnOffer
        case .receivesResidentOf(let commune): return !traits.servesOnlyResidents || entry.place.codeInsee == commune
        }
    }
}
