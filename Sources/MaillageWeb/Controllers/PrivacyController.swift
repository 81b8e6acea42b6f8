import Hummingbird
import MaillageStorage

/// `/donnees-personnelles`: what Maillage keeps about people.
struct PrivacyController {
    let pages: PageRenderer
    let lifetime: SessionRepository.Lifetime

    func register(on router: Router<AppRequestContext>) {
        router.get(.privacy) { _, context in pages.render(PrivacyPage(lifetime: lifetime), for: context.visitor) }
    }
}
