/// Splits a change query into tokens, remembering where each one starts so errors can point at it.
///
/// Works on `Character`s so that positions count what a person sees, not bytes.
struct ChangeQueryLexer {
    struct Token: Equatable {
        enum Kind: Equatable {
            case openParen, closeParen, minus, and, or, not
            /// `op:value`, or a bare value when `op` is nil. `quoted` records `"…"`/`{…}`, which never denote
            /// a keyword, a number or a hash.
            case term(op: String?, value: String, valuePosition: Int, quoted: Bool)
        }

        let kind: Kind
        /// Where the token starts; for a term, where its operator (or bare value) starts.
        let position: Int
    }

    private let characters: [Character]
    private var index = 0

    private init(_ text: String) {
        characters = Array(text)
    }

    static func tokenize(_ text: String) throws(QuerySyntaxError) -> [Token] {
        var lexer = ChangeQueryLexer(text)
        var tokens: [Token] = []
        while let token = try lexer.next() { tokens.append(token) }
        return tokens
    }

    private mutating func next() throws(QuerySyntaxError) -> Token? {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        guard index < characters.count else { return nil }
        let start = index
        switch characters[index] {
        case "(":
            index += 1
            return Token(kind: .openParen, position: start)
        case ")":
            index += 1
            return Token(kind: .closeParen, position: start)
        case "-":
            index += 1
            guard index < characters.count, !characters[index].isWhitespace, characters[index] != ")" else {
                throw QuerySyntaxError(position: start, message: "\"-\" must be followed directly by a search term")
            }
            return Token(kind: .minus, position: start)
        case "\"", "{":
            let value = try phrase()
            return Token(kind: .term(op: nil, value: value, valuePosition: start, quoted: true), position: start)
        default:
            return try word()
        }
    }

    /// A bare word, a keyword, or `op:value` where the value may be a phrase.
    private mutating func word() throws(QuerySyntaxError) -> Token {
        let start = index
        while index < characters.count, !isTerminator(characters[index]), characters[index] != ":" {
            index += 1
        }
        let head = String(characters[start..<index])
        guard index < characters.count, characters[index] == ":" else {
            let kind: Token.Kind =
                switch head {
                case "AND": .and
                case "OR": .or
                case "NOT": .not
                default: .term(op: nil, value: head, valuePosition: start, quoted: false)
                }
            return Token(kind: kind, position: start)
        }
        guard !head.isEmpty else {
            throw QuerySyntaxError(position: start, message: "expected an operator name before \":\"")
        }
        index += 1
        let valueStart = index
        let value: String
        let quoted: Bool
        if index < characters.count, characters[index] == "\"" || characters[index] == "{" {
            value = try phrase()
            quoted = true
        } else {
            while index < characters.count, !isTerminator(characters[index]) { index += 1 }
            value = String(characters[valueStart..<index])
            quoted = false
        }
        guard !value.isEmpty else {
            throw QuerySyntaxError(position: valueStart, message: "missing value for \"\(head)\"")
        }
        return Token(kind: .term(op: head, value: value, valuePosition: valueStart, quoted: quoted), position: start)
    }

    /// `"…"` with `\"` and `\\` escapes, or `{…}` taken literally; it must be followed by a separator.
    private mutating func phrase() throws(QuerySyntaxError) -> String {
        let start = index
        let closing: Character = characters[index] == "{" ? "}" : "\""
        index += 1
        var value = ""
        while true {
            guard index < characters.count else {
                let what = closing == "}" ? "\"{\" is never closed by \"}\"" : "unterminated quoted value"
                throw QuerySyntaxError(position: start, message: what)
            }
            let character = characters[index]
            index += 1
            if character == closing { break }
            if closing == "\"", character == "\\", index < characters.count,
                characters[index] == "\"" || characters[index] == "\\"
            {
                value.append(characters[index])
                index += 1
            } else {
                value.append(character)
            }
        }
        if index < characters.count, !isTerminator(characters[index]) {
            throw QuerySyntaxError(position: index, message: "expected a space or \")\" after \"\(closing)\"")
        }
        return value
    }

    private func isTerminator(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")"
    }
}
