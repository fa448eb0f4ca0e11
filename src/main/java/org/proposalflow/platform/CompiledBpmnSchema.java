package org.proposalflow.platform;

import java.io.InputStream;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.ParseHandler;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Every BPMN file is still checked against the BPMN 2.0 schema, but against one compiled once.
 * <p>
 * The engine hands the schema's location to each parse, so the XML parser reads and compiles the
 * BPMN 2.0 schema (five files, 80 KB) again for every BPMN file it parses: at each deployment and
 * whenever a definition is read into the engine's cache. A profile of the first start showed this
 * compiling as the largest part of deploying our models. Here the parse gets the compiled schema
 * instead; what it checks, and the errors it reports with their lines, stay the same. The schema is
 * compiled while the engine builds itself, before any model is deployed.
 */
@Component
public class CompiledBpmnSchema extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBpmnParseFactory(parser -> new ParseWithCompiledSchema(parser, configuration));
    // compiled on a thread of its own while the engine builds itself; the first parse waits for it if need be
    Thread compiling = new Thread(() -> Holder.BPMN_20.hashCode(), "bpmn-schema");
    compiling.setDaemon(true);
    compiling.start();
  }

  private static final class Holder {
    static final Schema BPMN_20 = compile();

    private static Schema compile() {
      URL location = BpmnParser.class.getClassLoader().getResource(BpmnParser.BPMN_20_SCHEMA_LOCATION);
      try {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(location);
      } catch (Exception e) {
        throw new IllegalStateException("cannot compile the BPMN 2.0 schema " + location, e);
      }
    }
  }

  /** The engine's BPMN parse, reading the file as the engine's own does but validating with the compiled schema. */
  static final class ParseWithCompiledSchema extends BpmnParse {

    private final boolean xxeProcessing;

    ParseWithCompiledSchema(BpmnParser parser, ProcessEngineConfigurationImpl configuration) {
      super(parser);
      this.xxeProcessing = configuration.isEnableXxeProcessing();
      // the engine's way, the location handed to the XML parser, is what this replaces
      this.schemaResource = null;
    }

    @Override
    public BpmnParse execute() {
      readValidating();
      try {
        parseRootElement();
      } catch (BpmnParseException e) {
        addError(e);
      } catch (Exception e) {
        LOG.parsingFailure(e);
        throw LOG.parsingProcessException(e);
      } finally {
        if (hasWarnings()) {
          logWarnings();
        }
        if (hasErrors()) {
          throwExceptionForErrors();
        }
      }
      return this;
    }

    /** The engine's reading of the XML (Parse.execute) with its XXE settings; schema errors land in the parse's errors. */
    private void readValidating() {
      try (InputStream input = streamSource.getInputStream()) {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://xml.org/sax/features/namespace-prefixes", true);
        factory.setXIncludeAware(xxeProcessing);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", xxeProcessing);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", !xxeProcessing);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", xxeProcessing);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", xxeProcessing);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setSchema(Holder.BPMN_20);
        SAXParser saxParser = factory.newSAXParser();
        try {
          saxParser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, resolveAccessExternalSchemaProperty());
        } catch (SAXException e) {
          Parse.LOG.logAccessExternalSchemaNotSupported(e);
        }
        saxParser.parse(input, new ParseHandler(this));
      } catch (Exception e) {
        throw Parse.LOG.parsingFailureException(name, e);
      }
    }
  }
}
