/// Recursive-descent parser for `ChangeQuery`:
///
///     query   = or
///     or      = and { "OR" and }
///     and     = unary { ["AND"] unary }
///     unary   = ("NOT" | "-") unary | "(" or ")" | term
///
/// Keywords are uppercase only, as in Gerrit, so `or` and `and` stay ordinary words; operator names are
/// case-insensitive.
struct ChangeQueryParser {
    private typealias Token = ChangeQueryLexer.Token

    private let tokens: [Token]
    private var index = 0

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    static func parse(_ text: String) throws(QuerySyntaxError) -> ChangeQuery {
        let tokens = try ChangeQueryLexer.tokenize(text)
        guard !tokens.isEmpty else { throw QuerySyntaxError(position: 0, message: "empty query") }
        var parser = ChangeQueryParser(tokens: tokens)
        let query = try parser.parseOr()
        if let extra = parser.peek {
            // `and` and `or` consume every token that can start a term, so only a stray `)` is left here.
            throw QuerySyntaxError(position: extra.position, message: "unexpected \")\" without a matching \"(\"")
        }
        return query
    }

    private var peek: Token? { index < tokens.count ? tokens[index] : nil }

    private var peekStartsTerm: Bool {
        switch peek?.kind {
        case .term, .openParen, .minus, .not: true
        case .closeParen, .and, .or, nil: false
        }
    }

    private mutating func parseOr() throws(QuerySyntaxError) -> ChangeQuery {
        var alternatives = [try parseAnd()]
        while let token = peek, token.kind == .or {
            index += 1
            try requireTerm(after: token, named: "OR")
            alternatives.append(try parseAnd())
        }
        let flat = alternatives.flatMap { query -> [ChangeQuery] in
            if case .or(let inner) = query { inner } else { [query] }
        }
        return flat.count == 1 ? flat[0] : .or(flat)
    }

    private mutating func parseAnd() throws(QuerySyntaxError) -> ChangeQuery {
        var conjuncts = [try parseUnary()]
        while let token = peek {
            if token.kind == .and {
                index += 1
                try requireTerm(after: token, named: "AND")
            } else if !peekStartsTerm {
                break
            }
            conjuncts.append(try parseUnary())
        }
        let flat = conjuncts.flatMap { query -> [ChangeQuery] in
            if case .and(let inner) = query { inner } else { [query] }
        }
        return flat.count == 1 ? flat[0] : .and(flat)
    }

    private mutating func parseUnary() throws(QuerySyntaxError) -> ChangeQuery {
        guard let token = peek else {
            throw QuerySyntaxError(position: tokens.last?.position ?? 0, message: "expected a search term")
        }
        index += 1
        switch token.kind {
        case .not, .minus:
            try requireTerm(after: token, named: token.kind == .not ? "NOT" : "-")
            return .not(try parseUnary())
        case .openParen:
            if let next = peek, next.kind == .closeParen {
                throw QuerySyntaxError(position: next.position, message: "empty parentheses")
            }
            let inner = try parseOr()
            guard let close = peek, close.kind == .closeParen else {
                throw QuerySyntaxError(position: token.position, message: "\"(\" is never closed by \")\"")
            }
            index += 1
            return inner
        case .closeParen:
            throw QuerySyntaxError(position: token.position, message: "unexpected \")\" without a matching \"(\"")
        case .and, .or:
            let name = token.kind == .and ? "AND" : "OR"
            throw QuerySyntaxError(position: token.position, message: "\"\(name)\" must be between two search terms")
        case .term(let op, let value, let valuePosition, let quoted):
            if let op {
                return try ChangeQueryTerm.operator(op, at: token.position, value: value, at: valuePosition)
            }
            return try ChangeQueryTerm.bare(value, at: valuePosition, quoted: quoted)
        }
    }

    private func requireTerm(after token: Token, named name: String) throws(QuerySyntaxError) {
        guard peekStartsTerm else {
            throw QuerySyntaxError(position: token.position, message: "\"\(name)\" must be followed by a search term")
        }
    }
}
