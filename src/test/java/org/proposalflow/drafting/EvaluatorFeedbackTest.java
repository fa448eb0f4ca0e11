package org.proposalflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorFeedbackTest {

  private final List<ProgrammeRules.Section> horizon = new ProgrammeRules().of("horizonEurope").sections();

  @Test
  void linesNamingASectionGoToItAndTheRestToEverySection() {
    var split = EvaluatorFeedback.perSection(horizon, """
        1. Excellence: ambitious, but the state of the art is thin.
        impact: no figures for the regional uptake.

        Overall a well-written proposal.""");

    assertThat(split).containsExactly(
        Map.entry("excellence", "1. Excellence: ambitious, but the state of the art is thin.\n"
            + "Overall a well-written proposal."),
        Map.entry("impact", "impact: no figures for the regional uptake.\nOverall a well-written proposal."),
        Map.entry("implementation", "Overall a well-written proposal."),
        Map.entry("budgetForms", "Overall a well-written proposal."));
  }

  @Test
  void aSectionTheFeedbackDoesNotMentionGetsNothingWhenThereIsNoGeneralLine() {
    var split = EvaluatorFeedback.perSection(horizon, "Impact: vague pathway.");

    assertThat(split.get("impact")).isEqualTo("Impact: vague pathway.");
    assertThat(split.get("excellence")).isNull();
    assertThat(split).hasSize(4);
  }

  @Test
  void aWordThatOnlyStartsLikeASectionIsGeneral() {
    var split = EvaluatorFeedback.perSection(horizon, "Impactful work, but late.");

    assertThat(split.values()).containsOnly("Impactful work, but late.");
  }
}
