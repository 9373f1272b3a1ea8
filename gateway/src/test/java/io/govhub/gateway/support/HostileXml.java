package io.govhub.gateway.support;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** XML that attacks its parser, for the hostile-input tests: an external entity and an entity expansion ("billion laughs"). */
public final class HostileXml {

    /** A DOCTYPE declaring entity {@code e} as the contents of /etc/passwd. */
    public static final String EXTERNAL_ENTITY = "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>";

    /** A DOCTYPE declaring entity {@code e} that expands to 10^9 "lol"s (3 GB) if the parser lets it. */
    public static final String ENTITY_EXPANSION;

    static {
        StringBuilder b = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            b.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        ENTITY_EXPANSION = b.append("<!ENTITY e \"&l9;\">]>").toString();
    }

    private HostileXml() {
    }

    /** A workbook whose first sheet is replaced by one that declares {@code doctype} and uses {@code &e;} in cell A1. */
    public static byte[] xlsx(String doctype) throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("s").createRow(0).createCell(0).setCellValue("x");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        String sheet = "<?xml version=\"1.0\"?>" + doctype.replace("DOCTYPE r", "DOCTYPE worksheet")
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>";
        ByteArrayOutputStream patched = new ByteArrayOutputStream();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zout = new ZipOutputStream(patched)) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(e.getName().equals("xl/worksheets/sheet1.xml") ? sheet.getBytes(StandardCharsets.UTF_8) : zin.readAllBytes());
                zout.closeEntry();
            }
        }
        return patched.toByteArray();
    }

    /** A multipart/form-data body with one file part named {@code file}; answers the body, the boundary is {@code hostile}. */
    public static byte[] multipart(String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--hostile\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n--hostile--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
