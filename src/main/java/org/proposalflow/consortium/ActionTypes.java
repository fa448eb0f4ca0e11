package org.proposalflow.consortium;

import java.util.List;
import org.proposalflow.validation.InvalidInputException;

/**
 * The kind of action within a programme, where its consortium rules differ: Horizon Europe research
 * and innovation actions ({@code ria}), innovation actions ({@code ia}), coordination and support
 * actions ({@code csa}) and single-applicant actions such as ERC or MSCA ({@code single}); the other
 * programmes have one {@code standard} kind here.
 */
public final class ActionTypes {

  public static final List<String> HORIZON_EUROPE = List.of("ria", "ia", "csa", "single");
  public static final List<String> OTHER = List.of("standard");

  private ActionTypes() {
  }

  public static List<String> of(String programme) {
    return "horizonEurope".equals(programme) ? HORIZON_EUROPE : OTHER;
  }

  /** A research and innovation action for Horizon Europe, the one kind for the others. */
  public static String defaultFor(String programme) {
    return of(programme).get(0);
  }

  public static String orDefault(String programme, String actionType) {
    return actionType == null || actionType.isBlank() ? defaultFor(programme) : actionType;
  }

  public static String check(String field, String programme, String actionType) {
    String value = orDefault(programme, actionType);
    if (!of(programme).contains(value)) {
      throw new InvalidInputException(field, "'" + value + "' is not an action type of " + programme + "; choose one of "
          + String.join(", ", of(programme)));
    }
    return value;
  }
}
