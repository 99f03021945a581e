package dev.portico.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the settings nothing works without are present: the Stripe key (portal sessions),
 * the webhook secret (webhooks), the token issuer and key (every signed-in call) and the tokens'
 * audience (without it, a token the identity provider minted for any other service is accepted;
 * {@value #AUDIENCE_OPTIONAL}{@code =true} waives it for providers that cannot set {@code aud}).
 * The answer lists the names of those missing, never a value.
 */
@Readiness
@ApplicationScoped
public class SettingsCheck implements HealthCheck {

    static final String NAME = "settings";

    static final String AUDIENCE = "mp.jwt.verify.audiences";
    static final String AUDIENCE_OPTIONAL = "portico.security.audience-optional";

    /** Each required setting, as alternatives: one of each line must be set. */
    private static final List<List<String>> REQUIRED = List.of(
            List.of("stripe.api.key"),
            List.of("stripe.webhook.secret"),
            List.of("mp.jwt.verify.issuer"),
            List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey"));

    @Override
    public HealthCheckResponse call() {
        Config config = ConfigProvider.getConfig();
        boolean audienceOptional = config.getOptionalValue(AUDIENCE_OPTIONAL, Boolean.class).orElse(false);
        List<List<String>> required = new ArrayList<>(REQUIRED);
        if (!audienceOptional) {
            required.add(List.of(AUDIENCE));
        }
        List<String> missing = required.stream()
                .filter(names -> names.stream().allMatch(name -> config.getOptionalValue(name, String.class)
                        .filter(value -> !value.isBlank()).isEmpty()))
                .map(names -> String.join(" or ", names))
                .toList();
        return HealthCheckResponse.named(NAME).status(missing.isEmpty())
                .withData("missing", missing.isEmpty() ? "none" : String.join(", ", missing)).build();
    }
}
