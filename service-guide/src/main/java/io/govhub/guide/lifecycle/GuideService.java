package io.govhub.guide.lifecycle;

import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import io.govhub.core.audit.AuditEvent;
import io.govhub.core.audit.AuditPort;
import io.govhub.core.catalog.CatalogEvents;
import io.govhub.core.catalog.GuidePublished;
import io.govhub.core.catalog.GuideWithdrawn;
import io.govhub.core.division.Division;
import io.govhub.core.division.DivisionDirectory;
import io.govhub.core.division.Organisation;
import io.govhub.core.identity.Identifiers;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.SharedCache;
import io.govhub.core.shared.Text;
import io.govhub.core.shared.Transactions;
import io.govhub.guide.model.GuideContent;
import io.govhub.guide.validation.GuideValidator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The life cycle of service guides. Editors ({@code GUIDE_EDITOR}) draft and submit for their own organisation;
 * reviewers ({@code GUIDE_REVIEWER}) of the organisation, or of a division above the item's, publish or send back,
 * and withdraw. Nobody publishes what they edited or submitted themselves. Every change names the lock version it was
 * based on; a stale one is a conflict, never a silent overwrite. Each publication is a new immutable version.
 */
public class GuideService {

    /** An item and the problems its draft still has (empty when it could be submitted). */
    public record ItemView(GuideItem item, List<FieldProblem> problems) {
    }

    private final GuideRepository repo;
    private final GuideValidator validator;
    private final DivisionDirectory divisions;
    private final CatalogEvents events;
    private final AuditPort audit;
    private final Transactions tx;
    private final Clock clock;
    private final SharedCache cache;

    /** How long a published guide stays in the shared cache without being read again from the database. */
    static final Duration CACHE_TTL = Duration.ofMinutes(10);

