package org.proposalflow.validation;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Bad input from a form or a REST call. Thrown inside the engine step, so the step rolls back and
 * nothing is half saved; the REST API answers 400 with this message, which names the field.
 */
public class InvalidInputException extends BadUserRequestException {

  private final String field;

  public InvalidInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String getField() {
    return field;
  }
}
