package org.proposalflow.notification;

/** What a notification is about; the template file name is {@code <template>.<language>.txt}. */
public enum NotificationKind {
  TASK_WAITING("task-waiting"),
  DEADLINE_REMINDER("deadline-reminder"),
  TASK_OVERDUE("task-overdue"),
  OUTCOME("outcome"),
  PORTFOLIO_DIGEST("portfolio-digest"),
  PARTNER_INVITATION("partner-invitation"),
  PARTNER_REMINDER("partner-reminder"),
  PARTNER_ANSWER_MISSING("partner-answer-missing"),
  SECTION_DUE_SOON("section-due-soon"),
  SECTION_OVERDUE("section-overdue");

  private final String template;

  NotificationKind(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }
}