    public GuideService(GuideRepository repo, GuideValidator validator, DivisionDirectory divisions,
                        CatalogEvents events, AuditPort audit, Transactions tx, Clock clock, SharedCache cache) {
        this.cache = cache;
        this.repo = repo;
        this.validator = validator;
        this.divisions = divisions;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public List<FieldProblem> validate(GuideContent content) {
        List<FieldProblem> problems = new ArrayList<>(validator.validate(content));
        if (content.divisionCode() != null && content.divisionCode().matches("\\d{6}")
                && divisions.find(content.divisionCode()).isEmpty()) {
            problems.add(new FieldProblem("divisionCode", GuideValidator.CODE_UNKNOWN,
                    Text.of("行政区划代码 " + content.divisionCode() + " 不存在", "unknown division " + content.divisionCode())));
        }
        return problems;
    }

    // ---------------------------------------------------------------- editors

    /** A new draft for the editor's organisation. It may still be incomplete; its problems are returned. */
    public ItemView create(Actor actor, GuideContent content) {
        requireRole(actor, Role.GUIDE_EDITOR);
        requireIdentity(content);
        String uscc = Identifiers.normalise(content.implementingBodyUscc());
        requireOwnOrganisation(actor, uscc);
        requireKnownDivision(content.divisionCode());
        return tx.inTransaction(() -> {
            GuideItem item = new GuideItem(0, content.implementationCode(), uscc, content.divisionCode(),
                    GuideState.DRAFT, content, 0, null, actor.username(), null, null, clock.instant());
            long id = repo.insert(item).orElseThrow(() -> new GovhubException(ErrorCode.GUIDE_DUPLICATE, Text.of(
                    "实施编码 " + content.implementationCode() + " 的事项已存在",
                    "An item with implementation code " + content.implementationCode() + " exists")));
            audit.record(AuditEvent.of("GUIDE_DRAFT_CREATED", actor.username(), null,
                    Map.of("implementationCode", content.implementationCode())));
            return view(repo.find(id).orElseThrow());
        });
    }

    /** Replaces the draft; allowed in DRAFT, and in PUBLISHED or WITHDRAWN (starting a new draft). */
    public ItemView update(Actor actor, long id, int expectedLock, GuideContent content) {
        requireRole(actor, Role.GUIDE_EDITOR);
        return tx.inTransaction(() -> {
            GuideItem item = visible(id, i -> ownOrganisation(actor, i.organisationUscc()));
            requireLock(item, expectedLock);
            if (item.state() == GuideState.IN_REVIEW) {
                throw state(item, "审核中的事项不能修改，请等待审核或由审核人退回",
                        "an item in review cannot be edited until it is published or sent back");
            }
            if (!item.implementationCode().equals(content.implementationCode())
                    || !item.organisationUscc().equals(Identifiers.normalise(content.implementingBodyUscc()))) {
                throw new GovhubException(ErrorCode.GUIDE_INVALID, Text.of("实施编码和实施主体不能修改",
                        "implementationCode and implementingBodyUscc cannot change"),
                        List.of(new FieldProblem("implementationCode", GuideValidator.INCONSISTENT,
                                Text.of("不能修改", "cannot change"))));
            }
            requireKnownDivision(content.divisionCode());
            save(item.with(GuideState.DRAFT, content, item.publishedVersion(), actor.username(), null, null));
            audit.record(AuditEvent.of("GUIDE_DRAFT_UPDATED", actor.username(), null,
                    Map.of("implementationCode", item.implementationCode())));
            return view(repo.find(id).orElseThrow());
        });
    }

    public ItemView submit(Actor actor, long id, int expectedLock) {
        requireRole(actor, Role.GUIDE_EDITOR);
        return tx.inTransaction(() -> {
            GuideItem item = visible(id, i -> ownOrganisation(actor, i.organisationUscc()));
            requireLock(item, expectedLock);
            if (item.state() != GuideState.DRAFT) {
                throw state(item, "只有草稿可以提交审核", "only a draft can be submitted");
            }
            requireValid(item.draft());
            save(item.with(GuideState.IN_REVIEW, item.draft(), item.publishedVersion(), item.lastEditor(),
                    actor.username(), null));
            audit.record(AuditEvent.of("GUIDE_SUBMITTED", actor.username(), null,
                    Map.of("implementationCode", item.implementationCode())));
            return view(repo.find(id).orElseThrow());
        });
    }

    /**
     * One row of an import: a complete guide becomes a new draft, or replaces the draft of the existing item with the
     * same implementation code (not while it is in review).
     *
     * @return whether the item was created (else updated)
     */
    public boolean importRow(Actor actor, GuideContent content) {
        requireRole(actor, Role.GUIDE_EDITOR);
        requireValid(content);
        var existing = repo.findByCode(content.implementationCode());
        if (existing.isEmpty()) {
            create(actor, content);
            return true;
        }
        update(actor, existing.get().id(), existing.get().lockVersion(), content);
        return false;
    }

    // ---------------------------------------------------------------- reviewers

    public ItemView publish(Actor actor, long id, int expectedLock, String reason) {
        requireRole(actor, Role.GUIDE_REVIEWER);
        return tx.inTransaction(() -> {
            GuideItem item = reviewable(actor, id, expectedLock);
            if (item.state() != GuideState.IN_REVIEW) {
                throw state(item, "只有待审核的事项可以发布", "only an item in review can be published");
            }
            if (actor.username().equals(item.submittedBy()) || actor.username().equals(item.lastEditor())) {
                throw new GovhubException(ErrorCode.GUIDE_FORBIDDEN, Text.of("不能发布自己编辑或提交的指南",
                        "nobody publishes a guide they edited or submitted themselves"));
            }
            requireValid(item.draft());
            int version = repo.versions(id).stream().mapToInt(GuideVersion::version).max().orElse(0) + 1;
            Instant now = clock.instant();
            repo.insertVersion(id, new GuideVersion(version, item.draft(), actor.username(), now, reason));
            GuideItem published = item.with(GuideState.PUBLISHED, item.draft(), version, item.lastEditor(),
                    item.submittedBy(), reason);
            save(published);
            repo.makePublic(published, version, item.draft(), organisationName(item.organisationUscc()), now);
            evictAfterCommit(item.implementationCode());
            audit.record(AuditEvent.of("GUIDE_PUBLISHED", actor.username(), reason,
                    Map.of("implementationCode", item.implementationCode(), "version", version)));
            events.guidePublished(new GuidePublished(item.implementationCode(), version, item.divisionCode(),
                    actor.username(), now));
            return view(repo.find(id).orElseThrow());
        });
    }

    public ItemView sendBack(Actor actor, long id, int expectedLock, String reason) {
        requireRole(actor, Role.GUIDE_REVIEWER);
        requireReason(reason);
        return tx.inTransaction(() -> {
            GuideItem item = reviewable(actor, id, expectedLock);
            if (item.state() != GuideState.IN_REVIEW) {
                throw state(item, "只有待审核的事项可以退回", "only an item in review can be sent back");
            }
            save(item.with(GuideState.DRAFT, item.draft(), item.publishedVersion(), item.lastEditor(), null, reason));
            audit.record(AuditEvent.of("GUIDE_SENT_BACK", actor.username(), reason,
                    Map.of("implementationCode", item.implementationCode())));
            return view(repo.find(id).orElseThrow());
        });
    }

    public ItemView withdraw(Actor actor, long id, int expectedLock, String reason) {
        requireRole(actor, Role.GUIDE_REVIEWER);
        requireReason(reason);
        return tx.inTransaction(() -> {
            GuideItem item = reviewable(actor, id, expectedLock);
            if (item.publishedVersion() == null) {
                throw state(item, "未公开的事项无需撤回", "the item is not public");
            }
            save(item.with(GuideState.WITHDRAWN, item.draft(), null, item.lastEditor(), null, reason));
            repo.removePublic(item.implementationCode());
            evictAfterCommit(item.implementationCode());
            Instant now = clock.instant();
            audit.record(AuditEvent.of("GUIDE_WITHDRAWN", actor.username(), reason,
                    Map.of("implementationCode", item.implementationCode())));
            events.guideWithdrawn(new GuideWithdrawn(item.implementationCode(), item.divisionCode(), actor.username(),
                    reason, now));
            return view(repo.find(id).orElseThrow());
        });
    }

    // ---------------------------------------------------------------- reading

    public ItemView item(Actor actor, long id) {
        return view(visible(id, i -> inStaffScope(actor, i)));
    }

    /** The items an editor or reviewer works on: their organisation's, and for reviewers those below their division. */
    public List<GuideItem> worklist(Actor actor, GuideState state) {
        if (!actor.has(Role.GUIDE_EDITOR) && !actor.has(Role.GUIDE_REVIEWER)) {
            throw forbidden();
        }
        List<String> orgs = actor.organisationUscc() == null ? List.of() : List.of(actor.organisationUscc());
        List<String> divs = actor.has(Role.GUIDE_REVIEWER) && actor.divisionCode() != null
                ? subtree(actor.divisionCode()) : List.of();
        return repo.list(orgs, divs, state, 500);
    }

    public List<GuideVersion> history(Actor actor, long id) {
        visible(id, i -> inStaffScope(actor, i));
        return repo.versions(id);
    }

    public List<GuideDiff.Change> diff(Actor actor, long id, int from, int to) {
        visible(id, i -> inStaffScope(actor, i));
        GuideVersion a = repo.version(id, from).orElseThrow(() -> versionNotFound(from));
        GuideVersion b = repo.version(id, to).orElseThrow(() -> versionNotFound(to));
        return GuideDiff.between(a.content(), b.content());
    }

    /**
     * The current published version, from the shared cache (all nodes; evicted when the guide is published again or
     * withdrawn) or the database.
     */
    public GuideRepository.PublicGuide published(String implementationCode) {
        String code = implementationCode == null ? "" : implementationCode.strip();
        var cached = cache.get(cacheKey(code)).map(GuideJson::readPublic);
        if (cached.isPresent()) {
            return cached.get();
        }
        GuideRepository.PublicGuide g = repo.publicGuide(code)
                .orElseThrow(() -> new GovhubException(ErrorCode.GUIDE_NOT_FOUND, Text.of(
                        "实施编码为 " + implementationCode + " 的办事指南不存在或未公开",
                        "No published guide has the implementation code " + implementationCode)));
        cache.put(cacheKey(code), GuideJson.writePublic(g), CACHE_TTL);
        return g;
    }

    static String cacheKey(String implementationCode) {
        return "guide:" + implementationCode;
    }

    private void evictAfterCommit(String implementationCode) {
        tx.afterCommit(() -> {
            cache.evict(cacheKey(implementationCode));
            newCatalogVersion(); // every cached search answer is now out of date
        });
    }

    /**
     * Searches the public catalog. Answers are cached in the shared cache under the current catalog version, which
     * every publication and withdrawal replaces (after its commit): no node serves a search answer older than the
     * catalog.
     */
    public GuideSearch.Page search(List<String> words, String divisionCode, String typeCode, String organisationUscc,
                                   int page, int size) {
        List<String> divs = List.of();
        if (divisionCode != null) {
            Division d = divisions.find(divisionCode).orElseThrow(() -> new GovhubException(ErrorCode.DIVISION_NOT_FOUND,
                    Text.of("行政区划代码 " + divisionCode + " 不存在", "Unknown division code " + divisionCode)));
            divs = ancestry(d);
        }
        GuideSearch.Query query = new GuideSearch.Query(words, divs, typeCode, organisationUscc, page, size);
        String key = "guide:search:" + catalogVersion() + ":" + GuideJson.digest(query);
        var cached = cache.get(key).map(GuideJson::readPage);
        if (cached.isPresent()) {
            return cached.get();
        }
        GuideSearch.Page result = repo.search(query);
        cache.put(key, GuideJson.writePage(result), CACHE_TTL);
        return result;
    }

    private String catalogVersion() {
        return cache.get(CATALOG_VERSION_KEY).orElseGet(this::newCatalogVersion);
    }

    private String newCatalogVersion() {
        String v = java.util.UUID.randomUUID().toString();
        cache.put(CATALOG_VERSION_KEY, v, Duration.ofDays(7));
        return v;
    }

    static final String CATALOG_VERSION_KEY = "guide:catalog-version";

    public List<GuideRepository.PublicGuide> catalog() {
        return repo.allPublic();
    }

    /**
     * Publishes a guide as version 1 without review: for loading the embedded mode's demo catalog, by the system.
     * Validated like any other.
     */
    public void seedPublished(GuideContent content, String by) {
        requireValid(content);
        tx.inTransaction(() -> {
            GuideItem item = new GuideItem(0, content.implementationCode(),
                    Identifiers.normalise(content.implementingBodyUscc()), content.divisionCode(), GuideState.PUBLISHED,
                    content, 0, 1, by, by, "demo data", clock.instant());
            repo.insert(item).ifPresent(id -> {
                Instant now = clock.instant();
                repo.insertVersion(id, new GuideVersion(1, content, by, now, "demo data"));
                GuideItem saved = repo.find(id).orElseThrow();
                repo.makePublic(saved, 1, content, organisationName(saved.organisationUscc()), now);
            });
            return null;
        });
    }

    public long count() {
        return repo.count();
    }

    // ---------------------------------------------------------------- rules

    private ItemView view(GuideItem item) {
        return new ItemView(item, validate(item.draft()));
    }

    private GuideItem load(long id) {
        return repo.find(id).orElseThrow(() -> new GovhubException(ErrorCode.GUIDE_NOT_FOUND,
                Text.of("事项 " + id + " 不存在", "No item " + id)));
    }

    private void save(GuideItem item) {
        if (!repo.update(item)) {
            throw conflict();
        }
    }

    private void requireValid(GuideContent content) {
        List<FieldProblem> problems = validate(content);
        if (!problems.isEmpty()) {
            throw new GovhubException(ErrorCode.GUIDE_INVALID, Text.of(
                    "办事指南有 " + problems.size() + " 处问题，请修改后再提交",
                    "The guide has " + problems.size() + " problem(s); correct them first"), problems);
        }
    }

    private static void requireIdentity(GuideContent c) {
        List<FieldProblem> p = new ArrayList<>();
        if (c.implementationCode() == null || c.implementationCode().isBlank()) {
            p.add(new FieldProblem("implementationCode", GuideValidator.REQUIRED, Text.of("缺少实施编码", "missing")));
        }
        if (c.name() == null || c.name().isBlank()) {
            p.add(new FieldProblem("name", GuideValidator.REQUIRED, Text.of("缺少事项名称", "missing")));
        }
        if (!p.isEmpty()) {
            throw new GovhubException(ErrorCode.GUIDE_INVALID, Text.of("草稿至少需要实施编码和事项名称",
                    "A draft needs at least implementationCode and name"), p);
        }
    }

    private void requireKnownDivision(String code) {
        if (code == null || divisions.find(code).isEmpty()) {
            throw new GovhubException(ErrorCode.GUIDE_INVALID, Text.of("行政区划代码不存在：" + code, "unknown division " + code),
                    List.of(new FieldProblem("divisionCode", GuideValidator.CODE_UNKNOWN, Text.of("不存在", "unknown"))));
        }
    }

    private static void requireLock(GuideItem item, int expected) {
        if (item.lockVersion() != expected) {
            throw conflict();
        }
    }

    private static void requireRole(Actor actor, Role role) {
        if (actor == null || !actor.has(role)) {
            throw forbidden();
        }
    }

    private static boolean ownOrganisation(Actor actor, String uscc) {
        return actor.organisationUscc() != null && actor.organisationUscc().equals(uscc);
    }

    /**
     * The item with this id if the caller may see it; an item outside the caller's scope is answered exactly as a
     * missing one, so that the answer does not tell whether another organisation's item exists.
     */
    private GuideItem visible(long id, java.util.function.Predicate<GuideItem> inScope) {
        GuideItem item = load(id);
        if (!inScope.test(item)) {
            throw new GovhubException(ErrorCode.GUIDE_NOT_FOUND, Text.of("事项 " + id + " 不存在", "No item " + id));
        }
        return item;
    }

    private static void requireOwnOrganisation(Actor actor, String uscc) {
        if (!ownOrganisation(actor, uscc)) {
            throw new GovhubException(ErrorCode.GUIDE_FORBIDDEN, Text.of("只能编辑本单位的事项",
                    "editors work on their own organisation's items only"));
        }
    }

    /** The item, loaded for a reviewer's action: in the reviewer's scope and at the lock version the action read. */
    private GuideItem reviewable(Actor actor, long id, int expectedLock) {
        GuideItem item = visible(id, i -> inReviewScope(actor, i));
        requireLock(item, expectedLock);
        return item;
    }

    private boolean inReviewScope(Actor actor, GuideItem item) {
        boolean ownOrg = item.organisationUscc().equals(actor.organisationUscc());
        boolean above = actor.divisionCode() != null && subtree(actor.divisionCode()).contains(item.divisionCode());
        return actor.has(Role.GUIDE_REVIEWER) && (ownOrg || above);
    }

    private boolean inStaffScope(Actor actor, GuideItem item) {
        return actor.has(Role.GUIDE_REVIEWER) ? inReviewScope(actor, item)
                : actor.has(Role.GUIDE_EDITOR) && ownOrganisation(actor, item.organisationUscc());
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new GovhubException(ErrorCode.GUIDE_INVALID, Text.of("须写明原因", "a reason is required"),
                    List.of(new FieldProblem("reason", GuideValidator.REQUIRED, Text.of("必填", "required"))));
        }
    }

