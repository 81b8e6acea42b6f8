/// A page of fixed text about the site (mentions légales, accessibilité, contact); who runs it comes from the shell.
struct InformationPage: PageModel {
    let template: TemplateName
    let title: String

    static let legalNotice = InformationPage(template: .legalNotice, title: "Mentions légales — Maillage")
    static let accessibility = InformationPage(template: .accessibility, title: "Déclaration d'accessibilité — Maillage")
    static let contact = InformationPage(template: .contact, title: "Contact — Maillage")
}
