package org.proposalflow.proposal;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.proposalflow.validation.InvalidInputException;

/** The five Arctic Smartness clusters. The code is what forms, variables and group ids use. */
public enum Cluster {
  INDUSTRY("industry", "Arctic Industry and Circular Economy", "Arktinen teollisuus ja kiertotalous", "Digipolis"),
  RURAL("rural", "Arctic Smart Rural Community", "Arktinen älykäs maaseutuverkosto", "ProAgria Lappi"),
  DESIGN("design", "Arctic Design", "Arktinen muotoilu", "University of Lapland"),
  DEVELOPMENT("development", "Arctic Development Environments", "Arktiset kehittämisympäristöt",
      "Lapland University of Applied Sciences"),
  SECURITY("security", "Arctic Security", "Arktinen turvallisuus", "Multidimensional Tourism Institute");

  private final String code;
  private final String englishName;
  private final String finnishName;
  private final String coordinator;

  Cluster(String code, String englishName, String finnishName, String coordinator) {
    this.code = code;
    this.englishName = englishName;
    this.finnishName = finnishName;
    this.coordinator = coordinator;
  }

  public String code() {
    return code;
  }

  public String englishName() {
    return englishName;
  }

  public String finnishName() {
    return finnishName;
  }

  public String coordinator() {
    return coordinator;
  }

  /** Candidate group of the cluster's proposal writers, e.g. {@code designWriters}. */
  public String writersGroup() {
    return code + "Writers";
  }

  /** Candidate group of the cluster's managers, e.g. {@code designManagers}. */
  public String managersGroup() {
    return code + "Managers";
  }

  public static Cluster fromCode(String field, String code) {
    return Arrays.stream(values())
        .filter(c -> c.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new InvalidInputException(field, "unknown cluster '" + code + "'; known clusters: "
            + Arrays.stream(values()).map(Cluster::code).collect(Collectors.joining(", "))));
  }
}
