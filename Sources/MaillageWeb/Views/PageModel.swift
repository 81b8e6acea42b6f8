import Foundation
import Mustache

/// A page's data: plain values that the template named `template` reads.
protocol PageModel {
    var template: String { get }
    /// The `<title>` of the page.
    var title: String { get }
}
