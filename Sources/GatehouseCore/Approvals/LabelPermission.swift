/// One grant on a label: `principal` may cast any value from `min` to `max`.
///
/// Grants are ranges rather than value lists because that is how Gerrit configures them
/// (`label-Code-Review = -1..+1 group Registered Users`) and how reviewers think about them.
package struct LabelPermission: Hashable, Sendable, Codable {
    package var principal: LabelPrincipal
    package var min: Int
    package var max: Int

    package init(principal: LabelPrincipal, min: Int, max: Int) {
        self.principal = principal
        self.min = min
        self.max = max
    }
}
