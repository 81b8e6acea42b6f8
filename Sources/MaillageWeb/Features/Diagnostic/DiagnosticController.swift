import Hummingbird
import MaillageCore
import MaillageStorage

/// `/diagnostic?epci=SIREN` or `?communes=…` (with `besoin=KEY` choosing the map and `placer=KEY&k=N&minutes=M` the
/// placement proposal), its standalone HTML report `/diagnostic.html`, and one commune's page
/// `/diagnostic/communes/:code`.
struct DiagnosticController {
    let index: any IndexSnapshotReading
    let focus: Siren
    let pages: PageRenderer
    let missingPlaces: MissingPlaceRepository
    let cycles: CycleRepository
    let workshop: WorkshopRepository
    let referrals: ReferralRepository
    /// The site's address the standalone report's links resolve against: the configured public URL, or the server's
    /// own address — never the request's `Host`, which a client chooses.
    let siteURL: String

    func register(on router: Router<AppRequestContext>) {
        router.get(.diagnostic, use: show)
        router.get(.diagnosticReport, use: report)
        router.get(.communeDiagnostic(.key), use: commune)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> HTML {
        pages.render(try await page(request), for: context.visitor)
    }

    /// The same page as a single file: the stylesheet inlined, links made absolute to this site.
    @Sendable func report(request: Request, context: AppRequestContext) async throws -> Response {
        var page = try await page(request)
        page.standalone = .init(stylesheet: pages.stylesheet, baseURL: siteURL)
        var response = try pages.render(page, for: context.visitor).response(from: request, context: context)
        response.headers[.contentDisposition] = "attachment; filename=\"diagnostic.html\""
        return response
    }

    @Sendable func commune(request: Request, context: AppRequestContext) async throws -> HTML {
        let snapshot = index.snapshot, index = snapshot.index
        let text = try context.parameters.require("code")
        guard let code = CommuneCode(text), let commune = index.territory.commune(code) else {
            throw HTTPError(.notFound, message: "Commune inconnue")
        }
        let reader = QueryReader(request)
        let asked = try reader.perimeter()
        let perimeter: Perimeter
        if asked != Perimeter.Request() {
            perimeter = try asked.resolve(in: index.territory, default: focus, names: true)
        } else if let epci = commune.epci.flatMap({ index.territory.epcis[$0] }) {
            perimeter = .epci(epci)
        } else {
            perimeter = Perimeter(name: commune.name, communes: [code])
        }
        let diagnostic = try snapshot.diagnostic(of: perimeter)
        guard let row = diagnostic.rows.first(where: { $0.commune.code == code }) else {
            throw ParameterError(parameter: "communes", message: "\(commune.name) n'est pas dans le périmètre demandé")
        }
        var register: [MissingPlace] = []
        if let epci = commune.epci { register = try await missingPlaces.all(territory: epci) }
        let cards = try await workshop.shownCards(table: code)
        var meetings: [Int: Meeting] = [:]
        for id in Set(cards.map(\.meetingID)) { meetings[id] = try await cycles.meeting(id: id) }
        return pages.render(
            CommuneDiagnosticPage(
                diagnostic: diagnostic, row: row, perimeterQuery: URLQuery.encode(perimeterItems(reader, perimeter, in: index.territory)),
                index: index, register: register, voices: WorkshopVoices(cards: cards, meetings: meetings)), for: context.visitor)
    }

    /// The computed diagnostic, with what the network recorded for the perimeter's territories: their missing places
    /// register, and the orientations their structures sent outside them.
    private func page(_ request: Request) async throws -> DiagnosticPage {
        let snapshot = index.snapshot, index = snapshot.index, territory = index.territory
        let reader = QueryReader(request)
        let perimeter = try reader.perimeter().resolve(in: territory, default: focus, names: true)
        let need = try Self.need(reader, "besoin") ?? .service(.aideDemarchesAdministratives)
        let diagnostic = try snapshot.diagnostic(of: perimeter)
        var page = DiagnosticPage(
            diagnostic: diagnostic, selected: need, perimeterItems: perimeterItems(reader, perimeter, in: territory), index: index,
            placement: try PlacementRequest(reader, default: need, parameters: diagnostic.parameters))
        let communes = Set(perimeter.communes)
        let epcis = Set(communes.compactMap { territory.commune($0)?.epci }).sorted { $0.rawValue < $1.rawValue }
        for epci in epcis {
            page.register += try await missingPlaces.all(territory: epci).filter { $0.commune.map(communes.contains) ?? false }.map { missing in
                "N° \(missing.id) — \(missing.commune.flatMap { territory.commune($0)?.name } ?? "") : "
                    + (missing.services.map(\.rawValue) + missing.needs.map(\.label)).joined(separator: " · ")
                    + " — \(missing.status.label), \(French.count(missing.supporters, "soutien", "soutiens"))"
            }
        }
        page.hasRegister = !page.register.isEmpty
        page.referralsLeaving = ReferralsLeaving(
            flows: try await referrals.flows(territories: epcis), territories: Set(epcis),
            structures: snapshot.structures, territory: territory)
        return page
    }

    /// The perimeter as it was asked for, to carry it on in links and forms.
    /// The perimeter as the page's links and exports name it: as asked, communes named by their codes (the API and
    /// the files take codes).
    private func perimeterItems(_ reader: QueryReader, _ perimeter: Perimeter, in territory: TerritoryData) -> [(String, String)] {
        let asked = (try? reader.perimeter())?.items ?? []
        guard !asked.isEmpty else { return DiagnosticReport.perimeterItems(perimeter) }
        return asked.map { name, value in
            guard name == "communes", let codes = try? Perimeter.Request(communes: value).resolve(in: territory, default: focus, names: true).communes
            else { return (name, value) }
            return (name, codes.map(\.rawValue).joined(separator: ","))
        }
    }

    static func need(_ reader: QueryReader, _ name: String) throws(ParameterError) -> Need? {
        guard let key = try reader.single(name) else { return nil }
        guard let need = Need.all.first(where: { $0.key == key }) else {
            throw ParameterError(parameter: name, message: "« \(name) » inconnu : \(Need.all.map(\.key).joined(separator: ", "))")
        }
        return need
    }
}
