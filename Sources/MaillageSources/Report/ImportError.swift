/// A file that cannot be imported at all (unreadable, unknown format, wrong encoding).
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file) : \(message)" }
}
