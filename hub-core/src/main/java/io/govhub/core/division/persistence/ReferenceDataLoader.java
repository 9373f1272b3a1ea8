package io.govhub.core.division.persistence;

import io.govhub.core.division.Division;
import io.govhub.core.division.DivisionLevel;
import io.govhub.core.division.Organisation;
import io.govhub.core.division.OrganisationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the bundled reference data ({@code reference/divisions.csv}, {@code reference/organisations.csv}) into the
 * database at every start: an upsert by key, in one transaction, parents before children. The files are simple CSV
 * without quoted commas; a malformed row stops the start with the file and line named.
 */
public class ReferenceDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDataLoader.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ReferenceDataLoader(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public void load() {
        List<Division> divisions = readDivisions();
        List<Organisation> organisations = readOrganisations();
        tx.executeWithoutResult(s -> {
            for (Division d : divisions) {
                jdbc.update("insert into division (code, name, level, parent_code, note) values (?, ?, ?, ?, ?)"
                                + " on conflict (code) do update set name = excluded.name, level = excluded.level,"
                                + " parent_code = excluded.parent_code, note = excluded.note",
                        d.code(), d.name(), d.level().name(), d.parentCode(), d.note());
            }
            for (Organisation o : organisations) {
                jdbc.update("insert into organisation (uscc, name, short_name, division_code, kind, phone)"
                                + " values (?, ?, ?, ?, ?, ?) on conflict (uscc) do update set name = excluded.name,"
                                + " short_name = excluded.short_name, division_code = excluded.division_code,"
                                + " kind = excluded.kind, phone = excluded.phone",
                        o.uscc(), o.name(), o.shortName(), o.divisionCode(), o.kind().name(), o.phone());
            }
        });
        LOG.info("Reference data loaded: {} divisions, {} organisations", divisions.size(), organisations.size());
    }

    static List<Division> readDivisions() {
        List<Division> out = new ArrayList<>();
        for (String[] f : readCsv("reference/divisions.csv", 5)) {
            out.add(new Division(f[0], f[1], DivisionLevel.parse(f[2]), f[3].isEmpty() ? null : f[3],
                    f[4].isEmpty() ? null : f[4]));
        }
        // parents first, so the foreign key holds inside the transaction
        out.sort((a, b) -> Integer.compare(a.level().ordinal(), b.level().ordinal()));
        return out;
    }

    static List<Organisation> readOrganisations() {
        List<Organisation> out = new ArrayList<>();
        for (String[] f : readCsv("reference/organisations.csv", 6)) {
            out.add(new Organisation(f[0], f[1], f[2], f[3], OrganisationKind.valueOf(f[4]),
                    f[5].isEmpty() ? null : f[5]));
        }
        return out;
    }

    private static List<String[]> readCsv(String resource, int columns) {
        InputStream in = ReferenceDataLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing reference data " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != columns) {
                    throw new IllegalStateException(resource + " line " + n + ": expected " + columns
                            + " columns, found " + f.length);
                }
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].strip();
                }
                rows.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
