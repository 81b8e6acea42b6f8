import MaillageCore
import MaillageStorage

/// What request handlers share: the database, the current search index, the focus territory, the templates.
struct AppState: Sendable {
    let database: AppDatabase
    let index: IndexStore
    let focus: Siren
    let pages: PageRenderer

    /// The territory reference of the current index.
    var territory: TerritoryData { index.current.territory }
}
