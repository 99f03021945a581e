package dev.portico.web.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says at start-up, loudly, when the token issuer is not configured: Payara's MP-JWT mechanism
 * then fails every request that carries a token (with an empty 500), which is hard to trace back.
 * And when no audience is: Portico would then take a token minted for any other service of the
 * same identity provider (the readiness check {@code settings} names it too, unless waived).
 */
@Startup
@Singleton
public class IdentitySettingsCheck {

    private static final Logger LOG = Logger.getLogger(IdentitySettingsCheck.class.getName());

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> key;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "portico.security.audience-optional", defaultValue = "false")
    boolean audienceOptional;

    @PostConstruct
    void check() {
        if (issuer.isEmpty() || (keyLocation.isEmpty() && key.isEmpty())) {
            LOG.severe("MP_JWT_VERIFY_ISSUER and MP_JWT_VERIFY_PUBLICKEY_LOCATION (or MP_JWT_VERIFY_PUBLICKEY) are not"
                    + " both set: requests carrying a bearer token will fail. See the README, 'Getting a token'.");
        }
        if (audiences.filter(value -> !value.isBlank()).isEmpty()) {
            String why = "MP_JWT_VERIFY_AUDIENCES is not set: a token the identity provider minted for any other"
                    + " service is accepted. See the README, 'Getting a token'.";
            if (audienceOptional) {
                LOG.warning(why + " (waived: portico.security.audience-optional=true)");
            } else {
                LOG.severe(why + " The readiness check 'settings' stays down until it is set.");
            }
        }
    }
}
