package io.govhub.gateway.cases;

import io.govhub.simulators.CaseSystemSimulator;
import io.govhub.simulators.CreditPlatformSimulator;
import io.govhub.simulators.SoapDepartmentSimulator;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The partner-system SIMULATORS of the embedded-mode demo, on loopback ports chosen at start: the provincial platform
 * (REST, pushes status), the 兰山区 system (REST, pushes status), the 费县 system (REST, polled by the hub) and the
 * 市市场监督管理局 system (SOAP, reports status through the hub's SOAP service), and the provincial credit platform
 * (REST, takes the 双公示 records). They
 * are not real partners; {@code govhub.demo.simulators=false} turns them off.
 */
public class DemoSimulators implements AutoCloseable {

    public static final String PROVINCE = "sim-sd-province";
    public static final String LANSHAN = "sim-ly-lanshan";
    public static final String FEIXIAN = "sim-ly-feixian";
    public static final String MARKET = "sim-ly-market";
    public static final String CREDIT = "sim-sd-credit";

    private final CaseSystemSimulator province;
    private final CaseSystemSimulator lanshan;
    private final CaseSystemSimulator feixian;
    private final SoapDepartmentSimulator market;
    private final CreditPlatformSimulator credit;

    public DemoSimulators(Duration stepDelay) throws IOException {
        CaseSystemSimulator.Control push = new CaseSystemSimulator.Control(0, 0, false,
                CaseSystemSimulator.Script.COMPLETE, stepDelay.toMillis(), true);
        this.province = new CaseSystemSimulator(PROVINCE, push);
        this.lanshan = new CaseSystemSimulator(LANSHAN, push);
        this.feixian = new CaseSystemSimulator(FEIXIAN, new CaseSystemSimulator.Control(0, 0, false,
                CaseSystemSimulator.Script.COMPLETE, stepDelay.toMillis(), false));
        this.market = new SoapDepartmentSimulator(MARKET, push);
        this.credit = new CreditPlatformSimulator(CREDIT, push);
    }

    /** The provincial credit platform (双公示 records are forwarded to it). */
    public CreditPlatformSimulator credit() {
        return credit;
    }

    /** The 市市场监督管理局 system, over SOAP. */
    public SoapDepartmentSimulator market() {
        return market;
    }

    public CaseSystemSimulator province() {
        return province;
    }

    public CaseSystemSimulator lanshan() {
        return lanshan;
    }

    public CaseSystemSimulator feixian() {
        return feixian;
    }

    public List<CaseSystemSimulator> all() {
        return List.of(province, lanshan, feixian);
    }

    @Override
    public void close() {
        all().forEach(CaseSystemSimulator::close);
        market.close();
        credit.close();
    }
}
