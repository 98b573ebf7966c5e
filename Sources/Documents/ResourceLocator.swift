// ResourceLocator: finds the folder holding Templates/ and Fonts/, the one way every entry point finds them.
import Foundation

/// The resources' root: the environment variable `AMELI_DOCS_RESOURCES`, else beside the executable, else the
/// source checkout this file was compiled from. Never `Bundle.module`, whose copies a test could not write back to.
public struct ResourceLocator: Sendable, Hashable {
    /// A folder containing `Templates/` and `Fonts/`.
    public let root: String

    public static let environmentVariable = "AMELI_DOCS_RESOURCES"

    public init(root: String) { self.root = root }

    public var templatesDirectory: String { (root as NSString).appendingPathComponent("Templates") }
    public var fontsDirectory: String { (root as NSString).appendingPathComponent("Fonts") }

    /// Looks in order and returns the first place that has both folders; the error lists every place it looked.
    /// `environment` and `executablePath` default to the process's own (tests pass others).
    public static func locate(environment: [String: String]? = nil, executablePath: String? = nil,
                              sourceFile: String = #filePath) throws(ResourceLocatorError) -> ResourceLocator {
        let environment = environment ?? ProcessInfo.processInfo.environment
        let executablePath = executablePath ?? currentExecutablePath()
        var looked: [String] = []
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            // An explicit setting that is wrong is an error, not a reason to fall back silently.
            guard holdsResources(fromEnvironment) else {
                throw ResourceLocatorError(looked: ["\(fromEnvironment) (from \(environmentVariable))"])
            }
            return ResourceLocator(root: fromEnvironment)
        }
        if let executablePath {
            let directory = (executablePath as NSString).deletingLastPathComponent
            if holdsResources(directory) { return ResourceLocator(root: directory) }
            looked.append("\(directory) (beside the executable)")
        }
        // Sources/Documents/ResourceLocator.swift → the checkout's root, three levels up.
        let checkout = ((((sourceFile as NSString).deletingLastPathComponent as NSString)
            .deletingLastPathComponent as NSString).deletingLastPathComponent)
        if holdsResources(checkout) { return ResourceLocator(root: checkout) }
        looked.append("\(checkout) (the source checkout)")
        throw ResourceLocatorError(looked: looked)
    }

    static func holdsResources(_ root: String) -> Bool {
        var isDirectory: ObjCBool = false
        return ["Templates", "Fonts"].allSatisfy {
            FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent($0), isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }

    /// The running executable's path (Linux: /proc/self/exe, which survives a relative argv[0]).
    public static func currentExecutablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return CommandLine.arguments.first.map { ($0 as NSString).standardizingPath }
    }
}

/// No folder with Templates/ and Fonts/ was found.
public struct ResourceLocatorError: Error, Hashable, Sendable, CustomStringConvertible {
    public let looked: [String]
    public var description: String {
        "cannot find the Templates/ and Fonts/ folders; looked in: \(looked.joined(separator: "; ")). "
            + "Set \(ResourceLocator.environmentVariable) to the folder that contains them."
    }
}
