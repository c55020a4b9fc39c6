/// A request for git's smart HTTP protocol: `/<project>[.git]/info/refs?service=…`, `…/git-upload-pack`
/// or `…/git-receive-pack`, also under `/a/` (handled before) and gertty's `/p/`.
struct GitRoute: Equatable {
    enum Service: String {
        case uploadPack = "git-upload-pack"
        case receivePack = "git-receive-pack"
    }

    enum Kind: Equatable {
        case advertisement(Service)
        case rpc(Service)
    }

    /// The project as written in the URL, `.git` and `/p/` stripped; validated later.
    let projectText: String
    let kind: Kind

    init?(segments: [String], query: QueryParameters) {
        var segments = segments
        if segments.first == "p" { segments.removeFirst() }
        let kind: Kind
        let projectSegments: ArraySlice<String>
        if segments.count >= 3, segments.suffix(2) == ["info", "refs"] {
            guard let service = query["service"].flatMap(Service.init(rawValue:)) else { return nil }
            kind = .advertisement(service)
            projectSegments = segments.dropLast(2)
        } else if segments.count >= 2, let service = segments.last.flatMap(Service.init(rawValue:)) {
            kind = .rpc(service)
            projectSegments = segments.dropLast()
        } else {
            return nil
        }
        var project = projectSegments.joined(separator: "/")
        if project.hasSuffix(".git") { project.removeLast(4) }
        self.projectText = project
        self.kind = kind
    }
}
