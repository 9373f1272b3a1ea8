package io.govhub.core.shared;

import java.util.List;
import java.util.Objects;

/**
 * The one exception hierarchy of the hub. It carries a stable {@link ErrorCode}, a message a person can act on (never
 * internal detail such as SQL or a stack trace), and, for validation, the field problems. Adapters turn it into their
 * protocol's error form.
 */
public class GovhubException extends RuntimeException {

    private final ErrorCode code;
    private final Text text;
    private final transient List<FieldProblem> problems;

    public GovhubException(ErrorCode code, Text text) {
        this(code, text, List.of(), null);
    }

    public GovhubException(ErrorCode code, Text text, List<FieldProblem> problems) {
        this(code, text, problems, null);
    }

    public GovhubException(ErrorCode code, Text text, List<FieldProblem> problems, Throwable cause) {
        super(code.name() + ": " + text.en(), cause, false, cause != null);
        this.code = Objects.requireNonNull(code);
        this.text = Objects.requireNonNull(text);
        this.problems = List.copyOf(problems);
    }

    public static GovhubException of(ErrorCode code) {
        return new GovhubException(code, code.title());
    }

    public ErrorCode code() {
        return code;
    }

    public Text text() {
        return text;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
