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
    /// The territory's or the network's logo, shown before the name in the header.
    public var logo: Logo?

    public init(name: String? = nil, publisher: String? = nil, contact: String? = nil, host: String? = nil, logo: Logo? = nil) {
        self.name = name
        self.publisher = publisher
        self.contact = contact
        self.host = host
        self.logo = logo
    }

    /// An image the site serves at `/logo`: PNG, JPEG, WebP or SVG, at most 256 KiB.
    public struct Logo: Sendable {
        public let bytes: [UInt8]
        public let contentType: String

        public static let maximumBytes = 256 * 1_024

        /// Checks the image by its first bytes (not its file name); nil with the reason when it is not one of the four.
        public init(bytes: [UInt8]) throws(LogoError) {
            guard !bytes.isEmpty, bytes.count <= Self.maximumBytes else { throw LogoError(reason: "une image de 1 octet à 256 Kio") }
            let text = String(decoding: bytes.prefix(512), as: UTF8.self)
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
                contentType = "image/png"
            } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
                contentType = "image/jpeg"
            } else if bytes.count > 12, bytes[8..<12].elementsEqual("WEBP".utf8) {
                contentType = "image/webp"
            } else if text.contains("<svg") {
                contentType = "image/svg+xml"
            } else {
                throw LogoError(reason: "une image PNG, JPEG, WebP ou SVG")
            }
            self.bytes = bytes
        }
    }

    /// Why a logo file was refused: what was expected.
    public struct LogoError: Error, Sendable {
        public let reason: String
    }
}
