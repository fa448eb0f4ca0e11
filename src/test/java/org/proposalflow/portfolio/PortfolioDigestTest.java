package org.proposalflow.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.notification.NotificationDelivery;
import org.proposalflow.notification.NotificationSettings;
import org.proposalflow.notification.TestSmtp;
import org.proposalflow.proposal.Cluster;
import org.proposalflow.proposal.ProposalStage;
import org.proposalflow.validation.Inputs;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Monday digest, from the timer of {@code portfolio-digest} to the mailbox of a real SMTP server:
 * a hand-counted portfolio of 2040-2041 (years no other test uses), read on Monday 4 March 2041.
 */
class PortfolioDigestTest extends ProcessTestSupport {

  private static final String MONDAY_MORNING = "2041-03-04T07:00+02:00";

  @Autowired
  private ManagementService managementService;
  @Autowired
  private NotificationDelivery delivery;
  @Autowired
  private NotificationSettings settings;
  private GreenMail smtp;

  @BeforeEach
  void fourProposalsAndAnEmptyMailbox() throws Exception {
    if (records.find("PF-2040-0001").isEmpty()) {
      PortfolioFixtures fixtures = new PortfolioFixtures(records);
      PortfolioFixtures.at("2040-02-01T10:00+02:00");
      fixtures.launch("PF-2040-0001", Cluster.INDUSTRY, "horizonEurope", "2040-09-01T17:00+03:00");
      fixtures.submitted("PF-2040-0001", "2000000", "2040-08-30T12:00+03:00", ProposalStage.GRANT_PREPARATION);
      records.recordFunded("PF-2040-0001", new BigDecimal("1500000"), new BigDecimal("400000"));
      records.updateStage("PF-2040-0001", ProposalStage.FUNDED);
      PortfolioFixtures.at("2040-03-01T10:00+02:00");
      fixtures.launch("PF-2040-0002", Cluster.DESIGN, "erasmusPlus", "2040-06-01T17:00+03:00");
      fixtures.submitted("PF-2040-0002", "300000", "2040-05-30T12:00+03:00", ProposalStage.NOT_FUNDED);
      records.recordRejected("PF-2040-0002", null, "Below threshold.");
      PortfolioFixtures.at("2041-01-10T10:00+02:00");
      fixtures.launch("PF-2041-0001", Cluster.RURAL, "interregAurora", "2041-04-01T17:00+03:00");
      PortfolioFixtures.at("2041-02-28T12:00+02:00");
      fixtures.submitted("PF-2041-0001", "500000", "2041-02-28T12:00+02:00", ProposalStage.AWAITING_OUTCOME);
      PortfolioFixtures.at("2041-02-27T10:00+02:00");
      fixtures.launch("PF-2041-0002", Cluster.INDUSTRY, "life", "2041-03-20T17:00+02:00");
      fixtures.screened("PF-2041-0002", ProposalStage.PARTNER_SEARCH);
      ClockUtil.reset();
    }
    smtp = TestSmtp.startWithEmptyOutbox(delivery);
  }

  @AfterEach
  void stop() {
    ClockUtil.reset();
    smtp.stop();
  }

  @Test
  void theDigestIsPlannedForMondaysAtSevenInLaplandsTime() {
    Job timer = digestTimer();

    ZonedDateTime due = timer.getDuedate().toInstant().atZone(Inputs.PEOPLE_ZONE);
    assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(due.toLocalTime()).hasToString("07:00");
  }

  @Test
  void portfolioManagersGetEveryClusterAndEachClusterManagerTheirOwn() throws Exception {
    settings.save("venla", new NotificationSettings.Setting(true, "fi"));
    try {
      Map<String, String> mails = digestsByRecipient();

      assertThat(mails).containsKeys("marja.tunturikoski@proposalflow.example", "antero.kairaniemi@proposalflow.example",
          "helmi.jokivaara@proposalflow.example", "venla.aapajarvi@proposalflow.example",
          "oskari.tunturila@proposalflow.example", "niilo.jangala@proposalflow.example",
          "unna.ruskovaara@proposalflow.example");
      String marja = mails.get("marja.tunturikoski@proposalflow.example");
      assertThat(marja).startsWith("Proposal portfolio, week 10: 3 submitted, 1 funded, 1 at risk")
          .contains("all clusters on 4.3.2041, ideas launched since 1.1.2040")
          .contains("Last 7 days: 1 new ideas, 1 proposals submitted.")
          .contains("Launched 4, screened 4, submitted 3, funded 1, rejected 1, on the reserve list 0, withdrawn 0.")
          .contains("Success rate (funded of decided): 50 %")
          .contains("Requested 2 800 000 euros, granted 1 500 000 euros, to Lapland 400 000 euros.")
          .contains("- Proposals funded: 1 / 19 (5 %)")
          .contains("- Euros to the region: 400 000 € / 6 000 000 € (7 %)")
          .contains("- Arctic Industry and Circular Economy: 2 / 1 / 1", "- Arctic Design: 1 / 1 / 0",
              "- Arctic Smart Rural Community: 1 / 1 / 0")
          .contains("- PF-2041-0002 P2 (Arctic Industry and Circular Economy, partner search): "
              + "consortium not settled 16 days before the deadline");

      String helmi = mails.get("helmi.jokivaara@proposalflow.example");
      assertThat(helmi).startsWith("Proposal portfolio, week 10: 1 submitted, 1 funded, 1 at risk")
          .contains("Launched 2, screened 2, submitted 1, funded 1, rejected 0")
          .contains("Last 7 days: 1 new ideas, 0 proposals submitted.")
          .contains("Success rate (funded of decided): 100 %")
          .contains("PF-2041-0002")
          .doesNotContain("Arctic Design", "Rural");

      String venla = mails.get("venla.aapajarvi@proposalflow.example");
      assertThat(venla).startsWith("Hakemussalkku, viikko 10: 1 jätetty, 0 rahoitettu, 0 riskissä")
          .contains("Käynnistetty 1, seulottu 1, jätetty 1, rahoitettu 0, hylätty 1")
          .contains("- Arktinen muotoilu: 1 / 1 / 0")
          .contains("Ei riskissä olevia hakemuksia.")
          .doesNotContain("PF-2041", "teollisuus");

      assertThat(mails.get("niilo.jangala@proposalflow.example")).contains("Launched 0,")
          .contains("Success rate (funded of decided): -");
    } finally {
      settings.save("venla", new NotificationSettings.Setting(true, "en"));
    }
  }

  /** Fires the Monday timer at 07:00 on 4 March 2041, runs the digest step, delivers the outbox. */
  private Map<String, String> digestsByRecipient() throws Exception {
    PortfolioFixtures.at(MONDAY_MORNING);
    managementService.executeJob(digestTimer().getId());
    Job digestStep = managementService.createJobQuery().processDefinitionKey("portfolio-digest").messages()
        .singleResult();
    managementService.executeJob(digestStep.getId());
    delivery.deliverDue();
    return Arrays.stream(smtp.getReceivedMessages())
        .collect(Collectors.toMap(PortfolioDigestTest::recipient, PortfolioDigestTest::subjectAndBody));
  }

  private Job digestTimer() {
    return managementService.createJobQuery().processDefinitionKey("portfolio-digest").timers().singleResult();
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subjectAndBody(MimeMessage message) {
    try {
      return message.getSubject() + "\n" + message.getContent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
