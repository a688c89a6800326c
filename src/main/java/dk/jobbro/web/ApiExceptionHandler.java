package dk.jobbro.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Sends an {@link ApiException} through the one problem format. */
@Singleton
@Produces
final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> responses;

    ApiExceptionHandler(ErrorResponseProcessor<?> responses) {
        this.responses = responses;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiException exception) {
        return responses.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(exception.status()));
    }
}
