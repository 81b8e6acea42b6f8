/// The permission rules, in one place: who may do what, where. Every route asks it; the README's table is printed
/// from ``rules``.
///
/// A structure's territory is the EPCI of its commune, which only the caller knows: ``territoryOfStructure`` says it.
public struct AccessPolicy: Sendable {
    public var territoryOfStructure: @Sendable (String) -> Siren?

    public init(territoryOfStructure: @escaping @Sendable (String) -> Siren? = { _ in nil }) {
        self.territoryOfStructure = territoryOfStructure
    }

    /// Whether `actor` (nil: a visitor without an account) may do `action`.
    public func allows(_ actor: Actor?, _ action: Action) -> Bool {
        guard let actor else { return false }
        if actor.isAdministrator { return true }
        switch action {
        case .administer, .readJournal(nil):
            return false
        case .useSecondFactor:
            return actor.grants.contains { $0.role == .coordinateur }
        case .readJournal(let siren?):
            return actor.holds(.coordinateur, for: .territory(siren))
        case .editPersonas(let siren), .runCycles(let siren), .curateOrientation(let siren):
            return actor.holds(.coordinateur, for: .territory(siren)) || actor.holds(.animateur, for: .territory(siren))
        case .contribute(let siren):
            return [.coordinateur, .animateur, .participant].contains { actor.holds($0, for: .territory(siren)) }
        case .review(let siren):
            return actor.holds(.coordinateur, for: .territory(siren))
        case .proposePlace(let siren):
            return [.coordinateur, .animateur, .participant].contains { actor.holds($0, for: .territory(siren)) }
                || actor.grants.contains { $0.role == .membre && territory(of: $0.scope) == siren }
        case .sendReferral(let id), .answerReferral(let id):
            // Only the two structures: not even the territory's coordinators read a person's orientation.
            return actor.holds(.membre, for: .structure(id))
        case .declarePartnership(let id):
            return actor.holds(.membre, for: .structure(id))
                || territoryOfStructure(id).map { actor.holds(.coordinateur, for: .territory($0)) || actor.holds(.animateur, for: .territory($0)) }
                    ?? false
        case .editStructure(let id):
            return actor.holds(.membre, for: .structure(id))
                || territoryOfStructure(id).map { actor.holds(.coordinateur, for: .territory($0)) } ?? false
        case .invite(let grant):
            guard let siren = territory(of: grant.scope) else { return false }
            if actor.holds(.coordinateur, for: .territory(siren)) { return grant.role != .administrateur }
            return actor.holds(.animateur, for: .territory(siren)) && grant.role == .participant
        case .manageRole(let grant):
            guard grant.role != .administrateur, let siren = territory(of: grant.scope) else { return false }
            return actor.holds(.coordinateur, for: .territory(siren))
        case .resetPassword(let grants):
            // Only for someone whose every role the coordinator holds too, or includes, for the same scope, in a territory
            // they coordinate: never for a member of a structure they do not speak for (whose orientations coordinators do
            // not read), a role elsewhere, or an administrator.
            return !grants.isEmpty
                && grants.allSatisfy { grant in
                    grant.role != .administrateur
                        && territory(of: grant.scope).map { actor.holds(.coordinateur, for: .territory($0)) } ?? false
                        && actor.grants.contains { $0.scope == grant.scope && $0.role.includes(grant.role) }
                }
        }
    }

    /// The territory a scope lies in (nil for the instance, or a structure whose territory is unknown).
    public func territory(of scope: Scope) -> Siren? {
        switch scope {
        case .instance: nil
        case .territory(let siren): siren
        case .structure(let id): territoryOfStructure(id)
        }
    }

    /// The rules as a table: for each action, which roles allow it (and where), for the README.
    public static let rules: [(action: String, roles: String)] = [
        ("Lire les pages publiques, l'annuaire, le diagnostic, les personas", "tout le monde, sans compte"),
        ("Créer, modifier, dupliquer, supprimer les personas d'un territoire", "coordinateur ou animateur de ce territoire"),
        (
            "Préparer et animer les cycles de rencontres : rencontres, participants et présences, atelier en direct (ouvrir, clore, modérer), comptes rendus ; voir les noms des participants",
            "coordinateur ou animateur de ce territoire"
        ),
        (
            "Contribuer aux rencontres d'un territoire",
            "coordinateur, animateur ou participant de ce territoire ; pendant un atelier ouvert, toute personne qui l'a rejointe avec son code (pass limité à la rencontre)"
        ),
        ("Signaler une erreur sur un lieu", "tout le monde, sans compte (modéré par les coordinateurs)"),
        ("Déclarer l'offre des lieux d'une structure, compléter sa fiche", "membre de cette structure ; coordinateur du territoire de la structure"),
        (
            "Tenir les règles d'orientation du territoire (vers quelles structures orienter, selon les situations)",
            "coordinateur ou animateur de ce territoire"
        ),
        (
            "Envoyer une orientation pour une personne (avec son accord) à une autre structure, la suivre ; lire et répondre aux orientations reçues",
            "membre de la structure qui envoie ; membre de la structure qui reçoit (ni les coordinateurs ni les animateurs ne les lisent)"
        ),
        (
            "Déclarer un partenariat d'une structure avec une autre, le faire évoluer",
            "membre de cette structure ; coordinateur ou animateur de son territoire"
        ),
        ("Confirmer un partenariat déclaré par une autre structure", "membre de la structure partenaire ; coordinateur de son territoire"),
        (
            "Proposer un nouveau lieu ou un lieu manquant, soutenir un lieu manquant",
            "coordinateur, animateur, participant du territoire ; membre d'une structure du territoire"
        ),
        (
            "Valider ou refuser les déclarations, trancher les désaccords avec les fichiers nationaux, suivre les lieux manquants",
            "coordinateur du territoire"
        ),
        ("Inviter un participant", "coordinateur ou animateur du territoire"),
        ("Inviter un coordinateur, un animateur ou un membre d'une structure", "coordinateur du territoire"),
        ("Donner ou retirer un rôle (hors administrateur)", "coordinateur du territoire du rôle"),
        (
            "Faire un lien de nouveau mot de passe",
            "coordinateur de tous les territoires où la personne a un rôle, s'il a lui-même chacun de ses rôles ou un rôle qui les comprend (coordinateur, animateur, participant) : jamais pour le membre d'une structure dont il n'est pas membre, ni pour un administrateur"
        ),
        ("Lire le journal d'un territoire", "coordinateur de ce territoire"),
        ("Activer un second facteur (code d'une application d'authentification, codes de secours)", "administrateur ; coordinateur"),
        ("Lire tout le journal, créer ou désactiver des comptes, nommer un administrateur", "administrateur")
    ]

    /// ``rules`` as a Markdown table.
    public static var markdownTable: String {
        (["| action | qui peut |", "| --- | --- |"] + rules.map { "| \($0.action) | \($0.roles) |" }).joined(separator: "\n")
    }
}
