package io.govhub.guide.model;

/**
 * One application material (申请材料, elements 56–64).
 *
 * @param name         56 材料名称
 * @param issuer       57 出具机构 (e.g. 申请人自备, 公安机关)
 * @param timing       58 出具时间要求
 * @param instructions 59 材料办理说明
 * @param place        60 材料办理地点
 * @param usage        61 材料使用说明
 * @param originals    62 原件份数
 * @param copies       63 复印件份数
 * @param required     64 是否必备材料
 */
public record Material(String name, String issuer, String timing, String instructions, String place, String usage,
                       Integer originals, Integer copies, Boolean required) {
}
