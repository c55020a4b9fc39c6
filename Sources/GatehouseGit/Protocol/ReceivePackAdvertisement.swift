package import GatehouseCore

/// The answer to `GET info/refs?service=git-receive-pack`: the refs a pusher may build on, and our capabilities.
///
/// Only branches and tags are shown. `refs/changes/*` stay hidden, as in Gerrit: nobody pushes there, and a
/// project with thousands of patch sets would otherwise send them all on every push.
package enum ReceivePackAdvertisement {
    package static let capabilities = "report-status delete-refs side-band-64k quiet ofs-delta push-options object-format=sha1 agent=gatehouse"

    /// - Parameters:
    ///   - refs: name and commit of each advertised ref, in the order to print.
    ///   - smartHTTPHeader: whether to start with the `# service=` banner that smart HTTP needs.
    package static func encode(refs: [(name: String, commit: CommitID)], smartHTTPHeader: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        if smartHTTPHeader {
            out += PktLine.encode("# service=git-receive-pack\n")
            out += PktLine.flush
        }
        if refs.isEmpty {
            out += PktLine.encode(Array("\(CommitID.zero.hex) capabilities^{}".utf8) + [0] + Array("\(capabilities)\n".utf8))
        }
        for (index, ref) in refs.enumerated() {
            if index == 0 {
                out += PktLine.encode(Array("\(ref.commit.hex) \(ref.name)".utf8) + [0] + Array("\(capabilities)\n".utf8))
            } else {
                out += PktLine.encode("\(ref.commit.hex) \(ref.name)\n")
            }
        }
        out += PktLine.flush
        return out
    }
}
