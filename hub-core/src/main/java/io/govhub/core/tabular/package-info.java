/**
 * Reading spreadsheets that departments send (CSV in UTF-8 or GBK, XLSX) one row at a time, so that files of any
 * length stream. Shared by the guide imports and the credit batches.
 */
package io.govhub.core.tabular;
