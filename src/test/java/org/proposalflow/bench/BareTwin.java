package org.proposalflow.bench;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The bare twin of one of our models: the same BPMN (tasks, gateways, call activities, timers,
 * multi-instance, DMN) with the application's listeners, delegates and bean calls taken out, so the
 * engine alone runs it. Process ids and called elements get the prefix {@code bare-}. What the
 * application computed (due dates, the candidate and section lists, the reminder delay, the drafting
 * decisions) becomes a plain variable or value; an expression it does not know how to replace fails the
 * benchmark rather than hide.
 */
final class BareTwin {

  static final String PREFIX = "bare-";
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  /** An application bean's method, e.g. ${partnerSearch.invite(execution)}; the engine's own execution/task are fine. */
  private static final Pattern BEAN_CALL = Pattern.compile("\\$\\{\\s*!?(?!execution\\.|task\\.)[a-zA-Z]+\\.[a-zA-Z]+\\(");
  private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\$\\{\\s*[a-z][a-zA-Z]*\\s*}$");
  /** Multi-instance collections by their activity, conditions by their flow: variables the benchmark sets. */
  private static final Map<String, String> PLAIN_BY_ELEMENT = Map.of(
      "SubProcess_InviteCandidate", "${candidates}",
      "SubProcess_WriteSections", "${sectionCodes}",
      "Flow_WriteSections", "${sectionsToWrite}",
      "Flow_AllApproved", "${sectionsApproved}");

  private BareTwin() {
  }

  /** The bare twins of the lifecycle's models, with the decision table and the forms they use: by file name. */
  static Map<String, byte[]> ofLifecycle() throws Exception {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (String model : List.of("proposal-lifecycle", "partner-search", "proposal-drafting")) {
      resources.put(PREFIX + model + ".bpmn", of(Path.of("processes", model + ".bpmn")).getBytes(StandardCharsets.UTF_8));
    }
    resources.put("consortium-eligibility.dmn", Files.readAllBytes(Path.of("processes", "consortium-eligibility.dmn")));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        resources.put(form.getFileName().toString(), Files.readAllBytes(form));
      }
    }
    return resources;
  }

  static String of(Path model) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document = factory.newDocumentBuilder().parse(model.toFile());
    for (Element listener : elements(document, CAMUNDA, "executionListener")) {
      removeUnlessEngineOnly(listener);
    }
    for (Element listener : elements(document, CAMUNDA, "taskListener")) {
      removeUnlessEngineOnly(listener);
    }
    for (Element task : elements(document, BPMN, "serviceTask")) {
      task.removeAttributeNS(CAMUNDA, "delegateExpression");
      task.removeAttributeNS(CAMUNDA, "class");
      String expression = task.getAttributeNS(CAMUNDA, "expression");
      if (expression.isEmpty() || BEAN_CALL.matcher(expression).find()) {
        task.setAttributeNS(CAMUNDA, "camunda:expression", "${true}");
      }
    }
    for (Element process : elements(document, BPMN, "process")) {
      process.setAttribute("id", PREFIX + process.getAttribute("id"));
    }
    for (Element plane : elements(document, "http://www.omg.org/spec/BPMN/20100524/DI", "BPMNPlane")) {
      Element process = firstProcess(document);
      plane.setAttribute("bpmnElement", process.getAttribute("id"));
    }
    for (Element call : elements(document, BPMN, "callActivity")) {
      call.setAttribute("calledElement", PREFIX + call.getAttribute("calledElement"));
    }
    for (Element out : elements(document, CAMUNDA, "out")) {
      // an output the application computes: the engine alone hands over the variable of that name
      if (BEAN_CALL.matcher(out.getAttribute("sourceExpression")).find()) {
        out.removeAttribute("sourceExpression");
        out.setAttributeNS(null, "source", out.getAttribute("target"));
      }
    }
    replaceBeanCalls(document.getDocumentElement());
    StringWriter xml = new StringWriter();
    TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(xml));
    return xml.toString();
  }

  private static void removeUnlessEngineOnly(Element listener) {
    String expression = listener.getAttribute("expression");
    if (!expression.startsWith("${execution.") || BEAN_CALL.matcher(expression).find()) {
      listener.getParentNode().removeChild(listener);
    }
  }

  private static void replaceBeanCalls(Element element) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String value = attribute.getValue();
      if (BEAN_CALL.matcher(value).find() || (attribute.getLocalName().equals("delegateExpression")
          && BEAN_REFERENCE.matcher(value).matches())) {
        attribute.setValue(switch (attribute.getLocalName()) {
          case "dueDate", "followUpDate" -> "${callDeadline}";
          case "collection" -> plainFor((Element) element.getParentNode(), value);
          case "priority" -> "50";
          default -> throw new IllegalStateException("bare twin: no plain value for " + attribute.getName() + "="
              + value + " on " + element.getAttribute("id"));
        });
      }
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element childElement) {
        replaceBeanCalls(childElement);
      } else if (child.getNodeType() == Node.TEXT_NODE && BEAN_CALL.matcher(child.getTextContent()).find()) {
        child.setTextContent(switch (element.getLocalName()) {
          case "timeDuration" -> "P7D";
          case "timeDate" -> "${callDeadline}";
          case "conditionExpression" -> plainFor((Element) element.getParentNode(), child.getTextContent());
          default -> throw new IllegalStateException("bare twin: no plain value for " + child.getTextContent()
              + " in " + element.getLocalName());
        });
      }
    }
  }

  private static String plainFor(Element owner, String expression) {
    String plain = PLAIN_BY_ELEMENT.get(owner.getAttribute("id"));
    if (plain == null) {
      throw new IllegalStateException("bare twin: no plain value for " + expression + " on "
          + owner.getAttribute("id"));
    }
    return plain;
  }

  private static Element firstProcess(Document document) {
    return (Element) document.getElementsByTagNameNS(BPMN, "process").item(0);
  }

  private static List<Element> elements(Document document, String namespace, String name) {
    NodeList nodes = document.getElementsByTagNameNS(namespace, name);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }
}
