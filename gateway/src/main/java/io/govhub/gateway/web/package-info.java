/**
 * HTTP plumbing shared by the API and the pages: problem+json errors with stable codes, request limits (body size,
 * unknown parameters), and the mapping of error kinds to HTTP statuses.
 */
package io.govhub.gateway.web;
