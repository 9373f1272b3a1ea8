package io.govhub.core.credit;

import java.util.List;

/** The code sets of the national credit collection format (values as the national platform takes them). */
public final class CreditCodeSets {

    private CreditCodeSets() {
    }

    /** 行政相对人类别 */
    public static final String LEGAL_PERSON = "法人及非法人组织";
    public static final String NATURAL_PERSON = "自然人";
    public static final String INDIVIDUAL_BUSINESS = "个体工商户";
    public static final List<String> SUBJECT_CATEGORIES = List.of(LEGAL_PERSON, NATURAL_PERSON, INDIVIDUAL_BUSINESS);

    /** 许可类别 */
    public static final List<String> PERMIT_CATEGORIES = List.of("普通", "特许", "认可", "核准", "登记", "其他");

    /** 处罚类别 (Administrative Penalty Law 2021, art. 9), one decision may carry several. */
    public static final List<String> PENALTY_CATEGORIES = List.of("警告", "通报批评", "罚款", "没收违法所得",
            "没收非法财物", "暂扣许可证件", "降低资质等级", "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭",
            "限制从业", "行政拘留", "其他");

    /** 当前状态 of a permit: 1 有效, 2 无效. */
    public static final List<String> PERMIT_STATES = List.of("1", "2");

    /** Certificate types whose number is a resident ID number (and is checked as one). */
    public static final List<String> RESIDENT_ID_TYPES = List.of("身份证", "居民身份证", "001");
}
