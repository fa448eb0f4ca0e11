package org.proposalflow.platform;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.stereotype.Component;

/**
 * The engine's ids: time-ordered UUIDs (version 7: the millisecond first, then random bits), so an id
 * made later sorts after one made earlier, as text too.
 * <p>
 * Camunda's default in Spring Boot, {@code StrongUuidGenerator}, makes version-1 UUIDs, whose text
 * starts with the fastest-changing part of the clock: consecutive ids land all over every index on
 * an id column (primary keys, the history's root and process instance columns...). Once the
 * history outgrows memory, each insert then reads a random index page from disk. Time-ordered ids
 * keep the inserts of the proposals in progress at the end of those indexes, which stays in memory.
 * The random bits keep ids unique across nodes sharing one database, as the default's did.
 * Replacing the starter's generator: it steps aside for any {@link IdGenerator} bean.
 */
@Component
public class TimeOrderedIds implements IdGenerator {

  private final NoArgGenerator uuids = Generators.timeBasedEpochGenerator();

  @Override
  public String getNextId() {
    return uuids.generate().toString();
  }
}
