package io.govhub.gateway.ui;

import io.govhub.core.credit.CreditIntakeService;
import io.govhub.core.credit.CreditStore;
import io.govhub.core.credit.RecordType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;

/** The public 双公示 page: published permit and penalty decisions, natural persons masked. No sign-in. */
@Controller
public class CreditPageController {

    private static final int PAGE_SIZE = 20;
    private final CreditIntakeService credit;

    public CreditPageController(CreditIntakeService credit) {
        this.credit = credit;
    }

    @GetMapping("/credit")
    public String search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                         @RequestParam(defaultValue = "0") int page, Model model) {
        RecordType t = "PERMIT".equals(type) ? RecordType.PERMIT : "PENALTY".equals(type) ? RecordType.PENALTY : null;
        String text = q == null || q.isBlank() ? null : q.strip().substring(0, Math.min(q.strip().length(), 100));
        int p = Math.max(0, Math.min(page, 10_000));
        var records = credit.search(new CreditStore.PublicQuery(text, t, null, null, null, p, PAGE_SIZE,
                LocalDate.now(PageController.CHINA)));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("type", t == null ? "" : t.name());
        model.addAttribute("records", records);
        model.addAttribute("page", p);
        model.addAttribute("more", records.size() == PAGE_SIZE);
        return "credit";
    }

    /** One published decision, as the public sees it: every public field, natural persons masked. */
    @GetMapping("/credit/{id}")
    public String record(@org.springframework.web.bind.annotation.PathVariable long id, Model model) {
        model.addAttribute("r", credit.publicRecord(id));
        model.addAttribute("labels", FIELD_LABELS);
        return "credit-record";
    }

    /** Chinese names of the national fields shown on the record page (others are shown by their code). */
    static final java.util.Map<String, String> FIELD_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("XDR_MC", "行政相对人名称"), java.util.Map.entry("XDR_LB", "行政相对人类别"),
            java.util.Map.entry("XDR_SHXYM", "统一社会信用代码"), java.util.Map.entry("FRDB", "法定代表人"),
            java.util.Map.entry("XDR_ZJLX", "证件类型"), java.util.Map.entry("XDR_ZJHM", "证件号码"),
            java.util.Map.entry("WSH", "决定文书号"), java.util.Map.entry("XKWS", "许可决定文书名称"),
            java.util.Map.entry("XKLB", "许可类别"), java.util.Map.entry("XKZS", "许可证书名称"),
            java.util.Map.entry("XKBH", "许可编号"), java.util.Map.entry("NR", "内容"),
            java.util.Map.entry("WFXW", "违法行为类型"), java.util.Map.entry("SY", "违法事实"),
            java.util.Map.entry("YJ", "处罚依据"), java.util.Map.entry("CFLB", "处罚类别"),
            java.util.Map.entry("NR_FK", "罚款金额（万元）"), java.util.Map.entry("NR_WFFF", "没收违法所得（万元）"),
            java.util.Map.entry("JDRQ", "决定日期"), java.util.Map.entry("YXQ", "有效期自"), java.util.Map.entry("YXQZ", "有效期至"),
            java.util.Map.entry("GSJZQ", "公示截止期"), java.util.Map.entry("XKJG", "许可机关"),
            java.util.Map.entry("XKJGDM", "许可机关统一社会信用代码"), java.util.Map.entry("CFJG", "处罚机关"),
            java.util.Map.entry("CFJGDM", "处罚机关统一社会信用代码"), java.util.Map.entry("SJLY", "数据来源单位"),
            java.util.Map.entry("SJLYDM", "数据来源单位统一社会信用代码"), java.util.Map.entry("BZ", "备注"));
}
