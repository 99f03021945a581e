package dev.portico.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmailWriterTest {

    @Test
    void amountsUseTheCurrencysOwnDecimals() {
        assertEquals("USD 20.00", EmailWriter.money(2000, "usd"));
        assertEquals("JPY 3000", EmailWriter.money(3000, "jpy"));
        assertEquals("BHD 1.500", EmailWriter.money(1500, "bhd"));
        assertEquals("XXZ 12.34", EmailWriter.money(1234, "xxz"));
    }

    @Test
    void datesAreDaysInUtc() {
        assertEquals("1 March 2031", EmailWriter.day(Instant.parse("2031-03-01T23:59:59Z")));
    }

    @Test
    void valuesCannotInjectHtmlAndOnlyWebLinksAreLinked() {
        Rendered email = new EmailWriter("t", "Hi <b>", "Acme & <script>alert(1)</script>")
                .paragraph("Paid by \"Jenny\" <jenny@example.com>")
                .link("Pay", "javascript:alert(1)")
                .link("Invoice", "https://invoice.stripe.com/i/x?a=1&b=2")
                .finish("https://app.example.com/billing", "https://portico.example.com/unsub?token=a.b");

        assertFalse(email.html().contains("<script>"), email.html());
        assertTrue(email.html().contains("Acme &amp; &lt;script&gt;"), email.html());
        assertTrue(email.html().contains("&quot;Jenny&quot; &lt;jenny@example.com&gt;"));
        assertFalse(email.html().contains("javascript:"), "non-web links are dropped");
        assertTrue(email.html().contains("href=\"https://invoice.stripe.com/i/x?a=1&amp;b=2\""));
        assertTrue(email.text().contains("Invoice: https://invoice.stripe.com/i/x?a=1&b=2"));
        assertTrue(email.text().contains("Unsubscribe: https://portico.example.com/unsub?token=a.b"));
        assertTrue(email.text().contains("Open the billing page: https://app.example.com/billing"));
    }
}
