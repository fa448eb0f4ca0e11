package org.proposalflow.drafting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.proposalflow.proposal.Programme;
import org.springframework.stereotype.Component;

/**
 * How a proposal is written for each programme: sections, page limit, flat rate of indirect costs,
 * funding rates and cap. Data in {@code drafting/programmes.json}, not code.
 */
@Component
public class ProgrammeRules {

  /** What indirect costs are a flat rate of. */
  public enum IndirectBase {
    /** Personnel, other direct costs: everything except subcontracting (Horizon Europe's 25 %). */
    directExceptSubcontracting,
    /** Staff costs only (Interreg's office and administration 15 %). */
    personnel
  }

  public record Section(String code, String title) {
  }

  public record Profile(String programme, List<Section> sections, int pageLimit, BigDecimal indirectRate,
      IndirectBase indirectBase, BigDecimal fundingRate, Map<String, BigDecimal> forProfitFundingRates,
      BigDecimal contributionCap) {

    /** The share of eligible costs the funder pays to a partner of this kind in this action type. */
    public BigDecimal fundingRate(String actionType, boolean forProfit) {
      BigDecimal special = forProfit ? forProfitFundingRates.get(actionType) : null;
      return special != null ? special : fundingRate;
    }
  }

  private final Map<String, Profile> profiles = new HashMap<>();
  private final int firstDraftDaysBefore;
  private final int finalDaysBefore;

  public ProgrammeRules() {
    this("/drafting/programmes.json");
  }

  ProgrammeRules(String resource) {
    try (InputStream in = ProgrammeRules.class.getResourceAsStream(resource)) {
      JsonNode root = new ObjectMapper().readTree(in);
      firstDraftDaysBefore = root.path("firstDraftDaysBefore").asInt(21);
      finalDaysBefore = root.path("finalDaysBefore").asInt(7);
      root.path("programmes").fields().forEachRemaining(entry -> profiles.put(entry.getKey(),
          profile(entry.getKey(), entry.getValue(), root.path("sectionSets"))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    for (String code : Programme.codes()) {
      if (!profiles.containsKey(code)) {
        throw new IllegalStateException(resource + " has no drafting rules for programme " + code);
      }
    }
  }

  public Profile of(String programme) {
    Profile profile = profiles.get(programme);
    if (profile == null) {
      throw new IllegalArgumentException("no drafting rules for programme " + programme);
    }
    return profile;
  }

  public int firstDraftDaysBefore() {
    return firstDraftDaysBefore;
  }

  public int finalDaysBefore() {
    return finalDaysBefore;
  }

  private static Profile profile(String programme, JsonNode node, JsonNode sectionSets) {
    JsonNode sectionNodes = node.path("sections").isTextual() ? sectionSets.path(node.path("sections").asText())
        : node.path("sections");
    List<Section> sections = new ArrayList<>();
    sectionNodes.forEach(s -> sections.add(new Section(s.path("code").asText(), s.path("title").asText())));
    if (sections.isEmpty()) {
      throw new IllegalStateException("programme " + programme + " has no sections");
    }
    Map<String, BigDecimal> forProfit = new HashMap<>();
    node.path("forProfitFundingRates").fields()
        .forEachRemaining(rate -> forProfit.put(rate.getKey(), rate.getValue().decimalValue()));
    return new Profile(programme, List.copyOf(sections), node.path("pageLimit").asInt(),
        node.path("indirectRate").decimalValue(), IndirectBase.valueOf(node.path("indirectBase").asText()),
        node.path("fundingRate").decimalValue(), Map.copyOf(forProfit), node.path("contributionCap").decimalValue());
  }
}
