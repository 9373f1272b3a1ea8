package io.govhub.core.division.persistence;

import io.govhub.core.division.Division;
import io.govhub.core.division.DivisionDirectory;
import io.govhub.core.division.DivisionLevel;
import io.govhub.core.division.Organisation;
import io.govhub.core.division.OrganisationKind;
import io.govhub.core.shared.Remembered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Optional;

/**
 * Divisions and organisations in PostgreSQL. A division found by its code is remembered for a minute: the table is
 * reference data, written only by {@link ReferenceDataLoader} when a node starts, and every case submission looks up
 * its division and the divisions above it (three queries per case before). A code not found is not remembered.
 */
public class JdbcDivisionDirectory implements DivisionDirectory {

    private final Remembered<String, Division> found = new Remembered<>(java.time.Duration.ofMinutes(1), 100_000);

    private static final String DIVISION_COLUMNS = "code, name, level, parent_code, note";
    private static final String ORG_COLUMNS = "uscc, name, short_name, division_code, kind, phone";
    private static final RowMapper<Division> DIVISION = (rs, i) -> new Division(rs.getString(1), rs.getString(2),
            DivisionLevel.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5));
    private static final RowMapper<Organisation> ORG = (rs, i) -> new Organisation(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), OrganisationKind.valueOf(rs.getString(5)), rs.getString(6));

    private final JdbcTemplate jdbc;

    public JdbcDivisionDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Division> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        // the loader's null (not found) is not remembered
        return Optional.ofNullable(found.get(code, c -> jdbc.query("select " + DIVISION_COLUMNS
                + " from division where code = ?", DIVISION, c).stream().findFirst().orElse(null)));
    }

    @Override
    public List<Division> children(String parentCode) {
        return jdbc.query("select " + DIVISION_COLUMNS + " from division where parent_code = ? order by code",
                DIVISION, parentCode);
    }

    @Override
    public List<Division> all() {
        return jdbc.query("select " + DIVISION_COLUMNS + " from division order by code", DIVISION);
    }

    @Override
    public List<Organisation> organisations() {
        return jdbc.query("select " + ORG_COLUMNS + " from organisation order by division_code, uscc", ORG);
    }

    @Override
    public List<Organisation> organisationsIn(String divisionCode) {
        return jdbc.query("select " + ORG_COLUMNS + " from organisation where division_code = ? order by uscc",
                ORG, divisionCode);
    }

    @Override
    public Optional<Organisation> organisation(String uscc) {
        return jdbc.query("select " + ORG_COLUMNS + " from organisation where uscc = ?", ORG, uscc)
                .stream().findFirst();
    }
}
