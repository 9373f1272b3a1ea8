package io.govhub.core.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the standard's identifier-vectors.csv is one test. */
class IdentifierVectorsTest {

    static List<Arguments> vectors() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                IdentifierVectorsTest.class.getResourceAsStream("/identifier-vectors.csv")), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                List<String> f = splitCsv(line);
                out.add(Arguments.of(f.get(0), f.get(1), f.get(2), f.get(3)));
            }
        }
        assertThat(out).hasSizeGreaterThan(30);
        return out;
    }

    @ParameterizedTest(name = "{0} ''{1}'' is {2} ({3})")
    @MethodSource("vectors")
    void verdictMatchesTheStandard(String kind, String code, String verdict, String note) {
        IdentifierCheck check = Identifiers.check(IdentifierKind.fromApiName(kind).orElseThrow(), code);
        switch (verdict) {
            case "valid" -> {
                assertThat(check.valid()).as("errors: %s", check.errors()).isTrue();
                assertThat(check.warnings()).isEmpty();
                assertThat(check.normalised()).isEqualTo(code);
            }
            case "valid-with-warning" -> {
                assertThat(check.valid()).isTrue();
                assertThat(check.warnings()).extracting(IdentifierIssue::code).containsExactly("USCC_ORG_CODE_CHECKSUM");
            }
            case "invalid" -> {
                assertThat(check.valid()).isFalse();
                assertThat(check.errors()).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.message().zh()).isNotBlank());
            }
            case "normalise" -> {
                Matcher m = Pattern.compile("[0-9A-Z]{18}").matcher(note);
                assertThat(m.find()).isTrue();
                assertThat(check.valid()).isTrue();
                assertThat(check.normalised()).isEqualTo(m.group());
            }
            default -> throw new AssertionError("unknown verdict " + verdict);
        }
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
