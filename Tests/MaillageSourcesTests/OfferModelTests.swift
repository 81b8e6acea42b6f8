import Foundation
import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

/// The pieces of the actors' word, on their own: the hours editor, one column of the standard, validated fields laid
/// over a place, the quality score and the structures recognised in the CAPH data.
@Suite("Declarations: hours editor, columns, validated fields, structures")
struct OfferModelTests {
    @Test(arguments: ["Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00", "Mo,We 10:00-12:00; Aug 01-Aug 15 off; PH off", "Tu 13:30-18:30"])
    func theHoursEditorWritesWhatTheEvaluatorReadsBackAsTheSameWeek(osm: String) throws {
        // Setup: the editor filled from the text
        let form = try #require(HoursForm(osm: osm))
        // Act: written again, read again
        let written = try #require(form.osm)
        let read = OpeningHours(osm: written)
        // Check: the same week, the same closures, nothing tolerated
        #expect(read.problem == nil && read.schedule == OpeningHours(osm: osm).schedule)
        #expect(HoursForm(osm: written) == form)
        #expect(written.contains("PH off") == osm.contains("PH off"))
    }

    @Test func hoursTheEditorCannotShowAreLeftToTheRawText() {
        #expect(HoursForm(osm: "Mo-Fr 09:00-10:00,11:00-12:00,13:00-14:00,15:00-16:00") == nil)
        #expect(HoursForm(osm: "lundi matin") == nil)
        #expect(HoursForm(osm: "Jan-Jun Mo 09:00-12:00") == nil)
        #expect(OpeningHours(osm: "Feb 30-Mar 01 off").expression == nil)
        #expect(AnnualClosure(fromMonth: 12, fromDay: 24, toMonth: 1, toDay: 2)?.osm == "Dec 24-Jan 02 off")
    }

