package io.govhub.guide.persistence;

import io.govhub.guide.lifecycle.GuideItem;
import io.govhub.guide.lifecycle.GuideJson;
import io.govhub.guide.lifecycle.GuideRepository;
import io.govhub.guide.lifecycle.GuideSearch;
import io.govhub.guide.lifecycle.GuideState;
import io.govhub.guide.lifecycle.GuideVersion;
import io.govhub.guide.model.GuideContent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The catalog in PostgreSQL. Every statement binds its values; none is built from input. */
public class JdbcGuideRepository implements GuideRepository {

    private static final String ITEM_COLUMNS = "id, implementation_code, organisation_uscc, division_code, state,"
            + " draft::text, lock_version, published_version, last_editor, submitted_by, review_note, updated_at";
    private static final RowMapper<GuideItem> ITEM = (rs, i) -> new GuideItem(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), GuideState.valueOf(rs.getString(5)), GuideJson.read(rs.getString(6)),
            rs.getInt(7), (Integer) rs.getObject(8), rs.getString(9), rs.getString(10), rs.getString(11),
            rs.getTimestamp(12).toInstant());
    private static final RowMapper<GuideVersion> VERSION = (rs, i) -> new GuideVersion(rs.getInt(1),
            GuideJson.read(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5));
    private static final RowMapper<PublicGuide> PUBLIC = (rs, i) -> new PublicGuide(rs.getString(1), rs.getInt(2),
            GuideJson.read(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant());

    private final JdbcTemplate jdbc;

    public JdbcGuideRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> insert(GuideItem item) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.update(c -> {
                PreparedStatement ps = c.prepareStatement("insert into guide_item (implementation_code,"
                        + " organisation_uscc, division_code, state, draft, published_version, last_editor, submitted_by,"
                        + " review_note) values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)", new String[] {"id"});
                ps.setString(1, item.implementationCode());
                ps.setString(2, item.organisationUscc());
                ps.setString(3, item.divisionCode());
                ps.setString(4, item.state().name());
                ps.setString(5, GuideJson.write(item.draft()));
                ps.setObject(6, item.publishedVersion());
                ps.setString(7, item.lastEditor());
                ps.setString(8, item.submittedBy());
                ps.setString(9, item.reviewNote());
                return ps;
            }, keys);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(keys.getKey().longValue());
    }

    @Override
    public Optional<GuideItem> find(long id) {
        return jdbc.query("select " + ITEM_COLUMNS + " from guide_item where id = ?", ITEM, id).stream().findFirst();
    }

    @Override
    public Optional<GuideItem> findByCode(String code) {
        return jdbc.query("select " + ITEM_COLUMNS + " from guide_item where implementation_code = ?", ITEM, code)
                .stream().findFirst();
    }

    @Override
    public boolean update(GuideItem item) {
        return jdbc.update("update guide_item set division_code = ?, state = ?, draft = cast(? as jsonb),"
                        + " published_version = ?, last_editor = ?, submitted_by = ?, review_note = ?,"
                        + " lock_version = lock_version + 1, updated_at = now() where id = ? and lock_version = ?",
                item.divisionCode(), item.state().name(), GuideJson.write(item.draft()), item.publishedVersion(),
                item.lastEditor(), item.submittedBy(), item.reviewNote(), item.id(), item.lockVersion()) == 1;
    }

    @Override
    public void insertVersion(long itemId, GuideVersion v) {
        jdbc.update("insert into guide_version (item_id, version, content, published_by, published_at, reason)"
                        + " values (?, ?, cast(? as jsonb), ?, ?, ?)", itemId, v.version(), GuideJson.write(v.content()),
                v.publishedBy(), Timestamp.from(v.publishedAt()), v.reason());
    }

    @Override
    public List<GuideVersion> versions(long itemId) {
        return jdbc.query("select version, content::text, published_by, published_at, reason from guide_version"
                + " where item_id = ? order by version", VERSION, itemId);
    }

    @Override
    public Optional<GuideVersion> version(long itemId, int version) {
        return jdbc.query("select version, content::text, published_by, published_at, reason from guide_version"
                + " where item_id = ? and version = ?", VERSION, itemId, version).stream().findFirst();
    }

    @Override
    public void makePublic(GuideItem item, int version, GuideContent c, String organisationName, Instant publishedAt) {
        String search = String.join(" ", nz(c.name()), nz(c.basicCode()), nz(c.implementationCode()), nz(c.keywords()),
                nz(organisationName), nz(c.implementingBody())).toLowerCase(Locale.ROOT);
        jdbc.update("insert into guide_public (implementation_code, item_id, version, name, type_code, organisation_uscc,"
                        + " organisation_name, division_code, search_text, content, published_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) on conflict (implementation_code)"
                        + " do update set version = excluded.version, name = excluded.name, type_code = excluded.type_code,"
                        + " organisation_name = excluded.organisation_name, division_code = excluded.division_code,"
                        + " search_text = excluded.search_text, content = excluded.content,"
                        + " published_at = excluded.published_at",
                item.implementationCode(), item.id(), version, c.name(), c.typeCode(), item.organisationUscc(),
                organisationName, c.divisionCode(), search, GuideJson.write(c), Timestamp.from(publishedAt));
    }

    @Override
    public void removePublic(String implementationCode) {
        jdbc.update("delete from guide_public where implementation_code = ?", implementationCode);
    }

    @Override
    public Optional<PublicGuide> publicGuide(String implementationCode) {
        return jdbc.query("select implementation_code, version, content::text, organisation_name, published_at"
                + " from guide_public where implementation_code = ?", PUBLIC, implementationCode).stream().findFirst();
    }

    @Override
    public List<PublicGuide> allPublic() {
        return jdbc.query("select implementation_code, version, content::text, organisation_name, published_at"
                + " from guide_public order by division_code, implementation_code", PUBLIC);
    }

    @Override
    public GuideSearch.Page search(GuideSearch.Query q) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        for (String word : q.text()) {
            where.append(" and strpos(search_text, ?) > 0");
            args.add(word.toLowerCase(Locale.ROOT));
        }
        if (!q.divisionCodes().isEmpty()) {
            where.append(" and division_code = any (?)");
            args.add(q.divisionCodes().toArray(new String[0]));
        }
        if (q.typeCode() != null) {
            where.append(" and type_code = ?");
            args.add(q.typeCode());
        }
        if (q.organisationUscc() != null) {
            where.append(" and organisation_uscc = ?");
            args.add(q.organisationUscc());
        }
        Long total = jdbc.query(c -> bind(c.prepareStatement("select count(*) from guide_public" + where), args),
                rs -> rs.next() ? rs.getLong(1) : 0L);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add((long) q.page() * q.size());
        List<GuideSearch.Summary> items = jdbc.query(c -> bind(c.prepareStatement("select implementation_code, name,"
                        + " type_code, organisation_uscc, organisation_name, division_code, version, published_at"
                        + " from guide_public" + where + " order by name, implementation_code limit ? offset ?"), pageArgs),
                (rs, i) -> new GuideSearch.Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant()));
        return new GuideSearch.Page(items, total == null ? 0 : total, q.page(), q.size());
    }

    private static PreparedStatement bind(PreparedStatement ps, List<Object> args) throws java.sql.SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof String[] arr) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("varchar", arr));
            } else {
                ps.setObject(i + 1, a);
            }
        }
        return ps;
    }

    @Override
    public List<GuideItem> list(List<String> orgs, List<String> divisions, GuideState state, int limit) {
        return jdbc.query(c -> {
            PreparedStatement ps = c.prepareStatement("select " + ITEM_COLUMNS + " from guide_item where"
                    + " (organisation_uscc = any (?) or division_code = any (?)) and (cast(? as varchar) is null or state = ?)"
                    + " order by updated_at desc limit ?");
            ps.setArray(1, c.createArrayOf("varchar", orgs.toArray()));
            ps.setArray(2, c.createArrayOf("varchar", divisions.toArray()));
            ps.setString(3, state == null ? null : state.name());
            ps.setString(4, state == null ? null : state.name());
            ps.setInt(5, limit);
            return ps;
        }, ITEM);
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("select count(*) from guide_item", Long.class);
        return n == null ? 0 : n;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
