package io.govhub.core.tabular;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRowsTest {

    private record Read(List<String> header, List<List<String>> rows, List<Integer> numbers, Charset charset) {
    }

    private static Read read(byte[] bytes, Charset declared) throws Exception {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        Charset cs = CsvRows.read(new ByteArrayInputStream(bytes), declared, new RowHandler() {
            @Override
            public void header(List<String> names) {
                header.addAll(names);
            }

            @Override
            public void row(int rowNumber, List<String> cells) {
                rows.add(cells);
                numbers.add(rowNumber);
            }
        });
        return new Read(header, rows, numbers, cs);
    }

    @Test
    void quoted_cells_hold_commas_quotes_and_line_breaks() throws Exception {
        String csv = "事项名称,申请材料\r\n\"食品经营许可,新办\",\"申请书\n营业执照\"\r\n\"他说\"\"好\"\"\",x\n";
        Read r = read(csv.getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.header()).containsExactly("事项名称", "申请材料");
        assertThat(r.rows().get(0)).containsExactly("食品经营许可,新办", "申请书\n营业执照");
        assertThat(r.rows().get(1)).containsExactly("他说\"好\"", "x");
        assertThat(r.numbers()).containsExactly(2, 3);
    }

    /**
     * The reader takes characters a buffer (8,192) at a time with one character of look-ahead: a doubled quote, a
     * closing quote and a CR LF land on each side of a buffer's end in turn, and every row still reads the same.
     */
    @Test
    void quotes_and_line_ends_across_the_reading_buffer_s_end_read_the_same() throws Exception {
        for (int pad = 8170; pad < 8200; pad++) {
            String filler = "x".repeat(pad - "h\r\n".length() + 2);
            String csv = "h\r\n" + filler + "\r\n\"a\"\"b\"\r\n\"c\r\nd\"\r\ne\r\n";
            Read r = read(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertThat(r.rows()).as("filler of %d", pad)
                    .containsExactly(List.of(filler), List.of("a\"b"), List.of("c\r\nd"), List.of("e"));
            assertThat(r.numbers()).containsExactly(2, 3, 4, 5);
        }
    }

    @Test
    void a_byte_order_mark_is_not_part_of_the_first_header() throws Exception {
        Read r = read(("\uFEFF事项名称,实施编码\n甲,1\n").getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.header()).containsExactly("事项名称", "实施编码");
        assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void gbk_is_detected_and_read_right() throws Exception {
        Read r = read("事项名称,实施编码\n个体工商户营业执照核发,1\n".getBytes("GBK"), null);
        assertThat(r.charset().name()).isEqualTo("GB18030");
        assertThat(r.rows().get(0).get(0)).isEqualTo("个体工商户营业执照核发");
    }

    @Test
    void utf8_with_a_multi_byte_character_cut_at_the_probe_boundary_is_still_utf8() {
        byte[] text = "营".repeat(30_000).getBytes(StandardCharsets.UTF_8); // 90,000 bytes; 65,536 falls mid-character
        assertThat(CsvRows.detect(text, 65_536)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void a_declared_charset_wins() throws Exception {
        Read r = read("事项名称\n甲\n".getBytes("GBK"), StandardCharsets.UTF_8);
        assertThat(r.header().get(0)).isNotEqualTo("事项名称"); // GBK bytes read as UTF-8 are garbled, as declared
    }

    @Test
    void blank_lines_are_skipped() throws Exception {
        assertThat(read("a\n\n1\n\n".getBytes(StandardCharsets.UTF_8), null).rows()).hasSize(1);
    }
}
