package io.govhub.core.tabular;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {

    @Test
    void formulas_are_defused() {
        assertThat(CsvExport.line(List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "正常"))).isEqualTo(
                "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),正常\r\n");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted() {
        assertThat(CsvExport.line(List.of("a,b", "say \"hi\"", "two\nlines"))).isEqualTo(
                "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }
}
