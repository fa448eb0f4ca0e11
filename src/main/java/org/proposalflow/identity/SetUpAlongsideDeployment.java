package org.proposalflow.identity;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups, tenants and grants, the Tasklist filters and (when wanted) the demo users are set up
 * on a thread of their own while the process application deploys the models on the main thread:
 * neither needs the other. The deployment's end waits for them, so the application still reports
 * itself up only with both done, and a failure still stops the start.
 */
@Component
public class SetUpAlongsideDeployment {

  private final ApplicationContext context;
  private final ProposalAuthorizations authorizations;
  private final TasklistFilters filters;
  private final ObjectProvider<DemoUsers> demoUsers;
  private volatile CompletableFuture<Void> setUp = CompletableFuture.completedFuture(null);

  public SetUpAlongsideDeployment(ApplicationContext context, ProposalAuthorizations authorizations,
      TasklistFilters filters, ObjectProvider<DemoUsers> demoUsers) {
    this.context = context;
    this.authorizations = authorizations;
    this.filters = filters;
    this.demoUsers = demoUsers;
  }

  /** Before the process application's own listener, which deploys on this event. */
  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void start(ContextRefreshedEvent event) {
    if (event.getApplicationContext() != context) {
      return;
    }
    setUp = CompletableFuture.runAsync(() -> {
      authorizations.ensure();
      demoUsers.ifAvailable(DemoUsers::seed);
      filters.ensureFilters();
    }, work -> {
      Thread thread = new Thread(work, "set-up-identity");
      thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
      thread.start();
    });
  }

  @EventListener(PostDeployEvent.class)
  public void awaitSetUp() {
    try {
      setUp.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
