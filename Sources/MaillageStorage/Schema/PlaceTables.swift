/// The names of the merged-place tables and their columns: the only place they are spelled.
enum PlaceTables {
    /// One row per merged place: its block, and every single-valued field of the standard in a typed column
    /// (``PlaceColumns``); multi-valued fields of a closed vocabulary as bits of an integer.
    enum Place {
        static let table = "places"
        static let id = "id"
        static let blockKey = "block_key"
    }

    /// The records merged into each place, highest-priority source first.
    enum Source {
        static let table = "place_sources"
        static let placeID = "place_id"
        static let position = "position"
        static let source = "source"
        static let sourceID = "source_id"
        static let dateMaj = "date_maj"
    }

    /// The values of the multi-valued fields with an open or long list of values (typologie, courriels, site_web,
    /// autres_formations_labels), in order.
    enum ListItem {
        static let table = "place_list_items"
        static let placeID = "place_id"
        static let field = "field"
        static let position = "position"
        static let value = "value"

        static let typologie = "typologie"
        static let courriels = "courriels"
        static let siteWeb = "site_web"
        static let autresFormationsLabels = "autres_formations_labels"
        static let fields = [typologie, courriels, siteWeb, autresFormationsLabels]
    }

    /// Source values no vocabulary maps, kept as written.
    enum Unmapped {
        static let table = "place_unmapped"
        static let placeID = "place_id"
        static let position = "position"
        static let field = "field"
        static let value = "value"
    }
}
