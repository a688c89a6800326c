package dk.jobbro.ops;

import dk.jobbro.posting.PostingStatus;
import dk.jobbro.search.PostingSearch;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * UP or DOWN for the database and the posting index, and nothing else: no URL, port, user or folder (Micronaut's own
 * JDBC indicator, which shows the URL, is disabled in application.yml). Details reach administrators only
 * ({@link AdminOnlyHealthDetails}).
 */
@Singleton
final class ServiceHealth implements HealthIndicator {

    private final DataSource dataSource;
    private final PostingSearch search;

    ServiceHealth(DataSource dataSource, PostingSearch search) {
        // The pool itself, not Micronaut Data's proxy (which wants a transaction or a bound connection).
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.search = search;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("database", databaseUp() ? "UP" : "DOWN");
        details.put("index", indexUp() ? "UP" : "DOWN");
        HealthStatus status = details.containsValue("DOWN") ? HealthStatus.DOWN : HealthStatus.UP;
        return Publishers.just(HealthResult.builder("jobbro", status).details(details).build());
    }

    private boolean databaseUp() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            return st.execute("SELECT 1");
        } catch (Exception e) {
            return false;
        }
    }

    private boolean indexUp() {
        try {
            search.search(new PostingSearch.Request(null, Optional.empty(), Optional.empty(), 0, Optional.empty(),
                    PostingStatus.OPEN, 0, 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
