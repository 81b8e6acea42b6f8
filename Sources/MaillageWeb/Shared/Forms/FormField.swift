import MaillageCore

/// A form's or a query's fields in one typed place: each case's raw value is the name the browser sends (the wire
/// name, which links, bookmarks and the OpenAPI document keep), its case name the one templates read.
///
/// The decoder reads through the case (`reader.single(CardFormField.lieu)`) and the page model gives the template the
/// names (`let fields = CardFormField.names`, then `name="{{fields.lieu}}"`): renaming a field's wire name changes both.
protocol FormField: RawRepresentable<String>, CaseIterable {}

extension FormField {
    /// The wire names by case name, as templates read them (`{{fields.lieu}}`).
    static var names: [String: String] { Dictionary(uniqueKeysWithValues: allCases.map { (String(describing: $0), $0.rawValue) }) }
}

extension QueryReader {
    func single(_ field: some FormField) throws(ParameterError) -> String? { try single(field.rawValue) }

    func present(_ field: some FormField) throws(ParameterError) -> String? { try present(field.rawValue) }

    func text(_ field: some FormField, maximumLength: Int) throws(ParameterError) -> String? {
        try text(field.rawValue, maximumLength: maximumLength)
    }

    func all(_ field: some FormField, limit: Int = 50) throws(ParameterError) -> [String] { try all(field.rawValue, limit: limit) }

    func list<T: StandardVocabulary>(_ field: some FormField) throws(ParameterError) -> [T] { try list(field.rawValue) }

    func flag(_ field: some FormField) throws(ParameterError) -> Bool { try flag(field.rawValue) }

    func number(_ field: some FormField, _ range: ClosedRange<Double>) throws(ParameterError) -> Double? { try number(field.rawValue, range) }

    func choice<T: RawRepresentable<String> & CaseIterable>(_ field: some FormField) throws(ParameterError) -> T? { try choice(field.rawValue) }
}
