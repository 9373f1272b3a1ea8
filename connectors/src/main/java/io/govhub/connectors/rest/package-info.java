/** REST adapters to partner systems. */
package io.govhub.connectors.rest;
