package org.proposalflow.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Flyway migrates the database on a thread of its own while the engine builds itself, which takes
 * seconds without touching the database (its MyBatis mappings, the DMN engine's FEEL): the engine
 * waits for the migrations only where it first reads its tables (checking its schema, right after
 * its plug-ins' {@code postInit}). A failed migration still stops the start-up with Flyway's error,
 * there or, at the latest, once all beans exist.
 */
@Component
public class MigrationsAlongsideEngine extends AbstractProcessEnginePlugin
    implements FlywayMigrationStrategy, SmartInitializingSingleton {

  private volatile CompletableFuture<Void> migrations = CompletableFuture.completedFuture(null);

  @Override
  public void migrate(Flyway flyway) {
    ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    CompletableFuture<Void> running = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      Thread.currentThread().setContextClassLoader(classLoader);
      try {
        flyway.migrate();
        running.complete(null);
      } catch (Throwable e) {
        running.completeExceptionally(e);
      }
    }, "flyway-migrations");
    migrations = running;
    thread.start();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    awaitMigrations();
  }

  @Override
  public void afterSingletonsInstantiated() {
    awaitMigrations();
  }

  /** Returns once the database is migrated; a failed migration is thrown with Flyway's own error as the cause. */
  public void awaitMigrations() {
    try {
      migrations.join();
    } catch (CompletionException e) {
      throw new ProcessEngineException("the database migrations failed: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
