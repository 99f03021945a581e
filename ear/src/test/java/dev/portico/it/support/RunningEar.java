package dev.portico.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portico.it.clock.ClockResource;
import dev.portico.it.clock.ControlledClock;
import dev.portico.it.faults.FaultExtension;
import dev.portico.it.faults.FaultInterceptor;
import dev.portico.it.faults.FaultResource;
import dev.portico.it.faults.Faulty;
import jakarta.enterprise.inject.spi.Extension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchiveFormat;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the tests that run an EAR on a real Payara Server started by Arquillian, and talk to it
 * over HTTP like any client. Every request the server sent to the Stripe stand-in must conform to
 * Stripe's spec. Subclasses name the EAR: Portico's own ({@link DeployedEar}), or a product's.
 */
@ExtendWith({DatabaseUnderTest.class, ArquillianExtension.class})
public abstract class RunningEar {

    protected final Api api = Api.local();
    protected final StripeStandIn stripe = StripeStandIn.get();

    private static final String WAR = "portico-web.war";

    /**
     * The EAR {@code mvn package} built at {@code path}, plus two test-only switches, as a library
     * every module sees and resources in Portico's WAR that set them: a clock the tests can move
     * ({@link ServerClock}), and listeners the tests can make fail ({@link Faults}).
     */
    protected static EnterpriseArchive withTestSwitches(String path, String name) {
        EnterpriseArchive ear = ShrinkWrap.create(ZipImporter.class, name).importFrom(new File(path))
                .as(EnterpriseArchive.class);
        WebArchive war = ear.getAsType(WebArchive.class, WAR, ArchiveFormat.ZIP)
                .addClasses(ClockResource.class, FaultResource.class);
        ear.delete(WAR);
        return ear.addAsModule(war).addAsLibrary(ShrinkWrap.create(JavaArchive.class, "portico-it-switches.jar")
                .addClasses(ControlledClock.class, Faulty.class, Faulty.Literal.class, FaultInterceptor.class,
                        FaultExtension.class)
                .addAsServiceProvider(Extension.class, FaultExtension.class)
                .addAsManifestResource(new StringAsset("<beans bean-discovery-mode=\"annotated\"/>"), "beans.xml"));
    }
    @AfterEach
    void serverClockBackToNow() {
        ServerClock.reset(api);
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
