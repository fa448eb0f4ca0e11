package org.proposalflow.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.proposalflow.validation.InvalidInputException;

/**
 * The rows of a dynamic list in a Camunda Form. Tasklist sends such a list as a JSON variable; the
 * application offers it as one, so the form shows the rows filled in.
 */
final class FormRows {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormRows() {
  }

  static List<Map<String, Object>> of(Object value, String field) {
    if (value == null) {
      throw new InvalidInputException(field, "is required");
    }
    if (value instanceof List<?> list) {
      return JSON.convertValue(list, new TypeReference<>() { });
    }
    try {
      return JSON.readValue(value.toString(), new TypeReference<>() { });
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(field, "is not a list of rows: " + e.getOriginalMessage());
    }
  }

  static TypedValue json(List<? extends Map<String, ?>> rows) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a value of one row; a problem names the row, e.g. {@code sectionPlan[Impact].owner}. */
  static <T> T inRow(String field, String row, Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(field + "[" + row + "]." + e.getField(),
          e.getMessage().substring(e.getField().length() + 2));
    }
  }
}
