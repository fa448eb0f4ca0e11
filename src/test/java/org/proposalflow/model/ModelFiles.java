package org.proposalflow.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of the top-level processes/ and forms/ folders. */
final class ModelFiles {

  private ModelFiles() {
  }

  static List<Path> list(Path folder, String... suffixes) throws IOException {
    try (Stream<Path> stream = Files.list(folder)) {
      return stream.filter(p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s))).sorted().toList();
    }
  }
}
