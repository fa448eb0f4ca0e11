package org.proposalflow.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads and checks the values a form or REST call put into process variables. Every problem is an
 * {@link InvalidInputException} naming the variable, so the person sees which field to fix.
 */
public final class Inputs {

  /** People read and enter times in Lapland's zone; storage is UTC. */
  public static final ZoneId PEOPLE_ZONE = ZoneId.of("Europe/Helsinki");
  /** How people read a time in mails and forms, e.g. 8.2.2027 16:00, Lapland time. */
  public static final DateTimeFormatter PEOPLE_TIME = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm").withZone(PEOPLE_ZONE);

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern HTTPS_URL = Pattern.compile("^https://[^\\s/?#]+\\.[^\\s/?#]+([/?#]\\S*)?$");
  private static final Set<String> ISO_COUNTRIES = Set.of(java.util.Locale.getISOCountries());

  private final Function<String, Object> values;

  private Inputs(Function<String, Object> values) {
    this.values = values;
  }

  /** The variables visible from a task or execution. */
  public static Inputs of(VariableScope scope) {
    return new Inputs(scope::getVariable);
  }

  public static Inputs of(Map<String, ?> values) {
    return new Inputs(values::get);
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public String text(String name, int maxLength) {
    String value = optionalText(name, maxLength);
    if (value == null) {
      throw new InvalidInputException(name, "is required");
    }
    return value;
  }

  public String optionalText(String name, int maxLength) {
    Object raw = values.apply(name);
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    String value = raw.toString().strip();
    if (value.length() > maxLength) {
      throw new InvalidInputException(name, "is longer than " + maxLength + " characters");
    }
    return value;
  }

  public String choice(String name, List<String> allowed) {
    String value = text(name, 100);
    if (!allowed.contains(value)) {
      throw new InvalidInputException(name, "'" + value + "' is not one of " + String.join(", ", allowed));
    }
    return value;
  }

  public String choice(String name, String... allowed) {
    return choice(name, Arrays.asList(allowed));
  }

  public boolean flag(String name) {
    Object raw = values.apply(name);
    if (raw == null) {
      return false;
    }
    if (raw instanceof Boolean b) {
      return b;
    }
    String value = raw.toString().strip();
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new InvalidInputException(name, "'" + value + "' is not true or false");
  }

  /** An amount of euros greater than zero. */
  public BigDecimal positiveEuros(String name) {
    BigDecimal value = euros(name);
    if (value.signum() <= 0) {
      throw new InvalidInputException(name, "must be greater than 0 euros, got " + value.toPlainString());
    }
    return value;
  }

  /** An amount of euros, zero or more. */
  public BigDecimal euros(String name) {
    BigDecimal value = number(name, "is not a number of euros");
    if (value.signum() < 0) {
      throw new InvalidInputException(name, "must not be negative, got " + value.toPlainString());
    }
    if (value.scale() > 2 || value.precision() - value.scale() > 13) {
      throw new InvalidInputException(name, "must be euros with at most two decimals and 13 digits, got " + value.toPlainString());
    }
    return value;
  }

  /** A whole number from 0 to {@code max}, e.g. a page count. */
  public int count(String name, int max) {
    BigDecimal value = number(name, "is not a number");
    if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidInputException(name, "must be a whole number from 0 to " + max + ", got " + value.toPlainString());
    }
    return value.intValue();
  }

  private BigDecimal number(String name, String notANumber) {
    Object raw = values.apply(name);
    if (raw == null || raw.toString().isBlank()) {
      throw new InvalidInputException(name, "is required");
    }
    try {
      return raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(raw.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "'" + raw + "' " + notANumber);
    }
  }

  /** A list of codes as Tasklist (a Json array), a REST client (a list) or a person (comma-separated) gives it; empty when absent. */
  public List<String> codes(String name) {
    return codes(name, values.apply(name));
  }

