import GatehouseCore
import GatehouseGit
import GatehouseReview
import GatehouseStore
import Hummingbird

/// An error that already knows its HTTP status; every other error is translated by ``from(_:)``.
struct HTTPFailure: Error {
    let status: HTTPResponse.Status
    let message: String

    static func badRequest(_ message: String) -> HTTPFailure { HTTPFailure(status: .badRequest, message: message) }
    static func notFound(_ message: String = "Not found") -> HTTPFailure { HTTPFailure(status: .notFound, message: message) }
    static let methodNotAllowed = HTTPFailure(status: .methodNotAllowed, message: "Method Not Allowed")

    /// The single place where module errors become HTTP statuses.
    static func from(_ error: any Error) -> HTTPFailure? {
        switch error {
        case let failure as HTTPFailure: return failure
        case let error as ReviewError:
            switch error {
            case .badRequest(let m): return HTTPFailure(status: .badRequest, message: m)
            case .unauthorized: return HTTPFailure(status: .unauthorized, message: "Unauthorized")
            case .forbidden(let m): return HTTPFailure(status: .forbidden, message: m)
            case .notFound(let m): return HTTPFailure(status: .notFound, message: m)
            case .conflict(let m): return HTTPFailure(status: .conflict, message: m)
            }
        case let error as ValidationError: return .badRequest(error.message)
        case let error as QuerySyntaxError: return .badRequest(error.description)
        case let error as ChangeQueryError: return .badRequest(error.description)
        case let error as StoreError:
            if case .conflict(let m) = error { return HTTPFailure(status: .conflict, message: m) }
            return nil
        case let error as GitError:
            switch error {
            case .protocolViolation(let m): return .badRequest("git protocol error: \(m)")
            case .packTooLarge: return HTTPFailure(status: .contentTooLarge, message: error.description)
            default: return nil
            }
        default: return nil
        }
    }
}
