/// One option of a `<select>` or one box of a group of checkboxes, as templates read it.
struct FormChoice: Sendable, Equatable {
    var value: String
    var label: String
    var selected: Bool

    /// The choices of a fixed vocabulary, `selected` ticked.
    static func all<T: RawRepresentable<String> & CaseIterable>(_ type: T.Type, label: (T) -> String, selected: (T) -> Bool) -> [FormChoice] {
        T.allCases.map { FormChoice(value: $0.rawValue, label: label($0), selected: selected($0)) }
    }
}
