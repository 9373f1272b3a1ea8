package io.govhub.core.credit;

import io.govhub.core.identity.PersonalDataMasker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What of a record the public sees. For a natural person the name is partly masked and the certificate number masked;
 * the certificate numbers of legal representatives are masked for every subject; remarks pass the free-text masker.
 * A natural person's name written inside other fields (违法事实 "当事人王小明于…") is masked there as well. Organisations'
 * names and codes are public. Every public surface and export goes through here. (Names of other people written in
 * free text, e.g. a witness, are not recognised.)
 */
public final class CreditPublicView {

    private static final Set<String> ALWAYS_MASKED_IDS = Set.of("XK_FR_ZJHM", "CF_FR_SFZH", "XK_XDR_ZJHM", "CF_XDR_ZJHM");

    private CreditPublicView() {
    }

    public static Map<String, String> of(CreditRecord r) {
        Map<String, String> out = new LinkedHashMap<>();
        String nameField = r.type().field("XDR_MC");
        String name = r.naturalPerson() ? r.fields().get(nameField) : null;
        String maskedName = name == null || name.isBlank() ? null : PersonalDataMasker.maskName(name.strip());
        r.fields().forEach((k, v) -> {
            String value = v;
            if (ALWAYS_MASKED_IDS.contains(k)) {
                value = PersonalDataMasker.maskIdNumber(v);
            } else if (r.naturalPerson() && k.equals(r.type().field("XDR_MC"))) {
                value = PersonalDataMasker.maskName(v);
            } else {
                value = PersonalDataMasker.maskFreeText(maskedName == null || v == null ? v : v.replace(name.strip(), maskedName));
            }
            out.put(k, value);
        });
        return out;
    }
}
