import Foundation

extension TerritoryData {
    /// A text of the list that names no known commune, or several.
    public struct UnknownCommune: Error, Sendable {
        public var text: String
        /// The communes the text could mean, when it means several.
        public var candidates: [String] = []

        /// What to tell the person: « « Saint-Amand » : plusieurs communes (…) : précisez ».
        public var message: String {
            let shown = String(text.prefix(60))
            guard !candidates.isEmpty else { return "« \(shown) » n'est ni le nom ni le code INSEE d'une commune connue" }
            return "« \(shown) » : plusieurs communes (\(candidates.prefix(6).joined(separator: ", "))\(candidates.count > 6 ? "…" : "")) : précisez"
        }
    }

    /// The communes of a comma-separated list of names or INSEE codes ("Saint-Amand-les-Eaux, Denain, 59491"), in
    /// order. A name may be approximate (« St Amand les Eaux », « Raimes »); among several communes it could mean, the
    /// only one in `preferred` EPCIs is taken, otherwise the list is refused with the choices.
    public func communeCodes(inList list: String, preferring preferred: Set<Siren> = []) throws(UnknownCommune) -> [CommuneCode] {
        var codes: [CommuneCode] = []
        for item in list.split(separator: ",") {
            let text = item.trimmed
            if let code = CommuneCode(text) {
                guard commune(code) != nil else { throw UnknownCommune(text: text) }
                codes.append(code)
                continue
            }
            let candidates = communes(approximatelyNamed: text).communes
            let near = candidates.filter { $0.epci.map(preferred.contains) ?? false }
            guard let chosen = candidates.count == 1 ? candidates.first : (near.count == 1 ? near.first : nil) else {
                throw UnknownCommune(text: text, candidates: (near.isEmpty ? candidates : near).map { "\($0.name) (\($0.code))" })
            }
            codes.append(chosen.code)
        }
        return codes
    }
}
