package io.govhub.guide.imports;

import io.govhub.core.tabular.CsvRows;
import io.govhub.core.tabular.RowHandler;
import io.govhub.core.shared.FieldProblem;
import io.govhub.guide.validation.GuideValidator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GuideRowMapperTest {

    /** The template's example row, as a map. */
    private static Map<String, String> templateRow() throws Exception {
        Map<String, String> row = new HashMap<>();
        CsvRows.read(new ByteArrayInputStream(ImportColumns.template().getBytes(StandardCharsets.UTF_8)), null,
                new RowHandler() {
                    List<String> header;

                    @Override
                    public void header(List<String> names) {
                        header = names;
                    }

                    @Override
                    public void row(int n, List<String> cells) {
                        for (int i = 0; i < header.size(); i++) {
                            row.put(header.get(i), cells.get(i));
                        }
                    }
                });
        return row;
    }

    @Test
    void the_template_row_maps_to_a_valid_guide() throws Exception {
        GuideRowMapper.Mapped m = GuideRowMapper.map(templateRow());
        assertThat(m.problems()).isEmpty();
        assertThat(new GuideValidator().validate(m.content())).isEmpty();
        assertThat(m.content().materials()).hasSize(2);
        assertThat(m.content().materials().get(1).copies()).isEqualTo(1);
        assertThat(m.content().process()).hasSize(5);
        assertThat(m.content().process().get(0).description()).isEqualTo("提交申请材料");
        assertThat(m.content().handlingFormCodes()).containsExactly("1", "2", "3");
        assertThat(m.content().charged()).isFalse();
    }

    @Test
    void unreadable_cells_are_named() throws Exception {
        Map<String, String> row = templateRow();
        row.put(ImportColumns.CHARGED, "也许");
        row.put(ImportColumns.PROMISED_LIMIT, "五天");
        row.put(ImportColumns.FEES, "工本费|二十|依据");
        row.put(ImportColumns.MATERIALS, "申请书|自备|一|0|是");
        List<FieldProblem> p = GuideRowMapper.map(row).problems();
        assertThat(p).extracting(FieldProblem::field).containsExactlyInAnyOrder(ImportColumns.CHARGED,
                ImportColumns.PROMISED_LIMIT, ImportColumns.FEES, ImportColumns.MATERIALS);
        assertThat(p).allSatisfy(x -> assertThat(x.message().zh()).startsWith(x.field()));
    }

    @Test
    void every_demo_guide_survives_the_round_trip_through_the_layout() {
        for (var g : io.govhub.guide.DemoCatalog.guides()) {
            GuideRowMapper.Mapped back = GuideRowMapper.map(GuideRowMapper.toRow(g));
            assertThat(back.problems()).as(g.name()).isEmpty();
            assertThat(GuideRowMapper.over(g, back.content())).as(g.name()).isEqualTo(g);
        }
    }

    @Test
    void problems_of_content_fields_are_shown_at_their_column() {
        assertThat(GuideRowMapper.columnOf("materials[2].name")).isEqualTo(ImportColumns.MATERIALS);
        assertThat(GuideRowMapper.columnOf("promisedLimit.value")).isEqualTo(ImportColumns.PROMISED_LIMIT);
        assertThat(GuideRowMapper.columnOf("legalBasis")).isEqualTo(ImportColumns.LEGAL_BASIS);
    }
}
