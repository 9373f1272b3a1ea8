package io.govhub.guide.lifecycle;

/** The state of an item's working copy. */
public enum GuideState {
    /** 草稿: being edited (a published version, if any, stays public meanwhile). */
    DRAFT("草稿"),
    /** 待审核: submitted for review. */
    IN_REVIEW("待审核"),
    /** 已发布: the working copy is the current published version. */
    PUBLISHED("已发布"),
    /** 已撤回: no longer public. */
    WITHDRAWN("已撤回");

    private final String label;

    GuideState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
