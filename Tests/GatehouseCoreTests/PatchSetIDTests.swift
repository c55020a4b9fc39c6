import GatehouseCore
import Testing

@Suite struct PatchSetIDTests {
    @Test("Builds Gerrit's sharded patch set refs", arguments: [
        (1, 1, "refs/changes/01/1/1"),
        (9, 2, "refs/changes/09/9/2"),
        (10, 1, "refs/changes/10/10/1"),
        (100, 3, "refs/changes/00/100/3"),
        (3965, 2, "refs/changes/65/3965/2"),
        (123_456, 12, "refs/changes/56/123456/12"),
    ])
    func refName(change: Int, patchSet: Int, ref: String) {
        let id = PatchSetID(change: change, patchSet: patchSet)
        #expect(id.refName == ref)
        #expect(PatchSetID(refName: ref) == id)
    }

    @Test("Prints and parses the change,patchset form")
    func description() throws {
        let id = PatchSetID(change: 12, patchSet: 3)
        #expect(id.description == "12,3")
        #expect(PatchSetID(parsing: "12,3") == id)
        #expect(try #require(PatchSetID(parsing: "3965,2")).change == 3965)
        #expect(try #require(PatchSetID(parsing: "3965,2")).patchSet == 2)
    }

    @Test("Rejects malformed change,patchset text", arguments: [
        "", "12", "12,", ",3", "12,3,4", "0,1", "1,0", "-1,2", "+1,2", "1, 2", " 1,2", "a,b", "1.5,2",
        "99999999999999999999,1",
    ])
    func rejectsMalformedText(text: String) {
        #expect(PatchSetID(parsing: text) == nil)
    }

    @Test("Rejects refs that are not patch set refs", arguments: [
        "refs/changes/01/1", "refs/changes/02/1/1", "refs/changes/1/1/1", "refs/changes/01/1/meta",
        "refs/changes/01/1/1/x", "refs/heads/01/1/1", "refs/changes/00/0/1", "refs/changes/01/1/0",
    ])
    func rejectsOtherRefs(ref: String) {
        #expect(PatchSetID(refName: ref) == nil)
    }
}
