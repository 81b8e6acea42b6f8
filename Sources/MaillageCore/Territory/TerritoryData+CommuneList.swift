import Foundation

extension TerritoryData {
    /// A text of the list that is not the INSEE code of a known commune.
    public struct UnknownCommune: Error, Sendable {
        public var text: String
    }

    /// The communes of a comma-separated list of INSEE codes ("59526,59172, 59491"), in order.
    public func communeCodes(inList list: String) throws(UnknownCommune) -> [CommuneCode] {
        var codes: [CommuneCode] = []
        for item in list.split(separator: ",") {
            let text = item.trimmed
            guard let code = CommuneCode(text), commune(code) != nil else { throw UnknownCommune(text: text) }
            codes.append(code)
        }
        return codes
    }
}
