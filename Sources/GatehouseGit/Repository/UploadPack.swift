import Foundation

/// Serves fetches and clones (`git-upload-pack`) over smart HTTP, protocol v0 and v2.
///
/// git's own `upload-pack --stateless-rpc` does the work; output is handed to `sink` chunk by chunk, so a
/// large clone streams through with the client's pace as back-pressure and is never held in memory.
package enum UploadPack {
    /// Writes the ref advertisement for `GET info/refs?service=git-upload-pack`.
    package static func advertise(
        repository: BareRepository, gitProtocol: String?, sink: (ArraySlice<UInt8>) async throws -> Void
    ) async throws {
        let isV2 = gitProtocol?.contains("version=2") ?? false
        if !isV2 {
            try await sink(PktLine.encode("# service=git-upload-pack\n")[...])
            try await sink(PktLine.flush[...])
        }
        let output = try await repository.git.checked(
            ["upload-pack", "--stateless-rpc", "--http-backend-info-refs", repository.path],
            environment: gitProtocol.map { ["GIT_PROTOCOL": $0] } ?? [:]
        )
        try await sink(output.stdout[...])
    }

    /// Answers one `POST git-upload-pack` request whose (already decompressed) body is `request`.
    package static func serve(
        repository: BareRepository, gitProtocol: String?, request: [UInt8],
        sink: (ArraySlice<UInt8>) async throws -> Void
    ) async throws {
        try await repository.git.stream(
            ["upload-pack", "--stateless-rpc", repository.path],
            environment: gitProtocol.map { ["GIT_PROTOCOL": $0] } ?? [:],
            input: request, sink: sink
        )
    }
}
