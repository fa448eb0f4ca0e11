package org.proposalflow.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.proposalflow.proposal.Cluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fictional demo people at the real cluster organisations, for the local default run.
 * The password equals the user id, as in Camunda's own demo. Creates only what is missing.
 */
@Component
@ConditionalOnProperty(name = "proposal-flow.demo.users", havingValue = "true")
public class DemoUsers {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  record DemoUser(String id, String firstName, String lastName, String organisation, List<String> groups) {
    String email() {
      return ascii(firstName) + "." + ascii(lastName) + "@proposalflow.example";
    }

    /** Jängälä becomes jangala: addresses stay plain ASCII, which every mail server accepts. */
    private static String ascii(String name) {
      return java.text.Normalizer.normalize(name.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
          .replaceAll("\\p{M}", "");
    }
  }

  static final List<DemoUser> USERS = List.of(
      writer("aino", "Aino", "Kivikaamos", Cluster.INDUSTRY),
      writer("eero", "Eero", "Rantalumi", Cluster.INDUSTRY),
      manager("helmi", "Helmi", "Jokivaara", Cluster.INDUSTRY),
      writer("juho", "Juho", "Peltotunturi", Cluster.RURAL),
      writer("liisa", "Liisa", "Kaarnakero", Cluster.RURAL),
      manager("oskari", "Oskari", "Tunturila", Cluster.RURAL),
      writer("saara", "Saara", "Revontuli", Cluster.DESIGN),
      writer("tuomas", "Tuomas", "Kelovaara", Cluster.DESIGN),
      manager("venla", "Venla", "Aapajärvi", Cluster.DESIGN),
      writer("ilmari", "Ilmari", "Poroniemi", Cluster.DEVELOPMENT),
      writer("kerttu", "Kerttu", "Lumikero", Cluster.DEVELOPMENT),
      manager("niilo", "Niilo", "Jängälä", Cluster.DEVELOPMENT),
      writer("ronja", "Ronja", "Kaamasvaara", Cluster.SECURITY),
      writer("topias", "Topias", "Hallaniemi", Cluster.SECURITY),
      manager("unna", "Unna", "Ruskovaara", Cluster.SECURITY),
      new DemoUser("marja", "Marja", "Tunturikoski", "Regional Council of Lapland", List.of(ProposalGroups.PORTFOLIO_MANAGERS)),
      new DemoUser("antero", "Antero", "Kairaniemi", "Regional Council of Lapland", List.of(ProposalGroups.PORTFOLIO_MANAGERS)));

  private final IdentityService identityService;

  public DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** After {@link ProposalAuthorizations} has created the groups; in one transaction, reading what exists once. */
  @Transactional
  public void seed() {
    Set<String> existing = identityService.createUserQuery()
        .userIdIn(USERS.stream().map(DemoUser::id).toArray(String[]::new)).list().stream()
        .map(User::getId).collect(Collectors.toSet());
    Map<String, Set<String>> members = new HashMap<>();
    for (DemoUser demo : USERS) {
      if (!existing.contains(demo.id())) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.email());
        user.setPassword(demo.id());
        identityService.saveUser(user);
      }
      for (String group : demo.groups()) {
        ensureMembership(members, demo.id(), group);
      }
    }
    // the administrator of the demo also sees what portfolio managers see
    if (identityService.createUserQuery().userId("demo").count() == 1) {
      ensureMembership(members, "demo", ProposalGroups.PORTFOLIO_MANAGERS);
    }
    log.info("Demo users ready: {} people in {} groups", USERS.size(), ProposalGroups.all().size());
  }

  private void ensureMembership(Map<String, Set<String>> members, String userId, String groupId) {
    Set<String> groupMembers = members.computeIfAbsent(groupId, group -> identityService.createUserQuery()
        .memberOfGroup(group).list().stream().map(User::getId).collect(Collectors.toSet()));
    if (groupMembers.add(userId)) {
      identityService.createMembership(userId, groupId);
    }
  }

  private static DemoUser writer(String id, String first, String last, Cluster cluster) {
    return new DemoUser(id, first, last, cluster.coordinator(), List.of(cluster.writersGroup()));
  }

  private static DemoUser manager(String id, String first, String last, Cluster cluster) {
    return new DemoUser(id, first, last, cluster.coordinator(), List.of(cluster.managersGroup()));
  }
}
