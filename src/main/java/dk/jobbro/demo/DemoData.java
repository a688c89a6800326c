package dk.jobbro.demo;

import dk.jobbro.citizen.CitizenRequest;
import dk.jobbro.citizen.CitizenService;
import dk.jobbro.employer.EmployerRepository;
import dk.jobbro.employer.EmployerRequest;
import dk.jobbro.employer.EmployerService;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code demo/demo-data.json} through the normal services on the first start against an empty database,
 * so a newcomer sees employers, postings, citizens and matches at once. Off in tests and by
 * {@code JOBBRO_DEMO_DATA=false}.
 */
@Singleton
public class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String RESOURCE = "demo/demo-data.json";

    private final boolean enabled;
    private final EmployerRepository employerRepository;
    private final EmployerService employers;
    private final PostingService postings;
    private final CitizenService citizens;
    private final JsonMapper json;

    DemoData(@Value("${jobbro.demo-data.enabled:true}") boolean enabled, EmployerRepository employerRepository,
             EmployerService employers, PostingService postings, CitizenService citizens, JsonMapper json) {
        this.enabled = enabled;
        this.employerRepository = employerRepository;
        this.employers = employers;
        this.postings = postings;
        this.citizens = citizens;
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    public void loadIfEmpty() {
        if (!enabled || employerRepository.count() > 0) {
            return;
        }
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                LOG.warn("No {} on the classpath; starting without demo data", RESOURCE);
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
                postings.create(convert(p, PostingRequest.class));
                postingCount++;
            }
            int citizenCount = 0;
            for (Map<String, Object> c : (List<Map<String, Object>>) data.get("citizens")) {
                citizens.create(convert(c, CitizenRequest.class));
                citizenCount++;
            }
            LOG.info("Loaded demo data: {} employers, {} postings, {} citizens", employerIds.size(), postingCount,
                    citizenCount);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load demo data " + RESOURCE, e);
        }
    }

    private <T> T convert(Map<String, Object> value, Class<T> type) throws IOException {
        return json.readValue(json.writeValueAsBytes(value), type);
    }
}
