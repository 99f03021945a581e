package dev.portico.web.notification;

import dev.portico.billing.api.WorkspaceId;

/**
 * The pages behind an email's unsubscribe link: plain HTML and one stylesheet, no scripts (the CSP forbids them). Opening the
 * link only asks (mail scanners and link previews open links); the button POSTs, and only that opts out.
 */
final class UnsubscribePages {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>%s</title><link rel="stylesheet" href="/pages/page.css"></head>
            <body>
            %s
            </body></html>
            """;

    private UnsubscribePages() {
    }

    /** Says what the button will do; the form posts the same link back. */
    static String confirm(WorkspaceId workspace, String token) {
        // Workspace ids are [A-Za-z0-9._-] (WorkspaceId checks it) and a valid token is base64url and
        // a dot: nothing to escape, and nothing else reaches this page.
        return PAGE.formatted("Unsubscribe from billing emails", """
                <h1>Unsubscribe from billing emails?</h1>
                <p>Billing emails for workspace <strong>%s</strong> (cancellations, payment reminders, receipts)
                will no longer be sent to anyone. A billing admin can turn them on again in the workspace's
                notification preferences.</p>
                <form method="post" action="unsubscribe?token=%s">
                <button type="submit">Unsubscribe</button>
                </form>""".formatted(workspace.value(), token));
    }

    static String done(WorkspaceId workspace) {
        return PAGE.formatted("Unsubscribed", """
                <h1>You are unsubscribed</h1>
                <p>Billing emails for workspace <strong>%s</strong> will no longer be sent.
                A billing admin can turn them on again in the workspace's notification preferences.</p>"""
                .formatted(workspace.value()));
    }
}
