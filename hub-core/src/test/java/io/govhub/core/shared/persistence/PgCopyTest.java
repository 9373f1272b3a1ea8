package io.govhub.core.shared.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PgCopyTest {

    @Test
    void valuesAreEscapedForTheTextFormatAndNullIsBackslashN() {
        PgCopy rows = new PgCopy();
        rows.value("a\tb").value(null).value("line1\nline2\r").value("C:\\dir \\N").endRow();
        rows.value(42).value(true).endRow();
        assertThat(rows.text()).isEqualTo("a\\tb\t\\N\tline1\\nline2\\r\tC:\\\\dir \\\\N\n42\ttrue\n");
    }

    @Test
    void jsonKeepsItsOwnEscapesThroughTheCopy() {
        // Jackson writes a newline inside a string as backslash-n: COPY must receive the backslash doubled
        PgCopy rows = new PgCopy();
        rows.value("{\"a\":\"x\\ny\"}").endRow();
        assertThat(rows.text()).isEqualTo("{\"a\":\"x\\\\ny\"}\n");
    }

    @Test
    void textIsWrittenAsUtf8AsStringGetBytesWritesIt() {
        // two-, three- and four-byte characters, a lone surrogate, and a value longer than the buffer
        String mixed = "é临沂市\uD840\uDC00〔2026〕\uD800x";
        String longValue = "罚".repeat(20_000);
        PgCopy rows = new PgCopy();
        rows.value(mixed).value(longValue).endRow();
        byte[] expected = (mixed + "\t" + longValue + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(rows.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
