/**
 * The service guide catalog (服务指南): service items (事项) described by the elements of GB/T 39046-2020 table 4,
 * their validation, their life cycle (draft → in review → published → withdrawn; each publication an immutable
 * version), diff between versions, search, and export as CPSV-AP 3.2.0 RDF.
 */
package io.govhub.guide;
