package org.proposalflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** A real SMTP server (GreenMail) on the port the test profile sends to. */
public final class TestSmtp {

  private TestSmtp() {
  }

  public static GreenMail start() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP);
    smtp.start();
    return smtp;
  }

  /** Starts the server and delivers whatever earlier tests left in the shared outbox, so a test sees only its own mail. */
  public static GreenMail startWithEmptyOutbox(NotificationDelivery delivery) throws Exception {
    GreenMail smtp = start();
    delivery.deliverDue();
    smtp.purgeEmailFromAllMailboxes();
    return smtp;
  }
}
