extension QRCode.Matrix {
    /// The standard's penalty of a masked symbol (rules N1 to N4): runs of five or more, 2 × 2 blocks, finder-like
    /// patterns with light space beside them (the symbol's border counts as light), imbalance of dark and light.
    var penalty: Int {
        var score = 0
        for line in 0..<size {
            score += linePenalty { modules[line][$0] }
            score += linePenalty { modules[$0][line] }
        }
        for row in 0..<size - 1 {
            for column in 0..<size - 1 {
                let colour = modules[row][column]
                if colour == modules[row][column + 1], colour == modules[row + 1][column], colour == modules[row + 1][column + 1] { score += 3 }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.count(where: { $0 }) }, total = size * size
        score += ((abs(dark * 20 - total * 10) + total - 1) / total - 1) * 10
        return score
    }

    /// Rules N1 and N3 along one row or column, read through `module`.
    private func linePenalty(_ module: (Int) -> Bool) -> Int {
        var score = 0
        var colour = false, length = 0
        var history = [Int](repeating: 0, count: 7)
        func push(_ run: Int) {
            history.removeLast()
            history.insert(history[0] == 0 ? run + size : run, at: 0)
        }
        func finderLike() -> Int {
            let n = history[1]
            let core = n > 0 && history[2] == n && history[3] == n * 3 && history[4] == n && history[5] == n
            return (core && history[0] >= n * 4 && history[6] >= n ? 1 : 0) + (core && history[6] >= n * 4 && history[0] >= n ? 1 : 0)
        }
        for index in 0..<size {
            if module(index) == colour {
                length += 1
                if length == 5 { score += 3 } else if length > 5 { score += 1 }
            } else {
                push(length)
                if !colour { score += finderLike() * 40 }
                colour = module(index)
                length = 1
            }
        }
        if colour {
            push(length)
            length = 0
        }
        push(length + size)
        return score + finderLike() * 40
    }
}
