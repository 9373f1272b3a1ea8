/** Case handling in the gateway: registering partners and routes at start, and the demo's partner SIMULATORS. */
package io.govhub.gateway.cases;
