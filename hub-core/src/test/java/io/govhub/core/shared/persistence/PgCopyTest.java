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
}
