import Hummingbird

extension Parameters {
    /// A path parameter as its link meant it: percent-decoded. Links encode every parameter (``SiteURL``), and some
    /// identifiers hold characters a path cannot carry as they are (data·inclusion's `dora/…` places hold a `/`).
    func decoded(_ name: String) throws -> String {
        let raw = try require(name)
        return raw.removingPercentEncoding ?? raw
    }
}
