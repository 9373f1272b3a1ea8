package io.govhub.guide.model;

/** One step of the basic process (办理流程, element 22): 申请, 受理, 审查, 决定, 送达 … */
public record ProcessStep(String name, String description) {
}
