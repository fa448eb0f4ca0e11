package org.proposalflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged application in target/, started as an operator starts it: for the integration tests. */
final class PackagedJar {

  private PackagedJar() {
  }

  /** {@code java [jvmOptions] -jar target/proposal-flow-*.jar [arguments]}, with the JDK running the tests. */
  static ProcessBuilder process(List<String> jvmOptions, String... arguments) throws IOException {
    Path jar;
    try (var files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("proposal-flow-.*\\.jar")).findFirst().orElseThrow()
          .toAbsolutePath();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command);
  }
}
