package dev.portico.notification.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Writes one email in both forms from the same parts: paragraphs, links (label and URL) and the
 * footer every email carries (billing page, why you get this, unsubscribe). Values are escaped for
 * HTML; nothing else about the HTML comes from outside.
 */
final class EmailWriter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final String template;
    private final String subject;
    private final String workspace;
    private final List<String> paragraphs = new ArrayList<>();
    private final List<String[]> links = new ArrayList<>();

    EmailWriter(String template, String subject, String workspace) {
        this.template = template;
        this.subject = subject;
        this.workspace = workspace;
    }

    EmailWriter paragraph(String text) {
        paragraphs.add(text);
        return this;
    }

    EmailWriter link(String label, String url) {
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            links.add(new String[] {label, url});
        }
        return this;
    }

    Rendered finish(String billingPageUrl, String unsubscribeUrl) {
        link("Open the billing page", billingPageUrl);
        String footer = "You receive this email because you manage billing for " + workspace + ".";
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;"
                + "max-width:36em;margin:auto;color:#222\"><h1 style=\"font-size:1.25em\">")
                .append(escape(subject)).append("</h1>");
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        for (String[] link : links) {
            text.append(link[0]).append(": ").append(link[1]).append("\n");
            html.append("<p><a href=\"").append(escape(link[1])).append("\">").append(escape(link[0])).append("</a></p>");
        }
        text.append("\n-- \n").append(footer).append("\nUnsubscribe: ").append(unsubscribeUrl).append("\n");
        html.append("<hr><p style=\"font-size:.85em;color:#666\">").append(escape(footer))
                .append(" <a href=\"").append(escape(unsubscribeUrl)).append("\">Unsubscribe</a></p></body></html>");
        return new Rendered(template, subject, text.toString(), html.toString());
    }

    static String day(Instant instant) {
        return instant == null ? "an unknown date" : DAY.format(instant);
    }

    /** Stripe's amount in minor units, as people write it: "USD 29.00", "JPY 3000". */
    static String money(long minorUnits, String currency) {
        if (currency == null) {
            return String.valueOf(minorUnits);
        }
        String code = currency.toUpperCase(Locale.ROOT);
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        return code + " " + BigDecimal.valueOf(minorUnits, digits).toPlainString();
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
