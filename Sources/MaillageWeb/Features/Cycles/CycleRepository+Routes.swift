import Hummingbird
import MaillageCore
import MaillageStorage

extension CycleRepository {
    /// The cycle a route names by its `{id}`; a 404 that says so otherwise.
    func cycle(namedBy context: AppRequestContext) async throws -> Cycle {
        guard let id = Int(try context.parameters.require("id")), let cycle = try await find(id: id) else {
            throw HTTPError(.notFound, message: "Ce cycle de rencontres n'existe pas.")
        }
        return cycle
    }

    /// The meeting a route names by its `{id}`, with its cycle; a 404 that says so otherwise.
    func meeting(namedBy context: AppRequestContext) async throws -> (Meeting, Cycle) {
        guard let id = Int(try context.parameters.require("id")), let meeting = try await meeting(id: id),
            let cycle = try await find(id: meeting.cycleID)
        else {
            throw HTTPError(.notFound, message: "Cette rencontre n'existe pas.")
        }
        return (meeting, cycle)
    }
}
