import GatehouseReview
import Hummingbird

/// One request after authentication and path splitting: what every route handler receives.
struct APIRequest {
    var request: Request
    /// Path segments after any `/a` prefix.
    let segments: [String]
    let query: QueryParameters
    let user: CurrentUser

    var method: HTTPRequest.Method { request.method }
}