    @Test func oneColumnIsCheckedAsAStandardFileWouldCheckItAndNothingElseChanges() throws {
        // Setup: a real CAPH place
        let place = try #require(TestData.packIndex.entries.first { !$0.place.services.isEmpty }).place
        var changed = place
        // Act: a bad telephone and an unknown service are refused, the place untouched
        let problems = StandardField.set([.telephone: "12", .services: "Piratage"], on: &changed)
        #expect(Set(problems.map(\.column)) == [.telephone, .services] && changed == place)
        // Act: valid cells change only their columns
        #expect(
            StandardField.set(
                [
                    .telephone: StandardField.normalised(.telephone, "03 27 11 22 33"),
                    .services: Service.aideDemarchesAdministratives.rawValue
                ], on: &changed
            ).isEmpty)
        #expect(changed.telephone == "+33327112233" && changed.services == [.aideDemarchesAdministratives])
        #expect(changed.nom == place.nom && changed.horaires == place.horaires && changed.coordinate == place.coordinate)
        // The schema's own patterns, stricter than the readers
        #expect(StandardConformance.problems(in: [.telephone: "+4412345678"]).count == 1)
        #expect(StandardConformance.problems(in: [.codeInsee: "20000"]).count == 1 && StandardConformance.problems(in: [.codeInsee: "2A004"]).isEmpty)
        #expect(StandardConformance.problems(in: [.siteWeb: "javascript:alert(1)"]).count == 1)
    }

    @Test func validatedFieldsOutrankTheNationalFilesAndNameTheirDeclaration() throws {
        // Setup: a merged CAPH place and two validations of its hours, the later one last
        let merged = try #require(TestData.packIndex.entries.first { $0.place.horaires != nil }).merged
        let anchor = try #require(merged.anchor)
        let early = ValidatedField(
            anchor: anchor, column: .horaires, value: "Mo 09:00-12:00", declarationID: 1, structureID: nil,
            validatedAt: Date(timeIntervalSince1970: 1_700_000_000))
        let late = ValidatedField(
            anchor: anchor, column: .horaires, value: "Sa 09:00-12:00", declarationID: 2, structureID: nil,
            validatedAt: Date(timeIntervalSince1970: 1_800_000_000))
        // Act
        let (place, national) = DeclaredValues.apply([late, early], to: merged)
        // Check
        #expect(place.place.horaires == "Sa 09:00-12:00" && national[.horaires] == merged.place.horaires)
        #expect(place.fieldSources["horaires"] == ["declaration:D2"] && place.provenances.first?.source == .declaration)
        #expect(place.anchor == anchor && place.provenances.filter(\.isRecord) == merged.provenances)
        #expect(place.place.dateMaj == CalendarDay(late.validatedAt))
        // A field the national data later contradicts is a disagreement only when it says something new
        var field = late
        (field.baseline, field.national) = ("Mo-Fr 09:00-17:00", "Mo-Fr 09:00-17:00")
        #expect(!field.hasNewNationalValue)
        field.national = "Mo-Fr 08:00-18:00"
        #expect(field.hasNewNationalValue)
    }

    @Test func theQualityScoreFollowsItsDocumentedWeights() throws {
        // Setup: a bare place and the same place complete and fresh
        let today = CalendarDay(year: 2026, month: 12, day: 1)!
        var place = Place(
            id: "x", pivot: "", nom: "Lieu", commune: "Denain", codePostal: "59220", codeInsee: CommuneCode("59172"), adresse: "1 rue", dateMaj: today
        )
        let bare = PlaceQuality(place: place, confirmedOn: CalendarDay(year: 2020, month: 1, day: 1)!, today: today)
        place.horaires = "Mo-Fr 09:00-12:00"
        place.telephone = "+33327000000"
        place.precision = .adresse
        place.coordinate = Coordinate(latitude: 50.3, longitude: 3.4)
        let better = PlaceQuality(place: place, confirmedOn: today, today: today)
        // Check: freshness 20, hours 10, location 10, contact 10, and half the completeness
        #expect(
            better.score - bare.score == 20 + 10 + 10 + 10
                + (place.completeness
                    - Place(
                        id: "x", pivot: "", nom: "Lieu", commune: "Denain", codePostal: "59220",
                        codeInsee: nil, adresse: "1 rue", dateMaj: today
                    ).completeness) / 2)
        #expect(bare.problems.contains("Horaires absents") && !better.problems.contains("Horaires absents"))
        #expect(VigilancePoint.of(place, confirmedOn: today, today: today, reportedClosed: false) == [])
        #expect(
            VigilancePoint.of(place, confirmedOn: CalendarDay(year: 2026, month: 1, day: 1)!, today: today, reportedClosed: true) == [
                .toConfirm, .maybeClosed
            ])
    }

    @Test func theCAPHPlacesGroupIntoStructuresBySirenAndParent() throws {
        // Setup: the CAPH places
        let index = TestData.packIndex
        // Act
        let directory = StructureDirectory(places: index.entries.map(\.merged), territory: index.territory)
        // Check: every place in exactly one structure; places sharing a SIREN share a structure
        #expect(directory.structures.reduce(0) { $0 + $1.placeIDs.count } == index.count)
        #expect(directory.structures.count < index.count)
        let bySiren = Dictionary(grouping: index.entries.map(\.place).filter { $0.pivot.count == 14 }) { $0.pivot.prefix(9) }
        for (_, places) in bySiren where places.count > 1 {
            #expect(Set(places.map { directory.structure(ofPlace: $0.id)?.id }).count == 1)
        }
        #expect(directory.structures(in: .caph).allSatisfy { $0.territory == .caph })
        // A hand completion is laid over what was recognised
        let first = try #require(directory.structures.first)
        let completed = StructureDirectory(
            places: index.entries.map(\.merged), territory: index.territory,
            completions: [
                StructureCompletion(
                    structureID: first.id, name: "Nom complété", kind: .ccas, contactEmail: nil, contactPhone: nil,
                    communes: [CommuneCode("59172")!])
            ])
        #expect(
            completed[first.id]?.name == "Nom complété" && completed[first.id]?.isCompleted == true
                && completed[first.id]?.communes.contains(CommuneCode("59172")!) == true)
    }

    @Test func aStructureTheSourcesNameByANumberSaysSoAndNamesAreReadAsWritten() throws {
        // Setup: the real places of CAPH and its neighbours; one source wrote « 265 901 785 00 » as a place's name (Douai)
        let index = TestData.packIndex
        // Act
        let directory = StructureDirectory(places: index.entries.map(\.merged), territory: index.territory)
        // Check: no structure is called by a number; that one says what is known of it; capitals and runs of spaces read as French writes
        #expect(!directory.structures.contains { !$0.name.contains(where: \.isLetter) })
        #expect(directory.structures.contains { $0.name == "Structure sans nom déclaré (SIRET 26590178500013), Douai" })
        #expect(!directory.structures.contains { $0.name.contains("  ") })
        #expect(directory.structures.contains { $0.name == "Centre Communal d'Action Sociale de DENAIN" })
        #expect(directory.structures.contains { $0.name == "Centre Communal d'Action Sociale de Haspres" })
        #expect(!directory.structures.contains { $0.name == "CENTRE COMMUNAL D'ACTION SOCIALE DE HASPRES" })
    }
}
