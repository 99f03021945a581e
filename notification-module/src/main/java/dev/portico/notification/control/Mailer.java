package dev.portico.notification.control;

import dev.portico.notification.entity.OutboxEmail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one outbox email over SMTP (Jakarta Mail): text and HTML alternatives, the template id in
 * {@code X-Portico-Template}, one-click unsubscribe headers, and a Message-ID derived from the
 * email's idempotency key, so even a repeat after a crash mid-send is recognisably the same mail.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Inject
    @ConfigProperty(name = "portico.mail.smtp.host")
    String host;

    @Inject
    @ConfigProperty(name = "portico.mail.smtp.port")
    int port;

    @Inject
    @ConfigProperty(name = "portico.mail.smtp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "portico.mail.smtp.password")
    Optional<String> password;

    /** Unset: required when a username is set, off otherwise ({@link #startTls}). */
    @Inject
    @ConfigProperty(name = "portico.mail.smtp.starttls")
    Optional<Boolean> starttls;

    @Inject
    @ConfigProperty(name = "portico.mail.smtp.timeout")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "portico.mail.from")
    String from;

    public void send(OutboxEmail email, String recipient, String unsubscribeUrl) throws MessagingException {
        MimeMessage message = new IdentifiedMessage(session(), messageId(email.idempotencyKey()));
        message.setFrom(new InternetAddress(from, true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient, true));
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("X-Portico-Template", email.template());
        message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.textBody(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.htmlBody(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        Transport.send(message);
    }

    /** Credentials set with STARTTLS turned off explicitly: said once, at start. */
    void warnOfCredentialsInClear(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (username.isPresent() && !startTls()) {
            LOG.warning("portico.mail.smtp.starttls=false with SMTP credentials set: the password travels in clear;"
                    + " remove the setting to require STARTTLS.");
        }
    }

    /** Whether STARTTLS is required: as set, else whenever credentials are sent. */
    boolean startTls() {
        return starttls.orElse(username.isPresent());
    }

    /** Jakarta Mail's settings for the server: STARTTLS required (never merely tried) when on. */
    Properties properties() {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.starttls.enable", String.valueOf(startTls()));
        props.put("mail.smtp.starttls.required", String.valueOf(startTls()));
        String millis = String.valueOf(timeout.toMillis());
        props.put("mail.smtp.connectiontimeout", millis);
        props.put("mail.smtp.timeout", millis);
        props.put("mail.smtp.writetimeout", millis);
        username.ifPresent(user -> props.put("mail.smtp.auth", "true"));
        return props;
    }

    private Session session() {
        Properties props = properties();
        if (username.isPresent()) {
            PasswordAuthentication login = new PasswordAuthentication(username.get(), password.orElse(""));
            return Session.getInstance(props, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return login;
                }
            });
        }
        return Session.getInstance(props);
    }

    static String messageId(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@portico>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the Message-ID it is given (Jakarta Mail would otherwise make a random one on save). */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
