import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// Sends mail over SMTP (RFC 5321): one session per call, with STARTTLS or implicit TLS and AUTH PLAIN or
/// LOGIN as configured.
///
/// Written on SwiftNIO directly because SMTP is a small line protocol and no SMTP client is among the
/// packages we may use. A whole session has one deadline: when it passes, the connection is closed, which
/// ends whatever the session was waiting for, so a server that stops answering cannot hold the mail worker.
package struct SMTPClient: Sendable {
    package let configuration: SMTPConfiguration
    /// The name we greet with in EHLO.
    package let heloName: String
    package let timeout: Duration

    package init(configuration: SMTPConfiguration, heloName: String, timeout: Duration = .seconds(30)) {
        self.configuration = configuration
        self.heloName = heloName
        self.timeout = timeout
    }

    /// Connects, greets, secures and authenticates as configured, offers `sender` as the envelope sender and
    /// quits without sending: what start-up does to prove the settings work before anyone relies on them.
    package func verify(sender: MailAddress) async throws(SMTPError) {
        try await session { conversation in try await conversation.offer(sender) }
    }

    /// Sends one message in its own session.
    /// - Returns: the recipients the server refused for good (5xx to `RCPT TO`); the others accepted the message.
    /// - Throws: ``SMTPError``; ``SMTPError/isTransient`` says whether to try again later.
    @discardableResult
    package func send(_ message: MailMessage) async throws(SMTPError) -> [String] {
        try await session { conversation in try await conversation.deliver(message) }
    }

    private func session<T: Sendable>(_ body: @escaping @Sendable (inout SMTPConversation) async throws -> T) async throws(SMTPError) -> T {
        let tls: NIOSSLContext?
        do {
            tls = try makeTLSContext()
        } catch {
            throw .configuration("cannot set up TLS for \(configuration.address): \(error)")
        }
        let configuration = configuration
        let serverName = Self.isIPAddress(configuration.host) ? nil : configuration.host
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(10))
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if configuration.security == .implicitTLS, let tls {
                            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                        }
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw .connection("cannot connect to the SMTP server at \(configuration.address): \(error)")
        }
        let expired = Atomic<Bool>(false)
        let deadline = Task { [timeout] in
            try await Task.sleep(for: timeout)
            expired.store(true, ordering: .relaxed)
            channel.channel.close(promise: nil)
        }
        defer { deadline.cancel() }
        do {
            return try await channel.executeThenClose { inbound, outbound in
                var conversation = SMTPConversation(
                    inbound: inbound.makeAsyncIterator(), outbound: outbound, channel: channel.channel, address: configuration.address)
                try await conversation.open(heloName: heloName, configuration: configuration, tls: tls, serverName: serverName)
                let result = try await body(&conversation)
                await conversation.quit()
                return result
            }
        } catch let error as SMTPError {
            if expired.load(ordering: .relaxed) { throw .connection("the SMTP server at \(configuration.address) did not finish within \(timeout)") }
            throw error
        } catch {
            if expired.load(ordering: .relaxed) { throw .connection("the SMTP server at \(configuration.address) did not finish within \(timeout)") }
            throw .connection("SMTP session with \(configuration.address) failed: \(error)")
        }
    }

    private func makeTLSContext() throws -> NIOSSLContext? {
        guard configuration.security != .plain else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = configuration.trustedCertificates {
            tls.trustRoots = .file(file)
        }
        return try NIOSSLContext(configuration: tls)
    }

    private static func isIPAddress(_ host: String) -> Bool {
        host.contains(":") || host.split(separator: ".").count == 4 && host.split(separator: ".").allSatisfy { UInt8($0) != nil }
    }
}

/// The state of one SMTP session: the reply reader, the writer, and what the server's EHLO offered.
struct SMTPConversation {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let channel: any Channel
    private let address: String
    private var pending: [UInt8] = []
    private var extensions: [String: [String]] = [:]

    init(inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, channel: any Channel, address: String) {
        self.inbound = inbound
        self.outbound = outbound
        self.channel = channel
        self.address = address
    }

