package org.proposalflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.proposalflow.TasklistSession;

/**
 * Proposal lifecycles, idea to funded, driven through the web apps' REST API as Tasklist drives them
 * (a logged-in session, claim, submit-form), with the people and answers of
 * {@link LifecycleThroughputBenchmark}: in our application through its own models, or in the minimal
 * Camunda application through the bare twins ({@link BareTwin}), deployed through the same API. The
 * minimal application has no Spin, so there the forms' rows go in as strings and the lists the
 * application would have set as Java-serialised objects (start it with Java serialisation allowed).
 * The bare twin gets the rows our application offered, so ours runs first.
 */
final class TasklistLifecycles {

  static final String ALLOW_JAVA_SERIALIZATION =
      "--camunda.bpm.generic-properties.properties.javaSerializationFormatEnabled=true";
  private static final String API = "/camunda/api/engine/engine/default";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final boolean bare;
  private final Map<String, TasklistSession> people = new HashMap<>();
  /** The rows our application's drafting tasks offered, by variable; the bare twin's people fill in the same. */
  private final Map<String, String> offered;
  private final int port;

  private TasklistLifecycles(int port, boolean bare, Map<String, String> offered) {
    this.port = port;
    this.bare = bare;
    this.offered = offered;
  }

  static TasklistLifecycles ours(int port, Map<String, String> offered) {
    return new TasklistLifecycles(port, false, offered);
  }

  /** The minimal application, given the bare twins first; everyone works as its admin user. */
  static TasklistLifecycles bareTwinIn(int port, Map<String, String> offered) throws Exception {
    TasklistLifecycles lifecycles = new TasklistLifecycles(port, true, offered);
    lifecycles.deployBareTwins();
    return lifecycles;
  }

  void run(int count) throws Exception {
    for (int number = 0; number < count; number++) {
      lifecycle(number);
    }
  }

  private void lifecycle(int number) throws Exception {
    OffsetDateTime deadline = LifecycleAnswers.inDays(90);
    String key = start(number, deadline);
    complete(key, LifecycleAnswers.screening());
    complete(key, LifecycleAnswers.partnerChoice(deadline, bare));
    for (JsonNode answer : tasks(key, "Task_RecordAnswer", "aino")) {
      work(answer, "aino", LifecycleAnswers.partnerAnswer(answer.get("id").asText()));
    }
    draft(key, deadline);
    for (LifecycleAnswers.Step step : LifecycleAnswers.afterDrafting(number)) {
      complete(key, step);
    }
    JsonNode ended = JSON.readTree(get("helmi", "/history/process-instance/count?finished=true"
        + "&processInstanceBusinessKey=" + key + "&processDefinitionKey=" + (bare ? BareTwin.PREFIX : "")
        + "proposal-lifecycle"));
    if (ended.get("count").asInt() != 1) {
      throw new IllegalStateException(key + " did not end: " + ended);
    }
  }

  /** Tasklist's start form; the bare twin's proposal gets the business key the application would have given. */
  private String start(int number, OffsetDateTime deadline) throws Exception {
    Map<String, Object> form = new HashMap<>();
    if (bare) {
      form.put("businessKey", LifecycleAnswers.bareBusinessKey(number));
    }
    form.put("variables", variables(LifecycleAnswers.idea(number, deadline, bare)));
    String started = post("aino", "/process-definition/key/" + (bare ? BareTwin.PREFIX : "")
        + "proposal-lifecycle/submit-form", form);
    return JSON.readTree(started).get("businessKey").asText();
  }

  /** As the demo portfolio drafts: aino plans, owns every section and budgets, helmi reviews and approves all. */
  private void draft(String key, OffsetDateTime deadline) throws Exception {
    String offeredPlan = offered(key, "Task_PlanWriting", "sectionPlan", "aino");
    List<String> sectionCodes = new ArrayList<>();
    JSON.readTree(offeredPlan).forEach(row -> sectionCodes.add(row.get("section").asText()));
    complete(key, LifecycleAnswers.sectionPlan(offeredPlan, key, deadline, sectionCodes, bare));
    complete(key, LifecycleAnswers.budget(offered(key, "Task_PrepareBudget", "budgetLines", "aino")));
    List<JsonNode> sections = tasks(key, "Task_WriteSection", "aino");
    if (sections.size() != sectionCodes.size()) {
      throw new IllegalStateException(key + ": " + sections.size() + " sections to write, planned " + sectionCodes);
    }
    for (JsonNode section : sections) {
      work(section, "aino", LifecycleAnswers.section(key, section.get("id").asText()));
    }
    complete(key, LifecycleAnswers.review(offered(key, "Task_ReviewSections", "sectionReviews", "helmi"), bare));
  }

