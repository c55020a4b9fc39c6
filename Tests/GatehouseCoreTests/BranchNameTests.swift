import GatehouseCore
import Testing

@Suite struct BranchNameTests {
    @Test("Accepts short and full names and keeps the short form", arguments: [
        ("main", "main"),
        ("refs/heads/main", "main"),
        ("stable/2026.1", "stable/2026.1"),
        ("refs/heads/stable/2026.1", "stable/2026.1"),
        ("feature/ünïcode", "feature/ünïcode"),
        ("a.b", "a.b"),
        ("x@y", "x@y"),
        ("release-1_0", "release-1_0"),
        ("heads", "heads"),
        ("a/b.locked", "a/b.locked"),
    ])
    func acceptsValidNames(input: String, short: String) throws {
        let branch = try BranchName(input)
        #expect(branch.rawValue == short)
        #expect(branch.description == short)
        #expect(branch.refName == "refs/heads/" + short)
    }

    @Test("Rejects names git check-ref-format rejects", arguments: [
        ("", "branch name must not be empty"),
        ("refs/heads/", "branch name must not be empty"),
        ("a..b", #"invalid branch name "a..b": ".." is not allowed"#),
        ("has space", #"invalid branch name "has space": " " is not allowed"#),
        ("tilde~1", #"invalid branch name "tilde~1": "~" is not allowed"#),
        ("caret^", #"invalid branch name "caret^": "^" is not allowed"#),
        ("co:lon", #"invalid branch name "co:lon": ":" is not allowed"#),
        ("what?", #"invalid branch name "what?": "?" is not allowed"#),
        ("star*", #"invalid branch name "star*": "*" is not allowed"#),
        ("br[acket", #"invalid branch name "br[acket": "[" is not allowed"#),
        ("back\\slash", #"invalid branch name "back\slash": "\" is not allowed"#),
        ("at@{1}", #"invalid branch name "at@{1}": "@{" is not allowed"#),
        ("@", #"invalid branch name "@": "@" alone is not a valid name"#),
        ("/lead", #"invalid branch name "/lead": must not start or end with "/""#),
        ("trail/", #"invalid branch name "trail/": must not start or end with "/""#),
        ("a//b", #"invalid branch name "a//b": empty path component ("//")"#),
        (".hidden", #"invalid branch name ".hidden": a path component must not start with ".""#),
        ("a/.b", #"invalid branch name "a/.b": a path component must not start with ".""#),
        ("x.lock", #"invalid branch name "x.lock": a path component must not end with ".lock""#),
        ("x.lock/y", #"invalid branch name "x.lock/y": a path component must not end with ".lock""#),
        ("dot.", #"invalid branch name "dot.": must not end with ".""#),
        ("ctl\u{1}", "branch name contains a control character"),
        ("del\u{7F}", "branch name contains a control character"),
        ("line\nbreak", "branch name contains a control character"),
        ("HEAD", #"invalid branch name "HEAD": "HEAD" is not a valid branch name"#),
        ("-f", #"invalid branch name "-f": must not start with "-""#),
        ("refs/tags/v1", #"invalid branch name "refs/tags/v1": only branches under refs/heads/ are allowed"#),
        ("refs/heads/refs/heads/x", #"invalid branch name "refs/heads/refs/heads/x": only branches under refs/heads/ are allowed"#),
        ("refs/heads/a..b", #"invalid branch name "refs/heads/a..b": ".." is not allowed"#),
    ])
    func rejectsInvalidNames(input: String, message: String) {
        #expect(throws: ValidationError(message)) { try BranchName(input) }
    }

    @Test("Limits the short name to 255 bytes")
    func lengthLimit() throws {
        let longest = String(repeating: "b", count: 255)
        #expect(try BranchName("refs/heads/" + longest).rawValue == longest)
        #expect(throws: ValidationError("branch name must be at most 255 bytes long")) {
            try BranchName(longest + "b")
        }
    }

    @Test("Treats the short and full spelling as the same branch and orders by name")
    func equalityAndOrder() throws {
        #expect(try BranchName("main") == BranchName("refs/heads/main"))
        let sorted = try ["stable/2", "main", "dev"].map { try BranchName($0) }.sorted()
        #expect(sorted.map(\.rawValue) == ["dev", "main", "stable/2"])
    }
}
