import GatehouseStore
import VaporCSQLite

/// One bound parameter or one column of a result row, in SQLite's own storage classes.
///
/// The store binds and reads only integers, text and NULL (timestamps are nanosecond integers, booleans 0/1),
/// so conversion is a type check rather than a trip through `Encoder`/`Decoder` for every column.
enum SQLiteValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The value SQLKit hands over as a bind. Unknown types are refused with their name rather than guessed.
    init(bind value: any Encodable) throws {
        switch value {
        case let value as Int: self = .integer(Int64(value))
        case let value as String: self = .text(value)
        case let value as Int64: self = .integer(value)
        case let value as Bool: self = .integer(value ? 1 : 0)
        case let value as Int32: self = .integer(Int64(value))
        case let value as Double: self = .real(value)
        case let value as [UInt8]: self = .blob(value)
        case let value as any OptionalBind:
            guard let wrapped = value.wrappedBind else { self = .null; return }
            try self.init(bind: wrapped)
        default:
            throw SQLiteFailure(code: SQLITE_MISUSE, message: "cannot bind a value of type \(type(of: value)) to SQLite")
        }
    }

    /// The column as `type`, for the types the store decodes; a NULL only into an optional.
    func decode<D: Decodable>(as type: D.Type, column: String) throws -> D {
        // The store's own types first, recognised by identity: a dynamic cast (`as? D`), and even naming `Int?`
        // inside a generic function, cost a runtime type lookup per column, which was a tenth of a change search.
        let wanted = ObjectIdentifier(D.self)
        switch self {
        case .integer(let integer):
            if wanted == Self.int { return Self.reinterpret(Int(truncatingIfNeeded: integer)) }
            if wanted == Self.int64 { return Self.reinterpret(integer) }
            if wanted == Self.optionalInt { return Self.reinterpret(Int?.some(Int(truncatingIfNeeded: integer))) }
            if wanted == Self.optionalInt64 { return Self.reinterpret(Int64?.some(integer)) }
        case .text(let text):
            if wanted == Self.string { return Self.reinterpret(text) }
            if wanted == Self.optionalString { return Self.reinterpret(String?.some(text)) }
        case .null:
            if wanted == Self.optionalString { return Self.reinterpret(String?.none) }
            if wanted == Self.optionalInt { return Self.reinterpret(Int?.none) }
            if wanted == Self.optionalInt64 { return Self.reinterpret(Int64?.none) }
        case .real, .blob:
            break
        }
        return try decodeByCasting(as: D.self, column: column)
    }

    /// Every other type, the slow and general way; `as? D` also wraps into `D?`.
    ///
    /// A function of its own because its `D?` needs that optional type's metadata, which Swift looks up on
    /// entry to the function that uses it: kept inside `decode`, the lookup ran for every column, a thirtieth
    /// of a change search.
    @inline(never)
    private func decodeByCasting<D: Decodable>(as type: D.Type, column: String) throws -> D {
        let decoded: D? =
            switch self {
            case .null: (D.self as? any OptionalDecode.Type)?.absent as? D
            case .integer(let integer): integer as? D ?? (integer != 0) as? D ?? Double(integer) as? D
            case .real(let real): real as? D
            case .text(let text): text as? D
            case .blob(let bytes): bytes as? D
            }
        guard let decoded else {
            throw SQLiteFailure(code: SQLITE_MISMATCH, message: "column \(column) holds \(self), not \(D.self)")
        }
        return decoded
    }

    private static let int = ObjectIdentifier(Int.self)
    private static let int64 = ObjectIdentifier(Int64.self)
    private static let string = ObjectIdentifier(String.self)
    private static let optionalInt = ObjectIdentifier(Int?.self)
    private static let optionalInt64 = ObjectIdentifier(Int64?.self)
    private static let optionalString = ObjectIdentifier(String?.self)

    /// `value` as `D`, which the caller has just found to be `T`'s own type: a copy (retaining what it holds),
    /// not `unsafeBitCast`, which in generic code hands over the bits without taking ownership of them.
    private static func reinterpret<T, D>(_ value: T) -> D {
        withUnsafePointer(to: value) { UnsafeRawPointer($0).load(as: D.self) }
    }
}

/// Lets a NULL column become `nil` of whatever optional type the caller asked for.
protocol OptionalDecode {
    static var absent: Self { get }
}

extension Optional: OptionalDecode {
    static var absent: Self { nil }
}
