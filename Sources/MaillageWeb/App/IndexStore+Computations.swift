import Hummingbird
import MaillageCore

extension IndexStore.Snapshot {
    /// How long one request's computation may run before it is stopped with a `503`.
    static let computationSeconds = 15.0

    /// The diagnostic of a perimeter with the default parameters, computed once per index.
    func diagnostic(of perimeter: Perimeter) throws -> Diagnostic {
        try diagnostics.value(for: perimeter) { () throws(HTTPError) in
            try Self.bounded { budget throws(WorkStopped) in try Diagnostic.compute(perimeter: perimeter, index: index, within: budget) }
        }
    }

    /// The workshop matrix of personas over communes, the network's rules first, computed once per index, rules and library.
    func matrix(personas: [Persona], communes: [CommuneCode]) throws -> WorkshopMatrix {
        try matrices.value(for: MatrixKey(personas: personas, communes: communes)) { () throws(HTTPError) in
            try Self.bounded { budget throws(WorkStopped) in
                try WorkshopMatrix.compute(personas: personas, communes: communes, index: index, rules: rules, within: budget)
            }
        }
    }

    /// Runs `work` within ``computationSeconds``; a `503` that says so when it does not finish.
    private static func bounded<Result>(_ work: (WorkBudget) throws(WorkStopped) -> Result) throws(HTTPError) -> Result {
        do {
            return try work(WorkBudget(seconds: computationSeconds))
        } catch {
            throw HTTPError(
                .serviceUnavailable, message: "Calcul arrêté après \(Int(computationSeconds)) s : choisissez un périmètre plus petit, ou réessayez.")
        }
    }

    /// What a matrix depends on besides the index.
    struct MatrixKey: Hashable, Sendable {
        let personas: [Persona]
        let communes: [CommuneCode]
    }
}
