/// What the HTTP layer and the composition root need of the event log: its live tail, the webhook worker,
/// the webhook administration, and the mail worker when mail is configured.
package struct EventServices: Sendable {
    package let hub: EventHub
    package let worker: WebhookWorker
    package let administration: WebhookAdministration
    /// Nil unless `gatehouse serve` was given `--smtp-url`.
    package let mail: MailWorker?

    package init(hub: EventHub, worker: WebhookWorker, administration: WebhookAdministration, mail: MailWorker? = nil) {
        self.hub = hub
        self.worker = worker
        self.administration = administration
        self.mail = mail
    }
}
