package org.proposalflow.validation;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * The engine REST API wraps every exception thrown while starting a process or completing a task
 * into a 500. Bad input is the caller's fault: these handlers find an {@link InvalidInputException}
 * in the cause chain and answer 400 with its message, which names the field.
 *
 * <p>Registered through Jersey's auto-discovery (META-INF/services), so that both JAX-RS
 * applications get them: {@code /engine-rest} and the one behind Tasklist and Cockpit
 * ({@code /camunda/api/engine}). Their priority puts them before Camunda's own handlers of the
 * same exception types.
 */
public class RestInputErrors implements AutoDiscoverable {

  private static final int BEFORE_CAMUNDA = 1;

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(WrappedInputErrorHandler.class)) {
      context.register(WrappedInputErrorHandler.class, BEFORE_CAMUNDA);
      context.register(EngineInputErrorHandler.class, BEFORE_CAMUNDA);
    }
  }

  static Optional<Response> badRequestFor(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        ExceptionDto body = new ExceptionDto();
        body.setType(InvalidInputException.class.getSimpleName());
        body.setMessage(invalid.getMessage());
        return Optional.of(Response.status(Response.Status.BAD_REQUEST)
            .entity(body).type(MediaType.APPLICATION_JSON_TYPE).build());
      }
    }
    return Optional.empty();
  }

  @Priority(BEFORE_CAMUNDA)
  public static class WrappedInputErrorHandler extends RestExceptionHandler {
    @Override
    public Response toResponse(RestException exception) {
      return badRequestFor(exception).orElseGet(() -> super.toResponse(exception));
    }
  }

  @Priority(BEFORE_CAMUNDA)
  public static class EngineInputErrorHandler extends ProcessEngineExceptionHandler {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return badRequestFor(exception).orElseGet(() -> super.toResponse(exception));
    }
  }
}
