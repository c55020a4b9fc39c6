import GatehouseCore
import Testing

@Suite struct ChangeQueryTests {
    static let key = "I8473b95934b5732ac55d26311a706c9c2bde9940"
    static let sha = "0123456789abcdef0123456789abcdef01234567"

    @Test("Parses single terms", arguments: [
        ("status:open", ChangeQuery.status(.open)),
        ("status:new", .status(.open)),
        ("status:merged", .status(.merged)),
        ("status:abandoned", .status(.abandoned)),
        ("status:closed", .status(.closed)),
        ("STATUS:Open", .status(.open)),
        ("is:open", .status(.open)),
        ("is:new", .status(.open)),
        ("is:closed", .status(.closed)),
        ("is:merged", .status(.merged)),
        ("is:abandoned", .status(.abandoned)),
        ("is:owner", .owner(.current)),
        ("is:wip", .workInProgress),
        ("IS:WIP", .workInProgress),
        ("project:test/project", .project("test/project")),
        ("project:\"a b\"", .project("a b")),
        ("project:{a b}", .project("a b")),
        ("projects:openstack/", .projectPrefix("openstack/")),
        ("branch:main", .branch("main")),
        ("branch:refs/heads/stable/1", .branch("stable/1")),
        ("topic:login-flow", .topic("login-flow")),
        ("topic:\"with \\\"quotes\\\" and \\\\\"", .topic("with \"quotes\" and \\")),
        ("hashtag:ui", .hashtag("ui")),
        ("hashtag:#ui", .hashtag("ui")),
        ("owner:self", .owner(.current)),
        ("owner:SELF", .owner(.current)),
        ("owner:alice", .owner(.named("alice"))),
        ("owner:alice@example.org", .owner(.named("alice@example.org"))),
        ("owner:\"Alice Doe\"", .owner(.named("Alice Doe"))),
        ("15183", .changeNumber(15183)),
        ("change:42", .changeNumber(42)),
        ("change:\(key)", .changeKey(key)),
        ("change:I8473B9", .changeKey("I8473b9")),
        (key, .changeKey(key)),
        ("I84", .changeKey("I84")),
        ("commit:\(sha)", .commit(sha)),
        ("commit:ABCD", .commit("abcd")),
        ("0123456", .commit("0123456")),
        ("1234567", .changeNumber(1_234_567)),
        ("DEADBEEF", .commit("deadbeef")),
        (sha, .commit(sha)),
        ("limit:25", .limit(25)),
        ("  status:open  ", .status(.open)),
        ("label:x:y", nil),
        ("label:Code-Review=+2", .label(name: "Code-Review", range: 2...2)),
        ("label:Code-Review+2", .label(name: "Code-Review", range: 2...2)),
        ("label:Code-Review-2", .label(name: "Code-Review", range: -2...(-2))),
        ("label:Verified>=1", .label(name: "Verified", range: 1...Int.max)),
        ("label:Verified<0", .label(name: "Verified", range: Int.min...(-1))),
        ("label:Workflow=0", .label(name: "Workflow", range: 0...0)),
        ("reviewer:self", .reviewer(.current)),
        ("is:reviewer", .reviewer(.current)),
        ("reviewer:bob", .reviewer(.named("bob"))),
        ("age:2d", .age(seconds: 172_800)),
        ("age:90s", .age(seconds: 90)),
        ("age:1mon", .age(seconds: 2_592_000)),
        ("conflicts:12", .conflicts(12)),
        ("is:mergeable", .mergeable),
        ("is:submittable", .submittable),
        ("is:starred", .starred),
    ] as [(String, ChangeQuery?)])
    func singleTerms(text: String, expected: ChangeQuery?) throws {
        if let expected {
            #expect(try ChangeQuery.parse(text) == expected)
        } else {
            #expect(throws: QuerySyntaxError.self) { try ChangeQuery.parse(text) }
        }
    }

    @Test("Combines terms with AND, OR, NOT and parentheses", arguments: [
        ("status:open project:test/project", ChangeQuery.and([.status(.open), .project("test/project")])),
        ("status:open AND project:x", .and([.status(.open), .project("x")])),
        ("project:x status:open OR status:merged", .or([.and([.project("x"), .status(.open)]), .status(.merged)])),
        ("status:merged OR project:x status:open", .or([.status(.merged), .and([.project("x"), .status(.open)])])),
        ("a1b2c3d OR 1 OR 2", .or([.commit("a1b2c3d"), .changeNumber(1), .changeNumber(2)])),
        ("(status:open OR status:merged) project:x", .and([.or([.status(.open), .status(.merged)]), .project("x")])),
        ("project:x (status:open OR status:merged)", .and([.project("x"), .or([.status(.open), .status(.merged)])])),
        ("-project:x", .not(.project("x"))),
        ("NOT project:x", .not(.project("x"))),
        ("status:open -is:wip", .and([.status(.open), .not(.workInProgress)])),
        ("-(project:x OR project:y)", .not(.or([.project("x"), .project("y")]))),
        ("NOT -is:wip", .not(.not(.workInProgress))),
        ("((is:wip))", .workInProgress),
        ("(is:wip is:owner) limit:5", .and([.workInProgress, .owner(.current), .limit(5)])),
        ("(1 OR 2) OR (3 OR 4)", .or([.changeNumber(1), .changeNumber(2), .changeNumber(3), .changeNumber(4)])),
        ("is:wip AND (1 OR 2) AND is:owner", .and([.workInProgress, .or([.changeNumber(1), .changeNumber(2)]), .owner(.current)])),
        ("status:open(project:x)", .and([.status(.open), .project("x")])),
        ("project:\"a b\"(is:wip)", .and([.project("a b"), .workInProgress])),
        ("status:open\tproject:x\n", .and([.status(.open), .project("x")])),
    ])
    func combinations(text: String, expected: ChangeQuery) throws {
        #expect(try ChangeQuery.parse(text) == expected)
    }

