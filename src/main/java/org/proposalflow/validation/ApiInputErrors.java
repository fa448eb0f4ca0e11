package org.proposalflow.validation;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input to the application's own API ({@code /api}) is a 400 naming the field, as on the engine's. */
@RestControllerAdvice
public class ApiInputErrors {

  @ExceptionHandler(InvalidInputException.class)
  public ResponseEntity<Map<String, String>> badInput(InvalidInputException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("type", InvalidInputException.class.getSimpleName(), "message", e.getMessage()));
  }
}
