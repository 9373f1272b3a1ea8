/**
 * 一网通办 case handling (办件): submissions from halls, applicants and partner systems, the routing table that names
 * the handling system, the case life cycle driven by that system's status messages (GB/T 39046 tables 5–8: 受理,
 * 环节, 特别程序, 办结), time limits in working days, and the store-and-forward outbox that carries cases out.
 */
package io.govhub.core.caseflow;
