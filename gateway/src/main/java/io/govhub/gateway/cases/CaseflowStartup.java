package io.govhub.gateway.cases;

import io.govhub.core.caseflow.PartnerRegistry;
import io.govhub.core.caseflow.PartnerSystem;
import io.govhub.core.caseflow.RouteRule;
import io.govhub.gateway.config.GovhubProperties;
import io.govhub.gateway.security.DemoAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * At every start: registers the partner systems and routing rules of the configuration that the database does not have
 * yet (what is there, ADMIN may have edited: it is kept), and, with the demo simulators on, points the demo partners
 * at the simulators' current ports and tells the simulators where to push status messages.
 */
@Component
@Order(1)
public class CaseflowStartup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CaseflowStartup.class);
    private final PartnerRegistry registry;
    private final GovhubProperties props;
    private final ObjectProvider<DemoSimulators> simulators;
    private final JdbcTemplate jdbc;
    private final Environment env;

    public CaseflowStartup(PartnerRegistry registry, GovhubProperties props, ObjectProvider<DemoSimulators> simulators,
                           JdbcTemplate jdbc, Environment env) {
        this.registry = registry;
        this.props = props;
        this.simulators = simulators;
        this.jdbc = jdbc;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        int partners = 0;
        for (GovhubProperties.PartnerConfig p : props.partners()) {
            if (registry.insertIfAbsent(toPartner(p), "configuration")) {
                partners++;
            }
        }
        int routes = seedRoutes(props.routes().stream()
                .map(r -> new RouteRule(null, r.pattern(), r.division(), r.partner(), r.timeLimitWorkingDays())).toList());
        if (partners + routes > 0) {
            LOG.info("Registered {} partner systems and {} routing rules from the configuration", partners, routes);
        }
        DemoSimulators sims = simulators.getIfAvailable();
        if (sims != null) {
            registry.insertIfAbsent(new PartnerSystem(DemoSimulators.PROVINCE, "山东省政务服务平台（模拟器）", "PROVINCE",
                    "370000", "REST", sims.province().baseUrl(), null, Set.of("DISPATCH", "STATUS_PUSH"), "PUSH", true,
                    true, 1), "demo");
            registry.insertIfAbsent(new PartnerSystem(DemoSimulators.LANSHAN, "兰山区政务服务系统（模拟器）", "COUNTY",
                    "371302", "REST", sims.lanshan().baseUrl(), null, Set.of("DISPATCH", "STATUS_PUSH"), "PUSH", true,
                    true, 1), "demo");
            registry.insertIfAbsent(new PartnerSystem(DemoSimulators.FEIXIAN, "费县政务服务系统（模拟器）", "COUNTY",
                    "371325", "REST", sims.feixian().baseUrl(), null, Set.of("DISPATCH", "STATUS_POLL"), "POLL", true,
                    true, 1), "demo");
            registry.insertIfAbsent(new PartnerSystem(DemoSimulators.MARKET, "临沂市市场监督管理局业务系统（模拟器）",
                    "DEPARTMENT", "371300", "SOAP", sims.market().endpoint(), null, Set.of("DISPATCH", "STATUS_PUSH"),
                    "PUSH", true, true, 1), "demo");
            registry.insertIfAbsent(new PartnerSystem(DemoSimulators.CREDIT, "山东省公共信用信息平台（模拟器）", "PROVINCE",
                    "370000", "REST", sims.credit().baseUrl(), null, Set.of("CREDIT_FORWARD"), "PUSH", true, true, 1),
                    "demo");
            // the simulators listen on new ports at every start
            sims.all().forEach(s -> jdbc.update("update partner_system set endpoint = ? where id = ?", s.baseUrl(), s.id()));
            jdbc.update("update partner_system set endpoint = ? where id = ?", sims.market().endpoint(), DemoSimulators.MARKET);
            jdbc.update("update partner_system set endpoint = ? where id = ?", sims.credit().baseUrl(), DemoSimulators.CREDIT);
            seedRoutes(List.of(
                    new RouteRule(null, "*", "370000", DemoSimulators.PROVINCE, null),
                    new RouteRule(null, "11371302*", "371302", DemoSimulators.LANSHAN, null),
                    new RouteRule(null, "11371325*", "371325", DemoSimulators.FEIXIAN, null),
                    new RouteRule(null, "11371300MB28500332*", "371300", DemoSimulators.MARKET, null)));
            String hub = "http://127.0.0.1:" + env.getProperty("local.server.port", "8080");
            sims.all().forEach(s -> s.callbackTo(hub, s.id(), DemoAccounts.PASSWORD));
            sims.market().callbackTo(hub, DemoSimulators.MARKET, DemoAccounts.PASSWORD);
            LOG.info("Partner SIMULATORS ready: {}", sims.all().stream().map(s -> s.id() + " " + s.baseUrl()).toList());
        }
    }

    private int seedRoutes(List<RouteRule> rules) {
        Set<String> present = new HashSet<>();
        registry.rules().forEach(r -> present.add(r.codePattern() + "|" + r.divisionCode()));
        int n = 0;
        for (RouteRule r : rules) {
            if (present.add(r.codePattern() + "|" + r.divisionCode())) {
                registry.saveRule(r, "configuration");
                n++;
            }
        }
        return n;
    }

    static PartnerSystem toPartner(GovhubProperties.PartnerConfig p) {
        return new PartnerSystem(p.id(), p.name(), p.level(), p.division(), p.protocol(), p.endpoint(), p.credentialsRef(),
                Set.copyOf(p.operations() == null ? List.of("DISPATCH") : p.operations()), p.statusMode(), p.logBodies(),
                true, 1);
    }
}
