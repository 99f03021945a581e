package dev.portico.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Issue 31: SMTP credentials never travel in clear unless an operator says so. */
class MailerTest {

    @Test
    void credentialsRequireStartTlsUnlessItIsTurnedOff() {
        assertEquals("true", properties(Optional.of("portico"), Optional.empty()).get("mail.smtp.starttls.required"));
        assertEquals("true", properties(Optional.of("portico"), Optional.empty()).get("mail.smtp.auth"));
        assertEquals("false", properties(Optional.of("portico"), Optional.of(false)).get("mail.smtp.starttls.required"),
                "turned off explicitly (warned at start)");
    }

    @Test
    void withoutCredentialsStartTlsIsAsSetAndOffByDefault() {
        Properties plain = properties(Optional.empty(), Optional.empty());
        assertEquals("false", plain.get("mail.smtp.starttls.enable"));
        assertNull(plain.get("mail.smtp.auth"));
        assertEquals("true", properties(Optional.empty(), Optional.of(true)).get("mail.smtp.starttls.required"));
    }

    private static Properties properties(Optional<String> username, Optional<Boolean> starttls) {
        Mailer mailer = new Mailer();
        mailer.host = "smtp.example.com";
        mailer.port = 587;
        mailer.username = username;
        mailer.password = username.map(user -> "secret");
        mailer.starttls = starttls;
        mailer.timeout = Duration.ofSeconds(10);
        return mailer.properties();
    }
}
