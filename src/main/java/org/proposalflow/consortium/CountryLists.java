package org.proposalflow.consortium;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.proposalflow.platform.CodeLists;
import org.proposalflow.proposal.Programme;
import org.springframework.stereotype.Component;

/**
 * The country lists eligibility rules need, read from data files under {@code consortium/countries/}
 * on the classpath: the EU Member States, the Horizon Europe Associated Countries and each
 * programme's area ({@code <programme code>.txt}). One ISO code per line, anything after it a comment.
 */
@Component
public class CountryLists {

  private static final String FOLDER = "consortium/countries/";

  private final Set<String> memberStates = load("eu-member-states");
  private final Set<String> associatedCountries = load("horizon-europe-associated-countries");
  /** Read once for every programme, those without a file too: a lookup that finds no file searches every jar. */
  private final Map<String, Set<String>> areas = Programme.codes().stream()
      .collect(Collectors.toUnmodifiableMap(code -> code, CountryLists::load));

  public boolean isMemberState(String country) {
    return memberStates.contains(country);
  }

  public boolean isAssociatedCountry(String country) {
    return associatedCountries.contains(country);
  }

  /** The countries of a programme's area, empty when the programme has no area file or is not one of ours. */
  public Set<String> programmeArea(String programme) {
    return programme == null ? Set.of() : areas.getOrDefault(programme, Set.of());
  }

  static Set<String> load(String name) {
    return CodeLists.read(FOLDER + name + ".txt");
  }
}
