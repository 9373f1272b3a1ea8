/** The server-rendered web UI (Thymeleaf, Chinese): pages over the same use cases as the API. */
package io.govhub.gateway.ui;
