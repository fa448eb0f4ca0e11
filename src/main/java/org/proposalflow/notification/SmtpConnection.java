package org.proposalflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One connection to the mail server, opened with the application's {@code spring.mail.*} settings
 * as Spring's own sender opens it, over which mails are sent one at a time. Spring's
 * {@code send(MimeMessage...)} sends a whole batch in one call; delivery needs to act between two
 * mails (renew its claim, mark each mail sent as soon as it is).
 */
final class SmtpConnection implements AutoCloseable {

  private final JavaMailSenderImpl settings;
  private Transport transport;

  SmtpConnection(JavaMailSenderImpl settings) {
    this.settings = settings;
  }

  /** Connects, or connects again if the server closed the connection after a failed mail. */
  void ensureConnected() throws MessagingException {
    if (transport != null && transport.isConnected()) {
      return;
    }
    close();
    String protocol = settings.getProtocol() != null ? settings.getProtocol()
        : settings.getSession().getProperty("mail.transport.protocol");
    transport = settings.getSession().getTransport(protocol != null ? protocol : "smtp");
    String username = settings.getUsername();
    String password = settings.getPassword();
    transport.connect(settings.getHost(), settings.getPort(), "".equals(username) ? null : username,
        "".equals(username) && "".equals(password) ? null : password);
  }

  /** Sends one mail; call {@link #ensureConnected} first. */
  void send(MimeMessage message) throws MessagingException {
    message.setSentDate(new Date());
    message.saveChanges();
    transport.sendMessage(message, message.getAllRecipients());
  }

  @Override
  public void close() {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException alreadyClosed) {
      // the server hung up first; nothing is lost
    }
    transport = null;
  }
}
