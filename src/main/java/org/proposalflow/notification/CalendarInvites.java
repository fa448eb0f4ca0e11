package org.proposalflow.notification;

import java.time.ZonedDateTime;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.proposalflow.proposal.Proposal;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/** The call deadline as an iCalendar (RFC 5545) event, so reminders land in people's calendars. */
@Component
public class CalendarInvites {

  public String deadline(Proposal proposal) {
    ZonedDateTime deadline = proposal.callDeadline().atZoneSameInstant(Inputs.PEOPLE_ZONE);
    VEvent event = new VEvent(deadline, deadline, "Call deadline: " + proposal.acronym() + " ("
        + proposal.callIdentifier() + ")");
    // one UID per proposal: a moved deadline updates the same calendar entry instead of adding one
    event.add(new Uid(proposal.reference() + "-call-deadline@proposalflow"));
    event.add(new Description(proposal.reference() + " " + proposal.title() + ": the call "
        + proposal.callIdentifier() + " closes."));
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Proposal Flow//Deadline reminders//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(TimeZoneRegistryFactory.getInstance().createRegistry()
        .getTimeZone(Inputs.PEOPLE_ZONE.getId()).getVTimeZone());
    calendar.add(event);
    return calendar.toString();
  }
}
