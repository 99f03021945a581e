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

    @PostConstruct
    void check() {
        if (issuer.isEmpty() || (keyLocation.isEmpty() && key.isEmpty())) {
            LOG.severe("MP_JWT_VERIFY_ISSUER and MP_JWT_VERIFY_PUBLICKEY_LOCATION (or MP_JWT_VERIFY_PUBLICKEY) are not"
                    + " both set: requests carrying a bearer token will fail. See the README, 'Getting a token'.");
        }
    }
}
