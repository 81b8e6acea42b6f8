import Foundation

/// A single-use link to give someone (an invitation, a password reset).
struct LinkMessage: Sendable {
    var to: String
    var subject: String
    var body: String
    var link: String
}

/// How a link reaches its person. Without a mail server the link is shown to whoever made it, to copy or send with
/// a prefilled `mailto:`; a sender by SMTP can take the place of ``ShowToSender`` later.
protocol LinkDelivery: Sendable {
    func deliver(_ message: LinkMessage) async throws -> LinkDelivered
}

/// What became of a link.
enum LinkDelivered: Sendable {
    /// Shown to its maker, with a `mailto:` that opens their mail program with the message written.
    case shown(link: String, mailto: String)
    /// Sent by the server to the person.
    case sent
}

/// Shows the link to its maker (no mail server).
struct ShowToSender: LinkDelivery {
    func deliver(_ message: LinkMessage) async throws -> LinkDelivered {
        let query = URLQuery.encode([("subject", message.subject), ("body", message.body)]).replacingOccurrences(of: "+", with: "%20")
        return .shown(link: message.link, mailto: "mailto:\(URLQuery.component(message.to))?\(query)")
    }
}
