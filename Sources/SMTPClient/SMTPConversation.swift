// One connection's command/reply exchange, each bounded by a deadline that closes the channel when it passes.
import NIOConcurrencyHelpers
import NIOCore
import NIOSSL

struct SMTPConversation {
    let channel: any Channel
    var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    /// Sends `command` (if any) and waits for the reply, failing unless its first digit is `expected`'s.
    @discardableResult
    mutating func exchange(_ command: String?, step: String, expecting expected: Int, within timeout: Duration) async throws -> SMTPReply {
        let reply = try await exchange(command.map { Array(($0 + "\r\n").utf8) }, step: step, within: timeout)
        guard reply.code / 100 == expected / 100 else { throw SMTPError(unexpected: reply, step: step) }
        return reply
    }

    /// Writes `bytes` and reads one reply. A relay that stays silent past `timeout` gets its connection closed,
    /// which ends the pending read or write; the failure is then reported as a timeout.
    mutating func exchange(_ bytes: [UInt8]?, step: String, within timeout: Duration) async throws -> SMTPReply {
        let expired = NIOLockedValueBox(false)
        let channel = self.channel
        let deadline = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            expired.withLockedValue { $0 = true }
            channel.close(promise: nil)
        }
        defer { deadline.cancel() }
        do {
            if let bytes {
                do {
                    try await outbound.write(channel.allocator.buffer(bytes: bytes))
                } catch {
                    // The channel closed under the write; its cause (say, a failed TLS handshake) waits on the
                    // inbound side, and is more use to the caller than "I/O on closed channel".
                    _ = try await replies.next()
                    throw error
                }
            }
            guard let reply = try await replies.next() else {
                throw SMTPError(kind: .transient, cause: .connection, step: step, text: "the relay closed the connection")
            }
            return reply
        } catch {
            guard !expired.withLockedValue({ $0 }) else {
                throw SMTPError(kind: .transient, cause: .timeout, step: step, text: "no reply within \(timeout)")
            }
            throw error
        }
    }

    /// Puts TLS under the existing connection (RFC 3207); the handshake runs before the next command goes out.
    func startTLS(context: NIOSSLContext, serverHostname: String?) async throws {
        let channel = self.channel
        try await channel.eventLoop.submit {
            let handler = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
            try channel.pipeline.syncOperations.addHandler(handler, position: .first)
        }.get()
    }
}
