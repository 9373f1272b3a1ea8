/**
 * How the hub talks to systems outside it: one package per mechanism ({@code redis}, {@code messaging}, later
 * {@code soap}, {@code rest}, {@code file}) and per counterpart kind (later {@code province}, {@code department},
 * {@code creditplatform}, {@code hall}). Routes stay thin and call hub-core use cases.
 */
package io.govhub.connectors;
