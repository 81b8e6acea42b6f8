import MaillageCore
import MaillageStorage

/// What request handlers share: the database, the territory reference loaded at start, the templates.
struct AppState: Sendable {
    let database: AppDatabase
    let territory: TerritoryData
    let focus: Siren
    let pages: PageRenderer
}
