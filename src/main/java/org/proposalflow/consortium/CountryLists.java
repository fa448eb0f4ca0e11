package org.proposalflow.consortium;

import java.util.Set;
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

  public boolean isMemberState(String country) {
    return memberStates.contains(country);
  }

  public boolean isAssociatedCountry(String country) {
    return associatedCountries.contains(country);
  }

  /** The countries of a programme's area, empty when the programme has no area file. */
  public Set<String> programmeArea(String programme) {
    return programme != null && programme.matches("[A-Za-z]+") ? load(programme) : Set.of();
  }

  static Set<String> load(String name) {
    return CodeLists.read(FOLDER + name + ".txt");
  }
}
