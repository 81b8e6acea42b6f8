/// What a search tests about a place, computed once when the index is built: the standard's lists as bits, and the
/// facts read from the opening hours.
public struct PlaceTraits: Sendable {
    public let services: VocabularyBits<Service>
    public let publics: VocabularyBits<TargetPublic>
    public let supports: VocabularyBits<SpecificSupport>
    public let fees: VocabularyBits<Fee>
    public let accessModes: VocabularyBits<AccessMode>
    public let supportModes: VocabularyBits<SupportMode>
    public let programmes: VocabularyBits<NationalProgramme>
    public let labels: VocabularyBits<TrainingLabel>
    public let itinerancy: VocabularyBits<Itinerancy>
    public let opensAfterSix: Bool
    public let opensOnSaturday: Bool
    /// The place receives the public and does not only help remotely.
    public let givesInPersonHelp: Bool
    /// The place says it serves only its commune's residents (``Place/servesOnlyResidents``).
    public let servesOnlyResidents: Bool

    public init(place: Place, schedule: WeeklySchedule?) {
        services = VocabularyBits(place.services)
        publics = VocabularyBits(place.publicsSpecifiquementAdresses)
        supports = VocabularyBits(place.priseEnChargeSpecifique)
        fees = VocabularyBits(place.fraisACharge)
        accessModes = VocabularyBits(place.modalitesAcces)
        supportModes = VocabularyBits(place.modalitesAccompagnement)
        programmes = VocabularyBits(place.dispositifProgrammesNationaux)
        labels = VocabularyBits(place.formationsLabels)
        itinerancy = VocabularyBits(place.itinerance)
        opensAfterSix = schedule?.isOpenAfter(minute: 18 * 60) ?? false
        opensOnSaturday = schedule?.isOpenOnSaturday ?? false
        servesOnlyResidents = place.servesOnlyResidents
        givesInPersonHelp = !place.modalitesAcces.contains(.pasDeAccueilPublic) && place.modalitesAccompagnement != [.aDistance]
    }
}
