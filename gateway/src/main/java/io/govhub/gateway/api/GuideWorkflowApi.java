package io.govhub.gateway.api;

import io.govhub.core.access.Actor;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import io.govhub.gateway.security.CurrentActor;
import io.govhub.guide.lifecycle.GuideDiff;
import io.govhub.guide.lifecycle.GuideItem;
import io.govhub.guide.lifecycle.GuideService;
import io.govhub.guide.lifecycle.GuideState;
import io.govhub.guide.lifecycle.GuideVersion;
import io.govhub.guide.model.GuideContent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Editing and review of guides. Every change carries the item's lock version in {@code If-Match} (the {@code ETag}
 * of the last read); a stale one is answered 409 {@code GUIDE_CONFLICT}.
 */
@RestController
@RequestMapping(path = "/api/v1/guide-items", produces = "application/json")
@Tag(name = "guide-items", description = "办事指南编辑与审核 Editing and review (GUIDE_EDITOR, GUIDE_REVIEWER)")
public class GuideWorkflowApi {

    public record ProblemJson(String field, String code, String message) {
    }

    public record ItemJson(long id, String implementationCode, String name, String state, String stateLabel,
                           int lockVersion, Integer publishedVersion, String lastEditor, String submittedBy,
                           String reviewNote, Instant updatedAt, GuideContent draft, List<ProblemJson> problems) {
    }

    public record SummaryJson(long id, String implementationCode, String name, String state, String stateLabel,
                              int lockVersion, Integer publishedVersion, String lastEditor, Instant updatedAt) {
    }

    public record ReasonJson(String reason) {
    }

    public record VersionJson(int version, String publishedBy, Instant publishedAt, String reason) {
    }

    private final GuideService guides;

    public GuideWorkflowApi(GuideService guides) {
        this.guides = guides;
    }

    @GetMapping
    @Operation(summary = "The items I work on: my organisation's, and for reviewers those below my division")
    public List<SummaryJson> worklist(@RequestParam(required = false) GuideState state) {
        return guides.worklist(actor(), state).stream().map(i -> new SummaryJson(i.id(), i.implementationCode(),
                i.draft().name(), i.state().name(), i.state().label(), i.lockVersion(), i.publishedVersion(),
                i.lastEditor(), i.updatedAt())).toList();
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "New draft (GUIDE_EDITOR, own organisation); the answer lists what is still missing")
    public ResponseEntity<ItemJson> create(@RequestBody GuideContent content) {
        return respond(HttpStatus.CREATED, guides.create(actor(), content));
    }

    @GetMapping("/{id}")
    public ResponseEntity<ItemJson> item(@PathVariable long id) {
        return respond(HttpStatus.OK, guides.item(actor(), id));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Replace the draft (If-Match: the lock version)")
    public ResponseEntity<ItemJson> update(@PathVariable long id, @RequestHeader("If-Match") String ifMatch,
                                           @RequestBody GuideContent content) {
        return respond(HttpStatus.OK, guides.update(actor(), id, lock(ifMatch), content));
    }

    @PostMapping("/{id}/submit")
    public ResponseEntity<ItemJson> submit(@PathVariable long id, @RequestHeader("If-Match") String ifMatch) {
        return respond(HttpStatus.OK, guides.submit(actor(), id, lock(ifMatch)));
    }

    @PostMapping(path = "/{id}/publish", consumes = "application/json")
    public ResponseEntity<ItemJson> publish(@PathVariable long id, @RequestHeader("If-Match") String ifMatch,
                                            @RequestBody ReasonJson body) {
        return respond(HttpStatus.OK, guides.publish(actor(), id, lock(ifMatch), body.reason()));
    }

    @PostMapping(path = "/{id}/send-back", consumes = "application/json")
    public ResponseEntity<ItemJson> sendBack(@PathVariable long id, @RequestHeader("If-Match") String ifMatch,
                                             @RequestBody ReasonJson body) {
        return respond(HttpStatus.OK, guides.sendBack(actor(), id, lock(ifMatch), body.reason()));
    }

    @PostMapping(path = "/{id}/withdraw", consumes = "application/json")
    public ResponseEntity<ItemJson> withdraw(@PathVariable long id, @RequestHeader("If-Match") String ifMatch,
                                             @RequestBody ReasonJson body) {
        return respond(HttpStatus.OK, guides.withdraw(actor(), id, lock(ifMatch), body.reason()));
    }

    @GetMapping("/{id}/versions")
    public List<VersionJson> versions(@PathVariable long id) {
        return guides.history(actor(), id).stream()
                .map(v -> new VersionJson(v.version(), v.publishedBy(), v.publishedAt(), v.reason())).toList();
    }

    @GetMapping("/{id}/versions/{version}")
    public GuideContent version(@PathVariable long id, @PathVariable int version) {
        return guides.history(actor(), id).stream().filter(v -> v.version() == version).map(GuideVersion::content)
                .findFirst().orElseThrow(() -> new GovhubException(ErrorCode.GUIDE_VERSION_NOT_FOUND,
                        Text.of("版本 " + version + " 不存在", "No version " + version)));
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "Field-by-field difference between two published versions")
    public List<GuideDiff.Change> diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return guides.diff(actor(), id, from, to);
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> GovhubException.of(ErrorCode.AUTHENTICATION_REQUIRED));
    }

    static int lock(String ifMatch) {
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new GovhubException(ErrorCode.REQUEST_PARAMETER_INVALID,
                    Text.of("If-Match 应为事项的版本号（ETag）", "If-Match must be the item's ETag"),
                    List.of(new FieldProblem("If-Match", ErrorCode.REQUEST_PARAMETER_INVALID.name(),
                            Text.of("格式错误", "malformed"))));
        }
    }

    private static ResponseEntity<ItemJson> respond(HttpStatus status, GuideService.ItemView v) {
        GuideItem i = v.item();
        ItemJson body = new ItemJson(i.id(), i.implementationCode(), i.draft().name(), i.state().name(),
                i.state().label(), i.lockVersion(), i.publishedVersion(), i.lastEditor(), i.submittedBy(),
                i.reviewNote(), i.updatedAt(), i.draft(), v.problems().stream()
                .map(p -> new ProblemJson(p.field(), p.code(), p.message().bilingual())).toList());
        return ResponseEntity.status(status).eTag("\"" + i.lockVersion() + "\"").body(body);
    }
}
