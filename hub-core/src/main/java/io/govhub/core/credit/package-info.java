/**
 * Administrative permit (行政许可, XK) and penalty (行政处罚, CF) decisions published as credit information (双公示):
 * the national field layout, validation and normalisation of one record, the 7-working-day publication deadline, and
 * the public (masked) view. Plain Java: no framework. Intake paths, storage, forwarding and publicity rules come with
 * the rest of the credit issue.
 */
package io.govhub.core.credit;
