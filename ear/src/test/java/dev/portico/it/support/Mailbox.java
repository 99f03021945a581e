package dev.portico.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real SMTP server (GreenMail) on loopback, the one the deployed EAR sends to
 * ({@code it.smtp.port}). One per test JVM; tests read the messages of their own recipient.
 */
public final class Mailbox {

    private static final int PORT = Integer.getInteger("it.smtp.port", 3025);
    private static GreenMail server;

    private Mailbox() {
    }

    /** Starts the server if it is not running. */
    public static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Stops it: the server then sees SMTP down (connections refused). Messages so far are lost. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The messages received for {@code recipient} so far. */
    public static synchronized List<MimeMessage> to(String recipient) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(sentTo(recipient)).toList();
    }

    /** Waits until {@code recipient} has at least {@code count} messages (or the patience runs out). */
    public static List<MimeMessage> await(String recipient, int count, Duration patience) {
        return Eventually.eventually(() -> to(recipient), received -> received.size() >= count, patience);
    }

    /** The value of a header of the message, or null. */
    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Predicate<MimeMessage> sentTo(String recipient) {
        return message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
