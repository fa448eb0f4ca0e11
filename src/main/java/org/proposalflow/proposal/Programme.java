package org.proposalflow.proposal;

import java.util.Arrays;
import java.util.List;

/** Funding programmes a proposal can target. The code is the value forms and variables use. */
public enum Programme {
  HORIZON_EUROPE("horizonEurope", "Horizon Europe"),
  INTERREG_AURORA("interregAurora", "Interreg Aurora"),
  INTERREG_NPA("interregNpa", "Interreg Northern Periphery and Arctic"),
  INTERREG_BSR("interregBsr", "Interreg Baltic Sea Region"),
  LIFE("life", "LIFE"),
  ERASMUS_PLUS("erasmusPlus", "Erasmus+"),
  DIGITAL_EUROPE("digitalEurope", "Digital Europe"),
  ERDF("erdf", "ERDF regional call");

  private final String code;
  private final String label;

  Programme(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(Programme::code).toList();
  }
}
