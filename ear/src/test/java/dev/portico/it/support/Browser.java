package dev.portico.it.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (no driver download). Skips the test,
 * saying why, when the browser is not installed (the build installs it where it can).
 */
public final class Browser {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    public static ChromeDriver open() {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing"
                        + " (Debian packages chromium, chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1200,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** A phone-sized window (then {@link #desktop} to go back). */
    public static void phone(ChromeDriver driver) {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    public static void desktop(ChromeDriver driver) {
        driver.manage().window().setSize(new Dimension(1200, 900));
    }

    /** The violations of WCAG 2.1 A and AA Deque's axe-core finds in what the browser shows: rule (help): nodes. */
    public static List<String> accessibilityViolations(ChromeDriver driver) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        return results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getHelp() + "): " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
    }

    /** Emulates the browser's locale (what {@code Intl} formats by) for the pages opened next. */
    public static void locale(ChromeDriver driver, String tag) {
        driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of()); // a new override replaces none in place
        driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", tag));
    }

    /** Emulates the system's colour scheme ({@code prefers-color-scheme}) for the pages opened next. */
    public static void colorScheme(ChromeDriver driver, String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
