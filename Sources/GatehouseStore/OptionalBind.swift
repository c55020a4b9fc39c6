/// Lets a backend unwrap a bound `Optional` without knowing its `Wrapped` type.
///
/// SQLKit hands a backend each bind as `any Encodable`; a nil `String?` and a nil `Int?` both have to become SQL
/// NULL, and a non-nil one the value it wraps.
package protocol OptionalBind {
    var wrappedBind: (any Encodable)? { get }
}

extension Optional: OptionalBind where Wrapped: Encodable {
    package var wrappedBind: (any Encodable)? { self }
}
