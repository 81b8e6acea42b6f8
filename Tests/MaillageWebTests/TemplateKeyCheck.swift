import Foundation

/// Walks a template's tags (`{{name}}`, `{{#section}}`, `{{^inverted}}`, `{{> partial}}`, `{{<parent}}` and its
/// `{{$blocks}}`) against the shape of a sample of its model, with Mustache's context stack, and lists every key it
/// reads that the model lacks.
///
/// The shape keeps a struct's nil optionals as known keys (a nil is a value the sample did not have, not a missing
/// field); the dictionaries built by hand (the site shell, the visitor) leave their optional keys out, so a key missing
/// from a dictionary is not a miss. A section over an empty list or a nil value cannot be checked by this sample: it
/// is counted in `unchecked`.
struct TemplateKeyCheck {
    /// One template's text, by name.
    let sources: [String: String]

    /// A key a template reads that its model lacks, where it reads it.
    struct Miss: Hashable, CustomStringConvertible {
        var template: String
        var key: String
        var sections: [String]
        var description: String { "« \(template) » lit {{\(key)}}" + (sections.isEmpty ? "" : " dans " + sections.joined(separator: " › ")) }
    }

    private indirect enum Node {
        case variable(String)
        case section(String, [Node], inverted: Bool)
        case partial(String)
        case parent(String, blocks: [String: [Node]])
        case block(String, [Node])
    }

    /// A field known to the model whose sample value is nil.
    private struct Absent {}

    /// Fields by name; `exhaustive` for a struct (every field listed), not for a dictionary built by hand.
    private struct Fields {
        var values: [String: Any]
        var exhaustive: Bool
    }

    /// The keys of `template` that `model` lacks, and the number of sections this sample could not enter.
    func misses(template: String, model: Any) -> (misses: Set<Miss>, unchecked: Int) {
        var walk = Walk(check: self, template: template)
        walk.visit(template, stack: [Self.shape(model)], sections: [], depth: 0)
        return (walk.misses, walk.unchecked)
    }

    private struct Walk {
        let check: TemplateKeyCheck
        let template: String
        var misses: Set<Miss> = []
        var unchecked = 0

        mutating func visit(_ name: String, stack: [Any], sections: [String], depth: Int, blocks: [String: [Node]] = [:]) {
            guard depth < 20, let text = check.sources[name] else {
                misses.insert(Miss(template: template, key: "> \(name)", sections: sections))
                return
            }
            visit(TemplateKeyCheck.parse(text), stack: stack, sections: sections, depth: depth, blocks: blocks)
        }

        mutating func visit(_ nodes: [Node], stack: [Any], sections: [String], depth: Int, blocks: [String: [Node]]) {
            for node in nodes {
                switch node {
                case .variable(let key):
                    if case .missing = TemplateKeyCheck.resolve(key, in: stack) {
                        misses.insert(Miss(template: template, key: key, sections: sections))
                    }
                case .section(let key, let body, let inverted):
                    let inner = sections + [key]
                    switch TemplateKeyCheck.resolve(key, in: stack) {
                    case .missing: misses.insert(Miss(template: template, key: key, sections: sections))
                    case .unknown: unchecked += 1
                    case .found(let value):
                        if inverted || value is Bool {
                            visit(body, stack: stack, sections: inner, depth: depth, blocks: blocks)
                        } else if let list = value as? [Any] {
                            if list.isEmpty { unchecked += 1 }
                            for element in list.prefix(10) { visit(body, stack: stack + [element], sections: inner, depth: depth, blocks: blocks) }
                        } else if value is Absent {
                            unchecked += 1
                        } else {
                            visit(body, stack: stack + [value], sections: inner, depth: depth, blocks: blocks)
                        }
                    }
                case .partial(let name):
                    visit(name, stack: stack, sections: sections, depth: depth + 1)
                case .parent(let name, let overrides):
                    visit(name, stack: stack, sections: sections, depth: depth + 1, blocks: overrides)
                case .block(let name, let defaultBody):
                    visit(blocks[name] ?? defaultBody, stack: stack, sections: sections, depth: depth, blocks: [:])
                }
            }
        }
    }

    private enum Resolution {
        case found(Any)
        /// Not in the sample but perhaps in the model: a dictionary without it, or a nil on the way.
        case unknown
        case missing
    }

    /// Mustache's look-up: `.` is the top of the stack; a name's first part is searched from the top of the stack down,
    /// its other parts in what the first found.
    private static func resolve(_ key: String, in stack: [Any]) -> Resolution {
        guard key != "." else { return .found(stack.last!) }
        let parts = key.split(separator: ".").map(String.init)
        var value: Any?
        var certain = true
        for context in stack.reversed() {
            guard let fields = context as? Fields else { continue }
            if let found = fields.values[parts[0]] { value = found; break }
            certain = certain && fields.exhaustive
        }
        guard var value else { return certain ? .missing : .unknown }
        for part in parts.dropFirst() {
            guard let fields = value as? Fields else { return .unknown }
            guard let next = fields.values[part] else { return fields.exhaustive ? .missing : .unknown }
            value = next
        }
        return .found(value)
    }

    /// The sample as Mustache sees it: structs (nil fields kept as ``Absent``), dictionaries, lists, plain values.
    private static func shape(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] { return Fields(values: dictionary.mapValues(shape), exhaustive: false) }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional: return mirror.children.first.map { shape($0.value) } ?? Absent()
        case .struct, .class, .tuple:
            var fields: [String: Any] = [:]
            for child in mirror.children { if let label = child.label { fields[label] = shape(child.value) } }
            return Fields(values: fields, exhaustive: true)
        case .collection, .set: return mirror.children.map { shape($0.value) }
        default: return value
        }
    }

    /// The tags of a template as a tree (no delimiter changes: the site's templates use none).
    private static func parse(_ text: String) -> [Node] {
        var stack: [(name: String, kind: Character, nodes: [Node])] = [("", " ", [])]
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let triple = rest[open.upperBound...].hasPrefix("{")
            guard let close = rest[open.upperBound...].range(of: triple ? "}}}" : "}}") else { break }
            var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            let kind: Character = triple ? "&" : tag.first ?? " "
            if "#^/><$&{!%".contains(kind) { tag = tag.dropFirst().trimmingCharacters(in: .whitespaces) }
            switch kind {
            case "!", "%": continue
            case "#", "^", "<", "$": stack.append((tag, kind, []))
            case "/":
                let done = stack.removeLast()
                let node: Node =
                    switch done.kind {
                    case "<":
                        .parent(
                            done.name,
                            blocks: Dictionary(
                                done.nodes.compactMap { if case .block(let name, let body) = $0 { (name, body) } else { nil } },
                                uniquingKeysWith: { first, _ in first }))
                    case "$": .block(done.name, done.nodes)
                    default: .section(done.name, done.nodes, inverted: done.kind == "^")
                    }
                stack[stack.count - 1].nodes.append(node)
            case ">": stack[stack.count - 1].nodes.append(.partial(tag))
            default: stack[stack.count - 1].nodes.append(.variable(tag))
            }
        }
        return stack[0].nodes
    }
}
