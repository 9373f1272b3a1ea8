package io.govhub.gateway.embedded;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates {@code govhub.broker.*} into Spring Boot's Artemis settings: with no broker URL, Boot's embedded Artemis
 * server runs in this JVM with a persistent journal under {@code <data-dir>/artemis}; with a URL, govhub connects to
 * that broker as a native client. Explicit {@code spring.artemis.*} settings win.
 */
public class BrokerEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String url = env.getProperty("govhub.broker.url", "");
        Map<String, Object> p = new HashMap<>();
        if (url.isBlank()) {
            Path dataDir = Path.of(env.getProperty("govhub.data-dir", "./govhub-data")).toAbsolutePath().normalize();
            p.put("spring.artemis.mode", "embedded");
            p.put("spring.artemis.embedded.enabled", "true");
            p.put("spring.artemis.embedded.persistent", "true");
            p.put("spring.artemis.embedded.data-directory", dataDir.resolve("artemis").toString());
        } else {
            p.put("spring.artemis.mode", "native");
            p.put("spring.artemis.embedded.enabled", "false");
            p.put("spring.artemis.broker-url", url);
            String user = env.getProperty("govhub.broker.user", "");
            if (!user.isBlank()) {
                p.put("spring.artemis.user", user);
                p.put("spring.artemis.password", env.getProperty("govhub.broker.password", ""));
            }
        }
        env.getPropertySources().addLast(new MapPropertySource("govhubBroker", p));
    }
}
