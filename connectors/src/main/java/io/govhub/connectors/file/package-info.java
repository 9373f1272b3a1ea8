/** Batch drop folders (Camel file component). */
package io.govhub.connectors.file;
