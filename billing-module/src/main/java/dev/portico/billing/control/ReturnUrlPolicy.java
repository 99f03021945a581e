package dev.portico.billing.control;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the portal may send the browser back to. Only absolute http(s) URLs whose host is listed
 * in {@code portico.portal.allowed-return-hosts} (exact, case-insensitive host names) pass: no
 * scheme-relative URLs, no user-info, no {@code javascript:}, so the portal is no open redirect.
 */
@ApplicationScoped
public class ReturnUrlPolicy {

    static final int MAX_LENGTH = 2048;

    private final String defaultReturnUrl;
    private final Set<String> allowedHosts;

    @Inject
    public ReturnUrlPolicy(@ConfigProperty(name = "portico.portal.default-return-url") String defaultReturnUrl,
                           @ConfigProperty(name = "portico.portal.allowed-return-hosts") String allowedHosts) {
        this.defaultReturnUrl = defaultReturnUrl;
        this.allowedHosts = Arrays.stream(allowedHosts.split(","))
                .map(String::trim)
                .filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    ReturnUrlPolicy() {
        // for CDI proxies
        this.defaultReturnUrl = null;
        this.allowedHosts = Set.of();
    }

    /** The requested URL if it is allowed, else the configured default when none was requested. */
    public String resolve(Optional<String> requested) {
        return requested.map(this::checked).orElse(defaultReturnUrl);
    }

    private String checked(String candidate) {
        if (!isAllowed(candidate)) {
            throw new BillingFailure(Reason.INVALID_RETURN_URL,
                    "returnUrl must be an absolute http(s) URL on an allowed host.");
        }
        return candidate;
    }

    boolean isAllowed(String candidate) {
        if (candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || candidate.chars().anyMatch(c -> c <= 0x20 || c == '\\' || c >= 0x7f)) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        return uri.isAbsolute() && !uri.isOpaque()
                && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                && uri.getRawUserInfo() == null
                && host != null
                && uri.getRawAuthority() != null && !uri.getRawAuthority().contains("@")
                && allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }
}
