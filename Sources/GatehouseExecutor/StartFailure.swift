/// Why a job could not even start; written into its log as one sentence, and the build counts as a failure.
struct StartFailure: Error {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
