package dev.portico.web.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who may frame Portico's pages (CSP {@code frame-ancestors}): Portico itself, plus the origins in
 * {@code portico.web.frame-ancestors}, or by default the https origins of the hosts the portal may
 * return to ({@code portico.portal.allowed-return-hosts}): the host app that embeds the billing page
 * is the app users return to. A setting that is not a list of origins stops the deployment.
 */
public record FrameAncestors(List<String> origins) {

    static final String KEY = "portico.web.frame-ancestors";

    public FrameAncestors {
        origins = List.copyOf(origins);
    }

    /** From the two settings; {@code 'self'} alone in the setting means no other origin. */
    public static FrameAncestors of(Optional<String> setting, Optional<String> returnHosts) {
        List<String> origins = new ArrayList<>();
        if (setting.isPresent()) {
            for (String entry : split(setting.get())) {
                if (!entry.equals("'self'")) {
                    origins.add(origin(entry));
                }
            }
        } else {
            for (String host : split(returnHosts.orElse(""))) {
                origins.add(origin("https://" + host));
            }
        }
        return new FrameAncestors(origins.stream().distinct().toList());
    }

    /** The directive's value: {@code 'self'} and the origins. */
    public String directive() {
        return String.join(" ", Stream.concat(Stream.of("'self'"), origins.stream()).toList());
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }

    /** {@code scheme://host[:port]}, lower case; anything else (a path, user info, a wildcard, a quote) is refused. */
    private static String origin(String entry) {
        try {
            URI uri = new URI(entry);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && bare
                    && uri.getHost().matches("[A-Za-z0-9.-]+")) {
                return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new IllegalArgumentException(KEY + " (or portico.portal.allowed-return-hosts) holds '" + entry
                + "', which is not an origin such as https://app.example.com");
    }
}
