/// Who runs this instance, as its pages say it: a territory or a network, never the State's brand.
public struct SiteIdentity: Sendable {
    /// The name in the header; nil for the focus territory's name (« CA de la Porte du Hainaut »).
    public var name: String?
    /// The organisation that publishes the site (mentions légales), and its director of publication.
    public var publisher: String?
    /// Where people write to: an e-mail address.
    public var contact: String?
    /// Who hosts the server (mentions légales).
    public var host: String?

    public init(name: String? = nil, publisher: String? = nil, contact: String? = nil, host: String? = nil) {
        self.name = name
        self.publisher = publisher
        self.contact = contact
        self.host = host
    }
}
