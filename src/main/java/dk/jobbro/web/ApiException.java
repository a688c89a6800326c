package dk.jobbro.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** A request the service understood but cannot honour; becomes a problem document with its status. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<Problem.FieldError> errors;
    private final int errorCount;

    public ApiException(HttpStatus status, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.errorCount = errors.size();
    }

    /** With the first {@link FieldErrors#LISTED} errors listed and all of them counted. */
    public ApiException(HttpStatus status, String detail, FieldErrors errors) {
        super(detail);
        this.status = status;
        this.errors = errors.listed();
        this.errorCount = errors.count();
    }

    public static ApiException notFound(String what, long id) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " " + id + " does not exist", List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail, List.of());
    }

    public static ApiException invalid(String field, String reason) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "The request breaks a business rule",
                List.of(new Problem.FieldError(field, reason)));
    }

    public static ApiException invalid(List<Problem.FieldError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "The request breaks a business rule", errors);
    }

    public static ApiException badRequest(String field, String reason) {
        return new ApiException(HttpStatus.BAD_REQUEST, "The request is malformed",
                List.of(new Problem.FieldError(field, reason)));
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public int errorCount() {
        return errorCount;
    }
}
