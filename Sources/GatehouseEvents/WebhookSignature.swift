import Crypto
package import Foundation

/// `X-Gatehouse-Signature: sha256=<hex HMAC-SHA256 of the body, keyed with the webhook's secret>`, the scheme
/// GitHub's `X-Hub-Signature-256` made familiar, so receivers can reuse their verification code.
package enum WebhookSignature {
    package static let header = "X-Gatehouse-Signature"

    package static func sign(_ body: some DataProtocol, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }
}
