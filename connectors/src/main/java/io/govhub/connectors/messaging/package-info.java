/**
 * The message broker (ActiveMQ Artemis through JMS): work handed between nodes. Competing consumers on durable
 * queues; receivers are idempotent.
 */
package io.govhub.connectors.messaging;
