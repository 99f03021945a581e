package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portico.billing.api.BillingEvent;
import dev.portico.billing.api.BillingStatus;
import dev.portico.billing.api.PlanPrice;
import dev.portico.billing.api.WorkspaceId;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every event billing publishes comes back from its stored form equal, nulls included. */
class FactCodecTest {

    static final List<Class<?>> EVENTS = List.of(BillingEvent.class.getPermittedSubclasses());

    @ParameterizedTest
    @FieldSource("EVENTS")
    void everyEventSurvivesTheRegistry(Class<?> type) throws Exception {
        for (boolean withNulls : new boolean[] {false, true}) {
            BillingEvent event = sample(type, withNulls);

            assertEquals(event, FactCodec.read(FactCodec.type(event), FactCodec.write(event)));
        }
    }

    @Test
    void onlyBillingsOwnEventsAreRead() {
        assertThrows(IllegalArgumentException.class, () -> FactCodec.read("java.lang.Runtime", "{}"));
        assertThrows(IllegalArgumentException.class, () -> FactCodec.read("WorkspaceId", "{\"value\":\"ws-1\"}"));
    }

    /** An instance with a value of each component's type (and, with nulls, null wherever a reference goes). */
    private static BillingEvent sample(Class<?> type, boolean withNulls) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i], withNulls);
        }
        return (BillingEvent) type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                .toArray(Class<?>[]::new)).newInstance(values);
    }

    private static Object value(RecordComponent component, boolean withNulls) {
        Class<?> type = component.getType();
        boolean required = component.getName().equals("stripeEventId") || component.getName().equals("workspace");
        if (type == int.class) {
            return 3;
        } else if (type == long.class) {
            return 2900L;
        } else if (type == boolean.class) {
            return true;
        } else if (withNulls && !required) {
            return null;
        } else if (type == String.class) {
            return component.getName() + "-value";
        } else if (type == WorkspaceId.class) {
            return new WorkspaceId("ws-1");
        } else if (type == Instant.class) {
            return Instant.parse("2026-12-02T10:15:30.123Z");
        } else if (type == BillingStatus.class) {
            return new BillingStatus(new WorkspaceId("ws-1"), "active", "price_1", Instant.parse("2027-01-01T00:00:00Z"), true);
        } else if (type == PlanPrice.class) {
            return new PlanPrice("price_1", withNulls ? null : "prod_1", 2000L, "usd", "month", 1L, withNulls ? null : 3L);
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        } else if (type == Set.class) {
            return new LinkedHashSet<>(List.of("exports", "sso"));
        }
        throw new IllegalArgumentException("No sample for " + type + " in " + component);
    }
}
