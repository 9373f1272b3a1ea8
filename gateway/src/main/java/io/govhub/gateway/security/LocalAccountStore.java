package io.govhub.gateway.security;

import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import io.govhub.core.shared.Remembered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Local accounts in the {@code local_account} table. HTTP Basic loads the account on every API call; an account read
 * (or found absent) is remembered for a second on each node, so a change to an account (disabled, roles, password)
 * takes effect within a second; changes made here take effect at once.
 */
public class LocalAccountStore implements UserDetailsService {

    private final JdbcTemplate jdbc;
    private final Remembered<String, Optional<GovhubUser>> accounts = new Remembered<>(Duration.ofSeconds(1), 10_000);

    public LocalAccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.get(username, this::read).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    private Optional<GovhubUser> read(String username) {
        return jdbc.query("select username, password_hash, display_name, roles, division_code, organisation_uscc,"
                                + " enabled from local_account where username = ?",
                        (rs, i) -> new GovhubUser(new Actor(rs.getString(1), rs.getString(3), roles(rs.getString(4)),
                                rs.getString(5), rs.getString(6)), rs.getString(2), rs.getBoolean(7)), username)
                .stream().findFirst();
    }

    public boolean exists(String username) {
        Integer n = jdbc.queryForObject("select count(*) from local_account where username = ?", Integer.class, username);
        return n != null && n > 0;
    }

    public void create(Actor actor, String passwordHash, boolean demo) {
        jdbc.update("insert into local_account (username, password_hash, display_name, roles, division_code,"
                        + " organisation_uscc, enabled, demo) values (?, ?, ?, ?, ?, ?, true, ?) on conflict do nothing",
                actor.username(), passwordHash, actor.displayName(),
                actor.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                actor.divisionCode(), actor.organisationUscc(), demo);
        accounts.forgetAll();
    }

    /** Demo accounts are switched off (not deleted) when the demo mode is off, so they cannot sign in. */
    public int setDemoAccountsEnabled(boolean enabled) {
        int n = jdbc.update("update local_account set enabled = ? where demo and enabled <> ?", enabled, enabled);
        accounts.forgetAll();
        return n;
    }

    private static Set<Role> roles(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }
}
