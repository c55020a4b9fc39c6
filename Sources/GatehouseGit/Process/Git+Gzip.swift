import Foundation

extension Git {
    /// Decompresses a gzip body with the system `gzip`, bounded by `limit`; nil when the input is not gzip.
    ///
    /// git compresses large fetch negotiations; they are rare, so a process is cheaper than a zlib binding.
    package func decompressGzip(_ bytes: [UInt8], limit: Int) async throws -> [UInt8]? {
        let helper = Git(executable: FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip") ? "/usr/bin/gzip" : "/bin/gzip")
        let output = try await helper.run(["-dc"], input: bytes, outputLimit: limit)
        return output.succeeded ? output.stdout : nil
    }
}
