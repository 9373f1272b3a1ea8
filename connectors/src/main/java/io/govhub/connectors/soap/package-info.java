/**
 * SOAP (Apache CXF through Camel), WSDL-first: the WSDLs are in {@code src/main/resources/wsdl}, the JAXB and JAX-WS
 * classes generated from them at build time ({@code io.govhub.connectors.soap.cases}, {@code …department}). The hub
 * publishes its case service at {@code /services/cases} and calls SOAP departmental systems through their
 * {@code DepartmentPort}.
 */
package io.govhub.connectors.soap;
