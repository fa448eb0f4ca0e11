package org.proposalflow.portfolio;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.User;
import org.proposalflow.identity.ProposalGroups;
import org.proposalflow.notification.NotificationTemplates;
import org.proposalflow.notification.Notifier;
import org.proposalflow.notification.Recipients;
import org.proposalflow.portfolio.Portfolio.AtRisk;
import org.proposalflow.portfolio.Portfolio.Figures;
import org.proposalflow.proposal.Cluster;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Service;

/**
 * The Monday digest: the portfolio managers get the whole portfolio, each cluster manager their
 * clusters (one e-mail however many clusters they manage), through the notification outbox.
 */
@Service
public class WeeklyDigest {

  static final int AT_RISK_LINES = 20;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

  private final PortfolioService portfolio;
  private final PortfolioQueries queries;
  private final Recipients recipients;
  private final Notifier notifier;
  private final NotificationTemplates templates;

  public WeeklyDigest(PortfolioService portfolio, PortfolioQueries queries, Recipients recipients, Notifier notifier,
      NotificationTemplates templates) {
    this.portfolio = portfolio;
    this.queries = queries;
    this.recipients = recipients;
    this.notifier = notifier;
    this.templates = templates;
  }

  /** Records one digest per manager; returns how many. */
  public int send(String processInstanceId) {
    Map<String, User> people = new LinkedHashMap<>();
    Map<String, List<String>> clustersOf = new LinkedHashMap<>();
    for (User manager : recipients.of(List.of(), List.of(ProposalGroups.PORTFOLIO_MANAGERS))) {
      people.put(manager.getId(), manager);
      clustersOf.put(manager.getId(), null);
    }
    for (Cluster cluster : Cluster.values()) {
      for (User manager : recipients.of(List.of(), List.of(cluster.managersGroup()))) {
        if (!clustersOf.containsKey(manager.getId()) || clustersOf.get(manager.getId()) != null) {
          people.put(manager.getId(), manager);
          clustersOf.computeIfAbsent(manager.getId(), id -> new ArrayList<>()).add(cluster.code());
        }
      }
    }
    Instant now = Inputs.now();
    LocalDate today = LocalDate.ofInstant(now, Inputs.PEOPLE_ZONE);
    Map<List<String>, Content> contents = new HashMap<>();
    people.forEach((id, manager) -> {
      List<String> clusters = clustersOf.get(id);
      Content content = contents.computeIfAbsent(clusters == null ? List.of() : clusters,
          key -> content(clusters, today, now));
      notifier.portfolioDigest(processInstanceId, manager, language -> values(content, language));
    });
    return people.size();
  }

  private record Content(List<String> clusters, LocalDate today, Portfolio portfolio, long newIdeas,
      long newSubmissions) {
  }

  private Content content(List<String> clusters, LocalDate today, Instant now) {
    Portfolio figures = portfolio.portfolio(PortfolioFilter.targetPeriod(today, clusters));
    Instant weekAgo = now.minus(Duration.ofDays(7));
    long newIdeas = queries.total(new PortfolioFilter(today.minusDays(7), today.plusDays(1), clusters, null)).launched();
    return new Content(clusters, today, figures, newIdeas, queries.submittedBetween(clusters, weekAgo, now));
  }

  Map<String, String> values(Content content, String language) {
    Figures total = content.portfolio().total();
    Map<String, String> values = new HashMap<>();
    values.put("scope", content.clusters() == null ? templates.phrase("digest.scope.all", language)
        : content.clusters().stream().map(code -> clusterName(code, language)).collect(Collectors.joining(", ")));
    values.put("date", DATE.format(content.today()));
    values.put("week", Integer.toString(content.today().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    values.put("from", DATE.format(content.portfolio().filter().from()));
    values.put("newIdeas", Long.toString(content.newIdeas()));
    values.put("newSubmissions", Long.toString(content.newSubmissions()));
    values.put("launched", Long.toString(total.launched()));
    values.put("screened", Long.toString(total.screened()));
    values.put("submitted", Long.toString(total.submitted()));
    values.put("funded", Long.toString(total.funded()));
    values.put("rejected", Long.toString(total.rejected()));
    values.put("reserve", Long.toString(total.reserve()));
    values.put("withdrawn", Long.toString(total.withdrawn()));
    values.put("successRate", percent(total.successRate()));
    values.put("requested", euros(total.requestedEuros()));
    values.put("granted", euros(total.grantedEuros()));
    values.put("regional", euros(total.regionalEuros()));
    values.put("targets", content.portfolio().targets().stream()
        .map(t -> "- " + templates.phrase("digest.target." + t.target(), language) + ": "
            + amount(t.target(), t.actual()) + " / " + amount(t.target(), t.goal()) + " (" + percent(t.share()) + ")")
        .collect(Collectors.joining("\n")));
    values.put("clusters", content.portfolio().clusters().stream()
        .map(c -> "- " + clusterName(c.cluster(), language) + ": " + c.figures().launched() + " / "
            + c.figures().submitted() + " / " + c.figures().funded() + " (" + templates.phrase("digest.clusterColumns", language)
            + "), "
            + euros(c.figures().regionalEuros()) + " €")
        .collect(Collectors.joining("\n")));
    List<AtRisk> atRisk = content.portfolio().atRisk();
    values.put("atRiskCount", Integer.toString(atRisk.size()));
    List<String> lines = atRisk.stream().limit(AT_RISK_LINES)
        .map(p -> "- " + p.reference() + " " + p.acronym() + " (" + clusterName(p.cluster(), language) + ", "
            + p.stage().toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + String.join("; ", p.risks()))
        .collect(Collectors.toCollection(ArrayList::new));
    if (atRisk.size() > AT_RISK_LINES) {
      lines.add(templates.phrase("digest.moreAtRisk", language, atRisk.size() - AT_RISK_LINES));
    }
    values.put("atRisk", lines.isEmpty() ? templates.phrase("digest.nothingAtRisk", language) : String.join("\n", lines));
    return values;
  }

  private static String clusterName(String code, String language) {
    Cluster cluster = Cluster.fromCode("cluster", code);
    return "fi".equals(language) ? cluster.finnishName() : cluster.englishName();
  }

  private static String amount(String target, BigDecimal value) {
    return target.startsWith("euros") ? euros(value) + " €" : value.stripTrailingZeros().toPlainString();
  }

  static String euros(BigDecimal value) {
    return String.format(Locale.ROOT, "%,.0f", value).replace(',', ' ');
  }

  private static String percent(Double share) {
    return share == null ? "-" : Math.round(share * 100) + " %";
  }
}
