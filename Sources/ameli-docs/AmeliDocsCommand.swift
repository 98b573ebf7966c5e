// AmeliDocsCommand: the `ameli-docs` command line and its subcommands.
import ArgumentParser

@main
struct AmeliDocsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ameli-docs",
        abstract: "Les téléservices CEAM et procuration en ligne : règles, documents et service HTTP.",
        subcommands: [ServeCommand.self, ImportCommand.self, TokenCommand.self])
}
