package org.handoff.notification.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.DeliveryFailure;
import org.handoff.events.NotificationChannel;
import org.handoff.notification.Delivery;
import org.handoff.notification.Notification;

/** E-mail over SMTP (quarkus-mailer): plain text in the recipient's language. */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final Mailer mailer;

    public EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public Outcome send(Delivery delivery, Notification notification) {
        try {
            mailer.send(Mail.withText(delivery.target, notification.subject, notification.body)
                    .addHeader("X-Handoff-Notification", notification.id.toString())
                    .addHeader("Content-Language", notification.language));
            return Outcome.SENT;
        } catch (RuntimeException e) {
            throw new DeliveryException(DeliveryFailure.UNREACHABLE, true, "SMTP: " + e.getMessage(), e);
        }
    }
}
