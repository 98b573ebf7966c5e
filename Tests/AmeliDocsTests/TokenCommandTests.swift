// TokenCommandTests: `ameli-docs token` mints nothing the service would refuse (a day at most).
import Foundation
import Testing

struct TokenCommandTests {
    let commands = RenderCommandTests()
    let environment = ["PATH": "/usr/bin:/bin", "AMELI_DOCS_JWT_SECRET": String(repeating: "s", count: 40)]

    @Test func aDayIsTheLongestLifetime() throws {
        let day = try commands.run(["token", "--nir", "185037512000696", "--ttl", "86400"], environment: environment)
        #expect(day.status == 0, "\(day.stderr)")
        let longer = try commands.run(["token", "--nir", "185037512000696", "--ttl", "86401"], environment: environment)
        #expect(longer.status != 0)
        #expect(longer.stderr.contains("--ttl ne peut dépasser 86400 secondes"), "\(longer.stderr)")
    }
}
