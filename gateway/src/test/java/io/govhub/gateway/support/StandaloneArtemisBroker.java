package io.govhub.gateway.support;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An Artemis broker in its own JVM, for tests of the external-broker configuration: a TCP acceptor on 127.0.0.1, no
 * persistence. It stops when its standard input closes (the test ended or died).
 */
public final class StandaloneArtemisBroker {

    private StandaloneArtemisBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port));
        broker.start();
        System.out.println("ARTEMIS READY on " + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close our stdin
        }
        broker.stop();
    }
}
