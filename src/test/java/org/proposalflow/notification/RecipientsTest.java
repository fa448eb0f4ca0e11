package org.proposalflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** Who an e-mail goes to: named users and the members of groups, each once, found as the application. */
class RecipientsTest extends ProcessTestSupport {

  @Autowired
  private Recipients recipients;

  @Test
  void namedUsersComeFirstThenTheGroupsMembersByIdEachOnce() {
    List<User> people = recipients.of(List.of("helmi", "nobody", "eero"),
        List.of("industryWriters", "industryManagers", "noSuchGroup"));

    assertThat(people).extracting(User::getId).containsExactly("helmi", "eero", "aino");
    assertThat(people.get(0).getEmail()).isEqualTo("helmi.jokivaara@proposalflow.example");
  }

  @Test
  void groupsAloneGiveTheirMembersAcrossGroups() {
    assertThat(recipients.of(List.of(), List.of("portfolioManagers", "industryWriters"))).extracting(User::getId)
        .containsExactly("aino", "antero", "demo", "eero", "marja");
  }

  @Test
  void nobodyNamedIsNobody() {
    assertThat(recipients.of(List.of(), List.of())).isEmpty();
    assertThat(recipients.of(List.of("nobody"), List.of())).isEmpty();
  }

  @Test
  void aPersonsStepFindsTheRecipientsThePersonMayNotRead() {
    List<User> people =
        insideAStepOfSomeoneWithoutRights(command -> recipients.of(List.of(), List.of("industryWriters")));

    assertThat(people).extracting(User::getId).containsExactly("aino", "eero");
  }
}
