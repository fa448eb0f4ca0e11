package org.proposalflow.consortium;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.proposalflow.identity.ProposalGroups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The partner register, read-only: {@code GET /api/partners} lists the organisations (for the
 * cluster's writers and managers, the portfolio managers and administrators);
 * {@code GET /api/partners/{code}} adds the organisation's history, limited to the proposals of the
 * caller's clusters (portfolio managers and administrators see all).
 */
@RestController
@RequestMapping("/api/partners")
public class PartnerRegisterApi {


  private final PartnerRegister register;
  private final IdentityService identityService;

  public PartnerRegisterApi(PartnerRegister register, IdentityService identityService) {
    this.register = register;
    this.identityService = identityService;
  }

  /** An organisation with the proposals it was invited to that the caller may see. */
  public record OrganisationWithHistory(PartnerOrganisation organisation, List<PartnerRegister.Participation> history) {
  }

  @GetMapping
  public List<PartnerOrganisation> all() {
    visibleClusters();
    return register.all();
  }

  @GetMapping("/{code}")
  public OrganisationWithHistory one(@PathVariable String code) {
    List<String> clusters = visibleClusters();
    PartnerOrganisation organisation = register.find(code)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "code: no organisation " + code));
    return new OrganisationWithHistory(organisation, register.history(code, clusters));
  }

  /** Null: every cluster. */
  private List<String> visibleClusters() {
    List<String> clusters = ProposalGroups.clustersOf(identityService.getCurrentAuthentication(), true);
    if (clusters != null && clusters.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the partner register is for the clusters' writers and managers");
    }
    return clusters;
  }
}
