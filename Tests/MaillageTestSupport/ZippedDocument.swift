import Foundation
import ZIPFoundation

/// The entries of a ZIP file (an OpenDocument file), read back for tests.
public struct ZippedDocument {
    public let archive: Archive

    public init(_ data: Data) throws { archive = try Archive(data: data, accessMode: .read) }

    /// The entries' paths in their order in the file.
    public var paths: [String] { archive.map(\.path) }

    /// Whether the entry is stored without compression.
    public func isStored(_ path: String) -> Bool { archive[path].map { $0.compressedSize == $0.uncompressedSize } ?? false }

    /// An entry's text.
    public func text(_ path: String) throws -> String {
        guard let entry = archive[path] else { throw CocoaError(.fileReadNoSuchFile) }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}
