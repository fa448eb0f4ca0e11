package org.proposalflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void eachIdSortsAfterTheOneBeforeIt() {
    TimeOrderedIds ids = new TimeOrderedIds();
    String previous = ids.getNextId();
    for (int i = 0; i < 100_000; i++) {
      String next = ids.getNextId();
      assertThat(next).isGreaterThan(previous);
      previous = next;
    }
  }

  @Test
  void idsAreVersionSevenUuidsThatFitTheEnginesIdColumns() {
    String id = new TimeOrderedIds().getNextId();
    assertThat(id).hasSize(36).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(UUID.fromString(id).version()).isEqualTo(7);
  }

  @Test
  void twoNodesMakeDistinctIdsOrderedByTime() throws Exception {
    TimeOrderedIds nodeA = new TimeOrderedIds();
    TimeOrderedIds nodeB = new TimeOrderedIds();
    Set<String> seen = new HashSet<>();
    String earlier = nodeA.getNextId();
    for (int i = 0; i < 20; i++) {
      Thread.sleep(2);
      String later = (i % 2 == 0 ? nodeB : nodeA).getNextId();
      assertThat(later).isGreaterThan(earlier);
      assertThat(seen.add(later)).isTrue();
      earlier = later;
    }
    for (int i = 0; i < 50_000; i++) {
      assertThat(seen.add(nodeA.getNextId())).isTrue();
      assertThat(seen.add(nodeB.getNextId())).isTrue();
    }
  }

  @Test
  void threadsOfOneNodeNeverShareAnId() throws Exception {
    TimeOrderedIds ids = new TimeOrderedIds();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> made = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Callable<List<String>> work = () -> {
          List<String> own = new ArrayList<>();
          for (int i = 0; i < 50_000; i++) {
            own.add(ids.getNextId());
          }
          return own;
        };
        made.add(threads.submit(work));
      }
      Set<String> all = new HashSet<>();
      for (Future<List<String>> own : made) {
        all.addAll(own.get());
      }
      assertThat(all).hasSize(200_000);
    } finally {
      threads.shutdownNow();
    }
  }
}
