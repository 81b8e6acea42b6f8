import Foundation
import Hummingbird
import MaillageCore
import Synchronization

/// The JSON of each place of one index, encoded on first use and kept until the index is replaced, so that a search
/// answer copies bytes instead of encoding twenty places again.
final class PlaceJSONCache: Sendable {
    private let encoded = Mutex<[String: ByteBuffer]>([:])

    /// The place as ``PlaceDTO`` JSON.
    func json(for merged: MergedPlace) -> ByteBuffer {
        if let cached = encoded.withLock({ $0[merged.place.id] }) { return cached }
        let data = (try? AppRequestContext.jsonEncoder.encode(PlaceDTO(merged))) ?? Data("null".utf8)
        let buffer = ByteBuffer(bytes: data)
        encoded.withLock { $0[merged.place.id] = buffer }
        return buffer
    }
}
