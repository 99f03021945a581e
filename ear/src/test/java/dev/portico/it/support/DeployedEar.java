package dev.portico.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the tests that run the real EAR (the one {@code mvn package} built, unchanged) on a
 * real Payara Server started by Arquillian, and talk to it over HTTP like any client. Every
 * request the server sent to the Stripe stand-in must conform to Stripe's spec.
 */
@ExtendWith({DatabaseUnderTest.class, ArquillianExtension.class})
public abstract class DeployedEar {

    protected final Api api = Api.local();
    protected final StripeStandIn stripe = StripeStandIn.get();

    @Deployment(testable = false)
    public static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("portico.ear", "target/portico.ear"));
        return ShrinkWrap.create(ZipImporter.class, "portico.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    @AfterEach
    void everyStripeRequestConformsToTheSpec() {
        assertEquals(List.of(), stripe.requestsBreakingTheSpec(), "requests Stripe would refuse");
    }

    /** The server's log so far. */
    protected static String serverLog() {
        try {
            return Files.readString(Path.of(System.getProperty("it.server.log")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
