package dev.portico.web.notification;

import dev.portico.billing.api.WorkspaceId;

/** The page a one-click unsubscribe shows: plain, self-contained, no scripts. */
final class UnsubscribedPage {

    private UnsubscribedPage() {
    }

    static String html(WorkspaceId workspace) {
        // Workspace ids are [A-Za-z0-9._-] (WorkspaceId checks it): nothing to escape.
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>Unsubscribed</title></head>
                <body style="font-family:sans-serif;max-width:32em;margin:3em auto;padding:0 1em">
                <h1>You are unsubscribed</h1>
                <p>Billing emails for workspace <strong>%s</strong> will no longer be sent.
                A billing admin can turn them on again in the workspace's notification preferences.</p>
                </body></html>
                """.formatted(workspace.value());
    }
}
