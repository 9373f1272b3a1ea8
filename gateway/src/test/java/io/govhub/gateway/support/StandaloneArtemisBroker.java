package io.govhub.gateway.support;

import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.nio.file.Path;
import java.util.List;

/**
 * An Artemis broker in its own JVM, for tests of the external-broker configuration: a TCP acceptor on 127.0.0.1.
 * It stops when its standard input closes (the test ended or died).
 * <ul>
 *   <li>{@code <port>}: a lone broker without persistence (what it holds is lost when it stops);</li>
 *   <li>{@code <port> primary <store> <peer port>} or {@code <port> backup <store> <peer port>}: one half of a
 *   shared-store pair, the
 *   production topology of docs/deployment.md on one machine. Both keep their journal in {@code <store>}; the primary
 *   holds the store's lock, the backup waits for it and becomes live (opens its acceptor, loads the journal: the
 *   messages the primary held) when the primary dies. A primary started again takes over from the backup (fail-back),
 *   and the backup goes back to waiting. The two know each other through a cluster connection (how a primary asks
 *   the live backup to fail back).</li>
 * </ul>
 * Prints {@code ARTEMIS READY} once it serves clients, {@code ARTEMIS BACKUP WAITING} for a backup that waits.
 */
public final class StandaloneArtemisBroker {

    private StandaloneArtemisBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String role = args.length > 1 ? args[1] : "alone";
        ConfigurationImpl config = new ConfigurationImpl();
        config.setSecurityEnabled(false).addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port)
                // Artemis blocks producers when the disk is over 90 % full; a shared test machine's disk can be (a bench
                // run stalled on that): the harness tests govhub, not the machine's disk. Production keeps the default.
                .setMaxDiskUsage(-1);
        if (role.equals("alone")) {
            config.setPersistenceEnabled(false);
        } else {
            Path store = Path.of(args[2]);
            config.setPersistenceEnabled(true).setJournalType(JournalType.NIO)
                    .setJournalDirectory(store.resolve("journal").toString())
                    .setBindingsDirectory(store.resolve("bindings").toString())
                    .setPagingDirectory(store.resolve("paging").toString())
                    .setLargeMessagesDirectory(store.resolve("large-messages").toString())
                    .setNodeManagerLockDirectory(store.toString())
                    .setClusterPassword("govhub-test-pair")
                    .addConnectorConfiguration("self", "tcp://127.0.0.1:" + port)
                    .addConnectorConfiguration("peer", "tcp://127.0.0.1:" + args[3])
                    .addClusterConfiguration(new ClusterConnectionConfiguration().setName("govhub-pair")
                            .setConnectorName("self").setStaticConnectors(List.of("peer"))
                            .setMessageLoadBalancingType(MessageLoadBalancingType.OFF))
                    .setHAPolicyConfiguration(role.equals("primary")
                            ? new SharedStorePrimaryPolicyConfiguration().setFailoverOnServerShutdown(false)
                            : new SharedStoreBackupPolicyConfiguration().setAllowFailBack(true).setRestartBackup(true));
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        if (role.equals("backup")) {
            System.out.println("ARTEMIS BACKUP WAITING on " + port);
            System.out.flush();
            Thread watcher = new Thread(() -> {
                try {
                    while (!broker.getActiveMQServer().waitForActivation(1, java.util.concurrent.TimeUnit.SECONDS)) {
                        // waiting for the primary's lock
                    }
                    System.out.println("ARTEMIS READY on " + port + " (backup live)");
                    System.out.flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "activation-watch");
            watcher.setDaemon(true);
            watcher.start();
        } else {
            System.out.println("ARTEMIS READY on " + port);
            System.out.flush();
        }
        while (System.in.read() >= 0) {
            // wait for the parent to close our stdin
        }
        // a backup that waits for the store's lock may not stop at all (seen with 2.44 after a fail-back): 10 s, then out
        Thread stop = new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "stop");
        stop.setDaemon(true);
        stop.start();
        stop.join(10_000);
        System.out.println(stop.isAlive() ? "ARTEMIS HALTED (stop took over 10 s)" : "ARTEMIS STOPPED");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
