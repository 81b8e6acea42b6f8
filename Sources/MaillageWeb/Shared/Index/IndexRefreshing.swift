/// Brings the index up to date after a write of the request's own, so that the page it redirects to shows the write.
protocol IndexRefreshing: Sendable {
    @discardableResult
    func refreshIfChanged() async throws -> IndexStore.Refresh
}
