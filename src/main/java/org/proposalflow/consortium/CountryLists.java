package org.proposalflow.consortium;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
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
    try (InputStream in = CountryLists.class.getClassLoader().getResourceAsStream(FOLDER + name + ".txt")) {
      if (in == null) {
        return Set.of();
      }
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.split("\\s+")[0].toUpperCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read country list " + name, e);
    }
  }
}
