import MaillageCore

/// Reads every territory's orientation rules, with the structures they name: `/orienter` shows the rule that applies.
protocol OrientationRuleBookReading: Sendable {
    var rules: OrientationRuleBook { get }
}
