package dk.jobbro.taxonomy;

import io.swagger.v3.oas.annotations.Operation;
import dk.jobbro.security.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.nio.file.Path;

/** Administration of the taxonomy. Under {@code /api/v1/admin}, which will be restricted to administrators. */
@Controller("/api/v1/admin/taxonomy")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_ROLE)
class TaxonomyAdminController {

    private final EscoImporter importer;

    TaxonomyAdminController(EscoImporter importer) {
        this.importer = importer;
    }

    /** A folder on the server holding the unpacked ESCO CSV download. */
    @Serdeable
    record EscoImportRequest(@NotBlank @Size(max = 1000) @jakarta.validation.constraints.Pattern(regexp = "[^\\x00]*", message = "must be a path without NUL characters") String directory) {
    }

    /** Imports the folder, reloads the taxonomy and rebuilds the posting index; answers when all is done. */
    @Operation(summary = "Import the ESCO CSV download and rebuild the posting index")
    @Post("/esco-import")
    EscoImportResult escoImport(@Body @Valid EscoImportRequest request) {
        return importer.importDirectory(Path.of(request.directory()));
    }
}
