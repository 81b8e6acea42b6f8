import MaillageCore

/// Shown when the configured territory is not in the database.
struct MissingTerritoryPage: PageModel {
    let template = TemplateName.missingTerritory
    var title = "Territoire non chargé — Maillage"
    var siren: String
}
