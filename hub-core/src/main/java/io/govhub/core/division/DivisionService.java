package io.govhub.core.division;

import io.govhub.core.identity.Identifiers;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;

import java.util.List;

/** Use cases for divisions and organisations: look-ups with clear errors for malformed and unknown codes. */
public class DivisionService {

    /** A division with its parent and its children. */
    public record DivisionView(Division division, Division parent, List<Division> children) {
    }

    private final DivisionDirectory directory;

    public DivisionService(DivisionDirectory directory) {
        this.directory = directory;
    }

    public DivisionView view(String code) {
        Division d = require(code);
        Division parent = d.parentCode() == null ? null : directory.find(d.parentCode()).orElse(null);
        return new DivisionView(d, parent, directory.children(d.code()));
    }

    public List<Division> all() {
        return directory.all();
    }

    public Division require(String code) {
        String c = code == null ? "" : code.strip();
        if (!Division.isWellFormed(c)) {
            throw new GovhubException(ErrorCode.DIVISION_CODE_MALFORMED, Text.of(
                    "行政区划代码应为 6 位数字，收到 '" + abbreviate(c) + "'",
                    "A division code is six digits; got '" + abbreviate(c) + "'"));
        }
        return directory.find(c).orElseThrow(() -> new GovhubException(ErrorCode.DIVISION_NOT_FOUND, Text.of(
                "行政区划代码 " + c + " 不存在", "Unknown division code " + c)));
    }

    /** Organisations acting in a division ({@code null}: all of them). */
    public List<Organisation> organisations(String divisionCode) {
        if (divisionCode == null) {
            return directory.organisations();
        }
        return directory.organisationsIn(require(divisionCode).code());
    }

    public Organisation organisation(String uscc) {
        String u = Identifiers.normalise(uscc);
        return directory.organisation(u).orElseThrow(() -> new GovhubException(ErrorCode.ORGANISATION_NOT_FOUND,
                Text.of("统一社会信用代码为 " + abbreviate(u) + " 的组织机构不存在",
                        "No organisation has the unified social credit code " + abbreviate(u))));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
