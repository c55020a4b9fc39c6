/// Git's pkt-line framing: four hex digits of length (including themselves), then the payload; `0000` flushes.
///
/// Only the parts the server needs: reading the command section of a push, writing advertisements and
/// reports, and wrapping messages in side-band channels so the pusher sees them as `remote:` lines.
package enum PktLine {
    package static let flush: [UInt8] = Array("0000".utf8)
    /// The largest payload git allows in one packet (65520 − 4).
    package static let maxPayload = 65516

    /// Frames `payload` as one packet.
    package static func encode(_ payload: [UInt8]) -> [UInt8] {
        precondition(payload.count <= maxPayload, "pkt-line payload too large")
        let length = payload.count + 4
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [hex[(length >> 12) & 0xf], hex[(length >> 8) & 0xf], hex[(length >> 4) & 0xf], hex[length & 0xf]]
        out.append(contentsOf: payload)
        return out
    }

    package static func encode(_ text: String) -> [UInt8] { encode(Array(text.utf8)) }

    /// Frames `data` on side-band channel `band` (1 data, 2 progress/messages, 3 fatal error), splitting it into
    /// packets no larger than side-band-64k allows.
    package static func sideBand(_ band: UInt8, _ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var offset = 0
        repeat {
            let end = min(offset + maxPayload - 1, data.count)
            out.append(contentsOf: encode([band] + data[offset..<end]))
            offset = end
        } while offset < data.count
        return out
    }

    /// One decoded packet.
    package enum Packet: Equatable {
        case flush
        case delimiter
        case data([UInt8])
    }

    /// Reads one packet from `bytes` at `offset`, advancing it.
    ///
    /// - Returns: nil when `bytes` ends before the packet does (read more and try again).
    /// - Throws: ``GitError/protocolViolation(_:)`` for a length that is not four hex digits or is impossible.
    package static func read(_ bytes: [UInt8], at offset: inout Int) throws(GitError) -> Packet? {
        guard bytes.count - offset >= 4 else { return nil }
        var length = 0
        for byte in bytes[offset..<offset + 4] {
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: throw .protocolViolation("bad pkt-line length \(String(decoding: bytes[offset..<offset + 4], as: UTF8.self).debugDescription)")
            }
            length = length << 4 | digit
        }
        switch length {
        case 0:
            offset += 4
            return .flush
        case 1:
            offset += 4
            return .delimiter
        case 2, 3:
            throw .protocolViolation("bad pkt-line length \(length)")
        default:
            guard length - 4 <= maxPayload else { throw .protocolViolation("pkt-line too long") }
            guard bytes.count - offset >= length else { return nil }
            let payload = Array(bytes[offset + 4..<offset + length])
            offset += length
            return .data(payload)
        }
    }
}
