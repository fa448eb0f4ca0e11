package org.proposalflow.consortium;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.proposalflow.platform.CodeLists;
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
  /** Only areas found are kept: a code without a file is not remembered. */
  private final Map<String, Set<String>> areas = new ConcurrentHashMap<>();

  public boolean isMemberState(String country) {
    return memberStates.contains(country);
  }

  public boolean isAssociatedCountry(String country) {
    return associatedCountries.contains(country);
  }

  /** The countries of a programme's area, empty when the programme has no area file; a file is read once. */
  public Set<String> programmeArea(String programme) {
    if (programme == null || !programme.matches("[A-Za-z]+")) {
      return Set.of();
    }
    Set<String> area = areas.get(programme);
    if (area == null) {
      area = load(programme);
      if (!area.isEmpty()) {
        areas.put(programme, area);
      }
    }
    return area;
  }

  static Set<String> load(String name) {
    return CodeLists.read(FOLDER + name + ".txt");
  }
}
