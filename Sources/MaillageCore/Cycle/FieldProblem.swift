/// One field of a form that cannot be kept as written, and what was expected: « Titre : un titre de 1 à 200 caractères ».
public struct FieldProblem: Hashable, Sendable {
    public var field: String
    public var expected: String

    public init(field: String, expected: String) {
        self.field = field
        self.expected = expected
    }

    public var sentence: String { "\(field) : \(expected)" }
}