    /** The division and all below it. */
    private List<String> subtree(String code) {
        List<String> out = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of(code));
        while (!todo.isEmpty()) {
            String c = todo.remove(todo.size() - 1);
            out.add(c);
            divisions.children(c).forEach(d -> todo.add(d.code()));
        }
        return out;
    }

    /** The division and all above it. */
    private List<String> ancestry(Division d) {
        List<String> out = new ArrayList<>();
        Division cur = d;
        while (cur != null) {
            out.add(cur.code());
            cur = cur.parentCode() == null ? null : divisions.find(cur.parentCode()).orElse(null);
        }
        return out;
    }

    private String organisationName(String uscc) {
        return divisions.organisation(uscc).map(Organisation::name).orElse(uscc);
    }

    private static GovhubException conflict() {
        return GovhubException.of(ErrorCode.GUIDE_CONFLICT);
    }

    private static GovhubException forbidden() {
        return new GovhubException(ErrorCode.GUIDE_FORBIDDEN, ErrorCode.GUIDE_FORBIDDEN.title());
    }

    private static GovhubException state(GuideItem item, String zh, String en) {
        return new GovhubException(ErrorCode.GUIDE_STATE, Text.of(zh + "（当前状态：" + item.state().label() + "）",
                en + " (state: " + item.state() + ")"));
    }

    private static GovhubException versionNotFound(int v) {
        return new GovhubException(ErrorCode.GUIDE_VERSION_NOT_FOUND, Text.of("版本 " + v + " 不存在", "No version " + v));
    }
}
