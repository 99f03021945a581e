package dev.portico.billing.control;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.portico.billing.api.BillingEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Billing's domain events as the publication registry stores them: JSON of the record, typed by
 * its simple name. Only the records {@link BillingEvent} permits can be read back, so a stored row
 * never names an arbitrary class.
 */
final class FactCodec {

    private static final Gson GSON = new GsonBuilder().serializeNulls()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe()).create();
    private static final Map<String, Class<?>> TYPES = Arrays.stream(BillingEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private FactCodec() {
    }

    static String type(BillingEvent fact) {
        return fact.getClass().getSimpleName();
    }

    static String write(BillingEvent fact) {
        return GSON.toJson(fact);
    }

    static BillingEvent read(String type, String json) {
        Class<?> record = TYPES.get(type);
        if (record == null) {
            throw new IllegalArgumentException("Not one of billing's events: " + type);
        }
        return (BillingEvent) GSON.fromJson(json, record);
    }

    /** ISO-8601, as everywhere else in Portico's JSON. */
    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return Instant.parse(in.nextString());
        }
    }
}
