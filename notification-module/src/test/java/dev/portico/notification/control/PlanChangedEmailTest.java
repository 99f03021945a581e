package dev.portico.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.billing.api.PlanChanged;
import dev.portico.billing.api.PlanChanged.Change;
import dev.portico.billing.api.PlanPrice;
import dev.portico.billing.api.WorkspaceId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The plan-changed email says which change, to what, when, and what the new plan costs. */
class PlanChangedEmailTest {

    private static final Instant AT = Instant.parse("2031-03-01T10:00:00Z");
    private static final PlanPrice TEAM = new PlanPrice("price_team", "prod_team", 2000L, "usd", "month", 1L, 1L);
    private static final PlanPrice STARTER = new PlanPrice("price_s", "prod_s", 1000L, "usd", "month", 1L, 1L);
    private static final Emails.Audience TO = new Emails.Audience("Acme", "https://app.example.com/billing",
            "https://portico.example.com/unsubscribe?token=a.b");

    @Test
    void aScheduledDowngradeNamesItsDateAndWhatStaysUntilThen() {
        Rendered email = Emails.planChanged(changed(Change.SCHEDULED, TEAM, STARTER, "Team", "Starter"), TO);

        assertEquals("plan-changed", email.template());
        assertEquals("Acme switches to Starter on 1 March 2031", email.subject());
        assertTrue(email.text().contains("changes from Team to Starter on 1 March 2031 (UTC)"), email.text());
        assertTrue(email.text().contains("Starter costs USD 10.00 per month."), email.text());
    }

    @Test
    void anAppliedChangeSaysTheNewPlan() {
        Rendered upgraded = Emails.planChanged(changed(Change.UPGRADED, STARTER, TEAM, "Starter", "Team"), TO);
        Rendered downgraded = Emails.planChanged(changed(Change.DOWNGRADED, TEAM, STARTER, "Team", "Starter"), TO);

        assertEquals("Acme is now on Team", upgraded.subject());
        assertTrue(upgraded.text().contains("what it adds is available now"), upgraded.text());
        assertEquals("Acme is now on Starter", downgraded.subject());
        assertTrue(downgraded.text().contains("changed from Team to Starter on 1 March 2031."), downgraded.text());
    }

    private static PlanChanged changed(Change change, PlanPrice from, PlanPrice to, String fromName, String toName) {
        return new PlanChanged("evt_1", new WorkspaceId("ws-1"), "sub_1", change, from, to, fromName, toName, AT, AT);
    }
}
