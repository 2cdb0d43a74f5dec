package io.sparkmlp.spark;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/**
 * {@code sync_every} in a configuration: an integer >= 1, or the word {@code auto} for
 * {@link DistributedOptions#AUTO_SYNC_EVERY}, which is how it is written back.
 */
final class SyncEveryJson {
  static final String AUTO = "auto";

  private SyncEveryJson() {}

  /** Reads an integer >= 1 or {@code auto}; anything else names what is allowed. */
  static final class Reader extends JsonDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      String text = t.isScalarValue() ? p.getText().trim() : "";
      if (t == JsonToken.VALUE_STRING && text.equals(AUTO)) {
        return DistributedOptions.AUTO_SYNC_EVERY;
      }
      // A quoted integer is still an integer, as everywhere in a configuration.
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING
          && text.matches("[+-]?\\d+")) {
        try {
          int value = Integer.parseInt(text);
          if (value >= 1) {
            return value;
          }
        } catch (NumberFormatException tooLarge) {
          // reported below with the value as written
        }
      }
      String got = t == JsonToken.VALUE_STRING ? "'" + text + "'" : t.isScalarValue() ? text
          : t == JsonToken.START_ARRAY ? "a list" : "a map";
      throw JsonMappingException.from(p, "expected an integer >= 1 or " + AUTO + ", got " + got);
    }
  }

  /** Writes {@code auto} for 0, else the integer. */
  static final class Writer extends JsonSerializer<Integer> {
    @Override
    public void serialize(Integer value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      if (value == DistributedOptions.AUTO_SYNC_EVERY) {
        g.writeString(AUTO);
      } else {
        g.writeNumber(value);
      }
    }
  }
}
