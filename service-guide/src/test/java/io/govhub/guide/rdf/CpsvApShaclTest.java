package io.govhub.guide.rdf;

import io.govhub.guide.DemoCatalog;
import io.govhub.guide.lifecycle.GuideRepository.PublicGuide;
import io.govhub.guide.model.GuideContent;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.Lang;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CPSV-AP export against the official SHACL shapes of CPSV-AP 3.2.0 (copied into the test resources with their
 * licence): zero violations for every demo guide and for the whole catalog. The shapes are first shown to find
 * violations in SEMIC's own example (it leaves referenced concepts untyped), so a pass here is not a vacuous one.
 */
class CpsvApShaclTest {

    private static Shapes shapes;
    private static List<GuideContent> guides;
    private static final CpsvApExporter EXPORTER = new CpsvApExporter("https://govhub.linyi.example/id/");

    @BeforeAll
    static void load() throws Exception {
        shapes = Shapes.parse(RDFDataMgr.loadGraph("cpsv-ap-3.2.0/cpsv-ap-SHACL.ttl"));
        guides = DemoCatalog.guides();
    }

    private static String violations(ValidationReport report) {
        return report.getEntries().stream().map(ReportEntry::toString).collect(Collectors.joining("\n"));
    }

    private static PublicGuide published(GuideContent c) {
        return new PublicGuide(c.implementationCode(), 1, c, c.implementingBody(), Instant.parse("2026-11-27T00:00:00Z"));
    }

    @Test
    void the_shapes_do_find_violations_in_semics_own_example() {
        ValidationReport report = ShaclValidator.get().validate(shapes,
                RDFDataMgr.loadGraph("cpsv-ap-3.2.0/example-rdf_public_service.ttl"));
        assertThat(report.conforms()).isFalse();
        assertThat(report.getEntries()).hasSize(6);
    }

    @Test
    void every_demo_guide_conforms() {
        assertThat(guides).hasSizeGreaterThanOrEqualTo(30);
        for (GuideContent g : guides) {
            Model m = EXPORTER.service(published(g));
            ValidationReport report = ShaclValidator.get().validate(shapes, m.getGraph());
            assertThat(report.conforms()).as("%s:\n%s", g.name(), violations(report)).isTrue();
        }
    }

    @Test
    void the_whole_catalog_conforms_and_round_trips_through_turtle_and_json_ld() {
        Model m = EXPORTER.catalog(guides.stream().map(CpsvApShaclTest::published).toList(), "临沂市政务服务事项目录",
                "11371300MB28500257", "临沂市行政审批服务局");
        ValidationReport report = ShaclValidator.get().validate(shapes, m.getGraph());
        assertThat(report.conforms()).as(violations(report)).isTrue();

        Model fromTurtle = RDFParser.create().source(new StringReader(CpsvApExporter.turtle(m))).lang(Lang.TURTLE).toModel();
        assertThat(fromTurtle.isIsomorphicWith(m)).isTrue();
        Model fromJsonLd = RDFParser.create().source(new StringReader(CpsvApExporter.jsonLd(m))).lang(Lang.JSONLD11).toModel();
        assertThat(fromJsonLd.isIsomorphicWith(m)).isTrue();
    }

    @Test
    void mapping_carries_the_elements_a_reader_needs() {
        GuideContent idCard = guides.stream().filter(g -> g.name().startsWith("居民身份证")).findFirst().orElseThrow();
        String ttl = CpsvApExporter.turtle(EXPORTER.service(published(idCard)));
        assertThat(ttl).contains("\"居民身份证申领（首次）\"@zh").contains("cv:value").contains("20.0")
                .contains("currency/CNY").contains("cv:telephone").contains("\"P20D\"^^xsd:duration")
                .contains(idCard.implementingBodyUscc());
    }
}
