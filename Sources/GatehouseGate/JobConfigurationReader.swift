import GatehouseCore
import GatehouseExecutor
import GatehouseGit

/// Reads `.gatehouse.yaml` from the commit under test, so a change that edits its jobs is tested with its
/// own version of them. A commit without the file defines no jobs.
enum JobConfigurationReader {
    static func read(
        at commit: CommitID, in repository: BareRepository, allowNetwork: Bool
    ) async throws -> Result<JobConfiguration, JobConfigurationError> {
        guard let bytes = try await repository.fileContent(at: commit, path: JobConfigurationLoader.fileName) else {
            return .success(JobConfiguration())
        }
        do {
            return .success(try JobConfigurationLoader.parse(bytes: bytes, allowNetwork: allowNetwork))
        } catch {
            return .failure(error)
        }
    }
}
