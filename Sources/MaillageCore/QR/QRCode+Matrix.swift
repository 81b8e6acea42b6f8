extension QRCode {
    /// The symbol being built: its modules and which of them are function patterns (never masked).
    struct Matrix {
        let version: Int
        let size: Int
        var modules: [[Bool]]
        var isFunction: [[Bool]]

        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            modules = Array(repeating: Array(repeating: false, count: size), count: size)
            isFunction = modules
        }

        private mutating func setFunction(column: Int, row: Int, _ dark: Bool) {
            modules[row][column] = dark
            isFunction[row][column] = true
        }

        /// Finder patterns and separators, timing, alignment patterns, version information and the reserved format areas.
        mutating func placeFunctionPatterns() {
            for index in 0..<size {
                setFunction(column: 6, row: index, index % 2 == 0)
                setFunction(column: index, row: 6, index % 2 == 0)
            }
            for (column, row) in [(3, 3), (size - 4, 3), (3, size - 4)] {
                for dy in -4...4 {
                    for dx in -4...4 where (0..<size).contains(column + dx) && (0..<size).contains(row + dy) {
                        let distance = max(abs(dx), abs(dy))
                        setFunction(column: column + dx, row: row + dy, distance != 2 && distance != 4)
                    }
                }
            }
            let centres = Self.alignmentCentres[version]
            for row in centres {
                for column in centres {
                    let nearFinder = (row == 6 && column == 6) || (row == 6 && column == size - 7) || (row == size - 7 && column == 6)
                    guard !nearFinder else { continue }
                    for dy in -2...2 {
                        for dx in -2...2 { setFunction(column: column + dx, row: row + dy, max(abs(dx), abs(dy)) != 1) }
                    }
                }
            }
            placeFormat(mask: 0)  // reserves the area; the real bits are drawn with the chosen mask
            if version >= 7 {
                var remainder = version
                for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
                let bits = version << 12 | remainder
                for index in 0..<18 {
                    let dark = (bits >> index) & 1 == 1
                    let a = size - 11 + index % 3, b = index / 3
                    setFunction(column: a, row: b, dark)
                    setFunction(column: b, row: a, dark)
                }
            }
        }

        /// The 15 format bits (level M, the mask) in their two copies, and the dark module.
        mutating func placeFormat(mask: Int) {
            let data = 0b00 << 3 | mask  // level M is 00
            var remainder = data
            for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
            let bits = (data << 10 | remainder) ^ 0x5412
            func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
            for index in 0...5 { setFunction(column: 8, row: index, bit(index)) }
            setFunction(column: 8, row: 7, bit(6))
            setFunction(column: 8, row: 8, bit(7))
            setFunction(column: 7, row: 8, bit(8))
            for index in 9..<15 { setFunction(column: 14 - index, row: 8, bit(index)) }
            for index in 0..<8 { setFunction(column: size - 1 - index, row: 8, bit(index)) }
            for index in 8..<15 { setFunction(column: 8, row: size - 15 + index, bit(index)) }
            setFunction(column: 8, row: size - 8, true)
        }

        /// The codewords' bits in the zigzag order of the standard: column pairs from the right, up then down,
        /// skipping the vertical timing pattern and the function modules. Remainder modules stay light.
        mutating func place(_ codewords: [UInt8]) {
            var index = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                for step in 0..<size {
                    for offset in 0..<2 {
                        let column = right - offset
                        let upward = (right + 1) & 2 == 0
                        let row = upward ? size - 1 - step : step
                        guard !isFunction[row][column], index < codewords.count * 8 else { continue }
                        modules[row][column] = (codewords[index >> 3] >> (7 - (index & 7))) & 1 == 1
                        index += 1
                    }
                }
                right -= 2
            }
        }

        /// The symbol with data mask `mask` applied and its format bits drawn, with its penalty score.
        func masked(_ mask: Int) -> (modules: [[Bool]], penalty: Int) {
            var copy = self
            for row in 0..<size {
                for column in 0..<size where !isFunction[row][column] && Self.inverts(mask, row, column) {
                    copy.modules[row][column].toggle()
                }
            }
            copy.placeFormat(mask: mask)
            return (copy.modules, copy.penalty)
        }

        private static func inverts(_ mask: Int, _ i: Int, _ j: Int) -> Bool {
            switch mask {
            case 0: (i + j) % 2 == 0
            case 1: i % 2 == 0
            case 2: j % 3 == 0
            case 3: (i + j) % 3 == 0
            case 4: (i / 2 + j / 3) % 2 == 0
            case 5: (i * j) % 2 + (i * j) % 3 == 0
            case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
            default: ((i + j) % 2 + (i * j) % 3) % 2 == 0
            }
        }

        /// Centres of alignment patterns per version.
        static let alignmentCentres: [[Int]] = [
            [], [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42],
            [6, 26, 46], [6, 28, 50]
        ]
    }
}
