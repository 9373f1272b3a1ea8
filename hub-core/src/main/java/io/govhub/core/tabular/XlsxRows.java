package io.govhub.core.tabular;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the first sheet of an {@code .xlsx} file with POI's event model (SAX): one row in memory at a time, so a
 * sheet of 10,000 items needs no more heap than its shared strings. POI's XML reader refuses DTDs and external
 * entities (XXE).
 */
public final class XlsxRows {

    private XlsxRows() {
    }

    public static void read(File file, RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new IOException("the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new Handler(handler), new DataFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (io.govhub.core.shared.GovhubException e) {
            throw e; // the row handler's own verdict on the content
        } catch (HandlerFailure e) {
            throw e.failure; // the row handler's own failure (its store, its transaction), not the file's
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw new IOException("not a readable .xlsx file: " + e.getMessage(), e);
        }
    }

    /** Carries what the row handler threw past POI's and the parser's own error handling. */
    private static final class HandlerFailure extends RuntimeException {
        final RuntimeException failure;

        HandlerFailure(RuntimeException failure) {
            super(null, failure, false, false);
            this.failure = failure;
        }
    }

    private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler target;
        private final List<String> cells = new ArrayList<>();
        private boolean headerSeen;

        Handler(RowHandler target) {
            this.target = target;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            try {
                if (!headerSeen) {
                    target.header(new ArrayList<>(cells));
                    headerSeen = true;
                } else if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                    target.row(rowNum + 1, new ArrayList<>(cells));
                }
            } catch (io.govhub.core.shared.GovhubException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = new CellReference(ref).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }
}
