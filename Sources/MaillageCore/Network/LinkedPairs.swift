/// The pairs of structures a link already joins, in either direction.
struct LinkedPairs {
    private let pairs: Set<String>

    init(_ links: [Partnership]) { pairs = Set(links.flatMap { ["\($0.from)|\($0.to)", "\($0.to)|\($0.from)"] }) }

    func contains(_ a: String, _ b: String) -> Bool { pairs.contains("\(a)|\(b)") }
}
