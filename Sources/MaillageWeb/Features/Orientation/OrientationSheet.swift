import MaillageCore

/// `/orienter/fiche`: the orientation sheet to print or hand over. Generated, never saved.
struct OrientationSheet: PageModel {
    struct Day {
        var name: String
        var hours: String
    }

    let template = TemplateName.sheet
    var title: String
    var name: String
    var address: String
    var phone: String?
    var emails: String?
    var bookingURL: String?
    var instructions: [String]
    var days: [Day]
    var hasDays: Bool
    var rawHours: String?
    var hoursAdvice: String
    var needs: String
    var bring: [String]
    var reasons: String
    var gaps: String?
    var summary: String
    var backURL: String
    /// « 1er décembre 2026 »: the day the sheet was handed over.
    var issuedOn: String
    /// The signed-in person who orients; a line to fill in by hand otherwise.
    var referrer: String?
    var referrerStructure: String?
    /// The place's page on this site, and its QR code for the person's phone.
    var placeURL: String
    var placeQRCode: String?

    init(
        entry: PlaceIndex.Entry, match: SearchResult.Match?, parameters: OrientationParameters, issuedOn: CalendarDay, referrer: String?,
        referrerStructure: String? = nil,
        placeURL: String
    ) {
        let place = entry.place
        title = "Fiche d'orientation : \(place.nom) — Maillage"
        name = place.nom.displayCased
        address = place.postalAddress
        phone = place.telephone.map(PlacePage.frenchPhone)
        emails = place.courriels.isEmpty ? nil : place.courriels.joined(separator: ", ")
        bookingURL = place.priseRdv
        instructions = place.accessInstructions
        days = entry.schedule.map { $0.frenchWeek.map { Day(name: $0.day.frenchName.capitalized, hours: $0.hours) } } ?? []
        hasDays = !days.isEmpty
        rawHours = entry.schedule == nil ? place.horaires : nil
        hoursAdvice = place.hoursAdvice
        let needs = parameters.needs.isEmpty ? place.services : parameters.needs
        self.needs = needs.map(\.rawValue).joined(separator: ", ")
        var bring = ["ce document"]
        for item in needs.flatMap(\.whatToBring) where !bring.contains(item) { bring.append(item) }
        self.bring = bring
        reasons = match?.summary ?? ""
        gaps = match.flatMap { $0.gaps.isEmpty ? nil : $0.gaps.joined(separator: " · ") }
        summary = parameters.summary
        backURL = SiteURL.orientResults.path(query: parameters.queryItems)
        self.issuedOn = issuedOn.french
        self.referrer = referrer
        self.referrerStructure = referrerStructure
        self.placeURL = placeURL
        placeQRCode = (try? QRCode(text: placeURL)).map { QRCodeSVG.render($0, title: "Code QR de la page du lieu : \(placeURL)") }
    }
}
