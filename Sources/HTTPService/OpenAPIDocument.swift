// OpenAPIDocument: placeholder
enum OpenAPIDocument { static let yaml = "" }