    @Test("Reports syntax errors at the offending position", arguments: [
        ("", 0, "empty query"),
        ("   ", 0, "empty query"),
        ("foo:bar", 0, "unsupported operator \"foo\""),
        ("status:open Foo:bar", 12, "unsupported operator \"Foo\""),
        ("age:2x", 4, "invalid age \"2x\"; expected a number and a unit: s, m, h, d, w, mon, y"),
        ("label:Code-Review=two", 6, "invalid label term \"Code-Review=two\"; expected e.g. Code-Review=+2, Verified>=1 or Code-Review-2"),
        ("reviewed:self", 0, "unsupported operator \"reviewed\""),
        (":x", 0, "expected an operator name before \":\""),
        ("status:weird", 7, "invalid status \"weird\"; expected open, new, merged, abandoned or closed"),
        ("project:x status:", 17, "missing value for \"status\""),
        ("topic:\"\"", 6, "missing value for \"topic\""),
        ("is:shiny", 3, "unsupported value \"shiny\" for \"is\"; expected open, new, merged, abandoned, closed, owner, reviewer, wip, mergeable, submittable, starred or watched"),
        ("limit:x", 6, "invalid limit \"x\"; expected a positive number"),
        ("limit:0", 6, "invalid limit \"0\"; expected a positive number"),
        ("limit:-3", 6, "invalid limit \"-3\"; expected a positive number"),
        ("change:abc", 7, "invalid change \"abc\"; expected a change number or a Change-Id"),
        ("commit:xyz", 7, "invalid commit \"xyz\"; expected 4 to 40 hex digits"),
        ("commit:abc", 7, "invalid commit \"abc\"; expected 4 to 40 hex digits"),
        ("branch:refs/heads/", 7, "missing branch name after \"refs/heads/\""),
        ("hashtag:#", 8, "missing hashtag after \"#\""),
        ("status:open word", 12, "unsupported search term \"word\""),
        ("cafe", 0, "unsupported search term \"cafe\""),
        ("\"free text\"", 0, "unsupported search term \"free text\""),
        ("{free text}", 0, "unsupported search term \"free text\""),
        ("or", 0, "unsupported search term \"or\""),
        ("0", 0, "invalid change number \"0\""),
        ("007", 0, "invalid change number \"007\""),
        ("99999999999999999999999999999999999999999", 0, "invalid change number \"99999999999999999999999999999999999999999\""),
        ("(status:open", 0, "\"(\" is never closed by \")\""),
        ("is:wip (status:open (is:owner)", 7, "\"(\" is never closed by \")\""),
        ("status:open)", 11, "unexpected \")\" without a matching \"(\""),
        (")", 0, "unexpected \")\" without a matching \"(\""),
        ("()", 1, "empty parentheses"),
        ("is:wip OR", 7, "\"OR\" must be followed by a search term"),
        ("is:wip OR )", 7, "\"OR\" must be followed by a search term"),
        ("is:wip AND", 7, "\"AND\" must be followed by a search term"),
        ("is:wip AND OR is:owner", 7, "\"AND\" must be followed by a search term"),
        ("OR is:wip", 0, "\"OR\" must be between two search terms"),
        ("AND is:wip", 0, "\"AND\" must be between two search terms"),
        ("NOT", 0, "\"NOT\" must be followed by a search term"),
        ("is:wip NOT )", 7, "\"NOT\" must be followed by a search term"),
        ("is:wip -", 7, "\"-\" must be followed directly by a search term"),
        ("- is:wip", 0, "\"-\" must be followed directly by a search term"),
        ("(is:wip -)", 8, "\"-\" must be followed directly by a search term"),
        ("topic:\"open", 6, "unterminated quoted value"),
        ("topic:{open", 6, "\"{\" is never closed by \"}\""),
        ("topic:\"a\"b", 9, "expected a space or \")\" after \"\"\""),
        ("topic:{a}b", 9, "expected a space or \")\" after \"}\""),
        ("topic:ünï foo:x", 10, "unsupported operator \"foo\""),
        ("topic:🎉 foo:x", 8, "unsupported operator \"foo\""),
    ])
    func syntaxErrors(text: String, position: Int, message: String) {
        #expect(throws: QuerySyntaxError(position: position, message: message)) { try ChangeQuery.parse(text) }
    }

    @Test("Describes errors with their position")
    func errorDescription() {
        let error = QuerySyntaxError(position: 7, message: "invalid status \"weird\"")
        #expect(error.description == "query syntax error at position 7: invalid status \"weird\"")
    }

    @Test("Treats lower-case keywords as words, not operators")
    func keywordsAreCaseSensitive() {
        #expect(throws: QuerySyntaxError(position: 7, message: "unsupported search term \"and\"")) {
            try ChangeQuery.parse("is:wip and is:owner")
        }
    }
}
