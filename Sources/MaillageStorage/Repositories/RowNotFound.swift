/// The row a change names is not (or no longer) in the database.
public struct RowNotFound: Error, Hashable, Sendable {}
