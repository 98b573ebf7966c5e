// AmeliDocsCommand: the `ameli-docs` command line; each subcommand lives in its own file.
import ArgumentParser

@main
struct AmeliDocsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ameli-docs",
        abstract: "AmeliDocs: the CEAM and online-proxy teleservices' documents and request interface.",
        // One line per subcommand.
        subcommands: [
            RenderCommand.self,
            BenchCommand.self,
            ServeCommand.self,
            ImportCommand.self,
            TokenCommand.self,
            KeygenCommand.self,
            VerifyCommand.self,
        ])
}
