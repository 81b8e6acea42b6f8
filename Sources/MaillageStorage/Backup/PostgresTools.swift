import Foundation

/// PostgreSQL's own client programs, `pg_dump` and `pg_restore`, found on the search path (`PATH` by default).
public struct PostgresTools: Sendable {
    /// Directories searched for the programs, in order.
    public var searchPath: [String]

    public init(searchPath: [String] = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)) {
        self.searchPath = searchPath
    }

    /// `pg_dump --format=custom` of the database at `url` into `file`.
    func dump(url: String, to file: String) async throws {
        let (address, password) = Self.hidingPassword(url)
        _ = try await run("pg_dump", ["--format=custom", "--file=\(file)", "--dbname=\(address)"], password: password)
    }

    /// `pg_restore --clean --if-exists --single-transaction` of `file` into the database at `url`: all or nothing.
    func restore(_ file: String, into url: String) async throws {
        let (address, password) = Self.hidingPassword(url)
        _ = try await run(
            "pg_restore",
            [
                "--clean", "--if-exists", "--single-transaction", "--no-owner", "--exit-on-error",
                "--dbname=\(address)", file
            ], password: password)
    }

    /// The migrations recorded in a custom-format archive (its `schema_migrations` rows, read without restoring it);
    /// a file that is not such an archive is ``BackupError/unreadable(_:reason:)``.
    func migrations(in file: String) async throws -> [String] {
        let text: String
        do {
            text = try await run("pg_restore", ["--data-only", "--table=schema_migrations", "--file=-", file])
        } catch BackupError.toolFailed(_, let message) {
            throw BackupError.unreadable(file, reason: message)
        }
        // COPY public.schema_migrations (name, applied_at) FROM stdin;  then one tab-separated row a line, then `\.`
        var names: [String] = [], inCopy = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("COPY ") && line.contains("schema_migrations") { inCopy = true; continue }
            if inCopy && line == "\\." { break }
            if inCopy, let name = line.split(separator: "\t").first { names.append(String(name)) }
        }
        return names
    }

    /// The URL without its password, and the password apart: a command line is readable by every user of the machine
    /// (`ps`), the password goes to the program through its environment (`PGPASSWORD`).
    static func hidingPassword(_ url: String) -> (url: String, password: String?) {
        guard var components = URLComponents(string: url), let password = components.password else { return (url, nil) }
        components.password = nil
        return (components.string ?? url, password)
    }

    /// Runs a program to its end on a thread of its own (never one of the server's); returns what it wrote on
    /// standard output, or throws with what it wrote on standard error.
    private func run(_ tool: String, _ arguments: [String], password: String? = nil) async throws -> String {
        guard
            let executable = searchPath.lazy.map({ URL(fileURLWithPath: $0).appendingPathComponent(tool).path })
                .first(where: FileManager.default.isExecutableFile(atPath:))
        else { throw BackupError.toolMissing(tool) }
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                // Standard error goes to a file, so that the program never blocks on a pipe nobody reads.
                let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-\(tool)-\(UUID().uuidString).err")
                defer { try? FileManager.default.removeItem(at: errorFile) }
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                if let password { process.environment = ProcessInfo.processInfo.environment.merging(["PGPASSWORD": password]) { $1 } }
                let output = Pipe()
                process.standardOutput = output
                do {
                    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
                    process.standardError = try FileHandle(forWritingTo: errorFile)
                    try process.run()
                    let outputData = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    guard process.terminationStatus == 0 else {
                        let message = ((try? String(contentsOf: errorFile, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                        continuation.resume(
                            throwing: BackupError.toolFailed(tool, message: message.isEmpty ? "code \(process.terminationStatus)" : message))
                        return
                    }
                    continuation.resume(returning: String(decoding: outputData, as: UTF8.self))
                } catch {
                    continuation.resume(throwing: BackupError.toolFailed(tool, message: "\(error)"))
                }
            }.start()
        }
    }
}
