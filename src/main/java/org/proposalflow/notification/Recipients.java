package org.proposalflow.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.proposalflow.platform.WithoutAuthorizationChecks;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Finds the people behind user and group ids, whoever's step needs them (as the application). */
@Component
public class Recipients {

  private final IdentityService identityService;

  /** Lazy: the engine's task listeners depend on this bean, and the engine is built after them. */
  public Recipients(@Lazy IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The users with the given ids and the members of the given groups, each once, in a stable order. */
  public List<User> of(Collection<String> userIds, Collection<String> groupIds) {
    return WithoutAuthorizationChecks.get(() -> find(userIds, groupIds));
  }

  private List<User> find(Collection<String> userIds, Collection<String> groupIds) {
    Map<String, User> people = new LinkedHashMap<>();
    if (!userIds.isEmpty()) {
      Map<String, User> found = new LinkedHashMap<>();
      for (User user : identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()) {
        found.put(user.getId(), user);
      }
      for (String userId : userIds) {
        User user = found.get(userId);
        if (user != null) {
          people.putIfAbsent(userId, user);
        }
      }
    }
    for (String groupId : groupIds) {
      for (User member : identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()) {
        people.putIfAbsent(member.getId(), member);
      }
    }
    return List.copyOf(people.values());
  }
}
