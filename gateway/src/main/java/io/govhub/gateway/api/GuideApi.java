package io.govhub.gateway.api;

import io.govhub.core.division.Division;
import io.govhub.core.identity.Identifiers;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import io.govhub.guide.lifecycle.GuideRepository.PublicGuide;
import io.govhub.guide.lifecycle.GuideSearch;
import io.govhub.guide.lifecycle.GuideService;
import io.govhub.guide.model.CodeSets;
import io.govhub.guide.model.GuideContent;
import io.govhub.guide.rdf.CpsvApExporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The public catalog: search, one guide as JSON or as CPSV-AP RDF, the whole catalog as RDF. No sign-in. */
@RestController
@RequestMapping("/api/v1/guides")
@Tag(name = "guides", description = "办事指南（公开） Published service guides")
public class GuideApi {

    public static final String TURTLE = "text/turtle";
    public static final String JSON_LD = "application/ld+json";
    static final String CATALOG_PUBLISHER_USCC = "11371300MB28500257";
    static final String CATALOG_PUBLISHER = "临沂市行政审批服务局";

    public record PageJson(List<GuideSearch.Summary> items, long total, int page, int size) {
    }

    public record GuideJson(String implementationCode, int version, Instant publishedAt, String organisationName,
                            String typeLabel, GuideContent guide) {
        static GuideJson of(PublicGuide g) {
            return new GuideJson(g.implementationCode(), g.version(), g.publishedAt(), g.organisationName(),
                    g.content().typeLabel(), g.content());
        }
    }

    private final GuideService guides;
    private final CpsvApExporter rdf;

    public GuideApi(GuideService guides, CpsvApExporter rdf) {
        this.guides = guides;
        this.rdf = rdf;
    }

    @GetMapping(produces = "application/json")
    @Operation(summary = "Search the published guides",
            description = "q: words that must all occur in the name, codes, keywords or department (营业执照 finds"
                    + " 个体工商户营业执照核发). division: items available there (that division and those above it).")
    public PageJson search(@RequestParam(required = false) String q, @RequestParam(required = false) String division,
                           @RequestParam(required = false) String type, @RequestParam(required = false) String department,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (q != null && q.length() > 100) {
            throw invalid("q", "检索词过长（最多 100 字）", "q is too long (at most 100 characters)");
        }
        if (division != null && !Division.isWellFormed(division)) {
            throw new GovhubException(ErrorCode.DIVISION_CODE_MALFORMED, ErrorCode.DIVISION_CODE_MALFORMED.title());
        }
        if (type != null && !CodeSets.ITEM_TYPE.containsKey(type)) {
            throw invalid("type", "事项类型代码不存在（GB/T 39046 A.1）", "type is not an A.1 item type code");
        }
        if (page < 0 || page > 10_000 || size < 1 || size > 100) {
            throw invalid("size", "page 应 ≥ 0，size 应在 1–100 之间", "page must be >= 0 and size 1-100");
        }
        List<String> words = q == null ? List.of() : Arrays.stream(q.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        String dept = department == null ? null : Identifiers.normalise(department);
        GuideSearch.Page p = guides.search(words, division, type, dept, page, size);
        return new PageJson(p.items(), p.total(), p.page(), p.size());
    }

    @GetMapping(path = "/{implementationCode}", produces = "application/json")
    @Operation(summary = "The current published version of one guide (JSON; text/turtle or application/ld+json give CPSV-AP)")
    public GuideJson guide(@PathVariable String implementationCode) {
        return GuideJson.of(guides.published(implementationCode));
    }

    @GetMapping(path = "/{implementationCode}", produces = TURTLE)
    public String guideTurtle(@PathVariable String implementationCode) {
        return CpsvApExporter.turtle(rdf.service(guides.published(implementationCode)));
    }

    @GetMapping(path = "/{implementationCode}", produces = JSON_LD)
    public String guideJsonLd(@PathVariable String implementationCode) {
        return CpsvApExporter.jsonLd(rdf.service(guides.published(implementationCode)));
    }

    @GetMapping(path = "/catalog.ttl", produces = TURTLE)
    @Operation(summary = "The whole published catalog as CPSV-AP 3.2.0 (a dcat:Dataset with dct:hasPart)")
    public String catalog() {
        return CpsvApExporter.turtle(rdf.catalog(guides.catalog(), "临沂市政务服务事项目录", CATALOG_PUBLISHER_USCC,
                CATALOG_PUBLISHER));
    }

    private static GovhubException invalid(String field, String zh, String en) {
        return new GovhubException(ErrorCode.REQUEST_PARAMETER_INVALID, Text.of(zh, en),
                List.of(new FieldProblem(field, ErrorCode.REQUEST_PARAMETER_INVALID.name(), Text.of(zh, en))));
    }
}
