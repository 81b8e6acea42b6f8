import Foundation
import MaillageCore
import MaillageStorage

/// Opens or closes a meeting's workshop. Closing also freezes the meeting's snapshot: the figures are counted from its
/// participants and cards in the same transaction as the closing (no card sent while it closes is left out of them),
/// and `snapshot` makes the snapshot of the meeting and its figures (with the territory as served now, which only the
/// caller knows).
public struct SetWorkshopState: Sendable {
    /// Makes a closing meeting's snapshot from the meeting and its figures.
    public typealias SnapshotMaker = @Sendable (Meeting, MeetingFigures) -> MeetingSnapshot

    let database: any Transactions
    let cycles: CycleRepository
    let participants: ParticipantRepository
    let workshop: WorkshopRepository
    let snapshots: SnapshotRepository

    public init(
        database: any Transactions, cycles: CycleRepository, participants: ParticipantRepository, workshop: WorkshopRepository,
        snapshots: SnapshotRepository
    ) {
        (self.database, self.cycles, self.participants, self.workshop, self.snapshots) = (database, cycles, participants, workshop, snapshots)
    }

    /// The use case on `database`'s repositories.
    public init(database: AppDatabase) {
        self.init(
            database: database, cycles: database.cycles, participants: database.participants, workshop: database.workshop,
            snapshots: database.snapshots)
    }

    /// Returns the meeting after the change. Throws ``RowNotFound`` for an unknown meeting.
    @discardableResult
    public func callAsFunction(
        _ state: WorkshopState, meetingID: Int, by author: Author, now: Date = Date(),
        snapshot: SnapshotMaker? = nil
    ) async throws -> Meeting {
        let (cycles, participants, workshop, snapshots) = (cycles, participants, workshop, snapshots)
        return try await database.transaction { db in
            let after = try await cycles.setWorkshop(state, meetingID: meetingID, by: author, now: now, on: db)
            if state == .clos, let snapshot {
                let figures = MeetingFigures(
                    meeting: after, participants: try await participants.all(meetingID: meetingID, on: db),
                    cards: try await workshop.cards(meetingID: meetingID, on: db))
                try await snapshots.store(snapshot(after, figures), on: db)
            }
            return after
        }
    }
}
