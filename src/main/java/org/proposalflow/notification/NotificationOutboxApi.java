package org.proposalflow.notification;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalflow.identity.ProposalGroups;
import org.proposalflow.validation.Inputs;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The operator's view of the outbox: what is pending or failed, and a retry for failed e-mails. */
@RestController
@RequestMapping("/api/notifications")
public class NotificationOutboxApi {

  private static final String ADMINISTRATORS = ProposalGroups.ADMINISTRATORS;

  private final NotificationOutbox outbox;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public NotificationOutboxApi(NotificationOutbox outbox, RuntimeService runtimeService,
      IdentityService identityService) {
    this.outbox = outbox;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** Operators only: the outbox holds everyone's mail. */
  @ModelAttribute
  void requireAdministrator() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(ADMINISTRATORS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the notification outbox is for administrators");
    }
  }

  @GetMapping("/summary")
  public Map<String, Long> summary() {
    return outbox.countByStatus();
  }

  @GetMapping
  public List<OutboxEntry> list(@RequestParam(defaultValue = OutboxEntry.FAILED) String status,
      @RequestParam(defaultValue = "100") int limit) {
    if (!List.of(OutboxEntry.PENDING, OutboxEntry.SENT, OutboxEntry.FAILED).contains(status)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status: one of PENDING, SENT, FAILED");
    }
    return outbox.list(status, Math.max(1, Math.min(limit, 1000)));
  }

  /** Sends a failed e-mail again from the start of its retry schedule, and resolves its incident. */
  @PostMapping("/{id}/retry")
  public Map<String, Object> retry(@PathVariable long id) {
    String incident = outbox.incidentOf(id);
    if (!outbox.retry(id, Inputs.now())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no failed notification " + id);
    }
    if (incident != null && runtimeService.createIncidentQuery().incidentId(incident).count() > 0) {
      runtimeService.resolveIncident(incident);
    }
    return Map.of("id", id, "status", OutboxEntry.PENDING);
  }
}
