import CMaillageZlib
import Foundation

/// Reads a data file into text: `.gz` inflated on the fly, UTF-8 BOM removed, Windows-1252 detected and converted.
public enum FileLoader {
    public struct Loaded: Sendable {
        public var text: String
        /// Set when the bytes were not UTF-8 and were converted.
        public var convertedFrom: String?
    }

    public static func load(_ url: URL) throws(ImportError) -> Loaded {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImportError(file: url.lastPathComponent, message: "Fichier illisible : \(error.localizedDescription)")
        }
        let bytes = isGzip(data) ? try inflate(data, file: url.lastPathComponent) : data
        return try decode(bytes, file: url.lastPathComponent)
    }

    /// UTF-8 (with or without BOM) or, failing that, Windows-1252 when the bytes look like it.
    public static func decode(_ data: Data, file: String) throws(ImportError) -> Loaded {
        var body = data
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(data: body, encoding: .utf8) { return Loaded(text: text.withoutBidiControls, convertedFrom: nil) }
        // Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined: their presence means another encoding.
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        if !body.contains(where: undefined.contains), let text = String(data: body, encoding: .windowsCP1252) {
            return Loaded(text: text.withoutBidiControls, convertedFrom: "Windows-1252")
        }
        throw ImportError(file: file, message: "Encodage non reconnu : attendu UTF-8 (ou Windows-1252)")
    }

    static func isGzip(_ data: Data) -> Bool { data.count > 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B }

    /// Inflates gzip data chunk by chunk.
    static func inflate(_ data: Data, file: String) throws(ImportError) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ImportError(file: file, message: "Décompression gzip impossible")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        var input = [UInt8](data)
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = CMaillageZlib.inflate(&stream, Z_NO_FLUSH)
                    output.append(out.baseAddress!, count: out.count - Int(stream.avail_out))
                }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else { throw ImportError(file: file, message: "Fichier gzip corrompu (code zlib \(status))") }
        return output
    }

    /// Compresses data as gzip: at level 9 for territory packs, written once; lower for answers sent over HTTP.
    public static func gzip(_ data: Data, level: Int32 = 9) -> Data {
        var stream = z_stream()
        deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = [UInt8](data)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = deflate(&stream, Z_FINISH)
                    output.append(out.baseAddress!, count: out.count - Int(stream.avail_out))
                }
            } while status == Z_OK
        }
        return output
    }
}
