package io.govhub.connectors.delivery;

import io.govhub.connectors.rest.RestPartnerTransport;
import io.govhub.core.audit.MessageLog;
import io.govhub.core.caseflow.CaseService;
import io.govhub.core.caseflow.PartnerRegistry;
import io.govhub.core.delivery.DeliveryOutbox;
import io.govhub.core.delivery.RetryPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The delivery relay, its transports and routes. Settings ({@code govhub.delivery.*}) are documented in the README.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {


    @Bean
    public RetryPolicy deliveryRetryPolicy(@Value("${govhub.delivery.initial-backoff:2s}") Duration initial,
                                           @Value("${govhub.delivery.max-backoff:10m}") Duration max,
                                           @Value("${govhub.delivery.max-attempts:8}") int maxAttempts) {
        return new RetryPolicy(initial, max, maxAttempts);
    }

    @Bean
    public RestPartnerTransport restPartnerTransport(Environment env,
                                                     @Value("${govhub.delivery.connect-timeout:2s}") Duration connect,
                                                     @Value("${govhub.delivery.timeout:10s}") Duration timeout) {
        // a partner's credentialsRef names a secret: the setting govhub.secrets.<ref> (env GOVHUB_SECRETS_<REF>)
        return new RestPartnerTransport(connect, timeout, ref -> env.getProperty("govhub.secrets." + ref));
    }

    @Bean
    public io.govhub.connectors.soap.SoapPartnerTransport soapPartnerTransport(Environment env,
            @Value("${govhub.delivery.connect-timeout:2s}") Duration connect,
            @Value("${govhub.delivery.timeout:10s}") Duration timeout) {
        return new io.govhub.connectors.soap.SoapPartnerTransport(connect, timeout,
                ref -> env.getProperty("govhub.secrets." + ref));
    }

    @Bean
    public io.govhub.connectors.soap.CaseSoapService caseSoapService(CaseService cases,
                                                                   io.govhub.core.access.CurrentActors actors) {
        return new io.govhub.connectors.soap.CaseSoapService(cases, actors);
    }

    @Bean
    public io.govhub.connectors.soap.CaseSoapRoutes caseSoapRoutes(io.govhub.connectors.soap.CaseSoapService service) {
        return new io.govhub.connectors.soap.CaseSoapRoutes(service);
    }

    @Bean
    public io.govhub.connectors.soap.CreditSoapService creditSoapService(io.govhub.core.credit.CreditIntakeService intake,
            DeliveryOutbox outbox, io.govhub.core.access.CurrentActors actors) {
        return new io.govhub.connectors.soap.CreditSoapService(intake, outbox, actors);
    }

    @Bean
    public io.govhub.connectors.soap.CreditSoapRoutes creditSoapRoutes(io.govhub.connectors.soap.CreditSoapService service) {
        return new io.govhub.connectors.soap.CreditSoapRoutes(service);
    }

    @Bean
    public DeliveryRelay deliveryRelay(DeliveryOutbox outbox, PartnerRegistry partners, List<PartnerTransport> transports,
                                       MessageLog messageLog, RetryPolicy policy, Clock clock,
                                       io.govhub.core.shared.Transactions tx,
                                       io.govhub.core.credit.CreditIntakeService credit,
                                       @Value("${govhub.delivery.lease:30s}") Duration lease,
                                       @Value("${govhub.delivery.max-age:72h}") Duration maxAge,
                                       @Value("${govhub.delivery.circuit-open:30s}") Duration circuitOpen) {
        return new DeliveryRelay(outbox, partners, transports, messageLog, policy, lease, maxAge, 100,
                DeliveryRelay.breakerConfig(circuitOpen),
                Map.of(io.govhub.core.credit.CreditForwarding.FORWARD, credit::forwardingPayload), clock, tx);
    }

    @Bean
    public io.govhub.connectors.rest.StatusPoller statusPoller(PartnerRegistry partners, CaseService cases,
                                                               @Value("${govhub.delivery.timeout:10s}") Duration timeout,
                                                               io.govhub.core.shared.SingletonJobs jobs,
                                                               @Value("${govhub.cases.poll-interval:5s}") Duration poll) {
        return new io.govhub.connectors.rest.StatusPoller(partners, cases, timeout, jobs, poll);
    }

    /** Sends messages just committed at once, on this node, in batches when several wait ({@link ImmediateDelivery}). */
    @Bean(destroyMethod = "stop")
    public ImmediateDelivery immediateDelivery(DeliveryRelay relay, CaseService cases) {
        ImmediateDelivery now = new ImmediateDelivery(relay, 2, 10_000, 50);
        cases.onDeliveryQueued(now::offer);
        return now;
    }

    @Bean
    public DeliveryRoutes deliveryRoutes(DeliveryRelay relay, io.govhub.connectors.rest.StatusPoller poller,
                                         @Value("${govhub.delivery.sweep-interval:1s}") Duration sweep,
                                         @Value("${govhub.cases.poll-interval:5s}") Duration poll) {
        return new DeliveryRoutes(relay, sweep.toMillis(), poller, poll.toMillis());
    }
}
