package io.govhub.core.tabular;

import java.util.List;

/** Receives a spreadsheet's rows one at a time, so that files of any length stream. */
public interface RowHandler {

    void header(List<String> names);

    /** @param rowNumber the row's number as a person sees it in the file (the header is row 1) */
    void row(int rowNumber, List<String> cells);
}
