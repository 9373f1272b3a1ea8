package io.govhub.core.tabular;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxRowsTest {

    private static Path workbook(int rows) throws IOException {
        Path file = Files.createTempFile("govhub-xlsx", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("CF_WSH");
            for (int i = 1; i <= rows; i++) {
                sheet.createRow(i).createCell(0).setCellValue("doc-" + i);
            }
            wb.write(out);
        }
        return file;
    }

    @Test
    void rowsAreHandedOverInOrder() throws IOException {
        Path file = workbook(3);
        try {
            List<String> seen = new ArrayList<>();
            XlsxRows.read(file.toFile(), new RowHandler() {
                @Override
                public void header(List<String> names) {
                    seen.add("header " + names);
                }

                @Override
                public void row(int rowNumber, List<String> cells) {
                    seen.add(rowNumber + " " + cells);
                }
            });
            assertThat(seen).containsExactly("header [CF_WSH]", "2 [doc-1]", "3 [doc-2]", "4 [doc-3]");
        } finally {
            Files.delete(file);
        }
    }

    /** The handler's own failure (its database, a stop signal) is not reported as an unreadable workbook. */
    @Test
    void whatTheHandlerThrowsComesOutAsItWas() throws IOException {
        Path file = workbook(3);
        try {
            IllegalStateException own = new IllegalStateException("the store is gone");
            assertThatThrownBy(() -> XlsxRows.read(file.toFile(), new RowHandler() {
                @Override
                public void header(List<String> names) {
                }

                @Override
                public void row(int rowNumber, List<String> cells) {
                    throw own;
                }
            })).isSameAs(own);
        } finally {
            Files.delete(file);
        }
    }
}
