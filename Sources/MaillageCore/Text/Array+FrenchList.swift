extension Array where Element == String {
    /// Items as a sentence lists them: « Bellaing », « Bellaing et Wallers », « Bellaing, Raismes et Wallers ».
    public var frenchList: String {
        guard let last, count > 1 else { return first ?? "" }
        return dropLast().joined(separator: ", ") + " et " + last
    }
}
