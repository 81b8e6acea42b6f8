import Foundation
import Hummingbird
import MaillageCore

/// `/orienter`: the guided orientation of a field worker, its results, and the printable orientation sheet.
struct OrientationController {
    let index: any PlaceIndexReading & StructureDirectoryReading & OrientationRuleBookReading
    let focus: Siren
    let pages: PageRenderer
    /// The site's own address, ending with `/`, for the QR code of the sheet.
    let siteURL: String

    func register(on router: Router<AppRequestContext>) {
        router.get(.orient, use: form)
        router.get(.orientResults, use: results)
        router.get(.orientSheet, use: sheet)
    }

    @Sendable func form(request: Request, context: AppRequestContext) async throws -> HTML {
        pages.render(OrientationPage(parameters: OrientationParameters(), result: nil), for: context.visitor)
    }

    @Sendable func results(request: Request, context: AppRequestContext) async throws -> HTML {
        let parameters: OrientationParameters, result: SearchResult?
        do {
            (parameters, result) = try answer(request)
        } catch {
            var page = pages.render(OrientationPage(parameters: OrientationParameters(), result: nil, error: error.message), for: context.visitor)
            page.status = .badRequest
            return page
        }
        // The network's rule for the situation comes first, when the person's commune has one.
        let rule = result?.originCommune.flatMap { index.rules.applicable(to: parameters.situation(commune: $0.code)).first }
        return pages.render(
            OrientationPage(parameters: parameters, result: result, rule: rule, directory: index.structures, index: index.current),
            for: context.visitor)
    }

    @Sendable func sheet(request: Request, context: AppRequestContext) async throws -> HTML {
        let reader = QueryReader(request)
        do {
            guard let id = try reader.single("lieu"), let entry = index.current.entry(id: id) else {
                throw HTTPError(.notFound, message: "Ce lieu n'existe pas ou plus.")
            }
            let (parameters, result) = try answer(request)
            let match = result.map { ($0.matches + $0.partialMatches + $0.neighbourMatches).first { $0.entry.place.id == id } } ?? nil
            // The referrer's structures, when their account is a member of some (several: their names side by side).
            let structures = (context.visitor.actor?.grants ?? []).compactMap { grant -> String? in
                guard case .structure(let id) = grant.scope else { return nil }
                return index.structures[id]?.name
            }
            let sheet = OrientationSheet(
                entry: entry, match: match, parameters: parameters, issuedOn: CalendarDay(Date()),
                referrer: context.visitor.actor?.name,
                referrerStructure: structures.isEmpty ? nil : Set(structures).sorted().joined(separator: " / "),
                placeURL: siteURL.dropLast() + SiteURL.place(.value(entry.place.id)).path)
            return pages.render(sheet, for: context.visitor)
        } catch let error as ParameterError {
            throw HTTPError(.badRequest, message: error.message)
        }
    }

    /// Reads the form and runs its search (nil result when the person's commune is not given yet).
    private func answer(_ request: Request) throws(ParameterError) -> (OrientationParameters, SearchResult?) {
        let parameters = try OrientationParameters(QueryReader(request))
        let index = index.current
        var search = SearchParameters()
        search.place = parameters.place
        guard let place = parameters.place, !place.isEmpty else {
            throw ParameterError(parameter: OrientationField.ou.rawValue, message: "indiquez la commune où vit la personne")
        }
        guard !parameters.needs.isEmpty else {
            throw ParameterError(parameter: OrientationField.besoin.rawValue, message: "choisissez au moins un besoin")
        }
        let resolved = try OriginResolver(territory: index.territory, focus: focus).resolve(search)
        return (parameters, index.search(parameters.query(origin: resolved?.origin, limit: 10)))
    }
}
