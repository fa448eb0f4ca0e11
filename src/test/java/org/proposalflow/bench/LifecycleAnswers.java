package org.proposalflow.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.proposalflow.drafting.DraftingAnswers;

/**
 * What the people of a benchmark lifecycle (idea to funded) enter at each step, as Tasklist's forms
 * send it, and for the bare twin also what the application would have set, since no application runs
 * its models. The bare twin's dates are {@link OffsetDateTime}s, which each driver passes on as its
 * API takes dates.
 */
final class LifecycleAnswers {

  /** One user task: who completes it, with what. */
  record Step(String activityId, String user, Map<String, Object> variables) {
  }

  private LifecycleAnswers() {
  }

  /** That many days from now at UTC+2, to the minute, as the forms send times. */
  static OffsetDateTime inDays(int days) {
    return OffsetDateTime.now(ZoneOffset.ofHours(2)).plusDays(days).withSecond(0).withNano(0);
  }

  static String bareBusinessKey(int number) {
    return "BARE-" + number;
  }

  /** The start form of a new idea. */
  static Map<String, Object> idea(int number, OffsetDateTime deadline, boolean bare) {
    Map<String, Object> idea = new HashMap<>();
    idea.put("title", "Heat reuse of Arctic data centres " + number);
    idea.put("acronym", "HEAT" + number);
    idea.put("cluster", "industry");
    idea.put("summary", "Waste heat of data centres warms greenhouses, with partners in Sweden and Norway.");
    idea.put("programme", "horizonEurope");
    idea.put("callIdentifier", "HORIZON-CL5-2027-D4-01");
    idea.put("callDeadline", deadline.toString());
    idea.put("estimatedBudget", 3_500_000);
    idea.put("regionalShare", 700_000);
    idea.put("leadOrganisation", "Digipolis");
    idea.put("contactPerson", "Aino");
    idea.put("contactEmail", "aino.kivikaamos@proposalflow.example");
    if (bare) {
      // what the application's first step would have written
      idea.put("reference", bareBusinessKey(number));
      idea.put("clusterName", "Arctic Industry and Circular Economy");
      idea.put("callDeadline", deadline);
    }
    return idea;
  }

  static Step screening() {
    return new Step("Task_ScreenIdea", "helmi", Map.of("screeningDecision", "go"));
  }

  static Step partnerChoice(OffsetDateTime deadline, boolean bare) {
    Map<String, Object> choice = new HashMap<>(Map.of("candidateAction", "invite", "coordinator", "DIGIPOLIS",
        "beneficiaries", "NORRBOTTEN-MINING-LAB,TROMSO-ARCTIC-DESIGN",
        "responseDeadline", deadline.minusDays(45).toString()));
    if (bare) {
      // what the application's partner-search listeners and the consortium aggregation would have set
      choice.put("candidates", new ArrayList<>(List.of("DIGIPOLIS", "NORRBOTTEN-MINING-LAB", "TROMSO-ARCTIC-DESIGN")));
      choice.put("partnerResponseDeadline", deadline.minusDays(45));
      choice.putAll(Map.of("actionType", "ria", "countingEntities", 3, "eligibleCountries", 3, "memberStateCountries", 2,
          "programmeCountries", 3, "consortiumEligible", true, "partnerDeadlinePassed", false));
    }
    return new Step("Task_ChoosePartners", "aino", choice);
  }

  /** Each invited partner's answer, recorded by the writer. */
  static Map<String, Object> partnerAnswer(String taskId) {
    return Map.of("partnerAnswer", "confirmed", "commitmentLetter", "LoC-" + taskId);
  }

  /** "Plan the writing": aino owns every offered section; the bare twin also gets what the planning would have set. */
  static Step sectionPlan(Object offeredPlan, String key, OffsetDateTime deadline, List<String> sectionCodes,
      boolean bare) {
    Map<String, Object> plan = new HashMap<>(DraftingAnswers.plan(offeredPlan, documents(key), List.of("aino")));
    if (bare) {
      // what the application's planning and each section's start would have set
      plan.putAll(Map.of("sectionCodes", new ArrayList<>(sectionCodes), "sectionsToWrite", true, "sectionOwner", "aino",
          "sectionDue", deadline.minusDays(7), "sectionReminderAt", deadline.minusDays(10), "proposalLead", "aino",
          "budgetNeeded", true));
    }
    return new Step("Task_PlanWriting", "aino", plan);
  }

  /** "Prepare the budget": the same direct costs for every offered partner. */
  static Step budget(Object offeredLines) {
    return new Step("Task_PrepareBudget", "aino", DraftingAnswers.budget(offeredLines, new BigDecimal(300_000),
        BigDecimal.ZERO, new BigDecimal(60_000)));
  }

  /** "Write section": five pages, ready for review. */
  static Map<String, Object> section(String key, String taskId) {
    return DraftingAnswers.section(documents(key) + "/" + taskId, 5, true);
  }

  /** "Review the sections": helmi approves every offered section; the bare twin also gets what the checks would have found. */
  static Step review(Object offeredReviews, boolean bare) {
    Map<String, Object> review = new HashMap<>(DraftingAnswers.review(offeredReviews, Map.of()));
    if (bare) {
      // what the review and the compliance check would have found
      review.putAll(Map.of("sectionsApproved", true, "compliant", true));
    }
    return new Step("Task_ReviewSections", "helmi", review);
  }

  private static String documents(String key) {
    return "https://docs.proposalflow.example/" + key;
  }

  /** After the drafting: approval, submission, outcome, grant agreement. */
  static List<Step> afterDrafting(int number) {
    return List.of(
        new Step("Task_FinalApproval", "helmi", Map.of("approvalDecision", "approve")),
        new Step("Task_SubmitToFunder", "aino", Map.of("submissionId", "SEP-" + (700_000_000 + number),
            "submittedAt", OffsetDateTime.now(ZoneOffset.ofHours(2)).minusMinutes(5).withSecond(0).withNano(0).toString(),
            "requestedBudget", 3_400_000)),
        new Step("Task_AwaitOutcome", "aino", Map.of("outcome", "funded", "grantedAmount", 3_000_000,
            "grantedRegionalShare", 500_000)),
        new Step("Task_PrepareGrantAgreement", "aino", Map.of("grantAgreementNumber", "10" + (1_000_000 + number),
            "projectStartDate", LocalDate.now().plusMonths(3).toString())));
  }
}
