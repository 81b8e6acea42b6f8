import Hummingbird

/// `page` and `per_page` read and checked from a query.
struct Paging {
    static let maxPerPage = 200
    var page: Int
    var perPage: Int

    init(_ reader: QueryReader, defaultPerPage: Int = 50) throws {
        page = try Self.integer(try reader.present("page"), name: "page", default: 1, range: 1...1_000_000)
        perPage = try Self.integer(try reader.present("per_page"), name: "per_page", default: defaultPerPage, range: 1...Self.maxPerPage)
    }

    var offset: Int { (page - 1) * perPage }

    private static func integer(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.badParameter(name, "« \(name) » doit être un entier entre \(range.lowerBound) et \(range.upperBound)")
        }
        return number
    }
}
