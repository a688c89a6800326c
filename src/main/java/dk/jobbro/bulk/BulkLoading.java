package dk.jobbro.bulk;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.CitizenRequest;
import dk.jobbro.citizen.CitizenService;
import dk.jobbro.posting.PostingRequest;
import dk.jobbro.posting.PostingService;
import dk.jobbro.web.ApiException;
import dk.jobbro.web.Problem;
import dk.jobbro.web.RequestRows;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Bulk loading of postings and citizens. Every row is read and validated exactly as the single {@code POST}'s body
 * ({@link RequestRows}) and stored through the same service, so the same rules and the same access layer apply to
 * each: a row naming someone else's employer or jobcentre is refused like a single request would be, and only that
 * row. Rows that pass are stored, rows that fail are not.
 *
 * <p>Postings are checked first and stored in one transaction and one index refresh
 * ({@link PostingService#createAll}): the cost of a row is its validation and its share of a batch insert.
 * Citizens are created one by one through {@link CitizenService#create}, each its own transaction and audited as a
 * creation, so that a citizen exists only with its audit entry.
 */
@Singleton
public class BulkLoading {

    private static final Logger LOG = LoggerFactory.getLogger(BulkLoading.class);

    private final PostingService postings;
    private final CitizenService citizens;
    private final RequestRows rows;
    private final JsonMapper mapper;

    BulkLoading(PostingService postings, CitizenService citizens, RequestRows rows, JsonMapper mapper) {
        this.postings = postings;
        this.citizens = citizens;
        this.rows = rows;
        this.mapper = mapper;
    }

    public BulkReport postings(byte[] body, boolean csv) {
        BulkFile file = csv ? BulkFile.csv(body, BulkColumns.POSTINGS, mapper) : BulkFile.ndjson(body);
        Function<String, String> field = fieldNames(file, BulkColumns.POSTINGS);
        Report report = new Report(file);
        List<PostingRequest> valid = new ArrayList<>();
        List<Integer> validRows = new ArrayList<>();
        for (BulkFile.Row row : file.rows()) {
            RequestRows.Row<PostingRequest> read = rows.read(row.json(), PostingRequest.class);
            if (read.value().isPresent()) {
                valid.add(read.value().get());
                validRows.add(row.number());
            } else {
                report.refused(row.number(), read.errors(), field);
            }
        }
        List<PostingService.Created> created = postings.createAll(valid);
        for (int i = 0; i < created.size(); i++) {
            PostingService.Created c = created.get(i);
            int number = validRows.get(i);
            if (c.posting().isPresent()) {
                report.stored(number, c.posting().get().id());
            } else {
                report.refused(number, c.refused().map(ApiException::errors).orElse(List.of()), field);
            }
        }
        return report.done("opslag");
    }

    public BulkReport citizens(byte[] body, boolean csv) {
        BulkFile file = csv ? BulkFile.csv(body, BulkColumns.CITIZENS, mapper) : BulkFile.ndjson(body);
        Function<String, String> field = fieldNames(file, BulkColumns.CITIZENS);
        Report report = new Report(file);
        for (BulkFile.Row row : file.rows()) {
            RequestRows.Row<CitizenRequest> read = rows.read(row.json(), CitizenRequest.class);
            if (read.value().isEmpty()) {
                report.refused(row.number(), read.errors(), field);
                continue;
            }
            try {
                Citizen saved = citizens.create(read.value().get());
                report.stored(row.number(), saved.id());
            } catch (ApiException e) {
                report.refused(row.number(), e.errors().isEmpty()
                        ? List.of(new Problem.FieldError("body", e.getMessage())) : e.errors(), field);
            }
        }
        return report.done("borgere");
    }

    private static Function<String, String> fieldNames(BulkFile file, BulkColumns columns) {
        return file.format() == BulkFile.Format.CSV ? columns::columnOf : Function.identity();
    }

    /** Collects a report in row order. */
    private static final class Report {
        private final BulkFile file;
        private final List<BulkReport.StoredRow> ids = new ArrayList<>();
        private final List<BulkReport.RowError> errors = new ArrayList<>();
        private int errorCount;
        private int failed;

        Report(BulkFile file) {
            this.file = file;
        }

        void stored(int row, long id) {
            ids.add(new BulkReport.StoredRow(row, id));
        }

        void refused(int row, List<Problem.FieldError> problems, Function<String, String> field) {
            failed++;
            List<Problem.FieldError> listed = problems.isEmpty()
                    ? List.of(new Problem.FieldError("body", "was refused")) : problems;
            for (Problem.FieldError e : listed) {
                errorCount++;
                if (errors.size() < BulkReport.LISTED) {
                    errors.add(new BulkReport.RowError(row, field.apply(e.field()), e.reason()));
                }
            }
        }

        BulkReport done(String what) {
            ids.sort(java.util.Comparator.comparingInt(BulkReport.StoredRow::row));
            errors.sort(java.util.Comparator.comparingInt(BulkReport.RowError::row));
            int rows = file.rows().size();
            LOG.info("Bulk load of {} ({}): {} rows, {} stored, {} refused", what, file.format(), rows, ids.size(),
                    failed);
            return new BulkReport(file.format().name(), rows, ids.size(), failed, ids, errors, errorCount,
                    BulkReport.summary(what, rows, ids.size()));
        }
    }
}
