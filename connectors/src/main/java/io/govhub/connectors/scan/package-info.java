/**
 * Malware scanning of uploaded application materials (申请材料) by a ClamAV daemon (clamd, TCP): the client, its
 * configuration and its health. The hub fails closed: no verdict, no stored material.
 */
package io.govhub.connectors.scan;
