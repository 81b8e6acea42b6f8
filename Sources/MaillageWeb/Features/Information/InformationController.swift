import Foundation
import Hummingbird
import MaillageCore
import MaillageStorage

/// The pages every public-service site has: données personnelles, mentions légales, accessibilité, plan du site,
/// contact, and `/aide`, how to use the site.
struct InformationController {
    let pages: PageRenderer
    let lifetime: SessionRepository.Lifetime
    /// How long orientations between structures keep the person's details.
    let referralRetention: TimeInterval
    let index: any PlaceIndexReading
    let focus: Siren

    func register(on router: Router<AppRequestContext>) {
        router.get(.privacy) { _, context in pages.render(PrivacyPage(lifetime: lifetime, referralRetention: referralRetention), for: context.visitor)
        }
        router.get(.legalNotice) { _, context in pages.render(InformationPage.legalNotice, for: context.visitor) }
        router.get(.accessibility) { _, context in pages.render(InformationPage.accessibility, for: context.visitor) }
        router.get(.contact) { _, context in pages.render(InformationPage.contact, for: context.visitor) }
        router.get(.siteMap) { _, context in pages.render(SiteMapPage(index: index.current, focus: focus), for: context.visitor) }
        router.get(.help) { _, context in
            pages.render(InformationPage(template: .help, title: "Comment utiliser Maillage — Maillage"), for: context.visitor)
        }
    }
}
