package org.handoff.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The real servers the channels talk to in tests: an SMTP server (GreenMail, in this JVM) that keeps
 * what it receives, and an HTTP receiver for webhooks and the SMS gateway.
 */
public class ChannelServers implements QuarkusTestResourceLifecycleManager {

    public static final String SMS_PATH = "/sms";

    private static GreenMail smtp;
    private static HttpReceiver http;

    @Override
    public Map<String, String> start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        http = new HttpReceiver();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtp.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "handoff.notification.sms.gateway-url", http.url(SMS_PATH),
                "handoff.notification.sms.gateway-token", "test-gateway-token");
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (http != null) {
            http.stop();
        }
    }

    public static HttpReceiver http() {
        return http;
    }

    /** Messages the SMTP server received for one address. */
    public static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
