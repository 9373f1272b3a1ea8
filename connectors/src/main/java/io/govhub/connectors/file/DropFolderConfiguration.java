package io.govhub.connectors.file;

import io.govhub.core.credit.CreditIntakeService;
import io.govhub.core.division.DivisionDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The credit drop folder, when {@code govhub.credit.drop-folder.dir} is set (off by default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${govhub.credit.drop-folder.dir:}'.isBlank()")
public class DropFolderConfiguration {

    @Bean
    public CreditDropFolder creditDropFolder(CreditIntakeService intake, DivisionDirectory directory,
                                             @Value("${govhub.credit.drop-folder.dir}") String dir) throws IOException {
        Path root = Path.of(dir).toAbsolutePath();
        Files.createDirectories(root);
        return new CreditDropFolder(intake, directory, root);
    }

    @Bean(CreditDropFolderRoutes.LOCKS)
    public JdbcFileReadLocks creditDropFolderLocks(org.springframework.jdbc.core.JdbcTemplate jdbc,
                                                   @Value("${govhub.credit.drop-folder.lock-ttl:10m}") Duration ttl) {
        String node;
        try {
            node = java.net.InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (java.net.UnknownHostException e) {
            node = "node:" + ProcessHandle.current().pid();
        }
        return new JdbcFileReadLocks(jdbc, ttl, node);
    }

    @Bean
    public CreditDropFolderRoutes creditDropFolderRoutes(CreditDropFolder folder,
                                                         @Value("${govhub.credit.drop-folder.poll-interval:5s}") Duration poll) {
        return new CreditDropFolderRoutes(folder, poll.toMillis());
    }
}
