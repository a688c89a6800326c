package dk.jobbro.demo;

import dk.jobbro.citizen.CitizenRequest;
import dk.jobbro.citizen.CitizenService;
import dk.jobbro.employer.EmployerRepository;
import dk.jobbro.employer.EmployerRequest;
import dk.jobbro.employer.EmployerService;
import dk.jobbro.flagging.CircumstanceService;
import dk.jobbro.flagging.CircumstancesRequest;
import dk.jobbro.posting.PostingRequest;
import dk.jobbro.posting.PostingService;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code demo/demo-data.json} (setting {@code jobbro.demo-data.resource}) through the normal services on
 * the first start against an empty database, so a newcomer sees employers, postings, citizens, matches and a
 * work list with flagged citizens at once. Off in tests and by {@code JOBBRO_DEMO_DATA=false}.
 */
@Singleton
public class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final String resource;
    private final EmployerRepository employerRepository;
    private final EmployerService employers;
    private final PostingService postings;
    private final CitizenService citizens;
    private final CircumstanceService circumstances;
    private final JsonMapper json;
    private final Clock clock;

    DemoData(@Value("${jobbro.demo-data.enabled:true}") boolean enabled,
             @Value("${jobbro.demo-data.resource:demo/demo-data.json}") String resource,
             EmployerRepository employerRepository, EmployerService employers, PostingService postings,
             CitizenService citizens, CircumstanceService circumstances, JsonMapper json, Clock clock) {
        this.enabled = enabled;
        this.resource = resource;
        this.employerRepository = employerRepository;
        this.employers = employers;
        this.postings = postings;
        this.citizens = citizens;
        this.circumstances = circumstances;
        this.json = json;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    public void loadIfEmpty() {
        if (!enabled || employerRepository.count() > 0) {
            return;
        }
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                LOG.warn("No {} on the classpath; starting without demo data", resource);
                return;
            }
            Map<String, Object> data = json.readValue(in.readAllBytes(), Map.class);
            Map<String, Long> employerIds = new HashMap<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) data.get("employers")) {
                String ref = (String) e.remove("ref");
                employerIds.put(ref, employers.create(convert(e, EmployerRequest.class)).id());
            }
            int postingCount = 0;
            for (Map<String, Object> p : (List<Map<String, Object>>) data.get("postings")) {
                p.put("employerId", employerIds.get((String) p.remove("employerRef")));
                // The demo's deadlines are fixed dates; a new posting may not be overdue, so a passed one is left out.
                if (p.get("applicationDeadline") instanceof String d && LocalDate.parse(d).isBefore(LocalDate.now(clock))) {
                    p.remove("applicationDeadline");
                }
                postings.create(convert(p, PostingRequest.class));
                postingCount++;
            }
            int citizenCount = 0;
            for (Map<String, Object> c : (List<Map<String, Object>>) data.get("citizens")) {
                // Optional: recorded through the service so the demo starts with evaluated flags and a work list.
                Object circumstanceList = c.remove("circumstances");
                long id = citizens.create(convert(c, CitizenRequest.class)).id();
                if (circumstanceList instanceof List<?> list && !list.isEmpty()) {
                    circumstances.replace(id, convert(Map.of("circumstances", withRecordedBy(list)),
                            CircumstancesRequest.class));
                }
                citizenCount++;
            }
            // Counts only: circumstances are special-category data and stay out of the log.
            LOG.info("Loaded demo data: {} employers, {} postings, {} citizens", employerIds.size(), postingCount,
                    citizenCount);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load demo data " + resource, e);
        }
    }

    /** Demo circumstances may leave out who recorded them. */
    @SuppressWarnings("unchecked")
    private static List<Object> withRecordedBy(List<?> list) {
        return list.stream().map(o -> {
            if (o instanceof Map<?, ?> m) {
                Map<String, Object> copy = new HashMap<>((Map<String, Object>) m);
                copy.putIfAbsent("recordedBy", "demo");
                return (Object) copy;
            }
            return o;
        }).toList();
    }

    private <T> T convert(Map<String, Object> value, Class<T> type) throws IOException {
        return json.readValue(json.writeValueAsBytes(value), type);
    }
}
