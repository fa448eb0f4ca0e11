package org.proposalflow;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Proposal Flow: carries international funding proposals from a cluster's idea to the funder's decision.
 * {@code @EnableProcessApplication} makes the starter deploy through {@code META-INF/processes.xml},
 * which is the only way it deploys the Camunda Forms in {@code forms/} next to the BPMN files.
 */
@SpringBootApplication
@EnableProcessApplication("proposal-flow")
public class ProposalFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProposalFlowApplication.class, args);
  }
}
