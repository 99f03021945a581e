package dev.portico.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may frame the pages: from the settings, origins only. */
class FrameAncestorsTest {

    @Test
    void byDefaultTheReturnHostsHttpsOriginsMayFrameThePages() {
        assertEquals("'self' https://app.example.com https://localhost",
                FrameAncestors.of(Optional.empty(), Optional.of("App.Example.com, localhost,")).directive());
        assertEquals("'self'", FrameAncestors.of(Optional.empty(), Optional.empty()).directive());
    }

    @Test
    void theSettingNamesOriginsOrSelfAlone() {
        assertEquals("'self' https://app.example.com http://localhost:3000",
                FrameAncestors.of(Optional.of("https://app.example.com,http://localhost:3000"), Optional.of("other.example")).directive());
        assertEquals("'self'", FrameAncestors.of(Optional.of("'self'"), Optional.of("app.example.com")).directive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "app.example.com", "https://app.example.com/billing", "javascript:alert(1)",
            "https://user@app.example.com", "https://*.example.com", "https://a.example.com'; script-src *", "ftp://a.example"})
    void anythingButAnOriginStopsTheDeployment(String entry) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> FrameAncestors.of(Optional.of(entry), Optional.empty()));
        assertEquals(true, refused.getMessage().startsWith(FrameAncestors.KEY), refused.getMessage());
    }
}
