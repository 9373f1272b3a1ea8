package io.govhub.guide.model;

import java.util.List;

/**
 * The content of one service item's guide: the elements of GB/T 39046-2020 table 4 (element numbers in brackets).
 * Elements that are the label of a code (4 事项类型, 7 行使层级, 13 实施主体性质, 34 服务对象, 39 办理形式, 42 行政管辖) are
 * derived from the code and not stored twice. The Linyi measures (article 六) require at least: name, legal basis,
 * accepting unit, basic process, materials, fees with their basis, time limits, consultation phone.
 *
 * @param name                       [1] 事项名称
 * @param basicCode                  [2] 基本编码
 * @param implementationCode         [3] 实施编码
 * @param typeCode                   [5] 事项类型代码 (A.1)
 * @param legalBasis                 [6] 设定依据 (办理依据)
 * @param exerciseLevelCode          [8] 行使层级代码 (A.2)
 * @param authorityDivision          [9] 权限划分
 * @param exerciseContent            [10] 行使内容
 * @param implementingBody           [11] 实施主体 (受理单位)
 * @param implementingBodyUscc       [12] 实施主体代码
 * @param implementingBodyNatureCode [14] 实施主体性质代码 (A.3)
 * @param legalLimit                 [15–17] 法定办结时限, 单位, 说明
 * @param promisedLimit              [18–20] 承诺办结时限, 单位, 说明
 * @param acceptanceConditions       [21] 受理条件
 * @param process                    [22] 办理流程
 * @param jointDepartments           [23] 共同实施部门
 * @param jointDepartmentCodes       [24] 共同实施部门代码
 * @param handlingUnit               [25] 承办机构
 * @param handlingUnitCode           [26] 承办机构代码
 * @param intermediaryServices       [27] 中介服务
 * @param quantityLimit              [28] 数量限制
 * @param resultName                 [29] 结果名称
 * @param resultSample               [30] 结果样本 (the address of the sample)
 * @param charged                    [31] 是否收费 ({@code false} says explicitly that it is free)
 * @param fees                       [32] 收费项目 with their 收费依据
 * @param tongbanScopeCode           [33] 通办范围代码
 * @param serviceObjectCodes         [35] 服务对象代码 (A.4)
 * @param themes                     [36] 服务主题
 * @param legalPersonThemeCodes      [37] 法人服务主题代码
 * @param naturalPersonThemeCodes    [38] 自然人服务主题代码
 * @param handlingFormCodes          [40] 办理形式代码 (A.5)
 * @param specialProcedures          [41] 特别程序
 * @param divisionCode               [43] 行政管辖代码: the division where the item applies
 * @param appointment                [44] 是否支持预约办理
 * @param onlinePayment              [45] 是否支持网上支付
 * @param delivery                   [46] 是否支持物流快递
 * @param online                     [47] 是否网办
 * @param onlineUrl                  [48] 网办地址
 * @param systemLevelCode            [49] 运行系统层级
 * @param location                   [50] 办理地点
 * @param hours                      [51] 办理时间
 * @param consultation               [52] 咨询方式
 * @param consultPhone               [53] 咨询电话
 * @param supervisePhone             [54] 监督电话
 * @param faq                        [55] 常见问题
 * @param materials                  [56–64] 申请材料
 * @param keywords                   search keywords (not an element of the standard)
 */
public record GuideContent(
        String name, String basicCode, String implementationCode, String typeCode, String legalBasis,
        String exerciseLevelCode, String authorityDivision, String exerciseContent, String implementingBody,
        String implementingBodyUscc, String implementingBodyNatureCode, TimeLimit legalLimit, TimeLimit promisedLimit,
        String acceptanceConditions, List<ProcessStep> process, String jointDepartments, String jointDepartmentCodes,
        String handlingUnit, String handlingUnitCode, String intermediaryServices, String quantityLimit,
        String resultName, String resultSample, Boolean charged, List<FeeItem> fees, String tongbanScopeCode,
        List<String> serviceObjectCodes, String themes, String legalPersonThemeCodes, String naturalPersonThemeCodes,
        List<String> handlingFormCodes, String specialProcedures, String divisionCode, Boolean appointment,
        Boolean onlinePayment, Boolean delivery, Boolean online, String onlineUrl, String systemLevelCode,
        String location, String hours, String consultation, String consultPhone, String supervisePhone,
        List<Faq> faq, List<Material> materials, String keywords) {

    public GuideContent {
        process = process == null ? List.of() : List.copyOf(process);
        fees = fees == null ? List.of() : List.copyOf(fees);
        serviceObjectCodes = serviceObjectCodes == null ? List.of() : List.copyOf(serviceObjectCodes);
        handlingFormCodes = handlingFormCodes == null ? List.of() : List.copyOf(handlingFormCodes);
        faq = faq == null ? List.of() : List.copyOf(faq);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** [4] 事项类型 */
    public String typeLabel() {
        return CodeSets.ITEM_TYPE.getOrDefault(typeCode, "");
    }

    /** [7] 行使层级 */
    public String exerciseLevelLabel() {
        return CodeSets.EXERCISE_LEVEL.getOrDefault(exerciseLevelCode, "");
    }
}
