import MaillageCore
import Testing

@Suite("What no source says is said as unknown, with the way to find out")
struct PlaceUnknownsTests {
    static func place(phone: String? = nil, emails: [String] = [], modes: [AccessMode] = []) -> Place {
        var place = Place(
            id: "x", pivot: "", nom: "Centre social", commune: "Denain", codePostal: "59220",
            codeInsee: CommuneCode("59172"), adresse: "1 rue Villars", dateMaj: CalendarDay(year: 2026, month: 1, day: 5)!)
        place.telephone = phone
        place.courriels = emails
        place.modalitesAcces = modes
        return place
    }

    @Test func declaredAccessModesAreSaidAsDeclared() {
        let place = Self.place(phone: "+33327000000", modes: [.telephoner, .sePresenter])
        #expect(place.accessInstructions == ["Téléphoner avant de venir.", "Se présenter sur place aux heures d'ouverture, sans rendez-vous."])
    }

    @Test(arguments: [
        (Self.place(phone: "+33327000000"), "téléphoner au lieu"),
        (Self.place(emails: ["accueil@centre.fr"]), "écrire au lieu par courriel"),
        (Self.place(), "se renseigner auprès de la mairie de Denain")
    ])
    func withoutAccessModesNoWalkInIsPromised(place: Place, howToAsk: String) {
        let instructions = place.accessInstructions
        #expect(instructions == ["Les conditions d'accueil (avec ou sans rendez-vous) ne sont pas renseignées : \(howToAsk) avant de venir."])
        #expect(place.hoursAdvice == "Horaires à confirmer : \(howToAsk) avant de venir.")
    }

    @Test func noDistanceReadsAsZeroMetres() {
        #expect(Distance.french(0) == "moins de 100 m")
        #expect(Distance.french(94) == "moins de 100 m")
        #expect(Distance.french(96) == "100 m")
        #expect(Distance.french(2_340) == "2,3 km")
    }

    @Test func theFirstOfTheMonthIsWrittenAsFrenchDoes() {
        #expect(CalendarDay(year: 2026, month: 12, day: 1)!.french == "1er décembre 2026")
        #expect(CalendarDay(year: 2021, month: 3, day: 15)!.french == "15 mars 2021")
    }
}

@Suite("Names written in capitals by their source")
struct DisplayCaseTests {
    @Test(arguments: [
        ("COMMUNE D'ESCAUDAIN", "Commune d'Escaudain"),
        ("CENTRE SOCIAL ST ROCH", "Centre Social St Roch"),
        ("CCAS DE FRESNES-SUR-ESCAUT", "CCAS de Fresnes-sur-Escaut"),
        ("MAISON DE QUARTIER SAINT WAAST", "Maison de Quartier Saint Waast"),
        ("France services Wallers Arenberg", "France services Wallers Arenberg"),
        ("Mediatheque Intercommunale – JACQUES PREVERT", "Mediatheque Intercommunale – JACQUES PREVERT")
    ])
    func aNameInCapitalsReadsAsFrenchWritesIt(source: String, shown: String) {
        #expect(source.displayCased == shown)
    }
}
