package org.proposalflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * E-mail texts in English and Finnish: {@code notifications/<kind>.<language>.txt}, first line
 * {@code Subject: ...}, placeholders {@code {{name}}}. A template missing for a language falls back
 * to English, and the fallback is logged and noted on the notification.
 */
@Component
public class NotificationTemplates {

  public static final String DEFAULT_LANGUAGE = "en";
  private static final Logger log = LoggerFactory.getLogger(NotificationTemplates.class);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
  /** The templates ship in the jar, so each is read once; an absent one is remembered as absent. */
  private final Map<String, Optional<String>> loaded = new ConcurrentHashMap<>();

  public NotificationTemplates() {
    messages.setBasename("notifications/messages");
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setFallbackToSystemLocale(false);
  }

  public record Rendered(String subject, String body, String language, String note) {
  }

  public Rendered render(NotificationKind kind, String language, Map<String, String> values) {
    String text = load(kind, language);
    String used = language;
    String note = null;
    if (text == null) {
      log.warn("No {} template in language '{}', sending it in English", kind.template(), language);
      note = "template " + kind.template() + "." + language + ".txt missing, sent in English";
      used = DEFAULT_LANGUAGE;
      text = load(kind, DEFAULT_LANGUAGE);
      if (text == null) {
        throw new IllegalStateException("No English template for " + kind.template());
      }
    }
    String filled = fill(text, values);
    int endOfSubject = filled.indexOf('\n');
    String subject = filled.substring(0, endOfSubject).replaceFirst("^Subject:\\s*", "").strip();
    String body = filled.substring(endOfSubject + 1).strip() + "\n";
    return new Rendered(subject, body, used, note);
  }

  /** A short localised phrase, e.g. {@code outcome.funded}, with {@code {0}} style arguments. */
  public String phrase(String key, String language, Object... args) {
    return messages.getMessage(key, args, Locale.forLanguageTag(language));
  }

  private static String fill(String text, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private String load(NotificationKind kind, String language) {
    return loaded.computeIfAbsent("notifications/" + kind.template() + "." + language + ".txt",
        path -> Optional.ofNullable(read(path))).orElse(null);
  }

  private static String read(String path) {
    try (InputStream in = NotificationTemplates.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + path, e);
    }
  }
}
