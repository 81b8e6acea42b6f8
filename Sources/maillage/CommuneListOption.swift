import ArgumentParser
import Foundation
import MaillageCore
import MaillageSources
import MaillageStorage

/// The `--communes` option of the commands: names or INSEE codes separated by commas.
enum CommuneListOption {
    static func parse(_ list: String, in territory: TerritoryData) throws -> [CommuneCode] {
        do {
            return try territory.communeCodes(inList: list)
        } catch {
            throw ValidationError("--communes : \(error.message)")
        }
    }
}
