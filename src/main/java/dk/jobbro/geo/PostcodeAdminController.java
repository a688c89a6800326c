package dk.jobbro.geo;

import io.swagger.v3.oas.annotations.Operation;
import dk.jobbro.security.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
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

/** Administration of the postcode table. Under {@code /api/v1/admin}, which will be restricted to administrators. */
@Controller("/api/v1/admin/geo")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_ROLE)
class PostcodeAdminController {

    private final Postcodes postcodes;

    PostcodeAdminController(Postcodes postcodes) {
        this.postcodes = postcodes;
    }

    /** A CSV file on the server; {@code replaceAll} drops postcodes the file does not name (default: merge). */
    @Serdeable
    record PostcodeImportRequest(@NotBlank @Size(max = 1000) @jakarta.validation.constraints.Pattern(regexp = "[^\\x00]*", message = "must be a path without NUL characters") String file, @Nullable Boolean replaceAll) {
    }

    @Operation(summary = "Import a postcode table")
    @Post("/postcodes-import")
    Postcodes.ImportResult importPostcodes(@Body @Valid PostcodeImportRequest request) {
        return postcodes.importFile(Path.of(request.file()), Boolean.TRUE.equals(request.replaceAll()));
    }
}