    /// Greeting, EHLO, STARTTLS (and EHLO again, as RFC 3207 requires), AUTH.
    mutating func open(heloName: String, configuration: SMTPConfiguration, tls: NIOSSLContext?, serverName: String?) async throws {
        try expect(try await reply(), 220, "the greeting")
        try await hello(heloName)
        if configuration.security == .startTLS, let tls {
            guard extensions["STARTTLS"] != nil else {
                throw SMTPError.connection("the SMTP server at \(address) does not offer STARTTLS, and starttls=true asks for it")
            }
            try expect(try await command("STARTTLS"), 220, "STARTTLS")
            let channel = channel
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName), position: .first)
            }.get()
            try await hello(heloName)
        }
        if let username = configuration.username, let password = configuration.password {
            try await authenticate(username: username, password: password)
        }
    }

    /// One message: envelope, recipients, data. Returns the recipients refused for good.
    mutating func deliver(_ message: MailMessage) async throws -> [String] {
        try expect(try await command("MAIL FROM:<\(message.from.address)>"), 250, "MAIL FROM")
        var refused: [String] = []
        var accepted = 0
        for recipient in message.to {
            let answer = try await command("RCPT TO:<\(recipient.address)>")
            if answer.code == 250 || answer.code == 251 {
                accepted += 1
            } else if answer.isPermanentFailure {
                refused.append(recipient.address)
            } else {
                throw SMTPError.rejected(command: "RCPT TO:<\(recipient.address)>", reply: answer)
            }
        }
        guard accepted > 0 else {
            _ = try await command("RSET")
            return refused
        }
        try expect(try await command("DATA"), 354, "DATA")
        try await outbound.write(ByteBuffer(string: Self.dotStuffed(message.rendered()) + ".\r\n"))
        try expect(try await reply(), 250, "the message")
        return refused
    }

    /// `MAIL FROM` and `RSET`: whether the server would take mail from `sender` on this session.
    mutating func offer(_ sender: MailAddress) async throws {
        try expect(try await command("MAIL FROM:<\(sender.address)>"), 250, "MAIL FROM")
        _ = try await command("RSET")
    }

    mutating func quit() async {
        _ = try? await command("QUIT")
    }

    private mutating func hello(_ name: String) async throws {
        let answer = try await command("EHLO \(name)")
        extensions = [:]
        if answer.code == 250 {
            for line in answer.lines.dropFirst() {
                let words = line.split(separator: " ").map { String($0).uppercased() }
                if let keyword = words.first { extensions[keyword] = Array(words.dropFirst()) }
            }
        } else {
            try expect(try await command("HELO \(name)"), 250, "HELO")
        }
    }

    private mutating func authenticate(username: String, password: String) async throws {
        let mechanisms = extensions["AUTH"] ?? []
        if mechanisms.contains("PLAIN") {
            let token = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            try expect(try await command("AUTH PLAIN \(token)"), 235, "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            try expect(try await command("AUTH LOGIN"), 334, "AUTH LOGIN")
            try expect(try await command(Data(username.utf8).base64EncodedString()), 334, "AUTH LOGIN")
            try expect(try await command(Data(password.utf8).base64EncodedString()), 235, "AUTH LOGIN")
        } else {
            throw SMTPError.connection(
                "the SMTP server at \(address) offers no AUTH PLAIN or LOGIN\(mechanisms.isEmpty ? " (over this connection)" : " (only \(mechanisms.joined(separator: " ")))")")
        }
    }

    private func expect(_ reply: SMTPReply, _ code: Int, _ what: String) throws {
        guard reply.code == code else { throw SMTPError.rejected(command: what, reply: reply) }
    }

    private mutating func command(_ line: String) async throws -> SMTPReply {
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        return try await reply()
    }

    /// Reads one reply, following `250-` continuation lines to the last `250 ` line.
    private mutating func reply() async throws -> SMTPReply {
        var lines: [String] = []
        while true {
            let line = try await readLine()
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)), (200..<600).contains(code) else {
                throw SMTPError.connection("the SMTP server at \(address) sent a malformed reply: \(line.prefix(200))")
            }
            lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
            if bytes.count == 3 || bytes[3] != UInt8(ascii: "-") { return SMTPReply(code: code, lines: lines) }
        }
    }

    private mutating func readLine() async throws -> String {
        while true {
            if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(pending[..<end])
                pending.removeSubrange(...end)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard pending.count < 64 << 10 else { throw SMTPError.connection("the SMTP server at \(address) sent a reply line over 64 KiB") }
            guard var chunk = try await inbound.next() else {
                throw SMTPError.connection("the SMTP server at \(address) closed the connection")
            }
            pending += chunk.readBytes(length: chunk.readableBytes) ?? []
        }
    }

    /// RFC 5321 §4.5.2: a line that starts with "." gets another one, so it cannot end the data early.
    static func dotStuffed(_ text: String) -> String {
        var lines = text.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n"
    }
}
