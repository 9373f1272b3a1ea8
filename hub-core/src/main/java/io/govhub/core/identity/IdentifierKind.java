package io.govhub.core.identity;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of identifier the hub checks, with the short names the API uses. */
public enum IdentifierKind {
    /** 统一社会信用代码, GB 32100-2015, 18 characters. */
    USCC("uscc"),
    /** 组织机构代码, GB 11714-1997, 9 characters. */
    ORG("org"),
    /** 公民身份号码, GB 11643-1999, 18 characters. */
    RESIDENT_ID("id");

    private final String apiName;

    IdentifierKind(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<IdentifierKind> fromApiName(String name) {
        return Arrays.stream(values()).filter(k -> k.apiName.equals(name)).findFirst();
    }
}
