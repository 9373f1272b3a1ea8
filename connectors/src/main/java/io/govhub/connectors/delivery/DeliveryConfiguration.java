package io.govhub.connectors.delivery;

import io.govhub.connectors.rest.RestPartnerTransport;
import io.govhub.core.audit.MessageLog;
import io.govhub.core.caseflow.CaseService;
import io.govhub.core.caseflow.PartnerRegistry;
import io.govhub.core.delivery.DeliveryOutbox;
import io.govhub.core.delivery.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryConfiguration.class);

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
                                       MessageLog messageLog, RetryPolicy policy, CaseService cases, Clock clock,
                                       io.govhub.core.shared.Transactions tx,
                                       io.govhub.core.credit.CreditIntakeService credit,
                                       @Value("${govhub.delivery.lease:30s}") Duration lease,
                                       @Value("${govhub.delivery.max-age:72h}") Duration maxAge,
                                       @Value("${govhub.delivery.circuit-open:30s}") Duration circuitOpen) {
        return new DeliveryRelay(outbox, partners, transports, messageLog, policy, lease, maxAge, 100,
                DeliveryRelay.breakerConfig(circuitOpen),
                Map.of(CaseService.DISPATCH, e -> cases.dispatched(e.ref())),
                Map.of(io.govhub.core.credit.CreditForwarding.FORWARD, credit::forwardingPayload), clock, tx);
    }

    @Bean
    public io.govhub.connectors.rest.StatusPoller statusPoller(PartnerRegistry partners, CaseService cases,
                                                               @Value("${govhub.delivery.timeout:10s}") Duration timeout,
                                                               io.govhub.core.shared.SingletonJobs jobs,
                                                               @Value("${govhub.cases.poll-interval:5s}") Duration poll) {
        return new io.govhub.connectors.rest.StatusPoller(partners, cases, timeout, jobs, poll);
    }

    /**
     * Sends a message just committed at once, on this node, from a small pool: the request thread only hands over
     * the id. Bounded: when the pool is busy the id is dropped and the sweep (every node, every
     * {@code govhub.delivery.sweep-interval}) delivers the message a moment later; the sweep is the guarantee, this
     * is only the fast path.
     */
    @Bean(destroyMethod = "shutdown")
    public java.util.concurrent.ExecutorService deliveryNowExecutor() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return new java.util.concurrent.ThreadPoolExecutor(2, 2, 0, java.util.concurrent.TimeUnit.MILLISECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, "delivery-now-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
    }

    @Bean
    public DeliveryRoutes deliveryRoutes(DeliveryRelay relay, CaseService cases,
                                         java.util.concurrent.ExecutorService deliveryNowExecutor,
                                         io.govhub.connectors.rest.StatusPoller poller,
                                         @Value("${govhub.delivery.sweep-interval:1s}") Duration sweep,
                                         @Value("${govhub.cases.poll-interval:5s}") Duration poll) {
        cases.onDeliveryQueued(id -> deliveryNowExecutor.execute(() -> {
            try {
                relay.deliver(id);
            } catch (RuntimeException e) {
                // the sweep delivers it (or records the failure) a little later
                LOG.debug("Immediate delivery of outbox {} failed: {}", id, e.getMessage());
            }
        }));
        return new DeliveryRoutes(relay, sweep.toMillis(), poller, poll.toMillis());
    }
}
