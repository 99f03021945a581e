package dev.portico.it.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** Base of the tests that run Portico's own EAR, the one {@code mvn package} built in this module. */
public abstract class DeployedEar extends RunningEar {

    @Deployment(testable = false)
    public static EnterpriseArchive ear() {
        return withTestSwitches(System.getProperty("portico.ear", "target/portico.ear"), "portico.ear");
    }
}
