/// Everything a review operation refuses, in words a person (and a Gerrit client) understands.
///
/// The HTTP layer maps each case to its status code in one place; the message is sent as the body.
package enum ReviewError: Error, Equatable, CustomStringConvertible {
    /// 400: the request itself is wrong.
    case badRequest(String)
    /// 401: credentials are needed (or were wrong; we never say which part).
    case unauthorized
    /// 403: signed in, but not allowed.
    case forbidden(String)
    /// 404: no such thing, or not visible to the caller.
    case notFound(String)
    /// 409: the request conflicts with the current state.
    case conflict(String)

    package var description: String {
        switch self {
        case .badRequest(let m), .forbidden(let m), .notFound(let m), .conflict(let m): m
        case .unauthorized: "Unauthorized"
        }
    }
}
