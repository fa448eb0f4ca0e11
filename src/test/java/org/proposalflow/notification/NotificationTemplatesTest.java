package org.proposalflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationTemplatesTest {

  private final NotificationTemplates templates = new NotificationTemplates();

  @Test
  void fillsSubjectAndBodyInTheChosenLanguage() {
    NotificationTemplates.Rendered fi = templates.render(NotificationKind.TASK_WAITING, "fi",
        Map.of("taskName", "Screen idea", "reference", "PF-2027-0001", "acronym", "ARC", "firstName", "Aino"));
    assertThat(fi.subject()).isEqualTo("Tehtävä odottaa: Screen idea – PF-2027-0001 ARC");
    assertThat(fi.body()).startsWith("Hei Aino,");
    assertThat(fi.language()).isEqualTo("fi");
    assertThat(fi.note()).isNull();
  }

  @Test
  void aMissingLanguageFallsBackToEnglishWithANote() {
    NotificationTemplates.Rendered sv = templates.render(NotificationKind.OUTCOME, "sv",
        Map.of("outcomeText", "Funded", "reference", "PF-2027-0002", "acronym", "ARC"));
    assertThat(sv.language()).isEqualTo("en");
    assertThat(sv.subject()).isEqualTo("Funded: PF-2027-0002 ARC");
    assertThat(sv.note()).contains("outcome.sv.txt missing");
    // the second render uses what the first one read: still the English text, still the note
    assertThat(templates.render(NotificationKind.OUTCOME, "sv", Map.of("outcomeText", "Funded", "reference",
        "PF-2027-0002", "acronym", "ARC"))).isEqualTo(sv);
  }

  @Test
  void everyKindHasBothLanguages() {
    for (NotificationKind kind : NotificationKind.values()) {
      for (String language : NotificationSettings.LANGUAGES) {
        assertThat(templates.render(kind, language, Map.of()).note()).as(kind + " " + language).isNull();
      }
    }
  }

  @Test
  void phrasesFormatAmountsForTheLanguage() {
    assertThat(templates.phrase("outcome.details.funded", "en", 3_200_000, 750_000))
        .isEqualTo("Granted 3,200,000 euros, of which 750,000 euros to Lapland.");
  }
}
