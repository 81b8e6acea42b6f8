import Hummingbird

/// One page of a paginated list.
struct PageDTO<Item: Codable & Sendable>: ResponseEncodable, Sendable {
    struct Pagination: Codable, Sendable {
        var page: Int
        var perPage: Int
        var total: Int
        var pages: Int

        init(paging: Paging, total: Int) {
            page = paging.page
            perPage = paging.perPage
            self.total = total
            pages = (total + paging.perPage - 1) / paging.perPage
        }
    }

    var data: [Item]
    var pagination: Pagination
}
