/// What the HTTP layer and the composition root need of the event log: its live tail, the webhook worker
/// and the webhook administration.
package struct EventServices: Sendable {
    package let hub: EventHub
    package let worker: WebhookWorker
    package let administration: WebhookAdministration

    package init(hub: EventHub, worker: WebhookWorker, administration: WebhookAdministration) {
        self.hub = hub
        self.worker = worker
        self.administration = administration
    }
}
