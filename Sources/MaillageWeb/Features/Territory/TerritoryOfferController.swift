import Foundation
import Hummingbird
import MaillageCore
import MaillageSources
import MaillageStorage

/// A territory's offer as data: the points de vigilance and quality of its places, its places exported in the
/// national standard (CSV and JSON that pass the schema's constraints), and the corrections report for the national
/// map. The exports are public (the places are open data); the vigilance page is for the territory's coordinators.
struct TerritoryOfferController {
    let index: any PlaceIndexReading & StructureDirectoryReading
    let declarations: DeclarationRepository
    let pages: PageRenderer
    let gate: AccessGate

    func register(on router: Router<AppRequestContext>) {
        router.get(.vigilance(.key), use: vigilance)
        router.get(.territoryPlacesCSV(.key), use: placesCSV)
        router.get(.territoryPlacesJSON(.key), use: placesJSON)
        router.get(.territoryCorrectionsCSV(.key), use: correctionsCSV)
    }

    @Sendable func vigilance(request: Request, context: AppRequestContext) async throws -> HTML {
        let siren = try context.territoryParameter(in: index.current)
        try gate.require(.review(siren), request, context)
        let selected: VigilancePoint? = try QueryReader(request).choice("point")
        let closing = Set(
            try await declarations.list(.init(territories: [siren], statuses: [.propose, .aVerifier], limit: 10_000))
                .filter { $0.category == .fermeDefinitivement }.compactMap(\.placeID))
        let today = CalendarDay(Date())
        let rows = index.current.entries(ofTerritory: siren).map { entry in
            (
                entry,
                VigilancePoint.of(entry.place, confirmedOn: entry.place.dateMaj, today: today, reportedClosed: closing.contains(entry.place.id)),
                PlaceQuality(place: entry.place, confirmedOn: entry.place.dateMaj, today: today)
            )
        }
        return pages.render(VigilancePage(territoryName: name(of: siren), siren: siren, rows: rows, selected: selected), for: context.visitor)
    }

    @Sendable func placesCSV(request: Request, context: AppRequestContext) async throws -> Response {
        let siren = try context.territoryParameter(in: index.current)
        return download(Data(StandardCSVWriter.write(exported(siren)).utf8), type: "text/csv; charset=utf-8", name: "lieux-\(siren.rawValue).csv")
    }

    @Sendable func placesJSON(request: Request, context: AppRequestContext) async throws -> Response {
        let siren = try context.territoryParameter(in: index.current)
        return download(StandardJSONWriter.write(exported(siren)), type: "application/json", name: "lieux-\(siren.rawValue).json")
    }

    /// Every validated field of the territory's places, with the national value it corrects: what to send upstream.
    @Sendable func correctionsCSV(request: Request, context: AppRequestContext) async throws -> Response {
        let siren = try context.territoryParameter(in: index.current)
        let byRecord = index.current.entriesByRecord(ofTerritory: siren)
        let structures = index.structures
        let rows: [[String]] = try await declarations.validatedFields().compactMap { field in
            guard let entry = byRecord[field.anchor] else { return nil }
            let national = entry.merged.provenances.first { $0.key == field.anchor }
            return [
                national?.sourceID ?? entry.place.id, national?.source.label ?? "", entry.place.nom, field.column.rawValue,
                field.baseline ?? field.national ?? "", field.value, CalendarDay(field.validatedAt).description,
                field.structureID.flatMap { structures[$0]?.name } ?? "", "\(field.declarationID)"
            ]
        }
        let header = [
            "id_lieu_source", "source", "nom", "champ", "valeur_nationale", "valeur_declaree", "date_validation", "structure", "declaration"
        ]
        return download(CSVDialect.excel.document([header] + rows), type: "text/csv; charset=utf-8", name: "corrections-\(siren.rawValue).csv")
    }

    /// The territory's places (the writers leave out what the schema would refuse).
    private func exported(_ siren: Siren) -> [Place] {
        index.current.entries(ofTerritory: siren).map(\.place)
    }

    private func name(of siren: Siren) -> String { index.current.territory.epcis[siren]?.name ?? siren.rawValue }

    private func download(_ data: Data, type: String, name: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
