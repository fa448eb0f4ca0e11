package org.proposalflow.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.MembershipEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.proposalflow.platform.WithoutAuthorizationChecks;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Finds the people behind user and group ids, whoever's step needs them (as the application). One
 * native query reads them all: the engine's user query builds its long statement anew for each call,
 * once per group, in every step that e-mails a task's candidates.
 */
@Component
public class Recipients {

  private final IdentityService identityService;
  private final ManagementService managementService;
  private volatile Tables tables;

  private record Tables(String users, String memberships) {
  }

  /** Lazy: the engine's task listeners depend on this bean, and the engine is built after them. */
  public Recipients(@Lazy IdentityService identityService, @Lazy ManagementService managementService) {
    this.identityService = identityService;
    this.managementService = managementService;
  }

  /** The users with the given ids, in that order, then the other members of the given groups by id, each once. */
  public List<User> of(Collection<String> userIds, Collection<String> groupIds) {
    if (userIds.isEmpty() && groupIds.isEmpty()) {
      return List.of();
    }
    List<User> found = WithoutAuthorizationChecks.get(() -> query(List.copyOf(userIds), List.copyOf(groupIds)).list());
    Map<String, User> byId = new LinkedHashMap<>();
    found.stream().sorted(Comparator.comparing(User::getId)).forEach(user -> byId.put(user.getId(), user));
    List<User> people = new ArrayList<>();
    for (String userId : userIds) {
      User named = byId.remove(userId);
      if (named != null) {
        people.add(named);
      }
    }
    people.addAll(byId.values());
    return List.copyOf(people);
  }

  private NativeUserQuery query(List<String> userIds, List<String> groupIds) {
    Tables names = tables();
    List<String> conditions = new ArrayList<>();
    if (!userIds.isEmpty()) {
      conditions.add("PERSON.ID_ in (" + parameters("user", userIds.size()) + ")");
    }
    if (!groupIds.isEmpty()) {
      conditions.add("PERSON.ID_ in (select MEMBER.USER_ID_ from " + names.memberships() + " MEMBER"
          + " where MEMBER.GROUP_ID_ in (" + parameters("group", groupIds.size()) + "))");
    }
    NativeUserQuery query = identityService.createNativeUserQuery()
        .sql("select PERSON.* from " + names.users() + " PERSON where " + String.join(" or ", conditions));
    for (int i = 0; i < userIds.size(); i++) {
      query.parameter("user" + i, userIds.get(i));
    }
    for (int i = 0; i < groupIds.size(); i++) {
      query.parameter("group" + i, groupIds.get(i));
    }
    return query;
  }

  private static String parameters(String name, int count) {
    return IntStream.range(0, count).mapToObj(i -> "#{" + name + i + "}").collect(Collectors.joining(", "));
  }

  /** The user and membership tables' names (with the configured prefix), read once the engine runs. */
  private Tables tables() {
    if (tables == null) {
      tables = new Tables(managementService.getTableName(UserEntity.class),
          managementService.getTableName(MembershipEntity.class));
    }
    return tables;
  }
}
