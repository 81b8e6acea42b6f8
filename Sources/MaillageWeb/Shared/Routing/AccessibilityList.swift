import Foundation

/// The addresses the accessibility check opens (`maillage pages`, read by `scripts/accessibility_check.py`): made
/// from ``SiteURL/page`` each time, so the check cannot keep a list of its own that misses a page.
public enum AccessibilityList {
    /// One JSON array of `{name, path, audience, needsMeeting}`, in the order of the routes.
    public static func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(SiteURL.accessibilityVisits), as: UTF8.self)
    }
}
