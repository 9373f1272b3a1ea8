package io.govhub.core.shared;

/**
 * What kind of failure an error code stands for. Protocol adapters map a kind to their own form
 * (an HTTP status, a SOAP fault code); the domain never speaks HTTP.
 */
public enum ErrorKind {
    /** The request itself is malformed: syntax, types, unknown or missing parameters. */
    BAD_REQUEST,
    /** The request is well-formed, but its content fails a business rule. */
    UNPROCESSABLE,
    /** The thing asked for does not exist. */
    NOT_FOUND,
    /** The change conflicts with the current state (a concurrent edit, a duplicate). */
    CONFLICT,
    /** The body is larger than the hub accepts. */
    TOO_LARGE,
    /** The body is in a media type or encoding the hub does not accept. */
    UNSUPPORTED_MEDIA,
    /** The method is not allowed on this resource. */
    METHOD_NOT_ALLOWED,
    /** No valid credentials. */
    UNAUTHENTICATED,
    /** Valid credentials, but not allowed to do this (role or division). */
    FORBIDDEN,
    /** Too many requests from this caller in a while; retry after the time the answer names. */
    TOO_MANY_REQUESTS,
    /** A dependency of the hub is not available right now; retrying later may succeed. */
    UNAVAILABLE,
    /** A defect of the hub. Never carries internal detail to the caller. */
    INTERNAL
}
