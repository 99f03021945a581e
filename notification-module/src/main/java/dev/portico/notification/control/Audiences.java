package dev.portico.notification.control;

import dev.portico.billing.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** How an email addresses its workspace: its name and the links of the footer. */
@ApplicationScoped
public class Audiences {

    @Inject
    Contacts contacts;

    @Inject
    UnsubscribeLinks unsubscribe;

    @Inject
    NotificationSettings settings;

    Emails.Audience of(WorkspaceId workspace) {
        return new Emails.Audience(contacts.of(workspace).displayName(), settings.billingPageUrl(),
                unsubscribe.linkFor(workspace));
    }
}
