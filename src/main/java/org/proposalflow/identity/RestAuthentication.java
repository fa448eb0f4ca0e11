package org.proposalflow.identity;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST APIs require a Camunda user: {@code /engine-rest} by HTTP Basic; the application's
 * {@code /api} by HTTP Basic or, for reading (the Cockpit dashboard), the user already logged in to
 * the web apps. No credentials or wrong ones get 401. The user's groups then decide, through the engine's
 * authorizations and the API's own checks, what the call may see and do.
 */
@Configuration
public class RestAuthentication {

  private static final String ENGINE = "default";

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(basicAuthentication());
    registration.setName("proposal-flow-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  @Bean
  public FilterRegistrationBean<Filter> apiAuthentication(IdentityService identityService) {
    ProcessEngineAuthenticationFilter basic = basicAuthentication();
    Filter filter = new Filter() {
      @Override
      public void init(jakarta.servlet.FilterConfig config) throws ServletException {
        basic.init(config);
      }

      @Override
      public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
          throws IOException, ServletException {
        // the web-app session only for reading: changes need credentials, so no other site can make them
        HttpServletRequest http = (HttpServletRequest) request;
        UserAuthentication webAppUser = "GET".equals(http.getMethod()) ? webAppUser(http) : null;
        if (webAppUser == null) {
          basic.doFilter(request, response, chain);
          return;
        }
        identityService.setAuthentication(webAppUser.getIdentityId(), webAppUser.getGroupIds(),
            webAppUser.getTenantIds());
        try {
          chain.doFilter(request, response);
        } finally {
          identityService.clearAuthentication();
        }
      }
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("proposal-flow-api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  private static ProcessEngineAuthenticationFilter basicAuthentication() {
    return new ProcessEngineAuthenticationFilter();
  }

  private static UserAuthentication webAppUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications == null ? null
        : (UserAuthentication) authentications.getAuthenticationForProcessEngine(ENGINE);
  }
}
