import Foundation
import Hummingbird
import MaillageCore
import MaillageStorage

/// `/orientations`: a structure's members send orientations for people to other structures and follow them; the
/// receiving structure's members answer. Only the two structures see an orientation.
struct ReferralController {
    let index: any PlaceIndexReading & StructureDirectoryReading
    let referrals: ReferralRepository
    let pages: PageRenderer
    let gate: AccessGate
    let retention: TimeInterval

    func register(on router: Router<AppRequestContext>) {
        router.get(.referrals, use: list)
        router.post(.referrals, use: send)
        router.post(.answerReferral(.key), use: answer)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.signedIn(request, context)
        return try await page(actor, request, context)
    }

    @Sendable func send(request: Request, context: AppRequestContext) async throws -> Response {
        let reader = try await QueryReader.form(request)
        let from = try reader.single(ReferralFormField.de) ?? ""
        let actor = try gate.require(.sendReferral(from: from), request, context)
        guard let structure = index.structures[from], let territory = structure.territory else {
            throw HTTPError(.unprocessableContent, message: "Cette structure n'est pas dans l'annuaire.")
        }
        guard let need = try reader.single(ReferralFormField.besoin).flatMap(Service.init(rawValue:)) else {
            throw ParameterError(parameter: "besoin", message: "« besoin » attend un des 9 services")
        }
        let now = Date()
        let referral = Referral(
            territory: territory, from: from, to: try reader.single(ReferralFormField.vers) ?? "", need: need,
            person: try reader.text(ReferralFormField.personne, maximumLength: 2_000) ?? "",
            contact: try reader.text(ReferralFormField.contact, maximumLength: 2_000) ?? "",
            note: try reader.text(ReferralFormField.note, maximumLength: 20_000) ?? "", consentAt: now, createdAt: now)
        let problems = referral.problems(in: index.structures, consent: try reader.flag(ReferralFormField.accord))
        guard problems.isEmpty else {
            var response = try await page(actor, request, context, draft: referral, problems: problems)
            response.status = .unprocessableContent
            return response
        }
        _ = try await referrals.create(referral, by: Author(actor))
        return .redirect(to: SiteURL.referrals.path, type: .found)
    }

    @Sendable func answer(request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = Int(try context.parameters.require("id")), let referral = try await referrals.find(id: id) else {
            throw HTTPError(.notFound, message: "Cette orientation n'existe pas.")
        }
        let actor = try gate.require(.answerReferral(to: referral.to), request, context)
        let reader = try await QueryReader.form(request)
        guard let expected: ReferralStatus = try reader.choice(ReferralFormField.attendu),
            let status: ReferralStatus = try reader.choice(ReferralFormField.etat),
            expected.next.contains(status)
        else {
            throw HTTPError(.badRequest, message: "Cette réponse ne suit pas l'état de l'orientation.")
        }
        let reason = try reader.text(ReferralFormField.motif, maximumLength: Referral.maxReasonLength) ?? ""
        if status == .refusee && reason.isEmpty {
            throw HTTPError(.unprocessableContent, message: "Motif : dites pourquoi l'orientation est refusée.")
        }
        guard try await referrals.answer(id: id, from: expected, to: status, reason: status == .refusee ? reason : "", by: Author(actor)) else {
            throw HTTPError(.conflict, message: "L'orientation a changé entre-temps (une autre réponse est arrivée) : rechargez la page.")
        }
        return .redirect(to: SiteURL.referrals.path, type: .found)
    }

    private func page(
        _ actor: Actor, _ request: Request, _ context: AppRequestContext, draft: Referral? = nil,
        problems: [FieldProblem] = []
    ) async throws -> Response {
        let mine = Set(
            actor.grants.compactMap { grant -> String? in
                guard grant.role == .membre, case .structure(let id) = grant.scope else { return nil }
                return id
            })
        var seen = Set<String>()
        let candidates = Set(mine.compactMap { index.structures[$0]?.territory }).sorted()
            .flatMap { index.structures.structures(around: $0, in: index.current.territory) }.filter { seen.insert($0.id).inserted }
        var response = try pages.render(
            ReferralsPage(
                referrals: try await referrals.involving(structures: mine), mine: mine, directory: index.structures,
                candidates: candidates, draft: draft, problems: problems, retention: retention), for: context.visitor
        )
        .response(from: request, context: context)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
