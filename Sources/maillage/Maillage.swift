import ArgumentParser

/// `maillage`: the territorial network of digital inclusion, from the command line.
@main
struct Maillage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maillage",
        abstract: "Maillage territorial de l'inclusion numérique : lieux, diagnostic, orientation.",
        subcommands: [
            Serve.self, Migrate.self, Purge.self, BackupCommand.self, RestoreCommand.self, Import.self, Export.self, Diagnose.self,
            JourneyCommand.self, MatrixCommand.self, Pack.self, UserCommand.self, PagesCommand.self
        ],
        defaultSubcommand: Serve.self)
}
