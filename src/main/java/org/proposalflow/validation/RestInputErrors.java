package org.proposalflow.validation;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API wraps every exception thrown while starting a process or completing a task
 * into a 500. Bad input is the caller's fault: these handlers find an {@link InvalidInputException}
 * in the cause chain and answer 400 with its message, which names the field.
 */
@Configuration
public class RestInputErrors {

  @Bean
  public CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        CamundaRestResources.getConfigurationClasses().stream()
            .filter(c -> c != RestExceptionHandler.class && c != ProcessEngineExceptionHandler.class)
            .forEach(this::register);
        register(WrappedInputErrorHandler.class);
        register(EngineInputErrorHandler.class);
        register(JacksonFeature.class);
      }
    };
  }

  static Optional<Response> badRequestFor(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        ExceptionDto body = new ExceptionDto();
        body.setType(InvalidInputException.class.getSimpleName());
        body.setMessage(invalid.getMessage());
        return Optional.of(Response.status(Response.Status.BAD_REQUEST)
            .entity(body).type(MediaType.APPLICATION_JSON_TYPE).build());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  public static class WrappedInputErrorHandler extends RestExceptionHandler {
    @Override
    public Response toResponse(RestException exception) {
      return badRequestFor(exception).orElseGet(() -> super.toResponse(exception));
    }
  }

  public static class EngineInputErrorHandler extends ProcessEngineExceptionHandler {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return badRequestFor(exception).orElseGet(() -> super.toResponse(exception));
    }
  }
}
