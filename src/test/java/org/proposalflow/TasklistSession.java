package org.proposalflow;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session with the Camunda web apps: logs in as a user and calls the REST API the
 * way Tasklist does ({@code /camunda/api/engine/...}, session cookie and CSRF token).
 */
public final class TasklistSession {

  private final String baseUrl;
  private final HttpClient http;
  private String csrfToken;

  private TasklistSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  public static TasklistSession login(int port, String user, String password) throws IOException, InterruptedException {
    return login(port, "tasklist", user, password);
  }

  /** Logs in to one of the web apps: tasklist, cockpit or admin. */
  public static TasklistSession login(int port, String app, String user, String password)
      throws IOException, InterruptedException {
    TasklistSession session = new TasklistSession("http://localhost:" + port);
    session.refreshCsrfToken();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = session.send(HttpRequest.newBuilder(session.uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login as " + user + " failed: " + login.statusCode() + " " + login.body());
    }
    session.refreshCsrfToken();
    return session;
  }

  public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private void refreshCsrfToken() throws IOException, InterruptedException {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElse(csrfToken);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (csrfToken != null) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }
}
