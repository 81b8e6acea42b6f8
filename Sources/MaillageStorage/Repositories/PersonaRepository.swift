import Foundation
import MaillageCore
import SQLKit

/// The personas of the workshop. Every change is checked against the version the editor read: a persona changed by
/// someone else in between is a conflict, reported and never overwritten.
public struct PersonaRepository: Sendable {
    let database: AppDatabase

    /// A persona as stored, with the version edits must quote.
    public struct Stored: Sendable {
        public var persona: Persona
        public var version: Int
    }

    /// Someone else changed or deleted the persona since it was read.
    public struct Conflict: Error, Sendable {
        public var id: String
    }

    public func all() async throws -> [Stored] {
        try await database.sql.select().columns("version", "body").from("personas").orderBy("first_name").orderBy("id").all().map(Self.stored)
    }

    public func find(id: String) async throws -> Stored? {
        try await database.sql.select().columns("version", "body").from("personas").where("id", .equal, SQLBind(id)).first().map(Self.stored)
    }

    /// Stores a new persona under an identifier made from its first name; returns it as stored.
    public func create(_ persona: Persona) async throws -> Stored {
        try await database.transaction { session in
            let taken = Set(try await session.select().column("id").from("personas").all().map { try $0.decode(column: "id", as: String.self) })
            var stored = persona
            stored.id = Persona.identifier(for: persona.firstName, taken: taken)
            try await Self.insert(stored, on: session)
            return Stored(persona: stored, version: 1)
        }
    }

    /// Replaces a persona if it is still at `version`; throws ``Conflict`` otherwise.
    public func update(_ persona: Persona, version: Int) async throws -> Stored {
        try await database.transaction { session in
            try await Self.check(persona.id, version: version, on: session)
            try await session.update("personas")
                .set("first_name", to: SQLBind(persona.firstName)).set("commune_code", to: SQLBind(persona.commune.rawValue))
                .set("version", to: SQLBind(version + 1)).set("body", to: SQLBind(try JSONColumn.encode(persona)))
                .where("id", .equal, SQLBind(persona.id)).where("version", .equal, SQLBind(version))
                .run()
            return Stored(persona: persona, version: version + 1)
        }
    }

    /// Deletes a persona if it is still at `version`; throws ``Conflict`` otherwise.
    public func delete(id: String, version: Int) async throws {
        try await database.transaction { session in
            try await Self.check(id, version: version, on: session)
            try await session.delete(from: "personas").where("id", .equal, SQLBind(id)).run()
        }
    }

    static func insert(_ persona: Persona, on db: any SQLDatabase) async throws {
        try await db.insert(into: "personas").columns("id", "first_name", "commune_code", "version", "body")
            .values(SQLBind(persona.id), SQLBind(persona.firstName), SQLBind(persona.commune.rawValue), SQLBind(1), SQLBind(try JSONColumn.encode(persona)))
            .run()
    }

    private static func check(_ id: String, version: Int, on db: any SQLDatabase) async throws {
        let current = try await db.select().column("version").from("personas").where("id", .equal, SQLBind(id)).first()
            .map { try $0.decode(column: "version", as: Int.self) }
        guard current == version else { throw Conflict(id: id) }
    }

    private static func stored(_ row: any SQLRow) throws -> Stored {
        Stored(persona: try JSONColumn.decode(Persona.self, from: try row.decode(column: "body", as: String.self)),
               version: try row.decode(column: "version", as: Int.self))
    }
}
