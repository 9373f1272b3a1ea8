package io.govhub.guide.rdf;

import io.govhub.guide.lifecycle.GuideRepository.PublicGuide;
import io.govhub.guide.model.CodeSets;
import io.govhub.guide.model.FeeItem;
import io.govhub.guide.model.GuideContent;
import io.govhub.guide.model.Material;
import io.govhub.guide.model.ProcessStep;
import io.govhub.guide.model.TimeLimit;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Service guides as CPSV-AP 3.2.0 RDF (the EU Core Public Service Vocabulary Application Profile), conforming to its
 * official SHACL shapes. Mapping:
 * <ul>
 * <li>the item → {@code cpsv:PublicService} (identifier 实施编码, title and description {@code @zh}, type from A.1,
 * spatial coverage, processing time as {@code xsd:duration});</li>
 * <li>the implementing body → {@code cv:PublicOrganisation} with its USCC as identifier;</li>
 * <li>the legal basis → {@code cpsv:Rule} implementing an {@code eli:LegalResource};</li>
 * <li>each fee → {@code cv:Cost} in CNY with its legal basis; a free service has one cost of 0 that says so;</li>
 * <li>each material → {@code cv:Evidence} supporting a {@code cv:Requirement};</li>
 * <li>each handling form → {@code cv:Channel} (window, online, mobile, post);</li>
 * <li>the result → {@code cv:Output}; the consultation phone and hours → {@code cv:ContactPoint}.</li>
 * </ul>
 * Every concept and location a class constraint points at is typed in the same graph ({@code skos:Concept},
 * {@code dct:Location}).
 */
public class CpsvApExporter {

    public static final String CPSV = "http://purl.org/vocab/cpsv#";
    public static final String CV = "http://data.europa.eu/m8g/";
    public static final String ELI = "http://data.europa.eu/eli/ontology#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String CURRENCY = "http://publications.europa.eu/resource/authority/currency/CNY";

    private static final Property HAS_COMPETENT_AUTHORITY = p(CV, "hasCompetentAuthority");
    private static final Property HAS_COST = p(CV, "hasCost");
    private static final Property HAS_CHANNEL = p(CV, "hasChannel");
    private static final Property HOLDS_REQUIREMENT = p(CV, "holdsRequirement");
    private static final Property HAS_SUPPORTING_EVIDENCE = p(CV, "hasSupportingEvidence");
    private static final Property HAS_INPUT = p(CPSV, "hasInput");
    private static final Property PRODUCES = p(CPSV, "produces");
    private static final Property FOLLOWS = p(CPSV, "follows");
    private static final Property IMPLEMENTS = p(CPSV, "implements");
    private static final Property HAS_LEGAL_RESOURCE = p(CV, "hasLegalResource");
    private static final Property CONTACT_POINT = p(CV, "contactPoint");
    private static final Property TELEPHONE = p(CV, "telephone");
    private static final Property PROCESSING_TIME = p(CV, "processingTime");
    private static final Property VALUE = p(CV, "value");
    private static final Property CURRENCY_P = p(CV, "currency");
    private static final Property IS_DEFINED_BY = p(CV, "isDefinedBy");
    private static final Property HAS_PART = DCTerms.hasPart;

    private final String base;

    public CpsvApExporter(String baseUri) {
        this.base = baseUri.endsWith("/") ? baseUri : baseUri + "/";
    }

    public Model service(PublicGuide guide) {
        Model m = newModel();
        addService(m, guide);
        return m;
    }

    /** The whole published catalog: a {@code dcat:Dataset} with {@code dct:hasPart} each service. */
    public Model catalog(List<PublicGuide> guides, String title, String publisherUscc, String publisherName) {
        Model m = newModel();
        Resource publisher = m.createResource(base + "organisation/" + enc(publisherUscc))
                .addProperty(RDF.type, m.createResource(CV + "PublicOrganisation"))
                .addProperty(RDF.type, FOAF.Agent)
                .addProperty(SKOS.prefLabel, publisherName, "zh")
                .addProperty(FOAF.name, publisherName, "zh")
                .addProperty(DCTerms.title, publisherName, "zh")
                .addProperty(DCTerms.identifier, publisherUscc);
        Resource dataset = m.createResource(base + "catalog").addProperty(RDF.type, m.createResource(DCAT + "Dataset"))
                .addProperty(DCTerms.title, title, "zh")
                .addProperty(DCTerms.description, title + "：已发布的政务服务事项办事指南（CPSV-AP 3.2.0）", "zh")
                .addProperty(DCTerms.publisher, publisher);
        for (PublicGuide g : guides) {
            dataset.addProperty(HAS_PART, addService(m, g));
        }
        return m;
    }

