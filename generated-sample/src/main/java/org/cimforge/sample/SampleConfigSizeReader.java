package org.cimforge.sample;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/** Reads a size in a configuration file: a whole number of bytes, or a string with a unit such as {@code "100G"}. */
public final class SampleConfigSizeReader extends StdDeserializer<Long> {
    private static final long serialVersionUID = 1L;

    /** Jackson creates it from the {@code @JsonDeserialize} annotations in {@link SampleConfig}. */
    public SampleConfigSizeReader() {
        super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        try {
            long bytes;
            if (token == JsonToken.VALUE_NUMBER_INT) {
                bytes = p.getLongValue();
            } else if (token == JsonToken.VALUE_STRING) {
                bytes = CliSizes.parseSize(p.getText());
            } else {
                throw new IllegalArgumentException("expected a size such as 100G or a number of bytes, found "
                        + describe(token));
            }
            if (bytes <= 0) {
                throw new IllegalArgumentException("a size must be positive, got " + p.getText());
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw JsonMappingException.from(p, e.getMessage());
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_NUMBER_FLOAT -> "a fraction (write it with a unit, such as 1.5G)";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "no value";
        };
    }
}

