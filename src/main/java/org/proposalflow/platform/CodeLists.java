package org.proposalflow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lists of codes kept as data files on the classpath (country lists, regional organisations): one
 * code per line, anything after it a comment, lines starting with {@code #} comments too.
 */
public final class CodeLists {

  private CodeLists() {
  }

  /** The codes of the file, upper case; empty when there is no such file. */
  public static Set<String> read(String resource) {
    try (InputStream in = CodeLists.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Set.of();
      }
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.split("\\s+")[0].toUpperCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the list " + resource, e);
    }
  }
}
