import GatehouseCore
import Testing

@Suite struct ProjectNameTests {
    @Test("Accepts ordinary project names unchanged", arguments: [
        "gatehouse", "test/project", "openstack/nova", "a-b_c.d", "Team/Sub.Project-2", "x", "api-docs", "x/b/c/d",
        "changesets", "project.gitx", "foo/bar.gitignore", "tools-extra",
    ])
    func acceptsValidNames(name: String) throws {
        let project = try ProjectName(name)
        #expect(project.rawValue == name)
        #expect(project.description == name)
    }

    @Test("Rejects invalid names with a message naming the problem", arguments: [
        ("", "project name must not be empty"),
        ("a/../b", #"invalid project name "a/../b": ".." is not allowed"#),
        ("..", #"invalid project name "..": ".." is not allowed"#),
        ("a/./b", #"invalid project name "a/./b": "." is not allowed"#),
        ("/abs", #"invalid project name "/abs": must not start or end with "/""#),
        ("dir/", #"invalid project name "dir/": must not start or end with "/""#),
        ("a//b", #"invalid project name "a//b": empty path segment ("//")"#),
        (".hidden", #"invalid project name ".hidden": a path segment must not start with ".""#),
        ("a/.config", #"invalid project name "a/.config": a path segment must not start with ".""#),
        ("-rf", #"invalid project name "-rf": a path segment must not start with "-""#),
        ("team/-x", #"invalid project name "team/-x": a path segment must not start with "-""#),
        ("repo.git", #"invalid project name "repo.git": the name must not end in ".git""#),
        ("team/repo.git", #"invalid project name "team/repo.git": the name must not end in ".git""#),
        ("repo.git/sub", #"invalid project name "repo.git/sub": a path segment must not end in ".git""#),
        ("a b", #"invalid project name "a b": " " is not allowed; use only letters, digits, "-", "_", "." and "/""#),
        ("naïve", #"invalid project name "naïve": "ï" is not allowed; use only letters, digits, "-", "_", "." and "/""#),
        ("a%2Fb", #"invalid project name "a%2Fb": "%" is not allowed; use only letters, digits, "-", "_", "." and "/""#),
        ("a\\b", #"invalid project name "a\b": "\" is not allowed; use only letters, digits, "-", "_", "." and "/""#),
        ("a\nb", "project name contains a control character"),
        ("tab\there", "project name contains a control character"),
        ("del\u{7F}", "project name contains a control character"),
        ("nul\u{0}", "project name contains a control character"),
    ])
    func rejectsInvalidNames(name: String, message: String) {
        #expect(throws: ValidationError(message)) { try ProjectName(name) }
    }

    @Test("Rejects every reserved route word as the first segment", arguments: [
        "a", "p", "c", "changes", "accounts", "groups", "projects", "config", "tools", "login", "logout",
        "dashboard", "q", "api", "logs", "status", "metrics", "id", "static", "plugins",
    ])
    func rejectsReservedFirstSegment(word: String) {
        let expected = ValidationError(
            "invalid project name \"\(word)/x\": \"\(word)\" is reserved for server routes and cannot be the first path segment"
        )
        #expect(throws: expected) { try ProjectName("\(word)/x") }
        #expect(throws: ValidationError.self) { try ProjectName(word) }
    }

    @Test("Allows reserved words after the first segment and in other letter cases")
    func reservedWordsElsewhere() throws {
        #expect(try ProjectName("team/changes").rawValue == "team/changes")
        #expect(try ProjectName("Changes").rawValue == "Changes")
        #expect(try ProjectName("static-site").rawValue == "static-site")
    }

    @Test("Limits names to 255 bytes")
    func lengthLimit() throws {
        let longest = String(repeating: "a", count: 255)
        #expect(try ProjectName(longest).rawValue == longest)
        #expect(throws: ValidationError("project name must be at most 255 bytes long")) {
            try ProjectName(longest + "a")
        }
    }

    @Test("Encodes slashes for use as one URL path segment", arguments: [
        ("test/project", "test%2Fproject"),
        ("plain", "plain"),
        ("x/b/c", "x%2Fb%2Fc"),
        ("dots.and-dashes_ok", "dots.and-dashes_ok"),
    ])
    func urlEncoded(name: String, encoded: String) throws {
        #expect(try ProjectName(name).urlEncoded == encoded)
    }

    @Test("Orders and compares by raw value")
    func ordering() throws {
        let names = try ["y", "x/b", "X", "x"].map { try ProjectName($0) }
        #expect(names.sorted().map(\.rawValue) == ["X", "x", "x/b", "y"])
        #expect(try ProjectName("x") == ProjectName("x"))
        #expect(Set(try ["x", "x", "y"].map { try ProjectName($0) }).count == 2)
    }
}
