package io.govhub.gateway.web;

import java.io.IOException;

/** Raised while reading a request body that turns out larger than the limit (chunked bodies have no length). */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
