import MaillageCore

/// Real addresses in the demo territory, the CAPH pack `maillage serve` loads into an empty base: the pages' samples
/// that the accessibility check opens (a test opens them on the same pack).
enum DemoTerritory {
    static let territory = Siren.caph
    /// Raismes, in the territory.
    static let commune = CommuneCode("59491")!
    /// Denain, in a neighbouring territory.
    static let neighbourCommune = CommuneCode("59172")!
    /// Avesnes-le-Sec, a commune of the territory far from its places.
    static let remoteCommune = CommuneCode("59038")!
    /// An Aidants Connect place of Raismes, and the structure recognised from it.
    static let place = "aidants-connect-59510086"
    static let structure = "lieu-aidants-connect-59510086"
    /// A place of the orientation sheet: the France services of Wallers-Arenberg.
    static let sheetPlace = "france-services-2228"
    /// Two personas of the library.
    static let persona = "karima"
    static let otherPersona = "marcel"
    /// The cycle and the meeting the accessibility check makes first, on its empty base.
    static let cycle = 1
    static let meeting = 1
    /// A search that finds places on site, one that finds them only in a neighbouring territory, and a need no place meets.
    static let need = "Aide aux démarches administratives"
    static let neighbourNeed = "Insertion professionnelle via le numérique"
    static let unknownNeed = "Jardinage"
}
