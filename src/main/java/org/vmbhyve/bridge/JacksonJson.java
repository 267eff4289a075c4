package org.vmbhyve.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.function.Function;

/** A value as indented JSON, through Jackson (created by {@link org.vmbhyve.host.Libraries}). */
public final class JacksonJson implements Function<Object, String> {

    @Override
    public String apply(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
