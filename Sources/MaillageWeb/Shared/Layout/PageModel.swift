import Foundation
import Mustache

/// A page's data: plain values that the template named `template` reads.
protocol PageModel {
    var template: TemplateName { get }
    /// The `<title>` of the page.
    var title: String { get }
    /// The pages between the page's section and the page itself in the breadcrumb trail (a place's commune, say).
    var breadcrumbParents: [Breadcrumb] { get }
}

extension PageModel {
    var breadcrumbParents: [Breadcrumb] { [] }
}

/// One step of the breadcrumb trail.
struct Breadcrumb: Sendable, Equatable {
    var label: String
    var url: String
}
