// Hands a finished message to the relay over SMTP (RFC 5321), with STARTTLS (RFC 3207) when it is offered.
public import NIOCore
import NIOPosix
import NIOSSL

/// Sends messages through one relay; each `send` is one connection. Safe to share between tasks.
public struct SMTPClient: Sendable {
    public let relay: SMTPRelay
    private let group: any EventLoopGroup
    private let tlsContext: NIOSSLContext

    /// Loads the relay's trusted certificates once. `eventLoopGroup` defaults to NIO's shared singleton.
    public init(relay: SMTPRelay, eventLoopGroup: (any EventLoopGroup)? = nil) throws(SMTPConfigurationError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            if let file = relay.trustedCertificatesPEMFile {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file))
            }
            self.tlsContext = try NIOSSLContext(configuration: tls)
        } catch {
            throw SMTPConfigurationError(setting: "trustedCertificatesPEMFile", value: relay.trustedCertificatesPEMFile ?? "(system)",
                                         reason: "cannot be loaded: \(error)")
        }
        self.relay = relay
        self.group = eventLoopGroup ?? MultiThreadedEventLoopGroup.singleton
    }

    /// Delivers `message` (RFC 5322 bytes, e.g. `MailMessage.bytes`) to `recipients`.
    /// Throws `SMTPError`: `.transient` ones may be retried later, `.permanent` ones will not succeed.
    public func send(from envelopeFrom: String, to recipients: [String], message: [UInt8]) async throws(SMTPError) {
        try EnvelopeAddress.check(envelopeFrom, role: "MAIL FROM", allowEmpty: true)
        guard !recipients.isEmpty else {
            throw SMTPError(kind: .permanent, cause: .invalidAddress, step: "RCPT TO", text: "no recipient")
        }
        for recipient in recipients { try EnvelopeAddress.check(recipient, role: "RCPT TO") }
        do {
            let channel = try await connect()
            try await channel.executeThenClose { inbound, outbound in
                var conversation = SMTPConversation(channel: channel.channel, replies: inbound.makeAsyncIterator(), outbound: outbound)
                try await deliver(in: &conversation, from: envelopeFrom, to: recipients, message: message)
            }
        } catch let error as SMTPError {
            throw error
        } catch ChannelError.connectTimeout {
            throw SMTPError(kind: .transient, cause: .timeout, step: "connect", text: "no connection within \(relay.timeouts.connect)")
        } catch let error as NIOSSLError {
            throw SMTPError(kind: .transient, cause: .tls, step: "STARTTLS", text: "TLS failed: \(error)")
        } catch let error as NIOSSLExtraError {
            throw SMTPError(kind: .transient, cause: .tls, step: "STARTTLS", text: "TLS failed: \(error)")
        } catch {
            // Refused, reset, unresolvable host…: the relay may be back later.
            throw SMTPError(kind: .transient, cause: .connection, step: "connection", text: "\(error)")
        }
    }

    private func connect() async throws -> NIOAsyncChannel<SMTPReply, ByteBuffer> {
        try await ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(relay.timeouts.connect))
            .connect(host: relay.host, port: relay.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    private func deliver(in conversation: inout SMTPConversation, from: String, to recipients: [String], message: [UInt8]) async throws {
        let timeouts = relay.timeouts
        try await conversation.exchange(nil, step: "greeting", expecting: 220, within: timeouts.command)
        var extensions = try await hello(in: &conversation)
        if extensions.contains("STARTTLS") {
            try await conversation.exchange("STARTTLS", step: "STARTTLS", expecting: 220, within: timeouts.command)
            // An IP address cannot be sent as SNI; NIOSSL then checks the certificate against the peer's address.
            let isIPAddress = (try? SocketAddress(ipAddress: relay.host, port: 0)) != nil
            try await conversation.startTLS(context: tlsContext, serverHostname: isIPAddress ? nil : relay.host)
            // What the relay said before TLS is void (RFC 3207 §4.2): ask again.
            extensions = try await hello(in: &conversation)
        } else if relay.tlsRequired {
            let why = relay.requireTLS ? "which is required" : "which is required off loopback"
            throw SMTPError(kind: .transient, cause: .tls, step: "EHLO", text: "the relay does not offer STARTTLS, \(why)")
        }

        var mailFrom = "MAIL FROM:<\(from)>"
        if ([from] + recipients).contains(where: EnvelopeAddress.needsSMTPUTF8) {
            guard extensions.contains("SMTPUTF8") else {
                throw SMTPError(kind: .permanent, cause: .invalidAddress, step: "MAIL FROM", text: "non-ASCII address, and the relay does not offer SMTPUTF8")
            }
            mailFrom += " SMTPUTF8"
        }
        // MailMessage output is 7-bit; other callers' 8-bit bodies are declared when the relay allows it.
        if SMTPDataEncoding.has8BitBytes(message), extensions.contains("8BITMIME") { mailFrom += " BODY=8BITMIME" }
        try await conversation.exchange(mailFrom, step: "MAIL FROM", expecting: 250, within: timeouts.command)
        for recipient in recipients {
            try await conversation.exchange("RCPT TO:<\(recipient)>", step: "RCPT TO", expecting: 250, within: timeouts.command)
        }
        try await conversation.exchange("DATA", step: "DATA", expecting: 354, within: timeouts.command)
        let reply = try await conversation.exchange(SMTPDataEncoding.payload(for: message), step: "end of DATA", within: timeouts.dataEnd)
        guard reply.code / 100 == 2 else { throw SMTPError(unexpected: reply, step: "end of DATA") }
        // The relay has the message now: a failed QUIT must not make the caller send it twice.
        _ = try? await conversation.exchange("QUIT", step: "QUIT", expecting: 221, within: timeouts.command)
    }

    /// EHLO, or HELO when the relay does not know EHLO (5xx); returns the offered extension keywords.
    private func hello(in conversation: inout SMTPConversation) async throws -> Set<String> {
        let timeout = relay.timeouts.command
        let reply = try await conversation.exchange(Array("EHLO \(relay.clientName)\r\n".utf8), step: "EHLO", within: timeout)
        switch reply.code {
        case 250:
            // The first line is the relay's greeting; each further line starts with an extension keyword.
            return Set(reply.lines.dropFirst().compactMap { $0.split(separator: " ").first?.uppercased() })
        case 500..<600:
            try await conversation.exchange("HELO \(relay.clientName)", step: "HELO", expecting: 250, within: timeout)
            return []
        default:
            throw SMTPError(unexpected: reply, step: "EHLO")
        }
    }
}
