package io.govhub.core.tabular;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A report as an .xlsx workbook (one sheet, a bold header row). Numbers become numeric cells; every other value a
 * string cell, never a formula, so that an exported value cannot run in a spreadsheet (no formula injection).
 */
public final class XlsxExport {

    private XlsxExport() {
    }

    public static byte[] write(String sheetName, List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell c = h.createCell(i);
                c.setCellValue(header.get(i));
                c.setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    Cell c = row.createCell(i);
                    if (v instanceof Number n) {
                        c.setCellValue(n.doubleValue());
                    } else if (v != null) {
                        c.setCellValue(v.toString()); // a string cell: "=1+1" stays text
                    }
                }
            }
            for (int i = 0; i < header.size(); i++) {
                sheet.setColumnWidth(i, Math.min(60, Math.max(10, header.get(i).length() * 3)) * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