  private static List<String> codes(String name, Object raw) {
    List<String> codes = new ArrayList<>();
    if (raw == null) {
      return codes;
    }
    if (raw instanceof SpinJsonNode node) {
      if (!node.isArray()) {
        throw new InvalidInputException(name, "must be a list");
      }
      node.elements().forEach(element -> codes.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (raw instanceof Collection<?> collection) {
      collection.forEach(value -> codes.add(String.valueOf(value)));
    } else {
      String text = raw.toString().strip();
      if (text.startsWith("[")) {
        return codes(name, Spin.JSON(text));
      }
      codes.addAll(Arrays.asList(text.split(",")));
    }
    return codes.stream().map(String::strip).filter(code -> !code.isEmpty()).toList();
  }

  public String email(String name) {
    String value = text(name, 254);
    return checkEmail(name, value);
  }

  public String optionalEmail(String name) {
    String value = optionalText(name, 254);
    return value == null ? null : checkEmail(name, value);
  }

  private static String checkEmail(String name, String value) {
    if (!EMAIL.matcher(value).matches()) {
      throw new InvalidInputException(name, "'" + value + "' is not an e-mail address");
    }
    return value;
  }

  public String httpsUrl(String name) {
    String value = text(name, 1000);
    if (!HTTPS_URL.matcher(value).matches()) {
      throw new InvalidInputException(name, "'" + value + "' is not an https:// link");
    }
    return value;
  }

  /** An ISO 3166-1 alpha-2 country code, upper case. */
  public String countryCode(String name) {
    String value = text(name, 2).toUpperCase(java.util.Locale.ROOT);
    if (!ISO_COUNTRIES.contains(value)) {
      throw new InvalidInputException(name, "'" + value + "' is not an ISO 3166 country code such as FI, SE or DE");
    }
    return value;
  }

  /**
   * A moment in time. Accepts a {@link Date} (REST clients sending a typed Date) or an ISO string as
   * Camunda Forms send it ({@code 2027-03-01T17:00+02:00}, seconds optional); a time without an
   * offset is read in Europe/Helsinki.
   */
  public OffsetDateTime dateTime(String name) {
    Object raw = values.apply(name);
    if (raw == null || raw.toString().isBlank()) {
      throw new InvalidInputException(name, "is required");
    }
    if (raw instanceof Date date) {
      return date.toInstant().atZone(PEOPLE_ZONE).toOffsetDateTime();
    }
    String value = raw.toString().strip();
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException notWithOffset) {
      try {
        return ZonedDateTime.parse(value).toOffsetDateTime();
      } catch (DateTimeParseException notWithZone) {
        try {
          return LocalDateTime.parse(value).atZone(PEOPLE_ZONE).toOffsetDateTime();
        } catch (DateTimeParseException notLocal) {
          throw new InvalidInputException(name, "'" + value + "' is not a date and time such as 2027-03-01T17:00+02:00");
        }
      }
    }
  }

  public OffsetDateTime futureDateTime(String name) {
    OffsetDateTime value = dateTime(name);
    if (!value.toInstant().isAfter(now())) {
      throw new InvalidInputException(name, "must be in the future, got " + value);
    }
    return value;
  }

  public LocalDate date(String name) {
    Object raw = values.apply(name);
    if (raw == null || raw.toString().isBlank()) {
      throw new InvalidInputException(name, "is required");
    }
    if (raw instanceof Date date) {
      return date.toInstant().atZone(PEOPLE_ZONE).toLocalDate();
    }
    String value = raw.toString().strip();
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name, "'" + value + "' is not a date such as 2027-03-01");
    }
  }

  public LocalDate futureDate(String name) {
    LocalDate value = date(name);
    if (!value.isAfter(LocalDate.ofInstant(now(), PEOPLE_ZONE))) {
      throw new InvalidInputException(name, "must be a day after today, got " + value);
    }
    return value;
  }
}
