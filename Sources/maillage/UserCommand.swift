import ArgumentParser
import Foundation
import MaillageCore
import MaillageImport
import MaillageStorage

/// `maillage user …`: the accounts, from the server's command line (the first administrator is made here), through the
/// same use cases as the web's pages (``AccountAdministration``), as the administrator (``Author/commandLine``).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Comptes : créer, lister, désactiver, supprimer, donner ou retirer un rôle.",
        subcommands: [Create.self, List.self, Disable.self, Delete.self, RoleCommand.self])

    /// Opens the database and finds the account of an e-mail (closing the database again when there is none).
    static func open(_ options: DatabaseOptions, account email: String) async throws -> (AppDatabase, AccountRepository.Account) {
        let db = try await options.open(logger: .cli("maillage.user"))
        guard let account = try await db.accounts.find(email: email) else {
            try await db.shutdown()
            throw ValidationError("--email : \(AccountRefusal.unknownAccount(email: email).message)")
        }
        return (db, account)
    }

    /// The account writes, on `db`. The command line knows no structure's territory: a structure's role is journalled
    /// without one.
    static func administration(_ db: AppDatabase) -> AccountAdministration { AccountAdministration(database: db, policy: AccessPolicy()) }

    /// A role and its scope, as options.
    struct RoleOptions: ParsableArguments {
        @Option(help: "administrateur, coordinateur, animateur, membre ou participant.") var role: String
        @Option(help: "SIREN du territoire (EPCI) du rôle (coordinateur, animateur, participant).") var territory: String?
        @Option(help: "Identifiant de la structure (membre).") var structure: String?

        var grant: RoleGrant {
            get throws {
                guard let role = Role(rawValue: role) else {
                    throw ValidationError("--role : administrateur, coordinateur, animateur, membre ou participant")
                }
                let value = role.scopeKind == .territory ? territory ?? "" : role.scopeKind == .structure ? structure ?? "" : ""
                guard let scope = Scope(kind: role.scopeKind, value: value), let grant = RoleGrant(role: role, scope: scope) else {
                    throw ValidationError(
                        role.scopeKind == .territory
                            ? "--territory : le SIREN (9 chiffres) du territoire du rôle"
                            : role.scopeKind == .structure
                                ? "--structure : l'identifiant de la structure" : "un administrateur n'a ni territoire ni structure")
                }
                return grant
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crée un compte avec un rôle et affiche le lien où la personne choisit son mot de passe.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Adresse e-mail.") var email: String
        @Option(help: "Nom affiché.") var name: String
        @OptionGroup var role: RoleOptions
        @Option(help: "Adresse du site, pour le lien (ex. https://maillage.example.fr).") var siteURL = "http://127.0.0.1:8080"

        func run() async throws {
            let grant = try role.grant
            let db = try await database.open(logger: .cli("maillage.user"))
            defer { Task { try? await db.shutdown() } }
            let (account, token) = try await UserCommand.administration(db).createAccount(email: email, name: name, role: grant, by: .commandLine)
            try await db.shutdown()
            print("Compte n° \(account.id) créé pour \(account.email) (\(grant)).")
            print(
                "Lien pour choisir le mot de passe (7 jours, usage unique) : \(siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL)/reinitialisation/\(token)"
            )
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
                print(
                    "\(account.id)\t\(account.email)\t\(account.name)\t\(account.status.rawValue)\(account.hasPassword ? "" : " (mot de passe à choisir)")\t\(roles)"
                )
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Désactive un compte et ferme ses sessions.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Adresse e-mail du compte.") var email: String

        func run() async throws {
            let (db, account) = try await UserCommand.open(database, account: email)
            try await UserCommand.administration(db).disableAccount(account.id, by: .commandLine)
            try await db.shutdown()
            print("Compte \(account.email) désactivé ; ses sessions sont fermées.")
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Supprime un compte (à la demande de la personne) : ses rôles et sessions partent avec lui, le journal garde ses actions sans son nom."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Adresse e-mail du compte.") var email: String

        func run() async throws {
            let (db, account) = try await UserCommand.open(database, account: email)
            try await UserCommand.administration(db).deleteAccount(account.id, by: .commandLine)
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
            let add = change == "add"
            let changed = try await UserCommand.administration(db).changeRole(add ? .give : .takeAway, grant, of: account.id, by: .commandLine)
            try await db.shutdown()
            print(
                changed
                    ? "\(add ? "Rôle donné" : "Rôle retiré") : \(grant) — \(account.email)"
                    : "Rien à changer : \(account.email) \(add ? "a déjà" : "n'a pas") ce rôle.")
        }
    }
}
