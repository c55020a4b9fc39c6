import GatehouseCore
import Testing

@Suite struct ReviewPushTargetTests {
    private func parse(_ ref: String, _ pushOptions: [String] = []) throws -> ReviewPushTarget? {
        try ReviewPushTarget.parse(refName: ref, pushOptions: pushOptions)
    }

    @Test("Ignores refs that are not review pushes", arguments: [
        "refs/heads/main", "refs/changes/01/1/1", "refs/for", "refs/forx/main", "main", "refs/tags/v1", "",
        "refs/drafts/main",
    ])
    func ignoresOtherRefs(ref: String) throws {
        #expect(try parse(ref) == nil)
    }

    @Test("Accepts the branch in short and full form", arguments: [
        ("refs/for/main", "main"),
        ("refs/for/refs/heads/main", "main"),
        ("refs/for/stable/2026.1", "stable/2026.1"),
        ("refs/for/refs/heads/stable/2026.1%topic=x", "stable/2026.1"),
    ])
    func branch(ref: String, branch: String) throws {
        let target = try #require(try parse(ref))
        #expect(target.branch == (try BranchName(branch)))
    }

    @Test("Without options, nothing is requested")
    func noOptions() throws {
        let target = try #require(try parse("refs/for/main"))
        #expect(target == ReviewPushTarget(branch: try BranchName("main"), options: PushOptions()))
        #expect(target.options.workInProgress == nil)
        #expect(target.options.topic == nil)
    }

    @Test("Reads every supported option from the ref name")
    func allRefOptions() throws {
        let ref = "refs/for/main%topic=login,t=ui,hashtag=%23urgent,r=alice,r=bob%40example.org,cc=carol,"
            + "m=hello+world%2C+ok,wip,notify=owner_reviewers"
        let options = try #require(try parse(ref)).options
        var expected = PushOptions()
        expected.topic = "login"
        expected.hashtags = ["ui", "urgent"]
        expected.reviewers = ["alice", "bob@example.org"]
        expected.ccs = ["carol"]
        expected.message = "hello world, ok"
        expected.workInProgress = true
        expected.notify = "OWNER_REVIEWERS"
        #expect(options == expected)
    }

    @Test("Takes push options literally and applies them after ref options")
    func pushOptionsAreLiteral() throws {
        let options = try #require(
            try parse("refs/for/main%topic=one,r=alice", ["topic=two", "m=100%+sure", "r=bob", "r=alice", "ready"])
        ).options
        #expect(options.topic == "two")
        #expect(options.message == "100%+sure")
        #expect(options.reviewers == ["alice", "bob"])
        #expect(options.workInProgress == false)
    }

    @Test("Accepts the long spellings of options")
    func longSpellings() throws {
        let options = try #require(try parse("refs/for/main", ["work-in-progress", "message=Rebased", "hashtag=x"]))
            .options
        #expect(options.workInProgress == true)
        #expect(options.message == "Rebased")
        #expect(options.hashtags == ["x"])
    }

    @Test("Trims names and strips the hash sign from hashtags")
    func cleansValues() throws {
        let options = try #require(try parse("refs/for/main%r=+alice+,t=%23%23tag+,topic=+t+")).options
        #expect(options.reviewers == ["alice"])
        #expect(options.hashtags == ["tag"])
        #expect(options.topic == "t")
    }

    @Test("Ignores empty items in the option list")
    func emptyItems() throws {
        #expect(try #require(try parse("refs/for/main%")).options == PushOptions())
        #expect(try #require(try parse("refs/for/main%,,wip,")).options.workInProgress == true)
    }

    @Test("Accepts every notify level in any case", arguments: ["NONE", "OWNER", "OWNER_REVIEWERS", "ALL", "all"])
    func notifyLevels(level: String) throws {
        #expect(try #require(try parse("refs/for/main%notify=\(level)")).options.notify == level.uppercased())
    }

    @Test("Refuses invalid pushes with a reason", arguments: [
        ("refs/for/", [], "missing branch name: push to refs/for/<branch>"),
        ("refs/for/%topic=x", [], "missing branch name: push to refs/for/<branch>"),
        ("refs/for/refs/heads/", [], "missing branch name: push to refs/for/<branch>"),
        ("refs/for/a..b", [], #"invalid branch name "a..b": ".." is not allowed"#),
        ("refs/for/main%wip,ready", [], #""wip" and "ready" cannot be used together"#),
        ("refs/for/main%ready", ["wip"], #""wip" and "ready" cannot be used together"#),
        ("refs/for/main%submit", [], #""submit" is not supported: changes merge only through the gate"#),
        ("refs/for/main", ["submit"], #""submit" is not supported: changes merge only through the gate"#),
        ("refs/for/main%private", [], #""private" is not supported: Gatehouse has no private changes"#),
        ("refs/for/main%remove-private", [], #""remove-private" is not supported: Gatehouse has no private changes"#),
        ("refs/for/main%l=Code-Review+2", [], "voting on push (l=) is not supported yet; vote on the change instead"),
        ("refs/for/main", ["label=Verified+1"], "voting on push (l=) is not supported yet; vote on the change instead"),
        ("refs/for/main%base=abc123", [], #""base" is not supported: the parent of the pushed commit is its base"#),
        ("refs/for/main%foo=bar", [], #""foo" is not a valid option"#),
        ("refs/for/main", ["ci.skip"], #""ci.skip" is not a valid option"#),
        ("refs/for/main%WIP", [], #""WIP" is not a valid option"#),
        ("refs/for/main%topic=", [], #""topic" requires a non-empty value"#),
        ("refs/for/main%topic=+", [], #""topic" requires a non-empty value"#),
        ("refs/for/main%topic", [], #""topic" requires a value: topic=…"#),
        ("refs/for/main", ["r="], #""r" requires a non-empty value"#),
        ("refs/for/main%cc=", [], #""cc" requires a non-empty value"#),
        ("refs/for/main%m=", [], #""m" requires a non-empty value"#),
        ("refs/for/main%t=%23", [], ##"hashtag "#" is empty"##),
        ("refs/for/main%t=a%2Cb", [], #"hashtag "a,b" must not contain a comma"#),
        ("refs/for/main%wip=1", [], #""wip" does not take a value"#),
        ("refs/for/main%m=100%", [], #"invalid percent-encoding in push option "m=100%""#),
        ("refs/for/main%m=%C3", [], #"invalid percent-encoding in push option "m=%C3""#),
        ("refs/for/main%notify=SOME", [], #""notify=SOME" is not valid; use one of NONE, OWNER, OWNER_REVIEWERS, ALL"#),
    ] as [(String, [String], String)])
    func refusesInvalidPushes(ref: String, pushOptions: [String], message: String) {
        #expect(throws: ValidationError(message)) { try parse(ref, pushOptions) }
    }
}
