/**
 * Events of the service catalog (服务指南) that other parts of the hub react to: a guide published or withdrawn.
 * service-guide raises them; connectors (later) carry them to the provincial platform. Plain Java: no framework.
 */
package io.govhub.core.catalog;
