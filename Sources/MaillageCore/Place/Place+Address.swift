extension Place {
    /// The street address as a page shows it (« Grand Place » for a source's « GRAND PLACE »), with its complement.
    public var streetAddress: String {
        [adresse, complementAdresse].compactMap { $0?.nonBlank?.displayCased }.joined(separator: ", ")
    }

    /// The whole postal address as a page shows it: « 69 rue Michel Rondet, 59135 Wallers ».
    public var postalAddress: String {
        [streetAddress.nonBlank, "\(codePostal) \(commune.displayCased)"].compactMap { $0 }.joined(separator: ", ")
    }
}
