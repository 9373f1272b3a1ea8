package io.govhub.core.division.persistence;

import io.govhub.core.division.Division;
import io.govhub.core.division.DivisionDirectory;
import io.govhub.core.division.DivisionLevel;
import io.govhub.core.division.Organisation;
import io.govhub.core.division.OrganisationKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Optional;

/** Divisions and organisations in PostgreSQL. */
public class JdbcDivisionDirectory implements DivisionDirectory {

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
        return jdbc.query("select " + DIVISION_COLUMNS + " from division where code = ?", DIVISION, code)
                .stream().findFirst();
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
