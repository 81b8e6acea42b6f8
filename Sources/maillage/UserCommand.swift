import ArgumentParser
import Foundation
import MaillageCore
import MaillageStorage

/// `maillage user …`: the accounts, from the server's command line (the first administrator is made here).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Comptes : créer, lister, désactiver, supprimer, donner ou retirer un rôle.",
        subcommands: [Create.self, List.self, Disable.self, Delete.self, RoleCommand.self])

    /// Opens the database and finds the account of an e-mail (closing the database again when there is none).
    static func open(_ options: DatabaseOptions, account email: String) async throws -> (AppDatabase, AccountRepository.Account) {
        let db = try await options.open(logger: .cli("maillage.user"))
        guard let account = try await db.accounts.find(email: email) else {
            try await db.shutdown()
            throw ValidationError("--email : aucun compte pour \(email)")
        }
        return (db, account)
    }

    /// A role and its scope, as options.
    struct RoleOptions: ParsableArguments {
        @Option(help: "administrateur, coordinateur, animateur, membre ou participant.") var role: String
        @Option(help: "SIREN du territoire (EPCI) du rôle (coordinateur, animateur, participant).") var territory: String?
        @Option(help: "Identifiant de la structure (membre).") var structure: String?

        var grant: RoleGrant {
            get throws {
                guard let role = Role(rawValue: role) else { throw ValidationError("--role : administrateur, coordinateur, animateur, membre ou participant") }
                let value = role.scopeKind == .territory ? territory ?? "" : role.scopeKind == .structure ? structure ?? "" : ""
                guard let scope = Scope(kind: role.scopeKind, value: value), let grant = RoleGrant(role: role, scope: scope) else {
                    throw ValidationError(role.scopeKind == .territory ? "--territory : le SIREN (9 chiffres) du territoire du rôle"
                        : role.scopeKind == .structure ? "--structure : l'identifiant de la structure" : "un administrateur n'a ni territoire ni structure")
                }
                return grant
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Crée un compte avec un rôle et affiche le lien où la personne choisit son mot de passe.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Adresse e-mail.") var email: String
        @Option(help: "Nom affiché.") var name: String
        @OptionGroup var role: RoleOptions
        @Option(help: "Adresse du site, pour le lien (ex. https://maillage.example.fr).") var siteURL = "http://127.0.0.1:8080"

        func run() async throws {
            let grant = try role.grant
            let db = try await database.open(logger: .cli("maillage.user"))
            defer { Task { try? await db.shutdown() } }
            let (accounts, links, now) = (db.accounts, db.links, Date())
            let (account, token) = try await db.transaction { session in
                let account = try await accounts.create(email: email, name: name, now: now, on: session)
                try await accounts.grant(grant, to: account.id, now: now, on: session)
                let token = try await links.create(.reset, email: account.email, accountID: account.id, grant: nil, createdBy: nil, now: now, on: session)
                for (action, kind, after) in [("compte créé", AuditKinds.account, account.email), ("rôle donné", AuditKinds.role, grant.description)] {
                    try await AuditRepository.record(AuditEvent(at: now, by: .commandLine, action: action,
                                                                objectKind: kind, objectID: String(account.id), after: after), on: session)
                }
                return (account, token)
            }
            try await db.shutdown()
            print("Compte n° \(account.id) créé pour \(account.email) (\(grant)).")
            print("Lien pour choisir le mot de passe (7 jours, usage unique) : \(siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL)/reinitialisation/\(token)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les comptes et leurs rôles.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let db = try await database.open(logger: .cli("maillage.user"))
            let accounts = try await db.accounts.all()
            try await db.shutdown()
            for account in accounts {
                let roles = account.grants.sorted().map(\.description).joined(separator: ", ")
                print("\(account.id)\t\(account.email)\t\(account.name)\t\(account.status.rawValue)\(account.hasPassword ? "" : " (mot de passe à choisir)")\t\(roles)")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Désactive un compte et ferme ses sessions.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Adresse e-mail du compte.") var email: String

        func run() async throws {
            let (db, account) = try await UserCommand.open(database, account: email)
            let (accounts, sessions) = (db.accounts, db.sessions)
            try await db.transaction { session in
                try await accounts.setStatus(.desactive, for: account.id, on: session)
                try await sessions.deleteAll(accountID: account.id, on: session)
                try await AuditRepository.record(AuditEvent(at: Date(), by: .commandLine, action: "compte désactivé",
                                                            objectKind: AuditKinds.account, objectID: String(account.id)), on: session)
            }
            try await db.shutdown()
            print("Compte \(account.email) désactivé ; ses sessions sont fermées.")
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Supprime un compte (à la demande de la personne) : ses rôles et sessions partent avec lui, le journal garde ses actions sans son nom.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Adresse e-mail du compte.") var email: String

        func run() async throws {
            let (db, account) = try await UserCommand.open(database, account: email)
            let accounts = db.accounts
            try await db.transaction { session in
                try await accounts.delete(id: account.id, on: session)
                try await AuditRepository.record(AuditEvent(at: Date(), by: .commandLine, action: "compte supprimé",
                                                            objectKind: AuditKinds.account, objectID: "compte supprimé"), on: session)
            }
            try await db.shutdown()
            print("Compte n° \(account.id) supprimé ; le journal garde ses actions, anonymisées.")
        }
    }

    struct RoleCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Donne (add) ou retire (remove) un rôle.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "add ou remove.") var change: String
        @Option(help: "Adresse e-mail du compte.") var email: String
        @OptionGroup var role: RoleOptions

        func run() async throws {
            guard change == "add" || change == "remove" else { throw ValidationError("add ou remove") }
            let grant = try role.grant
            let (db, account) = try await UserCommand.open(database, account: email)
            let accounts = db.accounts
            let add = change == "add"
            let changed = try await db.transaction { session in
                let changed = add ? try await accounts.grant(grant, to: account.id, now: Date(), on: session)
                    : try await accounts.revoke(grant, from: account.id, on: session)
                if changed {
                    try await AuditRepository.record(AuditEvent(at: Date(), by: .commandLine,
                                                                territory: { if case .territory(let s) = grant.scope { s } else { nil } }(),
                                                                action: add ? "rôle donné" : "rôle retiré", objectKind: AuditKinds.role,
                                                                objectID: String(account.id), before: add ? nil : grant.description,
                                                                after: add ? grant.description : nil), on: session)
                }
                return changed
            }
            try await db.shutdown()
            print(changed ? "\(add ? "Rôle donné" : "Rôle retiré") : \(grant) — \(account.email)" : "Rien à changer : \(account.email) \(add ? "a déjà" : "n'a pas") ce rôle.")
        }
    }
}
