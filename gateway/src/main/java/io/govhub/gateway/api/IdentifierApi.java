package io.govhub.gateway.api;

import io.govhub.core.identity.IdentifierCheck;
import io.govhub.core.identity.IdentifierIssue;
import io.govhub.core.identity.IdentifierKind;
import io.govhub.core.identity.Identifiers;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/v1/identifiers", produces = "application/json")
@Tag(name = "identifiers", description = "统一社会信用代码、组织机构代码、公民身份号码校验 Identifier validation")
public class IdentifierApi {

    public record ValidateRequest(String kind, String value) {
    }

    public record IssueJson(String code, String message) {
        static IssueJson of(IdentifierIssue i) {
            return new IssueJson(i.code(), i.message().bilingual());
        }
    }

    public record ValidateResponse(String kind, boolean valid, String normalised, List<IssueJson> warnings,
                                   List<IssueJson> errors) {
    }

    static final int MAX_VALUE_LENGTH = 64;

    @PostMapping(path = "/validate", consumes = "application/json")
    @Operation(summary = "Validate and normalise an identifier",
            description = "kind: uscc (GB 32100), org (GB 11714) or id (GB 11643). The answer gives every error with a"
                    + " stable code; a USCC whose embedded organisation code fails is valid with a warning.")
    public ValidateResponse validate(@RequestBody ValidateRequest request) {
        String kindName = request.kind() == null ? "" : request.kind().strip();
        IdentifierKind kind = IdentifierKind.fromApiName(kindName).orElseThrow(() -> new GovhubException(
                ErrorCode.IDENTIFIER_KIND_UNKNOWN, ErrorCode.IDENTIFIER_KIND_UNKNOWN.title(),
                List.of(new FieldProblem("kind", ErrorCode.IDENTIFIER_KIND_UNKNOWN.name(),
                        Text.of("应为 uscc、org 或 id", "must be uscc, org or id")))));
        if (request.value() != null && request.value().length() > MAX_VALUE_LENGTH) {
            throw new GovhubException(ErrorCode.REQUEST_FIELD_INVALID,
                    Text.of("value 过长（最多 " + MAX_VALUE_LENGTH + " 个字符）", "value is too long (at most "
                            + MAX_VALUE_LENGTH + " characters)"),
                    List.of(new FieldProblem("value", ErrorCode.REQUEST_FIELD_INVALID.name(), Text.of("过长", "too long"))));
        }
        IdentifierCheck c = Identifiers.check(kind, request.value());
        return new ValidateResponse(kind.apiName(), c.valid(), c.normalised(),
                c.warnings().stream().map(IssueJson::of).toList(), c.errors().stream().map(IssueJson::of).toList());
    }
}