    public static String write(Model m, RDFFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, m, format);
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String turtle(Model m) {
        return write(m, RDFFormat.TURTLE_PRETTY);
    }

    public static String jsonLd(Model m) {
        return write(m, RDFFormat.JSONLD11);
    }

    private Model newModel() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("cpsv", CPSV).setNsPrefix("cv", CV).setNsPrefix("dct", DCTerms.NS).setNsPrefix("skos", SKOS.uri)
                .setNsPrefix("eli", ELI).setNsPrefix("dcat", DCAT).setNsPrefix("xsd", XSDDatatype.XSD + "#")
                .setNsPrefix("foaf", FOAF.NS).setNsPrefix("gh", base);
        return m;
    }

    private Resource addService(Model m, PublicGuide guide) {
        GuideContent c = guide.content();
        String code = c.implementationCode();
        String id = base + "service/" + enc(code);
        Resource s = m.createResource(id).addProperty(RDF.type, m.createResource(CPSV + "PublicService"))
                .addProperty(DCTerms.identifier, code)
                .addProperty(DCTerms.title, c.name(), "zh")
                .addProperty(DCTerms.description, description(c), "zh")
                .addProperty(DCTerms.type, concept(m, "item-type/" + c.typeCode(), c.typeLabel(), "事项类型 (GB/T 39046 A.1)"))
                .addProperty(DCTerms.spatial, location(m, c.divisionCode()));

        Resource org = m.createResource(base + "organisation/" + enc(c.implementingBodyUscc()))
                .addProperty(RDF.type, m.createResource(CV + "PublicOrganisation"))
                .addProperty(SKOS.prefLabel, c.implementingBody(), "zh")
                .addProperty(DCTerms.identifier, c.implementingBodyUscc())
                .addProperty(DCTerms.spatial, location(m, c.divisionCode()));
        s.addProperty(HAS_COMPETENT_AUTHORITY, org);

        Resource legal = m.createResource(id + "/legal-resource").addProperty(RDF.type, m.createResource(ELI + "LegalResource"))
                .addProperty(DCTerms.description, c.legalBasis(), "zh");
        Resource rule = m.createResource(id + "/rule").addProperty(RDF.type, m.createResource(CPSV + "Rule"))
                .addProperty(DCTerms.identifier, code + "-rule")
                .addProperty(DCTerms.title, "办理依据", "zh")
                .addProperty(DCTerms.description, c.legalBasis(), "zh")
                .addProperty(IMPLEMENTS, legal);
        s.addProperty(FOLLOWS, rule).addProperty(HAS_LEGAL_RESOURCE, legal);

        TimeLimit limit = c.promisedLimit() != null ? c.promisedLimit() : c.legalLimit();
        if (limit != null && limit.value() != null) {
            s.addProperty(PROCESSING_TIME, m.createTypedLiteral(duration(limit), XSDDatatype.XSDduration));
        }

        if (Boolean.FALSE.equals(c.charged())) {
            s.addProperty(HAS_COST, cost(m, id + "/cost/free", "不收费", BigDecimal.ZERO, "本事项不收取费用"));
        } else {
            for (int i = 0; i < c.fees().size(); i++) {
                FeeItem f = c.fees().get(i);
                s.addProperty(HAS_COST, cost(m, id + "/cost/" + (i + 1), f.name(), f.amountYuan(), f.legalBasis()));
            }
        }

        for (int i = 0; i < c.materials().size(); i++) {
            Material mat = c.materials().get(i);
            String mid = id + "/material/" + (i + 1);
            Resource evidence = m.createResource(mid).addProperty(RDF.type, m.createResource(CV + "Evidence"))
                    .addProperty(DCTerms.identifier, code + "-m" + (i + 1))
                    .addProperty(DCTerms.title, mat.name(), "zh")
                    .addProperty(DCTerms.description, materialDescription(mat), "zh");
            Resource requirement = m.createResource(mid + "/requirement").addProperty(RDF.type, m.createResource(CV + "Requirement"))
                    .addProperty(DCTerms.identifier, code + "-r" + (i + 1))
                    .addProperty(DCTerms.title, (Boolean.FALSE.equals(mat.required()) ? "（视情形）提交" : "提交") + mat.name(), "zh")
                    .addProperty(HAS_SUPPORTING_EVIDENCE, evidence);
            s.addProperty(HAS_INPUT, evidence).addProperty(HOLDS_REQUIREMENT, requirement);
        }

        for (String form : c.handlingFormCodes()) {
            s.addProperty(HAS_CHANNEL, m.createResource(id + "/channel/" + form)
                    .addProperty(RDF.type, m.createResource(CV + "Channel"))
                    .addProperty(DCTerms.identifier, code + "-c" + form)
                    .addProperty(DCTerms.type, concept(m, "channel/" + form, CodeSets.HANDLING_FORM.get(form),
                            "办理形式 (GB/T 39046 A.5)")));
        }

        if (c.resultName() != null && !c.resultName().isBlank()) {
            s.addProperty(PRODUCES, m.createResource(id + "/output").addProperty(RDF.type, m.createResource(CV + "Output"))
                    .addProperty(DCTerms.identifier, code + "-output")
                    .addProperty(DCTerms.title, c.resultName(), "zh"));
        }

        Resource contact = m.createResource(id + "/contact").addProperty(RDF.type, m.createResource(CV + "ContactPoint"))
                .addProperty(TELEPHONE, c.consultPhone());
        s.addProperty(CONTACT_POINT, contact);
        return s;
    }

    private Resource cost(Model m, String uri, String name, BigDecimal amount, String basis) {
        return m.createResource(uri).addProperty(RDF.type, m.createResource(CV + "Cost"))
                .addProperty(DCTerms.identifier, uri.substring(uri.lastIndexOf("/service/") + 9))
                .addProperty(DCTerms.description, name + "（收费依据：" + basis + "）", "zh")
                .addLiteral(VALUE, m.createTypedLiteral(amount.doubleValue()))
                .addProperty(CURRENCY_P, m.createResource(CURRENCY).addProperty(RDF.type, SKOS.Concept)
                        .addProperty(SKOS.prefLabel, "人民币", "zh"));
    }

    private Resource concept(Model m, String path, String label, String scheme) {
        return m.createResource(base + "concept/" + path).addProperty(RDF.type, SKOS.Concept)
                .addProperty(SKOS.prefLabel, label == null || label.isEmpty() ? path : label, "zh")
                .addProperty(SKOS.note, scheme, "zh");
    }

    private Resource location(Model m, String divisionCode) {
        return m.createResource(base + "division/" + divisionCode).addProperty(RDF.type, DCTerms.Location)
                .addProperty(DCTerms.identifier, divisionCode);
    }

    private static String description(GuideContent c) {
        StringBuilder b = new StringBuilder();
        b.append(c.name()).append("（").append(c.typeLabel()).append("，").append(c.implementingBody()).append("）");
        if (c.acceptanceConditions() != null && !c.acceptanceConditions().isBlank()) {
            b.append("。受理条件：").append(c.acceptanceConditions());
        }
        if (!c.process().isEmpty()) {
            b.append("。办理流程：");
            b.append(String.join("→", c.process().stream().map(ProcessStep::name).toList()));
        }
        TimeLimit limit = c.promisedLimit() != null ? c.promisedLimit() : c.legalLimit();
        if (limit != null) {
            b.append("。承诺办结时限：").append(limit.label());
        }
        return b.toString();
    }

    private static String materialDescription(Material m) {
        StringBuilder b = new StringBuilder();
        b.append(m.issuer() == null ? "申请人提供" : "出具机构：" + m.issuer());
        b.append("；原件 ").append(m.originals() == null ? 0 : m.originals()).append(" 份，复印件 ")
                .append(m.copies() == null ? 0 : m.copies()).append(" 份");
        b.append(Boolean.FALSE.equals(m.required()) ? "；非必备" : "；必备");
        if (m.instructions() != null && !m.instructions().isBlank()) {
            b.append("；").append(m.instructions());
        }
        return b.toString();
    }

    /** A time limit as xsd:duration: days as {@code P20D} (working days have no xsd form; the description says so). */
    static String duration(TimeLimit t) {
        return "HOUR".equals(t.unit()) ? "PT" + t.value() + "H" : "P" + t.value() + "D";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Property p(String ns, String local) {
        return org.apache.jena.rdf.model.ResourceFactory.createProperty(ns, local);
    }
}
