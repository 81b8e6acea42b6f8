import Foundation
import Mustache

/// The templates shipped in the module, kept in one folder per feature (`Templates/Accounts/account.mustache`) and
/// known by their file name alone (`account`), so that a page or a partial never says which folder its template is in.
enum TemplateFolder {
    /// Two templates with one name, in two feature folders: the site refuses to start rather than pick one.
    struct DuplicateName: Error, CustomStringConvertible {
        let name: String
        let paths: [String]
        var description: String { "Deux gabarits s'appellent « \(name) » : \(paths.joined(separator: ", "))" }
    }

    /// Every `.mustache` file under `directory`, registered by its file name.
    static func library(at directory: String) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        var seen: [String: String] = [:]
        let paths = (FileManager().enumerator(atPath: directory)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        for path in paths {
            let name = String(path.split(separator: "/").last!.dropLast(".mustache".count))
            if let other = seen[name] { throw DuplicateName(name: name, paths: [other, path]) }
            seen[name] = path
            try library.register(String(contentsOfFile: directory + "/" + path, encoding: .utf8), named: name)
        }
        return library
    }
}
