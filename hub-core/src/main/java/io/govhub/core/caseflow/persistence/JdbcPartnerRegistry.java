package io.govhub.core.caseflow.persistence;

import io.govhub.core.caseflow.PartnerRegistry;
import io.govhub.core.caseflow.PartnerSystem;
import io.govhub.core.caseflow.RouteRule;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Remembered;
import io.govhub.core.shared.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Partner systems and routing rules in PostgreSQL. Every case submission reads the routing table and its partner, and
 * every delivery its partner: one partner by id and the whole (small) routing table are remembered for
 * {@link #REMEMBER} ({@link Remembered}), so a change takes effect at once on the node that made it and within a
 * second on the others, without a restart. The list of all partners (the administrators' page) is read each time.
 */
public class JdbcPartnerRegistry implements PartnerRegistry {

    /** How long a partner or the routing table is remembered on a node. */
    public static final java.time.Duration REMEMBER = java.time.Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final Remembered<String, Optional<PartnerSystem>> partnerById = new Remembered<>(REMEMBER, 1000);
    private final Remembered<Boolean, List<RouteRule>> routingTable = new Remembered<>(REMEMBER, 1);

    public JdbcPartnerRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<PartnerSystem> PARTNER = (rs, i) -> new PartnerSystem(rs.getString("id"),
            rs.getString("name"), rs.getString("level"), rs.getString("division_code"), rs.getString("protocol"),
            rs.getString("endpoint"), rs.getString("credentials_ref"),
            Arrays.stream(rs.getString("operations").split(",")).filter(s -> !s.isBlank()).collect(Collectors.toSet()),
            rs.getString("status_mode"), rs.getBoolean("log_bodies"), rs.getBoolean("enabled"), rs.getInt("version"));

    @Override
    public List<PartnerSystem> partners() {
        return jdbc.query("select * from partner_system order by level, id", PARTNER);
    }

    @Override
    public Optional<PartnerSystem> partner(String id) {
        return partnerById.get(id, k -> jdbc.query("select * from partner_system where id = ?", PARTNER, k).stream().findFirst());
    }

    /** After a change made here: read again at once (the other nodes read it within {@link #REMEMBER}). */
    private void changed() {
        partnerById.forgetAll();
        routingTable.forgetAll();
    }

    @Override
    public void save(PartnerSystem p, Integer expectedVersion, String by) {
        String ops = String.join(",", new TreeSet<>(p.operations()));
        if (expectedVersion == null) {
            if (!insertIfAbsent(p, by)) {
                throw new GovhubException(ErrorCode.PARTNER_INVALID, Text.of("对接系统标识已存在：" + p.id(),
                        "A partner system with id " + p.id() + " exists"));
            }
            return;
        }
        int n = jdbc.update("update partner_system set name = ?, level = ?, division_code = ?, protocol = ?, endpoint = ?,"
                        + " credentials_ref = ?, operations = ?, status_mode = ?, log_bodies = ?, enabled = ?,"
                        + " version = version + 1, updated_at = now(), updated_by = ? where id = ? and version = ?",
                p.name(), p.level(), p.divisionCode(), p.protocol(), p.endpoint(), p.credentialsRef(), ops, p.statusMode(),
                p.logBodies(), p.enabled(), by, p.id(), expectedVersion);
        changed();
        if (n == 0) {
            throw new GovhubException(ErrorCode.GUIDE_CONFLICT, Text.of("对接系统不存在或已被他人修改，请刷新后重试",
                    "The partner system does not exist or was changed by someone else; reload and try again"));
        }
    }

    @Override
    public boolean insertIfAbsent(PartnerSystem p, String by) {
        boolean inserted = jdbc.update("insert into partner_system (id, name, level, division_code, protocol, endpoint, credentials_ref,"
                        + " operations, status_mode, log_bodies, enabled, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (id) do nothing", p.id(), p.name(), p.level(), p.divisionCode(), p.protocol(),
                p.endpoint(), p.credentialsRef(), String.join(",", new TreeSet<>(p.operations())), p.statusMode(),
                p.logBodies(), p.enabled(), by) == 1;
        changed();
        return inserted;
    }

    @Override
    public List<RouteRule> rules() {
        return routingTable.get(Boolean.TRUE, k -> List.copyOf(jdbc.query("select id, code_pattern, division_code,"
                + " partner_id, time_limit_working_days from route_rule order by division_code, code_pattern",
                (rs, i) -> new RouteRule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5)))));
    }

    @Override
    public RouteRule saveRule(RouteRule r, String by) {
        Long id = jdbc.queryForObject("insert into route_rule (code_pattern, division_code, partner_id,"
                        + " time_limit_working_days, updated_by) values (?, ?, ?, ?, ?) on conflict (code_pattern, division_code)"
                        + " do update set partner_id = excluded.partner_id, time_limit_working_days ="
                        + " excluded.time_limit_working_days, updated_at = now(), updated_by = excluded.updated_by returning id",
                Long.class, r.codePattern(), r.divisionCode(), r.partnerId(), r.timeLimitWorkingDays(), by);
        changed();
        return new RouteRule(id, r.codePattern(), r.divisionCode(), r.partnerId(), r.timeLimitWorkingDays());
    }

    @Override
    public boolean deleteRule(long id) {
        boolean deleted = jdbc.update("delete from route_rule where id = ?", id) == 1;
        changed();
        return deleted;
    }
}
