extension Array {
    /// The `k` first elements in the order `areInIncreasingOrder` defines, sorted — as `sorted(by:).prefix(k)`, but
    /// without sorting everything when `k` is small: a search keeps its 10 nearest of thousands of candidates.
    public func smallest(_ k: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard k > 0 else { return [] }
        guard k < count / 8 else { return Array(sorted(by: areInIncreasingOrder).prefix(k)) }
        var kept: [Element] = []
        kept.reserveCapacity(k + 1)
        for element in self {
            if kept.count == k, !areInIncreasingOrder(element, kept[k - 1]) { continue }
            // Insert after every kept element that is not after it: equal elements keep their order, as a stable sort.
            var low = 0, high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if areInIncreasingOrder(element, kept[middle]) { high = middle } else { low = middle + 1 }
            }
            kept.insert(element, at: low)
            if kept.count > k { kept.removeLast() }
        }
        return kept
    }
}
