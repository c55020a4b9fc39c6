/// `GET /api/gate/status`: everything the gate is doing, and why approved changes are not in it.
///
/// A native endpoint (no XSSI prefix, snake_case keys), shaped after Zuul's status JSON so that a status page,
/// a bot or `gatehouse gate status` can explain every queue without another request.
public struct GateStatusInfo: Codable, Equatable, Sendable {
    public var queues: [GateQueueInfo]
    /// Check pipeline runs in progress, oldest first.
    public var check: [CheckItemInfo]
    /// Open changes approved with Workflow +1 that are not in a gate queue, with what they miss.
    public var notEnqueued: [NotEnqueuedInfo]

    public init(queues: [GateQueueInfo], check: [CheckItemInfo], notEnqueued: [NotEnqueuedInfo]) {
        self.queues = queues
        self.check = check
        self.notEnqueued = notEnqueued
    }

    enum CodingKeys: String, CodingKey {
        case queues, check
        case notEnqueued = "not_enqueued"
    }
}

/// One project branch's gate queue.
public struct GateQueueInfo: Codable, Equatable, Sendable {
    public var project: String
    public var branch: String
    /// How many items from the head may build at once.
    public var window: Int
    public var items: [GateItemInfo]

    public init(project: String, branch: String, window: Int, items: [GateItemInfo]) {
        self.project = project
        self.branch = branch
        self.window = window
        self.items = items
    }
}

/// One queued change: where it is, what it is built on, and each job's progress.
public struct GateItemInfo: Codable, Equatable, Sendable {
    /// 1 is the head.
    public var position: Int
    public var change: Int
    public var patchSet: Int
    /// `"12,3"`.
    public var id: String
    public var subject: String
    /// The items it is tested on top of, Zuul's notation (`"1,1 2,1"`); empty when built on the branch tip.
    public var buildsOn: String
    /// `waiting` (outside the window), `preparing` (making the speculative merge), `running`, `failing`
    /// (will be reported at the head unless something ahead turns out to be the culprit), `passed`, `merging`.
    public var state: String
    /// Why it is failing, while it is.
    public var failure: String?
    /// The speculative commit its jobs test, once made.
    public var commit: String?
    public var enqueuedAt: String
    /// Seconds until its jobs are expected to finish, from the history of each job; nil without history.
    public var etaSeconds: Double?
    public var jobs: [GateJobInfo]

    public init(
        position: Int, change: Int, patchSet: Int, id: String, subject: String, buildsOn: String, state: String, failure: String?,
        commit: String?, enqueuedAt: String, etaSeconds: Double?, jobs: [GateJobInfo]
    ) {
        self.position = position
        self.change = change
        self.patchSet = patchSet
        self.id = id
        self.subject = subject
        self.buildsOn = buildsOn
        self.state = state
        self.failure = failure
        self.commit = commit
        self.enqueuedAt = enqueuedAt
        self.etaSeconds = etaSeconds
        self.jobs = jobs
    }

    enum CodingKeys: String, CodingKey {
        case position, change, id, subject, state, failure, commit, jobs
        case patchSet = "patch_set"
        case buildsOn = "builds_on"
        case enqueuedAt = "enqueued_at"
        case etaSeconds = "eta_seconds"
    }
}

/// One job of one item (or of one check run).
public struct GateJobInfo: Codable, Equatable, Sendable {
    public var name: String
    /// `pending`, `running`, `succeeded`, `failed`, `cancelled`.
    public var state: String
    public var attempt: Int?
    public var buildID: Int?
    public var elapsedSeconds: Double?
    public var etaSeconds: Double?
    public var logURL: String?

    public init(
        name: String, state: String, attempt: Int? = nil, buildID: Int? = nil, elapsedSeconds: Double? = nil, etaSeconds: Double? = nil,
        logURL: String? = nil
    ) {
        self.name = name
        self.state = state
        self.attempt = attempt
        self.buildID = buildID
        self.elapsedSeconds = elapsedSeconds
        self.etaSeconds = etaSeconds
        self.logURL = logURL
    }

    enum CodingKeys: String, CodingKey {
        case name, state, attempt
        case buildID = "build_id"
        case elapsedSeconds = "elapsed_seconds"
        case etaSeconds = "eta_seconds"
        case logURL = "log_url"
    }
}

/// A patch set being checked.
public struct CheckItemInfo: Codable, Equatable, Sendable {
    public var project: String
    public var change: Int
    public var patchSet: Int
    public var jobs: [GateJobInfo]

    public init(project: String, change: Int, patchSet: Int, jobs: [GateJobInfo]) {
        self.project = project
        self.change = change
        self.patchSet = patchSet
        self.jobs = jobs
    }

    enum CodingKeys: String, CodingKey {
        case project, change, jobs
        case patchSet = "patch_set"
    }
}

/// An approved change outside the gate, and the requirements it misses.
public struct NotEnqueuedInfo: Codable, Equatable, Sendable {
    public var project: String
    public var branch: String
    public var change: Int
    public var patchSet: Int
    public var subject: String
    /// One sentence per unmet requirement ("Verified: needs Verified +1 from Service Users").
    public var missing: [String]

    public init(project: String, branch: String, change: Int, patchSet: Int, subject: String, missing: [String]) {
        self.project = project
        self.branch = branch
        self.change = change
        self.patchSet = patchSet
        self.subject = subject
        self.missing = missing
    }

    enum CodingKeys: String, CodingKey {
        case project, branch, change, subject, missing
        case patchSet = "patch_set"
    }
}