  /** The rows the form offers: read from our application, the same rows again in the bare twin, which offers none. */
  private String offered(String key, String activityId, String variable, String user) throws Exception {
    if (!bare) {
      String taskId = only(key, activityId, user).get("id").asText();
      JsonNode value = JSON.readTree(get(user, "/task/" + taskId + "/variables/" + variable
          + "?deserializeValue=false"));
      offered.put(variable, value.get("value").asText());
    }
    if (!offered.containsKey(variable)) {
      throw new IllegalStateException(variable + ": our application runs first and offers the rows");
    }
    return offered.get(variable);
  }

  private void complete(String key, LifecycleAnswers.Step step) throws Exception {
    work(only(key, step.activityId(), step.user()), step.user(), step.variables());
  }

  private JsonNode only(String key, String activityId, String user) throws Exception {
    List<JsonNode> tasks = tasks(key, activityId, user);
    if (tasks.size() != 1) {
      throw new IllegalStateException(key + " waits at " + activityId + " " + tasks.size() + " times");
    }
    return tasks.get(0);
  }

  /** The proposal's tasks at that step, as the person who works on them sees them. */
  private List<JsonNode> tasks(String key, String activityId, String user) throws Exception {
    List<JsonNode> tasks = new ArrayList<>();
    JSON.readTree(get(user, "/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey=" + activityId))
        .forEach(tasks::add);
    return tasks;
  }

  /** As in Tasklist: the person claims the task unless it is theirs already, then submits its form. */
  private void work(JsonNode task, String user, Map<String, Object> variables) throws Exception {
    String id = task.get("id").asText();
    if (task.get("assignee").isNull()) {
      post(user, "/task/" + id + "/claim", Map.of("userId", user));
    }
    post(user, "/task/" + id + "/submit-form", Map.of("variables", variables(variables)));
  }

  /** Variables as the REST API takes them. */
  private Map<String, Object> variables(Map<String, Object> values) throws IOException {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      Object value = entry.getValue();
      if (value instanceof SerializableValue json) {
        variables.put(entry.getKey(), Map.of("value", json.getValueSerialized(), "type", bare ? "String" : "Json"));
      } else if (value instanceof OffsetDateTime date) {
        variables.put(entry.getKey(), Map.of("value", date.format(REST_DATE), "type", "Date"));
      } else if (value instanceof List<?> list) {
        variables.put(entry.getKey(), Map.of("value", javaSerialized(new ArrayList<>(list)), "type", "Object",
            "valueInfo", Map.of("objectTypeName", ArrayList.class.getName(),
                "serializationDataFormat", "application/x-java-serialized-object")));
      } else {
        variables.put(entry.getKey(), Map.of("value", value));
      }
    }
    return variables;
  }

  private static String javaSerialized(ArrayList<?> list) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(list);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  private void deployBareTwins() throws Exception {
    String boundary = "bare-twins-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "deployment-name", null, "bare twins".getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> resource : BareTwin.ofLifecycle().entrySet()) {
      part(body, boundary, resource.getKey(), resource.getKey(), resource.getValue());
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String response = check(session("demo").post(API + "/deployment/create", "multipart/form-data; boundary=" + boundary,
        body.toByteArray()));
    if (JSON.readTree(response).get("deployedProcessDefinitions").size() != 3) {
      throw new IllegalStateException("bare twins not deployed: " + response);
    }
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, String file, byte[] content)
      throws IOException {
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (file == null ? "" : "; filename=\"" + file + "\"") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private String get(String user, String path) throws Exception {
    return check(session(user).get(API + path));
  }

  private String post(String user, String path, Object body) throws Exception {
    return check(session(user).postJson(API + path, JSON.writeValueAsString(body)));
  }

  private static String check(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": "
          + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /** Our application's people log in as themselves; in the minimal application everyone is its admin user. */
  private TasklistSession session(String user) throws Exception {
    String login = bare ? "demo" : user;
    TasklistSession session = people.get(login);
    if (session == null) {
      session = TasklistSession.login(port, login, login);
      people.put(login, session);
    }
    return session;
  }
}
