/// A page model as Mustache reads it fastest: every struct becomes a `[String: Any]` dictionary, once per render.
///
/// Mustache finds a plain struct's field by reflecting the whole struct again for every `{{name}}` it renders (and
/// for every struct it climbs through on a miss), which made reflection most of the server time of long pages: the
/// diagnostic matrix, the search results. Reflecting each value once into dictionaries gives the templates the same
/// names and values — a nil optional is left out, exactly as Mustache treats it — at the cost of one dictionary
/// look-up each.
enum TemplateTree {
    /// The value with its structs turned into dictionaries, recursively; nil for a nil optional.
    static func make(_ value: Any) -> Any? {
        // Comparing the dynamic type is much cheaper than casting `Any` (a runtime conformance search).
        let type = Swift.type(of: value)
        if type == String.self || type == Bool.self || type == Int.self || type == Double.self { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { make($0.value) }
        case .struct:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = make(child.value) { fields[label] = field }
            }
            return fields
        case .collection:
            return mirror.children.compactMap { make($0.value) }
        default:
            return value
        }
    }
}
