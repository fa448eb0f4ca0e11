package org.proposalflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.proposalflow.HeadlessBrowser;
import org.proposalflow.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Plan the writing" completed in Tasklist in a real headless Chromium: a form with a dynamic list
 * of sections, which Tasklist 7.24 alone would never let complete (see
 * tasklist/proposal-flow/dynamic-list-validation.js).
 */
class TasklistDraftingFormTest extends ProcessTestSupport {

  @LocalServerPort
  private int port;
  @Autowired
  private DraftingRecords drafting;

  @Test
  void theLeadPlansTheWritingInTasklist() throws Exception {
    ProcessInstance proposal = proposalInDrafting();
    Task plan = openTask(proposal, "Task_PlanWriting");
    taskService.claim(plan.getId(), "aino");

    JsonNode seen = HeadlessBrowser.run("tasklist-plan-writing.mjs", "http://localhost:" + port, "aino", "aino",
        plan.getId(), "https://docs.example.org/tasklist", "aino,eero");

    assertThat(seen.get("formText").asText()).contains("Page limit of the programme: 45 pages")
        .as("no empty label for a return reason there is not").doesNotContain("Returned at final approval");
    assertThat(seen.get("firstSection").asText()).as("the rows come prefilled").isEqualTo("1. Excellence");
    assertThat(seen.get("completeDisabledOnLoad").asBoolean()).as("a prefilled list is not an error").isFalse();
    assertThat(seen.get("completeDisabledWithHttpLink").asBoolean()).as("a real error still blocks").isTrue();
    assertThat(seen.get("completeDisabledWhenFilled").asBoolean()).isFalse();
    assertThat(seen.get("errorToasts")).isEmpty();
    assertThat(seen.get("formStillShown").asBoolean()).isFalse();
    assertThat(drafting.sections(proposal.getBusinessKey())).extracting(DraftSection::owner)
        .containsExactly("aino", "eero", "aino", "eero");
    assertThat(record(proposal).documentUrl()).isEqualTo("https://docs.example.org/tasklist");
    assertThat(sectionTasks(proposal)).hasSize(4);
  }
}
